"""The 6-K release end to end: key facts, accounting of every cell, the Table 9 conflict."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from lookup import one_fact
from paths import RELEASE_6K

from converter.mapping import MappingTable, normalise_label
from converter.model import Period, Result
from converter.pipeline import Options, convert
from converter.taxonomy import Taxonomy

Q1_03 = Period.duration(date(2003, 4, 1), date(2003, 6, 30))
Q1_02 = Period.duration(date(2002, 4, 1), date(2002, 6, 30))
Q4_02 = Period.duration(date(2003, 1, 1), date(2003, 3, 31))


@pytest.fixture(scope="module")
def result(taxonomy: Taxonomy, mapping_table: MappingTable) -> Result:
    return convert(
        RELEASE_6K.read_bytes(),
        name=RELEASE_6K.name,
        options=Options(cik="1090633"),
        taxonomy=taxonomy,
        mapping=mapping_table,
    )


@pytest.mark.parametrize(
    ("concept", "period", "unit", "value", "decimals"),
    [
        ("Revenues", Q1_03, "JPY", Decimal("8344046000"), -3),
        ("NetIncomeLoss", Q1_03, "JPY", Decimal("-1989090000"), -3),
        ("Assets", Period.instant(date(2003, 6, 30)), "JPY", Decimal("35283861000"), -3),
        ("EarningsPerShareBasic", Q1_03, "JPY-per-shares", Decimal("-87970"), 0),
        ("NetIncomeLossPerADSEquivalentBasic", Q1_03, "JPY-per-ADS", Decimal("-43.98"), 2),
        ("WeightedAverageNumberOfSharesOutstandingBasic", Q1_03, "shares", Decimal("22611"), 0),
        ("Cash", Period.instant(date(2002, 3, 31)), "JPY", Decimal("11045919000"), -3),
        ("IncomeTaxExpenseBenefit", Q1_03, "JPY", Decimal("-390035000"), -3),
        ("PaymentsToAcquirePropertyPlantAndEquipment", Q1_03, "JPY", Decimal("933646000"), -3),
        ("NetIncomeLossAttributableToNoncontrollingInterest", Q1_03, "JPY", Decimal("-201701000"), -3),
        ("IncomeLossFromEquityMethodInvestments", Q4_02, "JPY", Decimal("-1253875000"), -3),
        ("RevenueConnectivityServices", Q1_02, "JPY", Decimal("4346000000"), -6),
        ("AdjustedEBITDA", Q1_03, "JPY", Decimal("-97000000"), -6),
        ("DepreciationAndAmortizationExcludingDebtIssuanceCosts", Q1_03, "JPY", Decimal("963000000"), -6),
        ("ContractBandwidthTotal", Period.instant(date(2002, 6, 30)), "Gbps", Decimal("14.4"), 1),
        ("DialUpAccessServiceContracts", Period.instant(date(2003, 6, 30)), "pure", Decimal("591572"), 0),
        ("ProceedsFromSaleLeasebackOfPropertyAndEquipment", Q1_03, "JPY", Decimal("0"), -3),
    ],
)
def test_key_facts(result: Result, concept: str, period: Period, unit: str, value: Decimal, decimals: int) -> None:
    assert one_fact(result, concept, period, unit) == (value, decimals)


def test_one_fact_many_places(result: Result) -> None:
    """Total revenues 1Q03 is printed in Table 1 (millions) and Appendix 1 (thousands): one fact."""
    (fact,) = [f for f in result.facts if f.concept == "Revenues" and f.period == Q1_03 and f.unit.id == "JPY"]
    assert fact.sources[0].line_end == 604 and fact.sources[0].cell == "8,344,046"
    lines = sorted(s.line_end for s in fact.sources)
    assert lines == [17, 126, 157, 604]  # Table 1, and two sentences of the highlights
    assert any("Total revenues" in s.text for s in fact.sources)


def test_every_cell_accounted(result: Result) -> None:
    cells = result.cells
    assert cells.unaccounted == 0
    assert cells.total == cells.tagged + sum(cells.skipped.values())
    assert set(cells.skipped) == {"convenience-translation", "derived-percentage", "source-conflict"}


def test_table_9_tax_sign_is_a_reported_conflict(result: Result) -> None:
    conflicts = [f for f in result.findings if f.code == "source.conflict"]
    tax = [f for f in conflicts if f.message.startswith("IncomeTaxExpenseBenefit")]
    assert len(tax) == 3  # every quarter of Table 9's row has the sign opposite to its label
    for finding in tax:
        assert [s.line_end for s in finding.sources][1] == 403
    assert not [f for f in result.findings if f.code == "mapping.unmapped-label"]


def test_no_duplicate_facts(result: Result) -> None:
    keys = [f.aspects for f in result.facts]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize(
    ("printed", "normalised"),
    [
        ("Income tax expense(benefit)", "income tax expense"),
        ("Provision/(credit) for income taxes", "provision for income taxes"),
        ("Net (decrease) increase in cash", "net increase in cash"),
        ("NET EARNINGS (LOSS)", "net income"),
        ("Income/(loss) before income taxes", "income before income taxes"),
        ("Common stock(2)", "common stock"),
        ("Capital Lease Obligations- Noncurrent", "capital lease obligations-noncurrent"),
        ("Cash, Beginning of Period", "cash beginning of period"),
        ("64kbps - 128kbps", "64kbps-128kbps"),
        ("Revenues:", "revenues"),
        ("Long Term Debt", "long-term debt"),
        ("Long - term debt", "long-term debt"),
        ("Non-interest income", "noninterest income"),
        ("Non interest expense", "noninterest expense"),
        ("Selling, Marketing, & Administrative Exp.", "selling marketing and administrative expenses"),
        ("Asset management and admin. fees", "asset management and administrative fees"),
        ("Net income per share of common stock", "net income per share"),
        ("Earnings per common share", "income per share"),
        ("Net income (loss) per unit - basic and diluted", "net income per share-basic and diluted"),
        ("Weighted average units outstanding", "weighted average shares outstanding"),
    ],
)
def test_normalise_label(printed: str, normalised: str) -> None:
    assert normalise_label(printed) == normalised


def test_a_heading_wrapped_over_two_lines_is_one_heading() -> None:
    from converter.mapping import whole_headings

    assert whole_headings(("per share (in thousands)", "Shares used in computing earnings", "Operating expenses")) == (
        "Shares used in computing earnings per share (in thousands)",
        "Operating expenses",
    )
    assert whole_headings(("Current assets", "ASSETS")) == ("Current assets", "ASSETS")
