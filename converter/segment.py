"""Document to blocks: tables (caption, column headers, body) and the prose between them.

A fixed-width table shows itself by its rows: a label, then two or more spaces, then
figures that line up with the rows above and below::

    Dedicated access services         27,707   3,321,229     39.8%
    Operating loss                    (8,840) (1,059,574)   (12.7)

Everything that is neither table nor blank is prose.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import Enum

from converter.read import Document, Line
from converter.scales import CAPTION_SCALE_NOTE, SCALE_NOTE, SCALE_WORD, scale_of
from converter.values import NIL_AFTER_CURRENCY, is_cell, is_garbled_figure

__all__ = [
    "YEAR_CELL",
    "Block",
    "BlockKind",
    "CellToken",
    "LineKind",
    "LineReading",
    "classify",
    "read_line",
    "row_cells",
    "segment",
]

# Blank lines a table may hold between its rows (Appendix sub-tables sit three apart).
MAX_BLANK_GAP = 3
# Blank lines allowed between a caption block and the column headers under it.
MAX_CAPTION_GAP = 2
# Where and when a report was signed, on two lines: "Springfield, Illinois" over "February 11, 1994".
_PLACE = re.compile(r"^\s*[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)*,\s+[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)*\s*$")
_DATE_LINE = re.compile(
    r"^\s*(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},\s*(?:19|20)\d\d\s*$"
)
# Blank lines allowed between a title block that ends in a scale note and the column headers.
MAX_TITLE_GAP = 6
# A prose line: starts near the margin, is long, and is made of single-spaced words.
PROSE_MIN_LENGTH = 50
PROSE_MAX_INDENT = 4
PROSE_MIN_WORDS = 6

_RULE_SEGMENTS = re.compile(r"[-=_]{3,}")
# A rule line: segments of dashes, equals or underscores; an HTML table's rendering may break it into
# short pieces ("-- -------------- --- --"), still a rule when one piece is three long.
# "- - - --------": EDGAR's escaped dashes before an underline are the underline too.
_RULE = re.compile(
    r"^\s*(?=.*(?:[-=_]{3}|(?:- ){2}))(?:[-=_]{2,}|(?:- ){2,}[-=_]*)(?:\s+(?:[-=_]{2,}|(?:- ){2,}[-=_]*))*\s*$"
)
# Matched on the reversed label: anchored at its start, the match costs no more than the leader
# (searching for "(?:\s?\.){3,}\s*$" retries at every dot of a long run: quadratic).
_DOT_LEADER_REVERSED = re.compile(r"^\s*(?:\.\s?){3,}")
# A label word run into a figure: "expense(benefit)(10,545)".
_GLUED = re.compile(r"^(?P<label>.*?[A-Za-z\)\]:])(?P<cell>\(\$?-?\d[\d,]*(?:\.\d+)?%?\))$")
# A column heading that is a year ("2004", "2003*"): a heading line, not a row of figures.
# A note's mark glued to a label, not a run-in figure: "(2)", "(12)".
_GLUED_MARK = re.compile(r"\(\d{1,2}\)")
YEAR_CELL = re.compile(r"^(?:19|20)\d\d\*?$")
_CAPTION_START = re.compile(r"^\s*(?:Table|Exhibit|Appendix|Schedule)\s+[\dA-Z]+[.:]?\s", re.IGNORECASE)
# A label ending in one of these words is followed by a reference number, not a figure ("Appendix  2").
_REFERENCE_WORD = re.compile(r"\b(?:Appendix|Page|Table|Note|Exhibit|Item|Schedule|No\.?)$", re.IGNORECASE)


def _is_reference(label: str, cells: tuple[CellToken, ...]) -> bool:
    """``See Note  5``, ``Table  3``: a label ending in a reference word and one small whole number.
    ``Convertible unsecured promissory note   2,004,278   --`` is a row."""
    small = len(cells) == 1 and re.fullmatch(r"\d{1,3}", cells[0].text) is not None
    return small and bool(_REFERENCE_WORD.search(label))


class LineKind(Enum):
    BLANK = "blank"
    RULE = "rule"
    ROW = "row"
    TEXT = "text"
    PROSE = "prose"


class BlockKind(Enum):
    TABLE = "table"
    PROSE = "prose"


@dataclass(frozen=True, slots=True)
class CellToken:
    """A printed figure and its 0-based character span in its line."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Block:
    """A run of lines. For a table: ``caption`` lines, ``header`` lines, ``body`` lines."""

    kind: BlockKind
    lines: tuple[Line, ...]
    caption: tuple[Line, ...] = ()
    header: tuple[Line, ...] = ()
    body: tuple[Line, ...] = ()


