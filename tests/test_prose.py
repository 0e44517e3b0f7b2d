"""Figures stated in prose: the slides (seed 001) and the 6-K's narrative."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from lookup import one_fact
from paths import RELEASE_6K, SLIDES

from converter.mapping import MappingTable
from converter.model import Period, Result
from converter.pipeline import Options, convert
from converter.taxonomy import Taxonomy

Q1_02 = Period.duration(date(2002, 4, 1), date(2002, 6, 30))
Q2_02 = Period.duration(date(2002, 7, 1), date(2002, 9, 30))
FY02 = Period.duration(date(2002, 4, 1), date(2003, 3, 31))
Q1_03 = Period.duration(date(2003, 4, 1), date(2003, 6, 30))
Q2_03 = Period.duration(date(2003, 7, 1), date(2003, 9, 30))
FY03 = Period.duration(date(2003, 4, 1), date(2004, 3, 31))


@pytest.fixture(scope="module")
def slides(taxonomy: Taxonomy, mapping_table: MappingTable) -> Result:
    options = Options(fiscal_year_end="03-31")
    return convert(SLIDES.read_bytes(), name=SLIDES.name, options=options, taxonomy=taxonomy, mapping=mapping_table)


@pytest.fixture(scope="module")
def release(taxonomy: Taxonomy, mapping_table: MappingTable) -> Result:
    return convert(
        RELEASE_6K.read_bytes(), name=RELEASE_6K.name, options=Options(), taxonomy=taxonomy, mapping=mapping_table
    )


@pytest.mark.parametrize(
    ("concept", "period", "unit", "value", "decimals"),
    [
        ("Revenues", Q1_02, "JPY", Decimal("9900000000"), -8),
        ("OperatingIncomeLoss", Q1_02, "JPY", Decimal("-464000000"), -6),
        ("AdjustedEBITDA", Q1_02, "JPY", Decimal("329000000"), -6),
        ("RevenuesGuidanceLowerBound", Q2_02, "JPY", Decimal("10500000000"), -8),
        ("RevenuesGuidanceUpperBound", Q2_02, "JPY", Decimal("11000000000"), -8),
        ("OperatingIncomeLossConsensusEstimate", FY02, "JPY", Decimal("980000000"), -6),
        ("ForeignCurrencyExchangeRateTranslation1", Period.instant(date(2002, 6, 30)), "pure", Decimal("119.85"), 2),
        ("ContractBandwidthTotal", Period.instant(date(2002, 6, 30)), "Gbps", Decimal("14.4"), 1),
        ("RevenuesYearOverYearChangeRate", Q1_02, "pure", Decimal("0.182"), 3),
        ("RevenuesQuarterOverQuarterChangeRate", Q1_02, "pure", Decimal("-0.187"), 3),
        ("RevenuesGrowthRateGuidance", FY02, "pure", Decimal("0.2"), 2),
        ("OperatingIncomeLossGuidance", Q2_02, "JPY", Decimal("0"), -8),
    ],
)
def test_slides(slides: Result, concept: str, period: Period, unit: str, value: Decimal, decimals: int) -> None:
    assert one_fact(slides, concept, period, unit) == (value, decimals)


@pytest.mark.parametrize(
    ("concept", "period", "unit", "value", "decimals"),
    [
        ("StockIssuedDuringPeriodValueNewIssues", Q1_03, "JPY", Decimal("1370000000"), -7),
        ("StockIssuedDuringPeriodSharesNewIssues", Q1_03, "shares", Decimal("3265"), 0),
        ("SaleOfStockPricePerShare", Period.instant(date(2003, 6, 30)), "JPY-per-shares", Decimal("418200"), 0),
        ("CommonStockSharesIssued", Period.instant(date(2003, 6, 30)), "shares", Decimal("25745"), 0),
        ("ForeignCurrencyExchangeRateTranslation1", Period.instant(date(2003, 6, 30)), "pure", Decimal("119.87"), 2),
        ("MailGatewayServiceAccounts", Period.instant(date(2003, 6, 30)), "pure", Decimal("100000"), 0),
        ("WebGatewayServiceAccounts", Period.instant(date(2003, 6, 30)), "pure", Decimal("60000"), 0),
        ("MailGatewayServiceAccountAdditionsExpected", FY03, "pure", Decimal("100000"), 0),
        ("OperatingIncomeLossGuidance", Q2_03, "JPY", Decimal("0"), -8),
        ("RevenuesGrowthRateGuidanceLowerBound", FY03, "pure", Decimal("0.1"), 2),
    ],
)
def test_release_prose_only_facts(
    release: Result, concept: str, period: Period, unit: str, value: Decimal, decimals: int
) -> None:
    assert one_fact(release, concept, period, unit) == (value, decimals)


def test_prose_figure_in_a_table_is_the_same_fact(release: Result) -> None:
    """'Net loss was JPY 1,989 million in 1Q03' joins the statement's -1,989,090 thousand."""
    (fact,) = [f for f in release.facts if f.concept == "NetIncomeLoss" and f.period == Q1_03 and f.unit.id == "JPY"]
    assert fact.value == Decimal("-1989090000") and fact.decimals == -3
    assert any(s.line_start == 361 and s.cell == "1,989" for s in fact.sources)


