"""The accuracy benchmark: its corpus is what SOURCES.tsv says (every byte), its gold is well formed and
cites figures printed where it says, and the judge that ``make accuracy`` runs classifies facts as
documented."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from paths import REPO, SHARED

from benchmarks.accuracy import (
    SOURCES_COLUMNS,
    Fact,
    GoldRow,
    Period,
    Tally,
    base_share,
    exact_alignments,
    judge,
    read_facts,
    read_gold,
    read_sources,
)

CORPUS = REPO / "corpus"
REFERENCE = SHARED / "reference"
SOURCES = read_sources(CORPUS / "SOURCES.tsv")
GOLD_FILES = sorted(CORPUS.glob("*.gold.csv"))
DOCUMENTS = {str(Path(s["file"]).with_suffix("")): CORPUS / s["file"] for s in SOURCES}
INDUSTRIES = {"bank", "insurer", "utility", "retailer", "technology", "industrial", "telecom", "pharma-health"}
INDUSTRIES |= {"energy", "other"}
# US-GAAP 2025 elements that take part in no calculation relationship, so are absent from the reference
# list of calculation concepts; each checked by hand against the 2025 taxonomy.
OUTSIDE_CALCULATIONS = {
    "CommonStockDividendsPerShareCashPaid",
    "CommonStockDividendsPerShareDeclared",
    "CommonStockSharesIssued",
    "CommonStockSharesOutstanding",
    "InterestAndDividendIncomeOperating",
    "LoansAndLeasesReceivableNetReportedAmount",
    "ProvisionForLoanAndLeaseLosses",
}
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")


def _gold_rows() -> Iterator[tuple[Path, GoldRow]]:
    for path in GOLD_FILES:
        for row in read_gold(path):
            yield path, row


# --- the corpus ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("source", SOURCES, ids=[s["file"] for s in SOURCES])
def test_every_file_is_the_one_sources_records(source: dict[str, str]) -> None:
    data = (CORPUS / source["file"]).read_bytes()
    assert len(data) == int(source["size"])
    assert hashlib.sha1(data).hexdigest() == source["sha1"]


def test_sources_rows_are_complete() -> None:
    assert SOURCES, "SOURCES.tsv lists no file"
    for source in SOURCES:
        assert set(source) == set(SOURCES_COLUMNS)
        assert source["industry"] in INDUSTRIES, source["file"]
        assert source["markup"] in {"table-tags", "plain", "html"}, source["file"]
        assert source["built_on"] in {"yes", "no"}, source["file"]
        assert re.fullmatch(r"(1993|199[4-9]|200[0-8])-\d\d-\d\d", source["filed"]), source["file"]
        assert source["source"].startswith(("github:", "seed:")), source["file"]


def test_every_gold_file_belongs_to_a_listed_document() -> None:
    listed = {str(Path(s["file"]).with_suffix("")) for s in SOURCES}
    assert {path.name.removesuffix(".gold.csv") for path in GOLD_FILES} <= listed


# --- the gold ------------------------------------------------------------------------------------------


def test_gold_concepts_are_current_us_gaap_names() -> None:
    known = {line.split(":", 1)[1].strip() for line in (REFERENCE / "us-gaap-2025-calc-concepts.txt").open()}
    known |= OUTSIDE_CALCULATIONS
    deprecated = set(json.loads((REFERENCE / "us-gaap-deprecated-concepts.json").read_text()))
    unknown = {(p.name, c) for p, row in _gold_rows() for c in row.concepts if c not in known}
    old = {(p.name, c) for p, row in _gold_rows() for c in row.concepts if c in deprecated}
    assert not old, f"deprecated US-GAAP names in gold: {sorted(old)}"
    assert not unknown, f"names not in the US-GAAP 2025 reference: {sorted(unknown)}"


def _printed_on(row: GoldRow, text: str) -> bool:
    """The row's value, at some power-of-ten scale, is a figure printed on the line it cites."""
    wanted = abs(row.value)
    if not wanted and re.search(r"(?<![\w-])-{1,2}(?![\w-])|\u2014", text):
        return True  # nil printed as a dash
    for printed in NUMBER.findall(text):
        number = Decimal(printed.replace(",", ""))
        if number and any(number * Decimal(10) ** k == wanted for k in (0, 3, 6, 9, -2)):
            return True
    return False


