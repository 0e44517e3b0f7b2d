"""The taxonomy as data: ``taxonomy/*.csv`` and ``taxonomy.json`` loaded once into an immutable ``Taxonomy``.

``load_taxonomy`` reads and type-checks each row (a malformed file raises ``TaxonomyError`` naming
file and line); ``check_taxonomy`` looks across files (unknown concepts, calculation arcs that cannot
hold, duplicates) and returns findings with stable ``taxonomy.*`` codes.
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
from importlib import resources
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
    "StatementPattern",
    "Taxonomy",
    "TaxonomyError",
    "check_taxonomy",
    "load_taxonomy",
    "root_name",
]

# The taxonomy's source of truth is the repository's top-level taxonomy/; a built wheel ships a copy of it
# as package data, converter/taxonomy_data/ (pyproject.toml maps the folder there).
SOURCE_DIRECTORY = Path(__file__).resolve().parent.parent / "taxonomy"
PACKAGE_DATA = "taxonomy_data"


def _default_directory() -> Path:
    """The installed package's copy of the taxonomy when there is one, else the checkout's ``taxonomy/``.

    The installed copy comes first: ``site-packages/taxonomy/`` may belong to some other distribution.
    """
    installed = resources.files("converter").joinpath(PACKAGE_DATA)
    if installed.joinpath("taxonomy.json").is_file():
        return Path(str(installed))
    return SOURCE_DIRECTORY


DEFAULT_DIRECTORY = _default_directory()

# The newest DTR types schema in Arelle's offline cache (arelle/resources/cache/https/www.xbrl.org/dtr/type/).
DTR_TYPES_NAMESPACE = "http://www.xbrl.org/dtr/type/2024-01-31"
DTR_TYPES_URL = "https://www.xbrl.org/dtr/type/2024-01-31/types.xsd"
DTR_TYPES_PREFIX = "dtr-types"  # the prefix that schema declares for itself

ANY_STATEMENT = "*"
_E = TypeVar("_E", bound=StrEnum)
_T = TypeVar("_T")
_NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")


class TaxonomyError(ValueError):
    """A taxonomy file cannot be read: the message names the file and, where it applies, the line."""


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
    # XBRL Dimensions: an axis, its domain, and the hypercube (table) that lists the axes.
    AXIS = "axis"
    DOMAIN = "domain"
    HYPERCUBE = "hypercube"


# Types that hold no figures: declared abstract.
STRUCTURAL_TYPES = frozenset({ConceptType.ABSTRACT, ConceptType.AXIS, ConceptType.DOMAIN, ConceptType.HYPERCUBE})


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


# The XSD type each taxonomy type is declared with (what ConceptInfo.data_type says).
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
        ConceptType.AXIS: "xbrli:stringItemType",
        ConceptType.DOMAIN: "xbrli:stringItemType",
        ConceptType.HYPERCUBE: "xbrli:stringItemType",
    }
)
# Types the taxonomy schema declares itself (local name, base). The UTR entry for perUnitItemType
# names no namespace, so Arelle checks such facts for a currency over any denominator (JPY per
# lx:ADS); dtr-types:perShareItemType accepts only a currency over xbrli:shares.
LOCAL_TYPES: Mapping[ConceptType, tuple[str, str]] = MappingProxyType(
    {ConceptType.PER_UNIT: ("perUnitItemType", "xbrli:decimalItemType")}
)


@dataclass(frozen=True, slots=True)
class Concept:
    """``Revenues,monetary,duration,credit,Total revenues,Revenues,exact,`` (concepts.csv)."""

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
        return self.type not in STRUCTURAL_TYPES


@dataclass(frozen=True, slots=True)
class Role:
    """``IncomeStatement,10,Consolidated statements of operations`` (roles.csv); ``uri`` is base_url + role/ + id."""

    id: str
    order: int
    definition: str
    uri: str
    line: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class PresentationArc:
    """``IncomeStatement,,Revenues,1`` (presentation.csv): ``parent`` None hangs the child from the role's root."""

    role: str
    parent: str | None
    child: str
    order: Decimal
    line: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class CalculationArc:
    """``IncomeStatement,OperatingIncomeLoss,CostsAndExpenses,-1`` (calculations.csv): child × weight sums to parent."""

    role: str
    parent: str
    child: str
    weight: Decimal
    line: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class MappingRule:
    """``income|revenue,,dial-up access services,RevenueDialUpAccessServices,+`` (mapping.csv).

    ``statements`` holds the ``|``-separated kinds (``("*",)`` for any); ``section`` None means any section.
    """

    statements: tuple[str, ...]
    section: str | None
    label: str
    concept: str
    sign: int
    line: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class StatementPattern:
    """``BALANCE SHEETS?|STATEMENTS? OF FINANCIAL (?:POSITION|CONDITION),balance,1`` (statements.csv)."""

    pattern: str
    statement: str
    primary: bool
    line: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Measure:
    """``{"name": "ADS", "label": "American Depositary Share"}``: a unit measure in the taxonomy namespace."""

    name: str
    label: str


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """Everything in ``taxonomy/``. ``concepts`` keeps the first row of each name; ``concept_rows`` keeps all."""

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
    statements: tuple[StatementPattern, ...]

    @property
    def entry_point_url(self) -> str:
        return self.base_url + self.entry_point

    @property
    def concepts_entry_point(self) -> str:
        """``lx-2025-concepts.xsd``: the concepts without the calculation linkbase."""
        return self.entry_point.removesuffix(".xsd") + "-concepts.xsd"

    @property
    def concepts_entry_point_url(self) -> str:
        return self.base_url + self.concepts_entry_point

    def ref(self, *, calculations: bool = True) -> TaxonomyRef:
        """The reference an instance carries; ``calculations`` picks the entry point with the calculation linkbase."""
        entry = self.entry_point_url if calculations else self.concepts_entry_point_url
        return TaxonomyRef(namespace=self.namespace, prefix=self.prefix, entry_point=entry)

    def xsd_type(self, kind: ConceptType) -> str:
        """The type QName concepts of this kind are declared with: ``xbrli:monetaryItemType``."""
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
        "statements.csv": ("pattern", "statement", "primary"),
    }
)
_SIGNS: Mapping[str, int] = MappingProxyType({"+": 1, "-": -1})
_FLAGS: Mapping[str, bool] = MappingProxyType({"1": True, "0": False, "": False, "true": True, "false": False})