@pytest.mark.parametrize("name", ["slides", "release"])
def test_every_prose_number_accounted(name: str, request: pytest.FixtureRequest) -> None:
    result: Result = request.getfixturevalue(name)
    numbers = result.prose_numbers
    assert numbers.total > 0
    assert numbers.unaccounted == 0
    assert numbers.total == numbers.tagged + sum(numbers.skipped.values())
    assert not [f for f in result.findings if f.code == "prose.unaccounted-number"]


@pytest.mark.parametrize(
    "line",
    [
        "- JPY9.9B (\\$82M), 18.2% up from 1Q01 & 18.7% down from 4Q01",
        "- Operating loss of JPY464M (\\$3.9M)",
        "Total revenues were JPY 9,900 million ($ 82.6 million) in 1Q02.",
    ],
)
def test_a_dollar_amount_in_parentheses_after_a_yen_amount_is_a_translation_not_a_fact(
    line: str, taxonomy: Taxonomy, mapping_table: MappingTable
) -> None:
    """The dollars restate the yen at a stated rate ("\\$1=JPY119.85") for convenience: the filer reports
    the yen. The dollar figure is skipped as a convenience translation."""
    result = convert(
        line + "\n", name="t.txt", options=Options(fiscal_year_end="03-31"), taxonomy=taxonomy, mapping=mapping_table
    )
    assert not [f for f in result.facts if f.unit.id == "USD"]
    assert result.prose_numbers.skipped.get("convenience-translation") == 1


def test_guidance_never_lands_on_actuals(slides: Result) -> None:
    """2Q02 was a forecast in August 2002: no actual concept may carry a 2Q02 figure."""
    actual = {"Revenues", "OperatingIncomeLoss", "AdjustedEBITDA", "NetIncomeLoss"}
    assert not [f for f in slides.facts if f.concept in actual and f.period == Q2_02]


def test_crosscheck_finds_the_revenue_disagreement_only(slides: Result, release: Result) -> None:
    """Seed 001's JPY9.9B for 1Q02 is not 9,849,202 thousand at its precision; everything else agrees."""
    import json

    from converter.crosscheck import crosscheck
    from converter.serialize.oim import to_xbrl_json

    slides_cik = slides.model_copy(update={"entity": release.entity})
    found = crosscheck([(n, json.loads(to_xbrl_json(r))) for n, r in (("slides", slides_cik), ("release", release))])
    assert [(dict(d.aspects)["concept"], d.first.value, d.second.value) for d in found] == [
        ("lx:Revenues", Decimal("9900000000"), Decimal("9849202000"))
    ]


def test_without_a_cik_both_seeds_name_one_entity(taxonomy: Taxonomy, mapping_table: MappingTable) -> None:
    """ "Internet Initiative Japan (Nasdaq: IJJI)" and "Internet Initiative Japan Inc. (Nasdaq: IIJI)"."""
    entities = {
        convert(
            p.read_bytes(), name=p.name, options=Options(fiscal_year_end="03-31"), taxonomy=taxonomy
        ).entity.identifier
        for p in (SLIDES, RELEASE_6K)
    }
    assert entities == {"internet-initiative-japan"}


def test_a_long_line_of_figures_is_read_whole(taxonomy: Taxonomy, mapping_table: MappingTable) -> None:
    """Regression: phrase and quarter look-ups once per sentence (this line took minutes before)."""
    line = "Revenues were JPY 1,234 million in 1Q03 and " * 3000
    result = convert(line + "\n", name="long.txt", options=Options(fiscal_year_end="03-31"), taxonomy=taxonomy)
    assert result.prose_numbers.total == 3000
    assert result.prose_numbers.unaccounted == 0


