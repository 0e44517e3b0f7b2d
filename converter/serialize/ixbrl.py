"""Result + the Document it was converted from -> Inline XBRL 1.1 (XHTML): the filing as read, its figures tagged.

What it writes, for line 621 ``Operating loss ...  (1,059,574)``::

    <span class="ln" id="L621">Operating loss ...  <span class="fig tagged of-f-930500a21914"
      title="Operating income (loss)&#10;Concept: lx:OperatingIncomeLoss&#10;...">(<ix:nonFraction
      name="lx:OperatingIncomeLoss" contextRef="D20030401-20030630" unitRef="JPY" decimals="-3" scale="3"
      format="ixt:num-dot-decimal" sign="-" id="f-930500a21914">1,059,574</ix:nonFraction>)</span></span>

The text is the Document the pipeline read (``pipeline.read_input``): a plain filing's lines
with tabs expanded, line ends normalised and trailing blanks dropped; a document of an EDGAR
submission, its own lines only; an HTML filing, its fixed-width rendering. Each line is numbered
(``id="L621"``, and in the margin) by its line in the input file, so a source's line range finds
it, and its ``column_start``/``column_end`` point into it. A rendered HTML table row is numbered
by its ``<tr>``, and a figure's source by its own cell (``Line.cells``), which finds it too.
Only the digits are inside ``ix:nonFraction`` (``ixt:num-dot-decimal`` of
Transformation Registry 4 reads ``1,059,574`` and ``.62``; a dash or "Break-even" standing for
a zero fact is ``ixt:fixed-zero``);
parentheses and currency signs stay outside, and ``sign="-"`` says the fact is negative, so a
printed ``(933,646)`` that the mapping rules read as a payment of +933,646,000 carries no sign.
``scale`` makes the printed number times 10^scale the value.

Every place a fact was printed is tagged: the most precise copy with the fact's own
``decimals``, the others (``1,060`` in a table in millions) with their own scale and decimals;
each copy agrees with the fact within its own rounding, so the duplicates are consistent. A copy
that does not (it cannot, after ``mapping.merge_facts``) is left untagged and flagged; a fact
whose most precise copy cannot be placed also goes into ``ix:hidden`` at its own precision.
Contexts, units and fact ids are those of ``serialize.xbrl``. Untagged figures the Result knows
of (derived percentages, conflicting copies, figures no rule maps) are marked apart. A small
inline script shows a figure's details (read from its ``title``, which also works without the
script) on hover or click; nothing is fetched. The markup keeps to XHTML 1.1, which Arelle checks
the page against: no ``data-*`` attributes.
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from typing import BinaryIO

from lxml import etree

from converter.model import Fact, Period, Result, Scale, SourceRef, Unit
from converter.read import Document
from converter.serialize.xbrl import LINK, XBRLDI, XBRLI, XLINK, to_xbrl

__all__ = ["IX", "IXT", "XHTML", "to_ixbrl", "write_ixbrl"]

XHTML = "http://www.w3.org/1999/xhtml"
IX = "http://www.xbrl.org/2013/inlineXBRL"
IXT = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"  # TRR 4, which Arelle knows offline
ISO4217 = "http://www.xbrl.org/2003/iso4217"

NUMBER_FORMAT = "ixt:num-dot-decimal"
DASH_FORMAT = "ixt:fixed-zero"

# The number inside a printed cell: "1,059,574" in "(1,059,574)", "5.64" in "$(5.64)", ".62".
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
# Characters XML 1.0 forbids; a form feed (an EDGAR page break) becomes its control picture.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SCALES = tuple(int(s) for s in Scale)

_SKIP_REASONS = {
    "derived-percentage": "a percentage derived from other figures",
    "source-conflict": "a copy that disagrees with the primary statement",
}
_FINDING_CLASSES = {"source.conflict": "skipped"}  # any other finding with a source is "flagged"


@dataclass(frozen=True, slots=True)
class _Mark:
    """One figure to mark: where it is in the text, how it looks, and its ``ix:nonFraction`` if tagged.

    ``line`` is the index of the shown line; ``fact`` the index of a tagged copy's fact, and
    ``precise`` whether the copy states the fact at its own precision (the copy that may stand for it).
    """

    line: int
    start: int
    end: int
    kind: str  # "tagged", "skipped" or "flagged"
    title: str
    group: str | None = None  # the fact id its copies share
    ix: dict[str, str] | None = None
    digits: tuple[int, int] | None = None  # the tagged span inside the cell, relative to ``start``
    fact: int | None = None
    precise: bool = False


@dataclass(frozen=True, slots=True)
class _Text:
    """The Document's lines as shown (XML-safe), and for each source line the shown lines that hold it.

    A plain filing's line holds itself; an HTML rendering shows some source lines on several lines
    (a wrapped paragraph, a table row's label and figures), and a row's line also holds the lines
    of its figures' cells (``Line.cells``).
    """

    numbers: tuple[int, ...]
    lines: tuple[str, ...]
    holding: Mapping[int, tuple[int, ...]]

    @classmethod
    def of(cls, document: Document) -> _Text:
        holding: dict[int, list[int]] = {}
        for index, line in enumerate(document.lines):
            for number in dict.fromkeys((line.number, *(cell[2] for cell in line.cells))):
                holding.setdefault(number, []).append(index)
        return cls(
            tuple(line.number for line in document.lines),
            tuple(_xml_safe(line.text) for line in document.lines),
            {number: tuple(indexes) for number, indexes in holding.items()},
        )


def _xml_safe(text: str) -> str:
    """One character for one: columns stay where the pipeline counted them."""
    return _NOT_XML.sub(lambda m: chr(0x2400 + ord(m.group())) if m.group() < " " else "\ufffd", text)


def _grouped(value: Decimal) -> str:
    """``Decimal("-1059574000")`` -> ``"-1,059,574,000"``; fractions kept as given."""
    sign = "-" if value < 0 else ""
    whole, _, fraction = format(abs(value), "f").partition(".")
    return f"{sign}{int(whole):,}" + (f".{fraction}" if fraction else "")


def _period_text(period: Period) -> str:
    return f"at {period.end.isoformat()}" if period.start is None else f"{period.start} to {period.end}"


def _unit_text(unit: Unit) -> str:
    """``JPY per shares``: measures without prefixes."""
    names = [" ".join(m.split(":", 1)[1] for m in part) for part in (unit.numerators, unit.denominators)]
    return names[0] + (f" per {names[1]}" if names[1] else "")


def _locate(source: SourceRef, text: _Text) -> tuple[int, int, int] | None:
    """(shown line, start, end) of the printed cell, on a line that holds ``line_end``.

    A cell with columns is on the line its source quotes last (the row's value line); a figure
    without (in prose) is found by its text, on the first such line that has it.
    """
    if source.cell is None:
        return None
    cell = _xml_safe(source.cell.strip())
    columns = source.column_start is not None and source.column_end is not None
    value_line = _xml_safe(source.text.rpartition("\n")[2])
    for index in text.holding.get(source.line_end, ()):
        line = text.lines[index]
        if columns:
            start, end = source.column_start or 0, source.column_end or 0
            if line != value_line or line[start:end].strip() != cell:
                continue
            offset = line[start:end].index(cell) if cell else 0
            return index, start + offset, start + offset + len(cell)
        found = line.find(cell) if cell else -1
        if found >= 0:
            return index, found, found + len(cell)
    return None


@dataclass(frozen=True, slots=True)
class _Copy:
    """How one printed copy reproduces its fact: digits, scale, decimals and the value so read."""

    digits: tuple[int, int]
    scale: int
    decimals: int | None
    value: Decimal
    dash: bool


def _read_copy(cell: str, fact: Fact, primary: bool, preferred: int | None) -> _Copy | None:
    """The first number in ``cell`` that reads as this fact (``119.85`` in ``$1=JPY119.85``, not the 1), or None."""
    numbers: list[re.Match[str] | None] = [*_DIGITS.finditer(cell)] or [None]
    return next((read for n in numbers if (read := _read_number(cell, n, fact, primary, preferred))), None)


def _read_number(
    cell: str, number: re.Match[str] | None, fact: Fact, primary: bool, preferred: int | None
) -> _Copy | None:
    """The scale and decimals that make ``number`` (None: the cell has no digits) this fact, or None.

    The most precise copy has the fact's own decimals, which fix its scale; another copy takes
    the first scale (the primary's first, then 0, 3, 6, 9) under which it agrees with the fact
    within half a unit of its last printed digit: a consistent duplicate.
    """
    if number is None:
        # A dash, or words ("Break-even", "nil"), standing for a zero fact: ixt:fixed-zero reads any text.
        if fact.value != 0 or not cell.strip():
            return None
        shown, fraction_digits, where = Decimal(0), 0, (0, len(cell))
    else:
        text = number.group().replace(",", "")
        shown, where = Decimal(text), number.span()
        fraction_digits = len(text.partition(".")[2])
    target = abs(fact.value)
    if primary:
        if fact.decimals is None:
            candidates = [s for s in (preferred or 0, *_SCALES) if shown.scaleb(s) == target]
            return _Copy(where, candidates[0], None, fact.value, number is None) if candidates else None
        scale = fraction_digits - fact.decimals
        if shown.scaleb(scale) != target:
            return None
        return _Copy(where, scale, fact.decimals, fact.value, number is None)
    for scale in dict.fromkeys((preferred if preferred is not None else 0, *_SCALES)):
        read = shown.scaleb(scale)
        decimals = fraction_digits - scale
        if fact.decimals is None and read != target:
            continue
        if abs(read - target) <= Decimal(5).scaleb(-decimals - 1):
            return _Copy(where, scale, decimals, -read if fact.value < 0 else read, number is None)
    return None


def _fact_title(label: str, concept: str, fact: Fact, read: _Copy, fid: str, copies: int, cell: str) -> str:
    """What hovering shows, one ``Key: value`` per line after the concept's label."""
    decimals = "INF" if read.decimals is None else read.decimals
    lines = [
        label,
        f"Concept: {concept}",
        f"Period: {_period_text(fact.period)}",
        f"Unit: {_unit_text(fact.unit)}",
        f"Value: {_grouped(read.value)}",
        f"Printed: {cell} (scale 10^{read.scale}, decimals {decimals})",
        f"Fact: {fid}" + (f", printed {copies} times" if copies > 1 else ""),
    ]
    if read.value != fact.value:
        lines.append(f"Most precise copy: {_grouped(fact.value)}")
    return "\n".join(lines)


def _fact_marks(result: Result, refs: list[tuple[str, str, str]], text: _Text) -> list[_Mark]:
    """Marks for every placed copy of every fact."""
    labels = {c.name: c.label for c in result.concepts}
    marks: list[_Mark] = []
    for index, (fact, (fid, context, unit)) in enumerate(zip(result.facts, refs, strict=True)):
        concept = result.taxonomy.qname(fact.concept)
        copies: list[tuple[tuple[int, int, int], str, _Copy]] = []
        for number, source in enumerate(fact.sources):
            where = _locate(source, text)
            if where is None:
                continue
            line, start, end = where
            cell = text.lines[line][start:end]
            read = _read_copy(cell, fact, number == 0, copies[0][2].scale if copies else None)
            if read is None:
                marks.append(_Mark(*where, "flagged", f"Not tagged: does not reproduce {concept} {fact.value}"))
            else:
                copies.append((where, cell, read))
        # The fact at its own precision must be in the page: hidden when its most precise copy is not shown.
        hide = not copies or copies[0][2].decimals != fact.decimals or copies[0][2].value != fact.value
        for number, (where, cell, read) in enumerate(copies, start=1 if hide else 0):
            ix = {
                "name": concept,
                "contextRef": context,
                "unitRef": unit,
                "decimals": "INF" if read.decimals is None else str(read.decimals),
                "scale": str(read.scale),
                "format": DASH_FORMAT if read.dash else NUMBER_FORMAT,
            }
            if fact.value < 0:
                ix["sign"] = "-"
            ix["id"] = fid if number == 0 else f"{fid}_{number + 1}"
            title = _fact_title(labels.get(fact.concept, fact.concept), concept, fact, read, fid, len(copies), cell)
            marks.append(_Mark(*where, "tagged", title, fid, ix, read.digits, index, number == 0))
    return marks


def _other_marks(result: Result, text: _Text) -> Iterator[_Mark]:
    """Skipped cells (with their reason), then every figure a finding points at."""
    for reason, source in result.skipped:
        where = _locate(source, text)
        if where is not None:
            yield _Mark(*where, "skipped", f"Not tagged: {_SKIP_REASONS.get(reason, reason)}")
    for finding in result.findings:
        for source in finding.sources:
            where = _locate(source, text)
            if where is not None:
                kind = _FINDING_CLASSES.get(finding.code, "flagged")
                yield _Mark(*where, kind, f"Not tagged ({finding.code}): {finding.message}")


def _placed(marks: Iterable[_Mark]) -> dict[int, list[_Mark]]:
    """Per line, non-overlapping marks in column order; the first claim on a figure wins."""
    by_line: dict[int, list[_Mark]] = {}
    for mark in marks:
        row = by_line.setdefault(mark.line, [])
        if all(mark.end <= m.start or mark.start >= m.end for m in row):
            row.append(mark)
    return {line: sorted(row, key=lambda m: m.start) for line, row in by_line.items()}


def _q(ns: str, local: str) -> str:
    return f"{{{ns}}}{local}"


def _append_text(parent: etree._Element, text: str) -> None:
    """Text after the last child (its tail) or inside ``parent`` when it has none."""
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _line(pre: etree._Element, attributes: dict[str, str], text: str, marks: list[_Mark]) -> None:
    span = etree.SubElement(pre, _q(XHTML, "span"), attributes)
    span.text = ""
    position = 0
    for mark in marks:
        _append_text(span, text[position : mark.start])
        classes = f"fig {mark.kind}" + (f" of-{mark.group}" if mark.group else "")
        fig = etree.SubElement(span, _q(XHTML, "span"), {"class": classes, "title": mark.title})
        cell = text[mark.start : mark.end]
        if mark.ix is None or mark.digits is None:
            fig.text = cell
        else:
            first, last = mark.digits
            fig.text = cell[:first]
            item = etree.SubElement(fig, _q(IX, "nonFraction"), mark.ix)
            item.text = cell[first:last]
            item.tail = cell[last:]
        position = mark.end
    _append_text(span, text[position:])
    span.tail = "\n"


def _instance_parts(result: Result) -> tuple[list[etree._Element], list[tuple[str, str, str]]]:
    """Contexts and units of the XML instance, and each fact's (id, contextRef, unitRef) in fact order."""
    # Our own bytes, but parsed as everything is: no entities expanded, nothing fetched.
    root = etree.fromstring(to_xbrl(result), etree.XMLParser(resolve_entities=False, no_network=True))
    resources_ = [el for el in root if el.tag in (_q(XBRLI, "context"), _q(XBRLI, "unit"))]
    spaces = tuple(f"{{{ns}}}" for ns in result.taxonomy.namespaces.values())
    facts = [el for el in root if isinstance(el.tag, str) and el.tag.startswith(spaces)]
    refs = [(el.get("id", ""), el.get("contextRef", ""), el.get("unitRef", "")) for el in facts]
    return resources_, refs


def _header(
    body: etree._Element, result: Result, resources_: list[etree._Element], hidden: list[etree._Element]
) -> None:
    box = etree.SubElement(body, _q(XHTML, "div"), {"style": "display:none"})
    header = etree.SubElement(box, _q(IX, "header"))
    if hidden:
        ix_hidden = etree.SubElement(header, _q(IX, "hidden"))
        ix_hidden.extend(hidden)
    references = etree.SubElement(header, _q(IX, "references"))
    etree.SubElement(
        references,
        _q(LINK, "schemaRef"),
        {_q(XLINK, "type"): "simple", _q(XLINK, "href"): result.taxonomy.schema_ref},
    )
    res = etree.SubElement(header, _q(IX, "resources"))
    res.extend(copy.deepcopy(el) for el in resources_)


def _hidden_fact(fact: Fact, concept: str, ref: tuple[str, str, str]) -> etree._Element:
    """A fact with no placeable copy: ``<ix:nonFraction ...>8344046000</ix:nonFraction>`` in ``ix:hidden``."""
    fid, context, unit = ref
    attrs = {
        "name": concept,
        "contextRef": context,
        "unitRef": unit,
        "decimals": "INF" if fact.decimals is None else str(fact.decimals),
    }
    if fact.value < 0:
        attrs["sign"] = "-"
    attrs["id"] = fid
    item = etree.Element(_q(IX, "nonFraction"), attrs)
    item.text = format(abs(fact.value), "f")
    return item


def _legend(body: etree._Element, result: Result, marks: dict[int, list[_Mark]], hidden: int) -> None:
    counts = {"tagged": 0, "skipped": 0, "flagged": 0}
    for row in marks.values():
        for mark in row:
            counts[mark.kind] += 1
    bar = etree.SubElement(body, _q(XHTML, "div"), {"class": "bar"})
    heading = etree.SubElement(bar, _q(XHTML, "h1"))
    doc = result.document
    heading.text = _xml_safe(" \u2014 ".join(x for x in (doc.name, doc.form, doc.title) if x))
    para = etree.SubElement(bar, _q(XHTML, "p"))
    para.text = f"{len(result.facts)} facts. "
    for kind, words in (
        ("tagged", "tagged figures"),
        ("skipped", "skipped on purpose"),
        ("flagged", "flagged: not tagged, hover for why"),
    ):
        key = etree.SubElement(para, _q(XHTML, "span"), {"class": f"key {kind}"})
        key.text = f"{counts[kind]} {words}"
        key.tail = " "
    if hidden:
        note = etree.SubElement(para, _q(XHTML, "span"))
        note.text = f"{hidden} facts could not be placed in the text and are hidden. "
    tip = etree.SubElement(para, _q(XHTML, "span"), {"class": "tip"})
    tip.text = "Hover over or click a figure for its details; click elsewhere to let go."
    panel = etree.SubElement(body, _q(XHTML, "div"), {"id": "details", "class": "details"})
    panel.text = "No figure selected."


def _asset(name: str) -> str:
    text = resources.files("converter.serialize").joinpath(name).read_text(encoding="utf-8")
    if "]]>" in text or "</" in text:
        raise ValueError(f"{name} may not contain ']]>' or '</': it is written raw into the page")
    return text


def _line_attributes(numbers: tuple[int, ...]) -> Iterator[dict[str, str]]:
    """Each shown line's attributes: its ``id`` and, out of sequence, the step the margin counts.

    ``id="L621"`` goes to the first line showing source line 621. A line whose number does not
    follow the one above (the first line of a submission's document, an HTML rendering's lines)
    steps the margin's counter by the difference, zero or less included.
    """
    seen: set[int] = set()
    previous = 0
    for number in numbers:
        attributes = {"class": "ln"}
        if number not in seen:
            seen.add(number)
            attributes["id"] = f"L{number}"
        if number != previous + 1:
            attributes["style"] = f"counter-increment: ln {number - previous}"
        previous = number
        yield attributes


def to_ixbrl(result: Result, document: Document) -> bytes:
    """``write_ixbrl`` into bytes."""
    out = io.BytesIO()
    write_ixbrl(result, document, out)
    return out.getvalue()


def write_ixbrl(result: Result, document: Document, out: BinaryIO) -> None:
    """Write ``document``, the Document ``result`` was converted from, to ``out`` as Inline XBRL 1.1 in XHTML.

    The page is built as one tree (a figure's markup depends on the whole Result), but written in
    pieces, with no copy of the page made to put the style and script in.
    """
    page = etree.tostring(_page(result, document), encoding="UTF-8", xml_declaration=False)
    # Raw CSS and script, readable by both an XML parser (CDATA) and an HTML one (the markers are comments).
    style = page.index(b"@@STYLE@@")
    script = page.rindex(b"@@SCRIPT@@")  # the last: the filing's text comes before the script
    view = memoryview(page)
    out.write(b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n')
    out.write(view[:style])
    out.write(f"/*<![CDATA[*/\n{_asset('ixbrl.css')}/*]]>*/".encode())
    out.write(view[style + len(b"@@STYLE@@") : script])
    out.write(f"//<![CDATA[\n{_asset('ixbrl.js')}//]]>\n".encode())
    out.write(view[script + len(b"@@SCRIPT@@") :])
    out.write(b"\n")


def _page(result: Result, document: Document) -> etree._Element:
    """The page's tree, with ``@@STYLE@@`` and ``@@SCRIPT@@`` where the style and script go."""
    if document.name != result.document.name or (
        result.document.line_count and result.document.line_count != len(document.lines)
    ):
        raise ValueError(
            f"{document.name} has {len(document.lines)} lines but {result.document.name} had "
            f"{result.document.line_count}: not the document the result was converted from"
        )
    text = _Text.of(document)
    resources_, refs = _instance_parts(result)
    placed = _placed([*_fact_marks(result, refs, text), *_other_marks(result, text)])
    # A fact whose copy at its own precision is not on the page (none placeable, or its cell claimed
    # first by another fact) is stated in ix:hidden.
    shown = {mark.fact for row in placed.values() for mark in row if mark.precise}
    unplaced = [index for index in range(len(result.facts)) if index not in shown]

    tax = result.taxonomy
    nsmap = {None: XHTML, "ix": IX, "ixt": IXT, "xbrli": XBRLI, "link": LINK, "xlink": XLINK, "iso4217": ISO4217}
    if any(f.dimensions for f in result.facts):
        nsmap["xbrldi"] = XBRLDI
    nsmap.update(tax.namespaces)
    html = etree.Element(_q(XHTML, "html"), nsmap=nsmap)  # type: ignore[arg-type]
    html.set("{http://www.w3.org/XML/1998/namespace}lang", "en")
    head = etree.SubElement(html, _q(XHTML, "head"))
    etree.SubElement(head, _q(XHTML, "meta"), {"http-equiv": "Content-Type", "content": "text/html; charset=UTF-8"})
    etree.SubElement(head, _q(XHTML, "title")).text = _xml_safe(f"{result.document.name}: Inline XBRL")
    etree.SubElement(head, _q(XHTML, "style"), {"type": "text/css"}).text = "@@STYLE@@"
    body = etree.SubElement(html, _q(XHTML, "body"))
    hidden = [_hidden_fact(result.facts[i], tax.qname(result.facts[i].concept), refs[i]) for i in unplaced]
    _header(body, result, resources_, hidden)
    _legend(body, result, placed, len(hidden))
    pre = etree.SubElement(body, _q(XHTML, "pre"), {"id": "filing"})
    pre.text = ""
    for index, attributes in enumerate(_line_attributes(text.numbers)):
        _line(pre, attributes, text.lines[index], placed.get(index, []))
    etree.SubElement(body, _q(XHTML, "script"), {"type": "text/javascript"}).text = "@@SCRIPT@@"
    return html
