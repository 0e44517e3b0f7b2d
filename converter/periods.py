"""Column headings and the fiscal calendar to periods.

Handles quarter names ("1Q03", "4Q02"), dates under a duration caption ("For the Three
Months Ended Jun 30, 2003") and balance-sheet dates ("As of Jun 30, 2003"), and reads the
fiscal calendar from the release itself when it says it::

    announced its financial results for the 1st quarter of the fiscal year
    ending March 31, 2004 ("fiscal 2003").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from converter.model import Period

__all__ = [
    "FiscalCalendar",
    "calendar_for",
    "column_period",
    "detect_document_date",
    "detect_fiscal_calendar",
    "quarter_period",
]

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTH = r"(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = re.compile(_MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>(?:19|20)\d\d)", re.IGNORECASE)
_MONTH_YEAR = re.compile(_MONTH + r",?\s+(?P<year>(?:19|20)\d\d)", re.IGNORECASE)
_QUARTER = re.compile(r"\b(?P<q>[1-4])Q\s?'?(?P<yy>\d\d)\b", re.IGNORECASE)
_FISCAL_NAMING = re.compile(
    r"fiscal\s+year\s+ending\s+" + _MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>(?:19|20)\d\d)\s*"
    r"\(\W*fiscal\s+(?P<label>(?:19|20)\d\d)\W*\)",
    re.IGNORECASE,
)
_DURATION_MONTHS = (
    (re.compile(r"\b(?:three|3)[\s-]+months?\b|\bquarters?\s+ended\b", re.IGNORECASE), 3),
    (re.compile(r"\b(?:six|6)[\s-]+months?\b", re.IGNORECASE), 6),
    (re.compile(r"\b(?:nine|9)[\s-]+months?\b", re.IGNORECASE), 9),
    (re.compile(r"\b(?:twelve|12)[\s-]+months?\b|\byears?\s+ended\b", re.IGNORECASE), 12),
)
_INSTANT_CONTEXT = re.compile(r"\bas\s+of\b|\bbalance\s+sheets?\b|\bat\s+" + _MONTH, re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FiscalCalendar:
    """Fiscal year end (month, day) and how years are named.

    ``naming_offset`` is the calendar year of the fiscal year's end minus its name: IIJ's
    "fiscal 2003" ends March 31, 2004, so its offset is 1; Apple's "fiscal 1997" ends in
    September 1997, offset 0.
    """

    end_month: int
    end_day: int
    naming_offset: int = 0

    def year_end(self, label_year: int) -> date:
        year = label_year + self.naming_offset
        day = min(self.end_day, calendar.monthrange(year, self.end_month)[1])
        return date(year, self.end_month, day)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    """The month end ``months`` after the month of ``day`` (fiscal periods end at month ends)."""
    index = day.year * 12 + day.month - 1 + months
    return _month_end(index // 12, index % 12 + 1)


def _two_digit_year(yy: str) -> int:
    value = int(yy)
    return 2000 + value if value < 50 else 1900 + value


def quarter_period(quarter: int, label_year: int, fiscal: FiscalCalendar) -> Period:
    """``1Q03`` with IIJ's calendar is 2003-04-01..2003-06-30."""
    year_end = fiscal.year_end(label_year)
    end = _add_months(year_end, -3 * (4 - quarter))
    start = _add_months(end, -3) + timedelta(days=1)
    return Period.duration(start, end)


def detect_fiscal_calendar(text: str) -> FiscalCalendar | None:
    """The calendar a release states: 'fiscal year ending March 31, 2004 ("fiscal 2003")'."""
    match = _FISCAL_NAMING.search(text)
    if not match:
        return None
    month = MONTHS[match.group("month")[:3].lower()]
    return FiscalCalendar(month, int(match.group("day")), int(match.group("year")) - int(match.group("label")))


def detect_document_date(text: str) -> date | None:
    """The first full date in the opening lines ("--Aug. 12, 2003--"), else a month and year."""
    head = text[:3000]
    match = _DATE.search(head)
    if match:
        return date(int(match.group("year")), MONTHS[match.group("month")[:3].lower()], int(match.group("day")))
    match = _MONTH_YEAR.search(head)
    if match:
        return _month_end(int(match.group("year")), MONTHS[match.group("month")[:3].lower()])
    return None


def calendar_for(fye: str | None, text: str, document_date: date | None) -> FiscalCalendar | None:
    """The fiscal calendar: stated in the text, else from ``--fiscal-year-end MM-DD``.

    With only a year end given, the naming is chosen so that some quarter the text names
    ended shortly before the document's date (a results release reports its latest quarter).
    """
    stated = detect_fiscal_calendar(text)
    if stated is not None:
        return stated
    if fye is None:
        return None
    month, day = (int(part) for part in fye.split("-"))
    quarters = [(int(m.group("q")), _two_digit_year(m.group("yy"))) for m in _QUARTER.finditer(text)]
    if document_date is None or not quarters:
        return FiscalCalendar(month, day, 0)
    best = FiscalCalendar(month, day, 0)
    best_gap: int | None = None
    for offset in (0, 1):
        candidate = FiscalCalendar(month, day, offset)
        ends = [quarter_period(q, y, candidate).end for q, y in quarters]
        gaps = [(document_date - end).days for end in ends if end <= document_date]
        if gaps and (best_gap is None or min(gaps) < best_gap):
            best, best_gap = candidate, min(gaps)
    return best


def column_period(headings: tuple[str, ...], context: str, fiscal: FiscalCalendar | None) -> Period | None:
    """The period of a column from its headings, read with the caption's context.

    ``("1Q03",)`` → the fiscal quarter; ``("Jun 30, 2003", "JPY")`` under "For the Three
    Months Ended" → 2003-04-01..2003-06-30; under "As of" → the instant 2003-06-30.
    """
    text = " ".join(headings)
    quarter = _QUARTER.search(text)
    if quarter and fiscal is not None:
        return quarter_period(int(quarter.group("q")), _two_digit_year(quarter.group("yy")), fiscal)
    found = _DATE.search(text)
    if not found:
        return None
    end = date(int(found.group("year")), MONTHS[found.group("month")[:3].lower()], int(found.group("day")))
    for scope in (text, context):
        if _INSTANT_CONTEXT.search(scope):
            return Period.instant(end)
        for pattern, months in _DURATION_MONTHS:
            if pattern.search(scope):
                return Period.duration(_add_months(end, -months) + timedelta(days=1), end)
    return Period.instant(end)
