"""Hostile and broken input: a clear error or a conversion that loses nothing, never a crash."""

from __future__ import annotations

import pytest

from converter.mapping import MappingTable
from converter.model import Result
from converter.pipeline import Options, convert
from converter.segment import row_cells
from converter.taxonomy import Taxonomy
from converter.values import is_garbled_figure, parse_number

HEAD = (
    "Table 1. Revenues (JPY in millions)\n\n"
    "                                  1Q03        2Q03\n"
    "                              ----------  ----------\n"
)
OPTIONS = Options(fiscal_year_end="03-31", cik="1090633")


def _convert(text: str | bytes, taxonomy: Taxonomy, mapping: MappingTable, name: str = "t.txt") -> Result:
    return convert(text, name=name, options=OPTIONS, taxonomy=taxonomy, mapping=mapping)


def _accounted(result: Result) -> None:
    """Every cell is tagged, skipped with a reason or counted as unaccounted: none vanish."""
    cells = result.cells
    assert cells.total == cells.tagged + sum(cells.skipped.values()) + cells.unaccounted


def test_letters_in_a_number_are_reported_not_tagged(taxonomy: Taxonomy, mapping_table: MappingTable) -> None:
    """Regression: "1,2O4" was read as the row's label and its figure silently lost."""
    text = HEAD + "Total revenues                     1,2O4       1,300\n"
    result = _convert(text, taxonomy, mapping_table)
    _accounted(result)
    assert result.cells.total == 2
    assert result.cells.unaccounted == 1
    assert [str(f.value) for f in result.facts] == ["1300000000"]
    unreadable = [f for f in result.findings if f.code == "table.unreadable-cell"]
    assert len(unreadable) == 1
    assert "1,2O4" in unreadable[0].message and "Total revenues" in unreadable[0].message
    assert unreadable[0].sources[0].cell == "1,2O4"


@pytest.mark.parametrize(
    ("text", "garbled"),
    [
        ("1,2O4", True),
        ("l,059", True),
        ("(3l8)", True),
        ("2O03", True),
        ("1,204", False),  # a figure
        ("B2", False),  # a label word ("Series B2")
        ("1Q03", False),  # a quarter name
        ("64kbps", False),
        ("Oil", False),
        ("IO", False),
    ],
)
def test_garbled_figures(text: str, garbled: bool) -> None:
    assert is_garbled_figure(text) is garbled
    if garbled:
        assert parse_number(text) is None


def test_garbled_figure_is_a_cell_not_a_label_word() -> None:
    label, cells = row_cells("Other revenues        1,2O4     500")
    assert label == "Other revenues"
    assert [c.text for c in cells] == ["1,2O4", "500"]
