"""Hostile and broken input: a clear error or a conversion that loses nothing, never a crash."""

from __future__ import annotations

import ast
import json
import re
import time
from pathlib import Path

import pytest
from lxml import etree
from paths import RELEASE_6K, REPO, SLIDES

from converter.cli import main
from converter.mapping import MappingTable
from converter.model import Result
from converter.outdir import STATE
from converter.pipeline import Options, convert
from converter.report import build_report, report_bytes
from converter.segment import row_cells
from converter.serialize.extension import to_extension_schema
from converter.serialize.jsonld import to_jsonld
from converter.serialize.oim import to_xbrl_json
from converter.serialize.xbrl import XBRLI, to_xbrl
from converter.taxonomy import Taxonomy
from converter.values import MAX_FIGURE_DIGITS, is_garbled_figure, parse_number

HEAD = (
    "Table 1. Revenues (JPY in millions)\n\n"
    "                                  1Q03        2Q03\n"
    "                              ----------  ----------\n"
)
CONVERTER = REPO / "converter"
NCNAME = re.compile(r"^[A-Za-z_][\w.\-]*$")
OPTIONS = Options(fiscal_year_end="03-31", cik="1090633")


def _convert(text: str | bytes, taxonomy: Taxonomy, mapping: MappingTable, name: str = "t.txt") -> Result:
    return convert(text, name=name, options=OPTIONS, taxonomy=taxonomy, mapping=mapping)


def _accounted(result: Result) -> None:
    """Every cell is tagged, skipped with a reason or counted as unaccounted: none vanish."""
    cells = result.cells
    assert cells.total == cells.tagged + sum(cells.skipped.values()) + cells.unaccounted


def test_letters_in_a_number_are_reported_not_tagged(taxonomy: Taxonomy, mapping_table: MappingTable) -> None:
    """Regression: "1,2O4" was read as the row's label and its figure silently lost."""
    text = HEAD + "Total revenues                     1,2O4       1,300\n"
    result = _convert(text, taxonomy, mapping_table)
    _accounted(result)
    assert result.cells.total == 2
    assert result.cells.unaccounted == 1
    assert [str(f.value) for f in result.facts] == ["1300000000"]
    unreadable = [f for f in result.findings if f.code == "table.unreadable-cell"]
    assert len(unreadable) == 1
    assert "1,2O4" in unreadable[0].message and "Total revenues" in unreadable[0].message
    assert unreadable[0].sources[0].cell == "1,2O4"


@pytest.mark.parametrize(
    ("text", "garbled"),
    [
        ("1,2O4", True),
        ("l,059", True),
        ("(3l8)", True),
        ("2O03", True),
        ("1,204", False),  # a figure
        ("B2", False),  # a label word ("Series B2")
        ("1Q03", False),  # a quarter name
        ("64kbps", False),
        ("Oil", False),
        ("IO", False),
    ],
)
def test_garbled_figures(text: str, garbled: bool) -> None:
    assert is_garbled_figure(text) is garbled
    if garbled:
        assert parse_number(text) is None


def test_garbled_figure_is_a_cell_not_a_label_word() -> None:
    label, cells = row_cells("Other revenues        1,2O4     500")
    assert label == "Other revenues"
    assert [c.text for c in cells] == ["1,2O4", "500"]


