"""Tables are read, mapped and extended one at a time: what spans tables is still joined over the filing."""

from __future__ import annotations

from decimal import Decimal

from converter.mapping import MappingTable
from converter.model import Result
from converter.pipeline import Options, convert
from converter.taxonomy import Taxonomy

TWO_TABLES = """\
ACME WIDGETS INC.

                     CONSOLIDATED STATEMENTS OF INCOME
                         (In thousands of dollars)

                                        Three Months Ended
                                     March 31,      March 31,
                                        2001           2000
                                     ---------      ---------
Revenues                              $ 1,000        $   900
Widget polishing fees                     120            110
Net income                                 50             40


                    CONSOLIDATED STATEMENTS OF INCOME (CONTINUED)
                         (In thousands of dollars)

                                        Six Months Ended
                                     June 30,       June 30,
                                        2001           2000
                                     ---------      ---------
Revenues                              $ 2,100        $ 1,800
Widget polishing fees                     250            215
Net income                                 90             70
"""


def _result(taxonomy: Taxonomy, mapping_table: MappingTable) -> Result:
    return convert(
        TWO_TABLES,
        name="acme.txt",
        options=Options(fiscal_year_end="12-31"),
        taxonomy=taxonomy,
        mapping=mapping_table,
    )


def test_a_label_no_rule_names_is_one_finding_over_both_tables(taxonomy: Taxonomy, mapping_table: MappingTable) -> None:
    result = _result(taxonomy, mapping_table)
    unmapped = [f for f in result.findings if f.code == "mapping.unmapped-label" and "Widget polishing" in f.message]
    assert len(unmapped) == 1
    assert "(4 figures)" in unmapped[0].message
    assert [(s.line_end, s.cell) for s in unmapped[0].sources] == [(11, "120"), (11, "110"), (23, "250"), (23, "215")]


def test_an_extension_concept_is_declared_once_for_both_tables(taxonomy: Taxonomy, mapping_table: MappingTable) -> None:
    result = _result(taxonomy, mapping_table)
    assert result.extension is not None
    declared = [c for c in result.extension.concepts if c.name.startswith("WidgetPolishingFees")]
    assert [c.name for c in declared] == ["WidgetPolishingFees"]
    assert "line 11" in declared[0].documentation  # where it was first printed: the first table
    values = sorted(f.value for f in result.facts if f.concept == "ext:WidgetPolishingFees")
    assert values == [Decimal(110000), Decimal(120000), Decimal(215000), Decimal(250000)]
    assert [r.id for r in result.extension.roles] == ["Table001", "Table002"]
    assert {a.role for a in result.extension.presentation} == {"Table001", "Table002"}
    assert result.cells.total == result.cells.tagged == 12
