"""The JSON writer: the same text as ``json.dumps(indent=2, ensure_ascii=False)``, sorted keys or not."""

from __future__ import annotations

import io
import json
from enum import IntEnum, StrEnum

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from converter.serialize import jsontext
from converter.serialize.jsontext import LazyArray, LazyObject, dump, dumps, write

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


def _lazy(value: object, sort_keys: bool) -> object:
    """``value`` with every dict and list made lazy: members made only as they are written."""
    if isinstance(value, dict):
        keys = sorted(value) if sort_keys else list(value)
        return LazyObject((key, _lazy(value[key], sort_keys)) for key in keys)
    if isinstance(value, (list, tuple)):
        return LazyArray(_lazy(item, sort_keys) for item in value)
    return value


@settings(max_examples=400, deadline=None)
@given(VALUES, st.booleans())
def test_lazy_containers_written_as_dicts_and_lists(value: object, sort_keys: bool) -> None:
    out = io.BytesIO()
    dump(_lazy(value, sort_keys), out, sort_keys=sort_keys)
    expected = json.dumps(value, indent=2, ensure_ascii=False, sort_keys=sort_keys)
    assert out.getvalue() == expected.encode("utf-8")


def test_lazy_members_out_of_order_are_refused() -> None:
    """Sorted keys are promised, not made: members that do not come sorted are an error, not a wrong file."""
    with pytest.raises(ValueError, match="out of key order"):
        dump(LazyObject(iter([("b", 1), ("a", 2)])), io.BytesIO(), sort_keys=True)
    with pytest.raises(ValueError, match="out of key order"):
        dump(LazyObject(iter([("a", 1), ("a", 2)])), io.BytesIO(), sort_keys=True)
    out = io.BytesIO()
    dump(LazyObject(iter([("b", 1), ("a", 2)])), out)
    assert out.getvalue() == b'{\n  "b": 1,\n  "a": 2\n}'


def test_dump_writes_as_it_goes() -> None:
    """A lazy array's elements are made as they are written, and reach the file every ``FLUSH_PIECES``
    pieces or so: the first bytes are written long before the last element is made."""
    total = 20 * jsontext.FLUSH_PIECES
    made = 0
    made_at_write: list[int] = []

    def elements() -> object:
        nonlocal made
        for n in range(total):
            made += 1
            yield {"n": n, "text": "x" * (n % 7)}

    class Chunks:
        def __init__(self) -> None:
            self.chunks: list[bytes] = []

        def write(self, data: bytes) -> int:
            made_at_write.append(made)
            self.chunks.append(bytes(data))
            return len(data)

    out = Chunks()
    dump({"facts": LazyArray(elements())}, out, sort_keys=True)  # type: ignore[arg-type]
    assert made_at_write[0] < total // 10 and made_at_write[-1] == total
    assert len(out.chunks) >= 20
    assert max(map(len, out.chunks)) < 100 * jsontext.FLUSH_PIECES
    value = {"facts": [{"n": n, "text": "x" * (n % 7)} for n in range(total)]}
    assert b"".join(out.chunks) == json.dumps(value, indent=2, sort_keys=True).encode()
