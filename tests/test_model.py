"""Compact models: the same values as the validated ones, one shared record of the fields given."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from converter.findings import SourceRef
from converter.model import Fact, Period, Unit

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


def test_compact_source_is_the_validated_source() -> None:
    compact, plain = SourceRef.compact(**_cell()), SourceRef(**_cell())
    assert compact == plain
    assert hash(compact) == hash(plain)
    assert compact.model_dump() == plain.model_dump()


def test_compact_fact_is_the_validated_fact() -> None:
    source = SourceRef(**_cell())
    compact, plain = Fact.compact(**_fact(source)), Fact(**_fact(source))
    assert compact == plain
    assert hash(compact) == hash(plain)
    assert compact.model_dump() == plain.model_dump()


def test_compact_instances_share_one_record_of_their_fields() -> None:
    source, other = SourceRef.compact(**_cell(621)), SourceRef.compact(**_cell(622))
    assert source.model_fields_set is other.model_fields_set
    first, second = Fact.compact(**_fact(source)), Fact.compact(**_fact(other))
    assert first.model_fields_set is second.model_fields_set
    assert first.model_fields_set == set(Fact.model_fields)


def test_compact_still_validates() -> None:
    with pytest.raises(ValidationError):
        SourceRef.compact(**{**_cell(), "line_start": "not a line"})
    with pytest.raises(ValidationError):
        Fact.compact(**{**_fact(SourceRef(**_cell())), "unit": "JPY"})


def test_replace_changes_only_what_it_is_given() -> None:
    source = SourceRef.compact(**_cell())
    fact = Fact.compact(**_fact(source))
    member = fact.replace(dimensions=SEGMENT)
    both = member.replace(sources=(source, source))
    assert member.dimensions == both.dimensions == SEGMENT
    assert member.sources == (source,)
    assert both.sources == (source, source)
    assert both == Fact(**_fact(source)).model_copy(update={"dimensions": SEGMENT, "sources": (source, source)})


def test_compact_fact_refuses_model_copy_with_an_update() -> None:
    """``replace`` is the copy of a compact fact: an update would add to the shared record."""
    fact = Fact.compact(**_fact(SourceRef(**_cell())))
    with pytest.raises(AttributeError):
        fact.model_copy(update={"dimensions": SEGMENT})
