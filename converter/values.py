"""Cell text to numbers: ``"(1,059,574)"``, ``"-1,060"``, ``".62"``, ``"$(5.64)"``, ``"39.8%"``, ``"-"``.

A printed figure keeps what the reader needs to tag it: its value as a ``Decimal``
(never a float), how many digits follow the decimal point, and whether it is a
percentage or a dash standing for nil.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal

__all__ = ["CELL_PATTERN", "ParsedNumber", "is_cell", "is_garbled_figure", "parse_number"]

# One printed figure: optional currency sign, sign or opening parenthesis, digits with
# thousands separators or a leading point, optional percent, optional closing parenthesis.
CELL_PATTERN = (
    r"(?:"
    r"[-\u2013\u2014]{1,2}"  # "-", "--", em dash: nil
    r"|"
    r"\$?\s?[-+]?\(?\s?\$?\s?[-+]?"
    r"(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?"
    r"%?\)?%?"
    r")"
)
_CELL = re.compile(r"^" + CELL_PATTERN + r"$")
# More digits than any printed financial figure has (a yen amount in units has at most 16);
# beyond the 28 of Decimal's default context, scaling by the caption's millions would round.
MAX_FIGURE_DIGITS = 20
_DIGIT = re.compile(r"\d")
# Letters typed (or scanned) for the digits they look like: "1,2O4", "l,059".
_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})
_GARBLED = re.compile(r"^[-$(]*[\dOolI][\d,.OolI]*\)?%?$")
_NIL = frozenset({"-", "--", "_", "\u2013", "\u2014", "\u2014\u2014"})
# Three dashes are a nil figure only where a currency sign says a figure stands there ("$   ---"); alone
# they may be a short rule, so ``is_cell`` does not take them.
NIL_AFTER_CURRENCY = "---"


@dataclass(frozen=True, slots=True)
class ParsedNumber:
    """A figure as printed: ``value`` with its sign applied, ``fraction_digits`` after the point."""

    value: Decimal
    fraction_digits: int
    percent: bool = False
    nil: bool = False
    parenthesised: bool = False


def is_cell(text: str) -> bool:
    """True when ``text`` is one printed figure ("(8,840)", "39.8%", "-")."""
    text = text.strip()
    if text in _NIL:
        return True
    if not _DIGIT.search(text):
        return False
    if text.count("(") != text.count(")"):
        return False
    return bool(_CELL.match(text))


def is_garbled_figure(text: str) -> bool:
    """True for a figure with a look-alike letter in it ("1,2O4", "3l8"): a cell, but no number.

    The table reader keeps it as a cell so that it is reported as unreadable, rather than
    read as part of the row's label or as a value it does not say.
    """
    text = text.strip()
    if not _GARBLED.match(text) or len(_DIGIT.findall(text)) < 2 or is_cell(text):
        return False
    return is_cell(text.translate(_LOOKALIKES))


def heading_years(texts: list[str]) -> list[int] | None:
    """A line of year headings, one of them misprinted with a look-alike letter ("1994  1993  1992  l991
    1990"): the years, when the clean ones run consecutively and the misprint is the year between them;
    None otherwise. Only the sequence confirms a misprinted year: a figure alone never is one."""
    years: list[int] = []
    for text in texts:
        if re.fullmatch(r"(?:19|20)\d\d", text):
            years.append(int(text))
        elif _GARBLED.match(text) and re.fullmatch(r"(?:19|20)\d\d", fixed := text.translate(_LOOKALIKES)):
            years.append(-int(fixed))  # misprinted: confirmed below
        else:
            return None
    clean = [y for y in years if y > 0]
    if len(clean) < 2 or len(clean) == len(years):
        return None
    read = [abs(y) for y in years]
    step = read[1] - read[0]
    if step not in (1, -1) or any(b - a != step for a, b in itertools.pairwise(read)):
        return None
    return read


def parse_number(text: str) -> ParsedNumber | None:
    """Parse one printed figure; ``None`` when ``text`` is not one (or has absurdly many digits).

    >>> parse_number("(1,059,574)").value
    Decimal('-1059574')
    >>> parse_number("-").nil
    True
    """
    raw = text.strip()
    if raw in _NIL or raw == NIL_AFTER_CURRENCY:
        return ParsedNumber(value=Decimal(0), fraction_digits=0, nil=True)
    if not is_cell(raw):
        return None
    parenthesised = "(" in raw
    percent = "%" in raw
    body = raw.replace("$", "").replace("(", "").replace(")", "").replace("%", "").replace(",", "").replace(" ", "")
    negative = parenthesised
    if body.startswith(("-", "+")):
        negative = negative != (body[0] == "-")
        body = body[1:]
    if not body or body == ".":
        return None
    if len(_DIGIT.findall(body)) > MAX_FIGURE_DIGITS:
        return None  # "1111111111111111111111111111111111111111": a typing error, not a figure
    fraction_digits = len(body.split(".", 1)[1]) if "." in body else 0
    value = Decimal(body)
    if negative:
        value = -value
    return ParsedNumber(value=value, fraction_digits=fraction_digits, percent=percent, parenthesised=parenthesised)
