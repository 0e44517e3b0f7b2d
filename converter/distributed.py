"""Batches on a Dask cluster: ``convert --executor dask`` (a ``LocalCluster``) or ``--scheduler tcp://HOST:PORT``.

``run(paths, task, plan)`` does what ``converter.batch.run`` does, with Dask in place of the process
pool: one Dask task per input; each worker opens the batch's ``Task`` once (the taxonomy, and with
``--validate`` its own Arelle) through a worker plugin, in the thread that runs its tasks; so the
document is converted and published by the very code the process pool runs (``task.open()``'s
function), and the outputs are the same bytes.
Only small things travel back to the client: the ``Outcome``, the input's size and SHA-256, the names
of the files written.

Beside the outputs, the client keeps:

- ``OUTDIR/batch-manifest.sqlite``: one row per input (path, size, SHA-256, stamp, state, reason,
  outputs, outcome; and the seconds it took on its worker and that worker's peak memory, which
  ``benchmarks/dask_capacity.py`` reads). A rerun skips an input whose row says it was done
  (``converted`` or ``invalid``) for the same input bytes (and sidecar), the same stamp (options,
  code, taxonomy) and whose outputs are still there; one that ``failed`` is tried again only with
  ``--retry-failed``. The worker, which reads the input anyway, compares the bytes: the client never
  reads an input.
- ``OUTDIR/facts/fy=YYYY/<key>.parquet``: the batch's facts as one Parquet dataset partitioned by
  fiscal year (hive layout; the flat table of ``converter.export``, ``fy`` in the folder name). Each
  worker writes its document's parts into ``OUTDIR/.facts-parts/<key>/``; at the end the client only
  renames files, so no fact passes through its memory.

A worker that dies (killed, out of memory) costs only the task it was running: Dask gives the task to
another worker, and a document that kills every worker it is given fails alone (after
``distributed.scheduler.allowed-failures`` deaths, 3 by default, three times: see ``run``).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import logging
import os
import re
import resource
import shutil
import sqlite3
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from distributed import WorkerPlugin

from converter.batch import Outcome, Task, Work

__all__ = ["MANIFEST", "Plan", "SchedulerError", "local_path", "run", "stamp"]

MANIFEST = "batch-manifest.sqlite"
DATASET = "facts"
PARTS = ".facts-parts"
# How pyarrow (and Spark, Hive) name the partition of a NULL value.
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"
DONE = ("converted", "invalid")
CONNECT_TIMEOUT = 10  # seconds to reach a --scheduler
LOST_RETRIES = 2  # new tasks for a document whose workers died under it, before it fails
# Tasks in flight per worker thread: enough to keep every worker busy, few enough that a million
# inputs never sit in the scheduler's memory at once.
IN_FLIGHT_PER_THREAD = 8
IN_FLIGHT_MIN = 64
# What a LocalCluster runs beside the documents, cut to what a batch uses. Measured on workers in their
# stride (CPU seconds from their first task to their last, 336 documents): with Dask's defaults a Dask
# worker spent 15% more per document than a process-pool worker; with these, within 2%.
LOCAL_CONFIG: Mapping[str, Any] = {
    # Dask starts each worker with MALLOC_TRIM_THRESHOLD_=65536, to hand freed memory back to the
    # system at once; glibc then also stops adapting its mmap threshold, and maps and unmaps every large
    # block anew: some 7% more CPU per document. Pool workers run with glibc's defaults; so do these.
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    # The statistical profiler (the dashboard's Profile page) samples the task's stack every 10 ms, and
    # the event loop's latency is checked every 20 ms: each wakes the worker's event loop, which then
    # takes the GIL from the document being converted.
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.admin.system-monitor.disk": False,
    # A task returns a small dict and keeps nothing: no data to spill, no reason to pause. Without them
    # a worker stops reading its own memory every 100 ms; its nanny still restarts it past 95% of its
    # memory limit (distributed.worker.memory.terminate).
    "distributed.worker.memory.target": False,
    "distributed.worker.memory.spill": False,
    "distributed.worker.memory.pause": False,
    # All tasks are alike and the scheduler sends a worker only what it can start: nothing to steal.
    "distributed.scheduler.work-stealing": False,
}
_SIDECARS = (lambda p: p.with_name(p.name + ".meta.json"), lambda p: p.with_suffix(".meta.json"))
_PLUGIN = "legacy-xbrl-convert"
# An fsspec URL (``file:///data``, ``s3://bucket/key``); an argument parsed as a Path has one slash left.
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]+):/")


def local_path(text: str | Path) -> Path:
    """A local path or ``file://`` URL as a path; any other fsspec URL (``s3://...``) is a ValueError."""
    text = str(text)
    scheme = _SCHEME.match(text)
    if scheme is None:
        return Path(text)
    if scheme.group(1) != "file":
        raise ValueError(f"{text}: {scheme.group(1)}:// is not read here; only local paths and file:// URLs")
    import fsspec.core

    fs, path = fsspec.core.url_to_fs(text)
    if "file" not in fs.protocol:
        raise ValueError(f"{text}: only local paths and file:// URLs")
    return Path(path)


