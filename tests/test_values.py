"""Cell text to numbers, from a table of (printed, value, fraction digits, flags)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from converter.values import is_cell, parse_number

CASES = [
    ("(1,059,574)", Decimal("-1059574"), 0, False),
    ("-1,060", Decimal("-1060"), 0, False),
    ("1,421", Decimal("1421"), 0, False),
    (".62", Decimal("0.62"), 2, False),
    ("$(5.64)", Decimal("-5.64"), 2, False),
    ("$ 1,601", Decimal("1601"), 0, False),
    ("(43.98)", Decimal("-43.98"), 2, False),
    ("-0.8", Decimal("-0.8"), 1, False),
    ("39.8%", Decimal("39.8"), 1, True),
    ("(23.8%)", Decimal("-23.8"), 1, True),
    ("(5.7%)", Decimal("-5.7"), 1, True),
    ("-129.5%", Decimal("-129.5"), 1, True),
    ("0", Decimal("0"), 0, False),
    ("45,222,494", Decimal("45222494"), 0, False),
]


@pytest.mark.parametrize(("text", "value", "digits", "percent"), CASES)
def test_parse_number(text: str, value: Decimal, digits: int, percent: bool) -> None:
    parsed = parse_number(text)
    assert parsed is not None
    assert parsed.value == value
    assert isinstance(parsed.value, Decimal)
    assert parsed.fraction_digits == digits
    assert parsed.percent is percent


@pytest.mark.parametrize("text", ["-", "--", "\u2014"])
def test_dash_is_nil_zero(text: str) -> None:
    parsed = parse_number(text)
    assert parsed is not None and parsed.nil and parsed.value == 0


@pytest.mark.parametrize("text", ["1,2O4", "30,", "2003.", "1.2Gbps", "SEIL/Turbo", "(", "abc", "", "1,23,4"])
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None
    assert not is_cell(text)


@pytest.mark.parametrize(
    ("texts", "years"),
    [
        (["1994", "1993", "1992", "l991", "1990"], [1994, 1993, 1992, 1991, 1990]),
        (["199O", "1991", "1992"], [1990, 1991, 1992]),
        (["1994", "1993"], None),  # nothing misprinted: an ordinary line of years
        (["1994", "l993", "1995"], None),  # no run: the misprint is not confirmed
        (["1,2O4", "500"], None),
    ],
)
def test_a_misprinted_year_is_read_only_within_its_run(texts: list[str], years: list[int] | None) -> None:
    from converter.values import heading_years

    assert heading_years(texts) == years