def load_taxonomy(directory: Path | None = None) -> Taxonomy:
    """Read ``taxonomy.json`` and the CSV tables in ``directory``.

    By default the taxonomy the package was installed with, or the checkout's ``taxonomy/``.
    """
    directory = DEFAULT_DIRECTORY if directory is None else directory
    meta = _read_json(directory / "taxonomy.json")
    text = {key: _text(meta, key) for key in ("name", "version", "prefix", "namespace", "base_url", "entry_point")}
    concept_rows = _parse(directory, "concepts.csv", _concept)
    first: dict[str, Concept] = {}
    for concept in concept_rows:
        first.setdefault(concept.name, concept)
    roles = _parse(directory, "roles.csv", lambda row, line: _role(row, line, text["base_url"]))
    return Taxonomy(
        directory=directory,
        publisher=str(meta.get("publisher", "")),
        package_id=_text(meta, "package_id"),
        us_gaap_version=str(meta.get("us_gaap_version", "")),
        measures=_measures(meta.get("measures", [])),
        concept_rows=concept_rows,
        concepts=MappingProxyType(first),
        roles=tuple(sorted(roles, key=lambda role: (role.order, role.id))),
        presentation=_parse(directory, "presentation.csv", _presentation),
        calculations=_parse(directory, "calculations.csv", _calculation),
        mapping=_parse(directory, "mapping.csv", _rule),
        statements=_parse(directory, "statements.csv", _statement),
        **text,
    )


