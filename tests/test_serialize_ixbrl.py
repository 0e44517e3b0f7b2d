"""Inline XBRL: the filing's text with every printed copy of a fact tagged; Arelle reads back the instance's facts."""

from __future__ import annotations

from pathlib import Path

import pytest
from arelle_read import arelle_fact_copies, most_precise
from fixtures_results import AT_JUN03, JPY, PURE, Q1_02, Q1_03, RELEASE, FactKey, fact, result_facts, result_of, src
from lxml import etree
from paths import RELEASE_6K, SAMPLES

from converter.model import Result, SourceRef, TaxonomyRef
from converter.pipeline import Options, convert_document, read_input
from converter.read import Document, Line, read_document
from converter.serialize.ixbrl import IX, XHTML, to_ixbrl
from converter.serialize.xbrl import fact_ids, to_xbrl
from converter.taxonomy import Taxonomy
from converter.validate import ValidationResult, Validator

NS = {"h": XHTML, "ix": IX}
SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


def convert_sample(path: Path, taxonomy: Taxonomy) -> tuple[Result, Document]:
    document = read_input(path.read_bytes(), path.name)
    return convert_document(document, options=Options(cik="1090633"), taxonomy=taxonomy), document


def cell_source(line: int, text: str, cell: str) -> SourceRef:
    """A source whose columns point at ``cell`` in ``text`` (one line)."""
    start = text.index(cell)
    return SourceRef(
        document=RELEASE,
        line_start=line,
        line_end=line,
        text=text,
        cell=cell,
        column_start=start,
        column_end=start + len(cell),
    )


def tiny(*lines: str, facts: tuple[object, ...]) -> tuple[Result, Document]:
    result = result_of(facts)  # type: ignore[arg-type]
    return result.model_copy(update={"document": result.document.model_copy(update={"line_count": len(lines)})}), (
        read_document("\n".join(lines) + "\n", result.document.name)
    )


def items(page: bytes) -> list[etree._Element]:
    return etree.fromstring(page).findall(".//ix:nonFraction", NS)


# ---- what the page says, without Arelle ------------------------------------------------------------


def test_negative_figure_in_parentheses() -> None:
    """``(1,059,574)`` in thousands: digits tagged, parentheses outside, sign="-", scale 3."""
    line = "  Operating loss ................   (1,059,574)"
    result, text = tiny(
        line, facts=(fact("OperatingIncomeLoss", "-1059574000", -3, Q1_03, JPY, cell_source(1, line, "(1,059,574)")),)
    )
    (item,) = items(to_ixbrl(result, text))
    assert item.text == "1,059,574"
    assert dict(item.attrib) == {
        "name": "lx:OperatingIncomeLoss",
        "contextRef": "D20030401-20030630",
        "unitRef": "JPY",
        "decimals": "-3",
        "scale": "3",
        "format": "ixt:num-dot-decimal",
        "sign": "-",
        "id": fact_ids(result)[0],
    }
    figure = item.getparent()
    assert figure is not None
    assert figure.text == "(" and item.tail == ")"
    assert "tagged" in figure.get("class", "")


def test_payment_printed_in_parentheses_is_positive() -> None:
    """Mapping rules read "Purchase of property and equipment (933,646)" as +933,646,000: no sign."""
    line = "  Purchase of property and equipment     (933,646)"
    source = cell_source(1, line, "(933,646)")
    result, text = tiny(
        line, facts=(fact("PaymentsToAcquirePropertyPlantAndEquipment", "933646000", -3, Q1_03, JPY, source),)
    )
    (item,) = items(to_ixbrl(result, text))
    assert item.get("sign") is None
    assert (item.text, item.get("scale")) == ("933,646", "3")


def test_copy_in_millions_keeps_its_own_precision() -> None:
    """The same fact printed as 8,344,046 (thousands) and 8,344 (millions): two consistent copies."""
    lines = ("Revenues   8,344,046", "Revenues       8,344")
    sources = (cell_source(1, lines[0], "8,344,046"), cell_source(2, lines[1], "8,344"))
    result, text = tiny(*lines, facts=(fact("Revenues", "8344046000", -3, Q1_03, JPY, *sources),))
    first, second = items(to_ixbrl(result, text))
    assert (first.get("decimals"), first.get("scale"), first.text) == ("-3", "3", "8,344,046")
    assert (second.get("decimals"), second.get("scale"), second.text) == ("-6", "6", "8,344")
    assert second.get("id") == first.get("id", "") + "_2"


