"""Loading outputs into SQLite and PostgreSQL: the facts view against the instance, idempotence, atomicity."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from paths import RELEASE_6K, SAMPLES, SLIDES

from converter import load as load_module
from converter.cli import main
from converter.load import LoadError, load
from converter.taxonomy import Taxonomy

PG_ADMIN_URL = os.environ.get("LEGACY_XBRL_TEST_PG", "postgresql://postgres@localhost:5432/postgres")
TABLES = ("entity", "filing", "concept", "period", "unit", "context", "context_dimension", "fact", "fact_source")
XBRLI = "{http://www.xbrl.org/2003/instance}"


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    assert main(["convert", *map(str, sorted(SAMPLES.glob("*.txt"))), "-o", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    """A fresh, uniquely named PostgreSQL database for this run, dropped afterwards."""
    psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed")
    try:
        admin = psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as err:
        pytest.skip(f"no PostgreSQL server reachable at {PG_ADMIN_URL} (set LEGACY_XBRL_TEST_PG): {err}")
    name = f"legacy_xbrl_test_{uuid.uuid4().hex[:12]}"
    admin.execute(f"CREATE DATABASE {name}")
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'facts.db'}"
        return
    base: str = request.getfixturevalue("postgres_url")
    psycopg = pytest.importorskip("psycopg")
    schema = f"run_{uuid.uuid4().hex[:12]}"  # one schema per test within the run's database
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    yield f"{base}?options=-csearch_path%3D{schema}"


def _query(url: str, sql: str) -> list[tuple[Any, ...]]:
    if url.startswith("sqlite:///"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
            return [tuple(row) for row in conn.execute(sql)]
    import psycopg

    with psycopg.connect(url) as conn:
        return [tuple(row) for row in conn.execute(sql)]


def _dump(url: str) -> dict[str, list[str]]:
    """Every row of every table, in a stable order."""
    try:
        return {table: sorted(map(repr, _query(url, f"SELECT * FROM {table}"))) for table in TABLES}
    except Exception:  # the tables do not exist yet
        return {}


def _instance_facts(path: Path) -> set[tuple[str, str | None, str | None, str | None, str, Decimal, int | None]]:
    """The facts of an XBRL 2.1 instance read straight from its XML, independently of the loader."""
    root = etree.parse(str(path)).getroot()
    periods: dict[str, tuple[str | None, str | None, str | None]] = {}
    for context in root.iter(f"{XBRLI}context"):
        period = context.find(f"{XBRLI}period")
        assert period is not None
        start, end, instant = (period.findtext(f"{XBRLI}{tag}") for tag in ("startDate", "endDate", "instant"))
        periods[context.get("id", "")] = (start, end, instant)
    units: dict[str, str] = {}
    for unit in root.iter(f"{XBRLI}unit"):
        top = [m.text or "" for m in unit.iterfind(f"{XBRLI}divide/{XBRLI}unitNumerator/{XBRLI}measure")]
        bottom = [m.text or "" for m in unit.iterfind(f"{XBRLI}divide/{XBRLI}unitDenominator/{XBRLI}measure")]
        if not top:
            top = [m.text or "" for m in unit.iterfind(f"{XBRLI}measure")]
        units[unit.get("id", "")] = "*".join(sorted(top)) + ("/" + "*".join(sorted(bottom)) if bottom else "")
    facts = set()
    for element in root:
        if not isinstance(element.tag, str) or element.get("contextRef") is None:
            continue
        qname = etree.QName(element)
        prefix = next(p for p, ns in element.nsmap.items() if ns == qname.namespace)
        decimals = element.get("decimals")
        facts.add(
            (
                f"{prefix}:{qname.localname}",
                *periods[element.get("contextRef", "")],
                units[element.get("unitRef", "")],
                Decimal(element.text or ""),
                None if decimals in (None, "INF") else int(decimals),
            )
        )
    return facts


def _view_facts(url: str, document: str) -> set[tuple[Any, ...]]:
    rows = _query(
        url,
        "SELECT concept, period_start, period_end, period_instant, unit, value, decimals FROM facts "
        f"WHERE filing = '{document}'",
    )
    return {
        (c, *(None if d is None else str(d) for d in (s, e, i)), u, Decimal(str(v)), dec)
        for c, s, e, i, u, v, dec in rows
    }


def test_facts_view_matches_the_instance(outputs: Path, db_url: str, taxonomy: Taxonomy) -> None:
    result = load([outputs], db_url, taxonomy)
    assert sorted(name for name, _ in result.loaded) == sorted(p.name for p in SAMPLES.glob("*.txt"))
    expected = _instance_facts(outputs / f"{RELEASE_6K.stem}.xbrl")
    assert expected
    assert _view_facts(db_url, RELEASE_6K.name) == expected
    every = sum(len(_instance_facts(outputs / f"{p.stem}.xbrl")) for p in SAMPLES.glob("*.txt"))
    rows = _query(db_url, "SELECT line_start, line_end, source_text, label, us_gaap_concept, entity FROM facts")
    assert len(rows) == every
    assert all(start and end >= start and text for start, end, text, *_ in rows)  # every fact has provenance
    assert all(label for *_, label, _, _ in rows)
    assert {entity for *_, entity in rows} == {"0001090633"}
    revenues = _query(
        db_url,
        "SELECT value, line_start, source_text FROM facts WHERE concept = 'lx:Revenues' AND unit = 'iso4217:JPY' "
        "AND period_start = '2003-04-01' AND period_end = '2003-06-30'",
    )
    assert [(Decimal(str(v)), line) for v, line, _ in revenues] == [(Decimal("8344046000"), 604)]
    assert "8,344,046" in revenues[0][2]


def test_values_are_exact_decimals_not_floats(outputs: Path, db_url: str, taxonomy: Taxonomy) -> None:
    load([outputs], db_url, taxonomy)
    kind = "typeof(value)" if db_url.startswith("sqlite") else "pg_typeof(value)::text"
    assert {row[0] for row in _query(db_url, f"SELECT DISTINCT {kind} FROM facts")} == (
        {"text"} if db_url.startswith("sqlite") else {"numeric"}
    )
    per_share = _query(db_url, "SELECT value FROM facts WHERE unit = 'iso4217:JPY/xbrli:shares'")
    assert per_share and all("e" not in str(v).lower() for (v,) in per_share)


def test_loading_twice_changes_nothing(outputs: Path, db_url: str, taxonomy: Taxonomy) -> None:
    first = load([outputs], db_url, taxonomy)
    before = _dump(db_url)
    second = load([outputs], db_url, taxonomy)
    assert second.loaded == () and sorted(second.already) == sorted(name for name, _ in first.loaded)
    assert _dump(db_url) == before


def test_failure_midway_leaves_nothing(
    outputs: Path, db_url: str, taxonomy: Taxonomy, monkeypatch: pytest.MonkeyPatch
) -> None:
    load([outputs / "iij-2002-08-1q02-results-slides.json"], db_url, taxonomy)
    before = _dump(db_url)
    assert before["filing"]

    def broken(*args: object) -> None:
        raise RuntimeError("disk full, say")

    monkeypatch.setattr(load_module._Writer, "add_sources", broken)  # facts are in, sources not yet
    with pytest.raises(RuntimeError, match="disk full"):
        load([outputs], db_url, taxonomy)
    assert _dump(db_url) == before
    monkeypatch.undo()
    assert len(load([outputs], db_url, taxonomy).loaded) == 1


def test_failure_on_a_fresh_database_creates_nothing(
    outputs: Path, tmp_path: Path, taxonomy: Taxonomy, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.db'}"

    def broken(*args: object) -> None:
        raise RuntimeError("interrupted")

    monkeypatch.setattr(load_module._Writer, "add_facts", broken)
    with pytest.raises(RuntimeError):
        load([outputs], url, taxonomy)
    assert _query(url, "SELECT name FROM sqlite_master") == []


def test_cli_load(outputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["load", str(outputs), "--db", url]) == 0
    every = sum(len(_instance_facts(outputs / f"{p.stem}.xbrl")) for p in SAMPLES.glob("*.txt"))
    assert f"loaded 2 filings ({every} facts); 0 already there" in capsys.readouterr().out
    assert main(["load", str(outputs), "--db", url]) == 0
    assert "loaded 0 filings (0 facts); 2 already there" in capsys.readouterr().out
    assert main(["load", str(tmp_path / "nowhere"), "--db", url]) == 1
    assert main(["load", str(outputs), "--db", "mysql://x"]) == 1
    assert "unsupported database URL" in capsys.readouterr().err


def test_not_an_oim_report_is_refused(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text('{"documentInfo": {"documentType": "something else"}, "facts": {}}')
    done = load([tmp_path], f"sqlite:///{tmp_path / 'x.db'}")
    assert done.loaded == () and len(done.refused) == 1
    assert "x.json: not an xBRL-JSON report" in done.refused[0][1]


def _copy_outputs(outputs: Path, folder: Path) -> Path:
    folder.mkdir()
    for path in outputs.iterdir():
        if path.is_file() and path.name != "batch-summary.json":
            shutil.copy(path, folder / path.name)
    return folder


def _edit_first_fact(path: Path, **changes: Any) -> str:
    oim = json.loads(path.read_text())
    key = next(k for k, f in sorted(oim["facts"].items()) if "unit" in f["dimensions"])
    oim["facts"][key].update(changes)
    path.write_text(json.dumps(oim))
    return key


@pytest.mark.parametrize("value", [{"a": 1}, "NaN", "Infinity", "1e3", "twelve", 12])
def test_a_numeric_fact_must_be_an_exact_finite_decimal(outputs: Path, tmp_path: Path, value: Any) -> None:
    """Regression: a hand-edited value ``{"a":1}`` or ``"NaN"`` loaded with exit 0 on a numeric fact. The
    file is refused, named with the reason; the other filing loads."""
    folder = _copy_outputs(outputs, tmp_path / "out")
    edited = folder / f"{RELEASE_6K.stem}.json"
    _edit_first_fact(edited, value=value)
    url = f"sqlite:///{tmp_path / 'x.db'}"
    done = load([folder], url)
    assert [file for file, _ in done.refused] == [str(edited)]
    assert str(edited) in done.refused[0][1] and (
        "exact, finite decimal" in done.refused[0][1] or "not a string" in done.refused[0][1]
    )
    assert len(done.loaded) == 1 and _query(url, "SELECT count(*) FROM filing") == [(1,)]


def test_the_filing_key_covers_every_output_read(outputs: Path, tmp_path: Path) -> None:
    """Regression: the key was the instance's hash only, so after loading an edited xBRL-JSON, the correct
    outputs were "already there, unchanged"; and an edit of the JSON-LD or the report went unseen."""
    url = f"sqlite:///{tmp_path / 'x.db'}"
    good = _copy_outputs(outputs, tmp_path / "good")
    for number, suffix in enumerate((".json", ".jsonld", ".report.json"), start=1):
        edited = _copy_outputs(outputs, tmp_path / f"edited{number}")
        path = edited / f"{RELEASE_6K.stem}{suffix}"
        data = json.loads(path.read_text())
        data["edited"] = number  # a key no reader looks at: still well-formed
        path.write_text(json.dumps(data))
        done = load([edited], url)
        assert len(done.loaded) == (2 if number == 1 else 1), suffix
    done = load([good], url)  # the correct outputs are not "already there": an edited copy was loaded
    assert [name for name, _ in done.loaded] == [RELEASE_6K.name] and done.already == (SLIDES.name,)
    assert _query(url, "SELECT count(*) FROM filing") == [(5,)]


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (lambda oim: oim.pop("facts"), "no facts object"),
        (lambda oim: oim.update(facts=[]), "no facts object"),
        (lambda oim: next(iter(oim["facts"].values())).pop("dimensions"), "lacks a concept"),
        (lambda oim: next(iter(oim["facts"].values())).update(dimensions=[1]), "not an object with dimensions"),
        (lambda oim: next(iter(oim["facts"].values()))["dimensions"].pop("entity"), "missing 'entity'"),
        (lambda oim: next(iter(oim["facts"].values())).update(decimals="x"), "decimals"),
        (lambda oim: next(iter(oim["facts"].values()))["dimensions"].update(period=5), "bad period"),
        (lambda oim: oim["documentInfo"].update(namespaces="x"), "malformed output"),
    ],
)
def test_a_malformed_output_is_refused_with_its_name(
    outputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], edit: Any, reason: str
) -> None:
    """Regression: 9 of 21 malformed outputs gave "internal error: KeyError..." without the file's name."""
    folder = _copy_outputs(outputs, tmp_path / "out")
    path = folder / f"{RELEASE_6K.stem}.json"
    oim = json.loads(path.read_text())
    edit(oim)
    path.write_text(json.dumps(oim))
    url = f"sqlite:///{tmp_path / 'x.db'}"
    assert main(["load", str(folder), "--db", url]) == 1
    captured = capsys.readouterr()
    err = captured.err.strip().splitlines()
    assert len(err) == 1 and str(path) in err[0] and reason in err[0] and "internal error" not in err[0], err
    assert "loaded 1 filings" in captured.out and "1 refused" in captured.out  # the batch went on


