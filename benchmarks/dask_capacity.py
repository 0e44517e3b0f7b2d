"""``make bench-dask``: the Dask executor against the process pool, what a document costs on a Dask
worker, and what a million would take.

Copies the samples and the repository's corpus ``--copies`` times under new names (sidecars with
them), then converts the lot side by side, ``--rounds`` times in turns (the order rotating each
round, so that a machine busy with other work weighs on each alike):

- the process pool (``--jobs N``);
- ``--executor dask --no-facts-dataset`` on a ``LocalCluster`` of N workers: the same work as the
  pool, so the difference is what Dask costs;
- ``--executor dask``, as users run it: the facts also gathered into ``OUTDIR/facts/``, which the
  pool does not make (``legacy-xbrl export OUTDIR --to parquet`` gives a pool's user the same table,
  reading the outputs back as the Dask workers do).

Each run is its own ``legacy-xbrl convert`` process; it is measured by its wall-clock time and by the
CPU seconds of all its processes (client, scheduler and nannies, workers; user and system), which
the other work on a shared machine disturbs far less than the wall clock. Then once more
``--executor dask --validate`` over one copy (Arelle on every instance). From the Dask runs'
manifests (``OUTDIR/batch-manifest.sqlite``: each document's seconds on its worker and the worker's
peak memory) it reports the cost per document, median and 95th percentile by input size, and from the
mean the core-hours and the number of cores to convert one million documents in 24 hours.

Writes ``benchmarks/dask_capacity.json`` and prints a Markdown summary. Not a test: nothing here fails.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SOURCES = (REPO / "samples", REPO / "corpus")
RESULTS = REPO / "benchmarks" / "dask_capacity.json"
SIZES = ((10_000, "< 10 KB"), (100_000, "10-100 KB"), (1_000_000, "100 KB-1 MB"), (None, ">= 1 MB"))
MILLION = 1_000_000
DAY_HOURS = 24
TARGET = 0.15  # the bound: the Dask path within 15% of the pool's throughput per core
# (name, flags beside --jobs): the executors compared, the pool first (the others are measured against it).
EXECUTORS = (
    ("process pool", ()),
    ("dask, same work", ("--executor", "dask", "--no-facts-dataset")),
    ("dask, with facts dataset", ("--executor", "dask")),
)


def _inputs(folder: Path, copies: int) -> int:
    """Copies of every sample and corpus document (with its sidecar) in ``folder``; how many inputs."""
    count = 0
    for source in SOURCES:
        for path in sorted(source.iterdir()):
            if path.suffix.lower() not in (".txt", ".htm", ".html") or path.name.endswith(".meta.json"):
                continue
            sidecar = next(
                (s for s in (path.with_name(path.name + ".meta.json"), path.with_suffix(".meta.json")) if s.is_file()),
                None,
            )
            for n in range(copies):
                stem = f"{path.stem}--{n:03}"
                shutil.copy(path, folder / f"{stem}{path.suffix}")
                if sidecar is not None:
                    shutil.copy(sidecar, folder / f"{stem}.meta.json")
                count += 1
    return count


def _convert(inputs: Path, out: Path, *extra: str) -> tuple[float, float]:
    """One ``legacy-xbrl convert`` in its own process (start-up included): its wall seconds, and the
    CPU seconds of it and every process it started and waited for (``wait4``)."""
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "converter", "convert", str(inputs), "-o", str(out), *extra]
    started = time.perf_counter()
    with tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=stderr)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):  # 1: a document failed or is invalid, which is data here
            stderr.seek(0)
            raise SystemExit(f"{' '.join(command)} exited {code}: {stderr.read()[-2000:].decode(errors='replace')}")
    return seconds, usage.ru_utime + usage.ru_stime


def _rows(out: Path) -> list[tuple[int, float, int, str]]:
    with sqlite3.connect(out / "batch-manifest.sqlite") as db:
        query = "SELECT size, seconds, worker_peak_kb, state FROM documents WHERE seconds IS NOT NULL"
        return [(int(r[0] or 0), float(r[1]), int(r[2] or 0), str(r[3])) for r in db.execute(query)]


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _costs(rows: list[tuple[int, float, int, str]]) -> dict[str, Any]:
    """Seconds per document on its worker: overall and by input size; peak worker memory."""
    seconds = [r[1] for r in rows]
    by_size = []
    low = 0
    for high, name in SIZES:
        chosen = [r[1] for r in rows if r[0] >= low and (high is None or r[0] < high)]
        if chosen:
            by_size.append(
                {"size": name, "documents": len(chosen), "median_s": statistics.median(chosen), "p95_s": _p95(chosen)}
            )
        low = high or low
    return {
        "documents": len(rows),
        "failed": sum(1 for r in rows if r[3] == "failed"),
        "mean_s": statistics.fmean(seconds),
        "median_s": statistics.median(seconds),
        "p95_s": _p95(seconds),
        "by_size": by_size,
        "worker_peak_mb": max(r[2] for r in rows) / 1024,
    }


def _plan(mean_s: float) -> dict[str, float]:
    """A million documents in a day at ``mean_s`` core-seconds each (one worker thread per core)."""
    core_hours = MILLION * mean_s / 3600
    return {"core_hours": core_hours, "cores_for_a_day": core_hours / DAY_HOURS}


def _throughput(count: int, jobs: int, runs: dict[str, list[tuple[float, float]]]) -> dict[str, Any]:
    """Per executor, over its rounds: wall and CPU seconds, documents/s per core, CPU s per document,
    and both against the pool's (``vs_pool``: the executor's throughput per core over the pool's)."""
    table: dict[str, Any] = {}
    for name, measured in runs.items():
        wall = sum(m[0] for m in measured)
        cpu = sum(m[1] for m in measured)
        documents = count * len(measured)
        table[name] = {
            "rounds": len(measured),
            "wall_s": [round(m[0], 1) for m in measured],
            "cpu_s": [round(m[1], 1) for m in measured],
            "docs_per_s_per_core": documents / wall / jobs,
            "cpu_s_per_doc": cpu / documents,
        }
    pool = table[EXECUTORS[0][0]]
    for row in table.values():
        row["wall_vs_pool"] = row["docs_per_s_per_core"] / pool["docs_per_s_per_core"]
        row["cpu_vs_pool"] = pool["cpu_s_per_doc"] / row["cpu_s_per_doc"]
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=3, help="copies of each document (default: %(default)s)")
    parser.add_argument("--jobs", type=int, default=2, help="workers, every executor (default: %(default)s)")
    parser.add_argument("--rounds", type=int, default=1, help="turns of the executors (default: %(default)s)")
    parser.add_argument("--no-validate", action="store_true", help="leave out the --validate run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="legacy-xbrl-bench-") as folder:
        root = Path(folder)
        inputs = root / "in"
        inputs.mkdir()
        count = _inputs(inputs, args.copies)
        jobs = ("--jobs", str(args.jobs))
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name, _ in EXECUTORS}
        for turn in range(args.rounds):
            for index in range(len(EXECUTORS)):
                ordinal = (index + turn) % len(EXECUTORS)
                name, flags = EXECUTORS[ordinal]
                runs[name].append(_convert(inputs, root / f"out{ordinal}", *jobs, *flags))
                print(f"round {turn + 1}, {name}: {runs[name][-1][0]:.1f} s wall", file=sys.stderr, flush=True)
        results: dict[str, Any] = {
            "machine": {
                "cpus": os.cpu_count(),
                "python": platform.python_version(),
                "machine": platform.machine(),
                "load_average_1_5_15": [round(x, 2) for x in os.getloadavg()],
            },
            "documents": count,
            "jobs": args.jobs,
            "throughput": _throughput(count, args.jobs, runs),
            # The costs users see: the last round's run with the facts dataset.
            "convert": _costs(_rows(root / f"out{len(EXECUTORS) - 1}")),
        }
        results["convert"]["million_in_a_day"] = _plan(results["convert"]["mean_s"])
        if not args.no_validate:
            one = root / "one"
            one.mkdir()
            for path in inputs.iterdir():
                if "--000" in path.name:
                    shutil.copy(path, one / path.name)
            _convert(one, root / "validated", *jobs, "--executor", "dask", "--validate")
            results["convert_validate"] = _costs(_rows(root / "validated"))
            results["convert_validate"]["million_in_a_day"] = _plan(results["convert_validate"]["mean_s"])
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(_markdown(results))


