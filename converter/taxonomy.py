"""The taxonomy as data: ``taxonomy/*.csv`` and ``taxonomy.json`` loaded once into an immutable ``Taxonomy``.

``load_taxonomy`` reads and type-checks each row (a malformed file raises ``TaxonomyError``);
``check_taxonomy`` looks across files (unknown concepts, mismatched calculation arcs, duplicates)
and returns findings with stable ``taxonomy.*`` codes.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from converter.findings import Finding, Severity, SourceRef
from converter.model import ConceptInfo, TaxonomyRef

__all__ = [
    "DEFAULT_DIRECTORY",
    "DTR_TYPES_NAMESPACE",
    "DTR_TYPES_PREFIX",
    "DTR_TYPES_URL",
    "LOCAL_TYPES",
    "XSD_TYPES",
    "Balance",
    "CalculationArc",
    "Concept",
    "ConceptType",
    "MappingRule",
    "Measure",
    "PeriodType",
    "PresentationArc",
    "Relation",
    "Role",
    "Taxonomy",
    "TaxonomyError",
    "check_taxonomy",
    "load_taxonomy",
    "root_name",
]

DEFAULT_DIRECTORY = Path(__file__).resolve().parent.parent / "taxonomy"

# The newest DTR types schema Arelle bundles in its offline cache (arelle/resources/cache/https/...).
DTR_TYPES_NAMESPACE = "http://www.xbrl.org/dtr/type/2024-01-31"
DTR_TYPES_URL = "https://www.xbrl.org/dtr/type/2024-01-31/types.xsd"
DTR_TYPES_PREFIX = "dtr-types"  # the prefix the DTR schema declares for itself

_E = TypeVar("_E", bound=StrEnum)
_T = TypeVar("_T")
_NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")


class TaxonomyError(ValueError):
    """A taxonomy file cannot be read: names the file and, where it applies, the line."""


class ConceptType(StrEnum):
    MONETARY = "monetary"
    PER_SHARE = "perShare"
    PER_UNIT = "perUnit"
    SHARES = "shares"
    PURE = "pure"
    PERCENT = "percent"
    DECIMAL = "decimal"
    INTEGER = "integer"
    ABSTRACT = "abstract"


class PeriodType(StrEnum):
    DURATION = "duration"
    INSTANT = "instant"


class Balance(StrEnum):
    DEBIT = "debit"
    CREDIT = "credit"


class Relation(StrEnum):
    EXACT = "exact"
    NARROWER = "narrower"
    RELATED = "related"
    NONE = "none"


# The XSD type each taxonomy type is declared with (and what ConceptInfo.data_type says).
# perUnit is declared in the taxonomy's own schema (see LOCAL_TYPES); Taxonomy.xsd_type adds its prefix.
XSD_TYPES: Mapping[ConceptType, str] = MappingProxyType(
    {
        ConceptType.MONETARY: "xbrli:monetaryItemType",
        ConceptType.PER_SHARE: f"{DTR_TYPES_PREFIX}:perShareItemType",
        ConceptType.SHARES: "xbrli:sharesItemType",
        ConceptType.PURE: "xbrli:pureItemType",
        ConceptType.PERCENT: f"{DTR_TYPES_PREFIX}:percentItemType",
        ConceptType.DECIMAL: "xbrli:decimalItemType",
        ConceptType.INTEGER: "xbrli:integerItemType",
        ConceptType.ABSTRACT: "xbrli:stringItemType",
    }
)
# Types the taxonomy schema declares itself, as restrictions of an xbrli type: local name -> base.
# The UTR's perUnitItemType entry names no namespace, so Arelle checks these facts for a currency
# numerator over any denominator (JPY per lx:ADS); dtr-types:perShareItemType only allows JPY/shares.
LOCAL_TYPES: Mapping[ConceptType, tuple[str, str]] = MappingProxyType(
    {ConceptType.PER_UNIT: ("perUnitItemType", "xbrli:decimalItemType")}
)


@dataclass(frozen=True, slots=True)
class Concept:
    """``Revenues,monetary,duration,credit,Total revenues,Revenues,exact,`` (a row of concepts.csv)."""

    name: str
    type: ConceptType
    period_type: PeriodType
    balance: Balance | None
    label: str
    us_gaap: str | None
    relation: Relation
    documentation: str | None
    line: int = field(default=0, compare=False)

    @property
    def is_numeric(self) -> bool:
        return self.type is not ConceptType.ABSTRACT


@dataclass(frozen=True, slots=True)
class Role:
    """``IncomeStatement,10,Consolidated statements of operations`` (a row of roles.csv)."""

    id: str
    order: int
    definition: str
    uri: str
    line: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class PresentationArc:
    """``IncomeStatement,,Revenues,1``: ``parent`` None places the child under the role's root."""

    role: str
    parent: str | None
    child: str
    order: Decimal
    line: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class CalculationArc:
    """``IncomeStatement,OperatingIncomeLoss,CostsAndExpenses,-1``: child times weight sums to parent."""

    role: str
    parent: str
    child: str
    weight: Decimal
    line: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class MappingRule:
    """``income,total revenues,Revenues,+``: a printed label in a kind of table names a concept."""

    statement: str
    section: str
    label: str
    concept: str
    sign: int
    line: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Measure:
    """``{"name": "ADS", "label": "American Depositary Share"}``: a unit measure in the taxonomy namespace."""

    name: str
    label: str


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """Everything in ``taxonomy/``; ``concepts`` keeps the first row of a name, ``concept_rows`` all of them."""

    directory: Path
    name: str
    version: str
    publisher: str
    prefix: str
    namespace: str
    base_url: str
    entry_point: str
    package_id: str
    us_gaap_version: str
    measures: tuple[Measure, ...]
    concept_rows: tuple[Concept, ...]
    concepts: Mapping[str, Concept]
    roles: tuple[Role, ...]
    presentation: tuple[PresentationArc, ...]
    calculations: tuple[CalculationArc, ...]
    mapping: tuple[MappingRule, ...]

    @property
    def entry_point_url(self) -> str:
        return self.base_url + self.entry_point

    def ref(self) -> TaxonomyRef:
        return TaxonomyRef(namespace=self.namespace, prefix=self.prefix, entry_point=self.entry_point_url)

    def xsd_type(self, kind: ConceptType) -> str:
        """The type QName a concept of this kind is declared with: ``xbrli:monetaryItemType``."""
        local = LOCAL_TYPES.get(kind)
        return f"{self.prefix}:{local[0]}" if local else XSD_TYPES[kind]

    def concept_info(self, name: str) -> ConceptInfo:
        """What the serialisers need about ``name``; KeyError if the taxonomy has no such concept."""
        concept = self.concepts.get(name)
        if concept is None:
            raise KeyError(f"concept {name!r} is not in the taxonomy at {self.directory}")
        return ConceptInfo(
            name=concept.name,
            label=concept.label,
            data_type=self.xsd_type(concept.type),
            period_type=concept.period_type.value,
            balance=concept.balance.value if concept.balance else None,
            us_gaap=concept.us_gaap,
            relation=concept.relation.value,
        )