# A US results release in the words such releases use (written for this test, not copied from a filing).
US_RELEASE = """\
                                                                   Jan. 25, 2005

ACME Utility reports higher earnings

ATLANTA - ACME Utility today reported fourth quarter earnings of $204.5
million, or 27 cents a share, compared with $125.0 million, or 17 cents a share,
in the fourth quarter of 2003.

For the full year, ACME Utility reported earnings of $1.53 billion, or $2.07
per share, compared with reported earnings of $1.47 billion, or 2.03 per share,
in 2003. The company's earnings target for 2004 was in a range of $1.94 and
$1.99 per share.

Excluding the impact of these items, fourth quarter earnings were $180.4
million, or 24 cents a share. The 2003 results included a one-time gain of $88
million.

Revenues for the fourth quarter were $2.72 billion, compared with $2.52 billion
in the same period a year ago, an increase of 8.0 percent. Revenues compared
with $2.40 billion.

Call 404-506-5333 at 1 p.m. The replay is available for 12 months. ACME serves
more than 4 million customers and was named No. 1 by its peers.
"""
Q4_04 = Period.duration(date(2004, 10, 1), date(2004, 12, 31))
Q4_03 = Period.duration(date(2003, 10, 1), date(2003, 12, 31))
CY04 = Period.duration(date(2004, 1, 1), date(2004, 12, 31))
CY03 = Period.duration(date(2003, 1, 1), date(2003, 12, 31))


@pytest.fixture(scope="module")
def us_release(taxonomy: Taxonomy, mapping_table: MappingTable) -> Result:
    options = Options(fiscal_year_end="12-31")
    return convert(US_RELEASE, name="us.txt", options=options, taxonomy=taxonomy, mapping=mapping_table)


@pytest.mark.parametrize(
    ("concept", "period", "unit", "value", "decimals"),
    [
        ("NetIncomeLoss", Q4_04, "USD", Decimal("204500000"), -5),
        ("EarningsPerShareBasic", Q4_04, "USD-per-shares", Decimal("0.27"), 2),
        ("NetIncomeLoss", Q4_03, "USD", Decimal("125000000"), -5),
        ("EarningsPerShareBasic", Q4_03, "USD-per-shares", Decimal("0.17"), 2),
        ("NetIncomeLoss", CY04, "USD", Decimal("1530000000"), -7),
        ("EarningsPerShareBasic", CY04, "USD-per-shares", Decimal("2.07"), 2),
        ("NetIncomeLoss", CY03, "USD", Decimal("1470000000"), -7),
        ("EarningsPerShareBasic", CY03, "USD-per-shares", Decimal("2.03"), 2),
        ("Revenues", Q4_04, "USD", Decimal("2720000000"), -7),
        ("Revenues", Q4_03, "USD", Decimal("2520000000"), -7),
    ],
)
def test_us_release_periods_in_words(
    us_release: Result, concept: str, period: Period, unit: str, value: Decimal, decimals: int
) -> None:
    """'fourth quarter' is the latest one ended by the release's date; 'compared with ... in 2003' and
    'the same period a year ago' are the comparatives; cents a share are dollars per share."""
    assert one_fact(us_release, concept, period, unit) == (value, decimals)


def test_us_release_skips_what_is_not_the_reported_amount(us_release: Result) -> None:
    """Adjusted figures, one-time items, targets and a comparative with no period are named skips, never facts."""
    numbers = us_release.prose_numbers
    assert numbers.unaccounted == 0
    assert numbers.total == numbers.tagged + sum(numbers.skipped.values())
    expected = {
        "adjusted-measure": 2,  # $180.4 million, 24 cents
        "one-time-item-effect": 1,  # $88 million
        "forward-looking-unmapped": 2,  # $1.94, $1.99 per share target
        "comparative-period-unstated": 1,  # "compared with $2.40 billion"
        "change-rate": 1,
        "contact-number": 1,
        "time-of-day": 1,
        "length-of-time": 1,
        "operating-statistic": 1,
        "ranking": 1,
    }
    assert {k: numbers.skipped.get(k, 0) for k in expected} == expected
    values = {f.value for f in us_release.facts}
    assert not values & {Decimal("180400000"), Decimal("0.24"), Decimal("88000000"), Decimal("2400000000")}


