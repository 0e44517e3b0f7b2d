"""Converted filings as tables: the SEC's Financial Statement Data Sets layout, and one flat table.

``fsds_tables(documents, taxonomy) -> FsdsTables`` and ``flat_table(documents, taxonomy) -> Table``
are pure: they turn outputs already read (``converter.export_files.read_exports``, which reuses
``converter.load.read_filing``) into rows. ``converter.export_files`` turns a table into a file's
bytes (tab-separated text, CSV, Parquet); only the CLI writes.

The layout is the one the SEC documents for its Financial Statement Data Sets ("Financial Statement
Data Sets", SEC Division of Economic and Risk Analysis, https://www.sec.gov/dera/data/financial-
statement-data-sets, section 5 "Table Definitions": figures 2-5, the fields of SUB, TAG, NUM and PRE,
with each field's name, format and maximum size). In the SEC's words: ``ddate`` is "The end date for
the data value, rounded to the nearest month end"; ``qtrs`` "The count of the number of quarters
represented by the data value, rounded to the nearest whole number. '0' indicates it is a
point-in-time value"; ``version`` "For a standard tag, an identifier for the taxonomy; otherwise the
accession number where the tag was defined"; ``value`` "is not scaled ... but is rounded to four
digits to the right of the decimal point" (NUMERIC(28,4)); ``stmt`` is BS, IS, CF, EQ, CI, SI or UN
("Unclassifiable Statement"). The four files are tab-separated UTF-8 with a header row, one row a
line, in the SEC's column order; ``num`` carries the ``segments`` column (ALPHANUMERIC(1024), axis
and member pairs) the SEC added for facts reported along axes, written ``Axis=Member;`` with the
``Axis``/``Member`` suffixes and a ``Statement`` prefix dropped (``BusinessSegments=Automotive;``),
and ``coreg`` the member of the legal-entity axis, as the SEC fills them. The text files keep the
exact decimal; the Parquet ``value`` is decimal(28,4) as the SEC defines it (a figure with more
decimal places is rounded there, half to even, as the SEC rounds; ``prov.value_exact`` keeps the
text).

How a converted filing fills the layout:

- ``adsh``: the accession number from the EDGAR header of the submission the document came from;
  a document converted on its own has none, and gets a made-up key of the same shape that no real
  accession number has: ``9FFFFFFFFF-YY-NNNNNN``. A real one begins with the CIK of whoever
  submitted it, and CIKs are given out in sequence (below 0002000000 to date), so a leading 9
  marks the key as made up; the other 15 digits come from the SHA-256 of the instance (stable: the
  same instance always gets the same key, and two instances the same key with odds of about one in
  10^15 per pair, which ``fsds_tables`` refuses rather than merge); YY is the two-digit year of
  the filing's balance sheet date (its period). A key of all zeros and 6 hashed digits, the obvious
  alternative, would give two of 1,200 documents of one year the same key about half the time.
- ``tag``/``version``: the US-GAAP local name and ``us-gaap/2025`` when the project's concept is
  aligned with it exactly (``relation`` ``exact`` in ``taxonomy/concepts.csv``); otherwise the
  project's concept (``lx/2025``), or for a filing's own extension concept the filing's ``adsh``,
  which is how the SEC marks a custom tag (``custom`` = 1 exactly when ``version`` = ``adsh``).
- ``ddate``: the period's end (an instant's date) rounded to the nearest month end; ``qtrs``: the
  duration in quarters, rounded, 0 for an instant (``converter.fiscal``).
- ``sub.fy``/``fp``/``period``: the fiscal year, fiscal period and (month-end rounded) date of the
  filing's balance sheet (``balance_sheet_date``), under the fiscal year end the converter read.
- ``pre``: one row per printed line of a financial table (a fact whose source is a table cell):
  ``plabel`` is the label as printed, ``stmt`` the statement the table's caption names (BS, IS,
  CF, EQ, CI; UN when none), ``report`` numbers the statements of a filing in the order they are
  first printed and ``line`` the lines of each in printed order.

What the legacy text cannot say is left as the SEC leaves an unknown: addresses, SIC, acceptance
time empty; ``pre.inpth`` and ``negating`` 0 (a text filing marks neither a parenthetical nor a
negated label); ``pre.rfile`` H (the filing is a printed document, not rendered XBRL).

Provenance, which the SEC layout has no column for, is the fifth table ``prov``: the ``num`` key of
each fact with its fact id, the project's concept, its exact value, its fiscal year and period (the
SEC layout has them per submission only), and its source lines and text, a row per printing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from converter.extension_schema import ExtensionInfo
from converter.fiscal import fiscal_period, nearest_month_end, quarters
from converter.load import FactRow, Filing
from converter.taxonomy import Relation, Taxonomy

__all__ = [
    "FLAT_COLUMNS",
    "FSDS_COLUMNS",
    "Column",
    "ExportError",
    "ExportInput",
    "ExtensionInfo",
    "FsdsTables",
    "Table",
    "balance_sheet_date",
    "flat_table",
    "fsds_tables",
    "made_up_adsh",
    "printed_label",
    "segments_and_coreg",
    "statement_of",
    "uom",
]


class ExportError(Exception):
    """The outputs cannot be exported (missing, unreadable, not ours), or pyarrow is missing."""


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its name, its SEC format (ALPHANUMERIC, NUMERIC, DATE, DATETIME, BOOLEAN, DECIMAL,
    YEAR) and the SEC's maximum size (characters, or digits for a number; None when not bounded)."""

    name: str
    kind: str
    size: int | None = None
    nullable: bool = True


