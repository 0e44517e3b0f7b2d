"""Bytes or text to a ``Document``: decoded, tabs expanded, lines numbered as in the input.

Decoding never guesses into mojibake: the bytes are read as UTF-8/16/32 (with or without a
byte-order mark), as Japanese Shift-JIS or EUC-JP when they are valid in it and read as
Japanese, or as cp1252 when they read as Latin text; anything else is a ``ReadError``
that says what the bytes look like.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Document", "Line", "ReadError", "decode", "read_document", "single_spaced", "table_marks", "unwrap_line"]

TAB_SIZE = 8
# UTF-32 marks first: the UTF-16LE mark is a prefix of the UTF-32LE one.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# File signatures of formats people mistake for text filings.
_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style Office document"),
    (b"\x7fELF", "an executable"),
)
# Codecs for Japanese filings (IIJ's own releases were written in them), tried in this order.
_JAPANESE_CODECS = ("cp932", "euc_jp")
# Share of the non-ASCII characters that must be Japanese script before a Japanese reading is taken.
JAPANESE_MIN_SHARE = 0.9
# How much of a sample may be control characters before the input counts as binary.
SAMPLE_BYTES = 65536
MAX_CONTROL_SHARE = 0.01
# Share of cp1252 letters sitting in runs of three or more non-ASCII letters that betrays
# a multi-byte encoding read byte by byte ("ÇÑÒµÍø"), checked once there are this many.
MOJIBAKE_RUN_SHARE = 0.5
MOJIBAKE_MIN_LETTERS = 6

# EDGAR's SGML table markup on a line of its own ("<TABLE>", "<CAPTION>", "<S>  <C>  <C>",
# "<PAGE>     12", "</TABLE>"): layout instructions, not text.
# Some filers' conversions wrote the column markers in brackets ("[S]  [C]  [C]").
_MARKUP_LINE = re.compile(
    r"^\s*(?:</?(?:TABLE|CAPTION|FN)>|(?:<[SC]>\s*)+|(?:\[[SC]\]\s*)+|<PAGE>\s*\S{0,12})\s*$", re.IGNORECASE
)
_MARKUP_TAG = re.compile(r"</?(?:TABLE|CAPTION|FN|PAGE|S|C)>", re.IGNORECASE)
# RFC 934 escaping, as EDGAR applied it: a line that began with "-" was sent as "- -...".
_ESCAPED_DASH = re.compile(r"^- (?=-)")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_CONTROL_BYTE = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]{3,}")
_JAPANESE = re.compile(r"[\u3000-\u303f\u3040-\u309f\u30a0-\u30ff\u4e00-\u9fff\uff01-\uff5e]")
_JAPANESE_RUN = re.compile(_JAPANESE.pattern + "{2,}")
# Japanese writing uses kana; Chinese in GBK or Big5, often valid EUC-JP byte for byte, does not.
_KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30fa]")


class ReadError(ValueError):
    """The input cannot be read as a text filing; the message says why, in one line."""


@dataclass(frozen=True, slots=True)
class Line:
    """One input line: its 1-based number in the original file and its text (tabs expanded).

    ``cells`` says where figures on the line came from when that is another source line:
    (start, end, source line) per figure. An HTML table row is laid out on one line, numbered
    by its ``<tr>``, while each figure's text sits on its own line of the file.
    """

    number: int
    text: str
    cells: tuple[tuple[int, int, int], ...] = ()

    def source_line(self, start: int, end: int) -> int:
        """The source line of the text at columns [start, end): its cell's, or the line's own."""
        return next((line for left, right, line in self.cells if left < end and start < right), self.number)


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded filing: its name (for provenance) and its lines.

    ``marks`` holds EDGAR's table markup, blanked out of the lines but kept as layout:
    (index into ``lines``, ``"table"`` | ``"caption"`` | ``"body"`` | ``"end"`` | ``"page"``), where
    ``"body"`` is the ``<S> <C> <C>`` line that ends a table's headings and ``"page"`` a ``<PAGE>`` break.
    """

    name: str
    lines: tuple[Line, ...]
    marks: tuple[tuple[int, str], ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


# Lines joined at a time by ``single_spaced``: a few hundred kilobytes of text.
SPACING_LINES = 4096


def single_spaced(lines: Sequence[Line]) -> str:
    """``" ".join(text.split())`` of the lines' text joined by newlines, without the list of every word
    of the filing that builds (64 bytes a word: eight times the text): a run of lines at a time."""
    runs = (
        " ".join("\n".join(line.text for line in lines[at : at + SPACING_LINES]).split())
        for at in range(0, len(lines), SPACING_LINES)
    )
    return " ".join([run for run in runs if run])


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _utf16_without_bom(sample: bytes) -> str | None:
    """``"utf-16-le"`` when NULs fill the odd bytes and not the even ones (ASCII as UTF-16LE), and so on."""
    sample = sample[: len(sample) - len(sample) % 2]
    if not sample:
        return None
    half = len(sample) // 2
    even, odd = sample[0::2].count(0) / half, sample[1::2].count(0) / half
    if odd > 0.5 and even < 0.05:
        return "utf-16-le"
    if even > 0.5 and odd < 0.05:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str, what: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise ReadError(f"{what}, but not valid {encoding} at byte {err.start}") from None


def _japanese(data: bytes) -> str | None:
    """The text in the first Japanese codec that decodes it strictly and reads as Japanese.

    Reads as Japanese: nearly all its non-ASCII characters are Japanese script, some in
    runs, some of them kana.
    """
    for codec in _JAPANESE_CODECS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        non_ascii = len(_NON_ASCII.findall(text))
        japanese = len(_JAPANESE.findall(text))
        looks_japanese = _JAPANESE_RUN.search(text) and _KANA.search(text)
        if non_ascii and japanese / non_ascii >= JAPANESE_MIN_SHARE and looks_japanese:
            return text
    return None


def _mostly_utf8(data: bytes) -> bool:
    """More non-ASCII characters decode as UTF-8 than fail to: UTF-8 with stray bytes in it."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    return len(_NON_ASCII.findall(text)) - bad > bad


def _looks_like_mojibake(text: str) -> bool:
    """Letters of a multi-byte script read one byte at a time come in runs; Latin accents do not."""
    letters = sum(1 for ch in _NON_ASCII.findall(text) if unicodedata.category(ch).startswith("L"))
    if letters < MOJIBAKE_MIN_LETTERS:
        return False
    in_runs = sum(
        sum(1 for ch in run.group() if unicodedata.category(ch).startswith("L"))
        for run in _NON_ASCII_RUN.finditer(text)
    )
    return in_runs / letters >= MOJIBAKE_RUN_SHARE


def _decode(data: bytes) -> str:
    """Decode a filing's bytes, or say in one line why they are not a text filing.

    A UTF-8 file with one stray Latin-1 byte is refused rather than read as cp1252, where
    every other accented letter would turn into two ("Ã©").
    """
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise ReadError(f"{what}, not a text filing")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, f"{encoding.upper()} byte-order mark").lstrip("\ufeff")
    sample = data[:SAMPLE_BYTES]
    if b"\x00" in sample:
        wide = _utf16_without_bom(sample)
        if wide is None:
            raise ReadError("binary data (NUL bytes), not a text filing")
        return _strict(data, wide, f"looks like {wide.upper()} (NUL bytes between ASCII letters)")
    controls = len(_CONTROL_BYTE.findall(sample))
    if controls > MAX_CONTROL_SHARE * len(sample):
        raise ReadError(f"binary data ({controls} control bytes in the first {len(sample)}), not a text filing")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        bad = err
    japanese = _japanese(data)
    if japanese is not None:
        return japanese
    line = _line_of(data, bad.start)
    if _mostly_utf8(data):
        raise ReadError(
            f"mixed encodings: mostly UTF-8, but byte 0x{data[bad.start]:02X} on line {line} is not; "
            "re-save the file as UTF-8"
        )
    try:
        # EDGAR text of the period is ASCII or Latin-1; cp1252 is its superset in practice.
        text = data.decode("cp1252")
    except UnicodeDecodeError as err:
        raise ReadError(
            f"unknown encoding: byte 0x{data[err.start]:02X} on line {_line_of(data, err.start)} is not "
            "UTF-8, UTF-16, Shift-JIS, EUC-JP or cp1252"
        ) from None
    if _looks_like_mojibake(text):
        raise ReadError(
            f"unknown encoding: not UTF-8 (line {line}), and its non-ASCII bytes do not read as Japanese "
            "(Shift-JIS, EUC-JP) or Latin (cp1252) text"
        )
    return text


def _check_text(text: str) -> None:
    """Refuse what decodes but is not text: NUL or too many other control characters."""
    sample = text[:SAMPLE_BYTES]
    controls = len(_CONTROL.findall(sample))
    if "\x00" in sample or controls > MAX_CONTROL_SHARE * len(sample):
        raise ReadError(f"binary data ({controls} control characters in the first {len(sample)}), not a text filing")


def decode(data: bytes) -> str:
    """The text of ``data`` (see the module's note on decoding); ReadError if it is not text."""
    text = _decode(data)
    _check_text(text)
    return text


def read_document(data: bytes | str, name: str, first_line: int = 1) -> Document:
    """Decode ``data`` and split it into numbered lines with tabs expanded to every 8th column.

    Tabs inside fixed-width tables ("Net sales\\t$ 1,601") must become spaces before
    columns are found, or the columns misalign. ``first_line`` numbers the first line: a document
    inside an EDGAR submission keeps the submission's line numbers.
    """
    text = _decode(data) if isinstance(data, bytes) else data
    if not text.strip():
        raise ReadError("empty file: no text to convert")
    _check_text(text)
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if raw_lines and raw_lines[-1] == "":
        raw_lines.pop()
    texts = [unwrap_line(raw) for raw in raw_lines]
    _blank_page_numbers(raw_lines, texts)
    lines = tuple(Line(number=i, text=t) for i, t in enumerate(texts, start=first_line))
    return Document(name=name, lines=lines, marks=table_marks(raw_lines))


_PAGE_LINE = re.compile(r"^\s*<PAGE>", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^\s*-?\s*(?:\d{1,3}|[ivxlc]{1,6}|[A-Z]-\d{1,3})\s*-?\s*$", re.IGNORECASE)


def _blank_page_numbers(raw_lines: list[str], texts: list[str]) -> None:
    """The page number printed just before a ``<PAGE>`` break ("      6") is a footer, not a figure."""
    for index, raw in enumerate(raw_lines):
        if not _PAGE_LINE.match(raw):
            continue
        before = index - 1
        while before >= 0 and not texts[before].strip():
            before -= 1
        if before >= 0 and _PAGE_NUMBER.match(texts[before]):
            texts[before] = ""


def table_marks(raw_lines: list[str]) -> tuple[tuple[int, str], ...]:
    """Where EDGAR's ``<TABLE>``, ``<CAPTION>``, ``<S>`` and ``</TABLE>`` lines are (see ``Document.marks``)."""
    marks: list[tuple[int, str]] = []
    for index, raw in enumerate(raw_lines):
        if "<" not in raw or not _MARKUP_LINE.match(raw):
            continue
        tag = raw.strip()[:8].upper()
        kind = (
            "table"
            if tag.startswith("<TABLE>")
            else "caption"
            if tag.startswith("<CAPTION")
            else "end"
            if tag.startswith("</TABLE")
            else "body"
            if tag.startswith(("<S>", "<C>"))
            else "page"
            if tag.startswith("<PAGE>")
            else None
        )
        if kind is not None:
            marks.append((index, kind))
    return tuple(marks)


def unwrap_line(raw: str) -> str:
    """One input line as printed: EDGAR markup blanked, its dash escape undone, tabs expanded.

    ``"<S>                     <C>        <C>"`` and ``"<PAGE>     12"`` become blank lines;
    ``"- - As Reported      $ 204"`` is ``"- As Reported      $ 204"``, its figures back in their
    columns (the escape shifted the whole line two places right); a tag inside a line becomes
    spaces of its width, so the columns after it stay where they were.
    """
    if _MARKUP_LINE.match(raw):
        return ""
    text = _ESCAPED_DASH.sub("", raw)
    if "<" in text:
        text = _MARKUP_TAG.sub(lambda m: " " * len(m.group()), text)
    return text.expandtabs(TAB_SIZE).rstrip()
