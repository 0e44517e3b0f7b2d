"""The generated taxonomy package: byte-for-byte reproducible, and Arelle validates instances against it offline."""

from __future__ import annotations

import io
import json
import posixpath
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from converter.package import package_bytes, package_files, write_package
from converter.taxonomy import Taxonomy, load_taxonomy, root_name
from converter.validate import ValidationResult, Validator, validate_paths

XS = "{http://www.w3.org/2001/XMLSchema}"
TP = "{http://xbrl.org/2016/taxonomy-package}"
CATALOG = "{urn:oasis:names:tc:entity:xmlns:xml:catalog}"

# The quarter of the IIJ 1Q03 release; OperatingIncomeLoss = Revenues - CostsAndExpenses (IncomeStatement).
FACTS = """
  <lx:Revenues contextRef="D2003Q1" unitRef="JPY" decimals="-3">8344046000</lx:Revenues>
  <lx:CostsAndExpenses contextRef="D2003Q1" unitRef="JPY" decimals="-3">7577000000</lx:CostsAndExpenses>
  <lx:OperatingIncomeLoss id="oi" contextRef="D2003Q1" unitRef="JPY" decimals="-3">767046000</lx:OperatingIncomeLoss>
  <lx:EarningsPerShareBasic contextRef="D2003Q1" unitRef="JPY-per-shares" decimals="2">-5.64</lx:EarningsPerShareBasic>
  <lx:NetIncomeLossPerADSEquivalentBasic contextRef="D2003Q1" unitRef="JPY-per-ADS" decimals="2"
    >-2.82</lx:NetIncomeLossPerADSEquivalentBasic>
  <lx:ContractBandwidthTotal contextRef="I2003-06-30" unitRef="Gbps" decimals="INF">12.5</lx:ContractBandwidthTotal>
"""

INSTANCE = """<?xml version="1.0" encoding="UTF-8"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase"
  xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:iso4217="http://www.xbrl.org/2003/iso4217"
  xmlns:lx="{namespace}">
  <link:schemaRef xlink:type="simple" xlink:href="{entry_point}"/>
  <xbrli:context id="D2003Q1">
    <xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0001090633</xbrli:identifier></xbrli:entity>
    <xbrli:period><xbrli:startDate>2003-04-01</xbrli:startDate><xbrli:endDate>2003-06-30</xbrli:endDate></xbrli:period>
  </xbrli:context>
  <xbrli:context id="I2003-06-30">
    <xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0001090633</xbrli:identifier></xbrli:entity>
    <xbrli:period><xbrli:instant>2003-06-30</xbrli:instant></xbrli:period>
  </xbrli:context>
  <xbrli:unit id="JPY"><xbrli:measure>iso4217:JPY</xbrli:measure></xbrli:unit>
  <xbrli:unit id="JPY-per-shares"><xbrli:divide>
    <xbrli:unitNumerator><xbrli:measure>iso4217:JPY</xbrli:measure></xbrli:unitNumerator>
    <xbrli:unitDenominator><xbrli:measure>xbrli:shares</xbrli:measure></xbrli:unitDenominator>
  </xbrli:divide></xbrli:unit>
  <xbrli:unit id="JPY-per-ADS"><xbrli:divide>
    <xbrli:unitNumerator><xbrli:measure>iso4217:JPY</xbrli:measure></xbrli:unitNumerator>
    <xbrli:unitDenominator><xbrli:measure>lx:ADS</xbrli:measure></xbrli:unitDenominator>
  </xbrli:divide></xbrli:unit>
  <xbrli:unit id="Gbps"><xbrli:measure>lx:Gbps</xbrli:measure></xbrli:unit>
{facts}</xbrli:xbrl>
"""


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


@pytest.fixture(scope="module")
def validator(taxonomy: Taxonomy, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Validator]:
    package = write_package(taxonomy, tmp_path_factory.mktemp("package") / "lx.zip")
    with Validator(package) as v:
        yield v


def instance(folder: Path, taxonomy: Taxonomy, facts: str = FACTS, name: str = "q.xbrl") -> Path:
    path = folder / name
    text = INSTANCE.format(namespace=taxonomy.namespace, entry_point=taxonomy.entry_point_url, facts=facts)
    path.write_text(text, encoding="utf-8")
    return path


