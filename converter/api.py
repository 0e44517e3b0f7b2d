"""The Python API: convert a filing, read its facts as rows or a pandas DataFrame, write any output format.

    import converter
    conversion = converter.convert_file("samples/iij-2002-08-1q02-results-slides.txt")
    rows = conversion.facts_rows()           # one dict per fact: concept, period, unit, value (Decimal), source
    frame = conversion.to_dataframe()        # the same rows as a DataFrame (pip install 'legacy-xbrl[pandas]')
    conversion.write("out/slides.xbrl")      # or .json, .jsonld, .html (Inline XBRL), .xsd, .report.json

A thin layer over what the command line runs: ``pipeline.convert_document`` for the conversion, the
writers of ``serialize/`` for the outputs, the sidecar metadata and EDGAR submission handling of
``cli``. Nothing here reads or maps figures itself.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, BinaryIO
from urllib.parse import unquote

from converter.cli import (
    _FYE,
    FORMATS,
    SOURCE_FORMATS,
    DocumentError,
    _options,
    _output_names,
    _parts,
    _write_atomically,
)
from converter.findings import Finding
from converter.mapping import MappingTable, load_mapping_table
from converter.model import Fact, Result
from converter.package import localised, write_local_taxonomy
from converter.pipeline import Options, convert_document, read_input
from converter.read import Document, ReadError
from converter.report import build_report, write_report
from converter.serialize.extension import write_extension_schema
from converter.taxonomy import Taxonomy, load_taxonomy

if TYPE_CHECKING:
    import pandas

__all__ = [
    "FACT_COLUMNS",
    "OUTPUT_FORMATS",
    "Conversion",
    "ConversionError",
    "convert_documents",
    "convert_file",
    "convert_text",
]

# The columns of ``Conversion.facts_rows()`` and ``to_dataframe()``, in order.
FACT_COLUMNS = (
    "entity",
    "entity_name",
    "document",
    "concept",
    "label",
    "us_gaap",
    "period_start",
    "period_end",
    "instant",
    "unit",
    "value",
    "decimals",
    "dimensions",
    "source_line",
    "source_line_end",
    "source_text",
)

# What ``Conversion.write`` can write, by format name, and the file name suffix that picks it.
OUTPUT_FORMATS = MappingProxyType(
    {
        **{name: suffix for name, (suffix, _) in FORMATS.items()},
        **{name: suffix for name, (suffix, _) in SOURCE_FORMATS.items()},
        "xsd": ".xsd",
        "report": ".report.json",
    }
)
_BY_SUFFIX = {suffix: name for name, suffix in OUTPUT_FORMATS.items()} | {".htm": "ixbrl"}
# Formats that point at the taxonomy (and at the extension schema, when there is one).
_POINTING = frozenset({"xbrl", "json", "ixbrl", "xsd"})


class ConversionError(ValueError):
    """The input cannot be converted (unreadable, empty, binary, no financial document): one line, naming it."""


@dataclass(frozen=True, slots=True)
class Conversion:
    """One converted document: the ``Result`` (facts, findings, cell accounting), the ``Document`` it was
    read from (the Inline XBRL page shows it) and the ``Taxonomy`` it was mapped onto. ``skipped_documents``
    says, for a document of an EDGAR submission, which of the submission's documents were not converted
    and why (``"GRAPHIC: not converted (...)"``)."""

    result: Result
    document: Document
    taxonomy: Taxonomy
    stem: str
    skipped_documents: tuple[str, ...] = ()
    # The EDGAR header of the submission it came from (accession number, form, dates), as the report gives it.
    submission: tuple[tuple[str, str], ...] = ()

    @property
    def facts(self) -> tuple[Fact, ...]:
        return self.result.facts

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.result.findings

    def facts_rows(self) -> list[dict[str, object]]:
        """One plain dict per fact, keys in ``FACT_COLUMNS`` order, values as the instance states them.

        ``value`` is a ``Decimal`` (money is never a float); ``decimals`` None means exact (INF). A
        duration has ``period_start`` and ``period_end``, an instant only ``instant`` (``datetime.date``).
        ``concept`` and ``dimensions`` (axis → member) are prefixed names (``lx:Revenues``); ``unit`` is
        the unit's id (``USD``, ``JPY-per-shares``); ``source_*`` cite the input's first line that
        printed the figure.
        """
        result = self.result
        labels = {info.name: info for info in result.concepts}
        tax = result.taxonomy
        rows: list[dict[str, object]] = []
        for fact in result.facts:
            info = labels.get(fact.concept)
            source = fact.sources[0] if fact.sources else None
            period = fact.period
            rows.append(
                {
                    "entity": result.entity.identifier,
                    "entity_name": result.entity.name,
                    "document": result.document.name,
                    "concept": tax.qname(fact.concept),
                    "label": info.label if info else None,
                    "us_gaap": info.us_gaap if info else None,
                    "period_start": period.start,
                    "period_end": None if period.is_instant else period.end,
                    "instant": period.end if period.is_instant else None,
                    "unit": fact.unit.id,
                    "value": fact.value,
                    "decimals": fact.decimals,
                    "dimensions": {tax.qname(axis): tax.qname(member) for axis, member in fact.dimensions},
                    "source_line": source.line_start if source else None,
                    "source_line_end": source.line_end if source else None,
                    "source_text": source.text if source else None,
                }
            )
        return rows

    def to_dataframe(self) -> pandas.DataFrame:
        """``facts_rows()`` as a pandas DataFrame (columns ``FACT_COLUMNS``; needs the ``pandas`` extra).

        ``value`` keeps its ``Decimal`` objects (``frame.value.astype(float)`` if floats will do); the
        period columns are datetimes; ``decimals`` and the line numbers are nullable integers (``<NA>``
        for an exact figure's decimals).
        """
        try:
            import pandas
        except ImportError:
            raise ImportError("to_dataframe needs pandas: pip install 'legacy-xbrl[pandas]'") from None
        frame = pandas.DataFrame.from_records(self.facts_rows(), columns=list(FACT_COLUMNS))
        for column in ("period_start", "period_end", "instant"):
            frame[column] = pandas.to_datetime(frame[column])
        for column in ("decimals", "source_line", "source_line_end"):
            frame[column] = frame[column].astype("Int64")  # None stays missing, not a float NaN
        return frame

    def write(self, path: str | os.PathLike[str], format: str | None = None, *, outputs: Sequence[str] = ()) -> Path:
        """Write one output to ``path`` and return it; ``format`` (a key of ``OUTPUT_FORMATS``) defaults to
        the one ``path``'s suffix names: ``.xbrl``, ``.json`` (xBRL-JSON), ``.jsonld``, ``.html`` (Inline
        XBRL), ``.xsd`` (the extension schema), ``.report.json``.

        An output that points at a taxonomy gets what it points at beside it, as ``legacy-xbrl convert``
        writes them: the taxonomy copy (``legacy-xbrl-taxonomy-2025/``) and, when the filing needs one,
        its extension schema (``<stem>.xsd``). The file appears whole or not at all. ``outputs`` are the
        file names a report lists as written with it.
        """
        target = Path(path)
        chosen = format or _format_of(target)
        if chosen not in OUTPUT_FORMATS:
            raise ValueError(f"unknown format {chosen!r}; choose from {', '.join(OUTPUT_FORMATS)}")
        result = localised(self.result, self.taxonomy)
        extension = result.taxonomy.extension
        if chosen == "xsd" and (result.extension is None or extension is None):
            raise ValueError(f"{self.document.name}: no extension schema: every fact is in the base taxonomy")
        folder = target.parent
        folder.mkdir(parents=True, exist_ok=True)
        if chosen in _POINTING:
            write_local_taxonomy(self.taxonomy, folder)
            if extension is not None and result.extension is not None and chosen != "xsd":
                _write_atomically(folder / unquote(extension.href), lambda out: write_extension_schema(result, out))
        _write_atomically(target, self._writer(chosen, result, outputs))
        return target

    def write_all(
        self, folder: str | os.PathLike[str], formats: Sequence[str] = ("xbrl", "json", "jsonld", "report")
    ) -> list[Path]:
        """Write ``<stem><suffix>`` in ``folder`` for each of ``formats``, as ``legacy-xbrl convert`` does;
        the paths written, in order. A report lists the others, and the extension schema when one is written."""
        unknown = [name for name in formats if name not in OUTPUT_FORMATS]
        if unknown:
            raise ValueError(f"unknown format {unknown[0]!r}; choose from {', '.join(OUTPUT_FORMATS)}")
        names = [f"{self.stem}{OUTPUT_FORMATS[name]}" for name in formats if name != "report"]
        if self.result.extension is not None and _POINTING & set(formats) and "xsd" not in formats:
            names.append(f"{self.stem}.xsd")
        return [
            self.write(Path(folder) / f"{self.stem}{OUTPUT_FORMATS[name]}", name, outputs=names) for name in formats
        ]

    def _writer(self, chosen: str, result: Result, outputs: Sequence[str]) -> Callable[[BinaryIO], None]:
        if chosen in FORMATS:
            write = FORMATS[chosen][1]
            return lambda out: write(result, out)
        if chosen in SOURCE_FORMATS:
            show = SOURCE_FORMATS[chosen][1]
            return lambda out: show(result, self.document, out)
        if chosen == "xsd":
            return lambda out: write_extension_schema(result, out)
        report = build_report(result, None, outputs)
        if self.submission:
            report["submission"] = dict(self.submission)
        if self.skipped_documents:
            report["submission_documents_skipped"] = list(self.skipped_documents)
        return lambda out: write_report(report, out)


def convert_text(
    text: str | bytes,
    *,
    name: str = "document.txt",
    fiscal_year_end: str | None = None,
    cik: str | None = None,
    entity_name: str | None = None,
    taxonomy: Taxonomy | None = None,
) -> Conversion:
    """Convert a filing's text (plain text, SGML or HTML; ``bytes`` are decoded as the command line does).

    ``name`` is how findings and sources cite the input. ``fiscal_year_end`` (``MM-DD``), ``cik`` and
    ``entity_name`` say what the document may not say itself. Raises ``ConversionError``.
    """
    options = _checked_options(fiscal_year_end=fiscal_year_end, cik=cik, entity_name=entity_name)
    data = text.encode("utf-8") if isinstance(text, str) else text
    return _only(_convert(Path(name), data, options, taxonomy), name)


def convert_file(
    path: str | os.PathLike[str],
    *,
    fiscal_year_end: str | None = None,
    cik: str | None = None,
    entity_name: str | None = None,
    taxonomy: Taxonomy | None = None,
) -> Conversion:
    """Convert the filing in ``path``, reading its sidecar metadata (``<name>.meta.json``) as the command
    line does; keyword arguments win over the sidecar. An EDGAR submission holding more than one
    document with financial data raises ``ConversionError``: use ``convert_documents``."""
    return _only(
        convert_documents(path, fiscal_year_end=fiscal_year_end, cik=cik, entity_name=entity_name, taxonomy=taxonomy),
        path,
    )


def convert_documents(
    path: str | os.PathLike[str],
    *,
    fiscal_year_end: str | None = None,
    cik: str | None = None,
    entity_name: str | None = None,
    taxonomy: Taxonomy | None = None,
) -> tuple[Conversion, ...]:
    """Every document of ``path`` that holds financial data: the file itself, or each such document of an
    EDGAR submission (stem ``<accession number>.<type>`` when its header gives one, else ``<file>.<type>``;
    the header's CIK, name and fiscal year end)."""
    source = Path(path)
    _checked_options(fiscal_year_end=fiscal_year_end, cik=cik, entity_name=entity_name)
    flags = argparse.Namespace(fiscal_year_end=fiscal_year_end, cik=cik, entity_name=entity_name)
    try:
        data = source.read_bytes()
        options = _options(flags, source)
    except OSError as err:
        raise ConversionError(f"{source}: cannot read: {err.strerror or err}") from None
    except DocumentError as err:
        raise ConversionError(str(err)) from None
    return _convert(source, data, options, taxonomy)


def _checked_options(*, fiscal_year_end: str | None, cik: str | None, entity_name: str | None) -> Options:
    if fiscal_year_end is not None and not _FYE.match(fiscal_year_end):
        raise ConversionError(f"fiscal year end {fiscal_year_end!r}: expected MM-DD, e.g. 03-31")
    return Options(fiscal_year_end=fiscal_year_end, cik=cik, entity_name=entity_name)


def _convert(source: Path, data: bytes, options: Options, taxonomy: Taxonomy | None) -> tuple[Conversion, ...]:
    taxonomy = taxonomy or load_taxonomy()
    mapping: MappingTable = load_mapping_table(taxonomy)
    try:
        # Named as `legacy-xbrl convert` names a file converted on its own: a submission by its accession
        # number when its header gives one, anything else by its stem.
        parts, notes = _parts(_output_names([source])[source], source, data, options)
        conversions = []
        for part in parts:
            document = read_input(part.data, source.name, part.first_line)
            result = convert_document(
                document, options=part.options, taxonomy=taxonomy, mapping=mapping, stem=part.stem
            )
            conversions.append(
                Conversion(
                    result=result,
                    document=document,
                    taxonomy=taxonomy,
                    stem=part.stem,
                    skipped_documents=tuple(notes),
                    submission=tuple(part.submission.items()) if part.submission else (),
                )
            )
    except (DocumentError, ReadError) as err:
        raise ConversionError(f"{source}: {err}") from None
    return tuple(conversions)


def _only(conversions: tuple[Conversion, ...], source: object) -> Conversion:
    if len(conversions) != 1:
        stems = ", ".join(c.stem for c in conversions)
        raise ConversionError(
            f"{source}: an EDGAR submission with {len(conversions)} documents holding financial data ({stems}): "
            "use convert_documents"
        )
    return conversions[0]


def _format_of(path: Path) -> str:
    name = path.name.lower()
    for suffix in sorted(_BY_SUFFIX, key=len, reverse=True):
        if name.endswith(suffix):
            return _BY_SUFFIX[suffix]
    raise ValueError(f"{path}: cannot tell the format from the suffix; pass format= one of {', '.join(OUTPUT_FORMATS)}")
