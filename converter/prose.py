"""Prose to facts: figures stated in sentences and bullets, with the period and subject around them.

Handles what results releases write::

    - JPY9.9B (\\$82M), 18.2% up from 1Q01 & 18.7% down from 4Q01
    Revenues to be between JPY10.5B(\\$87.6M) and JPY11.0B(\\$91.8M)
    rate of JPY 119.87 = US$1., the approximate exchange rate on June 30, 2003.
    It issued 3,265 new shares of common stock at a price of JPY 418,200 per share.

and what US releases write, with periods in words and comparatives after "compared with"::

    reported fourth quarter earnings of $204.5 million, or 27 cents a share, compared with
    $125.0 million, or 17 cents a share, in the fourth quarter of 2003.

Every number is accounted for: a fact, or a named reason it is not one (a date, a year, a
footnote mark, a page number, an ownership percentage, ...). Forward-looking statements
(guidance, consensus) go to forward-looking concepts, never to the actuals.
"""

from __future__ import annotations

import bisect
import csv
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from converter.findings import Finding, Severity, SourceRef
from converter.model import Fact, Period, Unit
from converter.periods import MONTHS, FiscalCalendar, caption_period, quarter_period
from converter.read import Document, Line, single_spaced
from converter.segment import Block, BlockKind
from converter.taxonomy import ConceptType, PeriodType, Taxonomy

__all__ = ["ProseReading", "ProseRule", "current_quarter", "load_prose_rules", "read_prose"]

_TOKEN = re.compile(r"(?:(?<=JPY)|(?<![\w/.:@-]))-?\d[\d,]*(?:\.\d+)?(?<!,)")
_QUARTER = re.compile(r"\b([1-4])Q\s?(\d\d)\b")
_FISCAL_YEAR = re.compile(r"\b(?:full\s+)?fiscal\s+(?:year\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)
_FULL_FISCAL = re.compile(r"\bfull\s+fiscal(?:\s+year)?\b(?!\s+(?:19|20)\d\d)", re.IGNORECASE)
_FIRST_HALF = re.compile(r"\bfirst\s+half\b", re.IGNORECASE)
_DATE = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2}),?\s+((?:19|20)\d\d)\b")
_CURRENCY_BEFORE = re.compile(r"(?P<cur>JPY|US\$|\\?\$)\s?(?P<sign>-)?\s?$")
_SCALE_AFTER = re.compile(r"^\s?(?P<scale>billion|million|thousand|B|M|K)\b")
_PER_SHARE_AFTER = re.compile(
    r"^\s+(?:per|a)\s+(?:(?:basic|primary|(?:fully\s+)?diluted)\s+)?(?:common\s+)?share\b", re.IGNORECASE
)
# "Net income per common share was $2.13 ..., compared with $1.42 in 1992": the subject says per share.
_PER_SHARE_SUBJECT = re.compile(r"\bper\s+(?:common\s+)?share\b", re.IGNORECASE)
_CENTS_FIGURE = re.compile(r"^-?\d{1,3}\.\d\d$")
_CENTS_AFTER = re.compile(
    r"^\s?cents?\s+(?:per|a)\s+(?:(?:basic|primary|(?:fully\s+)?diluted)\s+)?(?:common\s+)?share\b", re.IGNORECASE
)
# US releases name periods in words: "fourth quarter earnings of $204.5 million ... compared with
# $125.0 million in the fourth quarter of 2003"; "For the full year ... compared with ... in 2003".
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_YEAR_WORDS = r"(?P<{0}>(?:19|20)\d\d)"
_US_PERIOD = re.compile(
    r"\b(?P<q>first|second|third|fourth)[- ]quarter\b(?:\s+(?:of\s+)?(?:fiscal\s+(?:year\s+)?)?"
    + _YEAR_WORDS.format("qy")
    + r"\b)?"
    r"|\b(?P<ago>a\s+year\s+(?:ago|earlier)|(?:the\s+)?(?:last|prior|previous)\s+year)\b"
    r"|\b(?P<full>full[- ]year|(?:full|whole)\s+fiscal\s+year)\b"
    r"|\b(?:in|for|of)\s+(?:fiscal\s+(?:year\s+)?)?" + _YEAR_WORDS.format("y") + r"\b(?!\s*(?:and|through|to)\b)",
    re.IGNORECASE,
)
_COMPARISON = re.compile(
    r"\b(?:compared\s+(?:with|to)|versus|vs\.|up\s+from|down\s+from|from\s+(?=\\?\$)|over\s+(?:the\s+)?(?=\\?\$))",
    re.IGNORECASE,
)
# Figures that are not the reported amount: adjusted (non-GAAP) measures and one-time items' effects.
_ADJUSTED = re.compile(r"\b(?:excluding|excludes?|adjusted|adjusting|before\s+the\s+impact)\b", re.IGNORECASE)
_ONE_TIME = re.compile(r"\bone-time\b|\bnon-recurring\b|\bnet\s+effect\b", re.IGNORECASE)
# A per-share figure stated with its earnings figure ("$204.5 million, or 27 cents a share"): basic unless
# the words around it say diluted ("Diluted earnings per share were $10.87", "$1.20 per diluted share").
_PER_SHARE_OF = {"NetIncomeLoss": ("EarningsPerShareBasic", "EarningsPerShareDiluted")}
_DILUTED = re.compile(r"\bdiluted\b", re.IGNORECASE)
_BASIC = re.compile(r"\b(?:basic|primary)\b", re.IGNORECASE)
_BASIS_AFTER = 30
_BASIS_NAMED = re.compile(
    r"^\s?(?:basic|primary|(?:fully\s+)?diluted)\b", re.IGNORECASE
)  # characters after a per-share figure that may name its basis ("per diluted share")
_AMOUNT_TYPES = frozenset({ConceptType.MONETARY, ConceptType.PER_SHARE, ConceptType.PER_UNIT})
_RATE = re.compile(
    r"\\?\$\s?1\s?=\s?JPY\s?(?P<a>\d+\.\d+)|JPY\s?(?P<b>\d+\.\d+)\s?=\s?(?:US)?\\?\$\s?1\b", re.IGNORECASE
)
_UNIT_AFTER = re.compile(
    r"^\s?(?:(?P<percent>%|percent\b)|(?P<unit>Gbps|Mbps|kbps|MB|GB|accounts|clients|new shares|shares|sessions)\b)",
    re.IGNORECASE,
)
_AS_OF = re.compile(r"\bas\s+of\b", re.IGNORECASE)
_CONSENSUS_WORD = re.compile(r"\bconsensus\b", re.IGNORECASE)
_WINDOW = 80  # characters before a figure that its sign, currency and qualifier words come from
_SCALES = {"billion": 9, "b": 9, "million": 6, "m": 6, "thousand": 3, "k": 3}
_FORWARD = re.compile(
    r"\b(?:expect\w*|to be between|to grow|will|guidance|consensus|outlook|forecast\w*|target\w*)\b", re.IGNORECASE
)
_FORWARD_HEADING = re.compile(r"\b(?:guidance|outlook)\b", re.IGNORECASE)
_BREAK_EVEN = re.compile(r"\bbreak-even\b", re.IGNORECASE)
_AT_LEAST = re.compile(r"\b(?:more\s+than|above|over|at\s+least)\s*$", re.IGNORECASE)
_DOWN = re.compile(r"\b(?:decrease|decreased|decline|declined|down|lower|fell|reduce)\b", re.IGNORECASE)
_UP = re.compile(r"\b(?:increase|increased|up|grow|growth|rise|rose|higher)\b", re.IGNORECASE)
# A result stated as a loss right before its figure, or restated per share after it: "a loss of $7,385
# million", "a loss of $7,385 million, or $15.61 per share".
_LOSS_OF = re.compile(
    r"\b(?:net\s+)?loss\s+of\s+(?:JPY|US\$|\\?\$)?\s?-?$"
    r"|\b(?:net\s+)?loss\s+of\s+(?:JPY|US\$|\\?\$)?\s?[\d,.]+(?:\s+(?:million|billion|thousand))?,?\s+or\s+(?:JPY|US\$|\\?\$)?\s?-?$",
    re.IGNORECASE,
)
_LOSS_REACH = 60
_LOCAL_SIGN = (
    (re.compile(r"\bbenefit\b[^.;]{0,12}$", re.IGNORECASE), -1),
    (re.compile(r"\bexpense\b[^.;]{0,12}$", re.IGNORECASE), 1),
)
_SENTENCE_END = re.compile(r"(?<!\bInc)(?<!\bCo)(?<!\bNo)(?<!\b[A-Z])(?<![A-Z][a-z]\.)[.!?](?=\s+[A-Z\"(])")
_HEADING = re.compile(r"^\s*(?:-\s*)?\*\*(?P<bold>.+?)\*\*\s*$|^\s{0,6}(?P<plain>[A-Z][\w/&(),' -]{2,60}?):?\s*$")
_BULLET = re.compile(r"^\s*(?:[-\u25cf\u2022*]|\d{1,2}\.)\s+")  # "1992.  The ..." wraps a sentence: no bullet