# --- loading ---------------------------------------------------------------------------------

_COLUMNS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "concepts.csv": ("name", "type", "period_type", "balance", "label", "us_gaap", "relation", "documentation"),
        "roles.csv": ("role", "order", "definition"),
        "presentation.csv": ("role", "parent", "child", "order"),
        "calculations.csv": ("role", "parent", "child", "weight"),
        "mapping.csv": ("statement", "section", "label", "concept", "sign"),
    }
)
_SIGNS: Mapping[str, int] = MappingProxyType({"+": 1, "-": -1})


def load_taxonomy(directory: Path | None = None) -> Taxonomy:
    """Read ``taxonomy.json`` and the five CSV tables from ``directory`` (default: the repo's ``taxonomy/``)."""
    directory = DEFAULT_DIRECTORY if directory is None else directory
    meta = _read_json(directory / "taxonomy.json")
    base_url = _text(meta, "base_url", "taxonomy.json")
    concept_rows = _parse(directory, "concepts.csv", _concept)
    first: dict[str, Concept] = {}
    for concept in concept_rows:
        first.setdefault(concept.name, concept)
    return Taxonomy(
        directory=directory,
        name=_text(meta, "name", "taxonomy.json"),
        version=_text(meta, "version", "taxonomy.json"),
        publisher=str(meta.get("publisher", "")),
        prefix=_text(meta, "prefix", "taxonomy.json"),
        namespace=_text(meta, "namespace", "taxonomy.json"),
        base_url=base_url,
        entry_point=_text(meta, "entry_point", "taxonomy.json"),
        package_id=_text(meta, "package_id", "taxonomy.json"),
        us_gaap_version=str(meta.get("us_gaap_version", "")),
        measures=_measures(meta.get("measures", [])),
        concept_rows=concept_rows,
        concepts=MappingProxyType(first),
        roles=tuple(
            sorted(
                _parse(directory, "roles.csv", lambda row, line: _role(row, line, base_url)),
                key=lambda role: (role.order, role.id),
            )
        ),
        presentation=_parse(directory, "presentation.csv", _presentation),
        calculations=_parse(directory, "calculations.csv", _calculation),
        mapping=_parse(directory, "mapping.csv", _rule),
    )