def _digest_files(paths: Sequence[Path], root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(str(path.relative_to(root)).encode("utf-8", "surrogateescape") + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def stamp(options: Mapping[str, Any], taxonomy_dir: Path | None) -> str:
    """What else than the input decides the outputs: the options, the converter's code, the taxonomy."""
    from converter.taxonomy import DEFAULT_DIRECTORY

    code_root = Path(__file__).resolve().parent
    code = [p for p in code_root.rglob("*") if p.is_file() and p.suffix in (".py", ".sql", ".ttl", ".css", ".js")]
    taxonomy_root = (taxonomy_dir or DEFAULT_DIRECTORY).resolve()
    taxonomy = [p for p in taxonomy_root.rglob("*") if p.is_file()]
    text = json.dumps(
        {
            "options": {k: str(v) for k, v in sorted(options.items())},
            "code": _digest_files(code, code_root),
            "taxonomy": _digest_files(taxonomy, taxonomy_root),
        },
        sort_keys=True,
    )
    return hashlib.sha256(text.encode()).hexdigest()


class SchedulerError(Exception):
    """The scheduler given cannot be reached: a usage error, in one line."""


@dataclass(frozen=True, slots=True)
class Plan:
    """Where and how a Dask batch runs.

    ``jobs`` sizes the ``LocalCluster`` (processes of one thread each) when no ``scheduler`` is given;
    ``stamp`` identifies the options, code and taxonomy; ``table`` gathers the facts into
    ``OUTDIR/facts/`` (it needs the ``xbrl`` and ``json`` outputs, and is left out with
    ``--no-facts-dataset``).
    """

    outdir: Path
    stamp: str
    jobs: int = 1
    scheduler: str | None = None
    retry_failed: bool = False
    table: bool = False
    taxonomy_dir: Path | None = None

    @classmethod
    def from_args(cls, args: argparse.Namespace, formats: Sequence[str]) -> Plan:
        keys = ("fiscal_year_end", "cik", "entity_name", "validate", "max_bytes", "resume")
        options = {key: getattr(args, key, None) for key in keys}
        options["formats"] = ",".join(formats)
        table = "xbrl" in formats and "json" in formats and not getattr(args, "no_facts_dataset", False)
        # In the stamp: a rerun that asks for the dataset must not skip documents done without their parts.
        options["facts_dataset"] = table
        return cls(
            outdir=Path(args.output),
            stamp=stamp(options, args.taxonomy_dir),
            jobs=args.jobs,
            scheduler=args.scheduler,
            retry_failed=args.retry_failed,
            table=table,
            taxonomy_dir=args.taxonomy_dir,
        )


# --- on the workers -------------------------------------------------------------------------

# One slot per worker process for what the plugin opened: a Dask task reaches it only through a
# module global (as converter.batch's pool workers do). The client process never fills it.
_OPENED: dict[str, _Opened] = {}


class _Opener(WorkerPlugin):
    """The worker plugin: opens the batch's task once per worker process, closes it at shutdown.

    A validation package the client made in its own temporary folder travels as bytes and is written
    into the worker's: a worker on another machine cannot see the client's files.
    """

    name = _PLUGIN

    def __init__(self, task: Task, plan: Plan) -> None:
        self.task = task
        self.plan = plan
        package = getattr(task, "package", None)
        self.package = (package.name, package.read_bytes()) if isinstance(package, Path) else None

    def setup(self, worker: Any) -> None:
        stack = ExitStack()
        task: Any = self.task
        if self.package is not None:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="legacy-xbrl-")))
            (folder / self.package[0]).write_bytes(self.package[1])
            task = dataclasses.replace(task, package=folder / self.package[0])
        taxonomy = None
        if self.plan.table:
            from converter.taxonomy import load_taxonomy

            taxonomy = load_taxonomy(self.plan.taxonomy_dir)
        _OPENED[self.name] = _Opened(task, taxonomy, stack)

    def teardown(self, worker: Any) -> None:
        opened = _OPENED.pop(self.name, None)
        if opened is not None:
            opened.stack.close()


