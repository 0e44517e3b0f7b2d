"""``make accuracy``: how many of the corpus's hand-written gold facts the converter gets exactly right.

Converts every document listed in ``corpus/SOURCES.tsv`` that has a ``<stem>.gold.csv`` (xBRL-JSON
only, in a temporary folder), then compares each gold row with the facts written for that document:

- **exact**: a fact whose concept is among the row's alternatives (a base concept of that name, or one
  aligned ``exact`` with that US-GAAP name), with the row's period, unit, value and member;
- **wrong**: the filer is given a fact with the row's concept, period and member but another value in
  the row's unit, not a rounding of it (``scale``: the row's value times a power of 1,000; ``sign``: its
  negation; ``value``: any other), or the row's value under another unit (``unit``), even where an
  exact fact exists beside it;
- otherwise the miss's reason: ``less-precise`` (only a copy rounded to fewer digits, consistent with
  the row), ``other-concept`` (the value and period are there under another
  concept, ``extension-concept`` when that is the filing's own), ``other-period``, ``other-member``,
  ``failed`` (the document did not convert) or ``absent``;
- **traps** (``expect`` = ``absent``): a figure that must not become a fact of the filer; violated when
  a fact with the row's concept, period, unit, value and member exists.

Also counts, over every fact each document converts to (not only those gold covers), the share on base
concepts: over all facts, and over facts printed in a primary statement (balance sheet, income statement,
cash flows, equity, as the converter ranks a table: ``table_statement``), with the commonest extension
concepts taken instead.

Prints a table per document and totals (all documents; documents the converter was built on and the
others; by form and by industry) and the base-concept shares, writes ``benchmarks/accuracy.json`` and
exits 1 when the exact recall over all gold rows is below ``--floor`` (percent), 2 on a broken corpus.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from converter.api import ConversionError, convert_documents
from converter.export import statement_of
from converter.facts import StatementRule
from converter.mapping import load_mapping_table
from converter.pipeline import continued_table
from converter.segment import BlockKind, segment
from converter.tables import Table, read_tables
from converter.taxonomy import load_taxonomy

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
RESULTS = REPO / "benchmarks" / "accuracy.json"
CONCEPTS = REPO / "taxonomy" / "concepts.csv"
GOLD_COLUMNS = ("concept", "period", "unit", "value", "member", "line", "note", "expect")
SOURCES_COLUMNS = (
    "file",
    "issuer",
    "cik",
    "form",
    "exhibit",
    "filed",
    "accession",
    "industry",
    "markup",
    "built_on",
    "source",
    "size",
    "sha1",
)
BASE_PREFIX = "lx"
# Aspects of an xBRL-JSON fact that are not taxonomy-defined dimensions.
CORE_ASPECTS = frozenset({"concept", "entity", "period", "unit", "language", "noteId"})
WRONG_REASONS = ("scale", "sign", "unit", "value")
SCALES = tuple(Decimal(10) ** k for k in (-9, -6, -3, 3, 6, 9))


class CorpusError(ValueError):
    """The corpus itself is malformed: a gold file or SOURCES.tsv that cannot be read as documented."""


@dataclass(frozen=True)
class Period:
    start: date | None  # None for an instant
    end: date

    @classmethod
    def parse(cls, text: str) -> Period:
        """``START..END`` (inclusive dates) or ``@DATE``."""
        text = text.strip()
        try:
            if text.startswith("@"):
                return cls(None, date.fromisoformat(text[1:]))
            start, _, end = text.partition("..")
            return cls(date.fromisoformat(start), date.fromisoformat(end))
        except ValueError as error:
            raise CorpusError(f"period {text!r}: {error}") from None

    def __str__(self) -> str:
        return f"@{self.end}" if self.start is None else f"{self.start}..{self.end}"


@dataclass(frozen=True)
class GoldRow:
    concepts: frozenset[str]
    period: Period
    unit: str
    value: Decimal
    member: str
    line: int
    note: str
    trap: bool

    @property
    def key(self) -> str:
        return f"{'|'.join(sorted(self.concepts))} {self.period} {self.value} {self.unit} {self.member}".strip()


@dataclass(frozen=True)
class Fact:
    concept: str  # local name
    base: bool  # a concept of the base taxonomy, not of the filing's extension
    aligned: str | None  # the US-GAAP name a base concept is aligned with exactly
    period: Period
    unit: str
    value: Decimal
    members: tuple[str, ...]
    decimals: int | None = None  # None: infinitely precise

    def consistent_with(self, value: Decimal) -> bool:
        """The fact states ``value`` at its own precision (a figure in millions of one in thousands).

        A gold value is itself rounded where it was printed ("$204.5 million": 204,450,000 to
        204,550,000), to at least its last non-zero digit: a fact coarser than that is consistent when
        its range meets the gold's, as XBRL's duplicate facts are (204 million, 203.5 to 204.5, meets
        it: a table in millions printing "$204" rounds the same result)."""
        if self.decimals is None:
            return self.value == value
        step = Decimal(1).scaleb(-self.decimals)
        if self.value == value.quantize(step, rounding=ROUND_HALF_UP):
            return True
        printed = _printed_decimals(value)
        if printed is None or self.decimals >= printed or self.value != self.value.quantize(step):
            return False
        gold_half, half = Decimal(1).scaleb(-printed) / 2, step / 2
        return self.value - half < value + gold_half and value - gold_half < self.value + half


def _printed_decimals(value: Decimal) -> int | None:
    """The decimals of ``value``'s last non-zero digit: 204500000 -> -5, 0.27 -> 2; None for zero."""
    if not value:
        return None
    return -int(value.normalize().as_tuple().exponent)


