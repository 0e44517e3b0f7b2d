"""The conversion pipeline: ``convert(data, name=..., options=..., taxonomy=...) -> Result``.

Stages, in order, each a pure function from one frozen value to the next:

1. ``read``     bytes → Document (decoded, tabs expanded, original line numbers)
2. ``segment``  Document → blocks (tables with caption, headings and body; prose)
3. ``tables``   table block → Tables (columns from alignment, headings, labelled rows)
4. ``periods``  fiscal calendar from the text or the options; column headings → periods
5. ``facts``    Tables → observations (figure, period, currency, scale, provenance)
6. ``mapping``  observations → facts on taxonomy concepts; copies merged; conflicts reported
7. the Result, which the serialisers (``serialize/``) and the report read

Nothing here touches the file system; findings travel in the Result.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from pydantic import BaseModel, ConfigDict

from converter.facts import Observation, read_observations
from converter.findings import Finding, Severity, SourceRef
from converter.mapping import MappingTable, load_mapping_table, map_observations, merge_facts
from converter.model import (
    FALLBACK_SCHEME,
    SEC_CIK_SCHEME,
    CellTally,
    DocumentInfo,
    Entity,
    Result,
)
from converter.periods import calendar_for, detect_document_date
from converter.prose import load_prose_rules, read_prose
from converter.read import Document, read_document
from converter.segment import BlockKind, segment
from converter.tables import read_tables
from converter.taxonomy import Taxonomy

__all__ = ["Options", "convert"]

_ISSUER = re.compile(
    r"(?P<name>(?:[A-Z][A-Za-z&.'-]*\s+){0,6}?(?:(?:Inc|Corporation|Corp|Company|Ltd|Limited|plc)\.?|[A-Z][A-Za-z&.'-]*))"
    r"\s*\((?:Nasdaq|NASDAQ|NYSE|AMEX)\s*:"
)
_CORPORATE_SUFFIX = re.compile(
    r"\b(?:inc|incorporated|corporation|corp|company|co|ltd|limited|plc)\b\.?", re.IGNORECASE
)


class Options(BaseModel):
    """What a document may not say itself; the caller (CLI flag or sidecar file) supplies it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    fiscal_year_end: str | None = None  # MM-DD
    cik: str | None = None
    entity_name: str | None = None


def _entity(options: Options, document: Document) -> Entity:
    """The CIK scheme when the CIK is known; else the entity's name, slugged, in the fallback scheme."""
    if options.cik:
        return Entity(scheme=SEC_CIK_SCHEME, identifier=options.cik.zfill(10), name=options.entity_name)
    name = options.entity_name
    if name is None:
        match = _ISSUER.search(" ".join(document.text[:5000].split()))
        name = match.group("name").strip() if match else document.name
    # "Internet Initiative Japan Inc." and "Internet Initiative Japan" are one entity.
    slug = re.sub(r"[^a-z0-9]+", "-", _CORPORATE_SUFFIX.sub("", name).lower()).strip("-") or "unknown"
    return Entity(scheme=FALLBACK_SCHEME, identifier=slug, name=name)


def convert(
    data: bytes | str, *, name: str, options: Options, taxonomy: Taxonomy, mapping: MappingTable | None = None
) -> Result:
    """Convert one filing's text into a Result (facts, findings, cell accounting)."""
    mapping = mapping or load_mapping_table(taxonomy)
    document = read_document(data, name)
    text = document.text
    doc_date: date | None = detect_document_date(text)
    fiscal = calendar_for(options.fiscal_year_end, text, doc_date)
    findings: list[Finding] = []
    if fiscal is None:
        findings.append(
            Finding(
                code="periods.no-fiscal-calendar",
                severity=Severity.WARNING,
                message="the document does not state its fiscal year end and none was given (--fiscal-year-end)",
            )
        )
    observations: list[Observation] = []
    skipped: list[tuple[str, SourceRef]] = []
    total = 0
    stage_unaccounted = 0
    blocks = segment(document)
    for block in blocks:
        if block.kind is not BlockKind.TABLE:
            continue
        for table in read_tables(block):
            reading = read_observations(table, name, fiscal, mapping.statements)
            observations.extend(reading.observations)
            skipped.extend(reading.skipped)
            findings.extend(reading.findings)
            total += reading.cell_count
            stage_unaccounted += reading.cell_count - len(reading.observations) - len(reading.skipped)
    mapped = map_observations(observations, taxonomy, mapping)
    findings.extend(mapped.findings)
    prose = read_prose(document, blocks, taxonomy, load_prose_rules(taxonomy.directory), fiscal, doc_date)
    findings.extend(prose.findings)
    # With statements present, a dollar figure in prose is kept only where a table has it too: a lone
    # translation of one item would leave its calculation partly reported in that unit.
    table_aspects = {fact.aspects for fact, _ in mapped.candidates}
    has_tables = total > 0
    keep = [not has_tables or f.unit.id != "USD" or f.aspects in table_aspects for f in prose.candidates]
    prose_facts = [f for f, kept in zip(prose.candidates, keep, strict=True) if kept]
    dropped = keep.count(False)
    facts, merge_findings, losers = merge_facts([*mapped.candidates, *((fact, False) for fact in prose_facts)])
    findings.extend(merge_findings)
    prose_sources = {source for fact in prose.candidates for source in fact.sources}
    table_losers = [s for s in losers if s not in prose_sources]
    prose_losers = [s for s in losers if s in prose_sources]
    skipped.extend(("source-conflict", source) for source in table_losers)
    cells = CellTally(
        total=total,
        tagged=len(mapped.candidates) - len(table_losers),
        skipped=dict(sorted(Counter(reason for reason, _ in skipped).items())),
        unaccounted=stage_unaccounted + mapped.unaccounted,
    )
    prose_skipped = Counter(reason for reason, _ in prose.skipped)
    prose_skipped.update("source-conflict" for _ in prose_losers)
    prose_skipped.update("convenience-translation-outside-tables" for _ in range(dropped))
    prose_tagged = prose.tagged - len(prose_losers) - dropped
    prose_numbers = CellTally(
        total=prose.total,
        tagged=prose_tagged,
        skipped=dict(sorted(prose_skipped.items())),
        unaccounted=prose.total - prose_tagged - sum(prose_skipped.values()),
    )
    used = sorted({fact.concept for fact in facts})
    return Result(
        document=DocumentInfo(
            name=name,
            fiscal_year_end=f"{fiscal.end_month:02d}-{fiscal.end_day:02d}" if fiscal else None,
            document_date=doc_date,
            line_count=len(document.lines),
        ),
        entity=_entity(options, document),
        taxonomy=taxonomy.ref(calculations=has_tables),
        concepts=tuple(taxonomy.concept_info(concept) for concept in used),
        facts=facts,
        findings=tuple(findings),
        cells=cells,
        prose_numbers=prose_numbers,
        skipped=tuple(skipped),
    )
