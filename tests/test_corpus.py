"""Real EDGAR filings of other companies (../shared/corpus, never copied here): every one converts,
validates in Arelle with its extension schema, accounts for every table cell, and states key facts
read by hand from the documents (value, period, unit, and member where the table breaks down by one).
Each document's Inline XBRL page is valid too and states the instance's facts, none of them hidden."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from arelle_read import arelle_reading, most_precise
from lxml import etree
from paths import SHARED

from converter.cli import main
from converter.serialize.ixbrl import IX

CORPUS = SHARED / "corpus"
pytestmark = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"shared corpus not present: {CORPUS} (the corpus tests read it there)"
)

SOUTHERN = "southern_co_2005-01-25_8-K_"
# The full submission's documents are named by its accession number.
SUBMISSION = "0000092122-05-000042."
JUNGLEE = "ext:JungleeCorpMember"
Q4_04, FY04, FY03 = "2004-10-01/2005-01-01", "2004-01-01/2005-01-01", "2003-01-01/2004-01-01"

# (output stem, concept, OIM period, unit, value, member); values read off the cited lines by hand.
KEY_FACTS = [
    (SOUTHERN + "ex99-02", "lx:Revenues", Q4_04, "iso4217:USD", "2721000000", None),  # line 36 $2,721
    (SOUTHERN + "ex99-02", "lx:NetIncomeLoss", FY04, "iso4217:USD", "1532000000", None),  # "- As Reported" 1,532
    (SOUTHERN + "ex99-02", "lx:EarningsPerShareBasic", Q4_04, "iso4217:USD/xbrli:shares", "0.27", None),
    (SOUTHERN + "ex99-02", "lx:WeightedAverageNumberOfSharesOutstandingBasic", FY04, "xbrli:shares", "739000000", None),
    (SOUTHERN + "ex99-02", "lx:CommonStockSharesOutstanding", "2004-12-31", "xbrli:shares", "741000000", None),
    (SOUTHERN + "ex99-04", "lx:OperatingIncomeLoss", FY04, "iso4217:USD", "2827000000", None),
    (SOUTHERN + "ex99-04", "lx:Revenues", FY03, "iso4217:USD", "11186000000", None),
    (SOUTHERN + "ex99-05", "ext:TotalSales", FY04, "lx:KWH", "192382000000", None),  # In Millions of KWHs
    (SOUTHERN + "ex99-06", "lx:Revenues", FY04, "iso4217:USD", "4236000000", "ext:AlabamaPowerMember"),
    (SOUTHERN + "ex99-06", "lx:Revenues", FY04, "iso4217:USD", "11903000000", None),
    (
        SOUTHERN + "ex99-06",
        "lx:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest",
        "2003-10-01/2004-01-01",
        "iso4217:USD",
        "-58000000",
        "ext:MississippiPowerMember",
    ),
    (SUBMISSION + "ex99-02", "lx:Revenues", Q4_04, "iso4217:USD", "2721000000", None),
    # Exhibit 99.01 is prose only: "fourth quarter earnings of $204.5 million, or 27 cents a share,
    # compared with $125.0 million, or 17 cents a share, in the fourth quarter of 2003" (lines 419-421 of
    # the submission; its header gives the fiscal year end, December 31).
    (SUBMISSION + "ex99-01", "lx:NetIncomeLoss", Q4_04, "iso4217:USD", "204500000", None),
    (SUBMISSION + "ex99-01", "lx:EarningsPerShareBasic", Q4_04, "iso4217:USD/xbrli:shares", "0.27", None),
    (
        SUBMISSION + "ex99-01",
        "lx:EarningsPerShareBasic",
        "2003-10-01/2004-01-01",
        "iso4217:USD/xbrli:shares",
        "0.17",
        None,
    ),
    # "For the full year ... earnings of $1.53 billion, or $2.07 per share, compared with ... $1.47 billion,
    # or 2.03 per share, in 2003"; "Revenues for the full year were $11.90 billion, compared with $11.19 billion"
    (SUBMISSION + "ex99-01", "lx:NetIncomeLoss", FY04, "iso4217:USD", "1530000000", None),
    (SUBMISSION + "ex99-01", "lx:EarningsPerShareBasic", FY03, "iso4217:USD/xbrli:shares", "2.03", None),
    (SUBMISSION + "ex99-01", "lx:Revenues", FY03, "iso4217:USD", "11190000000", None),
    (SUBMISSION + "ex99-01", "lx:Revenues", "2003-10-01/2004-01-01", "iso4217:USD", "2520000000", None),
    # Junglee: "LOSS FROM OPERATIONS  4,322,012" is a loss; 1996 runs from inception, June 3. The
    # statements are the acquired company's ("JUNGLEE CORP." over them, Amazon.com the filer): its member.
    (
        "amazon_1998-08-12_8-K_junglee_fin_stmts",
        "lx:OperatingIncomeLoss",
        "1997-01-01/1998-01-01",
        "iso4217:USD",
        "-4322012",
        JUNGLEE,
    ),
    (
        "amazon_1998-08-12_8-K_junglee_fin_stmts",
        "lx:NetIncomeLoss",
        "1996-06-03/1997-01-01",
        "iso4217:USD",
        "-742411",
        JUNGLEE,
    ),
    (
        "amazon_1998-08-12_8-K_junglee_fin_stmts",
        "lx:Revenues",
        "1997-01-01/1998-01-01",
        "iso4217:USD",
        "1216355",
        JUNGLEE,
    ),
    # "Convertible unsecured promissory note   2,004,278   --": a row, though its label ends in "note".
    (
        "amazon_1998-08-12_8-K_junglee_fin_stmts",
        "ext:ConvertibleUnsecuredPromissoryNote",
        "1998-06-30",
        "iso4217:USD",
        "2004278",
        JUNGLEE,
    ),
    (
        "amazon_1998-08-12_8-K_junglee_fin_stmts",
        "lx:CashAndCashEquivalentsAtCarryingValue",
        "1997-12-31",
        "iso4217:USD",
        "1576716",
        JUNGLEE,
    ),
    # Apple FY97 Q2: 13-week quarter ended March 28, 1997; shares "(in thousands)" in a millions table.
    ("apple_1997-05_10-Q_Q2FY97", "lx:Revenues", "1996-12-28/1997-03-29", "iso4217:USD", "1601000000", None),
    ("apple_1997-05_10-Q_Q2FY97", "lx:NetIncomeLoss", "1996-12-28/1997-03-29", "iso4217:USD", "-708000000", None),
    (
        "apple_1997-05_10-Q_Q2FY97",
        "lx:EarningsPerShareBasic",
        "1996-12-28/1997-03-29",
        "iso4217:USD/xbrli:shares",
        "-5.64",
        None,
    ),
    (
        "apple_1997-05_10-Q_Q2FY97",
        "lx:WeightedAverageNumberOfSharesOutstandingBasic",
        "1996-12-28/1997-03-29",
        "xbrli:shares",
        "125609000",
        None,
    ),
    ("apple_1997-05_10-Q_Q2FY97", "lx:StockholdersEquity", "1997-03-28", "iso4217:USD", "1242000000", None),
    ("apple_1999-08_10-Q_Q3FY99", "lx:Revenues", "1999-03-28/1999-06-27", "iso4217:USD", "1558000000", None),
    ("apple_1999-08_10-Q_Q3FY99", "lx:NetIncomeLoss", "1999-03-28/1999-06-27", "iso4217:USD", "203000000", None),
    ("apple_1999-08_10-Q_Q3FY99", "lx:OperatingIncomeLoss", "1999-03-28/1999-06-27", "iso4217:USD", "104000000", None),
    ("apple_2004-07-14_8-K_ex99-1_HTML", "lx:Revenues", "2004-03-28/2004-06-27", "iso4217:USD", "2014000000", None),
    ("apple_2004-07-14_8-K_ex99-1_HTML", "lx:NetIncomeLoss", "2004-03-28/2004-06-27", "iso4217:USD", "61000000", None),
    ("ford_2002-03_10-K_FY2001.10-k", "lx:NetIncomeLoss", "2001-01-01/2002-01-01", "iso4217:USD", "-5453000000", None),
    ("ford_2002-03_10-K_FY2001.10-k", "lx:Assets", "2001-12-31", "iso4217:USD", "276543000000", None),
    (
        "ford_2002-03_10-K_FY2001.10-k",
        "lx:OperatingIncomeLoss",
        "2001-01-01/2002-01-01",
        "iso4217:USD",
        "-7568000000",
        "ext:AutomotiveMember",
    ),
    # Apple FY99: the nine months ended June 26, 1999 start the day after the fiscal 1998 year end the
    # document prints ("year ended September 25, 1998"): FY99's first quarter had 14 weeks.
    ("apple_1999-08_10-Q_Q3FY99", "lx:Revenues", "1998-09-26/1999-06-27", "iso4217:USD", "4798000000", None),
    # "Shares used in computing earnings / per share (in thousands):  Basic  144,054": shares, in thousands.
    (
        "apple_1999-08_10-Q_Q3FY99",
        "lx:WeightedAverageNumberOfSharesOutstandingBasic",
        "1999-03-28/1999-06-27",
        "xbrli:shares",
        "144054000",
        None,
    ),
    # Ford's five-year summary: the paragraph above says "(dollar amounts in millions, except per share
    # amounts)"; "Automotive sector" and "Total Company" are groups; the cover's "For the fiscal year ended
    # December 31, 2001" dates the columns.
    ("ford_2002-03_10-K_FY2001.10-k", "lx:NetIncomeLoss", "1998-01-01/1999-01-01", "iso4217:USD", "22071000000", None),
    (
        "ford_2002-03_10-K_FY2001.10-k",
        "lx:NetIncomeLoss",
        "1998-01-01/1999-01-01",
        "iso4217:USD",
        "4049000000",
        "ext:AutomotiveMember",
    ),
]


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory, arelle_home: None) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    code = main(["convert", str(CORPUS), "-o", str(out), "--validate", "--formats", "xbrl,json,jsonld,ixbrl"])
    assert code == 0, (out / "batch-summary.json").read_text(encoding="utf-8")
    return out


def _reports(out: Path) -> list[Path]:
    return sorted(p for p in out.glob("*.report.json"))


def test_every_corpus_file_converts_and_validates(converted: Path) -> None:
    reports = _reports(converted)
    # 11 single documents, 6 exhibits of the submission (its 8-K cover page holds no financial data).
    assert len(reports) == 17
    for path in reports:
        report = json.loads(path.read_text(encoding="utf-8"))
        assert report["validation"]["errors"] == 0, (path.name, report["validation"]["messages"][:3])
        assert report["validation"]["inconsistencies"] == 0, (path.name, report["validation"]["messages"][:3])
        assert report["cells"]["unaccounted"] == 0, path.name


def test_extension_schema_written_beside_each_instance(converted: Path) -> None:
    for path in sorted(converted.glob("*.xbrl")):
        text = path.read_text(encoding="utf-8")
        if "ext:" in text:
            assert path.with_suffix(".xsd").is_file(), path.name
            assert f'xlink:href="{path.with_suffix(".xsd").name}"' in text


def _oim(period: str) -> str:
    """xBRL-JSON's form: ``2004-10-01/2005-01-01`` (end exclusive) as datetimes; an instant, the
    balance at the end of 2004-12-31, is ``2005-01-01T00:00:00``."""
    if "/" not in period:
        return f"{date.fromisoformat(period) + timedelta(days=1)}T00:00:00"
    return "/".join(f"{p}T00:00:00" for p in period.split("/"))


def _facts(out: Path, stem: str) -> list[dict[str, Any]]:
    data = json.loads((out / f"{stem}.json").read_text(encoding="utf-8"))
    return list(data["facts"].values())


@pytest.mark.parametrize(("stem", "concept", "period", "unit", "value", "member"), KEY_FACTS)
def test_key_facts_read_by_hand(
    converted: Path, stem: str, concept: str, period: str, unit: str, value: str, member: str | None
) -> None:
    matches = [
        f
        for f in _facts(converted, stem)
        if f["dimensions"]["concept"] == concept
        and f["dimensions"]["period"] == _oim(period)
        and f["dimensions"].get("unit", "") == unit
        and (member is None) == all(k in ("concept", "entity", "period", "unit") for k in f["dimensions"])
        and (member is None or member in f["dimensions"].values())
    ]
    assert len(matches) == 1, [
        (f["dimensions"]["period"], f["value"])
        for f in _facts(converted, stem)
        if f["dimensions"]["concept"] == concept
    ]
    assert Decimal(matches[0]["value"]) == Decimal(value)


def test_submission_header_gives_the_entity(converted: Path) -> None:
    """The submission's SGML header names the filer: Southern Co, CIK 92122, without any flag."""
    facts = _facts(converted, SUBMISSION + "ex99-04")
    assert facts and all(f["dimensions"]["entity"] == "cik:0000092122" for f in facts)


