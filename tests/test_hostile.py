"""Hostile and broken input: a clear error or a conversion that loses nothing, never a crash."""

from __future__ import annotations

import time

import pytest

from converter.mapping import MappingTable
from converter.model import Result
from converter.pipeline import Options, convert
from converter.segment import row_cells
from converter.taxonomy import Taxonomy
from converter.values import MAX_FIGURE_DIGITS, is_garbled_figure, parse_number

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


MEGABYTE = 1_000_000
# Generous: before the fix these took hours (the dot leader and heading splitter were quadratic).
LONG_LINE_SECONDS = 20


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(HEAD + "Total revenues " + "." * MEGABYTE + "x   1,204   1,300\n", id="run-of-dots"),
        pytest.param(HEAD + "Total revenues " + ". " * (MEGABYTE // 2) + "  1,204   1,300\n", id="dot-leader"),
        pytest.param(
            "Table 1\n\n" + "   1Q03" * (MEGABYTE // 7) + "\n  ----\nTotal revenues   1,204   1,300\n", id="heading"
        ),
        pytest.param(HEAD + "x" * MEGABYTE + "   1,204   1,300\n", id="one-word"),
        pytest.param(HEAD + "Total revenues" + " " * MEGABYTE + "1,204   1,300\n", id="spaces"),
        pytest.param(HEAD + "Total revenues    " + "1" * MEGABYTE + "   1,300\n", id="digits"),
        pytest.param(HEAD + "Total revenues  " + "  1,204" * (MEGABYTE // 35) + "\n", id="cells"),
    ],
)
def test_a_line_of_a_megabyte(text: str, taxonomy: Taxonomy, mapping_table: MappingTable) -> None:
    started = time.perf_counter()
    result = _convert(text, taxonomy, mapping_table)
    assert time.perf_counter() - started < LONG_LINE_SECONDS
    _accounted(result)


def test_absurd_numbers_are_reported_not_rounded(taxonomy: Taxonomy, mapping_table: MappingTable) -> None:
    """Regression: 40 digits in millions were rounded to 28 (a fact the filing does not state);
    a megabyte of digits overflowed Decimal and crashed the mapping."""
    forty = "1" * 40
    result = _convert(HEAD + f"Total revenues  {forty}       1,300\n", taxonomy, mapping_table)
    _accounted(result)
    assert all(len(str(f.value)) < 20 for f in result.facts)
    assert any(f.code == "table.unreadable-cell" and forty in f.message for f in result.findings)
    assert parse_number("1" * (MAX_FIGURE_DIGITS + 1)) is None
    assert parse_number("9" * MAX_FIGURE_DIGITS) is not None