@dataclass(frozen=True)
class Verdict:
    row: GoldRow
    outcome: str  # exact, or the reason of the miss
    wrong: str | None  # scale, sign, unit or value when the filer is given a wrong fact for the row
    found: str = ""  # what was found instead, for the report


@dataclass
class Tally:
    documents: int = 0
    gold: int = 0
    exact: int = 0
    wrong: int = 0
    wrong_scale: int = 0
    traps: int = 0
    traps_violated: int = 0
    reasons: Counter[str] = field(default_factory=Counter)

    def add(self, verdicts: Iterable[Verdict]) -> None:
        self.documents += 1
        for verdict in verdicts:
            if verdict.row.trap:
                self.traps += 1
                self.traps_violated += verdict.outcome == "violated"
                continue
            self.gold += 1
            self.exact += verdict.outcome == "exact"
            if verdict.outcome != "exact":
                self.reasons[verdict.outcome] += 1
            if verdict.wrong:
                self.wrong += 1
                self.wrong_scale += verdict.wrong == "scale"

    @property
    def recall(self) -> float:
        return 100.0 * self.exact / self.gold if self.gold else 0.0

    def as_json(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "gold": self.gold,
            "exact": self.exact,
            "recall": round(self.recall, 1),
            "wrong": self.wrong,
            "wrong_scale": self.wrong_scale,
            "traps": self.traps,
            "traps_violated": self.traps_violated,
            "misses": dict(self.reasons.most_common()),
        }


# --- reading -------------------------------------------------------------------------------------------


def read_gold(path: Path) -> list[GoldRow]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != GOLD_COLUMNS:
            raise CorpusError(f"{path.name}: columns must be {','.join(GOLD_COLUMNS)}")
        rows = []
        for number, raw in enumerate(reader, start=2):
            try:
                rows.append(_gold_row(raw))
            except (CorpusError, InvalidOperation, ValueError) as error:
                raise CorpusError(f"{path.name}:{number}: {error}") from None
    return rows


def _gold_row(raw: Mapping[str, str]) -> GoldRow:
    concepts = frozenset(name.strip() for name in raw["concept"].split("|") if name.strip())
    if not concepts:
        raise CorpusError("no concept")
    expect = raw["expect"].strip()
    if expect not in ("", "absent"):
        raise CorpusError(f"expect must be empty or 'absent', not {expect!r}")
    return GoldRow(
        concepts=concepts,
        period=Period.parse(raw["period"]),
        unit=raw["unit"].strip(),
        value=Decimal(raw["value"].strip()),
        member=raw["member"].strip(),
        line=int(raw["line"]),
        note=raw["note"].strip(),
        trap=expect == "absent",
    )


