"""Fiscal year, fiscal period and quarters of a period, and the SEC's month-end rounding."""

from __future__ import annotations

from datetime import date

import pytest

from converter.fiscal import FiscalPeriod, fiscal_period, nearest_month_end, quarters


@pytest.mark.parametrize(
    ("start", "end", "fye", "expected"),
    [
        # Apple, 52/53-week year ending the last Friday of September (fiscal year end 09-30 nominal)
        (date(1999, 3, 28), date(1999, 6, 26), "09-30", FiscalPeriod(1999, "Q3", 1)),
        (date(1998, 9, 27), date(1999, 9, 25), "09-30", FiscalPeriod(1999, "FY", 4)),
        (date(1998, 9, 27), date(1999, 6, 26), "09-30", FiscalPeriod(1999, "Q3", 3)),
        (date(1997, 9, 27), date(1997, 12, 26), "09-30", FiscalPeriod(1998, "Q1", 1)),
        (None, date(1999, 9, 25), "09-30", FiscalPeriod(1999, "FY", 0)),
        (None, date(1999, 6, 26), "09-30", FiscalPeriod(1999, "Q3", 0)),
        # IIJ, fiscal year ending March 31 (IIJ names the year ending March 2004 "fiscal 2003")
        (date(2003, 4, 1), date(2003, 6, 30), "03-31", FiscalPeriod(2004, "Q1", 1)),
        (None, date(2003, 6, 30), "03-31", FiscalPeriod(2004, "Q1", 0)),
        (None, date(2003, 3, 31), "03-31", FiscalPeriod(2003, "FY", 0)),
        (date(2003, 1, 1), date(2003, 3, 31), "03-31", FiscalPeriod(2003, "Q4", 1)),
        # a calendar year, and a 53-week year that ends after its nominal end
        (date(2004, 1, 1), date(2004, 12, 31), "12-31", FiscalPeriod(2004, "FY", 4)),
        (date(1999, 1, 3), date(2000, 1, 1), "12-31", FiscalPeriod(1999, "FY", 4)),
        (date(2004, 1, 1), date(2004, 6, 30), "12-31", FiscalPeriod(2004, "Q2", 2)),
        # a retailer's year ending the Saturday nearest January 31
        (date(2003, 2, 2), date(2004, 1, 31), "01-31", FiscalPeriod(2004, "FY", 4)),
        (date(2003, 2, 2), date(2003, 5, 3), "01-31", FiscalPeriod(2004, "Q1", 1)),
        # a leap day year end in a year without one
        (None, date(2003, 2, 28), "02-29", FiscalPeriod(2003, "FY", 0)),
        # no fiscal year end: quarters only
        (date(2004, 1, 1), date(2004, 3, 31), None, FiscalPeriod(None, None, 1)),
        (None, date(2004, 3, 31), "not a date", FiscalPeriod(None, None, 0)),
    ],
)
def test_fiscal_period(start: date | None, end: date, fye: str | None, expected: FiscalPeriod) -> None:
    assert fiscal_period(start, end, fye) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(1999, 9, 25), date(1999, 9, 30)),
        (date(2000, 1, 1), date(1999, 12, 31)),
        (date(1999, 9, 14), date(1999, 8, 31)),
        (date(1999, 9, 30), date(1999, 9, 30)),
        (date(2004, 2, 14), date(2004, 1, 31)),
        (date(2004, 2, 16), date(2004, 2, 29)),
        (date(2004, 3, 1), date(2004, 2, 29)),
    ],
)
def test_nearest_month_end(day: date, expected: date) -> None:
    assert nearest_month_end(day) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (None, date(2004, 3, 31), 0),
        (date(2004, 1, 1), date(2004, 3, 31), 1),
        (date(1999, 3, 28), date(1999, 6, 26), 1),  # 13 weeks
        (date(2004, 1, 1), date(2004, 6, 30), 2),
        (date(2004, 1, 1), date(2004, 9, 30), 3),
        (date(1998, 9, 27), date(1999, 9, 25), 4),  # 52 weeks
        (date(1998, 1, 1), date(1999, 12, 31), 8),
    ],
)
def test_quarters(start: date | None, end: date, expected: int) -> None:
    assert quarters(start, end) == expected
