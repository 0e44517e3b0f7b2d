"""HTML filings laid out as fixed-width text: paragraphs wrapped, tables in columns the text stages read."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from converter.html import looks_like_html, render_html
from converter.pipeline import Options, convert_document, read_input
from converter.read import ReadError
from converter.segment import BlockKind, row_cells, segment
from converter.serialize.ixbrl import IX, XHTML, to_ixbrl
from converter.tables import Table, read_tables
from converter.taxonomy import Taxonomy

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
APPLE_2004 = CORPUS / "apple_2004-07-14_8-K_ex99-1_HTML.htm"

# Word's layout: "$" and ")" in cells of their own, headings over colspan=2, an empty spacer
# column after the labels, a spacer row under the headings, a section row.
STATEMENT = """\
<html><body>
<p align=center>ACME CORP</p>
<p align=center>(In millions)</p>
<p>&nbsp;</p>
<table>
 <tr><td></td><td></td><td colspan=5 style="border-bottom:solid windowtext .5pt">Three Months Ended</td><td></td></tr>
 <tr><td></td><td></td><td colspan=2>June 26,</td><td></td><td colspan=2>June 28,</td><td></td></tr>
 <tr><td></td><td></td><td colspan=2 style="border-bottom:solid">2004</td><td></td>
     <td colspan=2 style="border-bottom:solid">2003</td><td></td></tr>
 <tr><td>&nbsp;</td><td></td><td colspan=2></td><td></td><td colspan=2></td><td></td></tr>
 <tr><td>Net sales</td><td></td><td>$</td><td>2,014</td><td></td><td>$</td><td>1,545</td><td></td></tr>
 <tr><td>Operating expenses:</td><td></td><td colspan=2></td><td></td><td colspan=2></td><td></td></tr>
 <tr><td>Restructuring</td><td></td><td colspan=2 style="border-bottom:solid">8</td><td></td>
     <td colspan=2 style="border-bottom:solid">(32</td><td>)</td></tr>
 <tr><td>Net income</td><td></td><td>$</td><td>61</td><td></td><td>$</td><td>(2</td><td>)</td></tr>
</table>
<p>Net income was $61 million.</p>
</body></html>
"""

STATEMENT_LINES = [
    (2, "             ACME CORP"),
    (3, "           (In millions)"),
    (6, ""),
    (6, "                 Three Months Ended"),
    (6, "                -------------------"),
    (7, "                June 26,   June 28,"),
    (8, "                  2004       2003"),
    (8, "                --------   --------"),
    (11, "Net sales        $ 2,014    $ 1,545"),
    (12, "Operating expenses:"),
    (13, "Restructuring          8       (32)"),
    (13, "                 -------    -------"),
    (15, "Net income       $    61    $   (2)"),
    (15, ""),
    (17, "Net income was $61 million."),
]


def _lines(html: str) -> list[tuple[int, str]]:
    return [(line.number, line.text) for line in render_html(html, "t.htm").lines]


def _tables(html: str) -> list[Table]:
    blocks = segment(render_html(html, "t.htm"))
    return [table for block in blocks if block.kind is BlockKind.TABLE for table in read_tables(block)]


def test_statement_laid_out_line_by_line() -> None:
    assert _lines(STATEMENT) == STATEMENT_LINES


# As Word writes it: each cell on a line of its own, below its row's <tr>.
WORD_STATEMENT = STATEMENT.replace("<td", "\n  <td")


def test_each_figure_keeps_the_line_of_its_cell() -> None:
    """The row is one line numbered by its ``<tr>``; each figure on it keeps its own ``<td>``'s line."""
    source = WORD_STATEMENT.split("\n")
    (line,) = [line for line in render_html(WORD_STATEMENT, "t.htm").lines if line.text.startswith("Net sales")]
    assert source[line.number - 1].strip() == "<tr>"
    cited = [line.source_line(line.text.index(f), line.text.index(f) + len(f)) for f in ("2,014", "1,545")]
    assert [source[n - 1].strip() for n in cited] == ["<td>2,014</td>", "<td>1,545</td>"]
    assert line.source_line(0, len("Net sales")) == line.number  # the label: the row's line


