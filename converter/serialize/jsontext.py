"""JSON text as ``json.dumps(value, indent=2, ensure_ascii=False, sort_keys=...)`` writes it, to the byte, faster.

The standard library's indenting encoder is pure Python and hands every piece up through one
generator per level of nesting; a fact with its sources sits five levels deep. This writer
appends the same pieces to one list instead, and ``dump`` writes them to a binary file as it
goes: an object or array too large to build (every fact of a filing) is given as a ``LazyObject``
or ``LazyArray``, whose members are made one at a time as they are written::

    {
      "facts": {
        "f-4c4a63b61427": {
          "decimals": -3,
          "value": "8344046000"
        }
      }
    }

Values are what the writers produce: dicts with string keys, lists and tuples, strings
(``StrEnum`` members too), ints (``IntEnum`` too), floats, booleans and None; and the lazy
object and array, written as a dict and a list would be.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from json.encoder import encode_basestring
from typing import BinaryIO

__all__ = ["INDENT", "LazyArray", "LazyObject", "dump", "dumps", "write"]

INDENT = "  "
# Pieces gathered before they are written, checked after each member of a lazy container: some tens of kilobytes.
FLUSH_PIECES = 1024

Flush = Callable[[list[str]], None]


@dataclass(frozen=True, slots=True)
class LazyObject:
    """A JSON object whose members, (key, value) pairs, are made as it is written; it is written once.

    With ``sort_keys`` the members must come in key order already (ValueError otherwise): the
    writer cannot sort what it has not seen.
    """

    members: Iterable[tuple[str, object]]


@dataclass(frozen=True, slots=True)
class LazyArray:
    """A JSON array whose elements are made as it is written; it is written once."""

    elements: Iterable[object]


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == -float("inf"):
        return "-Infinity"
    return float.__repr__(value)


def _scalar(value: object) -> str | None:
    """The JSON for a value that is not a container, in the order ``json`` tests the types; None otherwise."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    return None


def write(
    value: object, out: list[str], indent: str = "", *, sort_keys: bool = False, flush: Flush | None = None
) -> None:
    """Append the JSON text of ``value`` to ``out``, its nested lines indented from ``indent``.

    ``flush`` is handed ``out`` after a lazy container's member once ``FLUSH_PIECES`` are gathered;
    it writes them out and empties it.
    """
    # Exact types first (what the writers pass nearly always), subclasses through ``_scalar``.
    text = encode_basestring(value) if type(value) is str else _scalar(value)
    if text is not None:
        out.append(text)
        return
    inner = indent + INDENT
    if isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        # Keys are unique: sorting them alone orders the items as sorting the (key, value) pairs would.
        keys: Iterable[object] = sorted(value) if sort_keys else value
        separator = "{\n" + inner
        for key in keys:
            item = value[key]
            if type(key) is not str and not isinstance(key, str):
                raise TypeError(f"keys must be str, not {type(key).__name__}")
            if type(item) is str:
                out.append(f"{separator}{encode_basestring(key)}: {encode_basestring(item)}")
            elif type(item) is dict or type(item) is list or (text := _scalar(item)) is None:
                out.append(f"{separator}{encode_basestring(key)}: ")
                write(item, out, inner, sort_keys=sort_keys, flush=flush)
            else:
                out.append(f"{separator}{encode_basestring(key)}: {text}")
            separator = ",\n" + inner
        out.append("\n" + indent + "}")
        return
    if isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        separator = "[\n" + inner
        for item in value:
            if type(item) is str:
                out.append(separator + encode_basestring(item))
            elif type(item) is dict or type(item) is list or (text := _scalar(item)) is None:
                out.append(separator)
                write(item, out, inner, sort_keys=sort_keys, flush=flush)
            else:
                out.append(separator + text)
            separator = ",\n" + inner
        out.append("\n" + indent + "]")
        return
    if isinstance(value, LazyObject):
        _write_members(value, out, indent, sort_keys, flush)
        return
    if isinstance(value, LazyArray):
        _write_elements(value, out, indent, sort_keys, flush)
        return
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


# The lazy containers have loops of their own: folding the dict and list loops into them (one loop
# each, checking order and flushing for lazy ones only) was measured 9% slower on the JSON-LD of a
# 1 MB filing, whose many small dicts are the writer's hot path.
def _write_members(value: LazyObject, out: list[str], indent: str, sort_keys: bool, flush: Flush | None) -> None:
    inner = indent + INDENT
    separator = "{\n" + inner
    previous: str | None = None
    for key, item in value.members:
        if type(key) is not str and not isinstance(key, str):
            raise TypeError(f"keys must be str, not {type(key).__name__}")
        if sort_keys and previous is not None and not previous < key:
            raise ValueError(f"lazy object members out of key order: {key!r} after {previous!r}")
        previous = key
        out.append(f"{separator}{encode_basestring(key)}: ")
        write(item, out, inner, sort_keys=sort_keys, flush=flush)
        separator = ",\n" + inner
        if flush is not None and len(out) >= FLUSH_PIECES:
            flush(out)
    out.append("{}" if previous is None else "\n" + indent + "}")


def _write_elements(value: LazyArray, out: list[str], indent: str, sort_keys: bool, flush: Flush | None) -> None:
    inner = indent + INDENT
    separator = "[\n" + inner
    empty = True
    for item in value.elements:
        empty = False
        out.append(separator)
        write(item, out, inner, sort_keys=sort_keys, flush=flush)
        separator = ",\n" + inner
        if flush is not None and len(out) >= FLUSH_PIECES:
            flush(out)
    out.append("[]" if empty else "\n" + indent + "]")


def dumps(value: object, *, sort_keys: bool = False) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False, sort_keys=sort_keys)``."""
    out: list[str] = []
    write(value, out, sort_keys=sort_keys)
    return "".join(out)


def dump(value: object, out: BinaryIO, *, sort_keys: bool = False) -> None:
    """Write ``dumps(value, sort_keys=sort_keys)`` to ``out`` as UTF-8, a lazy container's members as they are made."""

    def flush(pieces: list[str]) -> None:
        out.write("".join(pieces).encode("utf-8"))
        pieces.clear()

    pieces: list[str] = []
    write(value, pieces, sort_keys=sort_keys, flush=flush)
    flush(pieces)