def describe(result: ValidationResult) -> str:
    return "\n".join(f"{m.level} {m.code} line {m.line}: {m.message}" for m in result.problems)


# --- the package -----------------------------------------------------------------------------


def test_package_is_deterministic(taxonomy: Taxonomy) -> None:
    assert package_bytes(taxonomy) == package_bytes(load_taxonomy())


def test_zip_layout(taxonomy: Taxonomy) -> None:
    with zipfile.ZipFile(io.BytesIO(package_bytes(taxonomy))) as archive:
        infos = archive.infolist()
    names = [info.filename for info in infos]
    assert names == sorted(names)
    assert {name.split("/")[0] for name in names} == {taxonomy.package_id}
    assert f"{taxonomy.package_id}/META-INF/taxonomyPackage.xml" in names
    assert f"{taxonomy.package_id}/META-INF/catalog.xml" in names
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_package_metadata_points_at_the_entry_point(taxonomy: Taxonomy) -> None:
    files = package_files(taxonomy)
    meta = etree.fromstring(files[f"{taxonomy.package_id}/META-INF/taxonomyPackage.xml"])
    assert meta.findtext(f"{TP}identifier") == taxonomy.base_url
    assert meta.findtext(f"{TP}version") == taxonomy.version
    assert meta.find(f"{TP}entryPoints/{TP}entryPoint/{TP}entryPointDocument").get("href") == taxonomy.entry_point_url
    catalog = etree.fromstring(files[f"{taxonomy.package_id}/META-INF/catalog.xml"])
    rewrite = catalog.find(f"{CATALOG}rewriteURI")
    assert rewrite.get("uriStartString") == taxonomy.base_url
    schema = posixpath.normpath(f"{taxonomy.package_id}/META-INF/{rewrite.get('rewritePrefix')}{taxonomy.entry_point}")
    assert schema in files


def test_schema_declares_concepts_roles_and_roots(taxonomy: Taxonomy) -> None:
    schema_name = next(name for name in package_files(taxonomy) if name.endswith("/" + taxonomy.entry_point))
    schema = etree.fromstring(package_files(taxonomy)[schema_name])
    elements = {e.get("name"): e for e in schema.iter(f"{XS}element")}
    assert set(taxonomy.concepts) <= set(elements)
    assert elements["Revenues"].get("type") == "xbrli:monetaryItemType"
    assert elements["EarningsPerShareBasic"].get("type") == "dtr-types:perShareItemType"
    assert elements["NetIncomeLossPerADSEquivalentBasic"].get("type") == f"{taxonomy.prefix}:perUnitItemType"
    roots = {root_name(arc.role) for arc in taxonomy.presentation if arc.parent is None}
    assert all(elements[root].get("abstract") == "true" for root in roots)
    role_types = {r.get("id") for r in schema.iter("{http://www.xbrl.org/2003/linkbase}roleType")}
    assert role_types == {role.id for role in taxonomy.roles}


# --- validation ------------------------------------------------------------------------------


def test_valid_instance(validator: Validator, taxonomy: Taxonomy, tmp_path: Path) -> None:
    result = validator.validate(instance(tmp_path, taxonomy))
    assert (result.errors, result.inconsistencies) == (0, 0), describe(result)
    assert result.ok and result.problems == ()


def test_rounding_noise_is_consistent(validator: Validator, taxonomy: Taxonomy, tmp_path: Path) -> None:
    """4,089 - 767 printed as 3,321 (thousands): off by one in the last digit, within rounding."""
    facts = FACTS.replace("8344046000", "4089000").replace("7577000000", "767000").replace(">767046000<", ">3321000<")
    result = validator.validate(instance(tmp_path, taxonomy, facts))
    assert result.ok, describe(result)


