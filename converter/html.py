"""HTML filing to a ``Document``: its text laid out in fixed width, so the text stages read it unchanged.

An EDGAR HTML exhibit (Word-generated, tables with ``colspan``, "$" and ")" in cells of
their own) becomes the plain-text filing it would have been::

    <tr><td>Net sales</td><td>$</td><td>2,014</td><td></td><td>$</td><td>1,545</td></tr>

becomes ``Net sales   $ 2,014   $ 1,545``, with the column headings centred over the
figures and the caption just above. Paragraphs become wrapped lines; ``<pre>`` keeps its
lines. Every line's number is the line of the source element it came from; a table row's line
is numbered by its ``<tr>``, and each figure on it keeps the line its own cell's text is on
(``Line.cells``), which is where the figure's provenance points.
"""

from __future__ import annotations

import re
import textwrap
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from itertools import accumulate

from lxml import etree
from lxml import html as lxml_html

from converter.read import TAB_SIZE, Document, Line, ReadError
from converter.values import is_cell

__all__ = ["looks_like_html", "render_html"]

# How much of the text ``looks_like_html`` reads.
SNIFF_CHARS = 65536
# Paragraphs are wrapped at this width, as a typed filing's prose is.
WRAP_WIDTH = 100
# Spaces between a table's columns (and between the labels and the first column).
COLUMN_GAP = 3
# Labels wrap before a line reaches prose length (50 characters): the text stages would take a
# longer label-only line for prose and end the table there.
MAX_LABEL_WIDTH = 48
# A wrapped label's next lines are indented, so the text stages join them into one label.
LABEL_CONTINUATION = "  "
# Narrowest figure column: a rule under it must be at least "---" to read as a rule, not a dash.
MIN_FIGURE_WIDTH = 3
# Blank lines for a page break: more than the three a table may hold between its rows, so the
# text stages never join the tables on either side of it into one.
PAGE_BREAK_LINES = 4
# Captions are centred over their table, but indented at least this much: past a prose line's
# indent (4), so that a long title still reads as the table's caption.
CAPTION_MIN_INDENT = 5
# Short paragraphs just above a table that are taken as its caption, at most.
MAX_CAPTION_PARAGRAPHS = 4
# A caption paragraph is no sentence: a paragraph ending in "." with this many words is prose.
SENTENCE_MIN_WORDS = 6
# The HTML standard's ceiling on colspan.
MAX_COLSPAN = 1000
# An <hr> at most this wide (in per cent) sets footnotes off, as a blank line; a wider one is a page break.
FOOTNOTE_RULE_MAX_PERCENT = 50

