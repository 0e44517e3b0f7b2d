"""The JSON writer: the same text as ``json.dumps(indent=2, ensure_ascii=False)``, sorted keys or not."""

from __future__ import annotations

import json
from enum import IntEnum, StrEnum

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from converter.serialize.jsontext import dumps, write

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(),
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.lists(children, max_size=4).map(tuple),
        st.dictionaries(st.text(max_size=6), children, max_size=4),
    ),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(VALUES, st.booleans())
def test_same_text_as_json_dumps(value: object, sort_keys: bool) -> None:
    assert dumps(value, sort_keys=sort_keys) == json.dumps(value, indent=2, ensure_ascii=False, sort_keys=sort_keys)


class Level(StrEnum):
    WARNING = "warning"


class Power(IntEnum):
    MILLIONS = 6


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        {"a": {}, "b": [], "c": [{}]},
        {"severity": Level.WARNING, "scale": Power.MILLIONS},
        {"text": 'JPY 8,344 "million"\n\x1b\u3000'},
        {"b": 1, "a": [1.5, -0.0, 1e300, True, False, None]},
    ],
)
def test_edge_values(value: object) -> None:
    for sort_keys in (False, True):
        assert dumps(value, sort_keys=sort_keys) == json.dumps(value, indent=2, ensure_ascii=False, sort_keys=sort_keys)


def test_nested_piece_indented_from_its_level() -> None:
    """A value written on its own at a depth reads as it would inside its parent."""
    out: list[str] = []
    write({"b": [1], "a": "x"}, out, "    ", sort_keys=True)
    whole = json.dumps([[{"b": [1], "a": "x"}]], indent=2, sort_keys=True)
    assert "".join(out) in whole


@pytest.mark.parametrize("value", [{"a": object()}, {"a": {1, 2}}, {1: "a"}])
def test_refused(value: object) -> None:
    """What ``json`` refuses; and keys that are not strings, which ``json`` would turn into strings."""
    with pytest.raises(TypeError):
        dumps(value)
