"""The writers' streaming forms: each writes to any binary file, piece by piece, the bytes its ``to_*`` form returns.

``to_xbrl(result)`` is ``write_xbrl(result, out)`` into a ``BytesIO``; these tests hold the streaming
forms to what the command line needs of them: the outputs of before (the golden files), through a
file that only takes writes, a few hundred kilobytes at a time, and memory that stays far below the
size of what is written.
"""

from __future__ import annotations

import io
import json
import tracemalloc
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

import pytest
from fixtures_results import (
    IIJ,
    JPY,
    Q1_03,
    SLIDES,
    concept_infos,
    fact,
    iij_quarter,
    result_of,
    src,
    taxonomy_ref,
    with_dimensions,
)
from lxml import etree
from paths import GOLDEN, RELEASE_6K, SAMPLES

from converter.mapping import MappingTable
from converter.model import (
    ConceptInfo,
    DocumentInfo,
    Extension,
    ExtensionArc,
    ExtensionConcept,
    ExtensionMember,
    ExtensionRef,
    ExtensionRole,
    Fact,
    Period,
    Result,
    SourceRef,
    Unit,
)
from converter.package import localised
from converter.pipeline import Options, convert
from converter.read import read_document
from converter.report import build_report, report_bytes, write_report
from converter.serialize.extension import to_extension_schema, write_extension_schema
from converter.serialize.ixbrl import to_ixbrl, write_ixbrl
from converter.serialize.jsonld import to_jsonld, write_jsonld
from converter.serialize.oim import to_xbrl_json, write_xbrl_json
from converter.serialize.xbrl import fact_ids, to_xbrl, write_xbrl
from converter.taxonomy import Taxonomy

Write = Callable[[Result, BinaryIO], None]
WRITERS: list[tuple[str, Write, Callable[[Result], bytes]]] = [
    (".xbrl", write_xbrl, to_xbrl),
    (".json", write_xbrl_json, to_xbrl_json),
    (".jsonld", write_jsonld, to_jsonld),
    (".xsd", write_extension_schema, to_extension_schema),
]
LARGE_CONCEPTS = 2000  # a fact a year each, two years, and a member on every third
CHUNK_LIMIT = 128 * 1024  # what a writer may hand the file at once; the large result's outputs are larger
# What a writer may hold per fact while writing: an id, a place in the order, a context, never the fact's
# output (the old xBRL-JSON writer held 1.9 KB a fact, the JSON-LD writer 2.4 KB: a whole document's worth).
BYTES_PER_FACT = 512


class WriteOnly:
    """A file that only takes writes (no seek, no getvalue), keeping each apart; or only their sizes."""

    def __init__(self, keep: bool = True) -> None:
        self.keep = keep
        self.chunks: list[bytes] = []
        self.sizes: list[int] = []

    def write(self, data: bytes) -> int:
        self.sizes.append(len(data))
        if self.keep:
            self.chunks.append(bytes(data))
        return len(data)

    def getvalue(self) -> bytes:
        assert self.keep
        return b"".join(self.chunks)


def _written(write: Write, result: Result) -> WriteOnly:
    out = WriteOnly()
    write(result, out)  # type: ignore[arg-type]
    return out


