"""Income statements that list every line after revenues as a deduction: the signs their arithmetic proves.

A single-step statement prints its costs and expenses, and the income among them, as one list
subtracted from revenues to reach income before income taxes; income in that list is printed in
parentheses, as a negative deduction::

    REVENUE                                    $9,135,577
      Operating Expenses                        6,346,914
      Interest Expense                            300,878
      Interest Income                             (41,432)      <- income of 41,432
      Sundry Income, Net                          (95,424)      <- income of 95,424
      Income Before Income Taxes               $  809,171       = 9,135,577 - (6,346,914 + ... - 95,424)

Where a column's figures prove it (the top line less the sum of the lines between equals the pre-tax
line), a line of income (a credit-balance concept whose label names the income side) states the
figure with the sign turned: US-GAAP states interest income positive. Lines of expense keep theirs.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from converter.facts import Observation
from converter.model import Fact

__all__ = ["MIN_DEDUCTED_LINES", "PRE_TAX", "deducted_income"]

PRE_TAX = (
    "IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest",
    "IncomeLossFromContinuingOperationsBeforeIncomeTaxesMinorityInterestAndIncomeLossFromEquityMethodInvestments",
)
# Lines between the top line and the pre-tax line: with one, adding and deducting it cannot be told apart
# from a statement that prints the line with its own sign.
MIN_DEDUCTED_LINES = 2

_Column = tuple[object, ...]


def deducted_income(
    candidates: Sequence[tuple[Fact, bool]],
    origins: Sequence[Observation],
    observations: Sequence[Observation],
    income: Sequence[bool],
) -> list[tuple[Fact, bool]]:
    """``candidates`` (each from the observation at the same place in ``origins``) with the facts of
    income lines in a proven list of deductions negated. ``income[i]`` says whether candidate ``i`` is
    a line of income as printed (a credit-balance concept whose label names the income side);
    ``observations`` are every figure of the table, its unmapped lines' too."""
    printed: dict[_Column, dict[int, Decimal]] = {}
    for observation in observations:
        printed.setdefault(_column(observation), {})[observation.row] = observation.number.value
    tops: dict[_Column, set[int]] = {}
    bottoms: dict[_Column, set[int]] = {}
    for (fact, _), origin, is_income in zip(candidates, origins, income, strict=True):
        if fact.concept in PRE_TAX:
            bottoms.setdefault(_column(origin), set()).add(origin.row)
        elif is_income:
            tops.setdefault(_column(origin), set()).add(origin.row)
    deducted: dict[_Column, tuple[int, int]] = {}
    for column, rows in bottoms.items():
        for bottom in sorted(rows):
            span = _deduction_span(printed[column], tops.get(column, set()), bottom)
            if span is not None:
                deducted[column] = span
                break
    if not deducted:
        return list(candidates)
    out: list[tuple[Fact, bool]] = []
    for (fact, primary), origin, is_income in zip(candidates, origins, income, strict=True):
        span = deducted.get(_column(origin))
        if is_income and span is not None and span[0] < origin.row < span[1]:
            fact = fact.replace(value=-fact.value)
        out.append((fact, primary))
    return out


def _column(observation: Observation) -> _Column:
    return (observation.period, observation.member, observation.currency)


def _deduction_span(figures: dict[int, Decimal], tops: set[int], bottom: int) -> tuple[int, int] | None:
    """(top row, pre-tax row) when the top line less every line between is the pre-tax line; the
    nearest such top line above, with at least ``MIN_DEDUCTED_LINES`` lines between."""
    rows = sorted(row for row in figures if row < bottom)
    for at in range(len(rows) - 1 - MIN_DEDUCTED_LINES, -1, -1):
        top = rows[at]
        if top not in tops:
            continue
        between = sum((figures[row] for row in rows[at + 1 :]), Decimal(0))
        if between and figures[top] - between == figures[bottom]:
            return top, bottom
    return None