def _columns(spec: str) -> tuple[Column, ...]:
    """``"adsh ALPHANUMERIC 20 key; cik NUMERIC 10 key"`` -> Columns (``key`` = never NULL)."""
    found = []
    for item in spec.split(";"):
        parts = item.split()
        found.append(
            Column(parts[0], parts[1], int(parts[2]) if parts[2] != "-" else None, nullable="key" not in parts[3:])
        )
    return tuple(found)


# The SEC's table definitions (figures 2-5), column order as published. DECIMAL is the SEC's
# NUMERIC(28,4) value field; YEAR is ``fy`` (yyyy); DATE is yyyymmdd; BOOLEAN is 1/0.
FSDS_COLUMNS: Mapping[str, tuple[Column, ...]] = {
    "sub": _columns(
        "adsh ALPHANUMERIC 20 key; cik NUMERIC 10 key; name ALPHANUMERIC 150 key; sic NUMERIC 4;"
        " countryba ALPHANUMERIC 2; stprba ALPHANUMERIC 2; cityba ALPHANUMERIC 30; zipba ALPHANUMERIC 10;"
        " bas1 ALPHANUMERIC 40; bas2 ALPHANUMERIC 40; baph ALPHANUMERIC 20; countryma ALPHANUMERIC 2;"
        " stprma ALPHANUMERIC 2; cityma ALPHANUMERIC 30; zipma ALPHANUMERIC 10; mas1 ALPHANUMERIC 40;"
        " mas2 ALPHANUMERIC 40; countryinc ALPHANUMERIC 3; stprinc ALPHANUMERIC 2; ein NUMERIC 9;"
        " former ALPHANUMERIC 150; changed DATE 8; afs ALPHANUMERIC 5; wksi BOOLEAN 1; fye ALPHANUMERIC 4;"
        " form ALPHANUMERIC 10; period DATE 8; fy YEAR 4; fp ALPHANUMERIC 2; filed DATE 8;"
        " accepted DATETIME 19; prevrpt BOOLEAN 1 key; detail BOOLEAN 1 key; instance ALPHANUMERIC 40 key;"
        " nciks NUMERIC 4 key; aciks ALPHANUMERIC 120"
    ),
    "tag": _columns(
        "tag ALPHANUMERIC 256 key; version ALPHANUMERIC 20 key; custom BOOLEAN 1 key; abstract BOOLEAN 1 key;"
        " datatype ALPHANUMERIC 20; iord ALPHANUMERIC 1; crdr ALPHANUMERIC 1; tlabel ALPHANUMERIC 512;"
        " doc ALPHANUMERIC -"
    ),
    "num": _columns(
        "adsh ALPHANUMERIC 20 key; tag ALPHANUMERIC 256 key; version ALPHANUMERIC 20 key; ddate DATE 8 key;"
        " qtrs NUMERIC 8 key; uom ALPHANUMERIC 20 key; segments ALPHANUMERIC 1024; coreg ALPHANUMERIC 256;"
        " value DECIMAL 28; footnote ALPHANUMERIC 512"
    ),
    "pre": _columns(
        "adsh ALPHANUMERIC 20 key; report NUMERIC 6 key; line NUMERIC 6 key; stmt ALPHANUMERIC 2 key;"
        " inpth BOOLEAN 1 key; rfile ALPHANUMERIC 1 key; tag ALPHANUMERIC 256 key; version ALPHANUMERIC 20 key;"
        " plabel ALPHANUMERIC 512 key; negating BOOLEAN 1 key"
    ),
    # Not the SEC's: where each num row was read (the num key, then the provenance).
    "prov": _columns(
        "adsh ALPHANUMERIC 20 key; tag ALPHANUMERIC 256 key; version ALPHANUMERIC 20 key; ddate DATE 8 key;"
        " qtrs NUMERIC 8 key; uom ALPHANUMERIC 20 key; segments ALPHANUMERIC -; coreg ALPHANUMERIC 256;"
        " fact_id ALPHANUMERIC - key; concept ALPHANUMERIC - key; value_exact ALPHANUMERIC - key;"
        " fy YEAR 4; fp ALPHANUMERIC 2; document ALPHANUMERIC - key; source_seq NUMERIC 4; line_start NUMERIC 8;"
        " line_end NUMERIC 8; column_start NUMERIC 8; column_end NUMERIC 8; cell ALPHANUMERIC -;"
        " source_text ALPHANUMERIC -"
    ),
}

