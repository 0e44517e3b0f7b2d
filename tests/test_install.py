"""The package as users install it: a built wheel, installed into a fresh virtual environment outside the
repository, converts a sample with the taxonomy it carries (regression: an installed tool looked for
``site-packages/taxonomy/taxonomy.json`` and failed on its first conversion).

The wheel is built without build isolation and installed without its dependencies: the new environment
reaches the dependencies through a ``.pth`` line naming this environment's site-packages, so nothing
is downloaded. Lines in a ``.pth`` file add folders to ``sys.path`` without running the ``.pth`` files
in them, so this checkout's editable install does not leak in: ``converter`` comes from the wheel.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from paths import REPO, SLIDES

pytestmark = pytest.mark.install


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env["XDG_CONFIG_HOME"] = str(cwd / "config")
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    built = _run(
        sys.executable, "-m", "pip", "wheel", REPO, "--no-deps", "--no-build-isolation", "-q", "-w", dist, cwd=dist
    )
    assert built.returncode == 0, built.stderr
    (found,) = dist.glob("legacy_xbrl-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with only the wheel installed; its dependencies come from this environment."""
    home = tmp_path_factory.mktemp("user")
    venv = home / "venv"
    made = _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=home)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    site = _run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=home)
    Path(site.stdout.strip(), "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    pip = _run(
        sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "-q", wheel, cwd=home
    )
    assert pip.returncode == 0, pip.stderr
    return venv


def test_the_wheel_carries_the_taxonomy_as_it_is_in_the_repository(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        shipped = {name: archive.read(name) for name in archive.namelist() if "/taxonomy_data/" in name}
    source = {p.name: p.read_bytes() for p in (REPO / "taxonomy").iterdir() if p.is_file()}
    assert {name.rsplit("/", 1)[1]: data for name, data in shipped.items()} == source
    assert all(name.startswith("converter/taxonomy_data/") for name in shipped)


def test_installed_wheel_converts_a_sample_outside_the_repository(installed: Path) -> None:
    work = installed.parent / "work"
    work.mkdir()
    for path in (SLIDES, SLIDES.with_suffix(".meta.json")):
        shutil.copy(path, work / path.name)
    where = _run(installed / "bin" / "python", "-c", "import converter; print(converter.__file__)", cwd=work)
    assert Path(where.stdout.strip()).is_relative_to(installed), where.stdout + where.stderr

    done = _run(installed / "bin" / "legacy-xbrl", "convert", SLIDES.name, "-o", "out", cwd=work)

    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert f"{SLIDES.name}: 13 facts" in done.stdout
    report = json.loads((work / "out" / f"{SLIDES.stem}.report.json").read_text())
    assert report["findings"] == []
    assert (work / "out" / f"{SLIDES.stem}.xbrl").read_text().count("contextRef=") == 13
    assert (work / "out" / "legacy-xbrl-taxonomy-2025" / "lx-2025-concepts.xsd").is_file()


def test_installed_wheel_serves_the_python_api(installed: Path) -> None:
    work = installed.parent / "api"
    work.mkdir()
    for path in (SLIDES, SLIDES.with_suffix(".meta.json")):
        shutil.copy(path, work / path.name)
    script = (
        f"import converter; c = converter.convert_file({SLIDES.name!r}); c.write('out/s.xbrl'); "
        "print(len(c.facts_rows()), converter.__file__)"
    )
    done = _run(installed / "bin" / "python", "-c", script, cwd=work)
    assert done.returncode == 0, done.stderr
    count, where = done.stdout.split()
    assert count == "13" and Path(where).is_relative_to(installed)
    assert (work / "out" / "s.xbrl").is_file() and (work / "out" / "legacy-xbrl-taxonomy-2025").is_dir()
