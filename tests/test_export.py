"""``legacy-xbrl export``: the SEC's Financial Statement Data Sets layout, the flat table, DuckDB."""

from __future__ import annotations

import csv
import io
import re
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree
from paths import REPO, SAMPLES

from converter import export, export_files
from converter.cli import main
from converter.taxonomy import Taxonomy

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

CORPUS = REPO / "corpus"
SEC_SAMPLE = REPO / "tests" / "fixtures" / "fsds-sec-sample"
# A few corpus documents: an EDGAR submission (accession number), a submission of several documents
# with subsidiaries' members, an HTML 10-K, an 8-K with an acquired company's statements (legal entity
# axis), an 8-K with a statement per business segment.
CORPUS_DOCUMENTS = (
    "apple_1998-02-09_10-Q.txt",
    "southern_2005-01-25_8-K_full-submission.txt",
    "deere_2003-12-22_10-K.htm",
    "amazon_1998-08-27_8-K_junglee.txt",
    "ford_1994-02-10_8-K.txt",
)
XBRLI = "{http://www.xbrl.org/2003/instance}"

# The SEC's published layout (Financial Statement Data Sets, section 5, figures 2-5), written out
# here independently of converter/export.py: field names in order, and each field's format.
SEC_LAYOUT: dict[str, list[tuple[str, str]]] = {
    "sub": [
        ("adsh", "ALPHANUMERIC"), ("cik", "NUMERIC"), ("name", "ALPHANUMERIC"), ("sic", "NUMERIC"),
        ("countryba", "ALPHANUMERIC"), ("stprba", "ALPHANUMERIC"), ("cityba", "ALPHANUMERIC"),
        ("zipba", "ALPHANUMERIC"), ("bas1", "ALPHANUMERIC"), ("bas2", "ALPHANUMERIC"), ("baph", "ALPHANUMERIC"),
        ("countryma", "ALPHANUMERIC"), ("stprma", "ALPHANUMERIC"), ("cityma", "ALPHANUMERIC"),
        ("zipma", "ALPHANUMERIC"), ("mas1", "ALPHANUMERIC"), ("mas2", "ALPHANUMERIC"), ("countryinc", "ALPHANUMERIC"),
        ("stprinc", "ALPHANUMERIC"), ("ein", "NUMERIC"), ("former", "ALPHANUMERIC"), ("changed", "DATE"),
        ("afs", "ALPHANUMERIC"), ("wksi", "BOOLEAN"), ("fye", "ALPHANUMERIC"), ("form", "ALPHANUMERIC"),
        ("period", "DATE"), ("fy", "YEAR"), ("fp", "ALPHANUMERIC"), ("filed", "DATE"), ("accepted", "DATETIME"),
        ("prevrpt", "BOOLEAN"), ("detail", "BOOLEAN"), ("instance", "ALPHANUMERIC"), ("nciks", "NUMERIC"),
        ("aciks", "ALPHANUMERIC"),
    ],
    "tag": [
        ("tag", "ALPHANUMERIC"), ("version", "ALPHANUMERIC"), ("custom", "BOOLEAN"), ("abstract", "BOOLEAN"),
        ("datatype", "ALPHANUMERIC"), ("iord", "ALPHANUMERIC"), ("crdr", "ALPHANUMERIC"), ("tlabel", "ALPHANUMERIC"),
        ("doc", "ALPHANUMERIC"),
    ],
    "num": [
        ("adsh", "ALPHANUMERIC"), ("tag", "ALPHANUMERIC"), ("version", "ALPHANUMERIC"), ("ddate", "DATE"),
        ("qtrs", "NUMERIC"), ("uom", "ALPHANUMERIC"), ("segments", "ALPHANUMERIC"), ("coreg", "ALPHANUMERIC"),
        ("value", "NUMERIC(28,4)"), ("footnote", "ALPHANUMERIC"),
    ],
    "pre": [
        ("adsh", "ALPHANUMERIC"), ("report", "NUMERIC"), ("line", "NUMERIC"), ("stmt", "ALPHANUMERIC"),
        ("inpth", "BOOLEAN"), ("rfile", "ALPHANUMERIC"), ("tag", "ALPHANUMERIC"), ("version", "ALPHANUMERIC"),
        ("plabel", "ALPHANUMERIC"), ("negating", "BOOLEAN"),
    ],
}  # fmt: skip
# How each SEC format is stored in Parquet.
ARROW_TYPES = {
    "ALPHANUMERIC": pa.string(),
    "NUMERIC": pa.int64(),
    "YEAR": pa.int16(),
    "DATE": pa.date32(),
    "DATETIME": pa.timestamp("ms"),  # Parquet has no seconds unit
    "BOOLEAN": pa.bool_(),
    "NUMERIC(28,4)": pa.decimal128(28, 4),
}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    inputs = [*sorted(SAMPLES.glob("*.txt")), *(CORPUS / name for name in CORPUS_DOCUMENTS)]
    assert main(["convert", *map(str, inputs), "-o", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def fsds(outputs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("export") / "fsds"
    assert main(["export", str(outputs), "--to", "fsds", str(target)]) == 0
    return target


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _header(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n", 1)[0].split("\t")


@pytest.mark.parametrize("table", sorted(SEC_LAYOUT))
def test_text_tables_have_the_sec_columns_in_order(fsds: Path, table: str) -> None:
    assert _header(fsds / f"{table}.txt") == [name for name, _ in SEC_LAYOUT[table]]
    text = (fsds / f"{table}.txt").read_bytes()
    text.decode("utf-8")  # UTF-8 throughout
    width = len(SEC_LAYOUT[table])
    assert all(line.count(b"\t") == width - 1 for line in text.splitlines()), "one row a line, every field"


@pytest.mark.parametrize("table", sorted(SEC_LAYOUT))
def test_parquet_tables_have_the_sec_columns_and_types(fsds: Path, table: str) -> None:
    schema = pq.read_schema(fsds / f"{table}.parquet")
    assert [(f.name, f.type) for f in schema] == [(name, ARROW_TYPES[kind]) for name, kind in SEC_LAYOUT[table]]
    assert pq.read_table(fsds / f"{table}.parquet").num_rows == len(_rows(fsds / f"{table}.txt"))


def test_text_values_have_the_sec_formats(fsds: Path) -> None:
    for table, layout in SEC_LAYOUT.items():
        for row in _rows(fsds / f"{table}.txt"):
            for name, kind in layout:
                value = row[name]
                if value == "":
                    continue
                if kind == "DATE":
                    assert len(value) == 8 and date(int(value[:4]), int(value[4:6]), int(value[6:])), (table, name)
                elif kind in ("NUMERIC", "YEAR"):
                    assert value.isdigit(), (table, name, value)
                elif kind == "BOOLEAN":
                    assert value in ("0", "1"), (table, name, value)
                elif kind == "NUMERIC(28,4)":
                    Decimal(value)
    for row in _rows(fsds / "num.txt"):
        day = date(int(row["ddate"][:4]), int(row["ddate"][4:6]), int(row["ddate"][6:]))
        assert (day.replace(day=28) + (date(2000, 1, 5) - date(2000, 1, 1))).month != day.month, "a month end"
    assert {row["fp"] for row in _rows(fsds / "sub.txt")} <= {"FY", "Q1", "Q2", "Q3", "Q4", ""}
    assert {row["stmt"] for row in _rows(fsds / "pre.txt")} <= {"BS", "IS", "CF", "EQ", "CI", "SI", "UN"}


def _instance_facts(outputs: Path) -> Counter[tuple[str, Decimal]]:
    """Every fact of every instance (XML, read here with lxml), as (fact id, value)."""
    found: Counter[tuple[str, Decimal]] = Counter()
    for instance in outputs.glob("*.xbrl"):
        for element in etree.parse(str(instance)).getroot():
            if isinstance(element.tag, str) and element.get("contextRef") is not None:
                found[(str(element.get("id")), Decimal(element.text or ""))] += 1
    return found


def test_num_rows_are_the_instances_facts_one_to_one(outputs: Path, fsds: Path) -> None:
    facts = _instance_facts(outputs)
    num = _rows(fsds / "num.txt")
    prov = [row for row in _rows(fsds / "prov.txt") if row["source_seq"] in ("", "1")]
    assert len(num) == sum(facts.values()) > 1000
    # prov names each num row's fact (its first source): the same rows, keys and values ...
    key = ("adsh", "tag", "version", "ddate", "qtrs", "uom", "segments", "coreg")
    assert Counter((*(r[k] for k in key), Decimal(r["value"])) for r in num) == Counter(
        (*(r[k] for k in key), Decimal(r["value_exact"])) for r in prov
    )
    # ... and those facts are the instances' facts, each once, none added
    assert Counter((r["fact_id"], Decimal(r["value_exact"])) for r in prov) == facts


def test_tags_versions_and_custom_as_the_sec_sets_them(fsds: Path, taxonomy: Taxonomy) -> None:
    tags = {(r["tag"], r["version"]): r for r in _rows(fsds / "tag.txt")}
    adshs = {r["adsh"] for r in _rows(fsds / "sub.txt")}
    for (tag, version), row in tags.items():
        assert row["custom"] == ("1" if version in adshs else "0"), (tag, version)
        if version == "us-gaap/2025":
            assert any(c.us_gaap == tag and c.relation.value == "exact" for c in taxonomy.concepts.values())
    used = {(r["tag"], r["version"]) for r in _rows(fsds / "num.txt")}
    assert used == set(tags)
    # lx:Revenues is aligned with us-gaap:Revenues exactly; a narrower concept keeps its own name
    narrower = next(c for c in taxonomy.concepts.values() if c.relation.value == "narrower")
    assert ("Revenues", "us-gaap/2025") in used
    assert all(t != narrower.name or v == "lx/2025" for t, v in used)


def test_sub_keys_filings_by_accession_number_or_a_stable_made_up_key(fsds: Path) -> None:
    sub = {r["instance"]: r for r in _rows(fsds / "sub.txt")}
    # A submission's outputs are named by its accession number.
    apple = next(r for r in sub.values() if r["instance"].startswith("0000320193-98-000003."))
    assert (apple["adsh"], apple["cik"], apple["form"], apple["fye"]) == (
        "0000320193-98-000003",
        "320193",
        "10-Q",
        "0930",
    )
    # Apple's quarter ended December 26, 1997 is the first of fiscal 1998; the SEC rounds to the month end
    assert (apple["period"], apple["fy"], apple["fp"], apple["filed"]) == ("19971231", "1998", "Q1", "19980209")
    southern = [r for r in sub.values() if r["adsh"] == "0000092122-05-000042"]
    assert len(southern) == 1, "one sub row per submission, however many of its documents were converted"
    release = sub["iij-2003-08-12-6k-1q03-earnings-release.xbrl"]
    assert re.fullmatch(r"9\d{9}-03-\d{6}", release["adsh"]), "made up: no CIK begins with 9"
    assert (release["fye"], release["fy"], release["fp"], release["cik"]) == ("0331", "2004", "Q1", "1090633")


def test_made_up_keys_are_stable(outputs: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    assert main(["export", str(outputs), "--to", "fsds", str(first)]) == 0
    assert main(["export", str(outputs), "--to", "fsds", str(second)]) == 0
    assert (first / "sub.txt").read_bytes() == (second / "sub.txt").read_bytes()
    assert (first / "num.txt").read_bytes() == (second / "num.txt").read_bytes()


def test_segments_and_coreg(fsds: Path) -> None:
    num = _rows(fsds / "num.txt")
    assert any(r["coreg"] == "JungleeCorp" and r["segments"] == "" for r in num), "the legal entity axis is coreg"
    segmented = [r["segments"] for r in num if r["segments"]]
    assert segmented and all(s.endswith(";") and "=" in s and "Axis" not in s for s in segmented)


def test_pre_lines_carry_the_printed_label_statement_and_order(fsds: Path) -> None:
    pre = [r for r in _rows(fsds / "pre.txt") if r["adsh"] == "0000320193-98-000003"]
    income = [r for r in pre if r["stmt"] == "IS"]
    labels = [r["plabel"] for r in income]
    assert "Net sales" in labels and "Net income (loss)" in labels
    assert labels.index("Net sales") < labels.index("Net income (loss)")
    assert {r["stmt"] for r in pre} >= {"BS", "IS", "CF"}
    for report in {r["report"] for r in pre}:
        lines = sorted(int(r["line"]) for r in pre if r["report"] == report)
        assert lines == list(range(1, len(lines) + 1))


@pytest.mark.parametrize(
    ("text", "column", "expected"),
    [
        ("  Net sales ..........  $ 1,234   $ 987", 30, "Net sales"),
        (
            "Accounts receivable (net of allowance of $57,177)    1,234    2,345",
            55,
            "Accounts receivable (net of allowance of $57,177)",
        ),
        ("Total revenues                  100", 32, "Total revenues"),
        ("Income before\n  income taxes      (1,200)", 20, "Income before income taxes"),
        ("Revenues totaled JPY 8,344 million", None, "Revenues totaled JPY 8,344 million"),
    ],
)  # fmt: skip
def test_printed_label(text: str, column: int | None, expected: str) -> None:
    assert export.printed_label(text, column) == expected


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        ("CONSOLIDATED BALANCE SHEETS", "BS"),
        ("CONSOLIDATED STATEMENTS OF OPERATIONS (In thousands)", "IS"),
        ("Consolidated Statements of Cash Flows", "CF"),
        ("JUNGLEE CORP. CONDENSED STATEMENTS OF CASHFLOWS SIX MONTH PERIODS ENDED JUNE 30, 1998", "CF"),
        ("FOR THE YEARS ENDED DECEMBER 31, 1991, 1992 AND 1993 INCREASE (DECREASE) IN CASH", "CF"),
        ("SELECTED FINANCIAL DATA THE COCA-COLA COMPANY AND SUBSIDIARIES", "UN"),
        ("CONSOLIDATED STATEMENTS OF SHAREHOLDERS' EQUITY", "EQ"),
        ("Consolidated Statements of Comprehensive Income", "CI"),
        ("Revenues by service", "UN"),
    ],
)
def test_statement_of(caption: str, expected: str) -> None:
    assert export.statement_of(caption) == expected


def test_flat_csv_and_parquet(outputs: Path, tmp_path: Path) -> None:
    assert main(["export", str(outputs), "--to", "csv", str(tmp_path / "facts.csv")]) == 0
    assert main(["export", str(outputs), "--to", "parquet", str(tmp_path / "facts.parquet")]) == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "facts.csv").read_text(encoding="utf-8"))))
    facts = _instance_facts(outputs)
    assert Counter((r["fact_id"], Decimal(r["value"])) for r in rows) == facts
    table = pq.read_table(tmp_path / "facts.parquet")
    assert table.column_names == [c.name for c in export.FLAT_COLUMNS] == list(rows[0])
    assert table.schema.field("value").type == pa.string(), "the exact decimal text, never a float"
    assert table.schema.field("period_end").type == pa.date32()
    apple = [r for r in rows if r["adsh"] == "0000320193-98-000003" and r["concept"] == "lx:Revenues"]
    q1 = next(r for r in apple if r["period_end"] == "1997-12-26")
    assert (q1["fy"], q1["fp"], q1["qtrs"], q1["us_gaap_concept"], q1["value"]) == (
        "1998",
        "Q1",
        "1",
        "us-gaap:Revenues",
        "1578000000",
    )
    assert q1["source_text"] and int(q1["line_start"]) > 0 and q1["cik"] == "0000320193"


