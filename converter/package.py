"""The taxonomy as XBRL: schema, label, presentation and calculation linkbases, and a Taxonomy Package.

Everything is generated from a ``Taxonomy`` and is deterministic: the same taxonomy gives the same
bytes (files in a fixed order, zip entries sorted and dated 1980-01-01).
"""

from __future__ import annotations

import dataclasses
import io
import os
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path, PurePosixPath
from types import MappingProxyType

from lxml import etree

from converter.model import Result, TaxonomyRef
from converter.taxonomy import (
    DTR_TYPES_NAMESPACE,
    DTR_TYPES_PREFIX,
    DTR_TYPES_URL,
    LOCAL_TYPES,
    STRUCTURAL_TYPES,
    Concept,
    ConceptType,
    PeriodType,
    Relation,
    Taxonomy,
    root_name,
)

__all__ = [
    "calculation_linkbase",
    "catalog",
    "element_id",
    "label_linkbase",
    "linkbase_name",
    "local_files",
    "local_folder",
    "localised",
    "package_bytes",
    "package_files",
    "presentation_linkbase",
    "schema",
    "taxonomy_package_xml",
    "write_local_taxonomy",
    "write_package",
]

XS = "http://www.w3.org/2001/XMLSchema"
XBRLI = "http://www.xbrl.org/2003/instance"
LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
TP = "http://xbrl.org/2016/taxonomy-package"
CATALOG = "urn:oasis:names:tc:entity:xmlns:xml:catalog"

XBRLI_URL = "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"
XBRLDT = "http://xbrl.org/2005/xbrldt"
XBRLDT_URL = "http://www.xbrl.org/2005/xbrldt-2005.xsd"
STANDARD_LABEL = "http://www.xbrl.org/2003/role/label"
DOCUMENTATION_LABEL = "http://www.xbrl.org/2003/role/documentation"
STANDARD_LINK = "http://www.xbrl.org/2003/role/link"
CONCEPT_LABEL = "http://www.xbrl.org/2003/arcrole/concept-label"
PARENT_CHILD = "http://www.xbrl.org/2003/arcrole/parent-child"
# The 2003 arcrole: Arelle's c11r mode applies Calculations 1.1 rounding to it.
SUMMATION_ITEM = "http://www.xbrl.org/2003/arcrole/summation-item"
LINKBASE_REF = "http://www.w3.org/1999/xlink/properties/linkbase"
LINKBASE_ROLES: Mapping[str, str] = MappingProxyType(
    {
        "lab": "http://www.xbrl.org/2003/role/labelLinkbaseRef",
        "pre": "http://www.xbrl.org/2003/role/presentationLinkbaseRef",
        "cal": "http://www.xbrl.org/2003/role/calculationLinkbaseRef",
    }
)
LANG = "en"
DIMENSION_GROUPS: Mapping[ConceptType, str] = MappingProxyType(
    {ConceptType.AXIS: "xbrldt:dimensionItem", ConceptType.HYPERCUBE: "xbrldt:hypercubeItem"}
)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def _q(namespace: str, local: str) -> str:
    return f"{{{namespace}}}{local}"


def _stem(t: Taxonomy) -> str:
    return t.entry_point.rsplit(".", 1)[0]


def linkbase_name(t: Taxonomy, kind: str) -> str:
    """``lx-2025_lab.xml`` for kind ``lab`` (``pre``, ``cal``)."""
    return f"{_stem(t)}_{kind}.xml"


def element_id(t: Taxonomy, name: str) -> str:
    return f"{t.prefix}_{name}"


def _roots(t: Taxonomy) -> tuple[Concept, ...]:
    """The abstract root of each role whose presentation has parentless rows and no such concept yet."""
    used = {arc.role for arc in t.presentation if arc.parent is None}
    return tuple(
        Concept(
            name=root_name(role),
            type=ConceptType.ABSTRACT,
            period_type=PeriodType.DURATION,
            balance=None,
            label=role.definition,
            us_gaap=None,
            relation=Relation.NONE,
            documentation=None,
        )
        for role in t.roles
        if role.id in used and root_name(role) not in t.concepts
    )


def _elements(t: Taxonomy) -> tuple[Concept, ...]:
    """Concepts in file order (first of a duplicated name), then generated role roots."""
    return tuple(t.concepts.values()) + _roots(t)


def _serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# --- schema ----------------------------------------------------------------------------------


def concepts_variant(t: Taxonomy) -> Taxonomy:
    """The same concepts under the entry point without calculations (its own schema and linkbases).

    Calculations 1.1 checks a total against whatever items are reported, so a deck that states
    revenues and operating loss but no costs would be flagged under the statements' arithmetic:
    documents with no statement tables point to this entry point instead. The two entry points
    never meet in one DTS.
    """
    return dataclasses.replace(t, entry_point=t.concepts_entry_point)


