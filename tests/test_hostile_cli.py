"""The command line under hostile input: one line per failure, outputs inside OUTDIR, never half-written."""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

import pytest
from paths import RELEASE_6K

from converter import cli
from converter.cli import main
from converter.model import Result
from converter.outdir import STATE

GOOD = RELEASE_6K.read_bytes()


def _stderr_lines(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return [line for line in capsys.readouterr().err.splitlines() if line.strip()]


def test_outputs_stay_inside_outdir(tmp_path: Path) -> None:
    """Regression: an input named "..txt" has the stem ".", and OUTDIR / "." is OUTDIR itself, so
    its outputs were written beside the output folder ("out.xbrl") instead of in it."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    odd = inputs / "..txt"
    odd.write_bytes(GOOD)
    dots = inputs / "...txt"
    dots.write_bytes(GOOD)
    out = tmp_path / "out"
    main(["convert", str(odd), str(dots), "-o", str(out), "--formats", "xbrl", "--fiscal-year-end", "03-31"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]
    for written in out.rglob("*"):
        if STATE not in written.parts:
            assert written.resolve().parent == out.resolve()


def test_symlinked_output_is_left_alone_not_followed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A symlink planted where an output goes is not the tool's: left as it is, its target untouched,
    the document failed in one line."""
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    out = tmp_path / "out"
    out.mkdir()
    (out / f"{RELEASE_6K.stem}.xbrl").symlink_to(victim)
    assert main(["convert", str(RELEASE_6K), "-o", str(out), "--formats", "xbrl"]) == 1
    err = _stderr_lines(capsys)
    assert len(err) == 1 and "was not written by legacy-xbrl for this input: left alone" in err[0]
    assert victim.read_text() == "keep me"
    assert (out / f"{RELEASE_6K.stem}.xbrl").is_symlink()


def test_unwritable_outdir_exit_2_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["convert", str(RELEASE_6K), "-o", str(blocker / "out")]) == 2
    err = _stderr_lines(capsys)
    assert len(err) == 1 and "output folder" in err[0]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_read_only_outdir_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir(mode=0o500)
    assert main(["convert", str(RELEASE_6K), "-o", str(out)]) == 2
    assert len(_stderr_lines(capsys)) == 1


def test_serialiser_failing_midway_leaves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The JSON-LD writer dies halfway through its file, after the instance was written: no file of that
    document, no partial file, no temp file."""

    def broken(result: Result, out: BinaryIO) -> None:
        out.write(b'{\n  "@context": ')
        raise RuntimeError("disk on fire\nsecond line of the message")

    monkeypatch.setitem(cli.FORMATS, "jsonld", (".jsonld", broken))
    out = tmp_path / "out"
    assert main(["convert", str(RELEASE_6K), "-o", str(out)]) == 1
    err = _stderr_lines(capsys)
    assert len(err) == 1, err
    assert str(RELEASE_6K) in err[0] and "disk on fire" in err[0] and "Traceback" not in err[0]
    assert not [p for p in out.iterdir() if p.name.startswith(RELEASE_6K.stem) or p.name.startswith(".convert-")]


def test_disk_full_while_writing_leaves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills up in the middle of the xBRL-JSON file: one line naming it, no file of that document."""

    def filling(result: Result, out: BinaryIO) -> None:
        out.write(b'{\n  "documentInfo": ')
        raise OSError(28, "No space left on device")

    monkeypatch.setitem(cli.FORMATS, "json", (".json", filling))
    out = tmp_path / "out"
    assert main(["convert", str(RELEASE_6K), "-o", str(out)]) == 1
    err = _stderr_lines(capsys)
    assert len(err) == 1, err
    assert f"cannot write {out / RELEASE_6K.stem}.json: No space left on device" in err[0]
    assert sorted(p.name for p in out.iterdir()) == [STATE, "batch-summary.json"]


def test_write_failing_midway_leaves_no_partial_set(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills up after two of the four files: the two are taken back, no temp file is left."""
    real_replace = os.replace
    calls: list[str] = []

    def failing_replace(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(cli.os, "replace", failing_replace)
    out = tmp_path / "out"
    other = tmp_path / "other.txt"
    other.write_bytes(GOOD)
    assert main(["convert", str(RELEASE_6K), str(other), "-o", str(out), "--fiscal-year-end", "03-31"]) == 1
    err = _stderr_lines(capsys)
    assert len(err) == 1 and "No space left on device" in err[0]
    assert not [p for p in out.iterdir() if p.name.startswith((RELEASE_6K.stem, ".convert-"))]
    assert (out / "other.xbrl").exists() and (out / "other.report.json").exists()  # the batch went on


def test_undecodable_file_name(tmp_path: Path) -> None:
    """A file name that is not UTF-8 (Latin-1 bytes on a Linux disk) still converts; its name is
    written readably, not as a lone surrogate that UTF-8 cannot encode."""
    name = os.fsdecode(b"caf\xe9.txt")
    try:
        (tmp_path / name).write_bytes(GOOD)
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system refuses non-UTF-8 names")
    out = tmp_path / "out"
    assert main(["convert", str(tmp_path / name), "-o", str(out), "--fiscal-year-end", "03-31"]) == 0
    report = (out / os.fsdecode(b"caf\xe9.report.json")).read_text(encoding="utf-8")
    assert "caf\\\\xe9.txt" in report