def test_us_release_without_a_fiscal_year_end_names_why(taxonomy: Taxonomy, mapping_table: MappingTable) -> None:
    """No fiscal calendar stated or given: 'fourth quarter' can't be dated, so no fact and a named reason."""
    result = convert(US_RELEASE, name="us.txt", options=Options(), taxonomy=taxonomy, mapping=mapping_table)
    assert not [f for f in result.facts if f.concept in ("NetIncomeLoss", "Revenues", "EarningsPerShareBasic")]
    assert result.prose_numbers.skipped["no-fiscal-calendar"] >= 8
    assert any(f.code == "periods.no-fiscal-calendar" for f in result.findings)


# A bank's release written in sentences, with no statements: each figure's period is the span its
# clause names ("for the year ended December 31, 1993"), the comparative clause's in its own year, and
# "the year and quarter ended" pair with the figures in order.
SENTENCES = """\
ITEM 5. OTHER EVENTS.

      Norwest's net income was $653.6 million for the year ended December 31,
 1993, an increase of 48.5% over the $440.1 million earned in 1992.  Net income
 per common share was $2.13 for the year ended December 31, 1993, compared with
 $1.42 in 1992, an increase of 50.4%.

      Norwest reported net income of $175.0 million for the quarter ended
 December 31, 1993, a 167.1% increase over the $65.6 million earned in the
 fourth quarter of 1992.  Net income per common share was $0.57 for the fourth
 quarter of 1993, compared with $0.20 for the same quarter of 1992.

      Norwest's banking group reported earnings of $397.2 million and $108.6
 million for the year and quarter ended December 31, 1993, compared with $227.7
 million and $8.0 million respectively, for the same periods in 1992.
{excluded}"""
EXCLUDED = """
      The 1992 annual results, for comparative purposes, do not include a
 one-time special charge of $76.0 million, or $0.26 per common share.
"""
YEAR_93 = Period.duration(date(1993, 1, 1), date(1993, 12, 31))
YEAR_92 = Period.duration(date(1992, 1, 1), date(1992, 12, 31))
QUARTER_93 = Period.duration(date(1993, 10, 1), date(1993, 12, 31))
QUARTER_92 = Period.duration(date(1992, 10, 1), date(1992, 12, 31))


def _prose_facts(text: str, taxonomy: Taxonomy, mapping_table: MappingTable) -> set[tuple[str, Period, Decimal]]:
    options = Options(fiscal_year_end="12-31")
    result = convert(text, name="8-k.txt", options=options, taxonomy=taxonomy, mapping=mapping_table)
    return {(f.concept, f.period, f.value) for f in result.facts}


def test_spans_ended_on_a_date_and_their_comparatives(taxonomy: Taxonomy, mapping_table: MappingTable) -> None:
    facts = _prose_facts(SENTENCES.format(excluded=""), taxonomy, mapping_table)
    assert facts >= {
        ("NetIncomeLoss", YEAR_93, Decimal("653600000")),
        ("NetIncomeLoss", YEAR_92, Decimal("440100000")),
        ("EarningsPerShareBasic", YEAR_93, Decimal("2.13")),
        ("EarningsPerShareBasic", YEAR_92, Decimal("1.42")),
        ("NetIncomeLoss", QUARTER_93, Decimal("175000000")),
        ("NetIncomeLoss", QUARTER_92, Decimal("65600000")),
        ("EarningsPerShareBasic", QUARTER_93, Decimal("0.57")),
        ("EarningsPerShareBasic", QUARTER_92, Decimal("0.20")),
    }
    # A part of the business reports its own earnings: never the company's.
    values = {value for _, _, value in facts}
    assert not values & {Decimal("397200000"), Decimal("108600000"), Decimal("227700000"), Decimal("8000000")}


def test_a_year_whose_results_leave_out_a_charge_gives_no_full_year_figure(
    taxonomy: Taxonomy, mapping_table: MappingTable
) -> None:
    facts = _prose_facts(SENTENCES.format(excluded=EXCLUDED), taxonomy, mapping_table)
    assert not {p for _, p, _ in facts} & {YEAR_92}
    assert ("NetIncomeLoss", YEAR_93, Decimal("653600000")) in facts
    assert ("NetIncomeLoss", QUARTER_92, Decimal("65600000")) in facts


