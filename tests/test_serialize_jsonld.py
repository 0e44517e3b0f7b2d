"""The JSON-LD writer: Data Cube observations, typed literals, provenance, SHACL conformance."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal

import pyshacl
import pytest
from fixtures_results import (
    AT_MAR03,
    JPY,
    Q1_03,
    fact,
    iij_quarter,
    jsonld_facts,
    result_facts,
    result_of,
    src,
    with_dimensions,
)
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef

from converter.model import FALLBACK_SCHEME, Entity, Fact, Result, Unit
from converter.serialize.jsonld import LXV, entity_iri, name_iri, shapes_ttl, to_jsonld, unit_iri
from converter.serialize.xbrl import fact_ids

QB = Namespace("http://purl.org/linked-data/cube#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # rdflib's closed XSD namespace trips pytest's collector
PROV = Namespace("http://www.w3.org/ns/prov#")
LXVN = Namespace(LXV)
FIXTURES = {"iij_quarter": iij_quarter, "with_dimensions": with_dimensions}


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Expanding the JSON-LD must not fetch anything: the @context is inline."""

    def refuse(*args: object, **kwargs: object) -> socket.socket:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    yield


def graph_of(result: Result) -> Graph:
    return Graph().parse(data=to_jsonld(result), format="json-ld")


def shapes() -> Graph:
    return Graph().parse(data=shapes_ttl(), format="turtle")


def conforms(graph: Graph) -> tuple[bool, str]:
    ok, _, text = pyshacl.validate(graph, shacl_graph=shapes())
    return bool(ok), str(text)


@pytest.mark.parametrize(
    ("namespace", "local", "expected"),
    [
        ("http://legacy-xbrl.org/taxonomy/2025", "Revenues", "http://legacy-xbrl.org/taxonomy/2025#Revenues"),
        ("http://example.com/tax/", "Revenues", "http://example.com/tax/Revenues"),
        ("http://example.com/tax#", "Revenues", "http://example.com/tax#Revenues"),
        ("http://www.xbrl.org/2003/iso4217", "JPY", "http://www.xbrl.org/2003/iso4217#JPY"),
    ],
)
def test_name_iri(namespace: str, local: str, expected: str) -> None:
    assert name_iri(namespace, local) == expected


@pytest.mark.parametrize(
    ("entity", "expected"),
    [
        (
            Entity(scheme="http://www.sec.gov/CIK", identifier="0001090633"),
            "tag:legacy-xbrl.org,2025:entity/cik/0001090633",
        ),
        (Entity(scheme=FALLBACK_SCHEME, identifier="iij"), "tag:legacy-xbrl.org,2025:entity/lxentity/iij"),
        (
            Entity(scheme="http://x.org/id", identifier="a b"),
            "tag:legacy-xbrl.org,2025:entity/http%3A%2F%2Fx.org%2Fid/a%20b",
        ),
    ],
)
def test_entity_iri(entity: Entity, expected: str) -> None:
    assert entity_iri(entity) == expected


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        (JPY, "tag:legacy-xbrl.org,2025:unit/iso4217:JPY"),
        (
            Unit(numerators=("iso4217:JPY",), denominators=("xbrli:shares",)),
            "tag:legacy-xbrl.org,2025:unit/iso4217:JPY/xbrli:shares",
        ),
        (Unit(numerators=("xbrli:pure",)), "tag:legacy-xbrl.org,2025:unit/xbrli:pure"),
    ],
)
def test_unit_iri(unit: Unit, expected: str) -> None:
    assert unit_iri(unit) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "lexical", "decimals_lexical"),
    [
        ("8344046000", -3, "8344046000", "-3"),
        ("-87970", 0, "-87970", "0"),
        ("-43.98", 2, "-43.98", "2"),
        ("8.344046E+9", -3, "8344046000", "-3"),
        ("14.4", None, "14.4", None),
    ],
)
def test_value_and_decimals_are_typed_strings(
    value: str, decimals: int | None, lexical: str, decimals_lexical: str | None
) -> None:
    document = json.loads(to_jsonld(result_of((fact("Revenues", value, decimals, Q1_03, JPY, src(604, "x")),))))
    (obs,) = [n for n in document["@graph"] if n.get("@type") == "qb:Observation"]
    assert obs["lxv:value"] == {"@value": lexical, "@type": "xsd:decimal"}
    if decimals_lexical is None:
        assert "lxv:decimals" not in obs
    else:
        assert obs["lxv:decimals"] == {"@value": decimals_lexical, "@type": "xsd:integer"}


@pytest.mark.parametrize(
    ("period_fact", "props"),
    [
        (fact("Revenues", "1", 0, Q1_03, JPY, src(1, "x")), {"periodStart": "2003-04-01", "periodEnd": "2003-06-30"}),
        (fact("Assets", "1", 0, AT_MAR03, JPY, src(1, "x")), {"periodInstant": "2003-03-31"}),
    ],
)
def test_periods_as_xsd_dates(period_fact: Fact, props: dict[str, str]) -> None:
    graph = graph_of(result_of((period_fact,)))
    (obs,) = graph.subjects(RDF.type, QB.Observation)
    written = {
        str(p).removeprefix(LXV): o for p, o in graph.predicate_objects(obs) if str(p).startswith(LXV + "period")
    }
    assert written == {k: Literal(v, datatype=XSD.date) for k, v in props.items()}
    assert all(isinstance(o.toPython(), date) for o in written.values())  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_one_observation_per_fact(name: str) -> None:
    result = FIXTURES[name]()
    graph = graph_of(result)
    observations = set(graph.subjects(RDF.type, QB.Observation))
    assert len(observations) == len(result.facts)
    doc = "tag:legacy-xbrl.org,2025:doc/iij-2003-08-12-6k-1q03-earnings-release.txt"
    assert {str(o) for o in observations} == {f"{doc}#{i}" for i in fact_ids(result)}


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_facts_read_back(name: str) -> None:
    result = FIXTURES[name]()
    assert jsonld_facts(to_jsonld(result), result.taxonomy) == result_facts(result)


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_shapes_conform(name: str) -> None:
    ok, report = conforms(graph_of(FIXTURES[name]()))
    assert ok, report