def _duckdb_union(legacy: Path, sec: Path) -> list[tuple[object, ...]]:
    duckdb = pytest.importorskip("duckdb")
    marker = "-- legacy and SEC rows"
    query = marker + (REPO / "README.md").read_text(encoding="utf-8").split(f"```sql\n{marker}", 1)[1]
    query = query.split("```", 1)[0]
    query = query.replace("out/fsds/", f"{legacy}/").replace("tests/fixtures/fsds-sec-sample/", f"{sec}/")
    return [tuple(row) for row in duckdb.sql(query).fetchall()]


def test_readme_duckdb_query_unions_legacy_and_sec_rows(fsds: Path) -> None:
    rows = _duckdb_union(fsds, SEC_SAMPLE)
    by_source = Counter(str(row[-1]) for row in rows)
    assert by_source["0000320193-98-000003"] >= 2 and by_source["0000320193-10-000001"] == 2
    dates = [row[3] for row in rows]
    assert dates == sorted(dates)
    assert ("10-Q", "1998", "Q1", "19971231", "Revenues", "us-gaap/2025", Decimal("1578000000")) in [
        row[:7] for row in rows
    ]


def test_an_existing_file_is_never_replaced(outputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "fsds"
    target.mkdir()
    (target / "num.txt").write_text("not ours\n", encoding="utf-8")
    assert main(["export", str(outputs), "--to", "fsds", str(target)]) == 2
    assert "num.txt: already exists" in capsys.readouterr().err
    assert (target / "num.txt").read_text(encoding="utf-8") == "not ours\n"
    assert sorted(p.name for p in target.iterdir()) == ["num.txt"], "nothing else written"
    assert main(["export", str(outputs), "--to", "fsds", str(target), "--overwrite"]) == 0
    assert _header(target / "num.txt")[0] == "adsh"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "xlsx", "x.xlsx"], "--to xlsx: choose fsds DIR, csv FILE or parquet FILE"),
        (["missing-folder", "--to", "csv", "x.csv"], "missing-folder: no such file or folder"),
    ],
)
def test_bad_requests_are_one_line_errors(
    outputs: Path, tmp_path: Path, args: Sequence[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["export", str(outputs), *args]
    argv = [str(tmp_path / a) if a in ("x.csv", "x.xlsx", "missing-folder") else a for a in argv]
    assert main(argv) != 0
    err = capsys.readouterr().err
    assert message.split(":")[-1].strip() in err and err.count("\n") == 1 and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_not_our_outputs_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x.json").write_text('{"documentInfo": {"documentType": "other"}}', encoding="utf-8")
    assert main(["export", str(tmp_path), "--to", "csv", str(tmp_path / "facts.csv")]) == 1
    assert "not an xBRL-JSON report" in capsys.readouterr().err
    assert not (tmp_path / "facts.csv").exists()


def test_without_pyarrow_nothing_is_written(
    outputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    assert main(["export", str(outputs), "--to", "fsds", str(tmp_path / "fsds")]) == 1
    assert "pip install 'legacy-xbrl[parquet]'" in capsys.readouterr().err
    assert not (tmp_path / "fsds").exists(), "not the .txt tables alone, not even the folder"
    assert main(["export", str(outputs), "--to", "csv", str(tmp_path / "facts.csv")]) == 0, "CSV needs no pyarrow"


def test_parquet_value_is_the_secs_decimal_28_4_and_the_text_keeps_every_digit(tmp_path: Path) -> None:
    columns = export.FSDS_COLUMNS["num"]
    row = ("9000000001-04-000001", "Ratio", "lx/2025", date(2004, 3, 31), 0, "pure", None, None)
    table = export.Table("num", columns, ((*row, Decimal("0.123456"), None), (*row, Decimal("-1059574000"), None)))
    (tmp_path / "num.parquet").write_bytes(export_files.parquet_bytes(table))
    assert pq.read_table(tmp_path / "num.parquet").column("value").to_pylist() == [
        Decimal("0.1235"),
        Decimal("-1059574000.0000"),
    ]
    lines = export_files.tsv_bytes(table).decode("utf-8").splitlines()
    assert [line.split("\t")[8] for line in lines[1:]] == ["0.123456", "-1059574000"]
    assert lines[1].split("\t")[3] == "20040331"


def test_prov_gives_each_fact_its_fiscal_year_and_period(fsds: Path) -> None:
    prov = [r for r in _rows(fsds / "prov.txt") if r["adsh"] == "0000320193-98-000003" and r["tag"] == "Revenues"]
    quarter = {(r["ddate"], r["qtrs"], r["fy"], r["fp"]) for r in prov}
    # The statements' two quarters, and the fourth quarter of fiscal 1997 the MD&A table compares with.
    assert quarter == {
        ("19971231", "1", "1998", "Q1"),
        ("19961231", "1", "1997", "Q1"),
        ("19970930", "1", "1997", "Q4"),
    }


def test_two_instances_given_the_same_made_up_key_are_refused_not_merged(
    outputs: Path, taxonomy: Taxonomy, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = [d for d in export_files.read_exports([outputs]) if not d.filing.accession]
    assert len(documents) >= 2
    monkeypatch.setattr(export, "made_up_adsh", lambda filing: "9000000000-03-000000")
    with pytest.raises(export.ExportError, match="the same made-up key 9000000000-03-000000"):
        export.fsds_tables(documents, taxonomy)