def test_the_sources_own_inconsistencies_are_reported(converted: Path) -> None:
    """Exhibit 99.05 prints "Total Retail Sales-" above Residential, Commercial and Industrial, which fall
    short of it in every column (read by hand: 10,748 + 12,020 + 14,039 = 36,807 against 37,056). The
    facts stay as printed, no calculation claims the sum, and the report names each column; no other
    corpus table is reported as inconsistent."""
    found: dict[str, list[tuple[str, list[int]]]] = {}
    for path in _reports(converted):
        report = json.loads(path.read_text(encoding="utf-8"))
        for finding in report["findings"]:
            if finding["code"] == "calc.source-inconsistency":
                found.setdefault(path.name, []).append((finding["message"], finding["locations"][0]["lines"]))
    assert sorted(found) == [
        SUBMISSION + "ex99-05.report.json",
        SOUTHERN + "ex99-05.report.json",
    ]
    messages = [m for m, lines in found[SOUTHERN + "ex99-05.report.json"] if lines == [23, 23]]
    assert len(messages) == 4
    assert any("prints 37,056" in m and "add up to 36807" in m for m in messages)
    assert any("prints 157,143" in m and "add up to 156139" in m for m in messages)
    xsd = (converted / (SOUTHERN + "ex99-05.xsd")).read_text(encoding="utf-8")
    calculation = "".join(part.split("</link:calculationLink>")[0] for part in xsd.split("<link:calculationLink")[1:])
    assert "TotalRetailSales" not in calculation