# A figure with a footnote mark run onto it: "$  288,139(a)", "78.1%(1)", "1.64*".
_FOOTNOTED = re.compile(
    r"^(?P<cell>.*?\d[%)]?|-{1,2})(?:\((?:[a-zA-Z]|\d{1,2})\)|\*{1,3}|#{1,2}|/\(?(?:[a-zA-Z]|\d{1,2})\)?/|[a-z]/)$"
)
# A note's mark set apart in EDGAR's way for a superscript, after a figure: "(7,081) /(1)/", "- /(2)/";
# glued, "463a/" and "(840)d/" are read by ``_FOOTNOTED``.
_SLASHED_MARK = re.compile(r"^/\(?(?:[a-zA-Z]|\d{1,2})\)?/$")
_SPACED_MARK = re.compile(r"^(?:\((?:[a-z]|\d)\)|#{1,2}|\*{1,3})$")
_DIGIT = re.compile(r"\d")


def _dot_leader(label: str) -> int:
    """Length of the dot leader ending ``label`` ("Net sales ........"), 0 when there is none."""
    match = _DOT_LEADER_REVERSED.match(label[::-1])
    return match.end() if match else 0


def _figures_in_label(text: str, cells: list[CellToken]) -> tuple[str, tuple[CellToken, ...]]:
    """A label that ends in figures of its own, the row's figures two spaces or more away::

        $368.2 and $443.6                                           1,147.4     1,323.3

    gives the label ``"$368.2 and $443.6"`` and two cells; with no such gap the line is text."""
    for k in range(1, len(cells)):
        start = cells[k].start
        while start > 0 and text[start - 1] in "$ " and text[start - 2 : start] != "  ":
            start -= 1
        label = text[: cells[k - 1].end]
        if start - cells[k - 1].end >= 2 and any(c.isalpha() for c in label):
            return label.strip(), tuple(cells[k:])
    return text.strip(), ()


def _year_label(text: str, cells: list[CellToken]) -> bool:
    """A row whose first figure is a bare year, first on the line and set apart from figures that are not
    years: the year is the row's label ("1993     $ 2,033,011   $ 2,537,395"). A line of years is a
    heading line; a year after "$" is an amount."""
    first = cells[0]
    return (
        len(cells) >= 2
        and YEAR_CELL.match(first.text) is not None
        and not first.text.endswith("*")
        and "$" not in text[: first.start]
        and not any(YEAR_CELL.match(cell.text) for cell in cells[1:])
        and cells[1].start - first.end >= 2
    )


