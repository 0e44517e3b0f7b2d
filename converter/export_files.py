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

from converter.export import Column, ExportError, ExportInput, Table
from converter.extension_schema import SchemaError, read_extension
from converter.load import LoadError, find_reports, read_filing

__all__ = ["csv_bytes", "parquet_bytes", "read_exports", "read_extension", "tsv_bytes"]


# --- reading ------------------------------------------------------------------------------


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
    except (LoadError, SchemaError) as err:
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