def read_sources(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        if tuple(reader.fieldnames or ()) != SOURCES_COLUMNS:
            raise CorpusError(f"{path.name}: columns must be {' '.join(SOURCES_COLUMNS)}")
        return list(reader)


def exact_alignments(concepts_csv: Path) -> dict[str, str]:
    """Base concept → the US-GAAP name it is aligned with exactly."""
    with concepts_csv.open(encoding="utf-8", newline="") as handle:
        return {row["name"]: row["us_gaap"] for row in csv.DictReader(handle) if row["relation"] == "exact"}


def _oim_date(text: str, *, end: bool) -> date:
    """An xBRL-JSON date: ``T00:00:00`` at an end (or an instant) is the end of the day before."""
    if "T" not in text:
        return date.fromisoformat(text)
    moment = datetime.fromisoformat(text)
    day = moment.date()
    if end and moment.time() == datetime.min.time():
        day -= timedelta(days=1)
    return day


def _oim_unit(text: str) -> str:
    def measure(part: str) -> str:
        return part.split(":", 1)[-1]

    numerator, _, denominator = text.partition("/")
    return measure(numerator) + (f"/{measure(denominator)}" if denominator else "")


def read_facts(oim: Mapping[str, Any], alignments: Mapping[str, str]) -> list[Fact]:
    """The numeric facts of an xBRL-JSON document."""
    facts = []
    for fact in oim.get("facts", {}).values():
        aspects = fact.get("dimensions", {})
        if "unit" not in aspects or fact.get("value") is None:
            continue
        prefix, _, local = str(aspects["concept"]).partition(":")
        period_text = str(aspects["period"])
        if "/" in period_text:
            start_text, end_text = period_text.split("/")
            period = Period(_oim_date(start_text, end=False), _oim_date(end_text, end=True))
        else:
            period = Period(None, _oim_date(period_text, end=True))
        members = tuple(
            str(member).partition(":")[2] or str(member)
            for aspect, member in sorted(aspects.items())
            if aspect not in CORE_ASPECTS
        )
        base = prefix == BASE_PREFIX
        facts.append(
            Fact(
                concept=local,
                base=base,
                aligned=alignments.get(local) if base else None,
                period=period,
                unit=_oim_unit(str(aspects["unit"])),
                value=Decimal(str(fact["value"])),
                members=members,
                decimals=None if fact.get("decimals") in (None, "INF") else int(fact["decimals"]),
            )
        )
    return facts


# --- judging -------------------------------------------------------------------------------------------


def _norm(text: str) -> str:
    # "Life Insurance & Retirement Services" as printed is the member LifeInsuranceAndRetirementServices.
    text = re.sub(r"[^a-z0-9]", "", text.lower().replace("&", "and"))
    return text.removesuffix("member")


def member_matches(row: GoldRow, fact: Fact) -> bool:
    if not row.member:
        return not fact.members
    wanted = _norm(row.member)
    return any(
        wanted == got or (min(len(wanted), len(got)) >= 3 and (wanted in got or got in wanted))
        for got in map(_norm, fact.members)
    )


def concept_matches(row: GoldRow, fact: Fact) -> bool:
    return fact.base and (fact.concept in row.concepts or (fact.aligned is not None and fact.aligned in row.concepts))


def _describe(fact: Fact) -> str:
    prefix = BASE_PREFIX if fact.base else "ext"
    members = f" [{', '.join(fact.members)}]" if fact.members else ""
    return f"{prefix}:{fact.concept} {fact.period} {fact.value} {fact.unit}{members}"


def _wrong_kind(row: GoldRow, fact: Fact) -> str:
    if fact.value == row.value:
        return "unit"
    if fact.value == -row.value and row.value:
        return "sign"
    if any(fact.value == row.value * scale for scale in SCALES):
        return "scale"
    return "value"


def judge(row: GoldRow, facts: Sequence[Fact]) -> Verdict:
    same_aspects = [f for f in facts if concept_matches(row, f) and f.period == row.period and member_matches(row, f)]
    # A member named exactly as printed is the row's; one that only contains it, or is contained in it, is
    # another part when the exact one is there ("Americas" beside "Americas Business").
    named = [f for f in same_aspects if row.member and _norm(row.member) in map(_norm, f.members)]
    if named:
        same_aspects = named
    exact = [f for f in same_aspects if f.value == row.value and f.unit == row.unit]
    # Wrong: another value in the row's unit (a less precise copy that rounds to it is consistent, not
    # wrong), or the row's value in another unit. A figure in another unit and of another value (a
    # convenience translation) is another fact, judged by its own row if the gold has one.
    others = [
        f
        for f in same_aspects
        if f not in exact
        and ((f.unit == row.unit and not f.consistent_with(row.value)) or (f.unit != row.unit and f.value == row.value))
    ]
    # The most telling of the wrong readings: a scale or sign error says more than "another value".
    wrong = min((_wrong_kind(row, f) for f in others), key=WRONG_REASONS.index, default=None)
    if row.trap:
        return Verdict(row, "violated" if exact else "kept", None, _describe(exact[0]) if exact else "")
    if exact:
        return Verdict(row, "exact", wrong, _describe(others[0]) if others else "")
    if others:
        return Verdict(row, wrong or "value", wrong, _describe(others[0]))
    rounded = [f for f in same_aspects if f.unit == row.unit and f.consistent_with(row.value)]
    if rounded:
        return Verdict(row, "less-precise", None, _describe(rounded[0]))
    same_value = [f for f in facts if f.value == row.value and f.unit == row.unit]
    for reason, found in (
        ("other-concept", [f for f in same_value if f.period == row.period and member_matches(row, f)]),
        ("other-period", [f for f in same_value if concept_matches(row, f) and member_matches(row, f)]),
        ("other-member", [f for f in same_value if concept_matches(row, f) and f.period == row.period]),
    ):
        if found:
            if reason == "other-concept" and not any(f.base for f in found):
                reason = "extension-concept"
            return Verdict(row, reason, None, _describe(found[0]))
    return Verdict(row, "absent", None)


def judge_document(gold: Sequence[GoldRow], facts: Sequence[Fact]) -> list[Verdict]:
    return [judge(row, facts) for row in gold]


# --- base concepts -------------------------------------------------------------------------------------

# The statements whose lines every filer prints: their facts should all be on base concepts.
PRIMARY_STATEMENTS = frozenset({"BS", "IS", "CF", "EQ", "CI"})
_KIND_CODES = {"balance": "BS", "income": "IS", "cashflow": "CF"}
TOP_EXTENSIONS = 15


@dataclass
class BaseShare:
    """How many of the facts a document converts to are on base concepts, over all its facts and over
    those printed in a primary statement, and which extension concepts it took instead."""

    facts: int = 0
    base: int = 0
    primary: int = 0
    primary_base: int = 0
    extensions: Counter[str] = field(default_factory=Counter)
    primary_extensions: Counter[str] = field(default_factory=Counter)

    def add(self, other: BaseShare) -> None:
        self.facts += other.facts
        self.base += other.base
        self.primary += other.primary
        self.primary_base += other.primary_base
        self.extensions.update(other.extensions)
        self.primary_extensions.update(other.primary_extensions)

    def as_json(self, top: int | None = None) -> dict[str, Any]:
        def share(part: int, whole: int) -> float:
            return round(100.0 * part / whole, 1) if whole else 0.0

        return {
            "facts": self.facts,
            "base": self.base,
            "share": share(self.base, self.facts),
            "primary_facts": self.primary,
            "primary_base": self.primary_base,
            "primary_share": share(self.primary_base, self.primary),
            "top_extensions": dict(self.extensions.most_common(top)),
            "top_primary_extensions": dict(self.primary_extensions.most_common(top)),
        }


def table_statement(table: Table, rules: Sequence[StatementRule]) -> str:
    """The primary statement a table is, as the converter ranks it (``facts.read_observations``): the
    statement kind of ``taxonomy/statements.csv`` its caption names, else its column headings, where the
    rule ranks it primary ("Financial Highlights" reads with an income statement's vocabulary but is a
    summary). An equity statement, which the mapping reads with no vocabulary of its own, is told by its
    caption as the export tells it (``export.statement_of``). A table told only by its rows
    (``facts.statement_by_rows``: a note's "Net income" line, a summary of cash flows in the discussion)
    reads with a statement's vocabulary but is given no primary rank, here as there.
    ``BS``, ``IS``, ``CF``, ``EQ``, ``CI`` or ``UN``."""
    caption = table.caption_text
    if statement_of(caption) in ("EQ", "CI"):
        return statement_of(caption)
    for text in (caption, " ".join(line.text.strip() for line in table.header)):
        rule = next((rule for rule in rules if rule.pattern.search(text)), None)
        if rule is not None:
            return _KIND_CODES.get(rule.statement, "UN") if rule.primary else "UN"
    return "UN"


def base_share(path: Path) -> BaseShare:
    """Convert ``path`` in process (the facts ``convert`` writes, with where each was printed) and count
    its facts on base concepts; a fact is a primary statement's when a copy of it sits in a table
    ``table_statement`` names one (prose and notes are the rest)."""
    taxonomy = load_taxonomy()
    mapping = load_mapping_table(taxonomy)
    tally = BaseShare()
    try:
        conversions = convert_documents(path, taxonomy=taxonomy)
    except ConversionError:
        return tally
    for conversion in conversions:
        statement_of_line: dict[int, str] = {}
        previous: Table | None = None
        for block in segment(conversion.document):
            if block.kind is not BlockKind.TABLE:
                continue
            for read in read_tables(block):
                table = continued_table(read, previous)
                previous = table
                kind = table_statement(table, mapping.statements)
                for row in table.rows:
                    statement_of_line[row.lines[0].number] = kind
        for fact in conversion.facts:
            prefix, _, local = fact.concept.rpartition(":")
            on_base = prefix in ("", taxonomy.prefix)
            primary = any(statement_of_line.get(s.line_start) in PRIMARY_STATEMENTS for s in fact.sources)
            tally.facts += 1
            tally.base += on_base
            tally.primary += primary
            tally.primary_base += primary and on_base
            if not on_base:
                tally.extensions[local] += 1
                if primary:
                    tally.primary_extensions[local] += 1
    return tally


# --- running -------------------------------------------------------------------------------------------


def convert(inputs: Sequence[Path], out: Path, jobs: int) -> dict[str, list[Path]]:
    """Input file name → the xBRL-JSON files the converter wrote for it (none when it failed)."""
    summary = out / "summary.json"
    command = [
        sys.executable,
        "-m",
        "converter",
        "convert",
        *map(str, inputs),
        "-o",
        str(out),
        "--formats",
        "json",
        "--jobs",
        str(jobs),
        "--summary",
        str(summary),
    ]
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL)
    written: dict[str, list[Path]] = {}
    for outcome in json.loads(summary.read_text(encoding="utf-8"))["outcomes"]:
        # A submission writes one set per document; the summary lists every file published for an input.
        names = outcome.get("outputs") or []
        outputs = sorted(out / name for name in names if name.endswith(".json") and not name.endswith(".report.json"))
        written[Path(outcome["input"]).name] = outputs if outcome["status"] == "converted" else []
    return written


