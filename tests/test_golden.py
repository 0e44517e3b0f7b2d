"""Golden pairs: every ``samples/X.txt`` converts to exactly ``tests/golden/X.*``.

The golden files change only through ``make golden``; read the diff before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from paths import GOLDEN, SAMPLES

from converter.cli import main

SUFFIXES = (".xbrl", ".json", ".jsonld", ".report.json")
SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("golden")
    assert main(["convert", *map(str, SAMPLE_FILES), "-o", str(out)]) == 0
    return out


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("suffix", SUFFIXES)
def test_output_matches_golden(converted: Path, sample: Path, suffix: str) -> None:
    golden = GOLDEN / f"{sample.stem}{suffix}"
    assert golden.exists(), f"{golden} is missing: run `make golden` and read the diff"
    produced = (converted / f"{sample.stem}{suffix}").read_bytes()
    assert produced == golden.read_bytes(), (
        f"{sample.name}{suffix} differs from golden: run `make golden` and read the diff"
    )


def test_every_sample_has_golden_files() -> None:
    assert SAMPLE_FILES, "no samples"
    stems = {p.name.split(".")[0] for p in GOLDEN.iterdir() if p.is_file()}
    assert {p.stem for p in SAMPLE_FILES} <= stems
