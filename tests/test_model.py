"""Sources and facts: slotted pydantic dataclasses, validated and frozen as the models are."""

from __future__ import annotations

import sys
from dataclasses import FrozenInstanceError
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from converter.findings import SourceRef
from converter.model import DocumentInfo, Entity, Fact, Period, Result, TaxonomyRef, Unit

Q1_03 = Period(start=date(2003, 4, 1), end=date(2003, 6, 30))
JPY = Unit(numerators=("iso4217:JPY",))
SEGMENT = (("lx:StatementBusinessSegmentsAxis", "ext:Region1Member"),)


def _cell(line: int = 621) -> dict[str, Any]:
    return {
        "document": "iij-1q03.txt",
        "line_start": line,
        "line_end": line,
        "text": "  Total revenues             8,344  9,849  -15.3%  13,036  -36.0%",
        "cell": "8,344",
        "column_start": 31,
        "column_end": 36,
    }


def _fact(source: SourceRef) -> dict[str, Any]:
    return {
        "concept": "Revenues",
        "value": Decimal("8344000000"),
        "decimals": -6,
        "period": Q1_03,
        "unit": JPY,
        "sources": (source,),
    }


def test_source_and_fact_keep_no_per_instance_dict() -> None:
    """A filing has a source and a fact per printed figure: slots, no ``__dict__`` nor record of fields."""
    source = SourceRef(**_cell())
    fact = Fact(**_fact(source))
    for value in (source, fact):
        assert not hasattr(value, "__dict__")
        assert sys.getsizeof(value) <= 16 + 8 * 8 + 16  # header, one pointer per field, GC links


def test_source_and_fact_still_validate() -> None:
    with pytest.raises(ValidationError):
        SourceRef(**{**_cell(), "line_start": "not a line"})
    with pytest.raises(ValidationError):
        SourceRef(**_cell(), row=3)  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        Fact(**{**_fact(SourceRef(**_cell())), "unit": "JPY"})
    with pytest.raises(ValidationError):
        Fact(**{**_fact(SourceRef(**_cell())), "value": "eight"})
    assert Fact(**{**_fact(SourceRef(**_cell())), "value": "8344000000"}).value == Decimal("8344000000")


def test_source_and_fact_are_frozen_and_hashable() -> None:
    source = SourceRef(**_cell())
    fact = Fact(**_fact(source))
    with pytest.raises(FrozenInstanceError):
        fact.value = Decimal(0)  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        source.line_end = 1  # type: ignore[misc]
    assert fact == Fact(**_fact(SourceRef(**_cell())))
    assert hash(fact) == hash(Fact(**_fact(SourceRef(**_cell()))))
    assert len({source, SourceRef(**_cell()), SourceRef(**_cell(622))}) == 2


def test_a_result_keeps_the_facts_it_is_given() -> None:
    """Pydantic does not copy a dataclass instance into a model: the Result holds the facts themselves."""
    fact = Fact(**_fact(SourceRef(**_cell())))
    result = Result(
        document=DocumentInfo(name="iij-1q03.txt"),
        entity=Entity(scheme="http://www.sec.gov/CIK", identifier="0001090633"),
        taxonomy=TaxonomyRef(namespace="http://example.com/t", prefix="lx", entry_point="http://example.com/t.xsd"),
        concepts=(),
        facts=(fact,),
    )
    assert result.facts[0] is fact
    again = Result.model_validate(result.model_dump())
    assert again == result
    assert again.facts[0].sources[0] == fact.sources[0]


def test_replace_changes_only_what_it_is_given() -> None:
    source = SourceRef(**_cell())
    fact = Fact(**_fact(source))
    member = fact.replace(dimensions=SEGMENT)
    both = member.replace(sources=(source, source))
    assert member.dimensions == both.dimensions == SEGMENT
    assert member.sources == (source,)
    assert both.sources == (source, source)
    assert both == Fact(**{**_fact(source), "dimensions": SEGMENT, "sources": (source, source)})
    assert source.replace(line_end=622) == SourceRef(**{**_cell(), "line_end": 622})


def test_replace_validates() -> None:
    fact = Fact(**_fact(SourceRef(**_cell())))
    with pytest.raises(ValidationError):
        fact.replace(dimensions="SegmentAxis")
    with pytest.raises(ValidationError):
        SourceRef(**_cell()).replace(line_end="the end")