def row_cells(text: str) -> tuple[str, tuple[CellToken, ...]]:
    """Split a row into its label and the figures at its right end.

    ``"Operating loss          (8,840) (1,059,574)   (12.7)"`` gives ``"Operating loss"`` and
    three cells. Figures count only when two spaces or a dot leader part them from the label,
    so prose ending in a year ("... June 30, 2003") is not a row.
    """
    # Words are placed from the right only as far as the figures go: a prose line's words are never
    # placed. The last run of non-spaces before ``position`` is the word itself, so rfind finds it.
    words = text.split()
    cells: list[CellToken] = []
    first_word_start = 0
    i = len(words)
    position = len(text)
    start = end = 0
    percent_end = 0  # where a "%" set apart from its figure ends ("19 %")
    dollar_apart: int | None = None  # where a "$" set apart from its figure starts
    while i > 0:
        word = words[i - 1]
        start = text.rfind(word, 0, position)
        end = start + len(word)
        position = start
        if word == "$" and cells:
            # "equivalent share $     0.95": a "$" set apart from its figure is the column's sign, the
            # label's own gap before it may be one space.
            dollar_apart = start if cells[-1].start - end >= 2 else None
            i -= 1
            first_word_start = start
            continue
        if word == NIL_AFTER_CURRENCY and i >= 2 and words[i - 2] in ("$", "US$"):
            # "Revenues   $   ---   $   ---": nil figures.
            cells.append(CellToken(word, start, end))
            first_word_start = start
            i -= 1
            continue
        if word == "%" and i >= 2 and is_cell(words[i - 2] + "%") and _DIGIT.search(words[i - 2]):
            # "19 %": the sign of the figure before it, a space apart.
            percent_end = end
            i -= 1
            continue
        if percent_end:
            word, end, percent_end = word + "%", percent_end, 0
            cells.append(CellToken(word, start, end))
            first_word_start = start
            i -= 1
            continue
        if _SLASHED_MARK.match(word) and i >= 2 and is_cell(words[i - 2]):
            i -= 1
            continue
        if (
            _SPACED_MARK.match(word)
            and i >= 2
            and is_cell(words[i - 2])
            and _DIGIT.search(words[i - 2])
            and text[start - 2 : start] != "  "
            and text[start - 1 : start] == " "
        ):
            # "456,109 (1)": a note's mark one space after its figure; a column stands two spaces apart.
            i -= 1
            continue
        marked = _FOOTNOTED.match(word)
        if (
            marked
            and is_cell(marked.group("cell"))
            and (_DIGIT.search(marked.group("cell")) or not marked.group("cell").strip("-"))
        ):
            # "288,139(a)", "78.1%(1)", "1.64*": the figure, then the mark of a note about it.
            word = marked.group("cell")
            end = start + len(word)
        if not (is_cell(word) or is_garbled_figure(word)):
            break
        cells.append(CellToken(word.lstrip("$"), start + (len(word) - len(word.lstrip("$"))), end))
        first_word_start = start
        i -= 1
    if not cells:
        return text.strip(), ()
    cells.reverse()
    if i == 0 and _year_label(text, cells):
        # "1993                $ 2,033,011    $ 2,537,395": the year names the row; figures follow it.
        return cells[0].text, tuple(cells[1:])
    label_end = end if i > 0 else 0
    label = text[:label_end]
    # Measured from the figure's word: "earnings of $204.5" is prose, its "$" no gap.
    gap = first_word_start - label_end
    if label.strip() and gap < 2 and not _dot_leader(label) and not (dollar_apart == first_word_start and gap == 1):
        word = words[i - 1]
        glued = _GLUED.match(word)
        if glued and _GLUED_MARK.fullmatch(glued.group("cell")) and text.startswith("$", first_word_start):
            # "Capital expenditures(2) $1,066,863": a note's mark glued to the label, the first column's
            # "$" one space after it.
            return label.strip(), tuple(cells)
        if not glued or not is_cell(glued.group("cell")):
            return _figures_in_label(text, cells)
        # "Loss before income tax expense(benefit)(10,545) (1,263,972)": split the run-in figure off.
        cell_start = start + glued.start("cell")
        cells.insert(0, CellToken(glued.group("cell"), cell_start, cell_start + len(glued.group("cell"))))
        label = text[:cell_start]
    return label[: len(label) - _dot_leader(label)].rstrip(" .$").strip(), tuple(cells)


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def classify(line: Line) -> LineKind:
    """Say what one line is, on its own: blank, rule, table row, short text or prose."""
    return read_line(line)[0]


# A line's kind and, for a row, its label and cells: ``(LineKind.ROW, "Operating loss", (cells...))``.
LineReading = tuple[LineKind, str, tuple[CellToken, ...]]
_NO_CELLS: tuple[CellToken, ...] = ()


# A line that is a scale note in parentheses, however long: "(Unaudited; $ in thousands, except per share
# data)" captions the table below it; it is not a paragraph.
_SCALE_LINE = re.compile(r"\([^()]*\b(?:thousands|millions|billions)\b[^()]*\)", re.IGNORECASE)
_SENTENCE_GAP = re.compile(r"([.!?:;,)])\s{2,}(?=[A-Z(\"])")


def read_line(line: Line) -> LineReading:
    """``classify`` with the row's label and cells, from one reading of the line (others: ``""``, no cells)."""
    text = line.text
    if not text.strip():
        return LineKind.BLANK, "", _NO_CELLS
    if _RULE.match(text):
        return LineKind.RULE, "", _NO_CELLS
    label, cells = row_cells(text)
    if cells and not (not label and all(YEAR_CELL.match(c.text) for c in cells)) and not _is_reference(label, cells):
        return LineKind.ROW, label, cells
    if _CAPTION_START.match(text) or _SCALE_LINE.fullmatch(text.strip()):
        return LineKind.TEXT, "", _NO_CELLS
    words = text.split()
    if (
        _indent(text) <= PROSE_MAX_INDENT
        and len(text) >= PROSE_MIN_LENGTH
        and len(words) >= PROSE_MIN_WORDS
        # Two spaces after a sentence's end are a typist's, not a gap between columns.
        and "  " not in _SENTENCE_GAP.sub(r"\1 ", text.strip())
    ):
        return LineKind.PROSE, "", _NO_CELLS
    return LineKind.TEXT, "", _NO_CELLS