def _group(source: Mapping[str, str]) -> str:
    form = source["form"].upper()
    for prefix, group in (("10-Q", "10-Q"), ("10-K", "10-K"), ("8-K", "8-K/6-K"), ("6-K", "8-K/6-K")):
        if form.startswith(prefix):
            return group
    return form


def score(corpus: Path, jobs: int) -> dict[str, Any]:
    sources = [s for s in read_sources(corpus / "SOURCES.tsv") if (corpus / _gold_name(s["file"])).exists()]
    alignments = exact_alignments(CONCEPTS)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="accuracy-") as folder:
        written = convert([corpus / s["file"] for s in sources], Path(folder), jobs)
        seconds = time.perf_counter() - started
        documents = []
        totals: dict[str, Tally] = {"all": Tally()}
        # The share of facts on base concepts needs where each fact was printed, which xBRL-JSON does not
        # say: the documents are converted again in process.
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            shares = list(pool.map(base_share, [corpus / s["file"] for s in sources]))
        on_base = BaseShare()
        for source, share in zip(sources, shares, strict=True):
            gold = read_gold(corpus / _gold_name(source["file"]))
            outputs = written.get(source["file"], [])
            facts = [f for path in outputs for f in read_facts(json.loads(path.read_text("utf-8")), alignments)]
            verdicts = judge_document(gold, facts)
            if not outputs:
                verdicts = [v if v.row.trap else Verdict(v.row, "failed", None) for v in verdicts]
            tally = Tally()
            tally.add(verdicts)
            groups = (
                "all",
                "built on" if source["built_on"] == "yes" else "not built on",
                f"form: {_group(source)}",
                f"industry: {source['industry']}",
            )
            for group in groups:
                totals.setdefault(group, Tally()).add(verdicts)
            on_base.add(share)
            documents.append(
                {
                    "file": source["file"],
                    "issuer": source["issuer"],
                    "form": _group(source),
                    "industry": source["industry"],
                    "built_on": source["built_on"] == "yes",
                    "facts": len(facts),
                    **tally.as_json(),
                    "base_concepts": share.as_json(top=5),
                    "misses_detail": [
                        {"line": v.row.line, "gold": v.row.key, "reason": v.outcome, "found": v.found}
                        for v in verdicts
                        if v.outcome not in ("exact", "kept") or v.wrong
                    ],
                }
            )
    return {
        "conversion_seconds": round(seconds, 1),
        "totals": {name: tally.as_json() for name, tally in sorted(totals.items(), key=_total_order)},
        "base_concepts": on_base.as_json(top=TOP_EXTENSIONS),
        "documents": documents,
    }