def test_every_concept_used_has_its_label() -> None:
    result = iij_quarter()
    graph = graph_of(result)
    labels = {c.name: c.label for c in result.concepts}
    for concept in set(graph.objects(None, LXVN.concept)):
        local = str(concept).removeprefix(name_iri(result.taxonomy.namespace, ""))
        assert graph.value(concept, RDFS.label) == Literal(labels[local], lang="en")


def test_provenance_keeps_lines_and_exact_text() -> None:
    result = iij_quarter()
    graph = graph_of(result)
    obs = URIRef(f"tag:legacy-xbrl.org,2025:doc/{result.document.name}#{fact_ids(result)[2]}")
    sources = {
        (int(graph.value(s, LXVN.lineStart)), int(graph.value(s, LXVN.lineEnd)), str(graph.value(s, PROV.value)))  # type: ignore[arg-type]
        for s in graph.objects(obs, PROV.wasDerivedFrom)
    }
    assert sources == {(s.line_start, s.line_end, s.text) for s in result.facts[2].sources}
    for source in graph.objects(obs, PROV.wasDerivedFrom):
        assert (source, RDF.type, PROV.Entity) in graph
        assert graph.value(source, PROV.wasQuotedFrom) == URIRef(f"tag:legacy-xbrl.org,2025:doc/{result.document.name}")


def test_structure_declares_the_axes() -> None:
    graph = graph_of(with_dimensions())
    (dsd,) = graph.subjects(RDF.type, QB.DataStructureDefinition)
    dims = {graph.value(c, QB.dimension) for c in graph.objects(dsd, QB.component)} - {None}
    base = name_iri(with_dimensions().taxonomy.namespace, "")
    assert {str(d) for d in dims} == {
        LXV + t for t in ("concept", "entity", "periodStart", "periodEnd", "periodInstant", "unit")
    } | {base + "ProductOrServiceAxis", base + "StatementGeographicalAxis"}
    measures = {graph.value(c, QB.measure) for c in graph.objects(dsd, QB.component)} - {None}
    assert measures == {LXVN.value}


def test_same_result_same_bytes() -> None:
    result = iij_quarter()
    assert to_jsonld(result) == to_jsonld(Result.model_validate(result.model_dump())) == to_jsonld(iij_quarter())


def test_concept_without_info_refused() -> None:
    result = iij_quarter()
    stripped = result.model_copy(update={"concepts": result.concepts[1:]})
    with pytest.raises(ValueError, match="does not describe"):
        to_jsonld(stripped)


# --- the shapes catch what they are meant to catch ----------------------------------------------


def _first_obs(graph: Graph) -> URIRef:
    return sorted(graph.subjects(RDF.type, QB.Observation))[0]  # type: ignore[return-value, type-var]


def _drop_labels(graph: Graph) -> None:
    graph.remove((None, RDFS.label, None))


def _add_instant_to_duration(graph: Graph) -> None:
    obs = next(o for o in graph.subjects(RDF.type, QB.Observation) if graph.value(o, LXVN.periodStart) is not None)
    graph.add((obs, LXVN.periodInstant, Literal("2003-06-30", datatype=XSD.date)))


def _value_as_double(graph: Graph) -> None:
    obs = _first_obs(graph)
    graph.set((obs, LXVN.value, Literal(Decimal("1.5"), datatype=XSD.double)))


def _second_concept(graph: Graph) -> None:
    graph.add((_first_obs(graph), LXVN.concept, URIRef(name_iri("http://legacy-xbrl.org/taxonomy/2025", "Assets"))))


def _no_provenance(graph: Graph) -> None:
    graph.remove((_first_obs(graph), PROV.wasDerivedFrom, None))


def _lines_backwards(graph: Graph) -> None:
    source = next(iter(graph.objects(_first_obs(graph), PROV.wasDerivedFrom)))
    graph.set((source, LXVN.lineStart, Literal(9999)))


def _no_source_text(graph: Graph) -> None:
    graph.remove((None, PROV.value, None))


def _period_end_before_start(graph: Graph) -> None:
    obs = next(o for o in graph.subjects(RDF.type, QB.Observation) if graph.value(o, LXVN.periodStart) is not None)
    graph.set((obs, LXVN.periodEnd, Literal("2003-01-01", datatype=XSD.date)))


def _decimals_as_string(graph: Graph) -> None:
    graph.set((_first_obs(graph), LXVN.decimals, Literal("-3")))


def _no_unit(graph: Graph) -> None:
    graph.remove((_first_obs(graph), LXVN.unit, None))


@pytest.mark.parametrize(
    "damage",
    [
        _drop_labels,
        _add_instant_to_duration,
        _value_as_double,
        _second_concept,
        _no_provenance,
        _lines_backwards,
        _no_source_text,
        _period_end_before_start,
        _decimals_as_string,
        _no_unit,
    ],
)
def test_shapes_reject(damage: Callable[[Graph], None]) -> None:
    graph = graph_of(iij_quarter())
    damage(graph)
    ok, _ = conforms(graph)
    assert not ok
