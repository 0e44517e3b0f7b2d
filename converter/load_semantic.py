"""Load converted filings into Arelle's semantic schema: ``load_semantic(outputs, url) -> LoadResult``.

The project's own tables (``converter.load``) stay the default. This loader hands each XBRL
instance, with the extension schema and the taxonomy copy it points at (relative ``schemaRef``,
``OUTDIR/legacy-xbrl-taxonomy-2025/``), to Arelle's ``xbrlDB`` plugin in-process: one Arelle
``Session`` per call, offline, the instance loaded, then stored by the plugin's ``storeIntoDB``
with the database type ``pgSemantic`` (PostgreSQL, through the pg8000 driver Arelle uses) or
``sqliteSemantic`` (SQLite, through the standard library). The plugin creates its tables on
first use (Arelle's DDL ``xbrlSemanticPostgresDB.ddl`` / ``xbrlSemanticSQLiteDB.ddl``).

What the plugin is given about the filing (Arelle reads it from an EDGAR RSS item):

- ``filing.filing_number`` = ``lx-`` + the first 27 hex digits of the instance's SHA-256: the
  same instance always gets the same number, two different ones never share it. Without it
  the plugin numbers a filing by the current second, so two filings stored within one second
  collide and the second replaces the first's data points (measured with arelle-release 2.47.3);
- the entity's CIK (``entity.file_number`` and ``reference_number``) and name, the form, the
  filing date and fiscal year end, and the EDGAR address of the submission, when the outputs know them.

Idempotence: a filing whose number is already in ``filing`` is not stored again. Arelle commits
each filing on its own: a failure leaves the filings stored before it, and loading again stores
the rest.
"""

from __future__ import annotations

import getpass
import hashlib
import importlib.util
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from converter.load import LoadError, LoadResult, find_reports, read_filing

__all__ = ["SCHEMAS", "XBRL_US_PUBLIC_REASON", "load_semantic"]

SCHEMAS = ("legacy-xbrl", "semantic", "xbrl-us-public")

# Measured with arelle-release 2.47.3 on PostgreSQL 15 (docs/schema.md has the details).
XBRL_US_PUBLIC_REASON = (
    "--schema xbrl-us-public: Arelle 2.47.3 cannot create the XBRL US Public schema on PostgreSQL: "
    'its DDL loader skips the script\'s SET statements, so CREATE FUNCTION fails with: type "relationship" '
    "does not exist (42704); use --schema semantic (docs/schema.md)"
)

_TIMEOUT = "60"
_SEC_CIK = "http://www.sec.gov/CIK"


@dataclass(frozen=True, slots=True)
class Target:
    """Where Arelle stores: its connection list ``host,port,user,password,database,timeout,type``."""

    host: str
    port: str
    user: str
    password: str
    database: str
    db_type: str

    @property
    def connection(self) -> list[str]:
        return [self.host, self.port, self.user, self.password, self.database, _TIMEOUT, self.db_type]

    @property
    def product(self) -> str:
        return "sqlite" if self.db_type == "sqliteSemantic" else "postgres"


@dataclass(frozen=True, slots=True)
class FilingItem:
    """What Arelle's plugin reads from an EDGAR RSS item (attribute names are Arelle's)."""

    accessionNumber: str
    fileNumber: str | None
    cikNumber: str | None
    companyName: str | None
    formType: str | None
    filingDate: date | None
    fiscalYearEnd: str | None
    htmlUrl: str | None
    acceptanceDatetime: None = None
    assignedSic: None = None
    url: None = None


def target(url: str) -> Target:
    """``postgresql://user[:password]@host[:port]/db`` or ``sqlite:///FILE`` -> Arelle's connection fields."""
    if url.startswith("sqlite://"):
        path = url.removeprefix("sqlite://").removeprefix("/")
        if not path:
            raise LoadError(f"{url}: --schema semantic needs a database file (sqlite:///FILE)")
        return Target("", "", "", "", path, "sqliteSemantic")
    if url.startswith(("postgresql://", "postgres://")):
        parts = urlsplit(url)
        if parts.query or parts.fragment:
            raise LoadError(f"{url}: --schema semantic takes no URL parameters (Arelle connects with its own driver)")
        database = unquote(parts.path.lstrip("/"))
        if not database or "/" in database:
            raise LoadError(f"{url}: name one database: postgresql://user@host:port/DATABASE")
        return Target(
            host=parts.hostname or "localhost",
            port=str(parts.port or 5432),
            user=unquote(parts.username) if parts.username else os.environ.get("PGUSER") or getpass.getuser(),
            password=unquote(parts.password or ""),
            database=database,
            db_type="pgSemantic",
        )
    raise LoadError(f"{url}: unsupported database URL (sqlite:///FILE or postgresql://...)")


