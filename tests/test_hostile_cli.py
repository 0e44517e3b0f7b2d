"""The command line under hostile input: one line per failure, outputs inside OUTDIR, never half-written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
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
    taxonomy_copy = out / "legacy-xbrl-taxonomy-2025"
    for written in out.rglob("*"):
        if STATE not in written.parts:
            assert written.resolve().parent in {out.resolve(), taxonomy_copy.resolve()}


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
    assert sorted(p.name for p in out.iterdir()) == [STATE, "batch-summary.json", "legacy-xbrl-taxonomy-2025"]


def test_write_failing_midway_leaves_no_partial_set(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills up after two of the four files: the two are taken back, no temp file is left."""
    real_replace = os.replace
    calls: list[str] = []

    def failing_replace(src: str, dst: str) -> None:
        if "legacy-xbrl-taxonomy-2025" in str(dst):  # the taxonomy copy, written before any document
            real_replace(src, dst)
            return
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


# --- bounded input -----------------------------------------------------------------------------------------


def _convert_in_a_process(*args: str) -> subprocess.CompletedProcess[str]:
    """The command line in its own process, so that a hang is a test failure, not a hung test run."""
    command = [sys.executable, "-m", "converter", "convert", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def test_a_fifo_is_refused_not_read(tmp_path: Path) -> None:
    """Regression: a FIFO given as an input hung the batch forever."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    done = _convert_in_a_process(str(fifo), str(RELEASE_6K), "-o", str(tmp_path / "out"))
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [f"legacy-xbrl: {fifo}: a FIFO, not a regular file: refused"]
    assert (tmp_path / "out" / f"{RELEASE_6K.stem}.xbrl").exists()  # the batch went on


def test_a_symlink_to_a_device_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Regression: an input that is a symlink to /dev/zero was read until memory ran out."""
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    assert main(["convert", str(link), "-o", str(tmp_path / "out")]) == 1
    err = _stderr_lines(capsys)
    assert err == [f"legacy-xbrl: {link}: a character device, not a regular file: refused"]


def test_a_socket_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        assert main(["convert", str(path), "-o", str(tmp_path / "out")]) == 1
    assert _stderr_lines(capsys) == [f"legacy-xbrl: {path}: a socket, not a regular file: refused"]


def test_an_input_over_max_bytes_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(RELEASE_6K), "-o", str(out), "--max-bytes", "1000"]) == 1
    (line,) = _stderr_lines(capsys)
    assert f"{len(GOOD):,} bytes: bigger than --max-bytes 1,000; refused" in line
    assert main(["convert", str(RELEASE_6K), "-o", str(out), "--max-bytes", str(len(GOOD))]) == 0
    assert main(["convert", str(RELEASE_6K), "-o", str(out), "--max-bytes", "0"]) == 2


def test_an_overlong_line_is_unreadable_not_copied(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Regression: a 200 MB table line wrote a 600 MB report holding the line three times."""
    source = tmp_path / "long.txt"
    source.write_bytes(GOOD + b"Total revenues " + b"   1,234" * (cli.MAX_LINE_CHARS // 8 + 1) + b"\n")
    out = tmp_path / "out"
    assert main(["convert", str(source), "-o", str(out)]) == 1
    (line,) = _stderr_lines(capsys)
    number = GOOD.count(b"\n") + 1
    assert f"line {number} is longer than 1,000,000 characters: unreadable as a filing" in line
    assert len(line) < 300
    assert not list(out.glob("long.*"))


def test_the_report_never_repeats_a_long_line_at_length(tmp_path: Path) -> None:
    """A 40,000-character table line under the limit: every finding on it quotes it in part only."""
    lines = GOOD.decode("utf-8").split("\n")
    at = next(n for n, text in enumerate(lines) if "Total" in text)
    lines.insert(at + 1, "Other revenue items " + "   1,234" * 5000)
    source = tmp_path / "wide.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["convert", str(source), "-o", str(out), "--fiscal-year-end", "03-31", "--formats", "json"]) == 0
    report = (out / "wide.report.json").read_text(encoding="utf-8")
    assert "1,234" * 100 not in report.replace("   ", "")  # no quote longer than a few hundred characters
    assert "more characters)" in report
    assert len(report) < 1000 * len(json.loads(report)["findings"]) + 100_000


# --- minor ----------------------------------------------------------------------------------------------------


def test_summary_in_a_place_that_cannot_be_written_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: --summary on a read-only place gave "internal error: OSError"."""
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["convert", str(RELEASE_6K), "-o", str(tmp_path / "out"), "--summary", str(blocker / "s.json")]) == 2
    (line,) = _stderr_lines(capsys)
    assert line.startswith("legacy-xbrl: --summary ") and "internal error" not in line
    assert not (tmp_path / "out" / f"{RELEASE_6K.stem}.xbrl").exists()  # refused before converting
    if Path("/proc/version").exists():  # a read-only file system, even for root
        assert main(["convert", str(RELEASE_6K), "-o", str(tmp_path / "out"), "--summary", "/proc/s.json"]) in (1, 2)
        (line,) = _stderr_lines(capsys)[-1:]
        assert "/proc/s.json" in line and "internal error" not in line


@pytest.mark.parametrize("day", ["02-30", "04-31", "13-01", "00-10", "02-31"])
def test_fiscal_year_end_must_be_a_day_of_the_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], day: str
) -> None:
    assert main(["convert", str(RELEASE_6K), "-o", str(tmp_path), "--fiscal-year-end", day]) == 2
    assert "expected MM-DD" in capsys.readouterr().err


def test_fiscal_year_end_february_29_is_accepted(tmp_path: Path) -> None:
    assert (
        main(["convert", str(RELEASE_6K), "-o", str(tmp_path), "--fiscal-year-end", "02-29", "--formats", "xbrl"]) == 0
    )


def test_names_with_control_characters_print_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Regression: a file name holding ESC or a newline was printed raw (a terminal obeys the escape)."""
    name = "evil\x1b[2Jname\nsecond.txt"
    (tmp_path / name).write_bytes(b"")
    assert main(["convert", str(tmp_path / name), "-o", str(tmp_path / "out")]) == 1
    captured = capsys.readouterr()
    for text in (captured.out, captured.err):
        assert "\x1b" not in text
    (line,) = captured.err.strip().splitlines()
    assert "evil\\x1b[2Jname\\x0asecond.txt" in line
