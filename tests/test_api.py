"""The Python API (``converter.api``, re-exported by ``converter``): the same conversion and the same
bytes as the command line, facts as rows and as a DataFrame, errors as one-line ``ConversionError``s."""

from __future__ import annotations

import re
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pandas
import pytest
from paths import RELEASE_6K, REPO, SAMPLES, SLIDES

import converter
from converter import FACT_COLUMNS, Conversion, ConversionError, convert_documents, convert_file, convert_text
from converter.cli import main
from converter.validate import Validator

# A submission whose one financial document (exhibit 99.1) needs an extension schema.
EXTENDED = REPO / "corpus" / "amazon_1998-10-28_8-K.txt"


@pytest.fixture(scope="module")
def slides() -> Conversion:
    return convert_file(SLIDES)


def test_convert_file_reads_the_sidecar_like_the_command_line(slides: Conversion) -> None:
    assert len(slides.facts) == 13  # with no fiscal year end (the sidecar's) it finds none
    assert slides.result.entity.identifier == "0001090633"
    assert slides.findings == ()
    assert slides.stem == SLIDES.stem


def test_keyword_arguments_win_over_the_sidecar() -> None:
    conversion = convert_file(SLIDES, cik="320193", entity_name="Someone Else")
    assert (conversion.result.entity.identifier, conversion.result.entity.name) == ("0000320193", "Someone Else")


def test_convert_text_is_convert_file_without_the_sidecar(slides: Conversion) -> None:
    text = SLIDES.read_text(encoding="utf-8")
    assert convert_text(text, name=SLIDES.name).facts == ()  # no fiscal calendar, no facts
    given = convert_text(text, name=SLIDES.name, fiscal_year_end="03-31", cik="1090633")
    assert given.facts == slides.facts
    assert convert_text(SLIDES.read_bytes(), name=SLIDES.name, fiscal_year_end="03-31").facts == slides.facts


def test_facts_rows_are_plain_dicts_one_per_fact(slides: Conversion) -> None:
    rows = slides.facts_rows()
    assert len(rows) == len(slides.facts)
    assert all(tuple(row) == FACT_COLUMNS for row in rows)
    first = rows[0]
    assert first["concept"] == "lx:Revenues" and first["label"] == "Total revenues" and first["us_gaap"] == "Revenues"
    assert (first["period_start"], first["period_end"], first["instant"]) == (date(2002, 4, 1), date(2002, 6, 30), None)
    assert (first["unit"], first["value"], first["decimals"]) == ("JPY", Decimal("9900000000"), -8)
    assert first["source_line"] == 11 and "JPY9.9B" in str(first["source_text"])
    assert all(isinstance(row["value"], Decimal) for row in rows)


def test_rows_carry_dimensions_and_instants() -> None:
    rows = convert_file(RELEASE_6K).facts_rows()
    instants = [row for row in rows if row["instant"] is not None]
    assert instants and all(row["period_start"] is None and row["period_end"] is None for row in instants)
    assert all(isinstance(row["dimensions"], dict) for row in rows)


def test_to_dataframe(slides: Conversion) -> None:
    frame = slides.to_dataframe()
    assert list(frame.columns) == list(FACT_COLUMNS)
    assert len(frame) == len(slides.facts)
    assert sum(frame["value"]) == sum(f.value for f in slides.facts)  # Decimal objects, exact
    assert isinstance(frame["value"].iloc[0], Decimal)
    assert pandas.api.types.is_datetime64_any_dtype(frame["period_end"])
    assert str(frame["decimals"].dtype) == "Int64"


def test_to_dataframe_without_pandas_says_how_to_get_it(slides: Conversion, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "pandas", None)
    with pytest.raises(ImportError, match=re.escape("pip install 'legacy-xbrl[pandas]'")):
        slides.to_dataframe()


@pytest.mark.parametrize("source", [SLIDES, RELEASE_6K], ids=lambda p: p.stem)
def test_write_all_writes_the_bytes_the_command_line_writes(source: Path, tmp_path: Path) -> None:
    formats = ("xbrl", "json", "jsonld", "ixbrl")
    assert main(["convert", str(source), "-o", str(tmp_path / "cli"), "--formats", ",".join(formats)]) == 0
    written = convert_file(source).write_all(tmp_path / "api", (*formats, "report"))
    suffixes = (".xbrl", ".json", ".jsonld", ".html", ".report.json")
    assert [p.name for p in written] == [f"{source.stem}{s}" for s in suffixes]
    for path in written:
        assert path.read_bytes() == (tmp_path / "cli" / path.name).read_bytes(), path.name
    taxonomy_copy = sorted(p.name for p in (tmp_path / "api" / "legacy-xbrl-taxonomy-2025").iterdir())
    assert taxonomy_copy == sorted(p.name for p in (tmp_path / "cli" / "legacy-xbrl-taxonomy-2025").iterdir())


