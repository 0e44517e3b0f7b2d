"""``make bench``: documents per second, milliseconds per stage, peak memory, Arelle as the reference.

Measures, each document in a fresh worker process (so its peak memory is its own):

- the samples, the corpus in ``../shared/corpus`` (skipped when absent) and synthetic documents
  of 10 KB to 10 MB made by repeating the 6-K sample's tables, for two segments per copy and with
  the years moved back per copy, so that their facts grow with their size (see ``synthetic``);
- per stage: read, segment, tables (columns and observations), map, serialise (XBRL, xBRL-JSON,
  JSON-LD, report), other (the rest of ``convert``: periods, prose), and Arelle's own time to load
  and validate the produced instance (``validate``), the reference the conversion is held to;
- peak resident memory of the worker after converting and writing (before Arelle is loaded, as
  ``legacy-xbrl convert`` runs), then after Arelle has validated the output in the same worker;
- throughput of ``legacy-xbrl convert --validate`` over the samples, the corpus and 24 synthetic
  documents of 100 KB with ``--jobs`` 1 and 2, and what a second process gives pure-Python work on
  this machine just before and after (other work on a shared machine takes cores too).

Writes ``benchmarks/results.json`` and prints a Markdown table. Not a test: nothing here fails.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import unquote

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
CORPUS = Path(os.environ.get("LEGACY_XBRL_CORPUS", REPO.parent / "shared" / "corpus"))
RESULTS = REPO / "benchmarks" / "results.json"
RELEASE_6K = SAMPLES / "iij-2003-08-12-6k-1q03-earnings-release.txt"
SYNTHETIC_SIZES = (10_000, 100_000, 1_000_000, 10_000_000)
CONTEXT_LINES = 8  # lines above a table kept with it: "For the Three Months Ended ..." dates its columns
BATCH_SYNTHETIC = 24  # 100 KB synthetic documents added to the throughput batch
# Copies whose years move back two at a time before two-digit years would leave 1950-2049: the
# 6-K's tables print 2002 and 2003, so 26 copies reach 1952-1953.
YEAR_CYCLE = 26
GROUP_INDENT = 8  # deeper than any row label of the 6-K's tables
STAGES = ("read", "segment", "tables", "map", "serialise", "other", "validate")

# Stage functions as ``converter.pipeline`` names them, and the stage they count towards.
PIPELINE_STAGES = {
    "read_document": "read",
    "segment": "segment",
    "read_tables": "tables",
    "read_observations": "tables",
    "map_observations": "map",
}
_YEAR4 = re.compile(r"(?<!\d)(19|20)(\d\d)(?!\d)")
_YEAR2 = re.compile(r"(?<=[1-4]Q)(\d\d)(?!\d)")


# --- synthetic documents ------------------------------------------------------------------


def _shift_years(text: str, shift: int) -> str:
    """Move every year by ``shift``: "Jun 30, 2003" -> "Jun 30, 2001", "1Q03" -> "1Q01"."""
    text = _YEAR4.sub(lambda m: str(int(m.group(0)) + shift), text)
    return _YEAR2.sub(lambda m: f"{(int(m.group(1)) + shift) % 100:02d}", text)


def _group_heading(name: str) -> str:
    """A heading that opens a segment's rows, as Southern Company prints "Alabama Power -"; indented past
    the rows' own labels so that it is read as a heading, not as the first line of a wrapped label."""
    return f"{' ' * GROUP_INDENT}{name} -"


def synthetic(size: int) -> str:
    """About ``size`` bytes: the 6-K's opening lines, then its tables again and again.

    Each copy prints every table's rows twice, once per segment ("Region 1 -", "Region 2 -"), as
    filings that report by subsidiary or segment do; each copy moves every year back by two (a copy
    spans two fiscal years). After ``YEAR_CYCLE`` copies the years would leave 1950-2049, the window
    two-digit years ("1Q52") are read in, so the years start again and the next two segments begin:
    no copy repeats another's facts, and the facts grow with the text, as in a real filing, instead
    of later copies adding sources to the same facts.
    """
    from converter.read import read_document
    from converter.segment import BlockKind, segment
    from converter.tables import read_tables

    text = RELEASE_6K.read_text(encoding="utf-8")
    lines = text.splitlines()
    # Per table block: its first line (with the context above it), each table's rows, its last line.
    spans: list[tuple[int, list[tuple[int, int]], int]] = []
    for block in segment(read_document(text, RELEASE_6K.name)):
        if block.kind is BlockKind.TABLE:
            numbers = [line.number for line in (*block.caption, *block.lines)]
            rows = [(t.rows[0].lines[0].number, t.rows[-1].lines[-1].number) for t in read_tables(block) if t.rows]
            spans.append((max(1, min(numbers) - CONTEXT_LINES), rows, max(numbers)))

    def tables(segments: tuple[str, ...]) -> str:
        out: list[str] = []
        for first, rows, last in spans:
            at = first
            for row_first, row_last in rows:
                out.extend(lines[at - 1 : row_first - 1])
                for name in segments:
                    out.append(_group_heading(name))
                    out.extend(lines[row_first - 1 : row_last])
                at = row_last + 1
            out.extend(lines[at - 1 : last])
            out.append("")
        return "\n".join(out) + "\n\n"

    out = ["\n".join(lines[:12]) + "\n\n"]
    total, copy = len(out[0]), 0
    while total < size:
        cycle = copy // YEAR_CYCLE
        piece = _shift_years(tables((f"Region {2 * cycle + 1}", f"Region {2 * cycle + 2}")), -2 * (copy % YEAR_CYCLE))
        out.append(piece)
        total += len(piece)
        copy += 1
    document = "".join(out)
    if len(document) > size:  # cut at a line end, and at a table's end when the cut falls in a table
        cut = document.rfind("\n\n", 0, size)
        document = document[: cut if cut > 0 else size] + "\n"
    return document