def schema(t: Taxonomy, *, calculations: bool = True) -> bytes:
    """``<xs:element id="lx_Revenues" name="Revenues" type="xbrli:monetaryItemType" substitutionGroup="xbrli:item"
    nillable="true" xbrli:periodType="duration" xbrli:balance="credit"/>`` and friends."""
    nsmap = {
        "xs": XS,
        "xbrli": XBRLI,
        "link": LINK,
        "xlink": XLINK,
        DTR_TYPES_PREFIX: DTR_TYPES_NAMESPACE,
        "xbrldt": XBRLDT,
        t.prefix: t.namespace,
    }
    root = etree.Element(
        _q(XS, "schema"),
        nsmap=nsmap,
        targetNamespace=t.namespace,
        elementFormDefault="qualified",
        attributeFormDefault="unqualified",
    )
    appinfo = etree.SubElement(etree.SubElement(root, _q(XS, "annotation")), _q(XS, "appinfo"))
    for kind, linkbase_role in LINKBASE_ROLES.items():
        if kind == "cal" and not calculations:
            continue
        etree.SubElement(
            appinfo,
            _q(LINK, "linkbaseRef"),
            {
                _q(XLINK, "type"): "simple",
                _q(XLINK, "href"): linkbase_name(t, kind),
                _q(XLINK, "role"): linkbase_role,
                _q(XLINK, "arcrole"): LINKBASE_REF,
            },
        )
    for role in t.roles:
        role_type = etree.SubElement(appinfo, _q(LINK, "roleType"), roleURI=role.uri, id=role.id)
        etree.SubElement(role_type, _q(LINK, "definition")).text = role.definition
        for link in ("presentationLink", "calculationLink"):
            etree.SubElement(role_type, _q(LINK, "usedOn")).text = f"link:{link}"
    etree.SubElement(root, _q(XS, "import"), namespace=XBRLI, schemaLocation=XBRLI_URL)
    etree.SubElement(root, _q(XS, "import"), namespace=DTR_TYPES_NAMESPACE, schemaLocation=DTR_TYPES_URL)
    if any(c.type in DIMENSION_GROUPS for c in t.concepts.values()):
        etree.SubElement(root, _q(XS, "import"), namespace=XBRLDT, schemaLocation=XBRLDT_URL)
    for name, base in sorted(LOCAL_TYPES.values()):
        complex_type = etree.SubElement(root, _q(XS, "complexType"), name=name)
        content = etree.SubElement(complex_type, _q(XS, "simpleContent"))
        etree.SubElement(content, _q(XS, "restriction"), base=base)
    for concept in _elements(t):
        attributes = {
            "id": element_id(t, concept.name),
            "name": concept.name,
            "type": t.xsd_type(concept.type),
            "substitutionGroup": "xbrli:item",
            "nillable": "true",
        }
        if concept.type in STRUCTURAL_TYPES:
            attributes["abstract"] = "true"
        if concept.type in DIMENSION_GROUPS:
            attributes["substitutionGroup"] = DIMENSION_GROUPS[concept.type]
        attributes[_q(XBRLI, "periodType")] = concept.period_type.value
        if concept.balance is not None:
            attributes[_q(XBRLI, "balance")] = concept.balance.value
        etree.SubElement(root, _q(XS, "element"), attributes)
    return _serialize(root)


# --- linkbases -------------------------------------------------------------------------------


def _linkbase(t: Taxonomy, role_uris: Iterable[tuple[str, str]] = ()) -> etree._Element:
    root = etree.Element(_q(LINK, "linkbase"), nsmap={"link": LINK, "xlink": XLINK, "xbrli": XBRLI})
    for role_id, uri in role_uris:
        etree.SubElement(
            root,
            _q(LINK, "roleRef"),
            {_q(XLINK, "type"): "simple", _q(XLINK, "href"): f"{t.entry_point}#{role_id}", "roleURI": uri},
        )
    return root


def _extended(parent: etree._Element, tag: str, role: str) -> etree._Element:
    return etree.SubElement(parent, _q(LINK, tag), {_q(XLINK, "type"): "extended", _q(XLINK, "role"): role})


def _loc(link: etree._Element, t: Taxonomy, name: str) -> str:
    label = f"loc_{name}"
    etree.SubElement(
        link,
        _q(LINK, "loc"),
        {
            _q(XLINK, "type"): "locator",
            _q(XLINK, "href"): f"{t.entry_point}#{element_id(t, name)}",
            _q(XLINK, "label"): label,
        },
    )
    return label


