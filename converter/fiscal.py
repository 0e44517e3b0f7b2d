"""A fact's place in its filer's fiscal calendar: fiscal year, fiscal period, quarters.

What the database's ``facts`` view and every export show beside a fact's dates, so that "the
third quarter of fiscal 1999" is a filter, not date arithmetic::

    fiscal year end 09-30, 1999-03-28..1999-06-26  ->  fy 1999, fp Q3, qtrs 1
    fiscal year end 09-30, 1998-09-27..1999-09-25  ->  fy 1999, fp FY, qtrs 4
    fiscal year end 03-31, instant 2003-06-30      ->  fy 2004, fp Q1, qtrs 0

The calendar is the fiscal year end (MM-DD) the converter read or was given, as the outputs
record it (``document.fiscal_year_end`` in ``<stem>.report.json``). The rules follow the SEC's
Financial Statement Data Sets:

- ``qtrs`` is the length of a duration in quarters, rounded to the nearest whole number; 0 for an
  instant (SEC: "The count of the number of quarters represented by the data value, rounded to the
  nearest whole number. '0' indicates it is a point-in-time value.").
- ``fy`` names a fiscal year by the calendar year in which it ends, as EDGAR's fiscal year focus
  usually does: Apple's year ended September 25, 1999 is 1999, IIJ's year ending March 31, 2004
  is 2004 (IIJ itself calls it "fiscal 2003"; the outputs do not record how a filer names its
  years, so the export cannot follow it).
- ``fp`` is the quarter of the fiscal year in which the period ends (Q1..Q4), or FY for a
  year-long duration or an instant at the fiscal year end; a six- or nine-month year to date is
  Q2 or Q3, as the SEC's ``fp`` of a 10-Q is.

A 52/53-week year ends up to a week either side of its nominal end (Apple's "last Saturday of
September", a retailer's "Saturday nearest January 31"): a period ending within
``WEEK_TOLERANCE_DAYS`` of a fiscal year end belongs to that year. Without a fiscal year end,
``fy`` and ``fp`` are unknown (None); ``qtrs`` is still given.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["WEEK_TOLERANCE_DAYS", "FiscalPeriod", "fiscal_period", "month_end", "nearest_month_end", "quarters"]

WEEK_TOLERANCE_DAYS = 7
DAYS_PER_QUARTER = 365.25 / 4
_FYE = re.compile(r"^(?P<month>0[1-9]|1[0-2])-?(?P<day>0[1-9]|[12]\d|3[01])$")


@dataclass(frozen=True, slots=True)
class FiscalPeriod:
    """``fy 1999, fp "Q3", qtrs 1``; ``fy``/``fp`` None when the fiscal year end is unknown."""

    fy: int | None
    fp: str | None
    qtrs: int


def month_end(year: int, month: int) -> date:
    """The last day of ``month`` in ``year``."""
    return date(year, month, calendar.monthrange(year, month)[1])


def nearest_month_end(day: date) -> date:
    """``day`` rounded to the nearest month end, as the SEC rounds ``ddate`` and ``period``.

    1999-09-25 -> 1999-09-30; 2000-01-01 -> 1999-12-31; 1999-09-14 -> 1999-08-31 (a tie goes to
    the later month end).
    """
    this_end = month_end(day.year, day.month)
    previous_end = day.replace(day=1) - timedelta(days=1)
    return this_end if (this_end - day) <= (day - previous_end) else previous_end


def quarters(start: date | None, end: date) -> int:
    """A duration's length in quarters, rounded; 0 for an instant. ``end`` is inclusive."""
    if start is None:
        return 0
    return round(((end - start).days + 1) / DAYS_PER_QUARTER)


def _year_end(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _parse_fye(text: str | None) -> tuple[int, int] | None:
    """``"09-30"`` or ``"0930"`` -> (9, 30); None for None or anything else."""
    match = _FYE.match(text or "")
    return None if match is None else (int(match["month"]), int(match["day"]))


def fiscal_year(end: date, fiscal_year_end: str | None) -> int | None:
    """The fiscal year (named by the calendar year it ends in) that ``end`` falls in, or None."""
    parsed = _parse_fye(fiscal_year_end)
    if parsed is None:
        return None
    month, day = parsed
    year = end.year - 1
    while end > _year_end(year, month, day) + timedelta(days=WEEK_TOLERANCE_DAYS):
        year += 1
    return year


def fiscal_period(start: date | None, end: date, fiscal_year_end: str | None) -> FiscalPeriod:
    """Fiscal year, fiscal period and quarters of the period ``start..end`` (inclusive; an instant
    when ``start`` is None) under the fiscal year end ``MM-DD``."""
    qtrs = quarters(start, end)
    parsed = _parse_fye(fiscal_year_end)
    fy = fiscal_year(end, fiscal_year_end)
    if parsed is None or fy is None:
        return FiscalPeriod(None, None, qtrs)
    previous_end = _year_end(fy - 1, *parsed)
    quarter = min(4, max(1, round((end - previous_end).days / DAYS_PER_QUARTER)))
    at_year_end = quarter == 4 and (qtrs == 0 or qtrs >= 4)
    return FiscalPeriod(fy, "FY" if at_year_end else f"Q{quarter}", qtrs)
