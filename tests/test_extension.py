"""The extension's calculations: stated only where every context of the instance satisfies them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from converter.extension import concept_name, consistent_calculations
from converter.findings import SourceRef
from converter.model import Extension, ExtensionArc, Fact, Period, Unit

USD = Unit(numerators=("iso4217:USD",))
SOURCE = SourceRef(document="t.txt", line_start=1, line_end=1, text="x")


def _fact(concept: str, value: str, day: date) -> Fact:
    return Fact(
        concept=concept, value=Decimal(value), decimals=0, period=Period.instant(day), unit=USD, sources=(SOURCE,)
    )


def test_a_sum_another_context_contradicts_is_left_out() -> None:
    """Table 1 sums current assets from cash and receivables at 1997; the 1998 balance sheet has other
    current assets as well, so the same relationship would be inconsistent at 1998: it is left out."""
    y97, y98 = date(1997, 12, 31), date(1998, 6, 30)
    facts = [
        _fact("AssetsCurrent", "30", y97),
        _fact("Cash", "10", y97),
        _fact("Receivables", "20", y97),
        _fact("AssetsCurrent", "45", y98),
        _fact("Cash", "15", y98),
        _fact("Receivables", "20", y98),
        _fact("ext:Other", "10", y98),
    ]
    arcs = (
        ExtensionArc(role="Table001", parent="AssetsCurrent", child="Cash", order=1, weight=1),
        ExtensionArc(role="Table001", parent="AssetsCurrent", child="Receivables", order=2, weight=1),
    )
    kept, findings = consistent_calculations(Extension(calculation=arcs), facts)
    assert kept.calculation == ()
    assert [f.code for f in findings] == ["calc.relationship-not-stated"]
    assert "1998-06-30" in findings[0].message

    ok = [f for f in facts if f.period.end == y97]
    kept, findings = consistent_calculations(Extension(calculation=arcs), ok)
    assert kept.calculation == arcs and findings == ()


def test_rounding_is_allowed_as_calculations_1_1_does() -> None:
    """Figures in thousands: 1.4 + 2.4 printed as 1 + 2 against a total of 4 is within rounding."""
    day = date(2001, 12, 31)
    facts = [
        Fact(concept="T", value=Decimal("4000"), decimals=-3, period=Period.instant(day), unit=USD, sources=(SOURCE,)),
        Fact(concept="A", value=Decimal("1000"), decimals=-3, period=Period.instant(day), unit=USD, sources=(SOURCE,)),
        Fact(concept="B", value=Decimal("2000"), decimals=-3, period=Period.instant(day), unit=USD, sources=(SOURCE,)),
    ]
    arcs = (
        ExtensionArc(role="Table001", parent="T", child="A", order=1, weight=1),
        ExtensionArc(role="Table001", parent="T", child="B", order=2, weight=1),
    )
    assert consistent_calculations(Extension(calculation=arcs), facts)[0].calculation == arcs


@pytest.mark.parametrize(
    ("label", "sections", "name"),
    [
        ("Non-fuel O & M", (), "NonFuelOAndM"),
        ("Total", ("Inventories:",), "InventoriesTotal"),
        ("Other net", ("Financing",), "FinancingOtherNet"),
        ("Other, net", ("Financing",), "FinancingOtherNet"),
        ("Other, net", ("Common stock and paid-in capital",), "CommonStockAndPaidInCapitalOtherNet"),
    ],
)
def test_a_bare_label_is_named_with_its_section(label: str, sections: tuple[str, ...], name: str) -> None:
    """ "Other, net" in a cash flow's financing and in an equity statement are two concepts, not one."""
    assert concept_name(label, sections) == name