# A typist's two spaces after a sentence, and a line that starts with the year that ends a sentence.
WRAPPED_AT_THE_YEAR = """\
ITEM 5. OTHER EVENTS.

      Norwest consolidated non-interest income was $1,542.5 million and $426.0
 million for the year and quarter ended December 31, 1993, compared with
 $1,228.8 million and $305.0 million, respectively, for the same periods in
 1992.  The full year increase from 1992 reflects growth in mortgage banking
 revenues and various fee-based services.
"""


def test_a_sentence_wrapped_at_its_closing_year(taxonomy: Taxonomy, mapping_table: MappingTable) -> None:
    facts = _prose_facts(WRAPPED_AT_THE_YEAR, taxonomy, mapping_table)
    assert facts >= {
        ("NoninterestIncome", YEAR_93, Decimal("1542500000")),
        ("NoninterestIncome", QUARTER_93, Decimal("426000000")),
        ("NoninterestIncome", YEAR_92, Decimal("1228800000")),
        ("NoninterestIncome", QUARTER_92, Decimal("305000000")),
    }


BALANCES_IN_SENTENCES = """\
      Non-performing assets totaled $285.5 million, or 0.6% of total assets, at
 December 31, 1993, compared with $372.7 million, or 0.8%, at December 31, 1992.

      At December 31, 1993, total assets were $50.8 billion, compared with $46.7
 billion at December 31, 1992.  The increase is primarily due to a $4.3 billion
 increase in loans and leases.  Total long-
 term debt at December 31, 1993, was $6.8 billion compared with $4.5 billion at
 December 31, 1992.
"""


def test_balances_stated_in_sentences_at_their_dates(taxonomy: Taxonomy, mapping_table: MappingTable) -> None:
    """A balance is stated at the day its own clause names; a compound cut at a line's end ("long-" /
    "term debt") reads whole; "0.6% of total assets" is a ratio's base, not the subject of the figures
    around it."""
    result = convert(
        BALANCES_IN_SENTENCES,
        name="t.txt",
        options=Options(fiscal_year_end="12-31"),
        taxonomy=taxonomy,
        mapping=mapping_table,
    )
    facts = {(f.concept, f.period, f.value) for f in result.facts}
    assert facts == {
        ("Assets", Period.instant(date(1993, 12, 31)), Decimal("50800000000")),
        ("Assets", Period.instant(date(1992, 12, 31)), Decimal("46700000000")),
        ("LongTermDebt", Period.instant(date(1993, 12, 31)), Decimal("6800000000")),
        ("LongTermDebt", Period.instant(date(1992, 12, 31)), Decimal("4500000000")),
    }


def test_a_loss_and_its_per_share_figure_are_negative(taxonomy: Taxonomy, mapping_table: MappingTable) -> None:
    """ "compared with a loss of $7,385 million, or $15.61 per share in 1992": both figures are the loss."""
    text = """\
                                                        February 10, 1994

     The Company's worldwide net income in 1993 was $2,529 million, or $4.55
per share of Common and Class B Stock, compared with a loss of
$7,385 million, or $15.61 per share in 1992.
"""
    result = convert(
        text, name="t.txt", options=Options(fiscal_year_end="12-31"), taxonomy=taxonomy, mapping=mapping_table
    )
    facts = {(f.concept, f.period.end.year, f.value) for f in result.facts}
    assert ("NetIncomeLoss", 1992, Decimal("-7385000000")) in facts
    assert ("EarningsPerShareBasic", 1992, Decimal("-15.61")) in facts
    assert ("NetIncomeLoss", 1993, Decimal("2529000000")) in facts


def test_figures_listed_against_years_respectively(taxonomy: Taxonomy, mapping_table: MappingTable) -> None:
    """ "A, B, and C for the years ended December 31, 1996, 1995 and 1994, respectively": each figure is
    its year's, in order; the subject is the shares behind earnings per share."""
    text = (
        "Earnings per common share are based upon the weighted average number of common\n"
        "shares outstanding.  Shares used in computing earnings per common share were\n"
        "162,531,524, 162,268,815, and 160,910,641 for the years ended December 31, 1996,\n"
        "1995 and 1994, respectively.\n"
    )
    facts = _prose_facts(text, taxonomy, mapping_table)
    shares = "WeightedAverageNumberOfSharesOutstandingBasic"
    assert facts >= {
        (shares, Period.duration(date(1996, 1, 1), date(1996, 12, 31)), Decimal(162531524)),
        (shares, Period.duration(date(1995, 1, 1), date(1995, 12, 31)), Decimal(162268815)),
        (shares, Period.duration(date(1994, 1, 1), date(1994, 12, 31)), Decimal(160910641)),
    }


