"""The conversion report (``<stem>.report.json``): what was tagged, skipped, unmapped, in conflict, valid."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

from converter.findings import Finding, SourceRef
from converter.model import Result
from converter.serialize.jsontext import LazyArray, dump, dumps

__all__ = ["Findings", "build_report", "report_bytes", "write_report"]


# A finding quotes its source; a line thousands of characters long (a 200 MB table row) is quoted in part,
# or a report of N findings on one line would hold the line N times.
QUOTE_CHARS = 300


def _clip(text: str, limit: int = QUOTE_CHARS) -> str:
    """``text``, or its first ``limit`` characters and how many more there were."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}... ({len(text) - limit:,} more characters)"


def _where(source: SourceRef) -> dict[str, Any]:
    where: dict[str, Any] = {
        "document": source.document,
        "lines": [source.line_start, source.line_end],
        "text": _clip(source.text),
    }
    if source.cell is not None:
        where["cell"] = _clip(source.cell)
    return where


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "message": _clip(finding.message, 2 * QUOTE_CHARS),
        "locations": [_where(s) for s in finding.sources],
    }


# The report's three lists of findings, by code: each finding's own, and the rest.
_OWN_LISTS = ("mapping.unmapped-label", "source.conflict")


@dataclass(frozen=True, slots=True)
class Findings:
    """A report's list of findings (those of ``code``, or with ``code`` None every other), each made
    into its JSON object as it is written: a filing of 100,000 unknown line items has as many
    findings, and their objects, built all at once, would take more memory than the conversion.
    Iterated as often as it is written; ``len`` counts them."""

    findings: tuple[Finding, ...]
    code: str | None

    def _chosen(self) -> Iterator[Finding]:
        if self.code is not None:
            return (f for f in self.findings if f.code == self.code)
        return (f for f in self.findings if f.code not in _OWN_LISTS)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return map(_finding, self._chosen())

    def __len__(self) -> int:
        return sum(1 for _ in self._chosen())


def build_report(result: Result, validation: Mapping[str, Any] | None, outputs: Sequence[str]) -> dict[str, Any]:
    """The report as a JSON-ready mapping (keys in a fixed order); its lists of findings are
    ``LazyArray``s of ``Findings``, written by ``jsontext`` as lists."""
    findings = result.findings
    return {
        "document": result.document.model_dump(mode="json"),
        "entity": result.entity.model_dump(mode="json"),
        "taxonomy": result.taxonomy.entry_point,
        "outputs": list(outputs),
        "facts": len(result.facts),
        "cells": {
            "total": result.cells.total,
            "tagged": result.cells.tagged,
            "skipped": dict(result.cells.skipped),
            "unaccounted": result.cells.unaccounted,
        },
        "prose_numbers": {
            "total": result.prose_numbers.total,
            "tagged": result.prose_numbers.tagged,
            "skipped": dict(result.prose_numbers.skipped),
            "unaccounted": result.prose_numbers.unaccounted,
        },
        "unmapped_labels": LazyArray(Findings(findings, "mapping.unmapped-label")),
        "conflicts": LazyArray(Findings(findings, "source.conflict")),
        "findings": LazyArray(Findings(findings, None)),
        "validation": dict(validation) if validation is not None else None,
    }


def report_bytes(report: Mapping[str, Any]) -> bytes:
    """The report as UTF-8 JSON, two-space indent, keys in their order, final newline."""
    return (dumps(report) + "\n").encode("utf-8")


def write_report(report: Mapping[str, Any], out: BinaryIO) -> None:
    """``report_bytes(report)`` written to ``out``."""
    dump(report, out)
    out.write(b"\n")