@pytest.mark.parametrize("cell", ["-", "\u2014", "Break-even"])
def test_zero_in_words_or_a_dash_is_a_fixed_zero(cell: str) -> None:
    line = f"  Operating income (loss)       {cell}"
    result, text = tiny(line, facts=(fact("Revenues", "0", -3, Q1_03, JPY, cell_source(1, line, cell)),))
    (item,) = items(to_ixbrl(result, text))
    assert (item.text, item.get("format"), item.get("decimals")) == (cell, "ixt:fixed-zero", "-3")


def test_words_for_a_figure_that_is_not_zero_are_not_tagged() -> None:
    line = "  Operating income (loss)       Break-even"
    source = cell_source(1, line, "Break-even")
    result, text = tiny(line, facts=(fact("Revenues", "5000000", -6, Q1_03, JPY, source),))
    page = to_ixbrl(result, text)
    assert not etree.fromstring(page).findall(".//h:pre//ix:nonFraction", NS)
    assert len(etree.fromstring(page).findall(".//ix:hidden/ix:nonFraction", NS)) == 1


def test_fact_without_a_placeable_copy_is_hidden() -> None:
    """A source with no columns and a cell the line does not contain: the fact still reaches the instance."""
    result, text = tiny("nothing here", facts=(fact("Revenues", "8344046000", -3, Q1_03, JPY, src(604, "8,344,046")),))
    page = etree.fromstring(to_ixbrl(result, text))
    (item,) = page.findall(".//ix:hidden/ix:nonFraction", NS)
    assert (item.text, item.get("decimals")) == ("8344046000", "-3")


def test_filing_text_is_escaped_and_kept_exactly() -> None:
    # One form feed (an EDGAR page break) in enough text that the reader does not take it for binary.
    lines = ("<script>alert('x')</script> & AT&T  ]]>", "  Revenues\t8,344,046", "page\x0cbreak", "." * 200)
    result, text = tiny(
        *lines,
        facts=(fact("Revenues", "8344046000", -3, Q1_03, JPY, cell_source(2, lines[1].expandtabs(8), "8,344,046")),),
    )
    page = to_ixbrl(result, text)
    root = etree.fromstring(page)
    assert root.find(".//h:script", NS) is not None
    assert not [s for s in root.iterfind(".//h:pre//h:script", NS)]
    pre = root.find(".//h:pre", NS)
    assert pre is not None
    shown = "".join(pre.itertext())
    assert shown == "\n".join((lines[0], lines[1].expandtabs(8), "page\u240cbreak", lines[3])) + "\n"
    assert b"&lt;script&gt;" in page


def test_wrong_text_is_refused() -> None:
    line = "Revenues   8,344,046"
    result, document = tiny(
        line, facts=(fact("Revenues", "8344046000", -3, Q1_03, JPY, cell_source(1, line, "8,344,046")),)
    )
    with pytest.raises(ValueError, match="not the document"):
        to_ixbrl(result, read_document("one\ntwo\n", document.name))
    with pytest.raises(ValueError, match="not the document"):
        to_ixbrl(result, Document("other.txt", document.lines))


def shown_lines(page: bytes) -> list[tuple[str | None, str | None, list[str]]]:
    """Each line of the page: its id, its style and the figures tagged on it."""
    return [
        (span.get("id"), span.get("style"), [item.text or "" for item in span.iterfind(".//ix:nonFraction", NS)])
        for span in etree.fromstring(page).iterfind(".//h:pre/h:span[@class='ln']", NS)
    ]


def test_lines_keep_their_numbers_in_the_input() -> None:
    """A document of an EDGAR submission: its own lines, numbered as in the submission (from line 300)."""
    lines = ("Revenues   8,344,046", "Operating loss   (1,059,574)")
    document = Document(RELEASE, tuple(Line(300 + i, text) for i, text in enumerate(lines)))
    loss = SourceRef(
        document=RELEASE,
        line_start=301,
        line_end=301,
        text=lines[1],
        cell="(1,059,574)",
        column_start=17,
        column_end=28,
    )
    result, _ = tiny(*lines, facts=(fact("OperatingIncomeLoss", "-1059574000", -3, Q1_03, JPY, loss),))
    # The margin counts on from the first line's own number.
    assert shown_lines(to_ixbrl(result, document)) == [
        ("L300", "counter-increment: ln 300", []),
        ("L301", None, ["1,059,574"]),
    ]