# --- one document, in a worker process ----------------------------------------------------


@contextmanager
def _timed_stages(spent: dict[str, float]) -> Iterator[None]:
    """Wrap the stage functions ``converter.pipeline`` calls so that each call adds to ``spent``."""
    import converter.pipeline as pipeline

    saved: dict[str, Callable[..., Any]] = {}
    for name, stage in PIPELINE_STAGES.items():
        original = getattr(pipeline, name, None)
        if original is None:
            continue

        def timed(*args: Any, _original: Callable[..., Any] = original, _stage: str = stage, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return _original(*args, **kwargs)
            finally:
                spent[_stage] += time.perf_counter() - started

        saved[name] = original
        setattr(pipeline, name, timed)
    try:
        yield
    finally:
        for name, original in saved.items():
            setattr(pipeline, name, original)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def _write(path: Path, write: Callable[[Any, BinaryIO], None], value: Any) -> None:
    """``write(value, out)`` into the file ``path``: a streaming writer, as the command line calls it."""
    with path.open("wb") as out:
        write(value, out)


def measure(path: Path, options: dict[str, str], repeat: int) -> dict[str, Any]:
    """Convert ``path`` (best of ``repeat``), validate the instance with Arelle; ms per stage and peak memory.

    The outputs are streamed into files in a temporary folder, as the command line writes them, and the
    instance is validated there, its extension schema beside it.
    """
    from converter.mapping import load_mapping_table
    from converter.package import write_package
    from converter.pipeline import Options, convert
    from converter.report import build_report, write_report
    from converter.serialize.extension import write_extension_schema
    from converter.serialize.jsonld import write_jsonld
    from converter.serialize.oim import write_xbrl_json
    from converter.serialize.xbrl import write_xbrl
    from converter.taxonomy import load_taxonomy
    from converter.validate import Validator

    taxonomy = load_taxonomy()
    mapping = load_mapping_table(taxonomy)
    data = path.read_bytes()
    with tempfile.TemporaryDirectory(prefix="lx-bench-") as folder:
        outputs = Path(folder) / "out"
        outputs.mkdir()
        # Conversion first, without Arelle loaded, as `legacy-xbrl convert` runs: its peak is the
        # conversion's own. Warmed up on the sample, so that the timings are the document's own.
        warm = convert(RELEASE_6K.read_bytes(), name="warm.txt", options=Options(), taxonomy=taxonomy, mapping=mapping)
        _write(Path(folder) / "warm.xbrl", write_xbrl, warm)
        baseline = _peak_mb()
        best: dict[str, float] | None = None
        instance = outputs / (path.stem + ".xbrl")
        facts = 0
        for _ in range(repeat):
            spent: dict[str, float] = defaultdict(float)
            started = time.perf_counter()
            try:
                with _timed_stages(spent):
                    result = convert(
                        data, name=path.name, options=Options(**options), taxonomy=taxonomy, mapping=mapping
                    )
            except Exception as err:  # a corpus file may not convert yet: record why
                return {"status": "failed", "reason": f"{type(err).__name__}: {err}"[:300]}
            converted = time.perf_counter()
            _write(instance, write_xbrl, result)
            # The filing's own schema, as the CLI writes it beside the instance: Arelle loads it.
            if result.taxonomy.extension is not None:
                schema = outputs / unquote(result.taxonomy.extension.href)
                _write(schema, write_extension_schema, result)
            _write(outputs / (path.stem + ".json"), write_xbrl_json, result)
            _write(outputs / (path.stem + ".jsonld"), write_jsonld, result)
            _write(outputs / (path.stem + ".report.json"), write_report, build_report(result, None, []))
            spent["serialise"] = time.perf_counter() - converted
            spent["other"] = converted - started - sum(spent[s] for s in ("read", "segment", "tables", "map"))
            if best is None or sum(spent.values()) < sum(best.values()):
                best = dict(spent)
            facts = len(result.facts)
            del result
        peak_convert = _peak_mb()
        # Then Arelle in the same worker, as `--validate` runs it: warmed up on the sample's instance.
        package = write_package(taxonomy, Path(folder) / f"{taxonomy.package_id}.zip")
        with Validator(package) as validator:
            validator.validate(Path(folder) / "warm.xbrl")
            outcome = validator.validate(instance)
        instance_bytes = instance.stat().st_size
    assert best is not None
    best["validate"] = outcome.seconds
    conversion = sum(best[s] for s in STAGES if s != "validate")
    return {
        "status": "converted",
        "facts": facts,
        "instance_bytes": instance_bytes,
        "ms": {stage: round(best.get(stage, 0.0) * 1000, 1) for stage in STAGES},
        "conversion_ms": round(conversion * 1000, 1),
        "conversion_vs_arelle": round(conversion / outcome.seconds, 3) if outcome.seconds else None,
        "arelle_errors": outcome.errors,
        "arelle_inconsistencies": outcome.inconsistencies,
        "peak_mb_baseline": round(baseline, 1),
        "peak_mb_after_convert": round(peak_convert, 1),
        "peak_mb_after_validate": round(_peak_mb(), 1),
    }


def _options_for(path: Path) -> dict[str, str]:
    sidecar = path.with_suffix(".meta.json")
    if not sidecar.is_file():
        return {}
    return {k: str(v) for k, v in json.loads(sidecar.read_text(encoding="utf-8")).items()}


def _in_worker(path: Path, options: dict[str, str], repeat: int) -> dict[str, Any]:
    """Measure in a fresh process: its peak memory is this document's alone."""
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--measure", str(path), "--options", json.dumps(options),
         "--repeat", str(repeat)],
        cwd=REPO, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        return {"status": "failed", "reason": (done.stderr.strip().splitlines() or ["worker died"])[-1][:300]}
    return dict(json.loads(done.stdout))


