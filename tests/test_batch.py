"""Batch conversion: folders and globs, a process pool, failures that do not stop the batch, the summary."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from paths import RELEASE_6K, SAMPLES, SLIDES

from converter.batch import BatchError, expand_inputs
from converter.cli import main


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    """The samples with their sidecars, and one document that cannot be read."""
    folder = tmp_path / "in"
    folder.mkdir()
    for path in SAMPLES.iterdir():
        shutil.copy(path, folder / path.name)
    (folder / "empty.txt").write_bytes(b"")
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_jobs_do_not_change_a_byte(inbox: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    assert main(["convert", str(inbox), "-o", str(serial)]) == 1  # empty.txt failed
    first = capsys.readouterr()
    assert main(["convert", str(inbox), "-o", str(parallel), "--jobs", "2"]) == 1
    second = capsys.readouterr()
    assert _files(serial) == _files(parallel)
    assert first.out == second.out  # per-document lines in input order, then the summary
    assert sorted(_files(serial)) == sorted(
        [
            f"{stem}{suffix}"
            for stem in (RELEASE_6K.stem, SLIDES.stem)
            for suffix in (".xbrl", ".json", ".jsonld", ".report.json")
        ]
        + ["batch-summary.json"]
    )


def test_a_failed_document_does_not_stop_the_batch(
    inbox: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(inbox), "-o", str(out), "-j", "2"]) == 1
    captured = capsys.readouterr()
    assert "empty.txt: empty file" in captured.err
    assert "3 documents: 2 converted, 0 invalid, 1 failed (empty.txt: empty file" in captured.out
    summary = json.loads((out / "batch-summary.json").read_text())
    assert (summary["documents"], summary["converted"], summary["failed"]) == (3, 2, 1)
    by_name = {Path(o["input"]).name: o for o in summary["outcomes"]}
    assert by_name["empty.txt"]["status"] == "failed" and "empty file" in by_name["empty.txt"]["reason"]
    assert by_name[RELEASE_6K.name]["facts"] == summary["facts"] - by_name[SLIDES.name]["facts"]
    assert not list(out.glob(".convert-*")) and not list(out.glob(".*.tmp"))  # no temporary files left behind


def test_validate_in_workers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    main(["convert", str(SAMPLES / "*.txt"), "-o", str(out), "--validate", "--jobs", "2", "--progress"])
    captured = capsys.readouterr()
    for stem in (RELEASE_6K.stem, SLIDES.stem):
        report = json.loads((out / f"{stem}.report.json").read_text())
        assert report["validation"] is not None and report["validation"]["errors"] == 0
    summary = json.loads((out / "batch-summary.json").read_text())
    assert all(o["validation"] is not None for o in summary["outcomes"])
    assert "2/2" in captured.err and "doc/s" in captured.err  # the progress bar: done, rate


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(RELEASE_6K), "-o", str(tmp_path), "--formats", "xbrl"]) == 0
    assert "doc/s" not in capsys.readouterr().err


def test_expand_inputs(inbox: Path, tmp_path: Path) -> None:
    from_folder = expand_inputs([str(inbox)])
    assert [p.name for p in from_folder] == sorted(p.name for p in inbox.glob("*.txt"))  # no .meta.json
    assert expand_inputs([str(inbox / "iij-*.txt"), str(inbox / "iij-2003*")]) == [
        inbox / SLIDES.name,
        inbox / RELEASE_6K.name,
    ]
    with pytest.raises(BatchError, match="no documents"):
        expand_inputs([str(tmp_path / "*.nothing")])
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(RELEASE_6K, other / RELEASE_6K.name)
    # The same name in two folders: both kept, their outputs are named apart (see test_same_names_...).
    assert len(expand_inputs([str(inbox), str(other)])) == len(from_folder) + 1


def test_bad_batch_usage_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(tmp_path / "*.txt"), "-o", str(tmp_path / "out")]) == 2
    assert "no documents" in capsys.readouterr().err
    assert main(["convert", str(RELEASE_6K), "-o", str(tmp_path / "out"), "--jobs", "0"]) == 2
