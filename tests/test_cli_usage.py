"""The command line's own words: --help that describes the tool, a help line with its default for every
option, usage errors on one line, and ``validate`` taking output folders as ``load`` does."""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from paths import RELEASE_6K, SLIDES

from converter import cli
from converter.cli import main


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    (action,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_top_level_help_describes_the_tool(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "Turn legacy financial filings" in out
    assert "argument parsing" not in out and "main(argv)" not in out  # not the module's docstring
    for command in ("convert", "taxonomy", "validate", "crosscheck", "load"):
        assert re.search(rf"^\s+{command}\b", out, re.MULTILINE), command
    assert "legacy-xbrl validate out" in out  # the examples


@pytest.mark.parametrize("command", sorted(_subparsers(cli._parser())))
def test_every_option_has_a_help_line_with_its_default(command: str) -> None:
    parser = _subparsers(cli._parser())[command]
    assert parser.description, f"{command} has no description"
    for action in parser._actions:
        if action.help == argparse.SUPPRESS or isinstance(action, argparse._HelpAction):
            continue
        assert action.help, f"{command} {action.dest}: no help"
        if action.option_strings:
            assert "default" in action.help or "required" in action.help, f"{command} {action.option_strings}"
        if action.default not in (None, False, argparse.SUPPRESS):
            rendered = action.help % {"default": action.default}
            assert str(action.default) in rendered, f"{command} {action.option_strings}: default not shown"


@pytest.mark.parametrize(
    "argv",
    [["convert"], ["convert", "x.txt", "-o"], ["bogus"], ["convert", "x.txt", "-o", "out", "--jobs", "two"], []],
    ids=["missing", "no-value", "unknown-command", "bad-type", "nothing"],
)
def test_usage_errors_are_one_line(argv: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "converter", *argv], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1, done.stderr
    assert done.stderr.startswith("legacy-xbrl") and "error:" in done.stderr and "--help)" in done.stderr
    assert done.stdout == ""


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("validate") / "out"
    assert main(["convert", str(SLIDES), str(RELEASE_6K), "-o", str(out), "--formats", "xbrl,json,ixbrl"]) == 0
    return out


def test_validate_takes_a_folder(outputs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["validate", str(outputs)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"{outputs / SLIDES.stem}.xbrl: 0 errors, 0 inconsistencies, 0 warnings",
        f"{outputs / RELEASE_6K.stem}.xbrl: 0 errors, 0 inconsistencies, 0 warnings",
    ]


def test_validate_takes_a_folder_of_inline_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(SLIDES), "-o", str(out), "--formats", "ixbrl"]) == 0
    capsys.readouterr()
    assert main(["validate", str(out)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{out / SLIDES.stem}.html: 0 errors, 0 inconsistencies, 0 warnings"
    ]


def test_validate_a_folder_with_a_broken_instance_fails_one_line_per_problem(
    outputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = outputs / "broken.xbrl"
    broken.write_text((outputs / f"{RELEASE_6K.stem}.xbrl").read_text().replace(">8344046000<", ">8344946000<"))
    try:
        capsys.readouterr()
        assert main(["validate", str(outputs)]) == 1
        lines = capsys.readouterr().out.splitlines()
    finally:
        broken.unlink()
    problems = [line for line in lines if line.startswith(f"{broken}:") and "[" in line]
    assert problems and all("calc11e:inconsistentCalculationUsingRounding" in line for line in problems)
    assert len(lines) == len(problems) + 3  # then one count line per instance


def test_validate_refuses_an_empty_folder_and_a_missing_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(tmp_path)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"legacy-xbrl: {tmp_path}: no instances in the folder (*.xbrl, or Inline XBRL <stem>.html)"
    ]
    assert main(["validate", str(tmp_path / "gone.xbrl")]) == 2
    assert capsys.readouterr().err.splitlines() == [f"legacy-xbrl: no such file or folder: {tmp_path / 'gone.xbrl'}"]


def test_debug_before_the_command_is_kept(tmp_path: Path) -> None:
    """Regression: each command's own --debug (default off) overwrote ``legacy-xbrl --debug COMMAND``."""
    args = cli._parser().parse_args(["--debug", "convert", "x.txt", "-o", str(tmp_path)])
    assert args.debug is True
    assert cli._parser().parse_args(["convert", "x.txt", "-o", str(tmp_path), "--debug"]).debug is True
    assert cli._parser().parse_args(["convert", "x.txt", "-o", str(tmp_path)]).debug is False


def test_a_reader_that_goes_away_ends_the_run_quietly(tmp_path: Path) -> None:
    """``legacy-xbrl convert ... | head -1``: no 'Broken pipe' internal error, let alone two."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for n in range(20):  # more than are converted before the reader goes away
        shutil.copy(SLIDES, inputs / f"s{n}.txt")
    command = [sys.executable, "-m", "converter", "convert", str(inputs), "-o", str(tmp_path / "out")]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()  # as `head -1` does after its line
        stderr = process.stderr.read()
        code = process.wait(timeout=120)
    assert b"legacy-xbrl-taxonomy-2025" in first
    assert stderr == b""
    assert code == 141