# --- throughput ---------------------------------------------------------------------------


def throughput(paths: list[Path], jobs: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="lx-bench-out-") as out:
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "converter", "convert", *map(str, paths), "-o", out, "--validate",
             "--jobs", str(jobs)],
            cwd=REPO, capture_output=True, text=True, check=False,
        )  # fmt: skip
        seconds = time.perf_counter() - started
        summary = json.loads((Path(out) / "batch-summary.json").read_text())
    del done
    return {
        "jobs": jobs,
        "documents": len(paths),
        "failed": summary["failed"],
        "seconds": round(seconds, 2),
        "documents_per_second": round(len(paths) / seconds, 2),
    }


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i
    return total


def cpu_control() -> dict[str, float]:
    """What a second process can give on this machine now: pure-Python work, serial vs two processes.

    Other work on a shared machine takes cores too; read ``--jobs`` throughput against this.
    """
    import multiprocessing

    work = [15_000_000] * 2
    started = time.perf_counter()
    for n in work:
        _burn(n)
    serial = time.perf_counter() - started
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pool.map(_burn, [1])  # start the workers before timing
        started = time.perf_counter()
        pool.map(_burn, work)
        parallel = time.perf_counter() - started
    return {"serial_s": round(serial, 2), "two_processes_s": round(parallel, 2), "speedup": round(serial / parallel, 2)}


# --- the run ------------------------------------------------------------------------------