def test_a_document_of_a_submission_keeps_the_submission_line_numbers() -> None:
    """An HTML document whose text starts on line 101 of its submission."""
    lines = render_html(WORD_STATEMENT, "t.htm", first_line=101).lines
    plain = render_html(WORD_STATEMENT, "t.htm").lines
    assert [(line.number - 100, line.text) for line in lines] == [(line.number, line.text) for line in plain]
    assert [cell[2] - 100 for line in lines for cell in line.cells] == [
        cell[2] for line in plain for cell in line.cells
    ]
    assert read_input(WORD_STATEMENT, "t.htm", 101) == render_html(WORD_STATEMENT, "t.htm", first_line=101)


def test_figures_cite_their_cells_and_the_page_finds_them(taxonomy: Taxonomy) -> None:
    """Provenance runs from the row's ``<tr>`` to the figure's ``<td>``; the page tags each on its row's line."""
    source = WORD_STATEMENT.split("\n")
    document = read_input(WORD_STATEMENT, "t.htm")
    result = convert_document(document, options=Options(), taxonomy=taxonomy)
    cited = {
        (s.cell, source[s.line_start - 1].strip(), source[s.line_end - 1].strip())
        for f in result.facts
        for s in f.sources
    }
    assert ("2,014", "<tr>", "<td>2,014</td>") in cited
    assert all(line_start == "<tr>" and cell.strip("()") in line_end for cell, line_start, line_end in cited if cell)
    page = etree.fromstring(to_ixbrl(result, document))
    tagged = page.findall(f".//{{{XHTML}}}pre//{{{IX}}}nonFraction")
    assert sorted(item.text or "" for item in tagged) == sorted(["2,014", "1,545", "8", "32", "61", "2"])
    assert len(tagged) == len(result.facts) == 6
    assert page.find(f".//{{{IX}}}hidden") is None


def test_statement_reads_back_as_a_table() -> None:
    (table,) = _tables(STATEMENT)
    assert table.caption_text.split() == ["ACME", "CORP", "(In", "millions)"]
    assert [c.headings for c in table.columns] == [
        ("Three Months Ended", "June 26,", "2004"),
        ("Three Months Ended", "June 28,", "2003"),
    ]
    rows = [(r.sections, r.label, [(i, c.text) for i, c in r.cells]) for r in table.rows]
    assert rows == [
        ((), "Net sales", [(0, "2,014"), (1, "1,545")]),
        (("Operating expenses",), "Restructuring", [(0, "8"), (1, "(32)")]),
        (("Operating expenses",), "Net income", [(0, "61"), (1, "(2)")]),
    ]


def test_percent_and_parenthesis_cells_join_their_figure() -> None:
    html = (
        "<table><tr><td>Margin</td><td>(</td><td>12.5</td><td>)%</td><td>27.8</td><td>%</td></tr>"
        "<tr><td>Growth</td><td></td><td>3</td><td>%</td><td>(4</td><td>)</td></tr></table>"
    )
    assert _lines(html) == [(1, "Margin   (12.5)%   27.8%"), (1, "Growth        3%     (4)")]


def test_footnote_marks_go_to_the_label() -> None:
    """ "(8" then ")(a)": the figure is "(8)", the mark "(a)" cannot stay among the figures."""
    html = (
        "<table><tr><td>Restructuring costs</td><td>8</td><td>(8</td><td>)(a)</td><td>2</td><td>(b)</td></tr></table>"
    )
    ((_, text),) = _lines(html)
    assert row_cells(text)[0] == "Restructuring costs (a) (b)"
    assert [c.text for c in row_cells(text)[1]] == ["8", "(8)", "2"]


def test_empty_columns_and_rows_leave_no_trace() -> None:
    html = (
        "<table><tr><td></td><td>&nbsp;</td><td>2004</td><td></td><td></td><td>2003</td></tr>"
        "<tr><td>&nbsp;</td><td>&nbsp;</td><td></td><td>&nbsp;</td><td></td><td></td></tr>"
        "<tr><td>Sales</td><td>&nbsp;</td><td>1,204</td><td></td><td></td><td>1,300</td></tr></table>"
    )
    assert [text for _, text in _lines(html)] == ["         2004    2003", "Sales   1,204   1,300"]