def _table_spans(kinds: list[LineKind]) -> list[tuple[int, int]]:
    """Index ranges [first row, last row] of runs of rows joined by rules, labels and short gaps."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    last_row = -1
    blanks = 0
    for i, kind in enumerate(kinds):
        if kind is LineKind.ROW:
            if start is None:
                start = i
            last_row = i
            blanks = 0
        elif kind is LineKind.BLANK:
            blanks += 1
            if start is not None and blanks > MAX_BLANK_GAP:
                spans.append((start, last_row))
                start = None
        elif kind is LineKind.PROSE:
            if start is not None:
                spans.append((start, last_row))
                start = None
            blanks = 0
        else:
            blanks = 0
    if start is not None:
        spans.append((start, last_row))
    return spans


def _extend_down(kinds: list[LineKind], last: int, limit: int) -> int:
    """Take closing rules ("=====") under the last row into the table."""
    end = last
    while end + 1 < limit and kinds[end + 1] is LineKind.RULE:
        end += 1
    return end


def _header_start(lines: tuple[Line, ...], kinds: list[LineKind], first_row: int, floor: int) -> int:
    """Walk up from the first row over labels, rules and column headings; stop at a gap or prose."""
    i = first_row
    while i - 1 >= floor:
        kind = kinds[i - 1]
        if kind is LineKind.BLANK and (
            _years_just_above(lines, kinds, i - 1, floor) or _section_under_years(lines, kinds, i - 1, floor)
        ):
            # "2008      2007" / rule / blank line / "ASSETS": the years head the columns across the gap.
            i -= 1
            continue
        if kind in (LineKind.BLANK, LineKind.PROSE, LineKind.ROW):
            break
        if kind is LineKind.TEXT and _CAPTION_START.match(lines[i - 1].text):
            break
        i -= 1
    return i


def _years_just_above(lines: tuple[Line, ...], kinds: list[LineKind], blank: int, floor: int) -> bool:
    """A line of years alone (a column heading) within the three lines above ``blank``, with no gap,
    prose or row between; or column headings underlined column by column, the rule's segments as
    many as the columns::

                        SMITH &        ACQUIRED         FORMA
                         JONES        BUSINESSES     ADJUSTMENTS
                         -------      ----------     -----------
                         (Note A)      (Note B)       (Note C)
                                                                      <- blank
        Sales to Customers  $7,606         $ 403
    """
    # An HTML rendering may leave two blank lines where the text had one.
    while (
        blank - 1 >= floor and blank - 1 >= 0 and kinds[blank - 1] is LineKind.BLANK and kinds[blank] is LineKind.BLANK
    ):
        blank -= 1
    for j in range(blank - 1, max(floor, blank - 4) - 1, -1):
        if kinds[j] is not LineKind.TEXT and kinds[j] is not LineKind.RULE:
            return False
        label, cells = row_cells(lines[j].text)
        if cells and not label and all(YEAR_CELL.match(c.text) for c in cells):
            return True
        if (
            kinds[j] is LineKind.RULE
            and len(_RULE_SEGMENTS.findall(lines[j].text)) >= 2
            and j - 1 >= floor
            and kinds[j - 1] is LineKind.TEXT
        ):
            return True
    return False


def _section_under_years(lines: tuple[Line, ...], kinds: list[LineKind], blank: int, floor: int) -> bool:
    """A section's caption alone between blank lines, under the years across a gap: the years head the
    rows below it too::

                                                   December 31,     December 31,
                                                       2007            2006
                                                  -------------    -------------
                                                                                     <- blank
        CASH FLOWS FROM OPERATING ACTIVITIES
                                                                                     <- blank
        Net loss                                       (44,562)        (75,593)
    """
    above = blank - 1
    return (
        above - 1 >= floor
        and kinds[above] is LineKind.TEXT
        and kinds[above - 1] is LineKind.BLANK
        and _years_just_above(lines, kinds, above - 1, floor)
    )


def _caption_start(lines: tuple[Line, ...], kinds: list[LineKind], header_top: int, floor: int) -> int:
    """The caption block: the non-blank lines just above the headers, at most two blank lines up."""
    i = header_top
    if i - 1 >= floor and kinds[i - 1] is LineKind.TEXT and _CAPTION_START.match(lines[i - 1].text):
        return i - 1
    gap = 0
    while i - 1 >= floor and kinds[i - 1] is LineKind.BLANK and gap < MAX_CAPTION_GAP:
        i -= 1
        gap += 1
    # Farther up, a title block that ends in its scale note still captions the table: an HTML
    # rendering leaves rules and empty paragraphs between "(In millions of dollars ...)" and the years.
    far = i
    while far - 1 >= floor and kinds[far - 1] is LineKind.BLANK and header_top - far < MAX_TITLE_GAP:
        far -= 1
    if far < i and far - 1 >= floor and SCALE_NOTE.fullmatch(lines[far - 1].text.strip()):
        i = far
    top = i
    while top - 1 >= floor and kinds[top - 1] in (LineKind.TEXT, LineKind.RULE):
        top -= 1
    if i - top >= 2 and _PLACE.match(lines[i - 2].text) and _DATE_LINE.match(lines[i - 1].text):
        # The auditors' report signed above the statements: "Springfield, Illinois" / "February 11, 1994".
        return header_top
    if i - top == 1:
        top = _dated_title_above(lines, kinds, top, floor)
    return top if top < i else header_top


def _dated_title_above(lines: tuple[Line, ...], kinds: list[LineKind], section: int, floor: int) -> int:
    """Where the caption starts when the line at ``section`` heads the first section of a statement whose
    title, one blank line up, ends with the date it is made up to: the title's first line, else
    ``section``::

                                  BALANCE SHEET
                                December 31, 2007
                                                          <- blank
                                     ASSETS
    """
    blank = section - 1
    if blank - 1 < floor or kinds[blank] is not LineKind.BLANK or not _DATE_LINE.match(lines[blank - 1].text):
        return section
    top = blank - 1
    while top - 1 >= floor and kinds[top - 1] in (LineKind.TEXT, LineKind.RULE):
        top -= 1
    if top == blank - 1 or _PLACE.match(lines[blank - 2].text):
        # A date alone, or where and when the auditors' report was signed: no statement's title.
        return section
    return top


def _heuristic_blocks(lines: tuple[Line, ...], kinds: list[LineKind], begin: int, stop: int) -> list[Block]:
    """Blocks of ``lines[begin:stop]``, tables found from how their rows line up."""
    blocks: list[Block] = []
    cursor = begin
    for first, last in _table_spans(kinds[begin:stop]):
        first, last = first + begin, last + begin
        if first < cursor:
            continue
        header_top = _header_start(lines, kinds, first, cursor)
        caption_top = _caption_start(lines, kinds, header_top, cursor)
        end = _extend_down(kinds, last, stop)
        if caption_top > cursor:
            blocks.append(Block(BlockKind.PROSE, lines[cursor:caption_top]))
        blocks.append(
            Block(
                BlockKind.TABLE,
                lines[caption_top : end + 1],
                caption=lines[caption_top:header_top],
                header=lines[header_top:first],
                body=lines[first : end + 1],
            )
        )
        cursor = end + 1
    if cursor < stop:
        blocks.append(Block(BlockKind.PROSE, lines[cursor:stop]))
    return blocks


def _marked_regions(marks: tuple[tuple[int, str], ...], count: int) -> list[tuple[int, int, int, int]]:
    """(``<TABLE>``, headings start, body start, ``</TABLE>``) line indexes of each marked table."""
    regions: list[tuple[int, int, int, int]] = []
    open_at: int | None = None
    caption: int | None = None
    body: int | None = None
    for index, kind in marks:
        if kind == "table":
            open_at, caption, body = index, None, None
        elif open_at is None:
            continue
        elif kind == "caption" and body is not None:
            # A second <CAPTION> after the body: a new table in the same <TABLE>, with its own headings
            # ("SUMMARY BALANCE SHEET   12/31/93   03/31/94" under a summary income statement's rows).
            start = caption if caption is not None else open_at
            regions.append((open_at, start, body, index - 1))
            open_at, caption, body = index, index, None
        elif kind == "caption" and caption is None:
            caption = index
        elif kind == "body" and body is None:
            body = index
        elif kind == "end":
            start = caption if caption is not None else open_at
            regions.append((open_at, start, body if body is not None else start, index))
            open_at = None
    if open_at is not None:
        start = caption if caption is not None else open_at
        regions.append((open_at, start, body if body is not None else start, count - 1))
    return regions


def _marked_block(
    lines: tuple[Line, ...], kinds: list[LineKind], region: tuple[int, int, int, int], caption_top: int
) -> Block:
    """A table EDGAR marked up::

        Financial Highlights (In Millions of Dollars)      <- caption, above <TABLE>
        <TABLE>                                            <- (or title lines here, then <CAPTION>)
        <CAPTION>
                          3 Months Ended December           <- headings (with any title lines)
                              2004       2003
        Consolidated Earnings-                              <- a section label
        <S>                <C>        <C>                   <- the body starts
        Retail Business    $  122     $  117
        </TABLE>

    Title lines inside ``<CAPTION>`` that stand left of every column join the caption.
    """
    open_at, heading_at, body_at, end = region
    body = [i for i in range(body_at + 1, end) if kinds[i] is LineKind.ROW]
    if body_at == heading_at and body:
        body_at = body[0] - 1  # no <S> line: the headings end above the first row
    cells = [c.start for i in body for c in row_cells(lines[i].text)[1]]
    column_left = min(cells, default=0)
    header_top = heading_at + 1
    # The first line reaching over the columns starts the headings; title lines stand left of them.
    while header_top < body_at and not (
        kinds[header_top] is not LineKind.BLANK and len(lines[header_top].text) > column_left
    ):
        header_top += 1
    # Title lines between <TABLE> and <CAPTION> are the table's own title: the text above <TABLE> is
    # then prose (or the page before), not a caption.
    inner = [line for line in lines[open_at + 1 : heading_at] if line.text.strip()]
    above = [] if inner else list(lines[caption_top:open_at])
    caption = [*above, *inner, *lines[heading_at + 1 : header_top]]
    return Block(
        BlockKind.TABLE,
        lines[caption_top : end + 1],
        caption=tuple(line for line in caption if line.text.strip()),
        header=lines[header_top : body_at + 1],
        body=lines[body_at + 1 : end + 1],
    )


# How many groups of title lines, one blank line apart, a marked table's caption may take.
MAX_CAPTION_GROUPS = 3


# A title line long enough to read as prose, set in capitals: a statement's period under its name,
# "YEAR ENDED DECEMBER 31, 1997 AND PERIOD FROM JUNE 3, 1996 (INCEPTION)".
_CAPITALS_TITLE = re.compile(r"^[^a-z]*[A-Z][^a-z]*$")


def _title_line(text: str) -> bool:
    return bool(_CAPITALS_TITLE.match(text))


def _marked_caption_start(lines: tuple[Line, ...], kinds: list[LineKind], open_at: int, floor: int) -> int:
    """The title lines above a ``<TABLE>``: runs of text one blank line apart, any length::

        CONSOLIDATED BALANCE SHEETS

                   ASSETS
               (In millions)

    A table row, or a gap of more than ``MAX_CAPTION_GAP`` blank lines, ends the caption; so does a
    paragraph, but not a title line in capitals however long, so the company's name above it is still
    the caption's::

        JUNGLEE CORP.

        STATEMENTS OF CASH FLOWS
        YEAR ENDED DECEMBER 31, 1997 AND PERIOD FROM JUNE 3, 1996 (INCEPTION)
    """
    top = open_at
    i = open_at
    for _ in range(MAX_CAPTION_GROUPS):
        gap = 0
        while i - 1 >= floor and kinds[i - 1] is LineKind.BLANK and gap < MAX_CAPTION_GAP:
            i -= 1
            gap += 1
        group_end = i
        while i - 1 >= floor and kinds[i - 1] in (LineKind.TEXT, LineKind.RULE, LineKind.PROSE):
            i -= 1
        prose = any(kinds[j] is LineKind.PROSE and not _title_line(lines[j].text) for j in range(i, group_end))
        # Past the first group, only short title lines: a paragraph further up is prose, not caption;
        # unless it states the scale the title does not ("... (dollar amounts in millions, except per
        # share amounts)." above "SUMMARY OF OPERATIONS").
        if prose and top != open_at and i < group_end:
            above = " ".join(lines[j].text for j in range(i, group_end))
            below = " ".join(lines[j].text for j in range(top, open_at))
            if CAPTION_SCALE_NOTE.search(" ".join(above.split())) and not SCALE_WORD.search(below):
                top = i
            break
        if i == group_end:
            break
        top = i
        if prose or i - 1 < floor or kinds[i - 1] is not LineKind.BLANK:
            break
    return top


def wrapped_labels(kinds: list[LineKind], lines: Sequence[Line] | None = None) -> list[LineKind]:
    """A line long enough to read as prose, set between two rows with no gap, is the first line of
    the lower row's label::

        Total current assets                                        3,619.8     3,203.1
        Intangible Assets - Net of Accumulated Amortization of
        $368.2 and $443.6                                           1,147.4     1,323.3
    """
    return [
        LineKind.TEXT
        if kind is LineKind.PROSE
        and (
            (0 < i < len(kinds) - 1 and kinds[i - 1] is kinds[i + 1] is LineKind.ROW)
            or (lines is not None and _opens_wrapped_label(kinds, lines, i))
            or (lines is not None and _continued_in_lower_case(kinds, lines, i))
        )
        else kind
        for i, kind in enumerate(kinds)
    ]


def _continued_in_lower_case(kinds: list[LineKind], lines: Sequence[Line], i: int) -> bool:
    """A long line under a heading, a row or a rule, whose label the row right below goes on in lower case
    at the same indent::

        SHAREHOLDERS' EQUITY
        Convertible Preferred stock; $0.001 par value, 5,000,000
        authorized, no shares issued and outstanding                               -
    """
    if i == 0 or i + 1 >= len(kinds) or kinds[i - 1] not in (LineKind.ROW, LineKind.RULE, LineKind.TEXT):
        return False
    text, below = lines[i].text, lines[i + 1].text
    return (
        kinds[i + 1] is LineKind.ROW
        and below.strip()[:1].islower()
        and len(below) - len(below.lstrip()) == len(text) - len(text.lstrip())
        and not text.rstrip().endswith((".", ":"))
    )


# How many lines a wrapped label may take below its first.
MAX_LABEL_CONTINUATION = 6


def _opens_wrapped_label(kinds: list[LineKind], lines: Sequence[Line], i: int) -> bool:
    """A long first line below a row or a rule, continued by lines indented further that end in a row::

    - ----------------------------------------------------------------
    Cumulative preferred stock, Series B, $4.00 dividend,
     par value $100, redeemable at par plus accrued
     treasury in 1993 and 1992, respectively               1,330          1,337
    """
    if i == 0 or kinds[i - 1] not in (LineKind.ROW, LineKind.RULE, LineKind.TEXT):
        return False
    indent = len(lines[i].text) - len(lines[i].text.lstrip())
    for j in range(i + 1, min(len(kinds), i + 1 + MAX_LABEL_CONTINUATION)):
        text = lines[j].text
        if not text.strip() or len(text) - len(text.lstrip()) <= indent:
            return False
        if kinds[j] is LineKind.ROW:
            return True
        if kinds[j] is not LineKind.TEXT:
            return False
    return False


def segment(document: Document) -> tuple[Block, ...]:
    """Split a document into table and prose blocks, in document order.

    Tables EDGAR marked with ``<TABLE>`` are taken as marked; elsewhere tables are found
    from how their rows line up.
    """
    lines = document.lines
    kinds = wrapped_labels([classify(line) for line in lines], lines)
    blocks: list[Block] = []
    cursor = 0
    for region in _marked_regions(document.marks, len(lines)):
        open_at = region[0]
        if open_at < cursor:
            continue
        if blocks and blocks[-1].kind is BlockKind.TABLE and open_at == cursor and open_at == region[1]:
            # A second <CAPTION> in one <TABLE>: new headings under the same title (and its scale note).
            block = _marked_block(lines, kinds, region, open_at)
            title = (*blocks[-1].caption, *(line for line in blocks[-1].header if scale_of(line.text)))
            blocks.append(replace(block, caption=(*title, *block.caption)))
            cursor = region[3] + 1
            continue
        caption_top = _marked_caption_start(lines, kinds, open_at, cursor)
        blocks.extend(_heuristic_blocks(lines, kinds, cursor, caption_top))
        blocks.append(_marked_block(lines, kinds, region, caption_top))
        cursor = region[3] + 1
    blocks.extend(_heuristic_blocks(lines, kinds, cursor, len(lines)))
    breaks = tuple(lines[index].number for index, kind in document.marks if kind == "page")
    return _with_page_titles(_with_lead_sentences(blocks), breaks)


# A page's title block states the scale of the tables under it, past the paragraph that introduces them:
#
#                      SELECTED FINANCIAL AND OPERATING DATA
#          (IN THOUSANDS, EXCEPT RATIOS AND PER SHARE AND OPERATING DATA)
#
#      The selected consolidated financial information of the Company presented in
#   the table below ...
#   <TABLE>                     (no title, no scale of its own)
#
# The title reaches every table after it on the same page (up to one stating its own scale), never across
# a page break, and at most ``MAX_TITLE_REACH`` lines down.
MAX_TITLE_REACH = 90
_TITLE_SCALE_NOTE = re.compile(r"\([^()]*\)")


def _states_scale(lines: tuple[Line, ...]) -> bool:
    return any(scale_of(line.text) is not None for line in lines)


def _page_title(block: Block) -> tuple[Line, ...] | None:
    """The title lines of a prose block ending in a scale note in parentheses, on a line of its own: the
    note and the short lines just above it."""
    lines = block.lines
    for index in range(len(lines) - 1, -1, -1):
        text = lines[index].text.strip()
        if not (_TITLE_SCALE_NOTE.fullmatch(text) and scale_of(text) is not None):
            continue
        top = index
        while top - 1 >= 0 and lines[top - 1].text.strip() and len(lines[top - 1].text.strip()) < PROSE_MIN_LENGTH:
            top -= 1
        return lines[top : index + 1] if top < index else None
    return None


def _with_page_titles(blocks: tuple[Block, ...], breaks: tuple[int, ...]) -> tuple[Block, ...]:
    """Tables that state no scale take the title block above them on their page (see above)."""
    out = list(blocks)
    titled: dict[int, tuple[Line, ...]] = {}
    for at, block in enumerate(out):
        if block.kind is not BlockKind.TABLE or _states_scale(block.caption) or _states_scale(block.header):
            continue
        top = block.lines[0].number
        for back in range(at - 1, -1, -1):
            previous = out[back]
            last = previous.lines[-1].number if previous.lines else top
            if any(last < page <= top for page in breaks) or top - last > MAX_TITLE_REACH:
                break
            title = titled.get(back)
            if title is None and previous.kind is BlockKind.TABLE:
                if _states_scale(previous.caption) or _states_scale(previous.header):
                    break
                continue
            title = title or _page_title(previous)
            if title is not None:
                if not any(title[-1].number < page <= top for page in breaks):
                    out[at] = replace(block, caption=(*title, *block.caption))
                    titled[at] = title
                break
    return tuple(out)


# The sentence that introduces a table: it ends the paragraph above with a colon ("Combined financial
# information of the unconsolidated affiliated companies in millions of dollars is as follows:").
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-Z(\"])")


def lead_sentence(block: Block) -> Line | None:
    """The last sentence of a prose block when it ends in a colon: a line of its own, numbered where
    it ends."""
    text_lines = [line for line in block.lines if line.text.strip()]
    return _last_sentence(text_lines)


def _last_sentence(text_lines: list[Line]) -> Line | None:
    if not text_lines or not text_lines[-1].text.rstrip().endswith(":"):
        return None
    tail: list[str] = []
    for line in reversed(text_lines[-MAX_LEAD_LINES:]):
        tail.insert(0, line.text.strip())
        if len(_SENTENCE_END.split(" ".join(tail))) > 1:
            break
    sentence = _SENTENCE_END.split(" ".join(tail))[-1]
    if len(sentence.split()) < MIN_LEAD_WORDS:
        return None  # "Current Liabilities:": a heading, not a sentence
    return Line(number=text_lines[-1].number, text=sentence)


MAX_LEAD_LINES = 4
MIN_LEAD_WORDS = 6
# A sentence of the paragraph above that says the table's figures follow in a scale, wherever in the
# paragraph it stands: "Information relating to operations by operating segment in millions of dollars
# follows with related comments included in Management's Discussion and Analysis."
_SCALE_SENTENCE = re.compile(
    r"\bin\s+(?:millions|thousands|billions)\s+of\s+dollars\b[^.]*\bfollows?\b"
    r"|\bfollows?\b[^.]*\bin\s+(?:millions|thousands|billions)\s+of\s+dollars\b",
    re.IGNORECASE,
)
MAX_SCALE_SENTENCE_LINES = 12


def _scale_sentence(block: Block) -> Line | None:
    """The sentence of a paragraph's last lines that states the scale of the figures that follow."""
    text_lines = [line for line in block.lines if line.text.strip()][-MAX_SCALE_SENTENCE_LINES:]
    text = " ".join(line.text.strip() for line in text_lines)
    for sentence in _SENTENCE_END.split(text):
        if _SCALE_SENTENCE.search(sentence):
            return Line(number=text_lines[-1].number, text=sentence)
    return None


def _with_lead_sentences(blocks: list[Block]) -> tuple[Block, ...]:
    """A table printed with no title of its own takes the sentence that introduces it as its caption:
    where that sentence states the scale or whose figures these are, the table says nothing else."""
    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if block.kind is BlockKind.TABLE and previous is not None and previous.kind is BlockKind.PROSE:
            caption = [line for line in block.caption if line.text.strip()]
            if not caption:
                lead = lead_sentence(previous) or _scale_sentence(previous)
                if lead is not None:
                    block = replace(block, caption=(lead,))
            elif caption[0].text.strip()[:1].islower() and caption[0].text.rstrip().endswith(":"):
                # "... in millions of / dollars is as follows:": the paragraph's last line, taken as the
                # table's title, is the end of its sentence.
                text_lines = [line for line in previous.lines if line.text.strip()] + [caption[0]]
                lead = _last_sentence(text_lines)
                if lead is not None:
                    rest = tuple(line for line in block.caption if line is not caption[0])
                    block = replace(block, caption=(lead, *rest))
        out.append(block)
    return tuple(out)