# The flat table of ``--to csv`` / ``--to parquet``: one row per fact.
FLAT_COLUMNS: tuple[Column, ...] = _columns(
    "entity ALPHANUMERIC - ; cik ALPHANUMERIC 10; filing ALPHANUMERIC - key; adsh ALPHANUMERIC 20 key;"
    " fact_id ALPHANUMERIC - key; concept ALPHANUMERIC - key; us_gaap_concept ALPHANUMERIC -;"
    " us_gaap_relation ALPHANUMERIC -; label ALPHANUMERIC -; period_start DATE 8; period_end DATE 8;"
    " period_instant DATE 8; fy YEAR 4; fp ALPHANUMERIC 2; qtrs NUMERIC 8 key; unit ALPHANUMERIC -;"
    " value ALPHANUMERIC - key; decimals NUMERIC 4; dimensions ALPHANUMERIC -; line_start NUMERIC 8;"
    " line_end NUMERIC 8; source_text ALPHANUMERIC -"
)


@dataclass(frozen=True, slots=True)
class Table:
    """A named table: its columns and its rows (str, int, bool, date, Decimal or None per cell)."""

    name: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Any, ...], ...]


@dataclass(frozen=True, slots=True)
class FsdsTables:
    """``sub``, ``tag``, ``num``, ``pre`` in the SEC layout, and ``prov`` beside them."""

    sub: Table
    tag: Table
    num: Table
    pre: Table
    prov: Table

    def all(self) -> tuple[Table, ...]:
        return (self.sub, self.tag, self.num, self.pre, self.prov)


@dataclass(frozen=True, slots=True)
class ExportInput:
    """One converted document: what ``converter.load`` reads of it, and its extension schema."""

    filing: Filing
    extension: ExtensionInfo


# --- filling the layout -------------------------------------------------------------------