def test_wide_heading_widens_its_column_and_centres_over_it() -> None:
    html = (
        "<table><tr><td></td><td>September 27,</td><td>June 26,</td></tr>"
        "<tr><td>Cash</td><td>$ 3,396</td><td>$ 3,120</td></tr></table>"
    )
    assert [text for _, text in _lines(html)] == ["       September 27,   June 26,", "Cash      $ 3,396       $ 3,120"]


def test_heading_lines_split_by_br_are_stacked_at_the_bottom() -> None:
    html = (
        "<table><tr><td></td><td>Three Months<br>Ended<br>June 30, 2003</td><td>Year</td></tr>"
        "<tr><td>Revenues</td><td>1,204</td><td>5,000</td></tr></table>"
    )
    assert [text for _, text in _lines(html)] == [
        "            Three Months",
        "               Ended",
        "           June 30, 2003    Year",
        "Revenues       1,204       5,000",
    ]


def test_heading_wider_than_its_columns_widens_them_alike() -> None:
    """The printer's layout: "$" cells, ")%" cells, one heading over both years."""
    html = (
        "<table><tr><td></td><td colspan=7 style='border-bottom: 1px solid #000000'>Years Ended December&nbsp;31,</td>"
        "</tr><tr><td></td><td colspan=3>2004</td><td></td><td colspan=3>2003</td></tr>"
        "<tr><td>Revenue</td><td>$</td><td>1,234</td><td></td><td></td><td>$</td><td>1,000</td><td></td></tr>"
        "<tr><td>Margin</td><td></td><td>45.2</td><td>%</td><td></td><td></td><td>(3.0</td><td>)%</td></tr></table>"
    )
    assert [text for _, text in _lines(html)] == [
        "          Years Ended December 31,",
        "          ------------------------",
        "             2004          2003",
        "Revenue     $ 1,234      $ 1,000",
        "Margin        45.2%       (3.0)%",
    ]


def test_heading_cell_spanning_two_rows_keeps_its_columns_in_the_second() -> None:
    """A stub heading with rowspan=2: the row under it starts past its columns, so quarters stay under their year."""
    html = (
        "<table><tr><th colspan=2 rowspan=2>In millions, except per share data<br>Quarter ended</th><th></th>"
        "<th colspan=2>2005</th><th></th><th colspan=2>2004</th></tr>"
        "<tr><th></th><th colspan=2>Nov. 30</th><th></th><th colspan=2>Nov. 30</th></tr>"
        "<tr><td colspan=2>Total revenues</td><td></td><td>$</td><td>9,055</td><td></td><td>$</td><td>5,846</td></tr>"
        "</table>"
    )
    assert [text for _, text in _lines(html)] == [
        "In millions, except per share data Quarter ended",
        "                   2005      2004",
        "                 Nov. 30   Nov. 30",
        "Total revenues   $ 9,055   $ 5,846",
    ]


def test_table_of_tables_is_a_page_layout() -> None:
    html = (
        "<table><tr><td><p>INCOME</p><table><tr><td></td><td>2004</td></tr>"
        "<tr><td>Sales</td><td>20</td></tr></table></td></tr></table>"
    )
    (table,) = _tables(html)
    assert (table.caption_text.strip(), [c.headings for c in table.columns]) == ("INCOME", [("2004",)])


def test_long_labels_wrap_with_indented_continuation_and_read_back_whole() -> None:
    label = "Common stock, no par value; 900,000,000 shares authorized; 385,192,286 shares issued"
    html = f"<table><tr><td>{label}</td><td>$</td><td>2,369</td></tr></table>"
    lines = [text for _, text in _lines(html)]
    assert all(len(text) < 50 for text in lines[:-1])
    assert lines[-1].startswith("  ") and lines[-1].endswith("$ 2,369")
    (table,) = _tables(html)
    assert [(r.label, [c.text for _, c in r.cells]) for r in table.rows] == [(label, ["2,369"])]


