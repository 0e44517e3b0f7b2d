"""Facts of one entity that disagree between documents, read from the xBRL-JSON outputs.

Seed 001's "JPY9.9B" 1Q02 revenue (9.85 to 9.95 billion at its precision) against seed 003's
9,849,202 thousand for the same quarter is such a case; its "$82M", a convenience translation, is no fact.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

__all__ = ["Disagreement", "Reported", "crosscheck", "reported_facts"]


@dataclass(frozen=True, slots=True)
class Reported:
    """One fact as a document reports it."""

    document: str
    fact_id: str
    value: Decimal
    decimals: int | None


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Two documents giving the same entity, concept, period, unit and dimensions different values."""

    aspects: tuple[tuple[str, str], ...]
    first: Reported
    second: Reported


def reported_facts(document: str, report: Mapping[str, Any]) -> Iterable[tuple[tuple[tuple[str, str], ...], Reported]]:
    """``{"facts": {"f-…": {"value": "9900000000", "decimals": -8, "dimensions": {...}}}}`` → keyed facts."""
    for fact_id, fact in sorted(report.get("facts", {}).items()):
        value = fact.get("value")
        if value is None:
            continue
        try:
            number = Decimal(value)
        except ArithmeticError:
            continue
        aspects = tuple(sorted((str(k), str(v)) for k, v in fact.get("dimensions", {}).items()))
        yield aspects, Reported(document, fact_id, number, fact.get("decimals"))


def _agree(a: Reported, b: Reported) -> bool:
    places = [d for d in (a.decimals, b.decimals) if d is not None]
    if not places:
        return a.value == b.value
    return abs(a.value - b.value) <= Decimal(5).scaleb(-min(places) - 1)


def crosscheck(reports: Iterable[tuple[str, Mapping[str, Any]]]) -> tuple[Disagreement, ...]:
    """Every pair of documents whose facts share all aspects but not their value, within precision."""
    seen: dict[tuple[tuple[str, str], ...], list[Reported]] = {}
    for document, report in reports:
        for aspects, reported in reported_facts(document, report):
            seen.setdefault(aspects, []).append(reported)
    found: list[Disagreement] = []
    for aspects, facts in sorted(seen.items()):
        for i, first in enumerate(facts):
            for second in facts[i + 1 :]:
                if first.document != second.document and not _agree(first, second):
                    found.append(Disagreement(aspects, first, second))
    return tuple(found)