def test_write_picks_the_format_from_the_suffix(slides: Conversion, tmp_path: Path) -> None:
    assert slides.write(tmp_path / "a.xbrl").read_text().startswith("<?xml")
    assert b'"documentInfo"' in slides.write(tmp_path / "a.json").read_bytes()
    assert b"@context" in slides.write(tmp_path / "a.jsonld").read_bytes()
    assert b"ix:header" in slides.write(tmp_path / "a.html").read_bytes()
    assert b'"cells"' in slides.write(tmp_path / "a.report.json").read_bytes()
    assert b"ix:header" in slides.write(tmp_path / "page.txt", format="ixbrl").read_bytes()
    with pytest.raises(ValueError, match="cannot tell the format"):
        slides.write(tmp_path / "a.csv")
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        slides.write(tmp_path / "a.xbrl", format="pdf")
    with pytest.raises(ValueError, match="no extension schema"):
        slides.write(tmp_path / "a.xsd")
    assert not list(tmp_path.glob(".*.tmp"))


def test_write_all_of_an_extended_filing_is_what_convert_writes(tmp_path: Path) -> None:
    assert main(["convert", str(EXTENDED), "-o", str(tmp_path / "cli")]) == 0
    (conversion,) = convert_documents(EXTENDED)
    conversion.write_all(tmp_path / "api")
    cli = sorted(p.name for p in (tmp_path / "cli").iterdir() if p.is_file() and p.name != "batch-summary.json")
    assert cli == sorted(p.name for p in (tmp_path / "api").iterdir() if p.is_file())
    for name in cli:
        assert (tmp_path / "api" / name).read_bytes() == (tmp_path / "cli" / name).read_bytes(), name


def test_an_extended_filing_gets_its_schema_beside_and_validates(tmp_path: Path, validator: Validator) -> None:
    conversion = convert_file(EXTENDED)  # an EDGAR submission with one document holding financial data
    assert conversion.stem == "0000891020-98-001498.ex99-1"  # named by its accession number, as convert names it
    assert conversion.result.extension is not None
    instance = conversion.write(tmp_path / "amazon.xbrl")
    assert (tmp_path / f"{conversion.stem}.xsd").is_file()  # the instance's schemaRef names it
    outcome = validator.validate(instance)
    assert (outcome.errors, outcome.inconsistencies) == (0, 0), outcome.problems


def test_convert_documents_gives_one_conversion_per_document(tmp_path: Path) -> None:
    (only,) = convert_documents(EXTENDED)
    assert only.stem == "0000891020-98-001498.ex99-1"
    text = EXTENDED.read_text(encoding="latin-1")
    # The same exhibit twice in one submission: two documents holding financial data.
    start = text.rindex("<DOCUMENT>", 0, text.index("<TYPE>EX-99"))
    end = text.index("</DOCUMENT>", start) + len("</DOCUMENT>")
    twice = tmp_path / "twice.txt"
    twice.write_text(text[:end] + "\n" + text[start:end].replace("EX-99.1", "EX-99.2") + text[end:], encoding="latin-1")
    assert [c.stem for c in convert_documents(twice)] == ["0000891020-98-001498.ex99-1", "0000891020-98-001498.ex99-2"]
    with pytest.raises(ConversionError, match=r"2 documents holding financial data .*: use convert_documents"):
        convert_file(twice)


@pytest.mark.parametrize(
    ("content", "reason"), [(b"", "empty file"), (b"%PDF-1.4\x00\x00binary", "PDF document")], ids=["empty", "pdf"]
)
def test_bad_input_is_one_line_naming_it(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ConversionError) as raised:
        convert_file(path)
    message = str(raised.value)
    assert str(path) in message and reason in message and "\n" not in message


def test_missing_file_and_bad_options_are_conversion_errors(tmp_path: Path) -> None:
    with pytest.raises(ConversionError, match=r"nothing\.txt: cannot read: No such file"):
        convert_file(tmp_path / "nothing.txt")
    with pytest.raises(ConversionError, match="expected MM-DD"):
        convert_text("text", fiscal_year_end="March")
    with pytest.raises(ConversionError, match="expected MM-DD"):
        convert_file(SLIDES, fiscal_year_end="13-01")


def test_the_readme_example_runs_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's Python API example, copied from the README and run in a folder holding samples/."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"### Python API\n.*?```python\n(.*?)```", readme, re.DOTALL)
    assert len(example.strip().splitlines()) <= 6
    shutil.copytree(SAMPLES, tmp_path / "samples")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    exec(compile(example, "README.md", "exec"), namespace)
    assert (tmp_path / "out" / "slides.xbrl").is_file()
    assert namespace["converter"] is converter
