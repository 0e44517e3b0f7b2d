"""``convert --executor dask``: a real LocalCluster of 2 worker processes, the same bytes as the process
pool, a manifest that lets a rerun skip what is done, a worker killed mid-batch, the facts as one
Parquet dataset by fiscal year."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from paths import REPO, SAMPLES

pytest.importorskip("distributed", reason="the dask extra is not installed: pip install 'legacy-xbrl[dask]'")
pytest.importorskip("pyarrow", reason="the dask extra is not installed: pip install 'legacy-xbrl[dask]'")

from converter import distributed
from converter.batch import Outcome, expand_inputs
from converter.cli import _ConvertTask, _output_names, _parser, _reserved, main
from converter.outdir import code_digest
from converter.taxonomy import DEFAULT_DIRECTORY

CORPUS = REPO / "corpus"
# A few small corpus documents beside the samples: an 8-K, an exhibit, a bank's release.
CORPUS_FEW = ("amazon_1998-10-28_8-K.txt", "mckesson_1995-06-12_10-K405_ex11.txt", "wellsfargo_1994-02-15_8-K.txt")


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for path in SAMPLES.iterdir():
        shutil.copy(path, folder / path.name)
    for name in CORPUS_FEW:
        shutil.copy(CORPUS / name, folder / name)
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    """Every file's bytes, but the publishing records of ``.legacy-xbrl/`` (each holds its files' mtimes)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not str(p.relative_to(folder)).startswith(".legacy-xbrl/")
    }


def _dask_only(name: str) -> bool:
    return name.startswith((distributed.MANIFEST, distributed.DATASET + "/"))


