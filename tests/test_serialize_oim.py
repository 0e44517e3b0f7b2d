"""The xBRL-JSON writer: OIM periods (exclusive end), unit strings, string values, integer decimals."""

from __future__ import annotations

import json
from datetime import date

import pytest
from fixtures_results import (
    AT_JUN03,
    AT_MAR03,
    GBPS,
    JPY,
    JPY_PER_ADS,
    JPY_PER_SHARE,
    Q1_03,
    SHARES,
    fact,
    iij_quarter,
    result_of,
    src,
    with_dimensions,
)

from converter.model import FALLBACK_SCHEME, Entity, Period, Result, Unit
from converter.serialize.oim import DOCUMENT_TYPE, oim_period, oim_unit, to_xbrl_json
from converter.serialize.xbrl import fact_ids


def load(result: Result) -> dict[str, dict[str, object]]:
    document: dict[str, dict[str, object]] = json.loads(to_xbrl_json(result))
    return document


def facts_of(result: Result) -> dict[str, dict[str, object]]:
    facts = load(result)["facts"]
    assert isinstance(facts, dict)
    return facts


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        (Q1_03, "2003-04-01T00:00:00/2003-07-01T00:00:00"),
        (AT_JUN03, "2003-07-01T00:00:00"),
        (AT_MAR03, "2003-04-01T00:00:00"),  # the day-before instant meets the quarter's start
        (Period.instant(date(2003, 12, 31)), "2004-01-01T00:00:00"),
        (Period.instant(date(2004, 2, 28)), "2004-02-29T00:00:00"),
        (Period.instant(date(2004, 2, 29)), "2004-03-01T00:00:00"),
        (Period.duration(date(2003, 6, 30), date(2003, 6, 30)), "2003-06-30T00:00:00/2003-07-01T00:00:00"),
        (Period.duration(date(2003, 4, 1), date(2004, 3, 31)), "2003-04-01T00:00:00/2004-04-01T00:00:00"),
    ],
)
def test_oim_period(period: Period, expected: str) -> None:
    assert oim_period(period) == expected


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        (JPY, "iso4217:JPY"),
        (SHARES, "xbrli:shares"),
        (JPY_PER_SHARE, "iso4217:JPY/xbrli:shares"),
        (JPY_PER_ADS, "iso4217:JPY/lx:ADS"),
        (GBPS, "lx:Gbps"),
        (Unit(numerators=("xbrli:pure",)), ""),
        (Unit(numerators=("xbrli:shares", "iso4217:JPY")), "iso4217:JPY*xbrli:shares"),
        (
            Unit(numerators=("iso4217:JPY",), denominators=("xbrli:shares", "lx:ADS")),
            "iso4217:JPY/(lx:ADS*xbrli:shares)",
        ),
    ],
)
def test_oim_unit(unit: Unit, expected: str) -> None:
    assert oim_unit(unit) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        ("8344046000", -3, {"value": "8344046000", "decimals": -3}),
        ("-87970", 0, {"value": "-87970", "decimals": 0}),
        ("-43.98", 2, {"value": "-43.98", "decimals": 2}),
        ("8.344046E+9", -3, {"value": "8344046000", "decimals": -3}),
        ("14.4", None, {"value": "14.4"}),
    ],
)
def test_value_is_a_string_and_decimals_an_integer(
    value: str, decimals: int | None, expected: dict[str, object]
) -> None:
    (written,) = facts_of(result_of((fact("Revenues", value, decimals, Q1_03, JPY, src(604, "x")),))).values()
    assert {k: v for k, v in written.items() if k != "dimensions"} == expected


def test_document_info() -> None:
    info = load(iij_quarter())["documentInfo"]
    assert info["documentType"] == DOCUMENT_TYPE == "https://xbrl.org/2021/xbrl-json"
    assert info["taxonomy"] == ["http://legacy-xbrl.org/taxonomy/2025/lx-2025.xsd"]
    assert info["namespaces"] == {
        "cik": "http://www.sec.gov/CIK",
        "iso4217": "http://www.xbrl.org/2003/iso4217",
        "lx": "http://legacy-xbrl.org/taxonomy/2025",
        "xbrl": "https://xbrl.org/2021",
        "xbrli": "http://www.xbrl.org/2003/instance",
    }


def test_core_dimensions() -> None:
    facts = facts_of(iij_quarter())
    assert facts["f-4c4a63b61427"]["dimensions"] == {
        "concept": "lx:Revenues",
        "entity": "cik:0001090633",
        "period": "2003-04-01T00:00:00/2003-07-01T00:00:00",
        "unit": "iso4217:JPY",
    }


def test_fact_ids_match_the_xml_instance() -> None:
    result = iij_quarter()
    assert set(facts_of(result)) == set(fact_ids(result))
    assert len(facts_of(result)) == len(result.facts)


def test_taxonomy_dimensions() -> None:
    dims = [f["dimensions"] for f in facts_of(with_dimensions()).values()]
    assert {
        "concept": "lx:Revenues",
        "entity": "cik:0001090633",
        "period": "2003-04-01T00:00:00/2003-07-01T00:00:00",
        "unit": "iso4217:JPY",
        "lx:ProductOrServiceAxis": "lx:DedicatedAccessServicesMember",
        "lx:StatementGeographicalAxis": "lx:JapanMember",
    } in dims


def test_pure_unit_leaves_out_the_unit_dimension() -> None:
    pure = fact("Revenues", "0.5", 2, Q1_03, Unit(numerators=("xbrli:pure",)), src(1, "x"))
    (written,) = facts_of(result_of((pure,))).values()
    dims = written["dimensions"]
    assert isinstance(dims, dict)
    assert "unit" not in dims


def test_fallback_entity_scheme_gets_its_own_prefix() -> None:
    named = Entity(scheme=FALLBACK_SCHEME, identifier="internet-initiative-japan")
    document = load(result_of(iij_quarter().facts, entity=named))
    namespaces = document["documentInfo"]["namespaces"]
    assert isinstance(namespaces, dict)
    assert namespaces["lxentity"] == FALLBACK_SCHEME
    assert all(f["dimensions"]["entity"] == "lxentity:internet-initiative-japan" for f in document["facts"].values())  # type: ignore[index, union-attr]


def test_entity_identifier_with_space_refused() -> None:
    spaced = Entity(scheme=FALLBACK_SCHEME, identifier="Internet Initiative")
    with pytest.raises(ValueError, match="SQName"):
        to_xbrl_json(result_of(iij_quarter().facts, entity=spaced))


def test_same_result_same_bytes_sorted_keys() -> None:
    result = iij_quarter()
    data = to_xbrl_json(result)
    assert data == to_xbrl_json(Result.model_validate(result.model_dump()))
    assert data.endswith(b"}\n")
    assert data == (json.dumps(json.loads(data), indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