# What a table's caption says it is, first match wins (comprehensive income before income, a
# statement of equity before a balance sheet whose caption names equity as a heading).
_STATEMENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("CI", re.compile(r"\bcomprehensive\s+(?:income|loss)\b", re.IGNORECASE)),
    (
        "EQ",
        re.compile(
            r"\bstatements?\s+of\s+(?:consolidated\s+)?(?:changes\s+in\s+)?(?:stock|share)holders'?\s+(?:equity|investment)"
            r"|\b(?:stock|share)holders'?\s+equity\s+statements?\b|\bchanges\s+in\s+(?:stock|share)holders'?\s+equity\b",
            re.IGNORECASE,
        ),
    ),
    ("CF", re.compile(r"\bcash\s*flows?\b|\bincrease\s+\(decrease\)\s+in\s+cash\b", re.IGNORECASE)),
    ("BS", re.compile(r"\bbalance\s+sheets?\b|\bfinancial\s+(?:position|condition)\b", re.IGNORECASE)),
    (
        "IS",
        re.compile(
            r"\bstatements?\s+of\s+(?:consolidated\s+)?(?:operations|income|earnings|loss)\b|\bincome\s+statements?\b"
            r"|\bresults\s+of\s+operations\b",
            re.IGNORECASE,
        ),
    ),
)
# The base taxonomy's roles (taxonomy/roles.csv), for a concept no extension table presents.
_ROLE_STATEMENTS: Mapping[str, str] = {"IncomeStatement": "IS", "BalanceSheet": "BS", "CashFlowStatement": "CF"}
_LEGAL_ENTITY_AXIS = "LegalEntityAxis"
_SEC_CIK = "http://www.sec.gov/CIK"
_EXTENSION_PREFIX = "ext"
_COLUMN_GAP = re.compile(r"\s{2,}|\t")
_FIGURE = re.compile(r"^[\s$%()\[\]\d,.\-–—*]*$")
_LEADERS = re.compile(r"(?:\s*\.){2,}\s*$|[\s._:-]+$")
_SEC_DATATYPES: Mapping[str, str] = {
    "xbrli:monetaryItemType": "monetary",
    "xbrli:sharesItemType": "shares",
    "dtr-types:perShareItemType": "perShare",
    "xbrli:pureItemType": "pure",
    "xbrli:decimalItemType": "decimal",
    "xbrli:integerItemType": "integer",
    "dtr-types:percentItemType": "percent",
}


def statement_of(caption: str) -> str:
    """The SEC statement code a table caption names: ``CONSOLIDATED BALANCE SHEETS`` -> ``BS``; UN if none."""
    return next((code for code, pattern in _STATEMENTS if pattern.search(caption)), "UN")


def _local(qname: str) -> str:
    return qname.rpartition(":")[2]


def _segment_name(qname: str, suffix: str) -> str:
    """``lx:StatementBusinessSegmentsAxis`` -> ``BusinessSegments``; ``ext:AutomotiveMember`` -> ``Automotive``."""
    name = _local(qname).removesuffix(suffix)
    return name.removeprefix("Statement") if suffix == "Axis" and name != "Statement" else name


def segments_and_coreg(dimensions: Sequence[tuple[str, str]]) -> tuple[str | None, str | None]:
    """``num.segments`` (``Axis=Member;`` for each axis but the legal entity's) and ``num.coreg``."""
    coreg = next((_segment_name(m, "Member") for a, m in dimensions if _local(a) == _LEGAL_ENTITY_AXIS), None)
    pairs = [f"{_segment_name(a, 'Axis')}={_segment_name(m, 'Member')};" for a, m in dimensions]
    pairs = [p for (a, _), p in zip(dimensions, pairs, strict=True) if _local(a) != _LEGAL_ENTITY_AXIS]
    return ("".join(pairs) or None), coreg


def uom(unit: str | None) -> str:
    """``iso4217:USD`` -> ``USD``; ``iso4217:USD/xbrli:shares`` -> ``USD/shares``; ``xbrli:pure`` -> ``pure``."""
    if not unit:
        return "pure"
    top, _, bottom = unit.partition("/")

    def measures(text: str) -> str:
        return "*".join(_local(part) for part in text.strip("()").split("*"))

    return measures(top) + (f"/{measures(bottom)}" if bottom else "")