def _row(kind: str, path: Path, size: int, measured: dict[str, Any]) -> dict[str, Any]:
    return {"set": kind, "document": path.name, "bytes": size, **measured}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.run")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--options", default="{}", help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default=",".join(map(str, SYNTHETIC_SIZES)), help="synthetic sizes in bytes")
    args = parser.parse_args(argv)
    if args.measure is not None:
        print(json.dumps(measure(args.measure, json.loads(args.options), args.repeat)))
        return 0

    started = time.perf_counter()
    rows: list[dict[str, Any]] = []
    documents = sorted(SAMPLES.glob("*.txt"))
    corpus = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    if not corpus:
        print(f"corpus: {CORPUS} absent, skipped", file=sys.stderr)
    for kind, paths in (("sample", documents), ("corpus", corpus)):
        for path in paths:
            print(f"{kind}: {path.name}", file=sys.stderr)
            rows.append(_row(kind, path, path.stat().st_size, _in_worker(path, _options_for(path), repeat=3)))
    with tempfile.TemporaryDirectory(prefix="lx-bench-synthetic-") as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            path = Path(folder) / f"synthetic-{size // 1000}k.txt"
            path.write_text(synthetic(size), encoding="utf-8")
            print(f"synthetic: {path.name}", file=sys.stderr)
            repeat = 3 if size <= 100_000 else 1
            rows.append(
                _row("synthetic", path, path.stat().st_size, _in_worker(path, _options_for(RELEASE_6K), repeat))
            )
        # Throughput: the samples, the corpus and 24 100 KB synthetic documents: about 40 s of work with
        # --jobs 1, so that the second or so each worker spends starting (imports, taxonomy, Arelle) is a
        # small part.
        extra = []
        for i in range(BATCH_SYNTHETIC):
            path = Path(folder) / f"batch-{i}.txt"
            path.write_text(synthetic(100_000), encoding="utf-8")
            path.with_suffix(".meta.json").write_bytes(RELEASE_6K.with_suffix(".meta.json").read_bytes())
            extra.append(path)
        batch = [*documents, *corpus, *extra]
        print(f"throughput: {len(batch)} documents, --jobs 1 and 2", file=sys.stderr)
        control_before = cpu_control()
        jobs = [throughput(batch, 1), throughput(batch, 2)]
    results = {
        "machine": {
            "cores": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "arelle": _arelle_version(),
        },
        "documents": rows,
        "checks": _checks(rows, jobs),
        "throughput": jobs,
        "cpu_control": {"before": control_before, "after": cpu_control()},
        "seconds": round(time.perf_counter() - started, 1),
    }
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    print(f"\nwritten {RESULTS.relative_to(REPO)} in {results['seconds']} s", file=sys.stderr)
    return 0


def _arelle_version() -> str:
    from importlib.metadata import version

    return version("arelle-release")


def _checks(rows: list[dict[str, Any]], jobs: list[dict[str, Any]]) -> dict[str, Any]:
    """The targets: conversion cheaper than Arelle's validation; 10 MB in at most 12x 1 MB's time; < 300 MB."""
    synthetic = {
        r["document"]: r for r in rows if r["set"] == "synthetic" and r["status"] == "converted"
    }  # synthetic-1000k.txt, synthetic-10000k.txt
    converted = [r for r in rows if r["status"] == "converted" and r["conversion_vs_arelle"] is not None]
    checks: dict[str, Any] = {
        "conversion_vs_arelle_max": max((r["conversion_vs_arelle"] for r in converted), default=None),
        "conversion_vs_arelle_samples_and_corpus_max": max(
            (r["conversion_vs_arelle"] for r in converted if r["set"] != "synthetic"), default=None
        ),
    }
    one, ten = synthetic.get("synthetic-1000k.txt"), synthetic.get("synthetic-10000k.txt")
    if one is not None and ten is not None:
        ratio = ten["conversion_ms"] / one["conversion_ms"]
        checks["growth_10mb_over_1mb"] = round(ratio, 2)
        checks["growth_ok"] = ratio <= 12
        # The worker's peak converting and writing, as `legacy-xbrl convert` runs; Arelle's validation of
        # the output, in the same worker with --validate, is reported beside it (Arelle's own memory).
        checks["peak_mb_10mb"] = ten["peak_mb_after_convert"]
        checks["memory_ok"] = ten["peak_mb_after_convert"] < 300
        checks["peak_mb_10mb_with_arelle"] = ten["peak_mb_after_validate"]
    if len(jobs) == 2:
        checks["speedup_jobs2"] = round(jobs[1]["documents_per_second"] / jobs[0]["documents_per_second"], 2)
    return checks


def table(results: dict[str, Any]) -> str:
    head = "| set | document | KB | facts | " + " | ".join(STAGES) + " | conv/Arelle | peak MB (convert, + Arelle) |"
    lines = [head, "|" + " --- |" * (head.count("|") - 1)]
    for r in results["documents"]:
        name = r["document"] if len(r["document"]) <= 40 else r["document"][:37] + "..."
        if r["status"] != "converted":
            lines.append(f"| {r['set']} | {name} | {r['bytes'] // 1000} | failed: {r['reason'][:60]} |")
            continue
        ms = " | ".join(f"{r['ms'][s]:.0f}" for s in STAGES)
        lines.append(
            f"| {r['set']} | {name} | {r['bytes'] // 1000} | {r['facts']} | {ms} | "
            f"{r['conversion_vs_arelle']} | {r['peak_mb_after_convert']:.0f}, {r['peak_mb_after_validate']:.0f} |"
        )
    lines.append("")
    for t in results["throughput"]:
        lines.append(
            f"- `--jobs {t['jobs']} --validate`: {t['documents']} documents in {t['seconds']} s, "
            f"{t['documents_per_second']} documents/s ({t['failed']} failed)"
        )
    control = results["cpu_control"]
    lines.append(
        "- control, pure-Python work in 2 processes vs 1: speedup "
        f"{control['before']['speedup']} before, {control['after']['speedup']} after"
    )
    lines.append(f"- checks: {json.dumps(results['checks'])}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