def test_long_section_row_wraps_so_it_is_no_prose() -> None:
    """A label-only line of prose length would end the table for the segmenter."""
    html = (
        "<table><tr><td></td><td>2004</td></tr><tr><td>Sales</td><td>10</td></tr>"
        "<tr><td>Shares used in computing earnings per share (in thousands):</td><td></td></tr>"
        "<tr><td>Basic</td><td>375,023</td></tr></table>"
    )
    (table,) = _tables(html)
    assert [(r.sections, r.label) for r in table.rows] == [
        ((), "Sales"),
        (("Shares used in computing earnings per share (in thousands)",), "Basic"),
    ]


def test_label_ending_in_a_number_keeps_it() -> None:
    html = "<table><tr><td>Notes due 2007</td><td>150</td></tr><tr><td>Other</td><td>7</td></tr></table>"
    (table,) = _tables(html)
    assert [(r.label, [c.text for _, c in r.cells]) for r in table.rows] == [
        ("Notes due 2007", ["150"]),
        ("Other", ["7"]),
    ]


def test_two_tables_without_prose_between_stay_two_tables() -> None:
    table = "<table><tr><td></td><td>2004</td></tr><tr><td>{0}</td><td>{1}</td></tr></table>"
    html = f"<p>BALANCE SHEET</p>{table.format('Cash', '10')}<p>INCOME STATEMENT</p>{table.format('Sales', '20')}"
    tables = _tables(html)
    assert [(t.caption_text.strip(), t.rows[0].label) for t in tables] == [
        ("BALANCE SHEET", "Cash"),
        ("INCOME STATEMENT", "Sales"),
    ]


def test_long_title_over_a_narrow_table_is_its_caption_not_prose() -> None:
    title = "UNAUDITED CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS OF THE COMPANY"
    html = f"<p>{title}</p><table><tr><td></td><td>2004</td></tr><tr><td>Sales</td><td>20</td></tr></table>"
    (table,) = _tables(html)
    assert table.caption_text.strip() == title


def test_table_without_figures_is_text() -> None:
    html = (
        "<table><tr><td>(a)</td><td>Pre-tax restructuring costs</td></tr><tr><td>(1)</td><td>See note</td></tr></table>"
    )
    assert _lines(html) == [(1, "(a) Pre-tax restructuring costs"), (1, "(1) See note")]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Revenue&nbsp;&nbsp;grew</p>", "Revenue grew"),
        ("<p>AT&amp;T &lt;NYSE&gt;</p>", "AT&T <NYSE>"),
        ("<p>July 14, 2004&#151;Apple&#174;</p>", "July 14, 2004\u2014Apple\u00ae"),
        ("<p>the quarter&#146;s revenue</p>", "the quarter\u2019s revenue"),
        ("<p>a <b>bold</b><i>italic</i>\n  word</p>", "a bolditalic word"),
        ("<p>x<script>var a = 1;</script><style>p {}</style>y</p>", "xy"),
        ("<p>kept<!-- SEQ.=1,FOLIO='' --> text</p>", "kept text"),
    ],
)
def test_entities_markup_and_whitespace(html: str, expected: str) -> None:
    assert [text for _, text in _lines(html)] == [expected]


def test_paragraphs_wrap_at_100_and_blank_paragraphs_collapse() -> None:
    words = " ".join(f"word{i:02d}" for i in range(30))
    html = f"<div>\n<p>Title</p>\n<p>&nbsp;</p><p>&nbsp;</p>\n<address>{words}</address>\n</div>"
    assert _lines(html) == [
        (2, "Title"),
        (3, ""),
        (4, " ".join(f"word{i:02d}" for i in range(14))),
        (4, " ".join(f"word{i:02d}" for i in range(14, 28))),
        (4, "word28 word29"),
    ]


def test_br_separates_runs() -> None:
    assert [text for _, text in _lines("<p>Press Contact:<br>Steve<br><br>Apple</p>")] == [
        "Press Contact:",
        "Steve",
        "",
        "Apple",
    ]


