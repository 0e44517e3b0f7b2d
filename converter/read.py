"""Bytes or text to a ``Document``: decoded, tabs expanded, lines numbered as in the input."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Document", "Line", "ReadError", "read_document"]

TAB_SIZE = 8
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


class ReadError(ValueError):
    """The input cannot be read as a text filing; the message says why, in one line."""


@dataclass(frozen=True, slots=True)
class Line:
    """One input line: its 1-based number in the original file and its text (tabs expanded)."""

    number: int
    text: str


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded filing: its name (for provenance) and its lines."""

    name: str
    lines: tuple[Line, ...]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding).lstrip("\ufeff")
    if b"\x00" in data[:4096]:
        raise ReadError("binary data (NUL bytes), not a text filing")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # EDGAR text of the period is ASCII or Latin-1; cp1252 is its superset in practice.
        return data.decode("cp1252", errors="strict") if _is_cp1252(data) else data.decode("latin-1")


def _is_cp1252(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def read_document(data: bytes | str, name: str) -> Document:
    """Decode ``data`` and split it into numbered lines with tabs expanded to every 8th column.

    Tabs inside fixed-width tables ("Net sales\\t$ 1,601") must become spaces before
    columns are found, or the columns misalign.
    """
    text = _decode(data) if isinstance(data, bytes) else data
    if not text.strip():
        raise ReadError("empty file: no text to convert")
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if raw_lines and raw_lines[-1] == "":
        raw_lines.pop()
    lines = tuple(Line(number=i, text=raw.expandtabs(TAB_SIZE).rstrip()) for i, raw in enumerate(raw_lines, start=1))
    return Document(name=name, lines=lines)