def test_a_subject_written_after_its_figures(taxonomy: Taxonomy, mapping_table: MappingTable) -> None:
    """ "provided $140.1 million and $40.5 million for credit losses": the subject follows the figures;
    the comparative clause's figures take it too. "$60.0 million for credit losses taken by" a company
    acquired, in a sentence that names no provision made, is no fact."""
    text = """\
      Norwest provided $140.1 million and $40.5 million for credit losses for
 the year and quarter ended December 31, 1993, or 0.56% and 0.61% of average
 loans and leases, compared with $266.7 million and $112.2 million,
 respectively, or 1.22% and 1.95% of average loans and leases, for the same
 periods in 1992.  The 1992 provision includes $60.0 million for credit losses
 taken by Lincoln during the fourth quarter.
"""
    facts = _prose_facts(text, taxonomy, mapping_table)
    provision = "ProvisionForLoanLeaseAndOtherLosses"
    assert facts == {
        (provision, YEAR_93, Decimal("140100000")),
        (provision, QUARTER_93, Decimal("40500000")),
        (provision, YEAR_92, Decimal("266700000")),
        (provision, QUARTER_92, Decimal("112200000")),
    }


@pytest.mark.parametrize(
    "sentence",
    [
        # An option's exercise price, a market value, an acquisition's price, a commodity's price: none
        # is the price the filer sold its stock at.
        "new options with an exercise price of $13.6875, the fair market value of the Company's common stock"
        " on December 19, 1997.",
        "the Company acquired EMPHESYS Financial Group, Inc. for a total purchase price of approximately $650 million.",
        "it would acquire for a net price of approximately $924 million all of the outstanding shares.",
        "The USDA has projected the season-average farm price of corn at $3.65 to $4.35 per bushel for 2008.",
    ],
)
def test_a_price_is_a_sale_of_stock_only_at_a_price_of(
    sentence: str, taxonomy: Taxonomy, mapping_table: MappingTable
) -> None:
    facts = _prose_facts(sentence + "\n", taxonomy, mapping_table)
    assert not [f for f in facts if f[0] == "SaleOfStockPricePerShare"]


def test_a_per_share_figure_takes_the_basis_named_beside_it(taxonomy: Taxonomy, mapping_table: MappingTable) -> None:
    """ "$2.64 per share diluted ($2.68 basic)": each figure is of the basis named right after it; a
    figure in parentheses restates only the figure read right before it."""
    text = """\
                                                        February 10, 1994

      Worldwide net income in 1993 was $643 million, or $2.64 per share diluted
 ($2.68 basic), compared with $319 million, or $1.33 per share diluted ($1.34
 basic), in 1992.
"""
    facts = _prose_facts(text, taxonomy, mapping_table)
    assert facts >= {
        ("NetIncomeLoss", YEAR_93, Decimal("643000000")),
        ("EarningsPerShareDiluted", YEAR_93, Decimal("2.64")),
        ("EarningsPerShareBasic", YEAR_93, Decimal("2.68")),
        ("EarningsPerShareDiluted", YEAR_92, Decimal("1.33")),
        ("EarningsPerShareBasic", YEAR_92, Decimal("1.34")),
    }
    assert not [f for f in facts if f[0] == "NetIncomeLoss" and f[2] < 1000]


def test_a_sentence_states_one_value_of_a_fact(taxonomy: Taxonomy, mapping_table: MappingTable) -> None:
    """Figures listed against years the reading does not pair ("in 2005, 2004 and 2003, respectively")
    would be three values of one period: none is written. Nor is a sum of money given to a count."""
    text = """\
                                                        February 13, 2006

      Diluted earnings per share were $10.87, $7.90 and $6.35 in 2005, 2004 and
 2003, respectively.  The number of clients grew and $318 million was paid to clients.
"""
    result = convert(
        text, name="t.txt", options=Options(fiscal_year_end="11-30"), taxonomy=taxonomy, mapping=mapping_table
    )
    assert not [f for f in result.facts if f.concept.startswith("EarningsPerShare")]
    assert not [f for f in result.facts if f.concept == "MailGatewayServiceClients"]
    assert result.prose_numbers.skipped["figures-share-a-period"] == 3
