"""Reading facts back through Arelle, for the tests that compare formats."""

from __future__ import annotations

import os
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from fixtures_results import FactKey, fact_key, unit_text

from converter.model import TaxonomyRef, Unit
from converter.serialize.xbrl import ISO4217, XBRLI


def arelle_fact_copies(path: Path, package: Path, taxonomy: TaxonomyRef) -> list[FactKey]:
    """Every fact Arelle reads from ``path`` (an instance, xBRL-JSON or Inline XBRL), duplicates included."""
    from arelle.api.Session import Session
    from arelle.RuntimeOptions import RuntimeOptions

    assert os.environ.get("XDG_CONFIG_HOME")
    prefixes = {ISO4217: "iso4217", XBRLI: "xbrli", taxonomy.namespace: taxonomy.prefix}
    options = RuntimeOptions(
        entrypointFile=str(path),
        workOffline=True,
        disablePersistentConfig=True,
        packages=[str(package)],
        keepOpen=True,
        logRefObjectProperties=False,
    )
    keys: list[FactKey] = []
    # A Session per file: arelle-release 2.47.3 cannot run twice with `packages` in one Session.
    with Session() as session:
        assert session.run(options, logFileName="logToStructuredMessage")
        (model,) = session.get_models()
        try:
            for f in model.facts:
                ctx, measures = f.context, f.unit.measures
                assert f.qname.namespaceURI == taxonomy.namespace
                unit = Unit(
                    numerators=tuple(f"{prefixes[m.namespaceURI]}:{m.localName}" for m in measures[0]),
                    denominators=tuple(f"{prefixes[m.namespaceURI]}:{m.localName}" for m in measures[1]),
                )
                end: date = (ctx.endDatetime - timedelta(days=1)).date()  # Arelle's end is exclusive
                keys.append(
                    fact_key(
                        f.qname.localName,
                        ctx.entityIdentifier,
                        None if ctx.isInstantPeriod else ctx.startDatetime.date(),
                        end,
                        unit_text(unit),
                        Decimal(f.xValue),
                        None if f.decimals == "INF" else int(f.decimals),
                        tuple((d.localName, v.memberQname.localName) for d, v in ctx.qnameDims.items()),
                    )
                )
        finally:
            model.close()
    return keys