MEGABYTE = 1_000_000
# Generous: before the fix these took hours (the dot leader and heading splitter were quadratic); a
# few seconds alone, several times that on a loaded machine, so the bound only catches the quadratic.
LONG_LINE_SECONDS = 60


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(HEAD + "Total revenues " + "." * MEGABYTE + "x   1,204   1,300\n", id="run-of-dots"),
        pytest.param(HEAD + "Total revenues " + ". " * (MEGABYTE // 2) + "  1,204   1,300\n", id="dot-leader"),
        pytest.param(
            "Table 1\n\n" + "   1Q03" * (MEGABYTE // 7) + "\n  ----\nTotal revenues   1,204   1,300\n", id="heading"
        ),
        pytest.param(HEAD + "x" * MEGABYTE + "   1,204   1,300\n", id="one-word"),
        pytest.param(HEAD + "Total revenues" + " " * MEGABYTE + "1,204   1,300\n", id="spaces"),
        pytest.param(HEAD + "Total revenues    " + "1" * MEGABYTE + "   1,300\n", id="digits"),
        pytest.param(HEAD + "Total revenues  " + "  1,204" * (MEGABYTE // 35) + "\n", id="cells"),
    ],
)
def test_a_line_of_a_megabyte(text: str, taxonomy: Taxonomy, mapping_table: MappingTable) -> None:
    started = time.perf_counter()
    result = _convert(text, taxonomy, mapping_table)
    assert time.perf_counter() - started < LONG_LINE_SECONDS
    _accounted(result)


def test_absurd_numbers_are_reported_not_rounded(taxonomy: Taxonomy, mapping_table: MappingTable) -> None:
    """Regression: 40 digits in millions were rounded to 28 (a fact the filing does not state);
    a megabyte of digits overflowed Decimal and crashed the mapping."""
    forty = "1" * 40
    result = _convert(HEAD + f"Total revenues  {forty}       1,300\n", taxonomy, mapping_table)
    _accounted(result)
    assert all(len(str(f.value)) < 20 for f in result.facts)
    assert any(f.code == "table.unreadable-cell" and forty in f.message for f in result.findings)
    assert parse_number("1" * (MAX_FIGURE_DIGITS + 1)) is None
    assert parse_number("9" * MAX_FIGURE_DIGITS) is not None


NASTY = ["-->", "<!--", "<lx:x>", "&amp;", "&", "]]>", '"', "'", "\x0b", "\x1b", "\x7f", "\u2028", "\ufeff"]


@pytest.mark.parametrize("nasty", NASTY)
def test_filing_text_is_escaped_everywhere(nasty: str, taxonomy: Taxonomy, mapping_table: MappingTable) -> None:
    """Label text and the document's name reach XML comments and JSON strings intact and inert."""
    other = f"Other {nasty} x"
    text = HEAD + f"{'Total revenues':<35}{'1,204':>5}{'1,300':>12}\n{other:<35}{'5':>5}{'6':>12}\n"
    name = f"odd{nasty}name.txt"
    result = _convert(text, taxonomy, mapping_table, name=name)
    assert result.facts
    root = etree.fromstring(to_xbrl(result), etree.XMLParser(resolve_entities=False, no_network=True))
    assert root.tag == f"{{{XBRLI}}}xbrl"
    comments = [c.text or "" for c in root.itersiblings(preceding=True) if c.tag is etree.Comment]
    assert any("name.txt" in c and "--" not in c for c in comments)
    ids = [node.get("id") for node in root.iter() if isinstance(node.tag, str) and node.get("id") is not None]
    assert ids and all(NCNAME.match(i or "") for i in ids), ids
    assert json.loads(to_xbrl_json(result))
    graph = json.loads(to_jsonld(result))["@graph"]
    assert any(node.get("rdfs:label") == name for node in graph)
    report = json.loads(report_bytes(build_report(result, None, [])))
    assert any(nasty in loc["text"] for f in report["unmapped_labels"] for loc in f["locations"])
    # The unmapped row is stated by an extension concept; its schema carries the label inert too.
    assert result.cells.tagged == 4
    schema = etree.fromstring(to_extension_schema(result), etree.XMLParser(resolve_entities=False, no_network=True))
    names = [el.get("name") for el in schema.iter("{http://www.w3.org/2001/XMLSchema}element")]
    assert len(names) >= 2 and all(NCNAME.match(n or "") for n in names)


def _xml_parsing_calls() -> list[tuple[str, ast.Call]]:
    calls = []
    for path in sorted(CONVERTER.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                calls.append((f"{path.name}:{node.lineno}", node))
    return calls


def test_xml_parsers_resolve_no_entities_and_fetch_nothing() -> None:
    """Any lxml parser the converter makes is safe against entity bombs and network fetches;
    any parse call passes such a parser (lxml's default resolves entities)."""
    for where, call in _xml_parsing_calls():
        name = call.func.attr  # type: ignore[attr-defined]
        keywords = {k.arg: k.value for k in call.keywords}
        if name == "XMLParser":
            for flag, wanted in (("resolve_entities", False), ("no_network", True)):
                value = keywords.get(flag)
                assert isinstance(value, ast.Constant) and value.value is wanted, f"{where}: {flag}={wanted}"
        elif name == "HTMLParser":
            value = keywords.get("no_network")
            assert isinstance(value, ast.Constant) and value.value is True, f"{where}: no_network=True"
        elif name in ("fromstring", "XML", "iterparse") or (name == "parse" and _on_etree(call)):
            assert len(call.args) >= 2 or "parser" in keywords, f"{where}: {name} without a safe parser"


def _on_etree(call: ast.Call) -> bool:
    target = call.func.value  # type: ignore[attr-defined]
    return isinstance(target, ast.Name) and target.id in ("etree", "ET", "ElementTree")


def test_batch_order_does_not_change_outputs(tmp_path: Path) -> None:
    """The same inputs give byte-identical outputs whatever their order in the batch."""
    other = tmp_path / "other.txt"
    other.write_bytes(RELEASE_6K.read_bytes().replace(b"Internet Initiative Japan", b"Other Initiative Japan"))
    first, second = tmp_path / "ab", tmp_path / "ba"
    options = ["--fiscal-year-end", "03-31"]
    assert main(["convert", str(RELEASE_6K), str(other), str(SLIDES), "-o", str(first), *options]) == 0
    assert main(["convert", str(SLIDES), str(other), str(RELEASE_6K), "-o", str(second), *options]) == 0
    names = sorted(
        str(p.relative_to(first))
        for p in first.rglob("*")
        if p.is_file() and p.name != "batch-summary.json" and STATE not in p.relative_to(first).parts
    )
    assert len(names) == 12 + 7  # four outputs each, and the taxonomy copy they point to
    assert names == sorted(
        str(p.relative_to(second))
        for p in second.rglob("*")
        if p.is_file() and p.name != "batch-summary.json" and STATE not in p.relative_to(second).parts
    )
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_release_cut_off_in_a_table(taxonomy: Taxonomy, mapping_table: MappingTable) -> None:
    """The file ends in the middle of a row: what is there converts, the torn figure is not invented."""
    text = HEAD + "Total revenues                     1,204       1,300\nOperating income                     1"
    result = _convert(text, taxonomy, mapping_table)
    _accounted(result)
    assert result.cells.tagged >= 2


def test_columns_that_do_not_line_up(taxonomy: Taxonomy, mapping_table: MappingTable) -> None:
    """Figures that fall between columns are counted and reported, never silently dropped."""
    text = (
        HEAD
        + "Total revenues                     1,204       1,300\nOther revenues            5                     6\n"
    )
    result = _convert(text, taxonomy, mapping_table)
    _accounted(result)
    assert result.cells.total == 4
    # Total revenues twice, and the "6" under 2Q03 (an extension concept); the stray "5" has a column
    # of its own with no heading: skipped for want of a period, and reported.
    assert result.cells.tagged == 3
    assert result.cells.skipped == {"no-period": 1}
    assert len([f for f in result.findings if f.sources and f.sources[0].line_end == 6]) >= 1


def test_a_table_of_many_rows_is_linear(taxonomy: Taxonomy, mapping_table: MappingTable) -> None:
    """10,000 rows convert in seconds (100,000 and 50 MB: ``make fuzz``)."""
    rows = "".join(
        f"{'Item ' + chr(65 + i % 26) + chr(65 + i // 26 % 26) + chr(65 + i // 676 % 26):<30}{i:>10,}{i * 7:>12,}\n"
        for i in range(10_000)
    )
    started = time.perf_counter()
    result = _convert(HEAD + rows, taxonomy, mapping_table)
    assert time.perf_counter() - started < 30
    _accounted(result)
    assert result.cells.total == 20_000


BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY ext SYSTEM "http://example.invalid/secret">]>
<html><body><table><tr><td>Total revenues</td><td>&lol3;</td><td>&ext;</td></tr>
<tr><td><div><div><div><div><div><div>Net loss      (1,234)</div></div></div></div></div></div></td></tr>
</table></body></html>
"""


def test_entity_bomb_and_external_entity_are_inert_text(taxonomy: Taxonomy, mapping_table: MappingTable) -> None:
    """Markup is read as the text it is: no entity is expanded, nothing is fetched, every output is escaped."""
    from lxml import etree

    from converter.serialize.jsonld import to_jsonld
    from converter.serialize.xbrl import to_xbrl

    result = convert(BOMB, name="bomb.htm", options=Options(), taxonomy=taxonomy, mapping=mapping_table)
    instance = to_xbrl(result)
    assert len(instance) < 100_000  # "&lol3;" stayed three words, not a thousand "lol"s
    etree.fromstring(instance, etree.XMLParser(resolve_entities=False, no_network=True))
    json.loads(to_jsonld(result))