def test_pre_keeps_its_lines_and_their_numbers() -> None:
    html = "<html><body>\n<pre>\nNet sales     1,204\n\tTab</pre>\n</body></html>"
    assert _lines(html) == [(3, "Net sales     1,204"), (4, "        Tab")]


def test_nothing_to_read_is_refused() -> None:
    with pytest.raises(ReadError, match="empty"):
        render_html("<html><body><p>&nbsp;</p></body></html>", "t.htm")


def test_nesting_beyond_the_parser_is_refused_not_cut_short() -> None:
    with pytest.raises(ReadError, match="limits"):
        render_html("<div>" * 1000 + "deep" + "</div>" * 1000 + "<p>after</p>", "t.htm")


def test_hostile_colspan_is_bounded() -> None:
    assert _lines("<table><tr><td>A</td><td colspan=999999999>1,234</td><td>5</td></tr></table>") == [
        (1, "A   1,234     5")
    ]


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("<html>\n<head></head><body>x</body></html>", True),
        ("<!DOCTYPE html PUBLIC '-//W3C//DTD HTML 4.01//EN'>\n<p>x", True),
        ('<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\n<TABLE><TR><TD VALIGN="top">x</TD></TR>', True),
        ("<td>1,204</td>", True),
        (
            "<TABLE>\n<CAPTION>\n                     Three Months Ended\n<S>              <C>        <C>\n"
            "Net sales       $1,558     $1,402\n</TABLE>\n<PAGE>\n",
            False,
        ),
        ("Net sales   $ 2,014   $ 1,545\n", False),
        ("<TDS> is not a cell; <TRADE> is not a row", False),
    ],
)
def test_looks_like_html(text: str, html: bool) -> None:
    assert looks_like_html(text) is html


def test_looks_like_html_reads_only_the_start() -> None:
    assert not looks_like_html("x" * 70000 + "<td>")


# --- The real filing -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def apple_html() -> str:
    if not APPLE_2004.exists():
        pytest.skip(f"shared corpus file not found: {APPLE_2004}")
    return APPLE_2004.read_bytes().decode("cp1252")


@pytest.fixture(scope="module")
def apple_tables(apple_html: str) -> list[Table]:
    blocks = segment(render_html(apple_html, APPLE_2004.name))
    return [table for block in blocks if block.kind is BlockKind.TABLE for table in read_tables(block)]


def _table(tables: list[Table], caption: str) -> Table:
    (table,) = [t for t in tables if caption in t.caption_text]
    return table


def test_apple_operations_net_sales_line(apple_html: str) -> None:
    """The file prints Net sales $2,014 and $1,545 (three months), $5,929 and $4,492 (nine)."""
    document = render_html(apple_html, APPLE_2004.name)
    (line,) = [line for line in document.lines if line.number == 1123]
    assert line.text.split() == ["Net", "sales", "$", "2,014", "$", "1,545", "$", "5,929", "$", "4,492"]
    assert apple_html.splitlines()[line.number - 1].strip() == "<tr>"


def test_apple_figures_cite_the_lines_of_their_cells(apple_html: str) -> None:
    """ "Net sales" is on the ``<tr>``'s line, 1123; each figure on the line that prints it (2,014 on line 1134)."""
    source = apple_html.splitlines()
    (line,) = [line for line in render_html(apple_html, APPLE_2004.name).lines if line.number == 1123]
    cited = [(figure, line.source_line(*span)) for figure, span in _figures(line.text)]
    assert cited[0] == ("2,014", 1134)
    assert [figure in source[number - 1] for figure, number in cited] == [True] * 4


def _figures(text: str) -> list[tuple[str, tuple[int, int]]]:
    return [(m.group(), m.span()) for m in re.finditer(r"\d[\d,]*", text)]