def html_row() -> tuple[Result, Document]:
    """An HTML table row laid out on one line numbered by its ``<tr>`` (line 40), after a wrapped label
    line of the same ``<tr>``; the figure's source cites its own cell's line (44)."""
    label, row = "Net sales to", "  customers     $ 2,014"
    start = row.index("2,014")
    document = Document(
        "acme.htm", (Line(38, "STATEMENTS"), Line(40, label), Line(40, row, ((start - 2, start + 5, 44),)))
    )
    source = SourceRef(
        document="acme.htm",
        line_start=40,
        line_end=44,
        text=f"{label}\n{row}",
        cell="2,014",
        column_start=start,
        column_end=start + 5,
    )
    result, _ = tiny(*document.text.split("\n"), facts=(fact("Revenues", "2014000000", -6, Q1_03, JPY, source),))
    return result.model_copy(update={"document": result.document.model_copy(update={"name": "acme.htm"})}), document


def test_an_html_row_is_found_by_its_cells_lines() -> None:
    page = to_ixbrl(*html_row())
    (item,) = items(page)
    assert (item.text, item.get("scale")) == ("2,014", "6")
    # One id per source line, on the first line showing it; the margin shows each line's number.
    assert shown_lines(page) == [
        ("L38", "counter-increment: ln 38", []),
        ("L40", "counter-increment: ln 2", []),
        (None, "counter-increment: ln 0", ["2,014"]),
    ]


def test_a_cell_claimed_twice_leaves_the_second_fact_hidden() -> None:
    """Two facts printed in one cell (it cannot be tagged twice): the second is stated in ix:hidden."""
    line = "Revenues   8,344,046"
    source = cell_source(1, line, "8,344,046")
    result, document = tiny(
        line,
        facts=(
            fact("Revenues", "8344046000", -3, Q1_03, JPY, source),
            fact("Revenues", "8344046000", -3, Q1_02, JPY, source),
        ),
    )
    page = etree.fromstring(to_ixbrl(result, document))
    (shown,) = page.findall(".//h:pre//ix:nonFraction", NS)
    (hidden,) = page.findall(".//ix:hidden/ix:nonFraction", NS)
    assert (shown.get("id"), hidden.get("id")) == tuple(fact_ids(result))


def test_the_number_in_the_cell_that_is_the_fact_is_tagged() -> None:
    """``$1=JPY119.85``: the rate is 119.85, not the 1 of "$1"."""
    line = "\\$1=JPY119.85"
    source = SourceRef(document=RELEASE, line_start=1, line_end=1, text=line, cell=line)
    result, document = tiny(
        line, facts=(fact("ForeignCurrencyExchangeRateTranslation1", "119.85", 2, AT_JUN03, PURE, source),)
    )
    (item,) = items(to_ixbrl(result, document))
    assert (item.text, item.get("decimals"), item.get("scale")) == ("119.85", "2", "0")
    assert (item.getparent().text, item.tail) == ("\\$1=JPY", None)  # type: ignore[union-attr]


def test_sample_marks_skipped_and_conflicting_cells(taxonomy: Taxonomy) -> None:
    result, data = convert_sample(RELEASE_6K, taxonomy)
    root = etree.fromstring(to_ixbrl(result, data))
    figures = root.findall(".//h:pre//h:span[@title]", NS)
    kinds = [f.get("class", "").split()[1] for f in figures]
    tagged = sum(len(f.sources) for f in result.facts)
    assert kinds.count("tagged") == tagged >= result.cells.tagged == 428
    assert kinds.count("skipped") == len(result.skipped) >= sum(result.cells.skipped.values()) == 365
    assert kinds.count("flagged") == 0
    assert len(items(etree.tostring(root))) == tagged
    conflicts = [f for f in figures if "source.conflict" in f.get("title", "") or "disagrees" in f.get("title", "")]
    assert len(conflicts) == 4


# ---- Arelle ------------------------------------------------------------------------------------------


def arelle_copies(path: Path, package: Path, taxonomy: TaxonomyRef) -> list[FactKey]:
    """Every fact Arelle reads from ``path``, duplicates included, as ``FactKey``s."""
    return arelle_fact_copies(path, package, taxonomy)


def problems(result: ValidationResult) -> str:
    return "\n".join(f"{m.level} {m.code} {m.message}" for m in result.problems)


@pytest.mark.usefixtures("arelle_home")
@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=[p.name for p in SAMPLE_FILES])
def test_arelle_reads_the_instance_facts(
    sample: Path, tmp_path: Path, taxonomy: Taxonomy, validator: Validator, package: Path
) -> None:
    """Valid Inline XBRL (c11r, UTR, offline) whose facts, de-duplicated at the highest precision, are the .xbrl's."""
    result, data = convert_sample(sample, taxonomy)
    page, instance = tmp_path / f"{sample.stem}.html", tmp_path / f"{sample.stem}.xbrl"
    page.write_bytes(to_ixbrl(result, data))
    instance.write_bytes(to_xbrl(result))
    checked, plain = validator.validate(page), validator.validate(instance)
    assert checked.errors == 0, problems(checked)
    # The page says what the instance says: the same calculation findings, no more.
    assert (checked.inconsistencies, checked.warnings) == (plain.inconsistencies, plain.warnings), problems(checked)
    copies = arelle_copies(page, package, result.taxonomy)
    assert len(copies) == sum(len(f.sources) for f in result.facts)
    from_page = most_precise(copies)
    assert from_page == most_precise(arelle_copies(instance, package, result.taxonomy)) == result_facts(result)


