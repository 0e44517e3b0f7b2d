"""``make bench-dask``: what a document costs on a Dask worker, and what a million would take.

Copies the samples and the repository's corpus ``--copies`` times under new names (sidecars with
them), then converts the lot twice, side by side: with the process pool (``--jobs N``) and with
``--executor dask`` on a ``LocalCluster`` of N workers (the facts dataset gathered too), and once more
with ``--executor dask --validate`` over one copy (Arelle on every instance). From the Dask runs'
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


def _convert(inputs: Path, out: Path, *extra: str) -> float:
    """Wall seconds of one ``legacy-xbrl convert`` (its own process: start-up included)."""
    command = [sys.executable, "-m", "converter", "convert", str(inputs), "-o", str(out), *extra]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):  # 1: a document failed or is invalid, which is data here
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}: {done.stderr[-2000:]}")
    return seconds


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=3, help="copies of each document (default: %(default)s)")
    parser.add_argument("--jobs", type=int, default=2, help="workers, both executors (default: %(default)s)")
    parser.add_argument("--no-validate", action="store_true", help="leave out the --validate run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="legacy-xbrl-bench-") as folder:
        root = Path(folder)
        inputs = root / "in"
        inputs.mkdir()
        count = _inputs(inputs, args.copies)
        jobs = ["--jobs", str(args.jobs)]
        pool_s = _convert(inputs, root / "pool", *jobs)
        dask_s = _convert(inputs, root / "dask", *jobs, "--executor", "dask")
        results: dict[str, Any] = {
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "machine": platform.machine()},
            "documents": count,
            "jobs": args.jobs,
            "throughput": {
                "process_pool_docs_per_s_per_core": count / pool_s / args.jobs,
                "dask_docs_per_s_per_core": count / dask_s / args.jobs,
                "process_pool_wall_s": pool_s,
                "dask_wall_s": dask_s,
            },
            "convert": _costs(_rows(root / "dask")),
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
    t = results["throughput"]
    lines = [
        f"{results['documents']} documents, {results['jobs']} workers, {results['machine']['cpus']} cores",
        "",
        "| executor | wall s | documents/s per core |",
        "| --- | ---: | ---: |",
        f"| process pool | {t['process_pool_wall_s']:.1f} | {t['process_pool_docs_per_s_per_core']:.2f} |",
        f"| dask LocalCluster | {t['dask_wall_s']:.1f} | {t['dask_docs_per_s_per_core']:.2f} |",
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