def _arc(link: etree._Element, tag: str, arcrole: str, source: str, target: str, **extra: str) -> None:
    attributes = {
        _q(XLINK, "type"): "arc",
        _q(XLINK, "arcrole"): arcrole,
        _q(XLINK, "from"): source,
        _q(XLINK, "to"): target,
    }
    attributes.update(extra)
    etree.SubElement(link, _q(LINK, tag), attributes)


def _number(value: Decimal) -> str:
    """``1``, ``-1``, ``0.5``: plain decimal notation, never an exponent."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def label_linkbase(t: Taxonomy) -> bytes:
    """``<link:label xlink:role="http://www.xbrl.org/2003/role/label" xml:lang="en">Total revenues</link:label>``,
    plus a documentation label where concepts.csv has one."""
    root = _linkbase(t)
    link = _extended(root, "labelLink", STANDARD_LINK)
    for concept in _elements(t):
        loc = _loc(link, t, concept.name)
        resource = f"lab_{concept.name}"
        texts = [(STANDARD_LABEL, concept.label or concept.name, "")]
        if concept.documentation:
            texts.append((DOCUMENTATION_LABEL, concept.documentation, "_documentation"))
        for role, text, suffix in texts:
            label = etree.SubElement(
                link,
                _q(LINK, "label"),
                {
                    _q(XLINK, "type"): "resource",
                    _q(XLINK, "label"): resource,
                    _q(XLINK, "role"): role,
                    _q(XML, "lang"): LANG,
                    "id": f"{resource}{suffix}",
                },
            )
            label.text = text
        _arc(link, "labelArc", CONCEPT_LABEL, loc, resource)
    return _serialize(root)


def presentation_linkbase(t: Taxonomy) -> bytes:
    """One ``link:presentationLink`` per role; parentless rows hang from ``<Role>Abstract``."""
    roles = [role for role in t.roles if any(arc.role == role.id for arc in t.presentation)]
    root = _linkbase(t, ((role.id, role.uri) for role in roles))
    for role in roles:
        link = _extended(root, "presentationLink", role.uri)
        arcs = [arc for arc in t.presentation if arc.role == role.id]
        for name in _names_in_order((arc.parent or root_name(role), arc.child) for arc in arcs):
            _loc(link, t, name)
        for arc in arcs:
            parent = arc.parent or root_name(role)
            _arc(link, "presentationArc", PARENT_CHILD, f"loc_{parent}", f"loc_{arc.child}", order=_number(arc.order))
    return _serialize(root)


def calculation_linkbase(t: Taxonomy) -> bytes:
    """One ``link:calculationLink`` per role with ``summation-item`` arcs carrying ``weight``."""
    roles = [role for role in t.roles if any(arc.role == role.id for arc in t.calculations)]
    root = _linkbase(t, ((role.id, role.uri) for role in roles))
    for role in roles:
        link = _extended(root, "calculationLink", role.uri)
        arcs = [arc for arc in t.calculations if arc.role == role.id]
        for name in _names_in_order((arc.parent, arc.child) for arc in arcs):
            _loc(link, t, name)
        for order, arc in enumerate(arcs, start=1):
            _arc(
                link,
                "calculationArc",
                SUMMATION_ITEM,
                f"loc_{arc.parent}",
                f"loc_{arc.child}",
                order=str(order),
                weight=_number(arc.weight),
            )
    return _serialize(root)


def _names_in_order(pairs: Iterable[tuple[str, str]]) -> Iterator[str]:
    seen: set[str] = set()
    for pair in pairs:
        for name in pair:
            if name not in seen:
                seen.add(name)
                yield name


# --- package ---------------------------------------------------------------------------------


def _folder(t: Taxonomy) -> PurePosixPath:
    """Where the schema sits inside the package: the base URL without its scheme."""
    return PurePosixPath(t.base_url.split("://", 1)[-1].strip("/"))


def taxonomy_package_xml(t: Taxonomy) -> bytes:
    """``META-INF/taxonomyPackage.xml``: identifier, name, version, publisher, one entry point."""
    root = etree.Element(_q(TP, "taxonomyPackage"), {_q(XML, "lang"): LANG}, nsmap={"tp": TP})
    etree.SubElement(root, _q(TP, "identifier")).text = t.base_url
    etree.SubElement(root, _q(TP, "name")).text = t.name
    etree.SubElement(
        root, _q(TP, "description")
    ).text = f"{t.name}: concepts for legacy plain-text filings, aligned with US-GAAP {t.us_gaap_version}".rstrip()
    etree.SubElement(root, _q(TP, "version")).text = t.version
    if t.publisher:
        etree.SubElement(root, _q(TP, "publisher")).text = t.publisher
    entry_points = etree.SubElement(root, _q(TP, "entryPoints"))
    for name, url in ((t.name, t.entry_point_url), (f"{t.name} without calculations", t.concepts_entry_point_url)):
        entry = etree.SubElement(entry_points, _q(TP, "entryPoint"))
        etree.SubElement(entry, _q(TP, "name")).text = name
        etree.SubElement(entry, _q(TP, "entryPointDocument"), href=url)
    return _serialize(root)


def catalog(t: Taxonomy) -> bytes:
    """``<rewriteURI uriStartString="http://legacy-xbrl.org/taxonomy/2025/"
    rewritePrefix="../legacy-xbrl.org/taxonomy/2025/"/>``: the base URL resolves inside the package."""
    root = etree.Element(_q(CATALOG, "catalog"), nsmap={None: CATALOG})  # type: ignore[dict-item]
    etree.SubElement(root, _q(CATALOG, "rewriteURI"), uriStartString=t.base_url, rewritePrefix=f"../{_folder(t)}/")
    return _serialize(root)


def _concept_files(t: Taxonomy) -> Mapping[str, bytes]:
    variant = concepts_variant(t)
    return {
        variant.entry_point: schema(variant, calculations=False),
        linkbase_name(variant, "lab"): label_linkbase(variant),
        linkbase_name(variant, "pre"): presentation_linkbase(variant),
    }


def package_files(t: Taxonomy) -> Mapping[str, bytes]:
    """Path inside the zip → content, sorted by path."""
    top = PurePosixPath(t.package_id)
    folder = top / _folder(t)
    files = {
        str(top / "META-INF" / "taxonomyPackage.xml"): taxonomy_package_xml(t),
        str(top / "META-INF" / "catalog.xml"): catalog(t),
        str(folder / t.entry_point): schema(t),
        **{str(folder / name): content for name, content in _concept_files(t).items()},
        str(folder / linkbase_name(t, "lab")): label_linkbase(t),
        str(folder / linkbase_name(t, "pre")): presentation_linkbase(t),
        str(folder / linkbase_name(t, "cal")): calculation_linkbase(t),
    }
    return MappingProxyType(dict(sorted(files.items())))


# --- a copy beside the outputs ------------------------------------------------------------------


def local_folder(t: Taxonomy) -> str:
    """``legacy-xbrl-taxonomy-2025``: the folder, beside the outputs, that holds the taxonomy's schemas."""
    return t.package_id


