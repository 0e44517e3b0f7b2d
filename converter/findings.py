"""How every stage reports: findings are data, the caller decides whether to fail."""

from __future__ import annotations

import dataclasses
from enum import StrEnum
from typing import Any

from pydantic import ConfigDict
from pydantic.dataclasses import dataclass


class Severity(StrEnum):
    """How much a finding matters to the person reading the report."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True, kw_only=True, config=ConfigDict(extra="forbid"))
class SourceRef:
    """Where something came from: a line range of the input and its text as read.

    ``column_start``/``column_end`` are 0-based character offsets of the cell in
    the row's value line, the last line of ``text``, when the source is a single
    printed figure. In a plain filing that is line ``line_end``; in an HTML
    filing ``text`` is the row as laid out in fixed width, ``line_start`` its
    ``<tr>``'s line and ``line_end`` the line of the figure's own cell.

    A pydantic dataclass with slots, validated as a model is: a filing has one per printed
    figure, and a model's per-instance ``__dict__`` and record of the fields given would make
    each four times its size (88 bytes here, 352 as a model).
    """

    document: str
    line_start: int
    line_end: int
    text: str
    cell: str | None = None
    column_start: int | None = None
    column_end: int | None = None

    def replace(self, **changes: Any) -> SourceRef:
        """This source with some fields changed (``line_end=...``), validated again."""
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True, slots=True, kw_only=True, config=ConfigDict(extra="forbid"))
class Finding:
    """One thing a stage wants the reader to know, with a stable code.

    Codes are dotted and stable (``table.unaccounted-cell``,
    ``mapping.unmapped-label``, ``source.conflict``); messages are for people.
    Slotted, as ``SourceRef`` is: a filing of many line items has findings by the thousand.
    """

    code: str
    severity: Severity
    message: str
    sources: tuple[SourceRef, ...] = ()

    def replace(self, **changes: Any) -> Finding:
        """This finding with some fields changed (``sources=...``), validated again."""
        return dataclasses.replace(self, **changes)
