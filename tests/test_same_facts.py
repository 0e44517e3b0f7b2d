"""The three formats carry the same facts: Arelle reads the .xbrl and the xBRL-JSON, rdflib the JSON-LD.

Each fact is compared as (concept, entity, period, unit, value, decimals, dimensions); both XBRL
files must load with no error and no calculation inconsistency against the taxonomy package, and
the JSON-LD must conform to ``shapes.ttl``.
"""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
from arelle_read import arelle_fact_copies
from fixtures_results import (
    ROOT,
    FactKey,
    iij_quarter,
    jsonld_facts,
    result_facts,
    taxonomy_ref,
)
from rdflib import Graph

from converter.model import Result, TaxonomyRef
from converter.pipeline import Options, convert
from converter.serialize.jsonld import shapes_ttl, to_jsonld
from converter.serialize.oim import to_xbrl_json
from converter.serialize.xbrl import to_xbrl
from converter.taxonomy import load_taxonomy
from converter.validate import ValidationResult, Validator

SAMPLES = sorted((ROOT / "samples").glob("*.txt"))


def arelle_facts(path: Path, package: Path, taxonomy: TaxonomyRef) -> set[FactKey]:
    """The facts Arelle reads from ``path``, each once (a duplicate would be a serialiser bug)."""
    copies = arelle_fact_copies(path, package, taxonomy)
    assert len(set(copies)) == len(copies)
    return set(copies)


def test_fixtures_point_where_the_package_says() -> None:
    assert load_taxonomy().ref() == taxonomy_ref()


def problems(result: ValidationResult) -> str:
    return "\n".join(f"{m.level} {m.code} {m.message}" for m in result.problems)


def check_formats_agree(result: Result, folder: Path, validator: Validator, package: Path) -> None:
    stem = Path(result.document.name).stem
    xml, oim = folder / f"{stem}.xbrl", folder / f"{stem}.json"
    xml.write_bytes(to_xbrl(result))
    oim.write_bytes(to_xbrl_json(result))
    for path in (xml, oim):
        checked = validator.validate(path)
        assert (checked.errors, checked.inconsistencies) == (0, 0), problems(checked)
    expected = result_facts(result)
    assert len(expected) == len(result.facts)
    from_xml = arelle_facts(xml, package, result.taxonomy)
    from_oim = arelle_facts(oim, package, result.taxonomy)
    linked = to_jsonld(result)
    ok, _, report = pyshacl.validate(
        Graph().parse(data=linked, format="json-ld"), shacl_graph=Graph().parse(data=shapes_ttl())
    )
    assert ok, report
    from_jsonld = jsonld_facts(linked, result.taxonomy)
    assert from_xml == expected
    assert from_oim == from_xml
    assert from_jsonld == from_xml


@pytest.mark.usefixtures("arelle_home")
def test_fixture_formats_agree(tmp_path: Path, validator: Validator, package: Path) -> None:
    check_formats_agree(iij_quarter(), tmp_path, validator, package)


@pytest.mark.parametrize(("writer", "suffix"), [(to_xbrl, "xbrl"), (to_xbrl_json, "json")])
def test_calculations_are_checked(tmp_path: Path, validator: Validator, writer: object, suffix: str) -> None:
    """Operating loss off by JPY 1 million: both formats must show the calculation inconsistency."""
    good = iij_quarter()
    bad_fact = good.facts[2].replace(value=good.facts[2].value + 1_000_000)
    assert bad_fact.concept == "OperatingIncomeLoss"
    bad = good.model_copy(update={"facts": (*good.facts[:2], bad_fact, *good.facts[3:])})
    path = tmp_path / f"bad.{suffix}"
    path.write_bytes(writer(bad))  # type: ignore[operator]
    checked = validator.validate(path)
    assert checked.errors == 0, problems(checked)
    assert checked.inconsistencies >= 1


@pytest.mark.usefixtures("arelle_home")
@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name for p in SAMPLES])
def test_sample_formats_agree(sample: Path, tmp_path: Path, validator: Validator, package: Path) -> None:
    result = convert(sample.read_bytes(), name=sample.name, options=Options(), taxonomy=load_taxonomy())
    check_formats_agree(result, tmp_path, validator, package)