def _markdown(results: dict[str, Any]) -> str:
    throughput = results["throughput"]
    rounds = next(iter(throughput.values()))["rounds"]
    lines = [
        f"{results['documents']} documents a run, each executor {rounds} run(s) "
        f"({results['documents'] * rounds * len(throughput):,} conversions), {results['jobs']} workers each, "
        f"{results['machine']['cpus']} cores, load average {results['machine']['load_average_1_5_15'][2]} (15 min)",
        "",
        "| executor | wall s | documents/s per core | vs pool | CPU s per document (all processes) | vs pool |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, row in throughput.items():
        lines.append(
            f"| {name} | {sum(row['wall_s']):.1f} | {row['docs_per_s_per_core']:.2f} | {row['wall_vs_pool']:.0%} "
            f"| {row['cpu_s_per_doc']:.3f} | {row['cpu_vs_pool']:.0%} |"
        )
    same = throughput[EXECUTORS[1][0]]

    def verdict(share: float) -> str:
        return f"{share:.0%} of the pool's, {'within' if share >= 1 - TARGET else 'NOT within'} {TARGET:.0%}"

    lines += [
        "",
        f"Dask doing the pool's work, throughput per core: by CPU seconds {verdict(same['cpu_vs_pool'])}; "
        f"by the wall clock {verdict(same['wall_vs_pool'])} (the wall clock also counts what else the machine ran).",
    ]
    for name in ("convert", "convert_validate"):
        if name not in results:
            continue
        c = results[name]
        plan = c["million_in_a_day"]
        lines += [
            "",
            f"**{name.replace('_', ' --')}**: {c['documents']} documents, median {c['median_s']:.3f} s, "
            f"p95 {c['p95_s']:.3f} s, mean {c['mean_s']:.3f} s; worker peak {c['worker_peak_mb']:.0f} MB; "
            f"a million: {plan['core_hours']:.0f} core-hours, {plan['cores_for_a_day']:.0f} cores for a day",
            "",
            "| input size | documents | median s | p95 s |",
            "| --- | ---: | ---: | ---: |",
        ]
        lines += [f"| {s['size']} | {s['documents']} | {s['median_s']:.3f} | {s['p95_s']:.3f} |" for s in c["by_size"]]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