def _read_json(path: Path) -> Mapping[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise TaxonomyError(f"{path}: {err}") from err
    if not isinstance(data, dict):
        raise TaxonomyError(f"{path}: expected a JSON object")
    return data


def _text(meta: Mapping[str, Any], key: str, where: str) -> str:
    value = meta.get(key)
    if not isinstance(value, str) or not value:
        raise TaxonomyError(f"{where}: {key!r} must be a non-empty string")
    return value


def _measures(raw: object) -> tuple[Measure, ...]:
    """``"measures": [{"name": "ADS", "label": "American Depositary Share"}]``"""
    if not isinstance(raw, list):
        raise TaxonomyError("taxonomy.json: 'measures' must be a list")
    measures = []
    for i, item in enumerate(raw):
        if not isinstance(item, dict):
            raise TaxonomyError(f"taxonomy.json: measures[{i}] must be an object")
        measures.append(
            Measure(name=_text(item, "name", f"taxonomy.json measures[{i}]"), label=str(item.get("label", "")))
        )
    return tuple(measures)


def _parse(directory: Path, filename: str, parse: Callable[[Mapping[str, str], int], _T]) -> tuple[_T, ...]:
    """Parse each non-blank row of a CSV table whose header must match exactly; errors name file and line."""
    path = directory / filename
    columns = _COLUMNS[filename]
    parsed: list[_T] = []
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = tuple(cell.strip() for cell in next(reader, ()))
            if header != columns:
                raise TaxonomyError(f"line 1: header is {','.join(header)!r}, expected {','.join(columns)!r}")
            for cells in reader:
                if not any(cell.strip() for cell in cells):
                    continue
                if len(cells) != len(columns):
                    raise TaxonomyError(f"line {reader.line_num}: {len(cells)} fields, expected {','.join(columns)}")
                row = dict(zip(columns, (cell.strip() for cell in cells), strict=True))
                parsed.append(parse(row, reader.line_num))
    except OSError as err:
        raise TaxonomyError(f"{path}: {err}") from err
    except (TaxonomyError, csv.Error) as err:
        raise TaxonomyError(f"{path} {err}") from None
    return tuple(parsed)


def _enum(kind: type[_E], value: str, column: str, line: int) -> _E:
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise TaxonomyError(f"line {line}: {column} {value!r} is not one of {allowed}") from None


def _decimal(value: str, column: str, line: int) -> Decimal:
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise TaxonomyError(f"line {line}: {column} {value!r} is not a number") from None
    if not number.is_finite():
        raise TaxonomyError(f"line {line}: {column} {value!r} is not a finite number")
    return Decimal(int(number)) if number == number.to_integral_value() else number


def _concept(row: Mapping[str, str], line: int) -> Concept:
    """``AdjustedEBITDA,monetary,duration,credit,Adjusted EBITDA,,none,Operating income (loss) before ...``"""
    return Concept(
        name=row["name"],
        type=_enum(ConceptType, row["type"], "type", line),
        period_type=_enum(PeriodType, row["period_type"], "period_type", line),
        balance=_enum(Balance, row["balance"], "balance", line) if row["balance"] else None,
        label=row["label"],
        us_gaap=row["us_gaap"] or None,
        relation=_enum(Relation, row["relation"] or "none", "relation", line),
        documentation=row["documentation"] or None,
        line=line,
    )


def _role(row: Mapping[str, str], line: int, base_url: str) -> Role:
    """``IncomeStatement,10,Consolidated statements of operations``"""
    order = _decimal(row["order"], "order", line)
    if order != int(order):
        raise TaxonomyError(f"line {line}: order {row['order']!r} is not a whole number")
    return Role(
        id=row["role"], order=int(order), definition=row["definition"], uri=f"{base_url}role/{row['role']}", line=line
    )


def _presentation(row: Mapping[str, str], line: int) -> PresentationArc:
    """``IncomeStatement,,Revenues,1``"""
    order = _decimal(row["order"], "order", line) if row["order"] else Decimal(0)
    return PresentationArc(role=row["role"], parent=row["parent"] or None, child=row["child"], order=order, line=line)


def _calculation(row: Mapping[str, str], line: int) -> CalculationArc:
    """``IncomeStatement,OperatingIncomeLoss,CostsAndExpenses,-1``"""
    weight = _decimal(row["weight"], "weight", line)
    return CalculationArc(role=row["role"], parent=row["parent"], child=row["child"], weight=weight, line=line)


def _rule(row: Mapping[str, str], line: int) -> MappingRule:
    """``cashflow,purchase of property and equipment,PaymentsToAcquirePropertyPlantAndEquipment,-``"""
    text = row["sign"] or "+"
    sign = _SIGNS.get(text)
    if sign is None:
        try:
            sign = int(text)
        except ValueError:
            raise TaxonomyError(f"line {line}: sign {text!r} is not + or -") from None
    return MappingRule(
        statement=row["statement"],
        section=row["section"],
        label=row["label"],
        concept=row["concept"],
        sign=sign,
        line=line,
    )


# --- consistency -----------------------------------------------------------------------------


def root_name(role: Role | str) -> str:
    """The abstract element a role's presentation tree hangs from: ``IncomeStatementAbstract``."""
    return (role.id if isinstance(role, Role) else role) + "Abstract"


def check_taxonomy(t: Taxonomy) -> tuple[Finding, ...]:
    """Cross-file consistency: every finding's source is the offending CSV line."""
    return tuple(_check(t))


def _finding(code: str, message: str, filename: str, line: int, severity: Severity = Severity.ERROR) -> Finding:
    source = SourceRef(document=f"taxonomy/{filename}", line_start=line, line_end=line, text="")
    return Finding(code=f"taxonomy.{code}", severity=severity, message=message, sources=(source,))


def _check(t: Taxonomy) -> Iterator[Finding]:
    yield from _check_meta(t)
    yield from _check_concepts(t)
    role_ids = {role.id for role in t.roles}
    for count_name, filename, names in (
        ("duplicate-role", "roles.csv", [(r.id, r.line) for r in t.roles]),
        ("duplicate-measure", "taxonomy.json", [(m.name, 0) for m in t.measures]),
    ):
        yield from _duplicates(count_name, filename, names)
    for role in t.roles:
        if not _NCNAME.match(role.id):
            yield _finding("invalid-name", f"role {role.id!r} is not an NCName", "roles.csv", role.line)
    for measure in t.measures:
        if not _NCNAME.match(measure.name):
            yield _finding("invalid-name", f"measure {measure.name!r} is not an NCName", "taxonomy.json", 0)
    yield from _check_presentation(t, role_ids)
    yield from _check_calculations(t, role_ids)
    yield from _check_mapping(t)


def _check_meta(t: Taxonomy) -> Iterator[Finding]:
    if not _NCNAME.match(t.prefix):
        yield _finding("invalid-name", f"prefix {t.prefix!r} is not an NCName", "taxonomy.json", 0)
    if not t.base_url.endswith("/"):
        yield _finding("bad-base-url", f"base_url {t.base_url!r} must end with '/'", "taxonomy.json", 0)
    if not _NCNAME.match(t.package_id):
        yield _finding("invalid-name", f"package_id {t.package_id!r} is not an NCName", "taxonomy.json", 0)


def _check_concepts(t: Taxonomy) -> Iterator[Finding]:
    yield from _duplicates("duplicate-concept", "concepts.csv", [(c.name, c.line) for c in t.concept_rows])
    for c in t.concept_rows:
        if not _NCNAME.match(c.name):
            yield _finding("invalid-name", f"concept {c.name!r} is not an NCName", "concepts.csv", c.line)
        if c.balance is not None and c.type is not ConceptType.MONETARY:
            yield _finding("balance-not-monetary", f"{c.name} has a balance but is {c.type}", "concepts.csv", c.line)
        if c.relation is Relation.EXACT and c.us_gaap != c.name:
            yield _finding(
                "exact-name-mismatch", f"{c.name} is 'exact' but aligns with {c.us_gaap!r}", "concepts.csv", c.line
            )
        elif c.relation is Relation.NONE and c.us_gaap:
            yield _finding(
                "alignment-without-relation", f"{c.name} names {c.us_gaap} but relation is none", "concepts.csv", c.line
            )
        elif c.relation is not Relation.NONE and not c.us_gaap:
            yield _finding(
                "relation-without-alignment",
                f"{c.name} is {c.relation} but names no US-GAAP element",
                "concepts.csv",
                c.line,
            )
        if c.us_gaap and not _NCNAME.match(c.us_gaap):
            yield _finding("invalid-name", f"{c.name}: us_gaap {c.us_gaap!r} is not an NCName", "concepts.csv", c.line)
    roots = {root_name(role): role for role in t.roles}
    for c in t.concept_rows:
        if c.name in roots and c.type is not ConceptType.ABSTRACT:
            yield _finding(
                "root-name-clash",
                f"{c.name} is the root of role {roots[c.name].id} but not abstract",
                "concepts.csv",
                c.line,
            )


def _check_presentation(t: Taxonomy, role_ids: set[str]) -> Iterator[Finding]:
    file = "presentation.csv"
    yield from _duplicates("duplicate-arc", file, [((a.role, a.parent, a.child), a.line) for a in t.presentation])
    for arc in t.presentation:
        if arc.role not in role_ids:
            yield _finding("unknown-role", f"role {arc.role!r} is not in roles.csv", file, arc.line)
        for name in (arc.parent, arc.child):
            if name is not None and name not in t.concepts and name != root_name(arc.role):
                yield _finding("unknown-concept", f"{name!r} is not in concepts.csv", file, arc.line)
        if arc.parent == arc.child:
            yield _finding("self-arc", f"{arc.child} is its own parent", file, arc.line)


def _check_calculations(t: Taxonomy, role_ids: set[str]) -> Iterator[Finding]:
    file = "calculations.csv"
    yield from _duplicates("duplicate-arc", file, [((a.role, a.parent, a.child), a.line) for a in t.calculations])
    for arc in t.calculations:
        if arc.role not in role_ids:
            yield _finding("unknown-role", f"role {arc.role!r} is not in roles.csv", file, arc.line)
        parent, child = t.concepts.get(arc.parent), t.concepts.get(arc.child)
        for name, concept in ((arc.parent, parent), (arc.child, child)):
            if concept is None:
                yield _finding("unknown-concept", f"{name!r} is not in concepts.csv", file, arc.line)
            elif not concept.is_numeric:
                yield _finding("calc-not-numeric", f"{name} is abstract and cannot take part in a sum", file, arc.line)
        if arc.weight == 0:
            yield _finding("calc-zero-weight", f"{arc.parent} -> {arc.child} has weight 0", file, arc.line)
        if arc.parent == arc.child:
            yield _finding("self-arc", f"{arc.child} is its own parent", file, arc.line)
        if parent is None or child is None:
            continue
        if parent.period_type is not child.period_type:
            yield _finding(
                "calc-period-mismatch",
                f"{arc.parent} ({parent.period_type}) and {arc.child} ({child.period_type}) differ in period type",
                file,
                arc.line,
            )
        if parent.balance and child.balance and (parent.balance is child.balance) != (arc.weight > 0):
            yield _finding(
                "calc-balance-weight",
                f"{arc.parent} ({parent.balance}) -> {arc.child} ({child.balance}) cannot have weight {arc.weight}",
                file,
                arc.line,
            )


def _check_mapping(t: Taxonomy) -> Iterator[Finding]:
    file = "mapping.csv"
    yield from _duplicates("duplicate-mapping", file, [((r.statement, r.section, r.label), r.line) for r in t.mapping])
    for rule in t.mapping:
        concept = t.concepts.get(rule.concept)
        if concept is None:
            yield _finding("unknown-concept", f"{rule.concept!r} is not in concepts.csv", file, rule.line)
        elif not concept.is_numeric:
            yield _finding("mapping-to-abstract", f"{rule.label!r} maps to abstract {rule.concept}", file, rule.line)
        if rule.sign not in (1, -1):
            yield _finding("bad-sign", f"sign {rule.sign} of {rule.label!r} is neither + nor -", file, rule.line)
        if not rule.label or rule.label != " ".join(rule.label.lower().split()):
            yield _finding("label-not-normalised", f"label {rule.label!r} is not normalised", file, rule.line)


def _duplicates(code: str, filename: str, keyed: Sequence[tuple[object, int]]) -> Iterator[Finding]:
    counts = Counter(key for key, _ in keyed)
    seen: set[object] = set()
    for key, line in keyed:
        if counts[key] > 1:
            if key in seen:
                yield _finding(code, f"{key} appears {counts[key]} times", filename, line)
            seen.add(key)