def test_total_off_beyond_rounding_is_an_inconsistency(
    validator: Validator, taxonomy: Taxonomy, tmp_path: Path
) -> None:
    path = instance(tmp_path, taxonomy, FACTS.replace("767046000", "767946000"))
    result = validator.validate(path)
    assert (result.errors, result.inconsistencies) == (0, 1), describe(result)
    [message] = result.problems
    assert message.code == "calc11e:inconsistentCalculationUsingRounding"
    assert message.concept == f"{taxonomy.prefix}:OperatingIncomeLoss"
    assert message.refs[0].fact_id == "oi"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert 'id="oi"' in lines[message.line - 1]


def test_undefined_concept_is_an_error(validator: Validator, taxonomy: Taxonomy, tmp_path: Path) -> None:
    facts = FACTS.replace("lx:ContractBandwidthTotal", "lx:ContractBandwidthEverything")
    result = validator.validate(instance(tmp_path, taxonomy, facts))
    assert result.errors >= 1 and not result.ok
    assert "xmlSchema:elementUnexpected" in {m.code for m in result.problems}


def test_per_share_type_refuses_a_per_ads_unit(validator: Validator, taxonomy: Taxonomy, tmp_path: Path) -> None:
    """Why per-ADS figures are perUnit: the UTR allows only currency/xbrli:shares on perShareItemType."""
    facts = FACTS.replace(
        'EarningsPerShareBasic contextRef="D2003Q1" unitRef="JPY-per-shares"',
        ('EarningsPerShareBasic contextRef="D2003Q1" unitRef="JPY-per-ADS"'),
    )
    result = validator.validate(instance(tmp_path, taxonomy, facts))
    assert [m.code for m in result.problems] == ["utre:error-NumericFactUtrInvalid"]


def test_per_unit_type_wants_a_currency(validator: Validator, taxonomy: Taxonomy, tmp_path: Path) -> None:
    facts = FACTS.replace('unitRef="JPY-per-ADS"', 'unitRef="Gbps"')
    result = validator.validate(instance(tmp_path, taxonomy, facts))
    assert [m.code for m in result.problems] == ["utre:error-NumericFactUtrInvalid"]


def test_missing_file_is_an_error(validator: Validator, tmp_path: Path) -> None:
    result = validator.validate(tmp_path / "absent.xbrl")
    assert result.errors == 1 and not result.ok


def test_xbrl_json_report(validator: Validator, taxonomy: Taxonomy, tmp_path: Path) -> None:
    """Nothing assumes ``.xbrl``: an xBRL-JSON report (periods end exclusive) goes through the same API."""
    dimensions = {
        "entity": "cik:0001090633",
        "period": "2003-04-01T00:00:00/2003-07-01T00:00:00",
        "unit": "iso4217:JPY",
    }
    figures = {"Revenues": "8344046000", "CostsAndExpenses": "7577000000", "OperatingIncomeLoss": "767946000"}
    report = {
        "documentInfo": {
            "documentType": "https://xbrl.org/2021/xbrl-json",
            "namespaces": {
                taxonomy.prefix: taxonomy.namespace,
                "iso4217": "http://www.xbrl.org/2003/iso4217",
                "cik": "http://www.sec.gov/CIK",
            },
            "taxonomy": [taxonomy.entry_point_url],
        },
        "facts": {
            f"f{i}": {"value": value, "decimals": -3, "dimensions": {"concept": f"lx:{name}", **dimensions}}
            for i, (name, value) in enumerate(figures.items())
        },
    }
    path = tmp_path / "q.json"
    path.write_text(json.dumps(report), encoding="utf-8")
    result = validator.validate(path)
    assert (result.errors, result.inconsistencies) == (0, 1), describe(result)


def test_many_files_in_one_validator(validator: Validator, taxonomy: Taxonomy, tmp_path: Path) -> None:
    good = instance(tmp_path, taxonomy)
    bad = instance(tmp_path, taxonomy, FACTS.replace("767046000", "767946000"), name="bad.xbrl")
    results = validator.validate_all([good, bad, good])
    assert [r.ok for r in results] == [True, False, True]
    assert all(len(r.messages) == len(results[0].messages) for r in results[2:])  # no messages carried over


def test_validate_paths_writes_its_own_package(taxonomy: Taxonomy, tmp_path: Path) -> None:
    good = instance(tmp_path, taxonomy)
    [result] = validate_paths([good], taxonomy)
    assert result.ok and result.path == good and result.seconds > 0