@dataclass
class _Opened:
    """What a worker process holds for the batch. The task is opened in the thread that runs the
    tasks, not in the plugin's: an Arelle validator serves only the thread that made it."""

    task: Task
    taxonomy: Any
    stack: ExitStack
    works: dict[int, Work] = dataclasses.field(default_factory=dict)

    def work(self) -> Work:
        thread = threading.get_ident()
        if thread not in self.works:
            self.works[thread] = self.stack.enter_context(self.task.open())
        return self.works[thread]


def _input_digest(path: Path) -> tuple[int, str] | None:
    """The input's size and the SHA-256 of its bytes and its sidecar's (which feeds the options)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None  # the conversion reports it
    digest = hashlib.sha256(data)
    for sidecar in _SIDECARS:
        side = sidecar(path)
        if side.is_file():
            digest.update(b"\0sidecar\0" + side.read_bytes())
            break
    return len(data), digest.hexdigest()


def _convert(path_text: str, recorded: str | None, key: str, outdir: str) -> dict[str, Any]:
    """One Dask task: skip the input if its bytes are those ``recorded``, else convert and publish it."""
    opened = _OPENED[_PLUGIN]
    work, taxonomy = opened.work(), opened.taxonomy
    path = Path(path_text)
    digest = _input_digest(path)
    if digest is not None and recorded == digest[1]:
        return {"skipped": True, "size": digest[0], "sha256": digest[1]}
    started = time.perf_counter()
    outcome = work(path)
    folder = Path(outdir)
    if taxonomy is not None and outcome.status != "failed":
        _write_parts(folder, key, outcome, taxonomy)
    return {
        "skipped": False,
        # For capacity planning: the document's time on its worker, and the worker's peak memory so far.
        "seconds": round(time.perf_counter() - started, 4),
        "worker_peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "size": digest[0] if digest else None,
        "sha256": digest[1] if digest else None,
        "outcome": asdict(outcome),
    }


def _write_parts(outdir: Path, key: str, outcome: Outcome, taxonomy: Any) -> None:
    """The document's facts as Parquet, one file per fiscal year, in ``OUTDIR/.facts-parts/<key>/``
    (the whole folder replaced at once: a reader never sees half a document's parts)."""
    from converter import export, export_files

    stems = [instance.removesuffix(".xbrl") for instance in outcome.instances]
    documents = export_files.read_exports([outdir / f"{stem}.json" for stem in stems])
    table = export.flat_table(documents, taxonomy)
    fy = next(i for i, c in enumerate(table.columns) if c.name == "fy")
    columns = table.columns[:fy] + table.columns[fy + 1 :]
    years: dict[Any, list[tuple[Any, ...]]] = {}
    for row in table.rows:
        years.setdefault(row[fy], []).append(row[:fy] + row[fy + 1 :])
    root = outdir / PARTS
    root.mkdir(exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=root, prefix=f".{key}."))
    try:
        for year, rows in years.items():
            name = f"fy={NULL_PARTITION if year is None else year}.parquet"
            (staging / name).write_bytes(export_files.parquet_bytes(export.Table(table.name, columns, tuple(rows))))
        final = root / key
        if final.exists():
            shutil.rmtree(final)
        os.rename(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


# --- on the client --------------------------------------------------------------------------


def _key(path: Path) -> str:
    """A file name for an input's parts: its stem and a hash of its absolute path (two inputs may share a stem)."""
    absolute = str(path.resolve())
    return f"{path.stem}-{hashlib.sha256(absolute.encode('utf-8', 'surrogateescape')).hexdigest()[:12]}"


class _Manifest:
    """``OUTDIR/batch-manifest.sqlite``: what became of each input, for the next run to skip."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path)
        # Each outcome is committed as it comes (WAL without a sync per commit: a few microseconds), so
        # a client killed at any point has recorded every document it was told of.
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS documents (input TEXT PRIMARY KEY, size INTEGER, sha256 TEXT, stamp TEXT,"
            " state TEXT NOT NULL, reason TEXT, outputs TEXT, outcome TEXT, seconds REAL, worker_peak_kb INTEGER,"
            " updated TEXT)"
        )

    def recorded(self, path: Path) -> tuple[str, str | None, str, list[str], dict[str, Any]] | None:
        row = self.db.execute(
            "SELECT state, sha256, stamp, outputs, outcome FROM documents WHERE input = ?", (str(path.resolve()),)
        ).fetchone()
        if row is None or row[4] is None:
            return None
        return row[0], row[1], row[2], json.loads(row[3] or "[]"), json.loads(row[4])

    def pending(self, paths: Sequence[Path]) -> None:
        self.db.executemany(
            "INSERT OR IGNORE INTO documents (input, state, updated) VALUES (?, 'pending', datetime('now'))",
            [(str(p.resolve()),) for p in paths],
        )
        self.db.commit()

    def record(self, path: Path, result: Mapping[str, Any], plan_stamp: str) -> None:
        outcome = result["outcome"]
        self.db.execute(
            "INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, datetime('now'))",
            (
                str(path.resolve()),
                result.get("size"),
                result.get("sha256"),
                plan_stamp,
                outcome["status"],
                outcome["reason"],
                json.dumps(outcome.get("outputs", [])),
                json.dumps(outcome),
                result.get("seconds"),
                result.get("worker_peak_kb"),
            ),
        )
        self.db.commit()

    def close(self) -> None:
        self.db.commit()
        self.db.close()


def _to_skip(manifest: _Manifest, path: Path, plan: Plan) -> tuple[str | None, Outcome | None]:
    """The SHA-256 the worker should compare the input with, and the outcome to keep if they match;
    (None, None) when the input must be converted whatever its bytes."""
    row = manifest.recorded(path)
    if row is None:
        return None, None
    state, sha256, row_stamp, outputs, outcome = row
    if row_stamp != plan.stamp or sha256 is None:
        return None, None
    if state in DONE:
        if not all((plan.outdir / name).is_file() for name in outputs):
            return None, None
    elif not (state == "failed" and not plan.retry_failed):
        return None, None
    kept = {**outcome, "instances": tuple(outcome.get("instances", ())), "outputs": tuple(outcome.get("outputs", ()))}
    return sha256, Outcome(**kept)


def _lost(path: Path, err: BaseException) -> Outcome:
    """The outcome of a task that raised instead of returning: its workers died, or a bug."""
    from distributed import KilledWorker

    text = f"{type(err).__name__}: {' '.join(str(err).split())}"
    if isinstance(err, KilledWorker):
        reason = f"worker process died ({text}); out of memory?"
    else:
        reason = f"internal error: {text}"
    return Outcome(input=str(path), status="failed", reason=reason)


@contextmanager
def _client(plan: Plan) -> Iterator[Any]:
    import dask
    from distributed import Client, LocalCluster

    if plan.scheduler is not None:
        try:
            client = Client(plan.scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, ValueError, TypeError) as err:
            raise SchedulerError(
                f"--scheduler {plan.scheduler}: cannot connect: {' '.join(str(err).split())}"
            ) from None
        with client:
            yield client
        return
    with (
        dask.config.set(LOCAL_CONFIG),
        LocalCluster(
            n_workers=plan.jobs,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: two batches on one machine do not collide
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def _dashboard(client: Any) -> str | None:
    services = client.scheduler_info().get("services", {})
    return str(client.dashboard_link) if "dashboard" in services else None


def _collect(outdir: Path) -> int:
    """Move every document's parts from ``OUTDIR/.facts-parts/`` into the dataset ``OUTDIR/facts/``,
    replacing the document's earlier parts; the number of documents moved. Renames only."""
    root = outdir / PARTS
    if not root.is_dir():
        return 0
    dataset = outdir / DATASET
    dataset.mkdir(exist_ok=True)
    moved = 0
    for folder in sorted(root.iterdir()):
        if folder.name.startswith("."):
            shutil.rmtree(folder, ignore_errors=True)  # a worker's unfinished parts
            continue
        for old in dataset.glob(f"fy=*/{folder.name}.parquet"):
            old.unlink()
        for part in folder.iterdir():
            partition = dataset / part.name.removesuffix(".parquet")
            partition.mkdir(exist_ok=True)
            os.replace(part, partition / f"{folder.name}.parquet")
        folder.rmdir()
        moved += 1
    root.rmdir()
    return moved


def run(
    paths: Sequence[Path],
    task: Task,
    plan: Plan,
    *,
    progress: bool = False,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> tuple[Outcome, ...]:
    """Convert ``paths`` with ``task`` on Dask; outcomes in input order, as ``converter.batch.run``.

    ``on_outcome`` sees each outcome of a document converted in this run, in input order; inputs
    skipped (done before) are counted on stderr. The progress bar (documents, rate, ETA, failures)
    goes to stderr, and the dashboard's address when the scheduler serves one.
    """
    from distributed import KilledWorker, as_completed
    from tqdm import tqdm

    manifest = _Manifest(plan.outdir / MANIFEST)
    done: dict[int, Outcome] = {}
    fresh: set[int] = set()
    skipped = failed = 0
    next_index = 0
    try:
        manifest.pending(paths)
        checks = [_to_skip(manifest, path, plan) for path in paths]
        with _client(plan) as client:
            client.register_plugin(_Opener(task, plan))
            link = _dashboard(client)
            if link:
                print(f"legacy-xbrl: Dask dashboard: {link}", file=sys.stderr)
            threads = sum(client.nthreads().values()) or 1
            window = max(IN_FLIGHT_MIN, IN_FLIGHT_PER_THREAD * threads)
            todo = iter(range(len(paths)))
            futures: dict[Any, int] = {}
            pool = as_completed()

            # Dask counts a death against every task a dying worker held, queued ones too: a document
            # that kills workers can take a neighbour's count to the limit, and, given again, take it there
            # a second time. A task lost so is given up to LOST_RETRIES more times, each a new task with a
            # count of its own, before its document fails.
            resubmitted: dict[int, int] = {}

            def submit(index: int | None = None) -> None:
                index = next(todo, None) if index is None else index
                if index is None:
                    return
                path = paths[index]
                future = client.submit(_convert, str(path), checks[index][0], _key(path), str(plan.outdir), pure=False)
                futures[future] = index
                pool.add(future)

            for _ in range(window):
                submit()
            with tqdm(total=len(paths), unit="doc", file=sys.stderr, disable=not progress, dynamic_ncols=True) as bar:
                for future in pool:
                    index = futures.pop(future)
                    path = paths[index]
                    try:
                        result = future.result()
                    except KilledWorker as err:
                        if resubmitted.get(index, 0) < LOST_RETRIES:
                            resubmitted[index] = resubmitted.get(index, 0) + 1
                            submit(index)
                            continue
                        result = {"skipped": False, "outcome": asdict(_lost(path, err))}
                    except Exception as err:
                        result = {"skipped": False, "outcome": asdict(_lost(path, err))}
                    finally:
                        future.release()
                    submit()
                    kept = checks[index][1]
                    if result["skipped"] and kept is not None:
                        done[index] = kept
                        skipped += 1
                    else:
                        manifest.record(path, result, plan.stamp)
                        outcome = result["outcome"]
                        done[index] = Outcome(
                            **{
                                **outcome,
                                "instances": tuple(outcome["instances"]),
                                "outputs": tuple(outcome["outputs"]),
                            }
                        )
                        fresh.add(index)
                    failed += done[index].status == "failed"
                    bar.update(1)
                    bar.set_postfix(failed=failed, refresh=False)
                    while next_index in done:
                        if on_outcome is not None and next_index in fresh:
                            with tqdm.external_write_mode(file=sys.stderr):
                                on_outcome(done[next_index])
                        next_index += 1
            client.unregister_worker_plugin(_PLUGIN)
    finally:
        manifest.close()
    if skipped:
        print(
            f"legacy-xbrl: {skipped} documents skipped: done before for the same bytes, options, code and "
            f"taxonomy ({plan.outdir / MANIFEST})",
            file=sys.stderr,
        )
    if plan.table:
        _collect(plan.outdir)
    return tuple(done[i] for i in range(len(paths)))