def printed_label(text: str, column_start: int | None) -> str:
    """A table row's label as printed: the row's text before its first figure, leaders dropped.

    ``"  Net sales ..........  $ 1,234   $ 987"`` -> ``"Net sales"``; ``"Accounts receivable (net of
    allowance of $57,177)    1,234"`` keeps its own figure; a label wrapped over two lines is joined.
    """
    lines = text.splitlines() or [""]
    last = lines[-1][:column_start] if column_start is not None else lines[-1]
    # Columns stand apart by two spaces or more; the first that is only a figure ends the label.
    kept = []
    for part in _COLUMN_GAP.split(last.strip()):
        if _FIGURE.match(part):
            break
        kept.append(part)
    words = " ".join(" ".join(line.split()) for line in [*lines[:-1], " ".join(kept)] if line.strip())
    return _LEADERS.sub("", words).strip()


def balance_sheet_date(filing: Filing) -> date | None:
    """``sub.period`` before rounding: the header's period of report, else the latest instant (the
    balance sheet's date), else the latest period end (a release with no balance sheet). Instants
    first, because a release's guidance for the year runs past the quarter it reports."""
    if filing.period_of_report:
        return date.fromisoformat(filing.period_of_report)
    instants = [fact.end for fact in filing.facts if fact.start is None]
    return max(instants or [fact.end for fact in filing.facts], default=None)


def made_up_adsh(filing: Filing) -> str:
    """``9FFFFFFFFF-YY-NNNNNN``: a stable key of an accession number's shape that no real one has (no
    CIK begins with 9), for a document converted without its EDGAR header: 15 digits from the hash
    of its instance, YY the year of its balance sheet date."""
    period = balance_sheet_date(filing)
    year = period.year if period else (int(filing.document_date[:4]) if filing.document_date else 0)
    number = int(filing.sha256[:16], 16) % 10**15
    return f"9{number // 10**6:09d}-{year % 100:02d}-{number % 10**6:06d}"


@dataclass(frozen=True, slots=True)
class _Tag:
    tag: str
    version: str
    custom: bool
    datatype: str | None
    iord: str | None
    crdr: str | None
    tlabel: str | None
    doc: str | None


class _Concepts:
    """What a concept becomes in the SEC layout, from the taxonomy and the filing's extension."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self._taxonomy = taxonomy
        self.lx_version = f"{taxonomy.prefix}/{taxonomy.version}"
        self.us_gaap_version = f"us-gaap/{taxonomy.us_gaap_version}"
        self._roles: dict[str, str] = {}
        for arc in taxonomy.presentation:
            self._roles.setdefault(arc.child, _ROLE_STATEMENTS.get(arc.role, "UN"))

    def tag(self, qname: str, adsh: str, extension: ExtensionInfo) -> _Tag:
        prefix, _, local = qname.partition(":")
        concept = self._taxonomy.concepts.get(local) if prefix == self._taxonomy.prefix else None
        if concept is not None:
            info = self._taxonomy.concept_info(local)
            exact = concept.relation is Relation.EXACT and concept.us_gaap
            return _Tag(
                tag=concept.us_gaap if exact and concept.us_gaap else local,
                version=self.us_gaap_version if exact else self.lx_version,
                custom=False,
                datatype=_SEC_DATATYPES.get(info.data_type, _local(info.data_type).removesuffix("ItemType")),
                iord="I" if info.period_type == "instant" else "D",
                crdr={"credit": "C", "debit": "D"}.get(info.balance or ""),
                tlabel=concept.label,
                doc=concept.documentation,
            )
        xsd_type, period_type = extension.types.get(qname, ("", ""))
        return _Tag(
            tag=local,
            version=adsh if prefix == _EXTENSION_PREFIX else prefix,
            custom=prefix == _EXTENSION_PREFIX,
            datatype=_SEC_DATATYPES.get(xsd_type, _local(xsd_type).removesuffix("ItemType") or None),
            iord={"instant": "I", "duration": "D"}.get(period_type),
            crdr=None,
            tlabel=extension.labels.get(qname),
            doc=extension.documentation.get(qname),
        )

    def statement(self, qname: str, line: int, extension: ExtensionInfo) -> str:
        """The statement a fact printed on ``line`` is on: the caption of the last extension table
        starting at or before it that presents the concept, else the base taxonomy's role."""
        tables = [t for t in extension.tables if t[0] <= line and qname in t[2]]
        if tables:
            return statement_of(tables[-1][1])
        prefix, _, local = qname.partition(":")
        return self._roles.get(local, "UN") if prefix == self._taxonomy.prefix else "UN"


