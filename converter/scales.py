"""How statements print their scale: the one registry of scale phrases.

A table's figures are in units unless its caption or headings say otherwise, in any of the forms
1993-2008 filings print::

    (in thousands, except per share data)        (Dollars in Thousands, Except Per Share Data)
    (millions of dollars)                        ($000)   (000's omitted)   (000's)   $ in millions
    (JPY in millions)                            Amounts in thousands     (in billions)
"""

from __future__ import annotations

import re

from converter.model import Scale

__all__ = [
    "CAPTION_SCALE_NOTE",
    "OWN_SCALE",
    "OWN_SCALE_POWERS",
    "PARENTHESISED_SCALE_NOTE",
    "SCALE_NOTE",
    "SCALE_PHRASES",
    "SCALE_WORD",
    "scale_of",
]

# Each phrase and the scale it names, largest first: "(in millions, except shares in thousands)"
# is a table in millions (its share rows name their own scale).
SCALE_PHRASES: tuple[tuple[re.Pattern[str], Scale], ...] = (
    (re.compile(r"\b(?:in\s+)?billions?\b", re.IGNORECASE), Scale.BILLIONS),
    (re.compile(r"\b(?:in\s+)?millions?\b", re.IGNORECASE), Scale.MILLIONS),
    (re.compile(r"\b(?:in\s+)?thousands?\b", re.IGNORECASE), Scale.THOUSANDS),
    # "($000)", "(000's omitted)", "(000 omitted)", "$000's", "(000's)".
    (re.compile(r"\$\s?000(?:'?s)?\b|\b000'?s?\s+omitted\b|\(\s*000'?s\s*\)", re.IGNORECASE), Scale.THOUSANDS),
)

# A line that is nothing but a scale note, in or out of parentheses: a heading, never a row label.
SCALE_NOTE = re.compile(
    r"\(?\s*(?:[$\w.,':;\- ]*?\b(?:thousands|millions|billions)\b[\w.,'$ ]*"
    r"|\$\s?000(?:'?s)?|000'?s?(?:\s+omitted)?)\s*\)?",
    re.IGNORECASE,
)


# A scale note for every table that follows, printed once over the notes to the statements:
# "(000's OMITTED IN ALL TABLES EXCEPT PER SHARE AMOUNTS)", "(Dollars in millions in all tables)",
# "All dollar amounts in tables are in thousands", "Tabular amounts in millions".
STANDING_SCALE_NOTE = re.compile(
    r"\b(?:in|for|throughout)\s+(?:all|the)\s+(?:following\s+)?tables\b"
    r"|\b(?:all\s+)?(?:dollar\s+)?amounts\s+in\s+(?:all\s+|the\s+)?tables\b"
    r"|\btabular\s+(?:dollar\s+)?amounts\b",
    re.IGNORECASE,
)


def standing_scale(text: str) -> Scale | None:
    """The scale a note names for every table after it (``STANDING_SCALE_NOTE``), or None."""
    return scale_of(text) if STANDING_SCALE_NOTE.search(text) else None


# A row's own scale, which wins over its table's: "Shares used in computing earnings per share
# (in thousands)".
OWN_SCALE = re.compile(r"\(\s*(?:in\s+)?(?P<scale>thousands|millions|billions)\s*\)", re.IGNORECASE)
OWN_SCALE_POWERS = {"thousands": 3, "millions": 6, "billions": 9}
# A scale note in parentheses within a caption line, and a bare scale word (segmenting a caption).
# Any scale note in parentheses, however worded: "(in millions)", "(millions of dollars)", "($000)".
PARENTHESISED_SCALE_NOTE = re.compile(r"\([^()]*(?:thousands|millions|billions|\$\s?000)[^()]*\)", re.IGNORECASE)
CAPTION_SCALE_NOTE = re.compile(r"\([^()]*\bin\s+(?:thousands|millions|billions)\b[^()]*\)", re.IGNORECASE)
SCALE_WORD = re.compile(r"\b(?:thousands|millions|billions)\b", re.IGNORECASE)

_PARENTHESES = re.compile(r"\(([^()]*)\)")


def scale_of(text: str) -> Scale | None:
    """The scale ``text`` names, or None: ``"(millions of dollars)"`` → MILLIONS. A note in parentheses
    ("(000's)") wins over scale words elsewhere in the text: a caption can take in the prose above a
    table ("revenues of $3.77 billion"), whose words say nothing of the table's figures."""
    for note in _PARENTHESES.finditer(text):
        scale = _named(note.group(0))
        if scale is not None:
            return scale
    return _named(text)


def _named(text: str) -> Scale | None:
    return next((scale for pattern, scale in SCALE_PHRASES if pattern.search(text)), None)
