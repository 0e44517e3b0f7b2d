"""``load --schema semantic``: the samples and three benchmark filings stored in Arelle's semantic schema
through its xbrlDB plugin, on a real PostgreSQL and on SQLite, and read back against each instance."""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from paths import REPO, SAMPLES

from converter.cli import main
from converter.load import LoadError
from converter.load_semantic import XBRL_US_PUBLIC_REASON, load_semantic, target

PG_ADMIN_URL = os.environ.get("LEGACY_XBRL_TEST_PG", "postgresql://postgres@localhost:5432/postgres")
BENCHMARKS = ("apple_1997-05_10-Q.txt", "amazon_1998-10-28_8-K.txt", "cvs_1994-03-31_10-K_ex13.txt")
XBRLI = "{http://www.xbrl.org/2003/instance}"
LINK = "{http://www.xbrl.org/2003/linkbase}"
ISO4217 = "{http://www.xbrl.org/2003/iso4217}"
# Arelle's own tables, counted before and after a second load.
TABLES = ("filing", "entity", "report", "document", "aspect", "data_point", "period", "unit", "relationship")


@dataclass(frozen=True, slots=True)
class InstanceFact:
    """One fact as the instance writes it: value, period (inclusive end) and unit measures."""

    concept: str
    value: str
    start: date | None
    end: date
    measures: tuple[str, ...]