def test_every_gold_row_cites_the_line_that_prints_its_figure() -> None:
    misplaced = []
    for path, row in _gold_rows():
        document = DOCUMENTS.get(path.name.removesuffix(".gold.csv"))
        if document is None:
            continue  # test_every_gold_file_belongs_to_a_listed_document says which
        lines = document.read_bytes().decode("latin-1").splitlines()
        text = lines[row.line - 1] if 0 < row.line <= len(lines) else ""
        if not _printed_on(row, text):
            misplaced.append(f"{path.name} line {row.line}: {row.value} not on {text.strip()[:80]!r}")
    assert not misplaced, "\n".join(misplaced)


def test_gold_periods_end_after_they_start() -> None:
    for path, row in _gold_rows():
        if row.period.start is not None:
            assert row.period.start < row.period.end, (path.name, row.line)


# --- the judge -----------------------------------------------------------------------------------------

FY98 = Period.parse("1998-01-01..1998-12-31")
END98 = Period.parse("@1998-12-31")


def _row(concept: str = "NetIncomeLoss", value: str = "1234000", period: Period = FY98, **kw: object) -> GoldRow:
    fields: dict[str, object] = {"unit": "USD", "member": "", "line": 1, "note": "", "trap": False}
    fields.update(kw)
    return GoldRow(frozenset(concept.split("|")), period, value=Decimal(value), **fields)  # type: ignore[arg-type]


def _fact(concept: str = "NetIncomeLoss", value: str = "1234000", period: Period = FY98, **kw: object) -> Fact:
    fields: dict[str, object] = {"base": True, "aligned": None, "unit": "USD", "members": (), "decimals": None}
    fields.update(kw)
    return Fact(concept, period=period, value=Decimal(value), **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("facts", "outcome", "wrong"),
    [
        ([_fact()], "exact", None),
        ([_fact(concept="ProfitLoss", aligned="NetIncomeLoss")], "exact", None),
        ([_fact(), _fact(value="1234")], "exact", "scale"),
        ([_fact(value="1234")], "scale", "scale"),
        ([_fact(value="-1234000")], "sign", "sign"),
        ([_fact(unit="JPY")], "unit", "unit"),
        ([_fact(value="10300", unit="JPY")], "absent", None),
        ([_fact(value="1230000", decimals=-4)], "less-precise", None),
        ([_fact(), _fact(value="1200000", decimals=-5)], "exact", None),
        ([_fact(value="1200000", decimals=-6)], "value", "value"),
        ([_fact(value="99")], "value", "value"),
        ([_fact(concept="Revenues")], "other-concept", None),
        ([_fact(concept="NetIncomeLoss", base=False)], "extension-concept", None),
        ([_fact(period=END98)], "other-period", None),
        ([_fact(members=("AutomotiveMember",))], "other-member", None),
        ([], "absent", None),
    ],
)
def test_judge_names_what_it_found(facts: list[Fact], outcome: str, wrong: str | None) -> None:
    verdict = judge(_row(), facts)
    assert (verdict.outcome, verdict.wrong) == (outcome, wrong)


@pytest.mark.parametrize(
    ("value", "decimals", "outcome", "wrong"),
    [
        ("204000000", -6, "less-precise", None),  # "$204" in millions beside "$204.5 million"
        ("205000000", -6, "less-precise", None),
        ("203000000", -6, "value", "value"),
        ("204000000", -5, "value", "value"),  # as precise as the gold, and another figure
        ("200000000", -8, "less-precise", None),
    ],
)
def test_a_coarser_copy_of_a_rounded_gold_figure_is_consistent_where_their_ranges_meet(
    value: str, decimals: int, outcome: str, wrong: str | None
) -> None:
    """Gold "$204.5 million" (204,450,000 to 204,550,000) and a table's "$204" in millions (203.5 to
    204.5 million) state one result: the table's copy is less precise, not wrong."""
    verdict = judge(_row(value="204500000"), [_fact(value=value, decimals=decimals)])
    assert (verdict.outcome, verdict.wrong) == (outcome, wrong)


def test_a_member_is_matched_by_its_name_as_printed() -> None:
    row = _row(member="Automotive")
    assert judge(row, [_fact(members=("AutomotiveSectorMember",))]).outcome == "exact"
    assert judge(row, [_fact()]).outcome == "other-member"
    # "&" as printed is the member's "And".
    row = _row(member="Life Insurance & Retirement Services")
    assert judge(row, [_fact(members=("LifeInsuranceAndRetirementServicesMember",))]).outcome == "exact"
    # A part within a part: "Americas Business" is matched by its own member, not by "Americas" beside it.
    row = _row(member="Americas Business")
    verdict = judge(row, [_fact(value="9", members=("AmericasMember",)), _fact(members=("AmericasBusinessMember",))])
    assert (verdict.outcome, verdict.wrong) == ("exact", None)


