"""Reading the converter's outputs for ``converter.export``, and its tables as files' bytes.

``read_exports(paths)`` reads each converted document with ``converter.load.read_filing`` (the facts,
provenance, document and entity) and its extension schema ``<stem>.xsd`` (labels, types, and the
tables it made roles of). ``tsv_bytes``, ``csv_bytes`` and ``parquet_bytes`` turn a ``Table`` into
the bytes of a file; the CLI writes them.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path
from typing import Any

from lxml import etree

from converter.export import Column, ExportError, ExportInput, ExtensionInfo, Table
from converter.load import LoadError, find_reports, read_filing

__all__ = ["csv_bytes", "parquet_bytes", "read_exports", "read_extension", "tsv_bytes"]


# --- reading ------------------------------------------------------------------------------

_XS = "{http://www.w3.org/2001/XMLSchema}"
_LINK = "{http://www.xbrl.org/2003/linkbase}"
_XLINK = "{http://www.w3.org/1999/xlink}"
_XBRLI = "{http://www.xbrl.org/2003/instance}"
_LABEL_ROLE = "http://www.xbrl.org/2003/role/label"
_DOCUMENTATION_ROLE = "http://www.xbrl.org/2003/role/documentation"
_ROLE_LINE = re.compile(r"^(?P<caption>.*)\(line (?P<line>\d+)\)\s*$", re.DOTALL)


def _href_qname(href: str) -> str:
    """``x.xsd#ext_RetailRevenue`` -> ``ext:RetailRevenue`` (the converter's ids are prefix_name)."""
    prefix, _, name = href.rpartition("#")[2].partition("_")
    return f"{prefix}:{name}"


def read_extension(path: Path) -> ExtensionInfo:
    """Labels, types and table roles of a filing's extension schema; empty when there is none.

    ``<link:roleType id="Table004"><link:definition>STATEMENTS OF OPERATIONS ... (line 349)``, and
    in its ``presentationLink`` a ``loc`` per concept presented in that table.
    """
    if not path.is_file():
        return ExtensionInfo()
    try:
        # An output folder is input like any other: no entities resolved, nothing fetched.
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        root = etree.parse(str(path), parser).getroot()
    except (OSError, etree.XMLSyntaxError) as err:
        raise ExportError(f"{path}: unreadable extension schema: {err}") from None
    prefix = next((p for p, uri in root.nsmap.items() if p and uri == root.get("targetNamespace")), "ext")
    types = {
        f"{prefix}:{el.get('name')}": (str(el.get("type") or ""), str(el.get(f"{_XBRLI}periodType") or ""))
        for el in root.iter(f"{_XS}element")
        if el.get("name")
    }
    labels: dict[str, str] = {}
    documentation: dict[str, str] = {}
    for link in root.iter(f"{_LINK}labelLink"):
        locs = {
            loc.get(f"{_XLINK}label"): _href_qname(str(loc.get(f"{_XLINK}href"))) for loc in link.iter(f"{_LINK}loc")
        }
        resources = {lab.get(f"{_XLINK}label"): lab for lab in link.iter(f"{_LINK}label")}
        for arc in link.iter(f"{_LINK}labelArc"):
            concept, resource = locs.get(arc.get(f"{_XLINK}from")), resources.get(arc.get(f"{_XLINK}to"))
            if concept is None or resource is None:
                continue
            target = documentation if resource.get(f"{_XLINK}role") == _DOCUMENTATION_ROLE else labels
            if resource.get(f"{_XLINK}role") in (_LABEL_ROLE, _DOCUMENTATION_ROLE):
                target.setdefault(concept, (resource.text or "").strip())
    captions: dict[str, tuple[int, str]] = {}
    for role in root.iter(f"{_LINK}roleType"):
        definition = " ".join((role.findtext(f"{_LINK}definition") or "").split())
        match = _ROLE_LINE.match(definition)
        if match is not None:
            captions[str(role.get("roleURI"))] = (int(match["line"]), match["caption"].strip())
    tables: list[tuple[int, str, frozenset[str]]] = []
    for link in root.iter(f"{_LINK}presentationLink"):
        where = captions.get(str(link.get(f"{_XLINK}role")))
        if where is None:
            continue
        concepts = frozenset(_href_qname(str(loc.get(f"{_XLINK}href"))) for loc in link.iter(f"{_LINK}loc"))
        tables.append((where[0], where[1], concepts))
    return ExtensionInfo(labels=labels, types=types, documentation=documentation, tables=tuple(sorted(tables)))