def test_inline_pages_are_valid_and_state_the_instance_facts(converted: Path, package: Path) -> None:
    """Every page (the submission's exhibits and the HTML exhibit's rendering among them) passes Arelle
    as its ``.xbrl`` does, with the ``<stem>.xsd`` beside it, and Arelle reads the instance's facts from
    it: each printed copy tagged, the most precise at the fact's own precision, and no fact hidden."""
    pages = sorted(converted.glob("*.html"))
    assert len(pages) == len(_reports(converted))
    found: dict[str, tuple[list[str], bool, int]] = {}
    for page in pages:
        copies, problems = arelle_reading(page, package, validate=True)
        instance, _ = arelle_reading(page.with_suffix(".xbrl"), package)
        assert len(set(instance)) == len(instance), page.name
        hidden = etree.parse(page).getroot().findall(f".//{{{IX}}}hidden/{{{IX}}}nonFraction")
        found[page.stem] = (problems[:3], most_precise(copies) == set(instance), len(hidden))
    assert found == {stem: ([], True, 0) for stem in found}


def test_standalone_prose_exhibit_infers_its_fiscal_year_end_and_says_so(tmp_path: Path) -> None:
    """Exhibit 99.01 on its own states no fiscal year end, but names "the year ended Dec. 31, 2003": its
    figures take that calendar, with a finding that it is inferred; ``--fiscal-year-end 12-31`` gives the
    same facts (the submission's) without the finding."""
    source = CORPUS / (SOUTHERN + "ex99-01.txt")
    bare_out = tmp_path / "bare"
    assert main(["convert", str(source), "-o", str(bare_out), "--formats", "json"]) == 0
    bare = json.loads((bare_out / (SOUTHERN + "ex99-01.report.json")).read_text(encoding="utf-8"))
    assert "periods.fiscal-year-end-inferred" in {f["code"] for f in bare["findings"]}
    out = tmp_path / "fye"
    assert main(["convert", str(source), "-o", str(out), "--formats", "json", "--fiscal-year-end", "12-31"]) == 0
    given = json.loads((out / (SOUTHERN + "ex99-01.report.json")).read_text(encoding="utf-8"))
    assert "periods.fiscal-year-end-inferred" not in {f["code"] for f in given["findings"]}
    facts = _facts(out, SOUTHERN + "ex99-01")
    net = [f["value"] for f in facts if f["dimensions"]["concept"] == "lx:NetIncomeLoss"]
    assert sorted(net, key=Decimal) == ["125000000", "204500000", "1470000000", "1530000000"]
    assert _facts(bare_out, SOUTHERN + "ex99-01") == facts
