"""A filing's extension schema, ``<stem>.xsd``, read back: its concepts' labels and types and its tables.

Read by ``export`` (the SEC layout's labels and statements) and by ``load`` (each extension concept's
label and type in the database).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

__all__ = ["ExtensionInfo", "SchemaError", "read_extension"]


@dataclass(frozen=True, slots=True)
class ExtensionInfo:
    """What a filing's own schema (``<stem>.xsd``) says: its concepts' labels and types, and for each
    table it made a role of, the caption, the first line and the concepts presented."""

    labels: Mapping[str, str] = field(default_factory=dict)
    types: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # qname -> (xsd type, period type)
    documentation: Mapping[str, str] = field(default_factory=dict)
    # (first line, caption, concepts presented), in document order
    tables: tuple[tuple[int, str, frozenset[str]], ...] = ()


class SchemaError(Exception):
    """The extension schema cannot be read: one line naming it."""


_XS = "{http://www.w3.org/2001/XMLSchema}"
_LINK = "{http://www.xbrl.org/2003/linkbase}"
_XLINK = "{http://www.w3.org/1999/xlink}"
_XBRLI = "{http://www.xbrl.org/2003/instance}"
_LABEL_ROLE = "http://www.xbrl.org/2003/role/label"
_DOCUMENTATION_ROLE = "http://www.xbrl.org/2003/role/documentation"
_ROLE_LINE = re.compile(r"^(?P<caption>.*)\(line (?P<line>\d+)\)\s*$", re.DOTALL)


def _href_qname(href: str) -> str:
    """``x.xsd#ext_RetailRevenue`` -> ``ext:RetailRevenue`` (the converter's ids are prefix_name)."""
    prefix, _, name = href.rpartition("#")[2].partition("_")
    return f"{prefix}:{name}"


def read_extension(path: Path) -> ExtensionInfo:
    """Labels, types and table roles of a filing's extension schema; empty when there is none.

    ``<link:roleType id="Table004"><link:definition>STATEMENTS OF OPERATIONS ... (line 349)``, and
    in its ``presentationLink`` a ``loc`` per concept presented in that table.
    """
    if not path.is_file():
        return ExtensionInfo()
    try:
        # An output folder is input like any other: no entities resolved, nothing fetched.
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        root = etree.parse(str(path), parser).getroot()
    except (OSError, etree.XMLSyntaxError) as err:
        raise SchemaError(f"{path}: unreadable extension schema: {err}") from None
    prefix = next((p for p, uri in root.nsmap.items() if p and uri == root.get("targetNamespace")), "ext")
    types = {
        f"{prefix}:{el.get('name')}": (str(el.get("type") or ""), str(el.get(f"{_XBRLI}periodType") or ""))
        for el in root.iter(f"{_XS}element")
        if el.get("name")
    }
    labels: dict[str, str] = {}
    documentation: dict[str, str] = {}
    for link in root.iter(f"{_LINK}labelLink"):
        locs = {
            loc.get(f"{_XLINK}label"): _href_qname(str(loc.get(f"{_XLINK}href"))) for loc in link.iter(f"{_LINK}loc")
        }
        resources = {lab.get(f"{_XLINK}label"): lab for lab in link.iter(f"{_LINK}label")}
        for arc in link.iter(f"{_LINK}labelArc"):
            concept, resource = locs.get(arc.get(f"{_XLINK}from")), resources.get(arc.get(f"{_XLINK}to"))
            if concept is None or resource is None:
                continue
            target = documentation if resource.get(f"{_XLINK}role") == _DOCUMENTATION_ROLE else labels
            if resource.get(f"{_XLINK}role") in (_LABEL_ROLE, _DOCUMENTATION_ROLE):
                target.setdefault(concept, (resource.text or "").strip())
    captions: dict[str, tuple[int, str]] = {}
    for role in root.iter(f"{_LINK}roleType"):
        definition = " ".join((role.findtext(f"{_LINK}definition") or "").split())
        match = _ROLE_LINE.match(definition)
        if match is not None:
            captions[str(role.get("roleURI"))] = (int(match["line"]), match["caption"].strip())
    tables: list[tuple[int, str, frozenset[str]]] = []
    for link in root.iter(f"{_LINK}presentationLink"):
        where = captions.get(str(link.get(f"{_XLINK}role")))
        if where is None:
            continue
        concepts = frozenset(_href_qname(str(loc.get(f"{_XLINK}href"))) for loc in link.iter(f"{_LINK}loc"))
        tables.append((where[0], where[1], concepts))
    return ExtensionInfo(labels=labels, types=types, documentation=documentation, tables=tuple(sorted(tables)))
