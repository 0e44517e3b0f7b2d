"""Finding one fact in a Result, for tests that check values by concept, period and unit."""

from __future__ import annotations

from decimal import Decimal

from converter.model import Period, Result


def one_fact(result: Result, concept: str, period: Period, unit: str) -> tuple[Decimal, int | None]:
    """The value and decimals of the single fact with these aspects (fails if none or several)."""
    found = [f for f in result.facts if f.concept == concept and f.period == period and f.unit.id == unit]
    others = [(f.period, f.unit.id) for f in result.facts if f.concept == concept]
    assert len(found) == 1, (concept, period, unit, others)
    return found[0].value, found[0].decimals
