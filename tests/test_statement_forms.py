"""Forms that 1993-2008 statements print, each quoted as printed, read end to end into facts.

Each case is a small statement in a form met in the accuracy corpus (``corpus/``), reduced to the lines
that carry the form; the expected facts are read off the text by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from converter.mapping import MappingTable
from converter.model import Period
from converter.pipeline import Options, convert
from converter.taxonomy import Taxonomy


def _facts(text: str, taxonomy: Taxonomy, mapping: MappingTable, **options: str) -> set[tuple[str, str, Decimal]]:
    result = convert(text, name="t.txt", options=Options(**options), taxonomy=taxonomy, mapping=mapping)
    return {(f.concept, _period(f.period), f.value) for f in result.facts}


def _period(period: Period) -> str:
    return f"@{period.end}" if period.start is None else f"{period.start}..{period.end}"


# --- scale -------------------------------------------------------------------------------------------

SCALE_IN_HEADING = """\
                      CONSOLIDATED STATEMENTS OF OPERATIONS

                                                 Year Ended December 31,
                                              1994        1993        1992
- ----------------------------------------------------------------------------
                                    {scale}
- ----------------------------------------------------------------------------
Revenues
 Premium                                  $3,376,238  $2,782,399  $1,943,619
  Total Revenues                           3,768,882   3,115,202   2,200,636
Net Income                                $  288,226  $  249,745  $  174,506
"""


@pytest.mark.parametrize(
    ("scale", "factor"),
    [
        ("(in thousands, except per share data)", 1000),
        ("(millions of dollars)", 1_000_000),
        ("(Dollars in Thousands, Except Per Share Data)", 1000),
    ],
)
def test_a_scale_printed_between_the_years_and_the_rows_applies_to_every_figure(
    scale: str, factor: int, taxonomy: Taxonomy, mapping_table: MappingTable
) -> None:
    facts = _facts(SCALE_IN_HEADING.format(scale=scale), taxonomy, mapping_table)
    assert ("Revenues", "1994-01-01..1994-12-31", Decimal(3768882) * factor) in facts
    assert ("NetIncomeLoss", "1992-01-01..1992-12-31", Decimal(174506) * factor) in facts


# --- captions ----------------------------------------------------------------------------------------

TITLE_INSIDE_TABLE_MARKUP = """\
Although the Company cannot accurately determine the precise
effect of inflation on its operations, it does not believe
inflation has had a material effect on sales or results of
operations.
<PAGE>
<TABLE>
Consolidated Statements of Earnings

The Home Depot, Inc. and Subsidiaries

Amounts in thousands, except per share data

<CAPTION>
                                                    Fiscal Year Ended
                                       January 30,    January 31,    February 2,
                                              1994           1993           1992

<S>                                     <C>            <C>            <C>
Net Sales                               $9,238,763     $7,148,436     $5,136,674
Net Earnings                            $  457,401     $  362,863     $  249,150
</TABLE>
"""


def test_title_lines_between_table_and_caption_markup_are_the_caption(
    taxonomy: Taxonomy, mapping_table: MappingTable
) -> None:
    """Title and scale printed after <TABLE> and before <CAPTION>: the prose above is not the caption."""
    facts = _facts(TITLE_INSIDE_TABLE_MARKUP, taxonomy, mapping_table)
    assert ("Revenues", "1993-02-01..1994-01-30", Decimal(9238763000)) in facts
    assert ("NetIncomeLoss", "1991-02-04..1992-02-02", Decimal(249150000)) in facts