def local_files(t: Taxonomy) -> Mapping[str, bytes]:
    """The package's schemas and linkbases without its metadata, by file name: what ``local_folder`` holds.

    Each schema finds its linkbases by relative name, so the folder works wherever it is copied.
    """
    return MappingProxyType(
        {PurePosixPath(name).name: content for name, content in package_files(t).items() if "/META-INF/" not in name}
    )


def localised(result: Result, t: Taxonomy) -> Result:
    """``result`` pointing at the copy of its taxonomy in ``local_folder``, beside its outputs, instead of
    at the entry point's URL: ``<link:schemaRef xlink:href="legacy-xbrl-taxonomy-2025/lx-2025.xsd"/>``.

    An outputs folder then opens in any XBRL processor, offline, with no taxonomy package. The entry
    point's URL stays the taxonomy's name (``TaxonomyRef.entry_point``).
    """
    ref: TaxonomyRef = result.taxonomy
    if not ref.entry_point.startswith(t.base_url):
        return result
    name = ref.entry_point.removeprefix(t.base_url)
    if name not in (t.entry_point, t.concepts_entry_point):
        return result
    return result.model_copy(update={"taxonomy": ref.model_copy(update={"location": f"{local_folder(t)}/{name}"})})


def package_bytes(t: Taxonomy) -> bytes:
    """The Taxonomy Package zip: fixed timestamps and permissions, entries sorted, so bytes are reproducible."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in package_files(t).items():
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16
            info.create_system = 3
            archive.writestr(info, content, compresslevel=9)
    return buffer.getvalue()


def write_local_taxonomy(t: Taxonomy, outdir: Path) -> Path:
    """Write ``local_files(t)`` to ``outdir/local_folder(t)/`` and return that folder.

    A file already there with the same bytes is left alone (two conversions into one folder at once
    both find it done); any other is replaced through a temporary file, never left half-written.
    """
    folder = outdir / local_folder(t)
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in local_files(t).items():
        target = folder / name
        if target.is_file() and target.read_bytes() == content:
            continue
        temp = folder / f".{name}.{os.getpid()}.tmp"
        try:
            temp.write_bytes(content)
            os.replace(temp, target)
        finally:
            temp.unlink(missing_ok=True)
    return folder


def write_package(t: Taxonomy, path: Path) -> Path:
    """Write ``package_bytes(t)`` to ``path`` (parents created) and return it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(package_bytes(t))
    return path
