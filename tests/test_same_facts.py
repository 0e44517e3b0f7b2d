"""The three formats carry the same facts: Arelle reads the .xbrl and the xBRL-JSON, rdflib the JSON-LD.

Each fact is compared as (concept, entity, period, unit, value, decimals, dimensions); both XBRL
files must load with no error and no calculation inconsistency against the taxonomy package, and
the JSON-LD must conform to ``shapes.ttl``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pyshacl
import pytest
from fixtures_results import (
    ROOT,
    FactKey,
    fact_key,
    iij_quarter,
    jsonld_facts,
    result_facts,
    taxonomy_ref,
    unit_text,
)
from rdflib import Graph

from converter.model import Result, TaxonomyRef, Unit
from converter.package import write_package
from converter.pipeline import Options, convert
from converter.serialize.jsonld import shapes_ttl, to_jsonld
from converter.serialize.oim import to_xbrl_json
from converter.serialize.xbrl import ISO4217, XBRLI, to_xbrl
from converter.taxonomy import load_taxonomy
from converter.validate import ValidationResult, Validator

SAMPLES = sorted((ROOT / "samples").glob("*.txt"))


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    taxonomy = load_taxonomy()
    assert taxonomy.ref() == taxonomy_ref()  # the fixtures point where the package says
    return write_package(taxonomy, tmp_path_factory.mktemp("package") / f"{taxonomy.package_id}.zip")


@pytest.fixture(scope="module")
def validator(package: Path) -> Iterator[Validator]:
    with Validator(package) as v:
        yield v


@pytest.fixture(scope="module")
def arelle_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Arelle writes its config under XDG_CONFIG_HOME: keep it out of the user's home."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("arelle-config")))
        yield


def arelle_facts(path: Path, package: Path, taxonomy: TaxonomyRef) -> set[FactKey]:
    """Load ``path`` in Arelle (kept open) and read every fact back as a ``FactKey``."""
    from arelle.api.Session import Session
    from arelle.RuntimeOptions import RuntimeOptions

    assert os.environ.get("XDG_CONFIG_HOME")
    prefixes = {ISO4217: "iso4217", XBRLI: "xbrli", taxonomy.namespace: taxonomy.prefix}
    options = RuntimeOptions(
        entrypointFile=str(path),
        workOffline=True,
        disablePersistentConfig=True,
        packages=[str(package)],
        keepOpen=True,
        logRefObjectProperties=False,
    )
    keys: set[FactKey] = set()
    # A Session per file: arelle-release 2.47.3 cannot run twice with `packages` in one Session.
    with Session() as session:
        assert session.run(options, logFileName="logToStructuredMessage")
        (model,) = session.get_models()
        try:
            for f in model.facts:
                ctx, measures = f.context, f.unit.measures
                assert f.qname.namespaceURI == taxonomy.namespace
                unit = Unit(
                    numerators=tuple(f"{prefixes[m.namespaceURI]}:{m.localName}" for m in measures[0]),
                    denominators=tuple(f"{prefixes[m.namespaceURI]}:{m.localName}" for m in measures[1]),
                )
                end = (ctx.endDatetime - timedelta(days=1)).date()  # Arelle's end is exclusive
                keys.add(
                    fact_key(
                        f.qname.localName,
                        ctx.entityIdentifier,
                        None if ctx.isInstantPeriod else ctx.startDatetime.date(),
                        end,
                        unit_text(unit),
                        Decimal(f.value),
                        None if f.decimals == "INF" else int(f.decimals),
                        tuple((d.localName, v.memberQname.localName) for d, v in ctx.qnameDims.items()),
                    )
                )
            assert len(keys) == len(model.facts)
        finally:
            model.close()
    return keys


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
    bad_fact = good.facts[2].model_copy(update={"value": good.facts[2].value + 1_000_000})
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