def large_result() -> Result:
    """Many facts on extension concepts, in a role per ten concepts, some broken down by a member."""
    ext = ExtensionRef(namespace="http://legacy-xbrl.org/extension/0001090633/large", prefix="ext", href="large.xsd")
    taxonomy = taxonomy_ref().model_copy(update={"extension": ext})
    names = [f"SalesOfProductLine{n}" for n in range(LARGE_CONCEPTS)]
    members = (
        ExtensionMember(axis="LegalEntityAxis", name="NorthMember", label="North & Co."),
        ExtensionMember(axis="LegalEntityAxis", name="SouthMember", label='"South" <Ltd>'),
    )
    roles = tuple(
        ExtensionRole(id=f"Table{n:03d}", definition=f"Table {n}. Sales by line") for n in range(LARGE_CONCEPTS // 10)
    )
    extension = Extension(
        concepts=tuple(
            ExtensionConcept(
                name=name,
                label=f"Sales of product line {n}",
                data_type="xbrli:monetaryItemType",
                period_type="duration",
                documentation=f"Sales of product line {n}, as printed in table {n // 10}.",
            )
            for n, name in enumerate(names)
        ),
        members=members,
        roles=roles,
        presentation=tuple(
            ExtensionArc(
                role=roles[n // 10].id, parent=f"ext:{roles[n // 10].id}Abstract", child=f"ext:{name}", order=n
            )
            for n, name in enumerate(names)
        ),
        calculation=tuple(
            ExtensionArc(role=roles[n // 10].id, parent="Revenues", child=f"ext:{name}", order=n, weight=1)
            for n, name in enumerate(names)
        ),
    )
    facts = []
    for n, name in enumerate(names):
        for year in (2002, 2003):
            start = date(year, 4, 1)
            text = f'  Sales of product line {n:<20} {n + year:>12,}   & <more> "text"'
            facts.append(
                Fact(
                    concept=f"ext:{name}",
                    value=Decimal(n * 1000 + year),
                    decimals=-3,
                    period=Period.duration(start, start + timedelta(days=90)),
                    unit=JPY,
                    dimensions=(("LegalEntityAxis", "ext:NorthMember"),) if n % 3 == 0 else (),
                    sources=(
                        SourceRef(
                            document="large.txt",
                            line_start=n + 10,
                            line_end=n + 10,
                            text=text,
                            cell=f"{n + year:,}",
                            column_start=25,
                            column_end=37,
                        ),
                    ),
                )
            )
    concepts = tuple(
        ConceptInfo(name=f"ext:{name}", label=f"Sales of product line {n}", data_type="xbrli:monetaryItemType",
                    period_type="duration")
        for n, name in enumerate(names)
    )  # fmt: skip
    return Result(
        document=DocumentInfo(name="large.txt", title="Sales by product line", form="10-K"),
        entity=IIJ,
        taxonomy=taxonomy,
        concepts=(*concepts, *concept_infos({"Revenues"})),
        facts=tuple(facts),
        extension=extension,
    )


@pytest.fixture(scope="module")
def large() -> Result:
    return large_result()


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_streamed_outputs_are_the_golden_files(sample: Path, taxonomy: Taxonomy, mapping_table: MappingTable) -> None:
    """Written piece by piece to a file that only takes writes: the bytes of before, to the byte."""
    sidecar = sample.with_suffix(".meta.json")
    options = Options(**json.loads(sidecar.read_text(encoding="utf-8"))) if sidecar.exists() else Options()
    result = convert(sample.read_bytes(), name=sample.name, options=options, taxonomy=taxonomy, mapping=mapping_table)
    result = localised(result, taxonomy)  # as the command line writes it: pointing at the taxonomy copy
    for suffix, write, _ in WRITERS[:3]:
        assert _written(write, result).getvalue() == (GOLDEN / f"{sample.stem}{suffix}").read_bytes(), suffix
    report = build_report(result, None, [f"{sample.stem}{suffix}" for suffix, _, _ in WRITERS[:3]])
    out = WriteOnly()
    write_report(report, out)  # type: ignore[arg-type]
    assert out.getvalue() == (GOLDEN / f"{sample.stem}.report.json").read_bytes() == report_bytes(report)


@pytest.mark.parametrize(("suffix", "write", "to_bytes"), WRITERS, ids=[w[0] for w in WRITERS])
def test_written_to_a_file_as_to_bytes_returns(
    suffix: str, write: Write, to_bytes: Callable[[Result], bytes], large: Result, tmp_path: Path
) -> None:
    for n, result in enumerate((iij_quarter(), with_dimensions(), large)):
        if suffix == ".xsd" and result.extension is None:
            continue
        expected = to_bytes(result)
        assert _written(write, result).getvalue() == expected
        path = tmp_path / f"{n}{suffix}"
        with path.open("wb") as out:
            write(result, out)
        assert path.read_bytes() == expected


@pytest.mark.parametrize(("suffix", "write", "to_bytes"), WRITERS, ids=[w[0] for w in WRITERS])
def test_written_in_pieces(suffix: str, write: Write, to_bytes: Callable[[Result], bytes], large: Result) -> None:
    """A large output reaches the file in many pieces, none of them more than a small part of it."""
    out = _written(write, large)
    assert sum(out.sizes) > 3 * CHUNK_LIMIT
    assert len(out.sizes) > 10
    assert max(out.sizes) <= CHUNK_LIMIT


@pytest.mark.parametrize(("suffix", "write", "to_bytes"), WRITERS, ids=[w[0] for w in WRITERS])
def test_memory_is_bookkeeping_not_output(
    suffix: str, write: Write, to_bytes: Callable[[Result], bytes], large: Result
) -> None:
    """The most a writer holds at once is what it keeps per fact (its id, its context), not what it writes.

    Measured by tracemalloc, which sees what Python allocates (the writers build no lxml tree).
    """
    out = WriteOnly(keep=False)
    tracemalloc.start()
    try:
        write(large, out)  # type: ignore[arg-type]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < BYTES_PER_FACT * len(large.facts), (peak, sum(out.sizes))
    if suffix == ".jsonld":  # 1.8 KB a fact: the output dwarfs the bookkeeping
        assert peak < sum(out.sizes) / 4, (peak, sum(out.sizes))


def test_extension_schema_and_instance_are_what_lxml_writes(large: Result) -> None:
    """Parsed and written again by lxml's serialiser, the streamed XML comes back byte for byte."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
    for data in (to_xbrl(large), to_extension_schema(large)):
        tree = etree.fromstring(data, parser).getroottree()
        assert etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True) == data


def test_xbrl_json_reports_the_first_fact_in_fact_order_that_cannot_be_written() -> None:
    """Facts are written in the order of their ids; the error is still the one of the first in fact order."""
    usd = fact("Revenues", "1", 0, Q1_03, Unit(numerators=("usd",)), src(604, "x"))
    eur = fact("CostsAndExpenses", "1", 0, Q1_03, Unit(numerators=("eur",)), src(619, "x"))
    first, second = sorted((usd, eur), key=lambda f: fact_ids(result_of((f,)))[0], reverse=True)
    bad = first.unit.numerators[0]
    with pytest.raises(ValueError, match=f"measure '{bad}'"):
        _written(write_xbrl_json, result_of((first, second)))


def test_report_written_as_report_bytes(large: Result) -> None:
    report = build_report(large, {"errors": 0, "inconsistencies": 0, "warnings": 0, "messages": []}, ["a.xbrl"])
    out = WriteOnly()
    write_report(report, out)  # type: ignore[arg-type]
    assert out.getvalue() == report_bytes(report)


def test_inline_xbrl_written_as_to_ixbrl_returns(taxonomy: Taxonomy, mapping_table: MappingTable) -> None:
    text = RELEASE_6K.read_text(encoding="utf-8")
    options = Options(**json.loads(RELEASE_6K.with_suffix(".meta.json").read_text(encoding="utf-8")))
    result = convert(text, name=RELEASE_6K.name, options=options, taxonomy=taxonomy, mapping=mapping_table)
    document = read_document(text, RELEASE_6K.name)
    out = WriteOnly()
    write_ixbrl(result, document, out)  # type: ignore[arg-type]
    page = out.getvalue()
    assert page == to_ixbrl(result, document)
    assert page.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n<html')
    assert b"@@STYLE@@" not in page and b"@@SCRIPT@@" not in page
    assert page.count(b"<![CDATA[") == 2 and page.endswith(b"</html>\n")
    assert SLIDES not in page.decode("utf-8")  # nothing of the other sample
    assert io.BytesIO(page).read(5) == b"<?xml"
