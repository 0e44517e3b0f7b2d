"""US-GAAP's sums checked on a filing's facts: a total that its components contradict is reported."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from converter.calcs import CONTRADICTION, Sum, us_gaap_contradictions
from converter.findings import SourceRef
from converter.model import Fact, Period, Unit

YEAR = Period.duration(date(1994, 1, 1), date(1994, 12, 31))
USD = Unit(numerators=("iso4217:USD",))
GROSS = Sum("StatementOfIncome", "GrossProfit", (("Revenues", 1), ("CostOfRevenue", -1)))


def _fact(concept: str, value: int, decimals: int = -6, line: int = 1) -> Fact:
    source = SourceRef(document="t.txt", line_start=line, line_end=line, text=f"{concept} {value}")
    return Fact(concept=concept, value=Decimal(value), decimals=decimals, period=YEAR, unit=USD, sources=(source,))


def test_a_total_its_components_add_up_to_stands() -> None:
    facts = [
        _fact("Revenues", 8_076_000_000),
        _fact("CostOfRevenue", 3_429_000_000),
        _fact("GrossProfit", 4_647_000_000),
    ]
    assert us_gaap_contradictions(facts, [GROSS]) == ()


def test_a_total_its_components_contradict_is_reported_with_both_readings() -> None:
    facts = [
        _fact("Revenues", 8_076_000_000, line=10),
        _fact("CostOfRevenue", 3_429_000_000, line=11),
        _fact("GrossProfit", 4_637_000_000, line=12),
    ]
    (finding,) = us_gaap_contradictions(facts, [GROSS])
    assert finding.code == CONTRADICTION
    assert "is 4637000000" in finding.message and "= 4647000000" in finding.message
    assert [s.line_start for s in finding.sources] == [12, 10, 11]


def test_rounding_of_the_printed_figures_is_no_contradiction() -> None:
    # 8,076.4 - 3,429.4 printed in millions as 8,076 and 3,429: 4,647 is within the last digits.
    facts = [
        _fact("Revenues", 8_076_000_000),
        _fact("CostOfRevenue", 3_429_000_000),
        _fact("GrossProfit", 4_648_000_000),
    ]
    assert us_gaap_contradictions(facts, [GROSS]) == ()


def test_a_sum_with_a_component_missing_is_not_checked() -> None:
    facts = [_fact("Revenues", 8_076_000_000), _fact("GrossProfit", 1)]
    assert us_gaap_contradictions(facts, [GROSS]) == ()
