"""``legacy-xbrl crosscheck``: the slides' JPY9.9B against the 6-K's 9,849,202 thousand, and nothing else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from paths import RELEASE_6K, SLIDES

from converter.cli import main


def test_crosscheck_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(SLIDES), str(RELEASE_6K), "-o", str(out), "--formats", "json"]) == 0
    capsys.readouterr()
    target = tmp_path / "disagreements.json"
    assert main(["crosscheck", str(out), "-o", str(target)]) == 0
    printed = capsys.readouterr().out
    assert "2 documents compared; 1 disagreements beyond precision" in printed
    rows = json.loads(target.read_text())["disagreements"]
    assert len(rows) == 1
    assert rows[0]["aspects"]["concept"] == "lx:Revenues"
    assert sorted(r["value"] for r in rows[0]["reports"]) == ["9849202000", "9900000000"]


def test_crosscheck_missing_folder_is_usage_error(tmp_path: Path) -> None:
    assert main(["crosscheck", str(tmp_path / "nope")]) == 2