def _instance_facts(path: Path) -> dict[str, InstanceFact]:
    """Fact id -> fact, read straight from the XBRL instance."""
    root = etree.parse(str(path)).getroot()
    periods: dict[str, tuple[date | None, date]] = {}
    for context in root.iter(f"{XBRLI}context"):
        instant = context.findtext(f".//{XBRLI}instant")
        if instant:
            periods[context.get("id", "")] = (None, date.fromisoformat(instant))
        else:
            start, end = context.findtext(f".//{XBRLI}startDate"), context.findtext(f".//{XBRLI}endDate")
            assert start and end
            periods[context.get("id", "")] = (date.fromisoformat(start), date.fromisoformat(end))
    units: dict[str, tuple[str, ...]] = {}
    for unit in root.iter(f"{XBRLI}unit"):
        measures = []
        for measure in unit.iter(f"{XBRLI}measure"):
            prefix, _, local = (measure.text or "").partition(":")
            measures.append(f"{{{measure.nsmap[prefix]}}}{local}")
        units[unit.get("id", "")] = tuple(sorted(measures))
    facts = {}
    for element in root:
        if not isinstance(element.tag, str) or element.tag.startswith((XBRLI, LINK)):
            continue
        start, end = periods[element.get("contextRef", "")]
        facts[element.get("id", "")] = InstanceFact(
            concept=element.tag,
            value=element.text or "",
            start=start,
            end=end,
            measures=units.get(element.get("unitRef", ""), ()),
        )
    return facts


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two samples and three benchmark filings, converted for this run."""
    out = tmp_path_factory.mktemp("out")
    sources = [*sorted(SAMPLES.glob("*.txt")), *(REPO / "corpus" / name for name in BENCHMARKS)]
    assert main(["convert", *map(str, sources), "-o", str(out)]) == 0
    assert len(list(out.glob("*.xbrl"))) == 5
    return out


@pytest.fixture(scope="module")
def postgres_admin() -> Iterator[Any]:
    psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed")
    try:
        admin = psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as err:
        pytest.skip(f"no PostgreSQL server reachable at {PG_ADMIN_URL} (set LEGACY_XBRL_TEST_PG): {err}")
    yield admin
    admin.close()


@pytest.fixture
def postgres_url(postgres_admin: Any) -> Iterator[str]:
    """A fresh PostgreSQL database for one test (Arelle's DDL writes to the public schema), dropped afterwards."""
    name = f"legacy_xbrl_semantic_{uuid.uuid4().hex[:12]}"
    postgres_admin.execute(f"CREATE DATABASE {name}")
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        postgres_admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _query(url: str, sql: str) -> list[tuple[Any, ...]]:
    if url.startswith("sqlite:///"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
            return [tuple(row) for row in conn.execute(sql)]
    import psycopg

    with psycopg.connect(url) as conn:
        return [tuple(row) for row in conn.execute(sql)]


def _counts(url: str) -> dict[str, int]:
    return {table: _query(url, f"SELECT count(*) FROM {table}")[0][0] for table in TABLES}


def _stored(url: str, instance: Path) -> dict[str, tuple[Any, ...]]:
    """xml id -> (concept, value, start, end, is_instant, unit measures) of the instance's data points."""
    rows = _query(
        url,
        "SELECT d.xml_id, a.qname, d.value, p.start_date, p.end_date, p.is_instant, d.unit_id, d.period_id "
        "FROM data_point d JOIN report r ON r.report_id = d.report_id JOIN filing f ON f.filing_id = r.filing_id "
        "JOIN aspect a ON a.aspect_id = d.aspect_id LEFT JOIN period p ON p.period_id = d.period_id "
        f"WHERE d.document_id = (SELECT document_id FROM document "
        f"WHERE document_url = '{instance.resolve().as_uri()}')",
    )
    measures: dict[Any, list[str]] = {}
    for unit_id, qname in _query(url, "SELECT unit_id, qname FROM unit_measure"):
        measures.setdefault(unit_id, []).append(qname)
    return {
        row[0]: (row[1], row[2], row[3], row[4], row[5], tuple(sorted(measures.get(row[6], ()))), row[7])
        for row in rows
    }


def _day(value: Any) -> date | None:
    """PostgreSQL gives dates; SQLite gives ISO text (or a datetime's text)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _assert_data_points_match(url: str, outputs: Path, *, periods_linked: bool) -> None:
    for instance in sorted(outputs.glob("*.xbrl")):
        facts = _instance_facts(instance)
        stored = _stored(url, instance)
        assert len(stored) == len(facts) > 0, instance.name
        for key, fact in facts.items():
            concept, value, start, end, is_instant, measures, period_id = stored[key]
            assert concept == fact.concept, key
            assert Decimal(value) == Decimal(fact.value) if fact.measures else value == fact.value, key
            assert measures == fact.measures, key
            if not periods_linked:
                assert period_id is None, key  # Arelle's sqliteSemantic defect (docs/schema.md)
                continue
            # Arelle stores XBRL's end datetimes: the midnight after the instance's (inclusive) end date.
            assert (_day(start), _day(end), bool(is_instant)) == (
                fact.start,
                fact.end + timedelta(days=1),
                fact.start is None,
            ), key


def test_postgres_semantic_data_points_equal_the_instances(
    outputs: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    facts = sum(len(_instance_facts(path)) for path in outputs.glob("*.xbrl"))
    assert main(["load", str(outputs), "--db", postgres_url, "--schema", "semantic"]) == 0
    assert f"loaded 5 filings ({facts} facts); 0 already there" in capsys.readouterr().out
    _assert_data_points_match(postgres_url, outputs, periods_linked=True)
    # One revenue figure, spelled out: the 6-K's quarter ended 2003-06-30 in yen.
    rows = _query(
        postgres_url,
        "SELECT d.value, p.start_date, p.end_date, um.qname FROM data_point d "
        "JOIN aspect a ON a.aspect_id = d.aspect_id JOIN period p ON p.period_id = d.period_id "
        "JOIN unit_measure um ON um.unit_id = d.unit_id "
        "WHERE a.name = 'Revenues' AND d.xml_id IN "
        "(SELECT d2.xml_id FROM data_point d2 JOIN document doc ON doc.document_id = d2.document_id "
        "WHERE doc.document_url LIKE '%iij-2003-08-12-6k-1q03-earnings-release.xbrl') "
        "AND p.start_date = '2003-04-01' AND um.qname LIKE '%JPY'",
    )
    assert rows == [("8344046000", date(2003, 4, 1), date(2003, 7, 1), f"{ISO4217}JPY")]


def test_postgres_semantic_stores_extension_schemas_and_the_taxonomy(outputs: Path, postgres_url: str) -> None:
    assert main(["load", str(outputs), "--db", postgres_url, "--schema", "semantic"]) == 0
    urls = {row[0] for row in _query(postgres_url, "SELECT document_url FROM document")}
    taxonomy = (outputs / "legacy-xbrl-taxonomy-2025").resolve()
    assert {path.as_uri() for path in taxonomy.iterdir()} <= urls
    assert {path.resolve().as_uri() for path in outputs.glob("*.xsd")} <= urls
    assert len(list(outputs.glob("*.xsd"))) == 3  # each benchmark filing has its extension
    # An extension concept is an aspect of the extension's document.
    extension = _query(
        postgres_url,
        "SELECT count(*) FROM aspect a JOIN document doc ON doc.document_id = a.document_id "
        "WHERE doc.document_url LIKE '%apple_1997-05_10-Q.xsd'",
    )
    assert extension[0][0] > 0
    filings = _query(postgres_url, "SELECT filing_number, form_type, authority_html_url FROM filing")
    assert len(filings) == 5 and all(number.startswith("lx-") and len(number) == 30 for number, _, _ in filings)
    assert ("8-K", "https://www.sec.gov/Archives/edgar/data/1018724/0000891020-98-001498.txt") in {
        row[1:] for row in filings
    }


def test_postgres_semantic_loading_twice_adds_nothing(
    outputs: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["load", str(outputs), "--db", postgres_url, "--schema", "semantic"]) == 0
    before = _counts(postgres_url)
    capsys.readouterr()
    assert main(["load", str(outputs), "--db", postgres_url, "--schema", "semantic"]) == 0
    assert "loaded 0 filings (0 facts); 5 already there, unchanged" in capsys.readouterr().out
    assert _counts(postgres_url) == before
    assert before["filing"] == 5 and before["entity"] == 4  # IIJ's two documents share their entity


def test_postgres_semantic_filings_in_one_second_stay_apart(outputs: Path, postgres_url: str) -> None:
    """Arelle numbers a filing by the current second when told nothing: two such filings collided."""
    first, second = sorted(SAMPLES.glob("*.txt"))
    done = load_semantic([outputs / f"{first.stem}.json", outputs / f"{second.stem}.json"], postgres_url)
    assert [count for _, count in done.loaded] == [13, 348]
    assert _query(postgres_url, "SELECT count(*) FROM data_point")[0][0] == 13 + 348


def test_sqlite_semantic_stores_values_and_units_but_leaves_periods_unlinked(outputs: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'semantic.db'}"
    assert main(["load", str(outputs), "--db", url, "--schema", "semantic"]) == 0
    _assert_data_points_match(url, outputs, periods_linked=False)
    before = _counts(url)
    assert main(["load", str(outputs), "--db", url, "--schema", "semantic"]) == 0
    assert _counts(url) == before


def test_xbrl_us_public_fails_with_one_line_reason(
    outputs: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["load", str(outputs), "--db", postgres_url, "--schema", "xbrl-us-public"]) == 1
    err = capsys.readouterr().err
    assert err == f"legacy-xbrl: load: {XBRL_US_PUBLIC_REASON}\n"
    assert 'type "relationship" does not exist' in err
    assert _query(postgres_url, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'") == [
        (0,)
    ]


def test_semantic_refuses_url_parameters_arelle_cannot_pass(outputs: Path) -> None:
    with pytest.raises(LoadError, match="takes no URL parameters"):
        load_semantic([outputs], "postgresql://postgres@localhost/x?options=-csearch_path%3Dy")
    with pytest.raises(LoadError, match="unsupported database URL"):
        target("mysql://localhost/x")


def test_semantic_without_the_taxonomy_copy_names_the_file(
    outputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    moved = tmp_path / "moved"
    moved.mkdir()
    stem = sorted(SAMPLES.glob("*.txt"))[0].stem
    for suffix in (".json", ".jsonld", ".report.json", ".xbrl"):
        (moved / f"{stem}{suffix}").write_bytes((outputs / f"{stem}{suffix}").read_bytes())
    database = tmp_path / "semantic.db"
    assert main(["load", str(moved), "--db", f"sqlite:///{database}", "--schema", "semantic"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"legacy-xbrl: load: {moved / stem}.xbrl: ") and err.count("\n") == 1
    assert "Traceback" not in err
    assert not database.exists() or _query(f"sqlite:///{database}", "SELECT count(*) FROM sqlite_master") == [(0,)]


def test_semantic_unknown_database_is_one_line(outputs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pg8000")
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/legacy_xbrl_absent_{uuid.uuid4().hex[:8]}"
    assert main(["load", str(outputs), "--db", url, "--schema", "semantic"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"legacy-xbrl: load: {url}: cannot connect: database ") and err.count("\n") == 1
    assert "does not exist (3D000)" in err


def test_semantic_leaves_a_file_that_is_no_database_alone(
    outputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "notes.db"
    other.write_text("not a database\n", encoding="utf-8")
    assert main(["load", str(outputs), "--db", f"sqlite:///{other}", "--schema", "semantic"]) == 1
    assert "cannot connect: file is not a database" in capsys.readouterr().err
    assert other.read_text(encoding="utf-8") == "not a database\n"


def test_semantic_on_postgres_without_pg8000_says_what_to_install(outputs: Path) -> None:
    """Arelle's plugin reaches PostgreSQL only through pg8000: without it, one line and exit 1, nothing loaded."""
    import subprocess
    import sys

    hide_pg8000 = (
        "import sys\n"
        "sys.modules['pg8000'] = None  # import pg8000 now fails as if it were not installed\n"
        "from converter.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    url = "postgresql://postgres@localhost:5432/legacy_xbrl_never_made"
    done = subprocess.run(
        [sys.executable, "-c", hide_pg8000, "load", str(outputs), "--db", url, "--schema", "semantic"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stderr == (
        f"legacy-xbrl: load: {url}: --schema semantic on PostgreSQL needs pg8000: pip install 'legacy-xbrl[semantic]'\n"
    )
