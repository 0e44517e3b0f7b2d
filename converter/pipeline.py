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
from converter.mapping import MappingTable, load_mapping_table, map_observations
from converter.model import (
    FALLBACK_SCHEME,
    SEC_CIK_SCHEME,
    CellTally,
    DocumentInfo,
    Entity,
    Result,
)
from converter.periods import calendar_for, detect_document_date
from converter.read import Document, read_document
from converter.segment import BlockKind, segment
from converter.tables import read_tables
from converter.taxonomy import Taxonomy

__all__ = ["Options", "convert", "count_prose_numbers"]

_NUMBER_IN_PROSE = re.compile(r"(?<![\w.])[-$(]*\d[\d,]*(?:\.\d+)?%?")
_ISSUER = re.compile(
    r"(?P<name>(?:[A-Z][A-Za-z&.'-]*\s+){0,6}?(?:Inc|Corporation|Corp|Company|Ltd|Limited|plc)\.?)\s*\("
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
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "unknown"
    return Entity(scheme=FALLBACK_SCHEME, identifier=slug, name=name)


def count_prose_numbers(document: Document, mapping: MappingTable, taxonomy: Taxonomy) -> CellTally:
    """Numbers written in prose: counted and reported as not yet extracted."""
    del mapping, taxonomy
    total = 0
    for block in segment(document):
        if block.kind is BlockKind.PROSE:
            total += sum(len(_NUMBER_IN_PROSE.findall(line.text)) for line in block.lines)
    return CellTally(total=total, tagged=0, skipped={"prose-not-extracted": total} if total else {}, unaccounted=0)


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
    for block in segment(document):
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
    skipped.extend(mapped.skipped)
    reasons = Counter(reason for reason, _ in skipped)
    cells = CellTally(
        total=total,
        tagged=mapped.tagged,
        skipped=dict(sorted(reasons.items())),
        unaccounted=stage_unaccounted + mapped.unaccounted,
    )
    used = sorted({fact.concept for fact in mapped.facts})
    return Result(
        document=DocumentInfo(
            name=name,
            fiscal_year_end=f"{fiscal.end_month:02d}-{fiscal.end_day:02d}" if fiscal else None,
            document_date=doc_date,
            line_count=len(document.lines),
        ),
        entity=_entity(options, document),
        taxonomy=taxonomy.ref(),
        concepts=tuple(taxonomy.concept_info(concept) for concept in used),
        facts=mapped.facts,
        findings=tuple(findings),
        cells=cells,
        prose_numbers=count_prose_numbers(document, mapping, taxonomy),
        skipped=tuple(skipped),
    )