def read_exports(paths: Iterable[Path]) -> tuple[ExportInput, ...]:
    """Read every converted document among ``paths`` (output folders or ``<stem>.json`` files)."""
    paths = list(paths)
    try:
        reports = find_reports(paths)
        inputs = []
        for report in reports:
            filing = read_filing(report)
            stem = report.name.removesuffix(".json")
            inputs.append(ExportInput(filing, read_extension(report.with_name(f"{stem}.xsd"))))
    except LoadError as err:
        raise ExportError(str(err)) from None
    if not inputs:
        raise ExportError(f"no xBRL-JSON outputs (<stem>.json) in {', '.join(map(str, paths))}")
    return tuple(inputs)


# --- writing (to bytes; the CLI writes files) -----------------------------------------------


def _text(value: Any, column: Column) -> str:
    """A cell as the SEC writes it: dates yyyymmdd, booleans 1/0, NULL empty; tabs and line ends in
    text become spaces, as the one-row-a-line layout needs."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, date):
        return value.strftime("%Y%m%d") if column.kind == "DATE" and column.size == 8 else value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return re.sub(r"[\t\r\n]+", " ", str(value)) if isinstance(value, str) else str(value)


def tsv_bytes(table: Table, *, sec_dates: bool = True) -> bytes:
    """The table as tab-separated UTF-8: a header row, then one row a line (``\\n``)."""
    out = io.StringIO()
    out.write("\t".join(c.name for c in table.columns) + "\n")
    for row in table.rows:
        cells = (
            _text(v, c) if sec_dates or not isinstance(v, date) else v.isoformat()
            for v, c in zip(row, table.columns, strict=True)
        )
        out.write("\t".join(cells) + "\n")
    return out.getvalue().encode("utf-8")


def csv_bytes(table: Table) -> bytes:
    """The table as RFC 4180 CSV in UTF-8, ISO dates, NULL as an empty field."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(c.name for c in table.columns)
    for row in table.rows:
        writer.writerow(
            ""
            if v is None
            else ("1" if v is True else "0" if v is False else v.isoformat() if isinstance(v, date) else v)
            for v in row
        )
    return out.getvalue().encode("utf-8")


def _arrow_type(column: Column) -> Any:
    import pyarrow as pa

    return {
        "ALPHANUMERIC": pa.string(),
        "NUMERIC": pa.int64(),
        "YEAR": pa.int16(),
        "DATE": pa.date32(),
        "DATETIME": pa.timestamp("ms"),  # Parquet has no seconds unit
        "BOOLEAN": pa.bool_(),
        # NUMERIC(28,4) in the SEC layout; exact digits beyond the 4th decimal stay in prov.value_exact.
        "DECIMAL": pa.decimal128(28, 4),
    }[column.kind]


def parquet_bytes(table: Table) -> bytes:
    """The table as a Parquet file (pyarrow), each column typed as the layout says."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExportError("Parquet needs pyarrow: pip install 'legacy-xbrl[parquet]'") from None
    arrays = []
    for index, column in enumerate(table.columns):
        values = [row[index] for row in table.rows]
        if column.kind == "DECIMAL":
            values = [
                None if v is None else Decimal(v).quantize(Decimal("0.0001"), rounding=ROUND_HALF_EVEN) for v in values
            ]
        arrays.append(pa.array(values, type=_arrow_type(column)))
    schema = pa.schema([pa.field(c.name, _arrow_type(c), nullable=c.nullable) for c in table.columns])
    out = io.BytesIO()
    pq.write_table(pa.Table.from_arrays(arrays, schema=schema), out)
    return out.getvalue()