def _fye(filing: Filing) -> str | None:
    """``sub.fye``, mmdd "rounded to the nearest month end" as the SEC gives it: 09-26 -> 0930."""
    match = re.match(r"^(\d\d)-(\d\d)$", filing.fiscal_year_end or "")
    if match is None:
        return None
    month, day = int(match[1]), int(match[2])
    # A year without February 29 for the rounding; a 02-29 year end is February's end.
    rounded = nearest_month_end(date(2001, month, min(day, 28 if month == 2 else day)))
    return rounded.strftime("%m%d")


def _cik(filing: Filing) -> int | None:
    identifier = filing.entity_identifier
    return int(identifier) if filing.entity_scheme == _SEC_CIK and identifier.isdigit() else None


def _num_key(fact: FactRow, tag: _Tag, adsh: str) -> tuple[Any, ...]:
    segments, coreg = segments_and_coreg(fact.dimensions)
    return (adsh, tag.tag, tag.version, nearest_month_end(fact.end), quarters(fact.start, fact.end),
            uom(fact.unit), segments, coreg)  # fmt: skip


def _sub_row(adsh: str, document: ExportInput) -> tuple[Any, ...]:
    filing = document.filing
    latest = balance_sheet_date(filing)
    fiscal = fiscal_period(None, latest, filing.fiscal_year_end) if latest else None
    filed = filing.filed or filing.document_date
    return (
        adsh, _cik(filing) or 0, (filing.entity_name or filing.entity_identifier)[:150], None,
        None, None, None, None, None, None, None, None, None, None, None, None, None, None, None, None,
        None, None, None, None, _fye(filing), filing.form,
        nearest_month_end(latest) if latest else None, fiscal.fy if fiscal else None, fiscal.fp if fiscal else None,
        date.fromisoformat(filed) if filed else None, None, False, False, filing.instance_file, 1, None,
    )  # fmt: skip