def test_outputs_with_a_name_that_is_not_utf8_load(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Regression: an output named ``caf\\xe9.json`` that convert wrote made load fail for the whole folder."""
    name = os.fsdecode(b"caf\xe9.txt")
    try:
        (tmp_path / name).write_bytes(RELEASE_6K.read_bytes())
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system refuses non-UTF-8 names")
    out = tmp_path / "out"
    assert main(["convert", str(tmp_path / name), str(RELEASE_6K), "-o", str(out), "--fiscal-year-end", "03-31"]) == 0
    url = f"sqlite:///{tmp_path / 'x.db'}"
    assert main(["load", str(out), "--db", url]) == 0
    assert "loaded 2 filings" in capsys.readouterr().out
    assert ("caf\\xe9.xbrl",) in _query(url, "SELECT instance_file FROM filing")


def test_two_first_loads_into_an_empty_postgresql_database_both_succeed(outputs: Path, postgres_url: str) -> None:
    """Regression: two first-time loads at once: one failed on a ``pg_type`` unique violation while both
    created the schema. Real processes, a fresh schema each round."""
    psycopg = pytest.importorskip("psycopg")
    for _ in range(3):
        schema = f"race_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(postgres_url, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
        url = f"{postgres_url}?options=-csearch_path%3D{schema}"
        command = [sys.executable, "-m", "converter", "load", str(outputs), "--db", url]
        runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
        results = [(run.wait(timeout=120), run.communicate()) for run in runs]
        assert [code for code, _ in results] == [0, 0], results
        outs = sorted(out for _, (out, _) in results)
        assert "loaded 0 filings" in outs[0] and "2 already there" in outs[0]
        assert "loaded 2 filings" in outs[1]
        assert _query(url, "SELECT count(*) FROM filing") == [(2,)]


def test_facts_view_places_each_fact_in_the_fiscal_calendar(outputs: Path, db_url: str, taxonomy: Taxonomy) -> None:
    """IIJ's fiscal year ends March 31: its April-June 2003 quarter is Q1 of the year ending March 2004."""
    load([outputs], db_url, taxonomy)
    quarter = _query(
        db_url,
        "SELECT DISTINCT fy, fp, qtrs FROM facts WHERE period_start = '2003-04-01' AND period_end = '2003-06-30'",
    )
    assert quarter == [(2004, "Q1", 1)]
    balance = _query(db_url, "SELECT DISTINCT fy, fp, qtrs FROM facts WHERE period_instant = '2003-06-30'")
    assert balance == [(2004, "Q1", 0)]
    rows = _query(db_url, "SELECT fy, fp, qtrs, period_instant FROM facts")
    assert all(fy is not None and fp in ("Q1", "Q2", "Q3", "Q4", "FY") for fy, fp, _, _ in rows)
    assert all((qtrs == 0) == (instant is not None) for _, _, qtrs, instant in rows)


def _older_schema(dialect: load_module.Dialect) -> list[str]:
    """The schema as it was before the fiscal-period columns: no fy, fp, qtrs, and no view drop."""
    keep = []
    for statement in load_module.schema_sql(dialect):
        if statement.startswith("DROP VIEW"):
            continue
        lines = statement.splitlines()
        keep.append("\n".join(line for line in lines if not re.match(r"\s*(?:f\.)?(?:fy|fp|qtrs)\b", line)))
    return keep


def test_a_database_made_before_the_fiscal_columns_gets_them(outputs: Path, db_url: str, taxonomy: Taxonomy) -> None:
    older = load_module.SQLITE if db_url.startswith("sqlite") else load_module.POSTGRES
    if older is load_module.SQLITE:
        with sqlite3.connect(db_url.removeprefix("sqlite:///")) as conn:
            for statement in _older_schema(older):
                conn.execute(statement)
    else:
        import psycopg

        with psycopg.connect(db_url) as conn:
            for statement in _older_schema(older):
                conn.execute(statement)
    with pytest.raises(Exception, match="fy"):  # the older view has no such column
        _query(db_url, "SELECT fy FROM facts")
    load([outputs / "iij-2002-08-1q02-results-slides.json"], db_url, taxonomy)
    load([outputs], db_url, taxonomy)
    rows = _query(db_url, "SELECT filing, fy, fp, qtrs FROM facts")
    assert rows and all(fy is not None and fp and qtrs is not None for _, fy, fp, qtrs in rows)


@pytest.fixture(scope="module")
def two_filings(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two filings whose extensions both declare ext:OfficeFurnitureAndEquipment (a line of their own)."""
    out = tmp_path_factory.mktemp("two")
    corpus = SAMPLES.parent / "corpus"
    inputs = [corpus / "apple_1997-05_10-Q.txt", corpus / "apple_1998-02-09_10-Q.txt"]
    assert main(["convert", *map(str, inputs), "-o", str(out)]) == 0
    return out


def test_same_named_extension_concepts_of_two_filings_stay_apart(
    two_filings: Path, db_url: str, taxonomy: Taxonomy
) -> None:
    load([two_filings], db_url, taxonomy)
    rows = _query(
        db_url,
        "SELECT c.qname, c.namespace, c.label, fi.document_name FROM concept c "
        "JOIN filing fi ON fi.filing_id = c.filing_id "
        "WHERE c.local_name = 'OfficeFurnitureAndEquipment' ORDER BY 4",
    )
    assert [(qname, document) for qname, _, _, document in rows] == [
        ("ext:OfficeFurnitureAndEquipment", "apple_1997-05_10-Q.txt"),
        ("ext:OfficeFurnitureAndEquipment", "apple_1998-02-09_10-Q.txt"),
    ]
    assert rows[0][1] != rows[1][1]  # each filing's own extension namespace
    assert all(label == "Office furniture and equipment" for _, _, label, _ in rows)
    # Each filing's facts are on its own concept.
    facts = _query(
        db_url,
        "SELECT DISTINCT filing, concept_namespace FROM facts "
        "WHERE concept = 'ext:OfficeFurnitureAndEquipment' ORDER BY 1",
    )
    assert len(facts) == 2 and facts[0][1] != facts[1][1]
    # Base concepts are shared, and declared by no filing.
    assert _query(db_url, "SELECT COUNT(*), MAX(filing_id) FROM concept WHERE qname = 'lx:Revenues'") == [(1, None)]


def test_a_database_keying_concepts_by_prefixed_name_is_refused(two_filings: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE concept (concept_id INTEGER PRIMARY KEY, qname TEXT NOT NULL UNIQUE)")
    with pytest.raises(LoadError, match="earlier legacy-xbrl, which keyed concepts by their prefixed name"):
        load([two_filings], f"sqlite:///{path}")