# Counts a release states about the business, for which the taxonomy has no concept.
_STATISTIC = (
    r"(?:customers|shareholders|stockholders|employees|megawatts|kilowatts|subscribers|stores|locations|"
    r"retail\s+stores|dealers|vehicles|units|members|people|countries|cities|states)"
)

# "4 million customers", "876 thousand Macintosh units": a count with no currency before it.
_COUNTED = re.compile(
    r"^\s?(?:(?:million|thousand|billion)\s+)?" + _STATISTIC + r"\b"
    r"|^\s(?:million|thousand)\s+(?!(?:dollars|shares|yen)\b)[A-Za-z]",
    re.IGNORECASE,
)

# Why a number in prose is not a fact: (pattern around the number, reason). First match wins.
_SKIPS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bAppendi(?:x|ces)\s+$", re.IGNORECASE), "document-reference"),
    (re.compile(r"\^\(?\s*$"), "footnote-mark"),
    (re.compile(r"\bpage\s+$", re.IGNORECASE), "page-number"),
    (re.compile(r"\bExhibit\s+$", re.IGNORECASE), "document-reference"),
    (re.compile(r"\bForm\s+$", re.IGNORECASE), "form-name"),
    (re.compile(r"\+\s*$"), "contact-number"),
    (re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+$"), "date"),
    (re.compile(r"\bNo\.\s*$"), "ranking"),
    (re.compile(r"\(\d{3}\)\s?$"), "contact-number"),
    (re.compile(r"\b(?:not|no)\s+more\s+than\s*$|\bless\s+than\s*$", re.IGNORECASE), "threshold"),
    (re.compile(r"\bnumber\s+of\s+" + _STATISTIC + r"\b[^$.;]{0,60}$", re.IGNORECASE), "operating-statistic"),
)
_SKIPS_AFTER: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?:-\d{3}){1,2}-\d{4}\b|^\)\s?\d{3}-\d{4}\b"), "contact-number"),
    (re.compile(r"^\s?[ap]\.m\."), "time-of-day"),
    (re.compile(r"^\s+(?:days?|weeks?|months?|years?)\b(?!\s+ended)", re.IGNORECASE), "length-of-time"),
    (re.compile(r"^(?:st|nd|rd|th)\b"), "ordinal"),
    (re.compile(r"^:\d\d"), "time-of-day"),
    (re.compile(r"^-[A-Z]\b"), "form-name"),
    (re.compile(r"^\)"), "footnote-mark"),
    (re.compile(r"^%\s+(?:owned\s+)?(?:subsidiary|affiliate)\b"), "ownership-percentage"),
    (re.compile(r"^\s?simultaneous\s+sessions\b"), "capacity-specification"),
    (re.compile(r"^-\d+\s?(?:Gbps|Mbps|kbps)\b"), "capacity-specification"),
    (re.compile(r"^\s?(?:Gbps|Mbps|kbps|MB|GB|sessions)\b"), "capacity-specification"),
)


@dataclass(frozen=True, slots=True)
class ProseRule:
    """``net loss,NetIncomeLoss,-,``: a subject phrase, its concept and sign, or a reason to skip."""

    pattern: re.Pattern[str]
    concept: str | None
    sign: int
    skip: str | None


@dataclass(frozen=True, slots=True)
class ProseReading:
    """Fact candidates from prose, and the accounting of every number written in prose."""

    candidates: tuple[Fact, ...]
    skipped: tuple[tuple[str, SourceRef], ...]
    findings: tuple[Finding, ...]
    total: int
    tagged: int


@dataclass(slots=True)
class _Sentence:
    text: str
    lines: tuple[Line, ...]
    heading: str
    document: str
    offsets: list[int] = field(default_factory=list)  # start offset of each line in text
    phrases: dict[tuple[tuple[ProseRule, ...], str], _PhraseIndex] = field(default_factory=dict)
    quarters: list[re.Match[str]] | None = None
    quarter_ends: list[int] = field(default_factory=list)
    seen: dict[str, bool] = field(default_factory=dict)

    def quarters_before(self, position: int) -> list[re.Match[str]]:
        """Quarter names ("1Q03") that end at or before ``position``, found once per sentence."""
        if self.quarters is None:
            self.quarters = list(_QUARTER.finditer(self.text))
            self.quarter_ends = [m.end() for m in self.quarters]
        return self.quarters[: bisect.bisect_right(self.quarter_ends, position)]

    def has(self, pattern: re.Pattern[str], where: str = "text") -> bool:
        """Whether ``pattern`` occurs in the sentence (or its heading), searched once per sentence."""
        key = f"{where}:{pattern.pattern}"
        if key not in self.seen:
            self.seen[key] = pattern.search(self.text if where == "text" else self.heading) is not None
        return self.seen[key]

    def source(self, start: int, end: int, cell: str) -> SourceRef:
        first = bisect.bisect_right(self.offsets, start) - 1
        last = bisect.bisect_right(self.offsets, max(start, end - 1)) - 1
        return SourceRef(
            document=self.document,
            line_start=self.lines[first].number,
            line_end=self.lines[last].number,
            text=self.text,
            cell=cell,
        )