_HTML_SIGNS = re.compile(r"<html[\s>]|<!doctype\s+html|<t[dr][\s>/]", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Block elements whose emptiness (Word's <p>&nbsp;</p>) is a blank line.
_PARAGRAPH_TAGS = frozenset(
    ("address", "blockquote", "center", "dd", "div", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "li", "p", "tt")
)
_BLOCK_TAGS = _PARAGRAPH_TAGS | frozenset(
    (
        *("article", "aside", "body", "caption", "dl", "fieldset", "figcaption", "figure", "footer", "form"),
        *("header", "html", "main", "nav", "ol", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"),
    )
)
_SKIPPED_TAGS = frozenset(("head", "noscript", "script", "style", "template", "title"))
_CELL_TAGS = frozenset(("td", "th"))
_SECTION_TAGS = frozenset(("thead", "tbody", "tfoot"))
_HIDDEN = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_BREAK_BEFORE = re.compile(r"page-break-before\s*:\s*always|break-before\s*:\s*page", re.IGNORECASE)
_BREAK_AFTER = re.compile(r"page-break-after\s*:\s*always|break-after\s*:\s*page", re.IGNORECASE)
_BORDER_BOTTOM = re.compile(r"border-bottom(?:-style)?\s*:\s*([^;\"]*)", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_PERCENT = re.compile(r"^\s*(\d+)\s*%")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# What is left of a figure in the next cell: ")" or "%" or ")%", and footnote marks: ")(a)".
_CLOSER = re.compile(r"^(?P<close>\)?%?\)?)\s*(?P<notes>(?:\([a-z]\)|\*+)*)$", re.IGNORECASE)
_TRAILING_NOTES = re.compile(r"^(?P<figure>.*?\S)\s*(?P<notes>(?:\([a-z]\)|\*+)+)$", re.IGNORECASE)
_NOTE = re.compile(r"\([a-z]\)|\*+", re.IGNORECASE)
# Cells that open a figure printed in the next cell: "$", "(" and the two together.
_OPENERS = frozenset(("$", "(", "$(", "($"))


@dataclass(frozen=True, slots=True)
class _Paragraph:
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class _Blank:
    line: int


@dataclass(frozen=True, slots=True)
class _Break:
    """A page break or horizontal rule."""

    line: int


@dataclass(frozen=True, slots=True)
class _Verbatim:
    """The lines of a ``<pre>``, as typed."""

    lines: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class _Table:
    """A table laid out in fixed width, and how wide it is (for centring its caption)."""

    lines: tuple[Line, ...]
    width: int


_Item = _Paragraph | _Blank | _Break | _Verbatim | _Table


@dataclass(frozen=True, slots=True)
class _Cell:
    """A cell on the table's grid: columns [start, end), its text lines, its bottom border ("-", "=").

    ``line`` is the source line its text is on (the ``<td>``'s, or the ``<p>``'s inside it).
    """

    start: int
    end: int
    lines: tuple[str, ...]
    rule: str = ""
    prefix: str = ""  # "$" printed before the figure, in its own cell or not
    line: int = 0

    @property
    def text(self) -> str:
        return " ".join(self.lines)


@dataclass(frozen=True, slots=True)
class _Row:
    """A ``<tr>``: its source line, its cells (merged into figures), the footnote marks taken off them."""

    line: int
    cells: tuple[_Cell, ...]
    rules: tuple[_Cell, ...] = ()
    notes: tuple[str, ...] = ()


class _RowKind(Enum):
    EMPTY = "empty"
    SECTION = "section"  # a label and no figures: "Current assets:"
    HEADER = "header"  # column headings: "June 26," over a column
    DATA = "data"


def looks_like_html(text: str) -> bool:
    """True for HTML: ``<html``, ``<!DOCTYPE html``, ``<tr>`` or ``<td>`` in the first 64 KB.

    EDGAR's plain text has SGML ``<TABLE>``, ``<CAPTION>``, ``<S>``, ``<C>`` and ``<PAGE>`` but no rows or cells.
    """
    return bool(_HTML_SIGNS.search(text[:SNIFF_CHARS]))


def render_html(text: str, name: str, first_line: int = 1) -> Document:
    """Lay an HTML filing out as the fixed-width text filing it would have been.

    ``first_line`` numbers the text's first line: an HTML document inside an EDGAR submission
    keeps the submission's line numbers.
    """
    source = _XML_DECLARATION.sub("", text, count=1)
    if not source.strip():
        raise ReadError("empty file: no text to convert")
    parser = lxml_html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        root = lxml_html.document_fromstring(_numbered(source), parser=parser)
    except etree.ParserError:
        raise ReadError("empty HTML document: no text to convert") from None
    for error in parser.error_log:
        # libxml2 stops reading at its limits (elements nested 256 deep): refuse, rather than drop the rest.
        if error.type_name == "ERR_RESOURCE_LIMIT":
            raise ReadError(f"HTML beyond the parser's limits on line {error.line}: {error.message}")
    lines = _layout(_flow(root))
    if not any(line.text.strip() for line in lines):
        raise ReadError("empty HTML document: no text to convert")
    if first_line != 1:
        lines = tuple(_shifted(line, first_line - 1) for line in lines)
    return Document(name=name, lines=lines)


def _shifted(line: Line, by: int) -> Line:
    return Line(line.number + by, line.text, tuple((start, end, source + by) for start, end, source in line.cells))


# --- Block flow: elements to paragraphs, blanks, breaks and tables -----------------------------


def _tag(element: etree._Element) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


# libxml2's HTML parser numbers no line past 65535 (it has no "big lines" option there): each element of a
# longer page has its line written into its tag before parsing, so every figure still cites its own line.
_LINE_LIMIT = 65535
_LINE_ATTRIBUTE = "data-source-line"
_OPENING_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9]*)(?=[\s/>]|$)")


def _numbered(source: str) -> str:
    """``source`` with its elements' line numbers in their tags, when it is too long for the parser's own."""
    if source.count("\n") < _LINE_LIMIT:
        return source
    lines = source.split("\n")
    for at, line in enumerate(lines):
        if "<" in line:
            lines[at] = _OPENING_TAG.sub(rf'<\1 {_LINE_ATTRIBUTE}="{at + 1}"', line)
    return "\n".join(lines)


def _source_line(element: etree._Element) -> int | None:
    written = element.get(_LINE_ATTRIBUTE)
    if written is not None:
        return int(written)
    line = element.sourceline
    return line if isinstance(line, int) else None


def _style(element: etree._Element) -> str:
    return element.get("style") or ""


def _flow(root: etree._Element) -> list[_Item]:
    """The items of ``root``'s content in order, walked without recursion (nesting can be deep).

    ``<p>Net income was <b>$61</b>&nbsp;million.</p><p>&nbsp;</p>`` gives a paragraph
    and a blank line; ``a<br>b`` two paragraphs; a ``<table>`` with figures a ``_Table``.
    """
    items: list[_Item] = []
    parts: list[str] = []
    first_line = last_line = _source_line(root) or 1

    def add(text: str | None, line: int) -> None:
        nonlocal first_line
        if text:
            if not parts:
                first_line = line
            parts.append(text)

    def flush() -> bool:
        paragraph = " ".join("".join(parts).split())
        parts.clear()
        if paragraph:
            items.append(_Paragraph(paragraph, first_line))
        return bool(paragraph)

    stack: list[tuple[etree._Element, int]] = [(root, -1)]
    while stack:
        element, opened_at = stack.pop()
        tag = _tag(element)
        line = last_line = _source_line(element) or last_line
        tail = None if element is root else element.tail
        if opened_at >= 0:  # closing
            if tag in _BLOCK_TAGS and not flush() and len(items) == opened_at and tag in _PARAGRAPH_TAGS:
                items.append(_Blank(line))
            if _BREAK_AFTER.search(_style(element)):
                flush()
                items.append(_Break(line))
            add(tail, line)
            continue
        if not tag or tag in _SKIPPED_TAGS or _HIDDEN.search(_style(element)):
            add(tail, line)
            continue
        if _BREAK_BEFORE.search(_style(element)):
            flush()
            items.append(_Break(line))
        if tag == "br":
            if not flush() and not _BREAK_BEFORE.search(_style(element)):
                items.append(_Blank(line))
            add(tail, line)
            continue
        # A table holding tables lays a page out: it is walked as blocks, its cells among them.
        if tag in ("hr", "pre") or (tag == "table" and element.find(".//table") is None):
            flush()
            if tag == "hr":
                items.append(_Blank(line) if _is_footnote_rule(element) else _Break(line))
            elif tag == "pre":
                items.append(_verbatim(element, line))
            else:
                items.extend(_table_items(element))
            add(tail, line)
            continue
        if tag in _BLOCK_TAGS:
            flush()
        stack.append((element, len(items)))
        stack.extend((child, -1) for child in reversed(element))
        add(element.text, line)
    flush()
    return items


def _is_footnote_rule(hr: etree._Element) -> bool:
    """``<hr width="25%">`` above "(a) Pre-tax restructuring costs"."""
    match = _PERCENT.match(hr.get("width") or "")
    return match is not None and int(match.group(1)) <= FOOTNOTE_RULE_MAX_PERCENT


def _verbatim(pre: etree._Element, line: int) -> _Verbatim:
    """``<pre>`` text line for line, tabs expanded; HTML drops the newline right after ``<pre>``."""
    raw = "".join(str(text) for text in pre.itertext()).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if raw and not raw[0]:
        raw, line = raw[1:], line + 1
    return _Verbatim(
        tuple(Line(line + i, text.expandtabs(TAB_SIZE).replace("\xa0", " ").rstrip()) for i, text in enumerate(raw))
    )


# --- Tables: the grid, merged cells, logical columns -------------------------------------------


def _rows_of(table: etree._Element) -> Iterator[etree._Element]:
    for child in table:
        if _tag(child) == "tr":
            yield child
        elif _tag(child) in _SECTION_TAGS:
            yield from (row for row in child if _tag(row) == "tr")


def _colspan(cell: etree._Element) -> int:
    match = _DIGITS.search(cell.get("colspan") or "")
    return min(max(int(match.group()), 1), MAX_COLSPAN) if match else 1


def _rule_of(cell: etree._Element) -> str:
    """ "=" for ``border-bottom:double``, "-" for a solid one, "" for none."""
    match = _BORDER_BOTTOM.search(_style(cell))
    value = match.group(1).lower() if match else ""
    return "=" if "double" in value else "-" if "solid" in value else ""


def _rowspan(cell: etree._Element) -> int:
    match = _DIGITS.search(cell.get("rowspan") or "")
    return max(int(match.group()), 1) if match else 1


def _grid_rows(trs: Sequence[etree._Element]) -> list[_Row]:
    """Each ``<tr>`` on the grid: a cell at the columns its colspan covers, past those a cell above still holds.

    A heading cell with ``rowspan`` keeps its columns in the rows below it::

        <tr><th colspan=2 rowspan=2>In millions<br>Quarter ended</th><th></th><th colspan=2>2005</th></tr>
        <tr><th></th><th colspan=2>Nov. 30</th></tr>

    puts "Nov. 30" under "2005", not two columns to the left of it.
    """
    rows: list[_Row] = []
    # Columns [start, end) held through row ``last`` by a cell of a row above, by start.
    held: list[tuple[int, int, int]] = []
    for index, tr in enumerate(trs):
        held = [span for span in held if span[2] >= index]
        cells: list[_Cell] = []
        reaching: list[tuple[int, int, int]] = []
        column = 0
        next_held = 0
        for cell in tr:
            if _tag(cell) not in _CELL_TAGS:
                continue
            while next_held < len(held) and held[next_held][0] <= column:
                column = max(column, held[next_held][1])
                next_held += 1
            span = _colspan(cell)
            paragraphs = [item for item in _flow(cell) if isinstance(item, _Paragraph)]
            line = paragraphs[0].line if paragraphs else _source_line(cell) or _source_line(tr) or 1
            cells.append(_Cell(column, column + span, tuple(p.text for p in paragraphs), _rule_of(cell), line=line))
            # A rowspan past the table's last row reaches no further than it.
            last = min(index + _rowspan(cell), len(trs)) - 1
            if last > index:
                reaching.append((column, column + span, last))
            column += span
        rows.append(_Row(_source_line(tr) or 1, tuple(cells)))
        if reaching:
            held = sorted(held + reaching)
    return rows


def _merge(row: _Row) -> _Row:
    """Join the pieces of one printed figure that Word puts in cells of their own.

    ``$ | 2,014`` gives "2,014" with the "$" as its prefix; ``( | 103 | )`` gives "(103)";
    ``(8 | )(a)`` gives "(8)" and the footnote mark "(a)", which goes to the row's label.
    Lone "$" and ")" cells with no figure beside them are dropped.
    """
    merged: list[_Cell] = []
    notes: list[str] = []
    openers: list[_Cell] = []
    for cell in row.cells:
        text = cell.text
        if not text:
            continue
        if text in _OPENERS:
            openers.append(cell)
            continue
        closer = _CLOSER.match(text)
        if closer and not openers and merged and is_cell(merged[-1].text + closer["close"]):
            last = merged[-1]
            merged[-1] = replace(last, end=cell.end, lines=(last.text + closer["close"],))
            notes.extend(_NOTE.findall(closer["notes"]))
            continue
        if closer and closer["close"] and not closer["notes"]:
            continue
        opened = "".join(o.text for o in openers) + text
        if openers and (is_cell(opened) or is_cell(opened + ")")):
            cell = replace(cell, start=openers[0].start, lines=(opened,))
        openers = []
        trailing = _TRAILING_NOTES.match(cell.text)
        if trailing and is_cell(trailing["figure"]):
            cell = replace(cell, lines=(trailing["figure"],))
            notes.extend(_NOTE.findall(trailing["notes"]))
        merged.append(cell)
    return _Row(row.line, tuple(_dollar(c) for c in merged), tuple(c for c in row.cells if c.rule), tuple(notes))


def _dollar(cell: _Cell) -> _Cell:
    """ "$ 2,014" and "$(5.64)" print their "$" at the left of the column, the figure at its right."""
    text = cell.text
    if text.startswith("$") and is_cell(text):
        return replace(cell, lines=(text[1:].lstrip(),), prefix="$")
    return cell


def _is_figure(cell: _Cell) -> bool:
    return is_cell(cell.text) and not _YEAR.match(cell.text)


@dataclass(frozen=True, slots=True)
class _Columns:
    """The logical columns: disjoint grid spans [start, end), in order; labels lie left of the first."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @property
    def label_end(self) -> int:
        return self.starts[0]

    def __len__(self) -> int:
        return len(self.starts)

    def overlap(self, cell: _Cell, k: int) -> int:
        """Columns the cell shares with column ``k``; minus the distance between them when disjoint."""
        return min(cell.end, self.ends[k]) - max(cell.start, self.starts[k])

    def placement(self, cell: _Cell) -> tuple[int, int]:
        """First and last column a cell covers; the nearest one when it covers none.

        A bisection, not a scan: a hostile table may have thousands of columns.
        """
        first = bisect_right(self.ends, cell.start)
        last = bisect_left(self.starts, cell.end) - 1
        if first <= last:
            return first, last
        nearest = max((k for k in (first - 1, first) if 0 <= k < len(self)), key=lambda k: self.overlap(cell, k))
        return nearest, nearest


def _columns(rows: Sequence[_Row]) -> _Columns | None:
    """The grid spans covered by the figures of labelled rows, narrowest figures first.

    A figure that would bridge two columns (one amount centred under two headings) is
    left out, so it cannot fuse them. No labelled figures, no columns: the table is text.
    """
    figures = [c for row in rows if row.cells for c in row.cells[1:] if _is_figure(c) and not _is_figure(row.cells[0])]
    starts: list[int] = []
    ends: list[int] = []
    for cell in sorted(figures, key=lambda c: c.end - c.start):
        first = bisect_right(ends, cell.start)
        last = bisect_left(starts, cell.end) - 1
        if first > last:
            starts.insert(first, cell.start)
            ends.insert(first, cell.end)
        elif first == last:
            # Grown, the span must not reach its neighbours.
            start, end = min(starts[first], cell.start), max(ends[first], cell.end)
            if (first == 0 or ends[first - 1] <= start) and (first + 1 == len(starts) or end <= starts[first + 1]):
                starts[first], ends[first] = start, end
    return _Columns(tuple(starts), tuple(ends)) if starts else None


def _data_cells(row: _Row, columns: _Columns) -> dict[int, _Cell]:
    """A data row's cells by column: each in the column it overlaps most.

    Two cells in one column (the grid does not line up) share it, side by side, rather
    than one hiding the other: every printed figure stays on the page.
    """
    placed: dict[int, _Cell] = {}
    for cell in row.cells:
        if cell.start < columns.label_end:
            continue
        first, last = columns.placement(cell)
        k = max(range(first, last + 1), key=lambda i: (columns.overlap(cell, i), -i))
        if k in placed:
            text = f"{_figure_text(placed[k], 0)} {_figure_text(cell, 0)}"
            cell = replace(placed[k], end=cell.end, lines=(text,), prefix="")
        placed[k] = cell
    return placed


_HEADING_WORD = re.compile(r"[A-Za-z]{3,}")


def _repeats_headings(cells: Sequence[_Cell]) -> bool:
    """Words, not figures, in two columns or more, below the first figures: the headings printed again
    for the next part of the table ("Nine Months Ended Mar. 31" beside the segments' names), not a row of
    data ("n/a" is no heading)."""
    return len(cells) >= 2 and all(_HEADING_WORD.search(" ".join(c.lines)) for c in cells)


def _kinds(rows: Sequence[_Row], label_end: int) -> list[_RowKind]:
    """Headings are the rows with no figure (years aside) above the first figure, or without a label."""
    figure_rows = [i for i, row in enumerate(rows) if any(_is_figure(c) for c in row.cells if c.start >= label_end)]
    first_figure = figure_rows[0] if figure_rows else len(rows)
    kinds: list[_RowKind] = []
    for i, row in enumerate(rows):
        labelled = any(c.start < label_end for c in row.cells)
        in_columns = [c for c in row.cells if c.start >= label_end]
        if not row.cells:
            kinds.append(_RowKind.EMPTY)
        elif not in_columns:
            kinds.append(_RowKind.SECTION)
        elif not any(_is_figure(c) for c in in_columns) and (
            i < first_figure or not labelled or _repeats_headings(in_columns)
        ):
            kinds.append(_RowKind.HEADER)
        else:
            kinds.append(_RowKind.DATA)
    return kinds


# --- Tables: laying the rows out in fixed width -------------------------------------------------


def _compose(pieces: Sequence[tuple[int, str]]) -> str:
    """One line with each text at its column."""
    chars: list[str] = []
    for at, text in pieces:
        if len(chars) < at + len(text):
            chars.extend(" " * (at + len(text) - len(chars)))
        chars[at : at + len(text)] = text
    return "".join(chars).rstrip()


def _wrap_label(label: str) -> list[str]:
    return textwrap.wrap(
        label, MAX_LABEL_WIDTH, subsequent_indent=LABEL_CONTINUATION, break_long_words=False, break_on_hyphens=False
    ) or [""]


def _ends_in_figure(text: str) -> bool:
    """ "Notes due 2007" would lend its last word to the figures; a dot leader keeps it in the label."""
    words = text.split()
    return bool(words) and is_cell(words[-1])


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where things go: label width, each column's start and width, each figure block's offset and width."""

    label_width: int
    starts: tuple[int, ...]
    widths: tuple[int, ...]
    figure_widths: tuple[int, ...]

    def figure_start(self, k: int) -> int:
        return self.starts[k] + (self.widths[k] - self.figure_widths[k] + 1) // 2

    def span(self, first: int, last: int) -> tuple[int, int]:
        return self.starts[first], self.starts[last] + self.widths[last]


def _figure_text(cell: _Cell, width: int) -> str:
    """ "$ 2,014" (the "$" at the left, a space at least between) or "1,455", right-aligned in ``width``."""
    if cell.prefix:
        return f"{cell.prefix}{cell.text.rjust(max(width - len(cell.prefix), len(cell.text) + 1))}"
    return cell.text.rjust(width)


def _plan(rows: Sequence[_Row], kinds: Sequence[_RowKind], columns: _Columns) -> _Layout:
    """Column widths: the widest figure (at least ``MIN_FIGURE_WIDTH``), widened for headings over them."""
    figure_widths = [MIN_FIGURE_WIDTH] * len(columns)
    label_width = 0
    spanning: list[tuple[int, int, int]] = []
    for row, kind in zip(rows, kinds, strict=True):
        if kind is _RowKind.DATA:
            last = _wrap_label(_label(row, columns))[-1]
            label_width = max(label_width, len(last) + (len(" ...") if _ends_in_figure(last) else 0))
            for k, cell in _data_cells(row, columns).items():
                figure_widths[k] = max(figure_widths[k], len(_figure_text(cell, 0)))
        elif kind is _RowKind.HEADER:
            for cell in row.cells:
                if cell.start >= columns.label_end:
                    first, last_column = columns.placement(cell)
                    spanning.extend((first, last_column, len(line)) for line in cell.lines)
    widths = list(figure_widths)
    for first, last_column, length in sorted(spanning, key=lambda s: s[1] - s[0]):
        covered = sum(widths[first : last_column + 1]) + COLUMN_GAP * (last_column - first)
        # A heading wider than the columns under it widens them all alike, the last ones first.
        share, extra = divmod(max(0, length - covered), last_column - first + 1)
        for k in range(first, last_column + 1):
            widths[k] += share + (k > last_column - extra)
    left = label_width + COLUMN_GAP if label_width else 0
    starts = accumulate((width + COLUMN_GAP for width in widths[:-1]), initial=left)
    return _Layout(label_width, tuple(starts), tuple(widths), tuple(figure_widths))


def _label(row: _Row, columns: _Columns) -> str:
    return " ".join([*(c.text for c in row.cells if c.start < columns.label_end), *row.notes])


def _header_lines(row: _Row, layout: _Layout, columns: _Columns) -> list[str]:
    """Each heading centred over the column(s) it spans, bottom lines aligned; a rule under a bordered one.

    The label-side text of a heading row ("(In millions)") goes on a line of its own, so a
    line of year headings never reads as a row of figures.
    """
    out = _wrap_label(label) if (label := _label(row, columns)) else []
    placed = [(columns.placement(c), c) for c in row.cells if c.start >= columns.label_end]
    height = max(len(cell.lines) for _, cell in placed)
    for i in range(height):
        pieces: list[tuple[int, str]] = []
        for (first, last), cell in placed:
            offset = i - (height - len(cell.lines))
            if offset >= 0:
                start, end = layout.span(first, last)
                text = cell.lines[offset]
                pieces.append((start + (end - start - len(text) + 1) // 2, text))
        out.append(_compose(pieces))
    rules = []
    for (first, last), cell in placed:
        if cell.rule or last > first:
            start, end = layout.span(first, last)
            rules.append((start, (cell.rule or "-") * (end - start)))
    if rules:
        out.append(_compose(rules))
    return out


def _data_lines(row: _Row, layout: _Layout, columns: _Columns) -> list[Line]:
    """Label on the left (wrapped, continued lines indented), figures right-aligned in their columns.

    The lines are numbered by the row's ``<tr>``; each figure keeps its own cell's line in ``Line.cells``.
    """
    label_lines = _wrap_label(_label(row, columns))
    last = label_lines[-1]
    if _ends_in_figure(last):
        last = f"{last} {'.' * max(3, layout.label_width - len(last) - 1)}"
    pieces: list[tuple[int, str]] = [(0, last)]
    cells: list[tuple[int, int, int]] = []
    for k, cell in _data_cells(row, columns).items():
        start = layout.figure_start(k)
        pieces.append((start, _figure_text(cell, layout.figure_widths[k])))
        cells.append((start, start + layout.figure_widths[k], cell.line))
    rules: dict[int, str] = {}
    for cell in row.rules:
        first, last_column = columns.placement(cell)
        if cell.start >= columns.label_end and columns.overlap(cell, first) > 0:
            for k in range(first, last_column + 1):
                rules[k] = "=" if "=" in (cell.rule, rules.get(k)) else "-"
    lines = [*(Line(row.line, text) for text in label_lines[:-1]), Line(row.line, _compose(pieces), tuple(cells))]
    if rules:
        rule_line = _compose([(layout.figure_start(k), rule * layout.figure_widths[k]) for k, rule in rules.items()])
        lines.append(Line(row.line, rule_line))
    return lines


def _table_items(table: etree._Element) -> list[_Item]:
    """A ``<table>`` with figures as a fixed-width ``_Table``; one without, as a paragraph per row.

    Its ``<caption>``, if any, comes first as a paragraph.
    """
    items: list[_Item] = [
        item for child in table if _tag(child) == "caption" for item in _flow(child) if isinstance(item, _Paragraph)
    ]
    rows = [_merge(row) for row in _grid_rows(list(_rows_of(table)))]
    columns = _columns(rows)
    if columns is None:
        items.extend(_Paragraph(" ".join(c.text for c in row.cells), row.line) for row in rows if row.cells)
        return items
    kinds = _kinds(rows, columns.label_end)
    layout = _plan(rows, kinds, columns)
    lines: list[Line] = []
    started = False
    for row, kind in zip(rows, kinds, strict=True):
        if kind is _RowKind.EMPTY:
            if started and lines[-1].text:
                lines.append(Line(row.line, ""))
            continue
        if kind is _RowKind.HEADER:
            if started and lines[-1].text:
                lines.append(Line(row.line, ""))
            lines.extend(Line(row.line, text) for text in _header_lines(row, layout, columns))
        elif kind is _RowKind.SECTION:
            lines.extend(Line(row.line, text) for text in _wrap_label(_label(row, columns)))
        else:
            lines.extend(_data_lines(row, layout, columns))
            started = True
    while lines and not lines[-1].text:
        lines.pop()
    items.append(_Table(tuple(lines), layout.starts[-1] + layout.widths[-1]))
    return items


# --- Page layout: captions, blank lines, breaks --------------------------------------------------


def _is_caption(paragraph: _Paragraph) -> bool:
    words = paragraph.text.split()
    return len(paragraph.text) <= WRAP_WIDTH and not (paragraph.text.endswith(".") and len(words) >= SENTENCE_MIN_WORDS)


def _captions(items: Sequence[_Item]) -> tuple[dict[int, list[_Paragraph]], frozenset[int]]:
    """For each table, the short paragraphs just above it (blank lines between them allowed),
    and the indexes of the items the captions take (those paragraphs and the blanks among them)."""
    found: dict[int, list[_Paragraph]] = {}
    taken: set[int] = set()
    for index, item in enumerate(items):
        if not isinstance(item, _Table):
            continue
        found[index] = []
        top = i = index - 1
        while i >= 0 and len(found[index]) < MAX_CAPTION_PARAGRAPHS:
            above = items[i]
            if isinstance(above, _Paragraph) and _is_caption(above):
                found[index].insert(0, above)
                top = i
            elif not isinstance(above, _Blank):
                break
            i -= 1
        if found[index]:
            taken.update(range(top, index))
    return found, frozenset(taken)


def _layout(items: Sequence[_Item]) -> tuple[Line, ...]:
    """Items to lines: paragraphs wrapped, blanks collapsed, captions centred just above their tables.

    A run of blank lines takes the source line of the first element that asked for it.
    """
    captions, skipped = _captions(items)
    out: list[Line] = []
    pending = pending_line = 0
    seen_table = False

    def put(line: Line) -> None:
        nonlocal pending
        out.extend(Line(pending_line, "") for _ in range(pending if out else 0))
        pending = 0
        out.append(line)

    def blanks(count: int, line: int) -> None:
        nonlocal pending, pending_line
        if not pending:
            pending_line = line
        pending = max(pending, count)

    for index, item in enumerate(items):
        if index in skipped:
            continue
        if isinstance(item, _Paragraph):
            for text in _wrap(item.text):
                put(Line(item.line, text))
        elif isinstance(item, _Blank):
            blanks(1, item.line)
        elif isinstance(item, _Break):
            blanks(PAGE_BREAK_LINES, item.line)
        elif isinstance(item, _Verbatim):
            for line in item.lines:
                put(line)
        else:
            top = captions[index][0].line if captions[index] else item.lines[0].number
            blanks(PAGE_BREAK_LINES if seen_table else 1, top)
            for caption in captions[index]:
                for text in _wrap(caption.text):
                    indent = max(CAPTION_MIN_INDENT, (item.width - len(text)) // 2)
                    put(Line(caption.line, " " * indent + text))
            blanks(1, item.lines[0].number)
            for line in item.lines:
                put(line)
            blanks(1, item.lines[-1].number)
            seen_table = True
    while out and not out[-1].text:
        out.pop()
    first = next((i for i, line in enumerate(out) if line.text), len(out))
    return tuple(out[first:])


def _wrap(text: str) -> list[str]:
    return textwrap.wrap(text, WRAP_WIDTH, break_long_words=False, break_on_hyphens=False)
