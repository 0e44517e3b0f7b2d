"""Hand-built ``Result`` objects for the serialiser tests, independent of the parsing pipeline.

Figures are those printed in ``samples/iij-2003-08-12-6k-1q03-earnings-release.txt``
(JPY in thousands, per-share data in yen); calculations hold exactly
(OperatingIncomeLoss = Revenues - CostsAndExpenses). Concept details come from
``taxonomy/concepts.csv`` so a fixture can only use concepts the taxonomy defines.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from converter.model import (
    SEC_CIK_SCHEME,
    ConceptInfo,
    DocumentInfo,
    Entity,
    Fact,
    Period,
    Result,
    SourceRef,
    TaxonomyRef,
    Unit,
)

ROOT = Path(__file__).resolve().parent.parent
TAXONOMY_DIR = ROOT / "taxonomy"
RELEASE = "iij-2003-08-12-6k-1q03-earnings-release.txt"
SLIDES = "iij-2002-08-1q02-results-slides.txt"

JPY = Unit(numerators=("iso4217:JPY",))
SHARES = Unit(numerators=("xbrli:shares",))
JPY_PER_SHARE = Unit(numerators=("iso4217:JPY",), denominators=("xbrli:shares",))
JPY_PER_ADS = Unit(numerators=("iso4217:JPY",), denominators=("lx:ADS",))
GBPS = Unit(numerators=("lx:Gbps",))
PURE = Unit(numerators=("xbrli:pure",))

Q1_03 = Period.duration(date(2003, 4, 1), date(2003, 6, 30))
Q1_02 = Period.duration(date(2002, 4, 1), date(2002, 6, 30))
AT_JUN03 = Period.instant(date(2003, 6, 30))
AT_MAR03 = Period.instant(date(2003, 3, 31))  # the day before Q1_03 starts
AT_JUN02 = Period.instant(date(2002, 6, 30))

IIJ = Entity(scheme=SEC_CIK_SCHEME, identifier="0001090633", name="Internet Initiative Japan Inc.")


def taxonomy_ref() -> TaxonomyRef:
    meta = json.loads((TAXONOMY_DIR / "taxonomy.json").read_text(encoding="utf-8"))
    return TaxonomyRef(
        namespace=meta["namespace"], prefix=meta["prefix"], entry_point=meta["base_url"] + meta["entry_point"]
    )


def concept_infos(names: set[str]) -> tuple[ConceptInfo, ...]:
    """``ConceptInfo`` for each name, read from ``taxonomy/concepts.csv`` (KeyError if one is missing)."""
    with (TAXONOMY_DIR / "concepts.csv").open(encoding="utf-8", newline="") as fh:
        rows = {row["name"]: row for row in csv.DictReader(fh)}
    return tuple(
        ConceptInfo(
            name=name,
            label=rows[name]["label"],
            data_type=rows[name]["type"],
            period_type=rows[name]["period_type"],
            balance=rows[name]["balance"] or None,
            us_gaap=rows[name]["us_gaap"] or None,
            relation=rows[name]["relation"] or "none",
        )
        for name in sorted(names)
    )


def src(line: int, cell: str | None = None, *, end: int | None = None, doc: str = RELEASE) -> SourceRef:
    """Where a figure was printed: the exact text of lines ``line``..``end`` of ``samples/<doc>``."""
    lines = (ROOT / "samples" / doc).read_text(encoding="utf-8").split("\n")
    last = end or line
    return SourceRef(document=doc, line_start=line, line_end=last, text="\n".join(lines[line - 1 : last]), cell=cell)


def fact(
    concept: str,
    value: str,
    decimals: int | None,
    period: Period,
    unit: Unit,
    *sources: SourceRef,
    dimensions: tuple[tuple[str, str], ...] = (),
) -> Fact:
    return Fact(
        concept=concept,
        value=Decimal(value),
        decimals=decimals,
        period=period,
        unit=unit,
        dimensions=dimensions,
        sources=sources,
    )


def result_of(facts: tuple[Fact, ...], *, name: str = RELEASE, entity: Entity = IIJ) -> Result:
    return Result(
        document=DocumentInfo(name=name, title="IIJ Announces First Quarter 2003 Results", form="6-K"),
        entity=entity,
        taxonomy=taxonomy_ref(),
        concepts=concept_infos({f.concept for f in facts}),
        facts=facts,
    )


def iij_quarter() -> Result:
    """Monetary, per-share, per-ADS, shares, Gbps and pure units; durations, instants, a day-before instant; INF."""
    return result_of(
        (
            fact("Revenues", "8344046000", -3, Q1_03, JPY, src(604, "8,344,046")),
            fact("CostsAndExpenses", "9403620000", -3, Q1_03, JPY, src(619, "9,403,620")),
            fact(
                "OperatingIncomeLoss",
                "-1059574000",
                -3,
                Q1_03,
                JPY,
                src(621, "(1,059,574)"),
                src(23, "JPY 1,060 million", end=24),
            ),
            fact("NetIncomeLoss", "-1989090000", -3, Q1_03, JPY, src(637, "(1,989,090)")),
            fact("EarningsPerShareBasic", "-87970", 0, Q1_03, JPY_PER_SHARE, src(640, "(87,970)")),
            fact("NetIncomeLossPerADSEquivalentBasic", "-43.98", 2, Q1_03, JPY_PER_ADS, src(641, "(43.98)")),
            fact("WeightedAverageNumberOfSharesOutstandingBasic", "22611", 0, Q1_03, SHARES, src(642, "22,611")),
            fact("Revenues", "9849202000", -3, Q1_02, JPY, src(667, "9,849,202")),
            fact("CostsAndExpenses", "10313357000", -3, Q1_02, JPY, src(682, "10,313,357")),
            fact("OperatingIncomeLoss", "-464155000", -3, Q1_02, JPY, src(685, "(464,155)"), src(399, "-464")),
            fact("Assets", "35283861000", -3, AT_JUN03, JPY, src(820, "35,283,861")),
            fact("Assets", "39219388000", -3, AT_MAR03, JPY, src(905, "39,219,388")),
            fact("ContractBandwidthTotal", "51.4", 1, AT_JUN03, GBPS, src(235, "51.4")),
            fact("ContractBandwidthTotal", "14.4", None, AT_JUN02, GBPS, src(59, "14.4Gbps", doc=SLIDES)),
            fact("DedicatedAccessServiceContracts", "5876", None, AT_JUN03, PURE, src(206, "5,876")),
        )
    )


def with_dimensions() -> Result:
    """Facts on taxonomy axes, for serialiser-only tests (the taxonomy defines no axes yet)."""
    base = iij_quarter()
    dial_up = fact(
        "Revenues",
        "767418000",
        -3,
        Q1_03,
        JPY,
        src(594, "767,418"),
        dimensions=(("ProductOrServiceAxis", "DialUpAccessServicesMember"),),
    )
    two_axes = fact(
        "Revenues",
        "3321229000",
        -3,
        Q1_03,
        JPY,
        src(593, "3,321,229"),
        dimensions=(
            ("lx:StatementGeographicalAxis", "lx:JapanMember"),
            ("ProductOrServiceAxis", "DedicatedAccessServicesMember"),
        ),
    )
    return result_of((*base.facts[:2], dial_up, two_axes))


# --- the one fact set every format must give back ------------------------------------------------

FactKey = tuple[str, tuple[str, str], tuple[date | None, date], str, Decimal, int | None, tuple[tuple[str, str], ...]]
"""(concept, (scheme, identifier), (start, inclusive end), xBRL-JSON unit, value, decimals, sorted dimensions)."""


def fact_key(
    concept: str,
    entity: tuple[str, str],
    start: date | None,
    end: date,
    unit: str,
    value: Decimal,
    decimals: int | None,
    dims: tuple[tuple[str, str], ...] = (),
) -> FactKey:
    return (concept, entity, (start, end), unit, value, decimals, tuple(sorted(dims)))


def unit_text(unit: Unit) -> str:
    """The xBRL-JSON unit string, with ``xbrli:pure`` spelled out (xBRL-JSON leaves it out)."""
    from converter.serialize.oim import oim_unit

    return oim_unit(unit) or "xbrli:pure"


def result_facts(result: Result) -> set[FactKey]:
    """The facts as the ``Result`` states them."""
    entity = (result.entity.scheme, result.entity.identifier)
    return {
        fact_key(
            f.concept,
            entity,
            f.period.start,
            f.period.end,
            unit_text(f.unit),
            f.value,
            f.decimals,
            tuple((a.rpartition(":")[2], m.rpartition(":")[2]) for a, m in f.dimensions),
        )
        for f in result.facts
    }


def jsonld_facts(data: bytes, taxonomy: TaxonomyRef) -> set[FactKey]:
    """The facts read back from ``to_jsonld`` output with rdflib (one per qb:Observation)."""
    from rdflib import RDF, Graph, Literal, Namespace
    from rdflib.term import Node

    from converter.serialize.jsonld import LXV, name_iri

    lxv, qb = Namespace(LXV), Namespace("http://purl.org/linked-data/cube#")
    skos = Namespace("http://www.w3.org/2004/02/skos/core#")
    graph = Graph().parse(data=data, format="json-ld")
    base = name_iri(taxonomy.namespace, "")

    def one(subject: Node, prop: Node) -> Node | None:
        values = list(graph.objects(subject, prop))  # type: ignore[arg-type]
        assert len(values) <= 1, (subject, prop, values)
        return values[0] if values else None

    def day(subject: Node, prop: Node) -> date | None:
        value = one(subject, prop)
        return None if value is None else date.fromisoformat(str(value))

    keys = set()
    for obs in graph.subjects(RDF.type, qb.Observation):
        entity, value, decimals = one(obs, lxv.entity), one(obs, lxv.value), one(obs, lxv.decimals)
        assert entity is not None and isinstance(value, Literal)
        instant = day(obs, lxv.periodInstant)
        end = instant or day(obs, lxv.periodEnd)
        assert end is not None
        keys.add(
            fact_key(
                str(one(obs, lxv.concept)).removeprefix(base),
                (str(one(entity, lxv.scheme)), str(one(entity, lxv.identifier))),
                None if instant else day(obs, lxv.periodStart),
                end,
                str(one(one(obs, lxv.unit), skos.notation)),  # type: ignore[arg-type]
                Decimal(str(value)),
                None if decimals is None else int(str(decimals)),
                tuple(
                    (str(p).removeprefix(base), str(o).removeprefix(base))
                    for p, o in graph.predicate_objects(obs)
                    if str(p).startswith(base)
                ),
            )
        )
    return keys