def fsds_tables(documents: Sequence[ExportInput], taxonomy: Taxonomy) -> FsdsTables:
    """The SEC layout of ``documents``: one ``num`` row (and one ``prov`` row) per fact, a ``sub`` row
    per submission, a ``tag`` row per tag and version used, a ``pre`` row per printed table line."""
    concepts = _Concepts(taxonomy)
    sub: dict[str, tuple[Any, ...]] = {}
    tags: dict[tuple[str, str], tuple[Any, ...]] = {}
    num: list[tuple[Any, ...]] = []
    prov: list[tuple[Any, ...]] = []
    pre: list[tuple[Any, ...]] = []
    made_up: dict[str, Filing] = {}
    for document in documents:
        filing = document.filing
        adsh = filing.accession or made_up_adsh(filing)
        if not filing.accession:
            other = made_up.setdefault(adsh, filing)
            if other.sha256 != filing.sha256:
                raise ExportError(
                    f"{filing.document_name} and {other.document_name}: the same made-up key {adsh}; export them apart"
                )
        sub.setdefault(adsh, _sub_row(adsh, document))
        printed: dict[tuple[str, str, str, str], int] = {}  # (stmt, tag, version, plabel) -> first line
        for fact in filing.facts:
            tag = concepts.tag(fact.concept, adsh, document.extension)
            tags.setdefault(
                (tag.tag, tag.version),
                (tag.tag, tag.version, tag.custom, False, tag.datatype, tag.iord, tag.crdr, tag.tlabel, tag.doc),
            )
            key = _num_key(fact, tag, adsh)
            fiscal = fiscal_period(fact.start, fact.end, filing.fiscal_year_end)
            num.append((*key, Decimal(fact.value), None))
            for seq, source in enumerate(fact.sources or (None,), start=1):
                prov.append(
                    (
                        *key, fact.key, fact.concept, fact.value, fiscal.fy, fiscal.fp, filing.document_name,
                        seq if source else None,
                        source.line_start if source else None, source.line_end if source else None,
                        source.column_start if source else None, source.column_end if source else None,
                        source.cell if source else None, source.text if source else None,
                    )
                )  # fmt: skip
            table_source = next((s for s in fact.sources if s.column_start is not None), None)
            if table_source is None:
                continue
            label = printed_label(table_source.text, table_source.column_start)
            if not label:
                continue
            stmt = concepts.statement(fact.concept, table_source.line_end, document.extension)
            where = (stmt, tag.tag, tag.version, label[:512])
            printed[where] = min(printed.get(where, table_source.line_end), table_source.line_end)
        pre.extend(_pre_rows(adsh, printed))
    return FsdsTables(
        sub=Table("sub", FSDS_COLUMNS["sub"], tuple(sub.values())),
        tag=Table("tag", FSDS_COLUMNS["tag"], tuple(tags.values())),
        num=Table("num", FSDS_COLUMNS["num"], tuple(num)),
        pre=Table("pre", FSDS_COLUMNS["pre"], tuple(pre)),
        prov=Table("prov", FSDS_COLUMNS["prov"], tuple(prov)),
    )


def _pre_rows(adsh: str, printed: Mapping[tuple[str, str, str, str], int]) -> list[tuple[Any, ...]]:
    """Statements numbered in the order first printed, lines in printed order within each."""
    first: dict[str, int] = {}
    for (stmt, *_), line in printed.items():
        first[stmt] = min(first.get(stmt, line), line)
    reports = {stmt: n for n, stmt in enumerate(sorted(first, key=lambda s: (first[s], s)), start=1)}
    rows: list[tuple[Any, ...]] = []
    for stmt, report in reports.items():
        lines = sorted((line, tag, version, label) for (s, tag, version, label), line in printed.items() if s == stmt)
        for n, (_, tag, version, label) in enumerate(lines, start=1):
            rows.append((adsh, report, n, stmt, False, "H", tag, version, label, False))
    return rows


def flat_table(documents: Sequence[ExportInput], taxonomy: Taxonomy) -> Table:
    """One row per fact: who, which filing, the concept and its US-GAAP alignment, the period with its
    fiscal year, period and quarters, unit, exact value, dimensions, and where it was printed."""
    rows: list[tuple[Any, ...]] = []
    for document in documents:
        filing = document.filing
        adsh = filing.accession or made_up_adsh(filing)
        cik = filing.entity_identifier if filing.entity_scheme == _SEC_CIK else None
        for fact in filing.facts:
            prefix, _, local = fact.concept.partition(":")
            concept = taxonomy.concepts.get(local) if prefix == taxonomy.prefix else None
            label = concept.label if concept else document.extension.labels.get(fact.concept)
            fiscal = fiscal_period(fact.start, fact.end, filing.fiscal_year_end)
            source = fact.sources[0] if fact.sources else None
            rows.append(
                (
                    filing.entity_name, cik, filing.document_name, adsh, fact.key, fact.concept,
                    f"us-gaap:{concept.us_gaap}" if concept and concept.us_gaap else None,
                    concept.relation.value if concept else None, label,
                    fact.start, fact.end if fact.start else None, None if fact.start else fact.end,
                    fiscal.fy, fiscal.fp, fiscal.qtrs, fact.unit, fact.value, fact.decimals,
                    ";".join(f"{a}={m}" for a, m in fact.dimensions) or None,
                    source.line_start if source else None, source.line_end if source else None,
                    source.text if source else None,
                )
            )  # fmt: skip
    return Table("facts", FLAT_COLUMNS, tuple(rows))