# A list of amounts ("$140.1 million and $40.5 million", "$1.2, $3.4 and $5.6 billion"): what a
# subject phrase written around its figures holds, ``{figures}`` in ``prose.csv``.
_FIGURES = (
    r"\\?\$\s?\d[\d,]*(?:\.\d+)?(?:\s+(?:million|billion|thousand))?"
    r"(?:(?:,\s*(?:and\s+)?|\s+and\s+)\\?\$\s?\d[\d,]*(?:\.\d+)?(?:\s+(?:million|billion|thousand))?)*"
)


def load_prose_rules(directory: Path) -> tuple[ProseRule, ...]:
    """Read ``prose.csv``: subject phrases in priority order.

    Most subjects come before their figures ("non-interest expenses were $2,840.8 million"). A subject
    written after them is a phrase ending where its figures begin, the rest in a lookahead over
    ``{figures}``: ``provided(?= {figures} for credit losses)`` reads "Norwest provided $140.1 million
    and $40.5 million for credit losses", and the figures of its comparative clause after it.
    """
    path = directory / "prose.csv"
    if not path.exists():
        return ()
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(
            ProseRule(
                pattern=re.compile(r"\b(?:" + row["pattern"].replace("{figures}", _FIGURES) + r")\b", re.IGNORECASE),
                concept=row["concept"] or None,
                sign=-1 if row["sign"] == "-" else 1,
                skip=row["skip"] or None,
            )
            for row in csv.DictReader(handle)
        )


def current_quarter(text: str, fiscal: FiscalCalendar | None, today: date | None) -> Period | None:
    """The latest quarter named in the text that ended before the document's date."""
    if fiscal is None or today is None:
        return None
    periods = [quarter_period(int(q), 2000 + int(y), fiscal) for q, y in _QUARTER.findall(text)]
    done = [p for p in periods if p.end <= today]
    return max(done, key=lambda p: p.end) if done else None


def _fiscal_year(label: int, fiscal: FiscalCalendar) -> Period:
    end = fiscal.year_end(label)
    return Period.duration(quarter_period(1, label, fiscal).start or end, end)


def _sentences(document: Document, blocks: tuple[Block, ...]) -> Iterator[_Sentence]:
    heading = ""
    for block in blocks:
        if block.kind is not BlockKind.PROSE:
            continue
        lines = (*block.lines, Line(0, ""))
        paragraph: list[Line] = []
        for index, line in enumerate(lines):
            stripped = line.text.strip()
            following = lines[index + 1].text.strip() if index + 1 < len(lines) else ""
            match = _HEADING.match(line.text) if stripped and not stripped.endswith(".") else None
            if match and not match.group("bold") and following:
                match = None  # a short line followed by text is the start of a paragraph, not a heading
            indent = len(line.text) - len(line.text.lstrip())
            previous = paragraph[-1].text if paragraph else ""
            step_in = (
                bool(paragraph)
                and indent > len(previous) - len(previous.lstrip())
                and (len(paragraph) > 1 or not previous.startswith(" "))
            )
            if not stripped or match or _BULLET.match(line.text) or step_in:
                yield from _split(paragraph, heading, document.name)
                paragraph = []
            if match and line.number:
                heading = (match.group("bold") or match.group("plain") or "").strip()
                continue
            if stripped:
                paragraph.append(line)


_CUT_COMPOUND = re.compile(r"[A-Za-z]-$")


def _split(lines: list[Line], heading: str, name: str) -> Iterator[_Sentence]:
    """A paragraph's lines joined with spaces, cut into sentences that keep their own lines."""
    if not lines:
        return
    # Joined once at the end: adding each line to the text so far copied the paragraph once per line.
    pieces: list[str] = []
    length = 0
    offsets: list[int] = []  # where each line starts in the joined text
    for line in lines:
        part = line.text.strip()
        # A compound cut at the line's end joins whole: "Total long-" / "term debt" is "long-term debt".
        joined = bool(pieces) and _CUT_COMPOUND.search(pieces[-1]) is not None and part[:1].islower()
        offsets.append(length + (1 if length and not joined else 0))
        if length and not joined:
            pieces.append(" ")
            length += 1
        pieces.append(part)
        length += len(part)
    text = "".join(pieces)
    start = 0
    for match in [*_SENTENCE_END.finditer(text), None]:
        end = match.end() if match else len(text)
        piece = text[start:end]
        if piece.strip():
            first = start + len(piece) - len(piece.lstrip())
            # The lines overlapping [first, end): offsets ascend, so two bisections find them.
            keep = range(max(0, bisect.bisect_right(offsets, first) - 1), bisect.bisect_left(offsets, end))
            yield _Sentence(
                text=text[first:end],
                lines=tuple(lines[i] for i in keep),
                heading=heading,
                document=name,
                offsets=[max(0, offsets[i] - first) for i in keep],
            )
        start = end