def test_apple_operations_table(apple_tables: list[Table]) -> None:
    table = _table(apple_tables, "STATEMENTS OF OPERATIONS")
    assert "(In millions, except share and per share amounts)" in table.caption_text
    assert [c.headings for c in table.columns] == [
        ("THREE MONTHS ENDED", "June 26,", "2004"),
        ("THREE MONTHS ENDED", "June 28,", "2003"),
        ("NINE MONTHS ENDED", "June 26,", "2004"),
        ("NINE MONTHS ENDED", "June 28,", "2003"),
    ]
    rows = {r.label: [c.text for _, c in r.cells] for r in table.rows if not r.sections}
    assert rows["Net sales"] == ["2,014", "1,545", "5,929", "4,492"]
    operating = [(r.label, [c.text for _, c in r.cells]) for r in table.rows if r.label == "Operating income (loss)"]
    assert operating == [("Operating income (loss)", ["72", "9", "198", "(32)"])]
    assert not table.stray


def test_apple_balance_sheet(apple_tables: list[Table]) -> None:
    table = _table(apple_tables, "BALANCE SHEETS")
    assert [c.headings for c in table.columns] == [("June 26,", "2004"), ("September 27,", "2003")]
    rows = {r.label: [c.text for _, c in r.cells] for r in table.rows}
    assert rows["Cash and cash equivalents"] == ["3,120", "3,396"]
    assert rows["Current debt"] == ["\u2014", "304"]
    assert rows["Deferred stock compensation"] == ["(103)", "(62)"]
    assert rows["Total liabilities and shareholders\u2019 equity"] == ["7,223", "6,815"]
    assert not table.stray


def test_apple_every_table_figure_is_rendered(apple_html: str) -> None:
    """Each number printed in a <td> is on the page as often as the file prints it."""
    number = re.compile(r"\d[\d,.]*\d|\d")
    root = lxml.html.document_fromstring(apple_html)
    printed = Counter(n for td in root.iter("td") for n in number.findall(td.text_content()))
    rendered = Counter(n for line in render_html(apple_html, APPLE_2004.name).lines for n in number.findall(line.text))
    assert printed, "no figures found in the file's cells"
    assert {n: c for n, c in printed.items() if rendered[n] < c} == {}


def test_headings_printed_again_inside_a_table_stay_headings() -> None:
    """A row of words in the columns below the first figures ("Nine Months Ended Mar. 31" beside the
    segments' names) is the headings printed again, laid out as headings: it never becomes a row whose
    words widen the figures' columns, pushing each "$" away from its figure."""
    page = """<table>
<tr><td>Three Months Ended Mar. 31</td><td>&nbsp;</td><td colspan="2">Desktop and Enterprise Software and Services</td>
<td>&nbsp;</td><td colspan="2">Consolidated</td></tr>
<tr><td>2002</td></tr>
<tr><td>Revenue</td><td>&nbsp;</td><td>$</td><td>5,633</td><td>&nbsp;</td><td>$</td><td>6,403</td></tr>
<tr><td>Nine Months Ended Mar. 31</td><td>&nbsp;</td><td colspan="2">Desktop and Enterprise Software and Services</td>
<td>&nbsp;</td><td colspan="2">Consolidated</td></tr>
<tr><td>2002</td></tr>
<tr><td>Revenue</td><td>&nbsp;</td><td>$</td><td>16,719</td><td>&nbsp;</td><td>$</td><td>18,719</td></tr>
</table>"""
    lines = [line.text for line in render_html(page, "t.htm").lines]
    assert "Nine Months Ended Mar. 31" in lines
    revenues = [line for line in lines if line.startswith("Revenue")]
    assert all(re.search(r"\$\s{1,3}(?:5,633|16,719)", line) for line in revenues)


def test_a_page_longer_than_the_parsers_line_numbers_keeps_every_line() -> None:
    """libxml2 numbers no line past 65,535: a figure printed on line 70,002 of a long 10-K still cites
    line 70,002, not 65,535."""
    page = (
        "<html><body><table><tr><td>Revenue</td><td>1,234</td></tr></table>"
        + "\n" * 70_000
        + "<table>\n<tr><td>Net income</td><td>$ 5,678</td></tr></table></body></html>"
    )
    lines = {line.text.split()[0]: line for line in render_html(page, "t.htm").lines if line.text.strip()}
    assert lines["Revenue"].number == 1
    assert lines["Net"].number == 70_002
    assert lines["Net"].cells[0][2] == 70_002