def _read_json(path: Path) -> Mapping[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise TaxonomyError(f"{path}: {err}") from err
    if not isinstance(data, dict):
        raise TaxonomyError(f"{path}: expected a JSON object")
    return data


def _text(meta: Mapping[str, Any], key: str, where: str = "taxonomy.json") -> str:
    value = meta.get(key)
    if not isinstance(value, str) or not value:
        raise TaxonomyError(f"{where}: {key!r} must be a non-empty string")
    return value


def _measures(raw: object) -> tuple[Measure, ...]:
    """``"measures": [{"name": "ADS", "label": "American Depositary Share"}]``"""
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        raise TaxonomyError("taxonomy.json: 'measures' must be a list of objects")
    return tuple(
        Measure(name=_text(item, "name", f"taxonomy.json measures[{i}]"), label=str(item.get("label", "")))
        for i, item in enumerate(raw)
    )


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
                parsed.append(parse(dict(zip(columns, (c.strip() for c in cells), strict=True)), reader.line_num))
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
    """``1``, ``-1``, ``0.5``: a finite number; whole numbers come back without exponent or fraction."""
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
    uri = f"{base_url}role/{row['role']}"
    return Role(id=row["role"], order=int(order), definition=row["definition"], uri=uri, line=line)


def _presentation(row: Mapping[str, str], line: int) -> PresentationArc:
    """``IncomeStatement,,Revenues,1`` and ``IncomeStatement,CostsAndExpenses,CostOfRevenue,1``"""
    order = _decimal(row["order"], "order", line) if row["order"] else Decimal(0)
    return PresentationArc(role=row["role"], parent=row["parent"] or None, child=row["child"], order=order, line=line)


def _calculation(row: Mapping[str, str], line: int) -> CalculationArc:
    """``IncomeStatement,OperatingIncomeLoss,CostsAndExpenses,-1``"""
    weight = _decimal(row["weight"], "weight", line)
    return CalculationArc(role=row["role"], parent=row["parent"], child=row["child"], weight=weight, line=line)


def _rule(row: Mapping[str, str], line: int) -> MappingRule:
    """``cashflow,investing activities,purchase of property and equipment,PaymentsToAcquire...,-``"""
    text = row["sign"] or "+"
    sign = _SIGNS.get(text)
    if sign is None:
        try:
            sign = int(text)
        except ValueError:
            raise TaxonomyError(f"line {line}: sign {text!r} is not + or -") from None
    statements = tuple(kind.strip() for kind in (row["statement"] or ANY_STATEMENT).split("|"))
    section = row["section"] or None
    return MappingRule(statements, section, row["label"], row["concept"], sign, line=line)


def _statement(row: Mapping[str, str], line: int) -> StatementPattern:
    """``Number of Contracts?\\b(?! Bandwidth),contracts,0``: the pattern must compile."""
    try:
        re.compile(row["pattern"])
    except re.error as err:
        raise TaxonomyError(f"line {line}: pattern {row['pattern']!r} does not compile: {err}") from None
    primary = _FLAGS.get(row["primary"].lower())
    if primary is None:
        raise TaxonomyError(f"line {line}: primary {row['primary']!r} is not 1 or 0")
    return StatementPattern(row["pattern"], row["statement"], primary, line=line)


# --- consistency -----------------------------------------------------------------------------


def root_name(role: Role | str) -> str:
    """The abstract element a role's presentation tree hangs from: ``IncomeStatementAbstract``."""
    return (role.id if isinstance(role, Role) else role) + "Abstract"


def check_taxonomy(t: Taxonomy) -> tuple[Finding, ...]:
    """Cross-file consistency; each finding's source is the offending line (0 for taxonomy.json)."""
    return (
        *_check_meta(t),
        *_check_concepts(t),
        *_check_presentation(t),
        *_check_calculations(t),
        *_check_mapping(t),
    )


def _finding(code: str, message: str, filename: str, line: int) -> Finding:
    source = SourceRef(document=f"taxonomy/{filename}", line_start=line, line_end=line, text="")
    return Finding(code=f"taxonomy.{code}", severity=Severity.ERROR, message=message, sources=(source,))


def _duplicates(code: str, filename: str, keyed: Sequence[tuple[object, int]]) -> Iterator[Finding]:
    """One finding for every repeat of a key after its first row."""
    counts = Counter(key for key, _ in keyed)
    seen: set[object] = set()
    for key, line in keyed:
        if counts[key] > 1 and key in seen:
            yield _finding(code, f"{key} appears {counts[key]} times", filename, line)
        seen.add(key)


def _names(kind: str, filename: str, named: Sequence[tuple[str, int]]) -> Iterator[Finding]:
    for name, line in named:
        if not _NCNAME.match(name):
            yield _finding("invalid-name", f"{kind} {name!r} is not an NCName", filename, line)


def _check_meta(t: Taxonomy) -> Iterator[Finding]:
    meta = "taxonomy.json"
    yield from _names("prefix", meta, [(t.prefix, 0)])
    yield from _names("package_id", meta, [(t.package_id, 0)])
    yield from _names("measure", meta, [(m.name, 0) for m in t.measures])
    yield from _duplicates("duplicate-measure", meta, [(m.name, 0) for m in t.measures])
    if not t.base_url.endswith("/"):
        yield _finding("bad-base-url", f"base_url {t.base_url!r} must end with '/'", meta, 0)
    yield from _names("role", "roles.csv", [(r.id, r.line) for r in t.roles])
    yield from _duplicates("duplicate-role", "roles.csv", [(r.id, r.line) for r in t.roles])


def _check_concepts(t: Taxonomy) -> Iterator[Finding]:
    file = "concepts.csv"
    yield from _names("concept", file, [(c.name, c.line) for c in t.concept_rows])
    yield from _names("us_gaap", file, [(c.us_gaap, c.line) for c in t.concept_rows if c.us_gaap])
    yield from _duplicates("duplicate-concept", file, [(c.name, c.line) for c in t.concept_rows])
    roots = {root_name(role) for role in t.roles}
    for c in t.concept_rows:
        if c.balance is not None and c.type is not ConceptType.MONETARY:
            yield _finding("balance-not-monetary", f"{c.name} has a balance but is {c.type}", file, c.line)
        if c.relation is Relation.EXACT and c.us_gaap != c.name:
            yield _finding("exact-name-mismatch", f"{c.name} is exact but aligns with {c.us_gaap!r}", file, c.line)
        elif c.relation is Relation.NONE and c.us_gaap:
            yield _finding("alignment-without-relation", f"{c.name} names {c.us_gaap}, relation none", file, c.line)
        elif c.relation is not Relation.NONE and not c.us_gaap:
            yield _finding("relation-without-alignment", f"{c.name} is {c.relation} to nothing", file, c.line)
        if c.name in roots and c.type not in STRUCTURAL_TYPES:
            yield _finding("root-name-clash", f"{c.name} names a role's root but is not abstract", file, c.line)


def _check_arc_ends(t: Taxonomy, file: str, role: str, names: Sequence[str], line: int) -> Iterator[Finding]:
    if role not in {r.id for r in t.roles}:
        yield _finding("unknown-role", f"role {role!r} is not in roles.csv", file, line)
    for name in names:
        if name not in t.concepts and name != root_name(role):
            yield _finding("unknown-concept", f"{name!r} is not in concepts.csv", file, line)
    if len(names) == 2 and names[0] == names[1]:
        yield _finding("self-arc", f"{names[0]} is its own parent", file, line)


def _check_presentation(t: Taxonomy) -> Iterator[Finding]:
    file = "presentation.csv"
    yield from _duplicates("duplicate-arc", file, [((a.role, a.parent, a.child), a.line) for a in t.presentation])
    for arc in t.presentation:
        names = (arc.child,) if arc.parent is None else (arc.parent, arc.child)
        yield from _check_arc_ends(t, file, arc.role, names, arc.line)


def _check_calculations(t: Taxonomy) -> Iterator[Finding]:
    file = "calculations.csv"
    yield from _duplicates("duplicate-arc", file, [((a.role, a.parent, a.child), a.line) for a in t.calculations])
    for arc in t.calculations:
        yield from _check_arc_ends(t, file, arc.role, (arc.parent, arc.child), arc.line)
        if arc.weight == 0:
            yield _finding("calc-zero-weight", f"{arc.parent} -> {arc.child} has weight 0", file, arc.line)
        parent, child = t.concepts.get(arc.parent), t.concepts.get(arc.child)
        if parent is None or child is None:
            continue
        for c in (parent, child):
            if not c.is_numeric:
                yield _finding("calc-not-numeric", f"{c.name} is abstract and cannot be summed", file, arc.line)
        if parent.period_type is not child.period_type:
            message = f"{parent.name} is {parent.period_type}, {child.name} is {child.period_type}"
            yield _finding("calc-period-mismatch", message, file, arc.line)
        if parent.balance and child.balance and (parent.balance is child.balance) != (arc.weight > 0):
            message = f"{parent.name} ({parent.balance}) -> {child.name} ({child.balance}) with weight {arc.weight}"
            yield _finding("calc-balance-weight", message, file, arc.line)


def _check_mapping(t: Taxonomy) -> Iterator[Finding]:
    file = "mapping.csv"
    keyed = [((r.statements, r.section, r.label), r.line) for r in t.mapping]
    yield from _duplicates("duplicate-mapping", file, keyed)
    kinds = {pattern.statement for pattern in t.statements} | {ANY_STATEMENT}
    for rule in t.mapping:
        concept = t.concepts.get(rule.concept)
        if concept is None:
            yield _finding("unknown-concept", f"{rule.concept!r} is not in concepts.csv", file, rule.line)
        elif not concept.is_numeric:
            yield _finding("mapping-to-abstract", f"{rule.label!r} maps to abstract {rule.concept}", file, rule.line)
        if rule.sign not in (1, -1):
            yield _finding("bad-sign", f"sign {rule.sign} of {rule.label!r} is neither + nor -", file, rule.line)
        for kind in rule.statements:
            if kind not in kinds:
                yield _finding("unknown-statement", f"statement {kind!r} is not in statements.csv", file, rule.line)
        for text in (rule.label, rule.section or "x"):
            if not text or text != " ".join(text.lower().split()):
                yield _finding("label-not-normalised", f"{text!r} is not normalised", file, rule.line)