def test_dask_writes_the_same_bytes_as_the_process_pool(
    inbox: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pool, dask = tmp_path / "pool", tmp_path / "dask"
    assert main(["convert", str(inbox), "-o", str(pool), "--jobs", "1"]) == 0
    first = capsys.readouterr()
    # file:// URLs for the inputs and OUTDIR, as fsspec spells a local path.
    assert main(["convert", f"file://{inbox}", "-o", f"file://{dask}", "--executor", "dask", "--jobs", "2"]) == 0
    second = capsys.readouterr()
    made = _files(dask)
    assert {k: v for k, v in made.items() if not _dask_only(k)} == _files(pool)  # batch-summary.json too
    assert first.out.replace(str(pool), "OUT") == second.out.replace(str(dask), "OUT")
    assert "5 documents: 5 converted" in second.out
    assert any(name.startswith("facts/fy=") for name in made)


def test_with_validate_each_worker_validates_with_its_own_arelle(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: the plugin made the validator in its own thread, and every document failed with
    'a Validator belongs to the thread that created it'."""
    pool, dask = tmp_path / "pool", tmp_path / "dask"
    assert main(["convert", str(SAMPLES), "-o", str(pool), "--validate"]) == 0
    capsys.readouterr()
    assert main(["convert", str(SAMPLES), "-o", str(dask), "--validate", "--executor", "dask", "-j", "2"]) == 0
    out = capsys.readouterr().out
    assert "2 documents: 2 converted" in out and "Arelle: 0 errors, 0 inconsistencies" in out
    assert {k: v for k, v in _files(dask).items() if not _dask_only(k)} == _files(pool)


def test_the_facts_dataset_holds_every_fact_once_by_fiscal_year(inbox: Path, tmp_path: Path) -> None:
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq

    out = tmp_path / "out"
    assert main(["convert", str(inbox), "-o", str(out), "--executor", "dask", "-j", "2"]) == 0
    assert main(["export", str(out), "--to", "parquet", str(tmp_path / "flat.parquet")]) == 0
    flat = pq.read_table(tmp_path / "flat.parquet")
    gathered = ds.dataset(out / "facts", format="parquet", partitioning="hive").to_table()
    assert gathered.num_rows == flat.num_rows > 0

    def keyed(table: object, fy: str) -> set[tuple[object, ...]]:
        rows = table.to_pylist()  # type: ignore[attr-defined]
        return {(r["filing"], r["fact_id"], r["value"], r[fy]) for r in rows}

    assert keyed(gathered, "fy") == keyed(flat, "fy")
    assert not (out / distributed.PARTS).exists()  # every part moved into the dataset
    # A rerun that converts a document again replaces its parts, never adds a second copy.
    (out / distributed.MANIFEST).unlink()
    assert main(["convert", str(inbox), "-o", str(out), "--executor", "dask", "-j", "2"]) == 0
    again = ds.dataset(out / "facts", format="parquet", partitioning="hive").to_table()
    assert again.num_rows == flat.num_rows


def test_without_the_facts_dataset_a_rerun_asking_for_it_converts_again(
    inbox: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    dask = ["--executor", "dask", "-j", "2"]
    assert main(["convert", str(inbox), "-o", str(out), *dask, "--no-facts-dataset"]) == 0
    assert not (out / distributed.DATASET).exists() and not (out / distributed.PARTS).exists()
    capsys.readouterr()
    # Done without their parts, the documents are not skipped when the dataset is asked for.
    assert main(["convert", str(inbox), "-o", str(out), *dask]) == 0
    assert "skipped" not in capsys.readouterr().err
    assert {p.stem.rpartition("-")[0] for p in (out / distributed.DATASET).rglob("*.parquet")} == {
        p.stem for p in expand_inputs([str(inbox)])
    }


def test_a_local_cluster_runs_its_workers_without_what_slowed_each_document(tmp_path: Path) -> None:
    """Regression: with Dask's defaults a worker spent some 15% more CPU per document than a pool worker
    (glibc told to trim at every free, a profiler and monitors waking the worker's event loop)."""

    def settings(dask_worker: Any) -> tuple[object, ...]:
        import dask

        return (
            os.environ.get("MALLOC_TRIM_THRESHOLD_"),
            dask.config.get("distributed.worker.profile.enabled"),
            sorted({"profile", "memory_monitor"} & set(dask_worker.periodic_callbacks)),
        )

    with distributed._client(distributed.Plan(outdir=tmp_path, stamp="test", jobs=2)) as client:
        seen = client.run(settings)
    assert list(seen.values()) == [(None, False, [])] * 2


def _states(out: Path) -> dict[str, str]:
    """The manifest's state of each input by name; empty while the client has not made it yet."""
    if not (out / distributed.MANIFEST).exists():
        return {}
    with sqlite3.connect(out / distributed.MANIFEST) as db:
        try:
            return {Path(i).name: s for i, s in db.execute("SELECT input, state FROM documents")}
        except sqlite3.OperationalError:  # the table is not there yet
            return {}


def test_a_rerun_skips_what_is_done_and_retries_failures_only_when_asked(
    inbox: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    (inbox / "empty.txt").write_bytes(b"")
    dask = ["--executor", "dask", "-j", "2"]
    assert main(["convert", str(inbox), "-o", str(out), *dask]) == 1
    first = capsys.readouterr()
    assert "empty.txt: empty file" in first.err
    assert _states(out) == {**{p.name: "converted" for p in expand_inputs([str(inbox)])}, "empty.txt": "failed"}
    summary = (out / "batch-summary.json").read_bytes()
    stamps = {p: p.stat().st_mtime_ns for p in out.glob("*.xbrl")}

    assert main(["convert", str(inbox), "-o", str(out), *dask]) == 1  # the failure is kept, not retried
    second = capsys.readouterr()
    assert "6 documents skipped" in second.err
    assert "empty file" not in second.err  # not tried again
    assert (out / "batch-summary.json").read_bytes() == summary
    assert {p: p.stat().st_mtime_ns for p in out.glob("*.xbrl")} == stamps  # nothing rewritten

    assert main(["convert", str(inbox), "-o", str(out), *dask, "--retry-failed"]) == 1
    third = capsys.readouterr()
    assert "5 documents skipped" in third.err and "empty.txt: empty file" in third.err

    # New bytes are converted again, flag or not; a changed option converts everything again.
    shutil.copy(SAMPLES / "iij-2002-08-1q02-results-slides.txt", inbox / "empty.txt")
    assert main(["convert", str(inbox), "-o", str(out), *dask]) == 0
    fourth = capsys.readouterr()
    assert "5 documents skipped" in fourth.err and "\nempty.txt: " in "\n" + fourth.out
    assert set(_states(out).values()) == {"converted"}
    assert main(["convert", str(inbox), "-o", str(out), *dask, "--formats", "xbrl,json"]) == 0
    assert "skipped" not in capsys.readouterr().err


def test_a_batch_interrupted_then_rerun_converts_only_what_was_left(inbox: Path, tmp_path: Path) -> None:
    """SIGINT to the client mid-batch: what finished is in the manifest; the rerun does the rest."""
    for n in range(12):
        shutil.copy(CORPUS / CORPUS_FEW[0], inbox / f"copy{n:02}.txt")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "converter", "convert", str(inbox), "-o", str(out), "--executor", "dask"]
    client = subprocess.Popen([*command, "-j", "2"], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        _wait_for(lambda: "converted" in _states(out).values())
        client.send_signal(signal.SIGINT)
        client.communicate(timeout=60)
    finally:
        client.kill()
    done = [name for name, state in _states(out).items() if state == "converted"]
    total = len(expand_inputs([str(inbox)]))
    assert 0 < len(done) < total
    rerun = subprocess.run([*command, "-j", "2"], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{len(done)} documents skipped" in rerun.stderr
    # A line per document converted ("copy03.txt: 12 facts; ..." or "x.txt [EX-99.1]: ...").
    converted_now = {
        line.split(":")[0].split(" [")[0] for line in rerun.stdout.splitlines() if " facts; cells " in line
    }
    assert converted_now == set(_states(out)) - set(done)
    assert f"{total} documents: {total} converted" in rerun.stdout


def _task(inbox: Path, out: Path) -> tuple[list[Path], _ConvertTask]:
    """The inputs of ``inbox`` and the task ``convert INBOX -o OUT`` makes for them."""
    args = _parser().parse_args(["convert", str(inbox), "-o", str(out)])
    paths = expand_inputs([str(inbox)])
    code = code_digest(REPO / "converter", DEFAULT_DIRECTORY)
    names = _output_names(paths)
    task = _ConvertTask(args, ("xbrl", "json", "jsonld"), None, names, code, _reserved(paths, out / "summary.json"))
    return paths, task


def _wait_for(condition: Callable[[], bool], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.05)


@dataclass(frozen=True)
class _SlowTask:
    """The real conversion task, but the document named ``slow.txt`` first writes its worker's pid and
    waits, so that the test can kill that worker while it holds the document."""

    task: _ConvertTask
    marker: Path

    @contextmanager
    def open(self) -> Iterator[Callable[[Path], Outcome]]:
        with self.task.open() as work:

            def slow(path: Path) -> Outcome:
                if path.name == "slow.txt" and not self.marker.exists():
                    self.marker.write_text(str(os.getpid()))
                    time.sleep(30)
                return work(path)

            yield slow


def test_a_worker_killed_mid_batch_loses_no_document(inbox: Path, tmp_path: Path) -> None:
    from distributed import LocalCluster

    shutil.copy(CORPUS / CORPUS_FEW[1], inbox / "slow.txt")
    out, reference = tmp_path / "out", tmp_path / "reference"
    assert main(["convert", str(inbox), "-o", str(reference)]) == 0
    (out / ".legacy-xbrl").mkdir(parents=True)
    paths, convert = _task(inbox, out)
    task = _SlowTask(convert, tmp_path / "pid")
    results: list[tuple[Outcome, ...]] = []
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        plan = distributed.Plan(outdir=out, stamp="test", table=True, scheduler=cluster.scheduler_address)
        runner = threading.Thread(target=lambda: results.append(distributed.run(paths, task, plan)))
        runner.start()
        _wait_for(lambda: task.marker.exists() and task.marker.read_text() != "")
        victim = int(task.marker.read_text())
        assert victim != os.getpid()
        os.kill(victim, signal.SIGKILL)  # the worker holding slow.txt, mid-document
        runner.join(timeout=180)
    assert results, "the batch did not finish"
    outcomes = results[0]
    assert [o.status for o in outcomes] == ["converted"] * len(paths)
    made = {k: v for k, v in _files(out).items() if not _dask_only(k)}
    expected = _files(reference)
    assert {k: v for k, v in made.items() if k.endswith((".xbrl", ".json", ".jsonld"))} == {
        k: v for k, v in expected.items() if k.endswith((".xbrl", ".json", ".jsonld")) and k != "batch-summary.json"
    }


@dataclass(frozen=True)
class _PoisonTask:
    """The real conversion task, but the document named ``poison.txt`` kills whichever worker holds it."""

    task: _ConvertTask

    @contextmanager
    def open(self) -> Iterator[Callable[[Path], Outcome]]:
        with self.task.open() as work:

            def poisoned(path: Path) -> Outcome:
                if path.name == "poison.txt":
                    os.kill(os.getpid(), signal.SIGKILL)
                return work(path)

            yield poisoned


def test_a_document_that_kills_every_worker_fails_alone(inbox: Path, tmp_path: Path) -> None:
    import dask
    from distributed import LocalCluster

    shutil.copy(CORPUS / CORPUS_FEW[1], inbox / "poison.txt")
    out = tmp_path / "out"
    (out / ".legacy-xbrl").mkdir(parents=True)
    paths, convert = _task(inbox, out)
    task = _PoisonTask(convert)
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 1}),
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
    ):
        plan = distributed.Plan(outdir=out, stamp="test", scheduler=cluster.scheduler_address)
        outcomes = distributed.run(paths, task, plan)
    by_name = {Path(o.input).name: o for o in outcomes}
    assert by_name.pop("poison.txt").reason.startswith("worker process died (KilledWorker")  # type: ignore[union-attr]
    assert {o.status for o in by_name.values()} == {"converted"}
    assert _states(out)["poison.txt"] == "failed"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--scheduler", "tcp://127.0.0.1:1"],
            "--scheduler, --retry-failed and --no-facts-dataset go with --executor dask",
        ),
        (["--no-facts-dataset"], "--no-facts-dataset go with --executor dask"),
        (["--executor", "dask", "-o", "s3://bucket/out"], "s3:// is not read here"),
        (["--executor", "dask", "--scheduler", "tcp://127.0.0.1:1"], "--scheduler tcp://127.0.0.1:1: cannot connect"),
    ],
)
def test_usage_errors_are_one_line(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["convert", str(SAMPLES), "-o", str(tmp_path / "out")]
    assert main([*base, *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_without_the_extra_dask_is_a_usage_error_naming_what_to_install(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from converter import cli

    monkeypatch.setattr(cli, "find_spec", lambda name: None)  # as where `distributed` is not installed
    assert main(["convert", str(SAMPLES), "-o", str(tmp_path / "out"), "--executor", "dask"]) == 2
    assert capsys.readouterr().err == ("legacy-xbrl: --executor dask needs Dask: pip install 'legacy-xbrl[dask]'\n")
    assert not (tmp_path / "out").exists()
