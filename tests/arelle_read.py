"""Reading facts back through Arelle, for the tests that compare formats."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from fixtures_results import FactKey, fact_key, unit_text

from converter.model import TaxonomyRef, Unit
from converter.serialize.xbrl import ISO4217, XBRLI
from converter.validate import ERROR_LEVELS, INCONSISTENCY_LEVEL

# What a page or instance may not draw from Arelle at all: errors, calculation inconsistencies, warnings.
PROBLEM_LEVELS = ERROR_LEVELS | {INCONSISTENCY_LEVEL, "WARNING"}


@contextmanager
def _loaded(path: Path, package: Path, *, validate: bool = False) -> Iterator[tuple[Any, list[str]]]:
    """Arelle's model of ``path`` and, when validated as ``legacy-xbrl validate`` does, its problems."""
    from arelle.api.Session import Session
    from arelle.RuntimeOptions import RuntimeOptions

    assert os.environ.get("XDG_CONFIG_HOME")
    checks: dict[str, Any] = {"validate": True, "calcs": "c11r", "utrValidate": True} if validate else {}
    options = RuntimeOptions(
        entrypointFile=str(path),
        workOffline=True,
        disablePersistentConfig=True,
        packages=[str(package)],
        keepOpen=True,
        logRefObjectProperties=False,
        **checks,
    )
    # A Session per file: arelle-release 2.47.3 cannot run twice with `packages` in one Session.
    with Session() as session:
        assert session.run(options, logFileName="logToStructuredMessage")
        (model,) = session.get_models()
        problems = [
            f"{m.get('levelname')} [{m.get('messageCode')}] {m.get('msg')}"
            for m in session.get_log_messages()
            if m.get("levelname") in PROBLEM_LEVELS
        ]
        try:
            yield model, problems
        finally:
            model.close()


def _period(ctx: Any) -> tuple[date | None, date]:
    end: date = (ctx.endDatetime - timedelta(days=1)).date()  # Arelle's end is exclusive
    return None if ctx.isInstantPeriod else ctx.startDatetime.date(), end


def arelle_fact_copies(path: Path, package: Path, taxonomy: TaxonomyRef) -> list[FactKey]:
    """Every fact Arelle reads from ``path`` (an instance, xBRL-JSON or Inline XBRL), duplicates included."""
    prefixes = {ISO4217: "iso4217", XBRLI: "xbrli", taxonomy.namespace: taxonomy.prefix}
    keys: list[FactKey] = []
    with _loaded(path, package) as (model, _):
        for f in model.facts:
            ctx, measures = f.context, f.unit.measures
            assert f.qname.namespaceURI == taxonomy.namespace
            unit = Unit(
                numerators=tuple(f"{prefixes[m.namespaceURI]}:{m.localName}" for m in measures[0]),
                denominators=tuple(f"{prefixes[m.namespaceURI]}:{m.localName}" for m in measures[1]),
            )
            keys.append(
                fact_key(
                    f.qname.localName,
                    ctx.entityIdentifier,
                    *_period(ctx),
                    unit_text(unit),
                    Decimal(f.xValue),
                    None if f.decimals == "INF" else int(f.decimals),
                    tuple((d.localName, v.memberQname.localName) for d, v in ctx.qnameDims.items()),
                )
            )
    return keys


def arelle_reading(path: Path, package: Path, *, validate: bool = False) -> tuple[list[FactKey], list[str]]:
    """Every fact Arelle reads from ``path``, duplicates included, and its problems when validated.

    Names are in Clark notation (``{namespace}Revenues``): a filing's extension concepts and members
    compare as exactly as the base taxonomy's.
    """
    keys: list[FactKey] = []
    with _loaded(path, package, validate=validate) as (model, problems):
        for f in model.facts:
            ctx, measures = f.context, f.unit.measures
            keys.append(
                fact_key(
                    f.qname.clarkNotation,
                    ctx.entityIdentifier,
                    *_period(ctx),
                    "/".join("*".join(m.clarkNotation for m in part) for part in measures),
                    Decimal(f.xValue),
                    None if f.decimals == "INF" else int(f.decimals),
                    tuple((d.clarkNotation, v.memberQname.clarkNotation) for d, v in ctx.qnameDims.items()),
                )
            )
    return keys, problems


def most_precise(copies: list[FactKey]) -> set[FactKey]:
    """One key per fact (all but value and decimals), the copy with the highest decimals; checks consistency."""
    best: dict[tuple[object, ...], FactKey] = {}
    for key in copies:
        aspects = (*key[:4], key[6])
        held = best.get(aspects)
        if held is None or (key[5] is None or (held[5] is not None and key[5] > held[5])):
            best[aspects] = key
    for key in copies:
        top = best[(*key[:4], key[6])]
        if key[5] is not None:  # a less precise copy must round to itself from the most precise one
            assert abs(top[4] - key[4]) <= Decimal(5).scaleb(-key[5] - 1), (key, top)
    return set(best.values())