@dataclass(slots=True)
class _Context:
    taxonomy: Taxonomy
    rules: tuple[ProseRule, ...]
    fiscal: FiscalCalendar | None
    current: Period | None
    today: date | None = None
    candidates: list[Fact] = field(default_factory=list)
    skipped: list[tuple[str, SourceRef]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    total: int = 0
    tagged: int = 0
    last: Fact | None = None  # the figure a "($ 69.6 million)" translation follows
    # Years whose full-year results the document says leave out a charge (``_RESULTS_EXCLUDE``).
    partial_years: frozenset[int] = frozenset()


# "The 1992 annual results, for comparative purposes, do not include a one-time special charge of $76.0
# million": that year's figures in the text are not its reported (GAAP) results.
# What a charge left out of a year's results changes: its net income and earnings per share.
_BOTTOM_LINE = frozenset(
    {
        "NetIncomeLoss",
        "ProfitLoss",
        "EarningsPerShareBasic",
        "EarningsPerShareDiluted",
        "NetIncomeLossAvailableToCommonStockholdersBasic",
    }
)
_RESULTS_EXCLUDE = re.compile(
    r"\bThe\s+(?P<year>(?:19|20)\d\d)\s+(?:annual\s+|full[- ]year\s+)?results\b[^.]{0,80}?"
    r"\b(?:do(?:es)?\s+not\s+include|excludes?|excluding)\b[^.]{0,80}?\b(?:charges?|cumulative\s+effect|items?)\b",
    re.IGNORECASE,
)


def _subject_or_heading(rules: tuple[ProseRule, ...], sentence: _Sentence, limit: int) -> ProseRule | None:
    return _subject(rules, sentence.text, limit, sentence.phrases) or _subject(
        rules, sentence.heading, len(sentence.heading), sentence.phrases
    )


_RATIO_BASE = re.compile(r"(?:%|\bpercent(?:age)?)\s+of\s+(?:the\s+|its\s+)?$", re.IGNORECASE)
_RATIO_BASE_REACH = 24


@dataclass(frozen=True, slots=True)
class _PhraseIndex:
    """Every subject phrase in a text, by where it ends, with the best one up to each end."""

    ends: tuple[int, ...]
    best: tuple[ProseRule, ...]

    @classmethod
    def build(cls, rules: tuple[ProseRule, ...], text: str) -> _PhraseIndex:
        found = sorted(
            ((m.end(), m.end() - m.start(), -i), rule)
            for i, rule in enumerate(rules)
            for m in rule.pattern.finditer(text)
            # "$285.5 million, or 0.6% of total assets": the base of a ratio, not the figure's subject.
            if not _RATIO_BASE.search(text, max(0, m.start() - _RATIO_BASE_REACH), m.start())
        )
        best: list[ProseRule] = []
        top: tuple[int, int, int] | None = None
        for key, rule in found:
            if top is None or key > top:
                top, chosen = key, rule
            best.append(chosen)
        return cls(tuple(key[0] for key, _ in found), tuple(best))


def _subject(
    rules: tuple[ProseRule, ...],
    text: str,
    limit: int,
    cache: dict[tuple[tuple[ProseRule, ...], str], _PhraseIndex] | None = None,
) -> ProseRule | None:
    """The rule whose phrase ends closest before ``limit`` (ties: the longest phrase, then the first rule).

    The phrases of a sentence are found once (``cache``), so a line of many figures stays linear.
    """
    index = cache.get((rules, text)) if cache is not None else None
    if index is None:
        index = _PhraseIndex.build(rules, text)
        if cache is not None:
            cache[(rules, text)] = index
    position = bisect.bisect_right(index.ends, limit)
    return index.best[position - 1] if position else None


def _fiscal_year_of(day: date, fiscal: FiscalCalendar) -> int:
    """The name of the fiscal year that contains ``day``."""
    label = day.year - fiscal.naming_offset
    while fiscal.year_end(label) < day:
        label += 1
    while fiscal.year_end(label - 1) >= day:
        label -= 1
    return label


@dataclass(frozen=True, slots=True)
class _Named:
    """The period words of one clause: a quarter (1-4) or the year (0), a year named, a year back; and a
    span ended on a date ("for the quarter ended December 31, 1993"), as printed."""

    quarter: int | None
    year: int | None
    back: bool
    ended: re.Match[str] | None = None


# "for the year ended December 31, 1993", "for the quarter ended December 31,\n 1993".
_SPAN_ENDED = re.compile(
    r"\b(?:(?P<first>year|quarter)\s+and\s+)?(?P<span>years?|quarters?|(?:three|six|nine|twelve|3|6|9|12)[\s-]+months?)\s+ended\s+"
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+(?P<day>\d{1,2}),?\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


_MONEY = re.compile(r"\\?\$\s?\d")
# A figure of a named part of the business: "The company's banking group reported earnings of $397.2 million",
# "Mortgage banking operations earned $56.3 million": the part's, not the company's.
_PART_SUBJECT = re.compile(
    r"\b(?:group|segment|division|operations|subsidiar(?:y|ies)|unit|Inc\.|Corp\.|Ltd\.)\s*(?:\([^)]*\)\s*)?"
    r"(?:reported|earned|had|posted|recorded|contributed)\b",
    re.IGNORECASE,
)


def _span_period(ended: re.Match[str], year: int | None, nth: int) -> Period | None:
    """The period of a span ended on a date, in ``year`` when given (the comparative clause's). Two spans
    ("$140.1 million and $40.5 million for the year and quarter ended December 31, 1993") go to the
    clause's figures in order: ``nth`` is the figure's place among them."""
    spans = (ended.group("first"), ended.group("span")) if ended.group("first") else (ended.group("span"),)
    if nth >= len(spans):
        return None
    phrase = f"{spans[nth]} ended {ended.group('month')} {ended.group('day')}, {year or ended.group('year')}"
    return caption_period(phrase)


# Figures listed against the years of one span, in order: "were 162,531,524, 162,268,815, and 160,910,641
# for the years ended December 31, 1996, 1995 and 1994, respectively".
_RESPECTIVE_YEARS = re.compile(
    r"\b(?P<span>(?:fiscal\s+)?years)\s+ended\s+"
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+(?P<day>\d{1,2}),?\s+(?P<years>(?:19|20)\d\d(?:\s*,\s*(?:and\s+)?(?:19|20)\d\d|\s+and\s+(?:19|20)\d\d)+)"
    r",?\s+respectively\b",
    re.IGNORECASE,
)
_LISTED_FIGURE = re.compile(r"(?<![\w.,])\$?\s?\d(?:[\d,]*\d)?(?:\.\d+)?")
_YEAR_ONLY = re.compile(r"(?:19|20)\d\d")


def _respective_year(sentence: _Sentence, start: int) -> Period | None:
    """The year a figure of a list takes from the span's list of years, "respectively": the nth figure
    before the span, the nth year. None unless the sentence pairs as many figures as years."""
    found = _RESPECTIVE_YEARS.search(sentence.text)
    if found is None or start > found.start():
        return None
    years = _YEAR_ONLY.findall(found.group("years"))
    listed = _LISTED_FIGURE.finditer(sentence.text, 0, found.start())
    figures = [m for m in listed if not _YEAR_ONLY.fullmatch(m.group().strip())]
    ends = [m.end() for m in figures]
    if len(figures) != len(years) or start not in ends:
        return None
    year = years[ends.index(start)]
    return caption_period(f"year ended {found.group('month')} {found.group('day')}, {year}")


def _named(text: str) -> _Named:
    quarter: int | None = None
    year: int | None = None
    back = False
    for match in _US_PERIOD.finditer(text):
        if match.group("q"):
            quarter = quarter or _ORDINAL[match.group("q").lower()]
            year = year or (int(match.group("qy")) if match.group("qy") else None)
        elif match.group("ago"):
            back = True
        elif match.group("full"):
            quarter = quarter or 0
        elif match.group("y"):
            year = year or int(match.group("y"))
    return _Named(quarter, year, back, _SPAN_ENDED.search(text))


def _us_period(ctx: _Context, sentence: _Sentence, start: int) -> Period | str | None:
    """The period a US release names in words for the figure at ``start``.

    The sentence is cut at "compared with": the first clause states the reported period (its year, if
    unnamed, is the latest one ended by the document's date); a later clause states the comparative one,
    by its own year or "a year ago", in the first clause's kind (quarter or year) unless it names its
    own. None when the sentence names no period this way; a reason when it names one that can't be read.
    """
    text = sentence.text
    cuts = [0, *(m.start() for m in _COMPARISON.finditer(text)), len(text)]
    clauses = [_named(text[a:b]) for a, b in itertools.pairwise(cuts)]
    index = max(i for i, cut in enumerate(cuts[:-1]) if cut <= start)
    own, first = clauses[index], clauses[0]
    if index == 0 and own == _Named(None, None, False):
        return None
    fiscal, today = ctx.fiscal, ctx.today
    spanned = own.ended or (first.ended if index > 0 and own.year is not None and own.quarter is None else None)
    if spanned is not None:
        # "earned $653.6 million for the year ended December 31, 1993, ... over the $440.1 million earned
        # in 1992": the span and its end day, in the comparative clause's year.
        # ``start`` is the figure's end: the figures up to it, itself included.
        nth = max(0, len(_MONEY.findall(text, cuts[index], start)) - 1)
        period = _span_period(spanned, None if spanned is own.ended else own.year, nth)
        if period is None:
            return "periods-respectively-unmatched"
        return period if today is None or period.end <= today else "period-not-ended"
    if fiscal is None or today is None:
        return "no-fiscal-calendar"
    quarter = own.quarter if own.quarter is not None else first.quarter
    if quarter is None:
        quarter = 0 if index == 0 or own.year is not None else None
    if quarter is None:
        return "comparative-period-unstated"

    def latest(q: int) -> int:
        label = _fiscal_year_of(today, fiscal)
        while (quarter_period(q, label, fiscal).end if q else fiscal.year_end(label)) > today:
            label -= 1
        return label

    if index == 0:
        year = own.year if own.year is not None else latest(quarter)
        year -= 1 if own.back else 0
    elif own.year is not None:
        year = own.year
    elif own.back:
        base = first.year if first.year is not None else latest(quarter)
        year = base - 1
    else:
        return "comparative-period-unstated"
    period = quarter_period(quarter, year, fiscal) if quarter else _fiscal_year(year, fiscal)
    return period if period.end <= today else "period-not-ended"


def _period(ctx: _Context, sentence: _Sentence, start: int, stop: int) -> Period | str | None:
    """Quarter named right after the figure, else before it; a fiscal year after it (or before it in
    a forward-looking sentence); else periods named in words ("the fourth quarter of 2003", "a year
    ago": a reason if they can't be read); else the heading's; else the quarter the document reports."""
    respective = _respective_year(sentence, start)
    if respective is not None:
        return respective
    fiscal = ctx.fiscal
    if fiscal is None:
        return (None if _forward(sentence, ctx) else _us_period(ctx, sentence, start)) or ctx.current
    text = sentence.text
    after = _QUARTER.search(text, start, stop)
    before = sentence.quarters_before(start)
    for match in (after, before[-1] if before else None):
        if match:
            return quarter_period(int(match.group(1)), 2000 + int(match.group(2)), fiscal)
    bound = next(
        (t.start() for t in _TOKEN.finditer(text, start) if not re.fullmatch(r"(?:19|20)\d\d", t.group())), len(text)
    )
    year = _FISCAL_YEAR.search(text, start, bound) or (
        _FISCAL_YEAR.search(text, 0, start) if _forward(sentence, ctx) else None
    )
    if year:
        return _fiscal_year(int(year.group(1)), fiscal)
    named = None if _forward(sentence, ctx) else _us_period(ctx, sentence, start)
    if named is not None:
        return named
    if ctx.current is not None and sentence.has(_FIRST_HALF):
        label = _fiscal_year_of(ctx.current.end, fiscal)
        first = quarter_period(1, label, fiscal)
        return Period.duration(first.start or first.end, quarter_period(2, label, fiscal).end)
    year = _FISCAL_YEAR.search(sentence.heading)
    if year:
        return _fiscal_year(int(year.group(1)), fiscal)
    quarter = _QUARTER.search(sentence.heading)
    if quarter:
        return quarter_period(int(quarter.group(1)), 2000 + int(quarter.group(2)), fiscal)
    if ctx.current is None:
        return None
    label = _fiscal_year_of(ctx.current.end, fiscal)
    if sentence.has(_FULL_FISCAL) or sentence.has(_FULL_FISCAL, "heading"):
        return _fiscal_year(label, fiscal)
    return ctx.current


# The day a balance is stated at: "At December 31, 1993, total assets were $50.8 billion, compared with
# $46.7 billion at December 31, 1992"; "... was $6.8 billion at December 31, 1993".
_AT_DATE = re.compile(
    r"\b(?:at|as\s+of|on)\s+(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?P<day>\d{1,2}),?\s+"
    r"(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def _balance_date(sentence: _Sentence, start: int) -> Period | str | None:
    """The day a balance figure is stated at: the one date its own clause names after "at", "as of" or
    "on" ("at December 31, 1992" after "compared with"); None when the clause names none (the figure's
    period is then read as any other's); a reason when it names several."""
    text = sentence.text
    cuts = [0, *(m.start() for m in _COMPARISON.finditer(text)), len(text)]
    index = max(i for i, cut in enumerate(cuts[:-1]) if cut <= start)
    dates = list(_AT_DATE.finditer(text, cuts[index], cuts[index + 1]))
    if not dates:
        return None
    days = {(d.group("year"), d.group("month")[:3].lower(), d.group("day")) for d in dates}
    if len(days) > 1:
        return "balance-date-unstated"
    found = dates[0]
    return Period.instant(
        date(int(found.group("year")), MONTHS[found.group("month")[:3].lower()], int(found.group("day")))
    )


def _instant(period: Period, sentence: _Sentence) -> Period:
    found = _DATE.search(sentence.text)
    if found:
        return Period.instant(date(int(found.group(3)), MONTHS[found.group(1)[:3].lower()], int(found.group(2))))
    return Period.instant(period.end)


def _add(
    ctx: _Context, concept: str, value: Decimal, decimals: int, period: Period, unit: Unit, source: SourceRef
) -> bool:
    info = ctx.taxonomy.concepts.get(concept)
    if info is None:
        ctx.findings.append(
            Finding(
                code="prose.unknown-concept",
                severity=Severity.ERROR,
                message=f"prose rule names {concept!r}, not in the taxonomy",
                sources=(source,),
            )
        )
        return False
    if info.period_type.value == "instant" and period.start is not None:
        period = Period.instant(period.end)
    if info.period_type.value == "duration" and period.start is None:
        return False
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    fact = Fact(concept=concept, value=value, decimals=decimals, period=period, unit=unit, sources=(source,))
    ctx.candidates.append(fact)
    ctx.last = fact
    return True


def _translation(
    ctx: _Context, sentence: _Sentence, token: re.Match[str], negative: bool, scale_match: re.Match[str] | None
) -> str | None:
    """``JPY 8,344 million ($ 69.6 million)``, ``JPY9.9B (\\$82M)``: the dollar figure restates the one before
    it. After an amount in another currency it is a convenience translation at a stated rate, not a
    figure the filer reports: skipped as such."""
    last = ctx.last
    assert last is not None
    if last.unit.numerators[0].startswith("iso4217:") and last.unit.numerators[0] != "iso4217:USD":
        return CONVENIENCE_TRANSLATION
    value, digits = _number(token.group())
    scale = _SCALES[scale_match.group("scale").lower()] if scale_match else 0
    info = ctx.taxonomy.concepts[last.concept]
    if info.type is not ConceptType.MONETARY:
        return None
    sign = -1 if negative or last.value < 0 else 1
    source = sentence.source(token.start(), token.end(), token.group())
    unit = Unit(numerators=("iso4217:USD",))
    ok = _add(ctx, last.concept, value * (Decimal(10) ** scale) * sign, digits - scale, last.period, unit, source)
    return "tagged" if ok else None


CONVENIENCE_TRANSLATION = "convenience-translation"
# A dollar amount in parentheses right after an amount in another currency: "JPY9.9B (\\$82M)",
# "JPY 8,344 million ($ 69.6 million)", "JPY10.5B(\\$87.6M)".
_TRANSLATED = re.compile(
    r"(?:JPY|\bYen\b|\u00a5)\s?-?[\d,]*\d(?:\.\d+)?\s?(?:billion|million|thousand|B|M|K)?\s?\(\s*(?:US)?\\?\$\s?-?\s?$"
)
_GUIDANCE = {
    "Revenues": ("RevenuesGuidanceLowerBound", "RevenuesGuidanceUpperBound"),
    "OperatingIncomeLoss": ("OperatingIncomeLossGuidance", "OperatingIncomeLossGuidance"),
}
_CONSENSUS = {"OperatingIncomeLoss": "OperatingIncomeLossConsensusEstimate"}
_CHANGE = {"Revenues": ("RevenuesYearOverYearChangeRate", "RevenuesQuarterOverQuarterChangeRate")}
_GROWTH_GUIDANCE = {"Revenues": ("RevenuesGrowthRateGuidance", "RevenuesGrowthRateGuidanceLowerBound")}


def _forward(sentence: _Sentence, ctx: _Context) -> bool:
    """Guidance words in the sentence; or a guidance heading over a sentence naming no reported quarter."""
    if sentence.has(_FORWARD):
        return True
    if not sentence.has(_FORWARD_HEADING, "heading"):
        return False
    if ctx.fiscal is None or ctx.current is None:
        return True
    fiscal, current = ctx.fiscal, ctx.current
    named = [quarter_period(int(q), 2000 + int(y), fiscal) for q, y in _QUARTER.findall(sentence.text)]
    return not any(p.end <= current.end for p in named)


def _diluted(text: str, match: re.Match[str], stop: int) -> bool | None:
    """Whether a per-share figure is diluted: the basis named right after it, up to the next figure ("$1.33
    per share diluted ($1.34 basic)"), else the one named before it ("Diluted earnings per share were
    $10.87, $7.90"); None when the words name both."""
    for words in (
        text[match.end() : min(stop, match.end() + _BASIS_AFTER)],
        text[max(0, match.start() - _WINDOW) : match.start()],
    ):
        diluted, basic = _DILUTED.search(words) is not None, _BASIC.search(words) is not None
        if diluted or basic:
            return None if diluted and basic else diluted
    return False


def _number(text: str) -> tuple[Decimal, int]:
    """``"-0.8"`` → (0.8, 1): the magnitude; callers apply the sign."""
    digits = text.replace(",", "").lstrip("-")
    return Decimal(digits), len(digits.split(".", 1)[1]) if "." in digits else 0


def _amount(
    ctx: _Context,
    sentence: _Sentence,
    match: re.Match[str],
    currency: str,
    negative: bool,
    scale: int,
    stop: int,
    per_share: bool = False,
) -> str | None:
    """A figure with a currency: the concept from the subject, the sign from the words.

    ``per_share``: the figure is an amount per share ("$2.07 per share", "27 cents a share", with
    ``scale`` -2), stated with the subject's total, so it goes to the subject's per-share concept.
    """
    text = sentence.text
    value, digits = _number(match.group())
    rule = _subject_or_heading(ctx.rules, sentence, match.start())
    source = sentence.source(match.start(), match.end(), match.group())
    forward = _forward(sentence, ctx)
    if sentence.has(_ONE_TIME) and not forward:
        return "one-time-item-effect"
    if rule is None or rule.concept is None:
        if rule is None and sentence.has(_ADJUSTED):
            return "adjusted-measure"
        return rule.skip if rule and rule.skip else None
    concept = rule.concept
    if per_share and ctx.taxonomy.concepts[concept].type is ConceptType.MONETARY:
        if concept not in _PER_SHARE_OF:
            return "per-share-unmapped"
        diluted = _diluted(text, match, stop)
        if diluted is None:
            return "per-share-basis-in-doubt"
        concept = _PER_SHARE_OF[concept][1 if diluted else 0]
    if ctx.taxonomy.concepts[concept].type not in _AMOUNT_TYPES:
        # "$318 million" after "clients": a sum of money is never a count's value.
        return "subject-not-an-amount"
    # Guidance and consensus have concepts of their own; other forward-looking figures have none.
    if forward and not (sentence.has(_CONSENSUS_WORD) and concept in _CONSENSUS) and concept not in _GUIDANCE:
        return "forward-looking-unmapped"
    adjusted_concept = "adjusted" in ctx.taxonomy.concepts[concept].label.lower()
    if sentence.has(_ADJUSTED) and not forward and not adjusted_concept:
        return "adjusted-measure"
    if scale == 0 and digits > 0 and ctx.taxonomy.concepts[concept].type is ConceptType.MONETARY:
        # "1993 net earnings of $212.1" (its "million" on the next page), "1993'S $1.23" in an EPS
        # headline: an amount with decimals and no scale word is in millions or per share, never
        # whole dollars; neither reading is written.
        return "scale-in-doubt"
    if _PART_SUBJECT.search(text, 0, match.start()):
        return "part-of-business"
    balance = ctx.taxonomy.concepts[concept].period_type is PeriodType.INSTANT and not forward
    period = (_balance_date(sentence, match.end()) if balance else None) or _period(ctx, sentence, match.end(), stop)
    if not isinstance(period, Period):
        return period
    if (
        concept in _BOTTOM_LINE
        and period.start is not None
        and (period.end - period.start).days > 360
        and period.end.year in ctx.partial_years
    ):
        return "results-exclude-a-charge"
    sign = -1 if negative else rule.sign
    if not negative and sign > 0 and _LOSS_OF.search(text[max(0, match.start() - _LOSS_REACH) : match.start()]):
        # "compared with a loss of $7,385 million, or $15.61 per share in 1992": the result was a loss.
        sign = -1
    if not negative:
        for pattern, local in _LOCAL_SIGN:
            if (
                pattern.search(text[max(0, match.start() - _WINDOW) : match.start()])
                and concept == "IncomeTaxExpenseBenefit"
            ):
                sign = local
    if forward:
        if sentence.has(_CONSENSUS_WORD) and concept in _CONSENSUS:
            concept = _CONSENSUS[concept]
        else:
            between = re.search(r"\bbetween\b", text[: match.start()], re.IGNORECASE)
            upper = (
                between is not None
                and re.search(r"\band\s*(?:JPY|US\$|\\?\$)?\s*$", text[between.end() : match.start()]) is not None
            )
            concept = _GUIDANCE[concept][1 if upper else 0]
        sign = 1 if not negative else -1
    info = ctx.taxonomy.concepts.get(concept)
    if info is not None and info.type is ConceptType.PER_UNIT:
        unit = Unit(numerators=(f"iso4217:{currency}",), denominators=(f"{ctx.taxonomy.prefix}:ADS",))
        scaled, decimals = value, digits
    elif info is not None and info.type is ConceptType.PER_SHARE:
        unit = Unit(numerators=(f"iso4217:{currency}",), denominators=("xbrli:shares",))
        cents = scale if per_share and scale < 0 else 0
        scaled, decimals = value * (Decimal(10) ** cents), digits - cents
    else:
        unit = Unit(numerators=(f"iso4217:{currency}",))
        scaled, decimals = value * (Decimal(10) ** scale), digits - scale
    return "tagged" if _add(ctx, concept, scaled * sign, decimals, period, unit, source) else None


def _percent(ctx: _Context, sentence: _Sentence, match: re.Match[str], stop: int) -> str | None:
    text = sentence.text
    value, digits = _number(match.group())
    rule = _subject_or_heading(ctx.rules, sentence, match.start())
    if rule is None:
        return "percentage-unattributed"
    if rule.concept is None:
        return rule.skip
    source = sentence.source(match.start(), match.end() + 1, match.group() + "%")
    ratio, decimals = value / 100, digits + 2
    if _forward(sentence, ctx) and rule.concept in _GROWTH_GUIDANCE:
        period = _period(ctx, sentence, match.end(), stop)
        if not isinstance(period, Period):
            return period
        at_least = _AT_LEAST.search(text[max(0, match.start() - _WINDOW) : match.start()]) is not None
        concept = _GROWTH_GUIDANCE[rule.concept][1 if at_least else 0]
        unit = Unit(numerators=("xbrli:pure",))
        return "tagged" if _add(ctx, concept, ratio, decimals, period, unit, source) else None
    if rule.concept not in _CHANGE or ctx.fiscal is None:
        return "change-rate"
    base = _QUARTER.search(text, match.end(), stop)
    first_figure = _TOKEN.search(text)
    cut = first_figure.start() if first_figure else match.start()
    named = sentence.quarters_before(max(cut, 0))
    if not named:
        named = [m for m in sentence.quarters_before(match.start()) if text[m.end() : m.end() + 40].find("%") < 0]
    period = (
        quarter_period(int(named[-1].group(1)), 2000 + int(named[-1].group(2)), ctx.fiscal) if named else ctx.current
    )
    if base is None or period is None or period.start is None:
        return "change-rate"
    base_period = quarter_period(int(base.group(1)), 2000 + int(base.group(2)), ctx.fiscal)
    if base_period.end == period.end.replace(year=period.end.year - 1):
        concept = _CHANGE[rule.concept][0]
    elif base_period.end == period.start - timedelta(days=1):
        concept = _CHANGE[rule.concept][1]
    else:
        return "change-rate"
    after = text[match.end() + 1 : match.end() + 8]
    before = text[max(0, match.start() - 40) : match.start()]
    down = bool(_DOWN.search(after)) or (not _UP.search(after) and _last_word_is_down(before))
    unit = Unit(numerators=("xbrli:pure",))
    return "tagged" if _add(ctx, concept, -ratio if down else ratio, decimals, period, unit, source) else None


def _last_word_is_down(text: str) -> bool:
    """``"a decrease of"`` → True; ``"an increase of"`` → False: the nearer direction word wins."""
    downs = [m.start() for m in _DOWN.finditer(text)]
    ups = [m.start() for m in _UP.finditer(text)]
    return bool(downs) and (not ups or max(downs) > max(ups))


def _count(
    ctx: _Context,
    sentence: _Sentence,
    match: re.Match[str],
    unit_word: str,
    stop: int,
    rules: tuple[ProseRule, ...] | None = None,
) -> str | None:
    text = sentence.text
    rule = _subject(rules or ctx.rules, text, match.end() + len(unit_word) + 2, sentence.phrases)
    if rule is None or rule.concept is None:
        return rule.skip if rule and rule.skip else None
    period = _period(ctx, sentence, match.end(), stop)
    if not isinstance(period, Period):
        return period
    value, digits = _number(match.group())
    info = ctx.taxonomy.concepts[rule.concept]
    if info.type is ConceptType.SHARES:
        unit = Unit(numerators=("xbrli:shares",))
    elif unit_word.lower() in {"gbps"}:
        unit = Unit(numerators=(f"{ctx.taxonomy.prefix}:Gbps",))
    else:
        unit = Unit(numerators=("xbrli:pure",))
    if info.period_type.value == "instant":
        period = (
            _instant(period, sentence) if sentence.has(_DATE) and sentence.has(_AS_OF) else Period.instant(period.end)
        )
    source = sentence.source(match.start(), match.end(), match.group())
    return "tagged" if _add(ctx, rule.concept, value, digits, period, unit, source) else None


def _rate(ctx: _Context, sentence: _Sentence, match: re.Match[str]) -> bool:
    period = ctx.current
    if period is None:
        return False
    figure = match.group("a") or match.group("b")
    value, digits = _number(figure)
    source = sentence.source(match.start(), match.end(), match.group())
    return _add(
        ctx,
        "ForeignCurrencyExchangeRateTranslation1",
        value,
        digits,
        _instant(period, sentence),
        Unit(numerators=("xbrli:pure",)),
        source,
    )


def _classify(ctx: _Context, sentence: _Sentence) -> None:
    first = len(ctx.candidates)
    _read_sentence(ctx, sentence)
    _refuse_rival_figures(ctx, first)


def _refuse_rival_figures(ctx: _Context, first: int) -> None:
    """A sentence states one value of a fact: "Diluted earnings per share were $10.87, $7.90 and $6.35 in
    2005, 2004 and 2003, respectively" read as three values of one year is a reading in doubt, and none
    of them is written."""
    values: dict[tuple[str, str, str, tuple[tuple[str, str], ...]], set[Decimal]] = {}
    for fact in ctx.candidates[first:]:
        values.setdefault(fact.aspects, set()).add(fact.value)
    rivals = {aspects for aspects, found in values.items() if len(found) > 1}
    if not rivals:
        return
    kept = [fact for fact in ctx.candidates[first:] if fact.aspects not in rivals]
    for fact in ctx.candidates[first:]:
        if fact.aspects in rivals:
            ctx.tagged -= 1
            ctx.skipped.append(("figures-share-a-period", fact.sources[0]))
    ctx.candidates[first:] = kept


def _read_sentence(ctx: _Context, sentence: _Sentence) -> None:
    text = sentence.text
    ctx.last = None
    tokens = [t for t in _TOKEN.finditer(text) if not re.match(r"^Q\s?\d\d\b", text[t.end() :])]
    taken: set[int] = set()
    for rate in _RATE.finditer(text):
        inside = [t for t in tokens if rate.start() <= t.start() < rate.end()]
        ok = _rate(ctx, sentence, rate)
        for token in inside:
            taken.add(token.start())
            ctx.total += 1
            if ok:
                ctx.tagged += 1
            else:
                _unaccounted(ctx, sentence, token, "exchange rate with no period")
    for i, token in enumerate(tokens):
        if token.start() in taken:
            continue
        following = text[token.end() :]
        if re.match(r"^Q\s?\d\d\b", following):
            continue  # "1Q03" is a period name, not a figure
        ctx.total += 1
        stop = tokens[i + 1].start() if i + 1 < len(tokens) else len(text)
        reason = _reason(ctx, sentence, token, following, stop)
        if reason != "tagged":
            # "or $1.33 per share diluted ($1.34 basic)": a figure in parentheses restates the figure right
            # before it only when that one was read; never one read further back.
            ctx.last = None
        if reason == "tagged":
            ctx.tagged += 1
        elif reason is None:
            _unaccounted(ctx, sentence, token, "no subject or period for this figure")
        else:
            ctx.skipped.append((reason, sentence.source(token.start(), token.end(), token.group())))
    if _BREAK_EVEN.search(text) and _forward(sentence, ctx):
        period = _period(ctx, sentence, _BREAK_EVEN.search(text).end(), len(text))  # type: ignore[union-attr]
        if isinstance(period, Period) and period.start is not None:
            where = _BREAK_EVEN.search(text)
            assert where is not None
            source = sentence.source(where.start(), where.end(), where.group())
            _add(ctx, "OperatingIncomeLossGuidance", Decimal(0), -8, period, Unit(numerators=("iso4217:JPY",)), source)


def _reason(ctx: _Context, sentence: _Sentence, token: re.Match[str], following: str, stop: int) -> str | None:
    text = sentence.text
    # The patterns read the words just before the figure: a window keeps long lines linear.
    before = text[max(0, token.start() - _WINDOW) : token.start()]
    for pattern, reason in _SKIPS:
        if pattern.search(before):
            return reason
    if re.match(r"^(?:19|20)\d\d$", token.group()) and not _CURRENCY_BEFORE.search(before):
        return "year"
    for pattern, reason in _SKIPS_AFTER:
        if pattern.search(following):
            if reason == "capacity-specification":
                rule = _subject(ctx.rules, text, token.start(), sentence.phrases)
                if (
                    rule is not None
                    and rule.concept
                    and ctx.taxonomy.concepts[rule.concept].type is ConceptType.DECIMAL
                ):
                    break  # "contracted bandwidth (14.4Gbps": a figure, not a product's specification
            return reason
    currency = _CURRENCY_BEFORE.search(before)
    if currency:
        code = "JPY" if currency.group("cur") == "JPY" else "USD"
        scale_match = _SCALE_AFTER.match(following)
        if scale_match is None and not _PER_SHARE_AFTER.match(following) and "." not in token.group():
            return "unscaled-amount"
        if code == "USD" and _TRANSLATED.search(before):
            return CONVENIENCE_TRANSLATION
        # "($2.68 basic)": a per-share figure of another basis, not a translation of the figure before it.
        basis = _BASIS_NAMED.match(following) is not None
        if code == "USD" and ctx.last is not None and not basis and re.search(r"\(\s*(?:US)?\\?\$\s?-?\s?$", before):
            negative = currency.group("sign") is not None or token.group().startswith("-")
            return _translation(ctx, sentence, token, negative, scale_match)
        scale = _SCALES[scale_match.group("scale").lower()] if scale_match else 0
        negative = currency.group("sign") is not None or token.group().startswith("-")
        per_share = scale_match is None and (
            _PER_SHARE_AFTER.match(following) is not None
            or (
                _PER_SHARE_SUBJECT.search(text[: token.start()]) is not None
                and _CENTS_FIGURE.match(token.group()) is not None
            )
        )
        return _amount(ctx, sentence, token, code, negative, scale, stop, per_share)
    if _CENTS_AFTER.match(following) or (_PER_SHARE_AFTER.match(following) and "$" in text):
        # "27 cents a share"; "or 2.03 per share" beside "$2.07 per share": US cents and dollars
        scale = -2 if _CENTS_AFTER.match(following) else 0
        return _amount(ctx, sentence, token, "USD", token.group().startswith("-"), scale, stop, per_share=True)
    unit = _UNIT_AFTER.match(following)
    if unit and unit.group("percent"):
        return _percent(ctx, sentence, token, stop)
    if unit:
        return _count(ctx, sentence, token, unit.group("unit"), stop)
    if _COUNTED.match(following):
        return "operating-statistic"
    share_rules = tuple(
        r for r in ctx.rules if r.concept and ctx.taxonomy.concepts[r.concept].type is ConceptType.SHARES
    )
    if _subject(share_rules, text, token.start(), sentence.phrases) is not None:
        return _count(ctx, sentence, token, "", stop, share_rules)
    return None


def _unaccounted(ctx: _Context, sentence: _Sentence, token: re.Match[str], why: str) -> None:
    source = sentence.source(token.start(), token.end(), token.group())
    ctx.findings.append(
        Finding(
            code="prose.unaccounted-number",
            severity=Severity.WARNING,
            message=f"{token.group()!r}: {why}",
            sources=(source,),
        )
    )


def read_prose(
    document: Document,
    blocks: tuple[Block, ...],
    taxonomy: Taxonomy,
    rules: tuple[ProseRule, ...],
    fiscal: FiscalCalendar | None,
    today: date | None,
) -> ProseReading:
    """Read every number written in the document's prose blocks."""
    current = current_quarter(document.text, fiscal, today)
    partial = frozenset(int(m.group("year")) for m in _RESULTS_EXCLUDE.finditer(single_spaced(document.lines)))
    ctx = _Context(taxonomy=taxonomy, rules=rules, fiscal=fiscal, current=current, today=today, partial_years=partial)
    for sentence in _sentences(document, blocks):
        _classify(ctx, sentence)
    return ProseReading(
        candidates=tuple(ctx.candidates),
        skipped=tuple(ctx.skipped),
        findings=tuple(ctx.findings),
        total=ctx.total,
        tagged=ctx.tagged,
    )