def test_a_trap_is_violated_only_by_the_filer_stating_it() -> None:
    trap = _row(value="500000", trap=True)
    assert judge(trap, [_fact(value="500000")]).outcome == "violated"
    assert judge(trap, [_fact(value="500000", members=("JungleeMember",))]).outcome == "kept"
    assert judge(trap, [_fact(value="500000", period=END98)]).outcome == "kept"


def test_tally_counts_recall_wrong_facts_and_traps() -> None:
    tally = Tally()
    rows = [_row(), _row(value="1234000000"), _row(value="7", trap=True)]
    tally.add(judge(r, [_fact(), _fact(value="1234")]) for r in rows)
    assert (tally.gold, tally.exact, tally.wrong, tally.wrong_scale) == (2, 1, 2, 2)
    assert (tally.traps, tally.traps_violated) == (1, 0)
    assert tally.recall == 50.0


def test_xbrl_json_periods_and_units_are_read_as_printed() -> None:
    oim = {
        "facts": {
            "f1": {
                "value": "-5.25",
                "dimensions": {
                    "concept": "lx:EarningsPerShareBasic",
                    "entity": "cik:0000000001",
                    "period": "1998-01-01T00:00:00/1999-01-01T00:00:00",
                    "unit": "iso4217:USD/xbrli:shares",
                    "lx:StatementBusinessSegmentsAxis": "ext:AutomotiveMember",
                },
            },
            "f2": {
                "value": "10",
                "dimensions": {
                    "concept": "ext:Cash",
                    "entity": "e",
                    "period": "1999-01-01T00:00:00",
                    "unit": "xbrli:pure",
                },
            },
            "f3": {
                "value": "text",
                "dimensions": {"concept": "lx:Name", "entity": "e", "period": "1999-01-01T00:00:00"},
            },
        }
    }
    facts = read_facts(oim, exact_alignments(REPO / "taxonomy" / "concepts.csv"))
    assert facts == [
        Fact(
            "EarningsPerShareBasic",
            True,
            "EarningsPerShareBasic",
            FY98,
            "USD/shares",
            Decimal("-5.25"),
            ("AutomotiveMember",),
        ),
        Fact("Cash", False, None, END98, "pure", Decimal(10), ()),
    ]


_STATEMENT_AND_NOTE = """\
                         SAMPLE WIDGET CORP.
                   CONSOLIDATED BALANCE SHEETS
                       (In thousands)

                                          December 31,
                                        1997        1996
Current assets:
  Cash and cash equivalents           $ 1,200     $ 1,100
  Widget royalties receivable             300         250
    Total current assets                1,500       1,350
Total assets                          $ 4,000     $ 3,800


The royalties the company earned from its licensees were as follows (in thousands):

                                        1997        1996
  Royalties from licensees            $    40     $    35
  Royalties from the founders              12          10
    Total royalties                   $    52     $    45
"""


def test_base_share_counts_facts_of_primary_statements_apart(tmp_path: Path) -> None:
    """The balance sheet's 8 facts are a primary statement's, 6 of them on base concepts; the note's 6 are
    all on the filing's extension (none of its labels is in the vocabulary)."""
    (tmp_path / "widget.txt").write_text(_STATEMENT_AND_NOTE)
    (tmp_path / "widget.meta.json").write_text('{"fiscal_year_end": "12-31"}')
    share = base_share(tmp_path / "widget.txt").as_json()
    assert (share["facts"], share["base"], share["primary_facts"], share["primary_base"]) == (14, 6, 8, 6)
    assert (share["share"], share["primary_share"]) == (42.9, 75.0)
    assert share["top_primary_extensions"] == {"WidgetRoyaltiesReceivable": 2}
    assert share["top_extensions"]["TotalRoyalties"] == 2


def test_a_malformed_gold_file_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "x.gold.csv"
    bad.write_text("concept,period,unit,value,member,line,note,expect\nNetIncomeLoss,1998,USD,1,,1,,\n")
    with pytest.raises(ValueError, match=r"x\.gold\.csv:2"):
        read_gold(bad)


def test_the_benchmark_keeps_its_size() -> None:
    """At least 40 documents, 1,000 gold facts and 40 traps: the corpus only grows."""
    rows = [row for _, row in _gold_rows()]
    assert len(SOURCES) >= 40
    assert sum(not row.trap for row in rows) >= 1000
    assert sum(row.trap for row in rows) >= 40