@pytest.mark.usefixtures("arelle_home")
def test_arelle_sees_an_inconsistent_copy(tmp_path: Path, validator: Validator, package: Path) -> None:
    """The checks above have teeth: a millions copy that does not round from the fact is flagged, not tagged."""
    lines = ("Revenues   8,344,046", "Revenues       8,346")
    sources = (cell_source(1, lines[0], "8,344,046"), cell_source(2, lines[1], "8,346"))
    result, text = tiny(*lines, facts=(fact("Revenues", "8344046000", -3, Q1_03, JPY, *sources),))
    page = to_ixbrl(result, text)
    (item,) = items(page)
    assert item.text == "8,344,046"
    figures = etree.fromstring(page).findall(".//h:pre//h:span[@title]", NS)
    assert [f.get("class") for f in figures] == ["fig tagged of-" + fact_ids(result)[0], "fig flagged"]
    path = tmp_path / "one.html"
    path.write_bytes(page)
    checked = validator.validate(path)
    assert checked.errors == 0, problems(checked)
    assert most_precise(arelle_copies(path, package, result.taxonomy)) == result_facts(result)


@pytest.mark.usefixtures("arelle_home")
def test_arelle_reads_a_page_numbered_as_its_input(tmp_path: Path, validator: Validator, package: Path) -> None:
    """Lines numbered out of sequence (an HTML rendering) keep the page valid, its facts those of the instance."""
    result, document = html_row()
    path = tmp_path / "acme.html"
    path.write_bytes(to_ixbrl(result, document))
    checked = validator.validate(path)
    assert (checked.errors, checked.inconsistencies) == (0, 0), problems(checked)
    assert set(arelle_copies(path, package, result.taxonomy)) == result_facts(result)


def test_cli_writes_the_page(tmp_path: Path) -> None:
    from converter.cli import main

    assert main(["convert", str(RELEASE_6K), "-o", str(tmp_path), "--formats", "xbrl,ixbrl"]) == 0
    page = (tmp_path / f"{RELEASE_6K.stem}.html").read_bytes()
    assert len(items(page)) >= 428
    assert main(["convert", str(RELEASE_6K), "-o", str(tmp_path), "--formats", "html"]) == 2


ACME_10Q = """ACME CORP
CONSOLIDATED STATEMENTS OF OPERATIONS
(In millions)

                           Three Months Ended
                          June 30,    June 30,
                            2004        2003
                          --------    --------
Net sales                 $ 2,014     $ 1,545
Net income                     61         (2)
"""


def test_cli_page_of_a_document_in_a_submission(tmp_path: Path) -> None:
    """One ``<DOCUMENT>`` as EDGAR serves it (Ford's 10-K): the page shows the document's text, not the
    wrapper's, each line numbered as in the file, and every fact tagged where its source says."""
    from converter.cli import main

    wrapped = tmp_path / "acme.txt"
    wrapped.write_text(
        f"<DOCUMENT>\n<TYPE>10-Q\n<SEQUENCE>1\n<FILENAME>q.txt\n<TEXT>\n{ACME_10Q}</TEXT>\n</DOCUMENT>\n"
    )
    out = tmp_path / "out"
    assert main(["convert", str(wrapped), "-o", str(out), "--formats", "xbrl,ixbrl", "--fiscal-year-end", "09-30"]) == 0
    page = (out / "acme.10-q.html").read_bytes()
    root = etree.fromstring(page)
    pre = root.find(".//h:pre", NS)
    assert pre is not None
    assert "".join(pre.itertext()) == ACME_10Q
    assert [span.get("id") for span in pre][:2] == ["L6", "L7"]
    assert [(span.get("id"), [i.text for i in span.iterfind(".//ix:nonFraction", NS)]) for span in pre][8:] == [
        ("L14", ["2,014", "1,545"]),
        ("L15", ["61", "2"]),
    ]
    assert not root.findall(".//ix:hidden", NS)
    assert '<!-- line 14 "2,014" -->' in (out / "acme.10-q.xbrl").read_text()  # the provenance the page follows
