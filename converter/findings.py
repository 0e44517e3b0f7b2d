"""How every stage reports: findings are data, the caller decides whether to fail."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class Severity(StrEnum):
    """How much a finding matters to the person reading the report."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class SourceRef(BaseModel):
    """Where something came from: a line range of the input and its text as read.

    ``column_start``/``column_end`` are 0-based character offsets of the cell in
    the row's value line, the last line of ``text``, when the source is a single
    printed figure. In a plain filing that is line ``line_end``; in an HTML
    filing ``text`` is the row as laid out in fixed width, ``line_start`` its
    ``<tr>``'s line and ``line_end`` the line of the figure's own cell.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    document: str
    line_start: int
    line_end: int
    text: str
    cell: str | None = None
    column_start: int | None = None
    column_end: int | None = None

    @classmethod
    def compact(
        cls,
        *,
        document: str,
        line_start: int,
        line_end: int,
        text: str,
        cell: str | None = None,
        column_start: int | None = None,
        column_end: int | None = None,
    ) -> SourceRef:
        """A SourceRef, validated as any, whose record of the fields given is one shared by all such.

        Pydantic keeps a set of the field names given for every instance: 700 bytes, more than the
        rest of a SourceRef, and a filing has one per figure. Every field is given here, so one
        frozenset stands for all of them (``model_copy(update=...)`` would add to it, which it refuses).
        """
        source = cls(
            document=document,
            line_start=line_start,
            line_end=line_end,
            text=text,
            cell=cell,
            column_start=column_start,
            column_end=column_end,
        )
        object.__setattr__(source, "__pydantic_fields_set__", _ALL_FIELDS)
        return source

    def replace(self, *, line_end: int) -> SourceRef:
        """This source ending on another line, as a ``compact`` one (``model_copy`` refuses those)."""
        return SourceRef.compact(**{**self.model_dump(), "line_end": line_end})


# The fields every ``compact`` SourceRef was given.
_ALL_FIELDS = frozenset(SourceRef.model_fields)


class Finding(BaseModel):
    """One thing a stage wants the reader to know, with a stable code.

    Codes are dotted and stable (``table.unaccounted-cell``,
    ``mapping.unmapped-label``, ``source.conflict``); messages are for people.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    severity: Severity
    message: str
    sources: tuple[SourceRef, ...] = ()
