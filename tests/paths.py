"""Where the tests find the repository's samples, golden files and the shared corpus."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
GOLDEN = REPO / "tests" / "golden"
SHARED = REPO.parent / "shared"
RELEASE_6K = SAMPLES / "iij-2003-08-12-6k-1q03-earnings-release.txt"
SLIDES = SAMPLES / "iij-2002-08-1q02-results-slides.txt"
