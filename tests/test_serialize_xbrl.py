"""The XBRL 2.1 instance writer: ids, periods, units, values, comments, determinism."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from fixtures_results import (
    AT_JUN03,
    AT_MAR03,
    JPY,
    Q1_03,
    RELEASE,
    fact,
    iij_quarter,
    result_of,
    src,
    with_dimensions,
)
from lxml import etree

from converter.model import Period, Result, Unit
from converter.serialize.xbrl import XBRLDI, XBRLI, context_id, fact_ids, plain_decimal, to_xbrl

NS = {
    "xbrli": XBRLI,
    "xbrldi": XBRLDI,
    "link": "http://www.xbrl.org/2003/linkbase",
    "lx": iij_quarter().taxonomy.namespace,
}
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


def parse(result: Result) -> etree._Element:
    return etree.fromstring(to_xbrl(result))


def items(root: etree._Element) -> list[etree._Element]:
    return [el for el in root if isinstance(el.tag, str) and el.tag.startswith(f"{{{NS['lx']}}}")]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("8344046000", "8344046000"),
        ("8.344046E+9", "8344046000"),
        ("-87970", "-87970"),
        ("-43.98", "-43.98"),
        ("-43.980", "-43.98"),
        ("51.40", "51.4"),
        ("1E+3", "1000"),
        ("1E-7", "0.0000001"),
        ("0", "0"),
        ("-0", "0"),
        ("0.00", "0"),
        ("-1059574000", "-1059574000"),
    ],
)
def test_plain_decimal(value: str, expected: str) -> None:
    assert plain_decimal(Decimal(value)) == expected


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity"])
def test_plain_decimal_refuses_non_finite(value: str) -> None:
    with pytest.raises(ValueError, match="finite"):
        plain_decimal(Decimal(value))


@pytest.mark.parametrize(
    ("period", "dimensions", "expected"),
    [
        (Q1_03, (), "D20030401-20030630"),
        (AT_JUN03, (), "I20030630"),
        (AT_MAR03, (), "I20030331"),  # the day before Q1_03 starts
        (Period.duration(date(2003, 1, 1), date(2003, 12, 31)), (), "D20030101-20031231"),
        (Q1_03, (("SegmentAxis", "NetworkMember"),), "D20030401-20030630_SegmentAxis-NetworkMember"),
        (AT_JUN03, (("AAxis", "BMember"), ("CAxis", "DMember")), "I20030630_AAxis-BMember_CAxis-DMember"),
    ],
)
def test_context_id(period: Period, dimensions: tuple[tuple[str, str], ...], expected: str) -> None:
    assert context_id(period, dimensions) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "text", "decimals_attr"),
    [
        ("8344046000", -3, "8344046000", "-3"),
        ("-87970", 0, "-87970", "0"),
        ("-43.98", 2, "-43.98", "2"),
        ("14.4", None, "14.4", "INF"),
        ("-1059574000", -3, "-1059574000", "-3"),
    ],
)
def test_value_and_decimals(value: str, decimals: int | None, text: str, decimals_attr: str) -> None:
    root = parse(result_of((fact("Revenues", value, decimals, Q1_03, JPY, src(604, "x")),)))
    (item,) = items(root)
    assert item.text == text
    assert item.get("decimals") == decimals_attr


def test_same_result_same_bytes() -> None:
    result = iij_quarter()
    copy = Result.model_validate(result.model_dump())
    assert to_xbrl(result) == to_xbrl(copy) == to_xbrl(iij_quarter())


def test_schema_ref_is_the_absolute_entry_point() -> None:
    root = parse(iij_quarter())
    (ref,) = root.findall("link:schemaRef", NS)
    assert ref.get(XLINK_HREF) == "http://legacy-xbrl.org/taxonomy/2025/lx-2025.xsd"
    assert root[0] is ref


def test_facts_in_result_order_with_plain_values() -> None:
    result = iij_quarter()
    root = parse(result)
    written = items(root)
    assert [etree.QName(el).localname for el in written] == [f.concept for f in result.facts]
    assert all(re.fullmatch(r"-?\d+(\.\d+)?", el.text or "") for el in written)
    assert [el.get("id") for el in written] == list(fact_ids(result))


def test_contexts_and_units_deduplicated() -> None:
    root = parse(iij_quarter())
    contexts = [c.get("id") for c in root.findall("xbrli:context", NS)]
    units = [u.get("id") for u in root.findall("xbrli:unit", NS)]
    assert contexts == ["D20030401-20030630", "D20020401-20020630", "I20030630", "I20030331", "I20020630"]
    assert units == ["JPY", "JPY-per-shares", "JPY-per-ADS", "shares", "Gbps", "pure"]
    used = {(el.get("contextRef"), el.get("unitRef")) for el in items(root)}
    assert {c for c, _ in used} == set(contexts)
    assert {u for _, u in used} == set(units)


def test_entity_and_period_elements() -> None:
    root = parse(iij_quarter())
    ident = root.find("xbrli:context[@id='I20030331']/xbrli:entity/xbrli:identifier", NS)
    assert ident is not None
    assert (ident.get("scheme"), ident.text) == ("http://www.sec.gov/CIK", "0001090633")
    assert root.findtext("xbrli:context[@id='I20030331']/xbrli:period/xbrli:instant", namespaces=NS) == "2003-03-31"
    period = root.find("xbrli:context[@id='D20030401-20030630']/xbrli:period", NS)
    assert period is not None
    assert [(etree.QName(p).localname, p.text) for p in period] == [
        ("startDate", "2003-04-01"),
        ("endDate", "2003-06-30"),
    ]


def test_divide_unit() -> None:
    root = parse(iij_quarter())
    unit = root.find("xbrli:unit[@id='JPY-per-ADS']", NS)
    assert unit is not None
    assert unit.findtext("xbrli:divide/xbrli:unitNumerator/xbrli:measure", namespaces=NS) == "iso4217:JPY"
    assert unit.findtext("xbrli:divide/xbrli:unitDenominator/xbrli:measure", namespaces=NS) == "lx:ADS"
    assert root.nsmap["iso4217"] == "http://www.xbrl.org/2003/iso4217"


def test_dimensions_as_explicit_members() -> None:
    root = parse(with_dimensions())
    ctx = root.find("xbrli:context[@id='D20030401-20030630_ProductOrServiceAxis-DialUpAccessServicesMember']", NS)
    assert ctx is not None
    members = ctx.findall("xbrli:entity/xbrli:segment/xbrldi:explicitMember", NS)
    assert [(m.get("dimension"), m.text) for m in members] == [
        ("lx:ProductOrServiceAxis", "lx:DialUpAccessServicesMember")
    ]
    assert len(root.findall("xbrli:context", NS)) == 3
    assert "xbrldi" not in parse(iij_quarter()).nsmap


def test_prefixed_and_bare_axis_names_are_one_context() -> None:
    bare = fact("Revenues", "1", 0, Q1_03, JPY, src(1, "x"), dimensions=(("SegmentAxis", "AMember"),))
    prefixed = fact("CostsAndExpenses", "1", 0, Q1_03, JPY, src(2, "y"), dimensions=(("lx:SegmentAxis", "lx:AMember"),))
    root = parse(result_of((bare, prefixed)))
    assert len(root.findall("xbrli:context", NS)) == 1


def test_dimension_outside_taxonomy_namespace_refused() -> None:
    odd = fact("Revenues", "1", 0, Q1_03, JPY, src(1, "x"), dimensions=(("us-gaap:SegmentAxis", "AMember"),))
    with pytest.raises(ValueError, match="in neither the taxonomy nor its extension"):
        to_xbrl(result_of((odd,)))


def test_clashing_unit_ids_get_a_suffix() -> None:
    facts = (
        fact("Revenues", "1", 0, Q1_03, Unit(numerators=("iso4217:ADS",)), src(1, "x")),
        fact("Revenues", "2", 0, Q1_03, Unit(numerators=("lx:ADS",)), src(2, "y")),
    )
    root = parse(result_of(facts))
    assert [u.get("id") for u in root.findall("xbrli:unit", NS)] == ["ADS", "ADS-2"]
    assert [el.get("unitRef") for el in items(root)] == ["ADS", "ADS-2"]


def test_unknown_measure_prefix_refused() -> None:
    with pytest.raises(ValueError, match="no known prefix"):
        to_xbrl(result_of((fact("Revenues", "1", 0, Q1_03, Unit(numerators=("usd",)), src(1, "x")),)))


def test_fact_ids_are_stable_hashes() -> None:
    ids = fact_ids(iij_quarter())
    assert all(re.fullmatch(r"f-[0-9a-f]{12}", i) for i in ids)
    assert len(set(ids)) == len(ids)
    # Pinned: a change here changes every fact id in every output format.
    assert ids[0] == "f-4c4a63b61427"


def test_duplicate_facts_get_distinct_ids() -> None:
    twice = fact("Revenues", "8344046000", -3, Q1_03, JPY, src(604, "x"))
    assert fact_ids(result_of((twice, twice))) == ("f-4c4a63b61427", "f-4c4a63b61427-2")


def test_source_comments() -> None:
    root = parse(iij_quarter())
    comments = [el.text for el in root if isinstance(el, etree._Comment)]
    assert ' line 604 "8,344,046" ' in comments
    assert ' line 621 "(1,059,574)"; lines 23-24 "JPY 1,060 million" ' in comments
    assert ' iij-2002-08-1q02-results-slides.txt line 59 "14.4Gbps" ' in comments


def test_comment_text_never_contains_double_hyphen() -> None:
    tricky = fact("Revenues", "1", 0, Q1_03, JPY, src(8, "--(BUSINESS WIRE)--"))
    data = to_xbrl(result_of((tricky,), name="a--b.txt"))
    for comment in re.findall(rb"<!--(.*?)-->", data, flags=re.S):
        assert b"--" not in comment
        assert not comment.endswith(b"-")


def test_header_comment_names_the_document() -> None:
    data = to_xbrl(iij_quarter())
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<!-- " + RELEASE.encode())


def test_fixture_sources_quote_the_samples() -> None:
    """Guards the fixture's line numbers: each printed cell is on the quoted line."""
    for f in iij_quarter().facts:
        for s in f.sources:
            assert s.cell is not None and s.cell in s.text, (f.concept, s.line_start)