def _filing_item(report: Path) -> tuple[Path, FilingItem, str, int]:
    """The instance to load, what the plugin is told about it, its name and its fact count."""
    filing = read_filing(report)
    instance = report.parent / filing.instance_file
    if instance.suffix != ".xbrl":
        raise LoadError(f"{report}: no XBRL instance beside it ({instance.with_suffix('.xbrl').name})")
    cik = filing.entity_identifier if filing.entity_scheme == _SEC_CIK else None
    html = None
    if cik and filing.accession:
        html = f"https://www.sec.gov/Archives/edgar/data/{int(cik)}/{filing.accession}.txt"
    filed = filing.filed or filing.document_date
    item = FilingItem(
        accessionNumber=f"lx-{hashlib.sha256(instance.read_bytes()).hexdigest()[:27]}",
        fileNumber=filing.entity_identifier,
        cikNumber=cik,
        companyName=filing.entity_name,
        formType=filing.form,
        filingDate=_day(filed),
        fiscalYearEnd=filing.fiscal_year_end.replace("-", "") if filing.fiscal_year_end else None,
        htmlUrl=html,
    )
    return instance, item, filing.document_name, len(filing.facts)


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


@contextmanager
def _private_config() -> Iterator[None]:
    """Arelle writes its configuration and web cache under $XDG_CONFIG_HOME: keep them private."""
    folder = tempfile.mkdtemp(prefix="legacy-xbrl-arelle-")
    previous = os.environ.get("XDG_CONFIG_HOME")
    os.environ["XDG_CONFIG_HOME"] = folder
    try:
        yield
    finally:
        if previous is None:
            del os.environ["XDG_CONFIG_HOME"]
        else:
            os.environ["XDG_CONFIG_HOME"] = previous
        shutil.rmtree(folder, ignore_errors=True)


def _check_driver(where: Target, url: str) -> None:
    # Arelle's xbrlDB plugin talks to PostgreSQL only through pg8000 (psycopg is not one of its drivers).
    if where.product == "postgres" and importlib.util.find_spec("pg8000") is None:
        raise LoadError(f"{url}: --schema semantic on PostgreSQL needs pg8000: pip install 'legacy-xbrl[semantic]'")


def load_semantic(outputs: Sequence[Path], url: str) -> LoadResult:
    """Store the converter's XBRL instances (files or folders of outputs) in Arelle's semantic schema at ``url``."""
    where = target(url)
    _check_driver(where, url)
    items = [_filing_item(report) for report in find_reports(outputs)]
    if not items:
        raise LoadError(f"no xBRL-JSON outputs (<stem>.json) in {', '.join(map(str, outputs))}")
    loaded: list[tuple[str, int]] = []
    already: list[str] = []
    from arelle.api.Session import Session  # importing Arelle takes ~0.3 s: only when loading this way
    from arelle.RuntimeOptions import RuntimeOptions

    with _private_config(), Session() as session:
        for instance, item, name, facts in items:
            options = RuntimeOptions(
                entrypointFile=str(instance),
                workOffline=True,
                disablePersistentConfig=True,
                keepOpen=True,  # the loaded model stays open for the plugin to store
                logRefObjectProperties=False,
            )
            # No plugins and no packages in the run: in arelle-release 2.47.3 a second run in the same
            # Session fails when either is given (the plugin and package configurations are reset).
            completed = session.run(options, logFileName="logToStructuredMessage")
            problems = [m for m in session.get_log_messages() if m.get("levelname") in ("ERROR", "CRITICAL")]
            session.clear_logs()
            models = [m for m in session.get_models() if m.modelDocument is not None]
            model = models[-1] if models else None
            try:
                if not completed or model is None or problems:
                    reason = problems[0].get("msg") if problems else "Arelle could not load it"
                    raise LoadError(f"{instance}: {' '.join(str(reason).split())}")
                if _stored(model, where, item.accessionNumber, url):
                    already.append(name)
                    continue
                _store(model, where, item, url, instance)
                loaded.append((name, facts))
            finally:
                for open_model in list(session.get_models()):
                    open_model.modelManager.close(open_model)  # unlisted and closed: one model at a time
    return LoadResult(loaded=tuple(loaded), already=tuple(already))


def _stored(model: Any, where: Target, number: str, url: str) -> bool:
    """Whether ``filing`` already holds ``number`` (False when the plugin has not made its tables yet)."""
    from arelle.plugin.xbrlDB.XbrlSemanticSqlDB import XbrlSqlDatabaseConnection

    try:
        connection = XbrlSqlDatabaseConnection(
            model, where.user, where.password, where.host, where.port, where.database, int(_TIMEOUT), where.product
        )
        try:
            if "filing" not in connection.tablesInDB():
                return False
            rows = connection.execute(f"SELECT filing_id FROM filing WHERE filing_number = {connection.dbStr(number)}")
            return bool(list(rows))
        finally:
            connection.close()
    except Exception as err:  # the driver's own errors: refused, unknown database, not a database file
        raise LoadError(f"{url}: cannot connect: {_one_line(err)}") from None


def _store(model: Any, where: Target, item: FilingItem, url: str, instance: Path) -> None:
    from arelle.plugin.xbrlDB import storeIntoDB

    try:
        storeIntoDB(where.connection, model, rssItem=item)
    except Exception as err:  # XPDBException and the drivers' errors
        raise LoadError(f"{url}: {instance}: {_one_line(err)}") from err


def _one_line(err: BaseException) -> str:
    """pg8000 raises with the server's fields as a dict: keep its message (``M``) and SQLSTATE (``C``)."""
    first = err.args[0] if err.args else None
    if isinstance(first, dict) and "M" in first:
        text = f"{first['M']} ({first['C']})" if "C" in first else str(first["M"])
    else:
        text = str(err)
    return " ".join(text.split()) or type(err).__name__