def _gold_name(file: str) -> str:
    return str(Path(file).with_suffix("")) + ".gold.csv"


def _total_order(item: tuple[str, Tally]) -> tuple[int, str]:
    name = item[0]
    rank = 0 if name == "all" else 1 if ":" not in name else 2 if name.startswith("form") else 3
    return rank, name


def table(results: Mapping[str, Any]) -> str:
    lines = [
        "| document | gold | exact | recall | wrong | of which scale | traps violated | commonest misses |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]

    def row(name: str, t: Mapping[str, Any]) -> str:
        misses = ", ".join(f"{reason} {count}" for reason, count in list(t["misses"].items())[:3])
        traps = f"{t['traps_violated']}/{t['traps']}"
        return (
            f"| {name} | {t['gold']} | {t['exact']} | {t['recall']:.1f}% | {t['wrong']} | {t['wrong_scale']} "
            f"| {traps} | {misses} |"
        )

    for document in results["documents"]:
        lines.append(row(document["file"], document))
    lines.append("")
    lines.append("| total | gold | exact | recall | wrong | of which scale | traps violated | commonest misses |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---|")
    for name, tally in results["totals"].items():
        lines.append(row(f"{name} ({tally['documents']} docs)", tally))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.accuracy", description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--floor", type=float, default=0.0, help="fail below this exact recall (percent)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    try:
        results = score(args.corpus, args.jobs)
    except (CorpusError, OSError) as error:
        print(f"accuracy: {error}", file=sys.stderr)
        return 2
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(table(results))
    total = results["totals"]["all"]
    print(
        f"\nexact recall {total['recall']:.1f}% ({total['exact']}/{total['gold']}), wrong facts {total['wrong']} "
        f"({total['wrong_scale']} at the wrong scale), traps violated {total['traps_violated']}/{total['traps']}; "
        f"conversion {results['conversion_seconds']} s; written {args.out}"
    )
    base = results["base_concepts"]
    commonest = ", ".join(f"{name} {count}" for name, count in base["top_extensions"].items())
    print(
        f"facts on base concepts: {base['share']:.1f}% of all {base['facts']} facts ({base['base']}), "
        f"{base['primary_share']:.1f}% of the {base['primary_facts']} from primary statements "
        f"({base['primary_base']}); commonest extension concepts: {commonest}"
    )
    if total["recall"] < args.floor:
        print(f"accuracy: exact recall {total['recall']:.1f}% is below the floor of {args.floor}%", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
