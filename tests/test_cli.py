"""The command line as a user meets it: outputs, errors, exit codes, Arelle on the output."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from paths import RELEASE_6K

from converter import cli
from converter.cli import main
from converter.mapping import MappingTable
from converter.outdir import STATE
from converter.taxonomy import Taxonomy


def test_convert_writes_instance_report_and_validates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(RELEASE_6K), "-o", str(out), "--validate"]) == 0
    stem = RELEASE_6K.stem
    assert sorted(p.name for p in out.iterdir() if p.name != STATE) == sorted(
        [f"{stem}{s}" for s in (".xbrl", ".json", ".jsonld", ".report.json")]
        + ["batch-summary.json", "legacy-xbrl-taxonomy-2025"]
    )
    report = json.loads((out / f"{stem}.report.json").read_text())
    assert report["validation"]["errors"] == 0
    assert report["validation"]["inconsistencies"] == 0
    assert report["cells"]["unaccounted"] == 0
    assert report["cells"]["total"] == report["cells"]["tagged"] + sum(report["cells"]["skipped"].values())
    assert any("IncomeTaxExpenseBenefit" in c["message"] for c in report["conflicts"])
    assert report["entity"]["identifier"] == "0001090633"  # from the sidecar metadata
    assert "Arelle: 0 errors, 0 inconsistencies" in capsys.readouterr().out


def test_validate_command_flags_a_broken_total(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(RELEASE_6K), "-o", str(out), "--formats", "xbrl"]) == 0
    instance = out / f"{RELEASE_6K.stem}.xbrl"
    assert main(["validate", str(instance)]) == 0
    broken = out / "broken.xbrl"  # beside the taxonomy copy its schemaRef points to
    broken.write_text(instance.read_text().replace(">8344046000<", ">8344946000<"))
    capsys.readouterr()
    assert main(["validate", str(broken)]) == 1
    assert "calc11e:inconsistentCalculationUsingRounding" in capsys.readouterr().out


def test_taxonomy_package(tmp_path: Path) -> None:
    target = tmp_path / "lx.zip"
    assert main(["taxonomy", "-o", str(target)]) == 0
    names = zipfile.ZipFile(target).namelist()
    assert any(n.endswith("META-INF/taxonomyPackage.xml") for n in names)
    assert any(n.endswith("META-INF/catalog.xml") for n in names)


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty file"), (b"%PDF-1.4\x00\x00binary", "PDF document"), (b"\x00\x01\x02\x03" * 64, "binary data")],
)
def test_bad_input_one_line_error_no_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, reason: str
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    out = tmp_path / "out"
    assert main(["convert", str(bad), str(RELEASE_6K), "-o", str(out), "--formats", "xbrl"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(bad) in err[0] and reason in err[0]
    assert "Traceback" not in err[0]
    assert not list(out.glob("bad.*"))
    assert (out / f"{RELEASE_6K.stem}.xbrl").exists()  # the batch went on


def test_bad_usage_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(RELEASE_6K), "-o", str(tmp_path), "--fiscal-year-end", "31-03"]) == 2
    assert "MM-DD" in capsys.readouterr().err
    assert main(["convert", str(RELEASE_6K), "-o", str(tmp_path), "--formats", "pdf"]) == 2
    assert main(["frobnicate"]) == 2


def test_module_entry_point(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "converter", "convert", str(RELEASE_6K), "-o", str(tmp_path), "--formats", "xbrl"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / f"{RELEASE_6K.stem}.xbrl").exists()


def test_outputs_are_ordinary_files_not_private(tmp_path: Path) -> None:
    import os
    import stat

    out = tmp_path / "out"
    assert main(["convert", str(RELEASE_6K), "-o", str(out), "--formats", "xbrl"]) == 0
    mode = stat.S_IMODE((out / f"{RELEASE_6K.stem}.xbrl").stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask


def test_instance_validated_where_written_before_anything_is_published(
    tmp_path: Path, taxonomy: Taxonomy, mapping_table: MappingTable
) -> None:
    """--validate checks the streamed instance in the private folder, its extension schema beside it,
    while nothing of the document is in OUTDIR yet; then all of it is published, and the folder goes."""
    rows = f"{'Total revenues':<35}{'1,204':>5}{'1,300':>12}\n{'Widget royalties':<35}{'5':>5}{'6':>12}\n"
    source = tmp_path / "filing.txt"
    source.write_text(
        "Table 1. Revenues (JPY in millions)\n\n"
        "                                  1Q03        2Q03\n"
        "                              ----------  ----------\n" + rows,
        encoding="utf-8",
    )
    out = tmp_path / "out"
    out.mkdir()
    seen: list[tuple[Path, list[str], list[str]]] = []

    class Validator:
        def validate(self, instance: Path) -> SimpleNamespace:
            seen.append((instance, sorted(p.name for p in instance.parent.iterdir()), [p.name for p in out.iterdir()]))
            return SimpleNamespace(errors=0, inconsistencies=0, warnings=0, problems=())

    args = cli._parser().parse_args(["convert", str(source), "-o", str(out), "--fiscal-year-end", "03-31"])
    args.mapping = mapping_table
    job = cli._Job(args, taxonomy, ("xbrl", "json"), Validator(), {source: "filing"}, "code", frozenset())
    done = cli._convert_one(source, job)
    ((instance, beside, published),) = seen
    assert instance.parent.parent == out and instance.parent.name.startswith(".convert-")
    # The taxonomy copy is linked into the private folder, so the schemaRef resolves there as it will in OUTDIR.
    assert instance.name == "filing.xbrl"
    assert beside == ["filing.json", "filing.xbrl", "filing.xsd", "legacy-xbrl-taxonomy-2025"]
    assert sorted(published) == sorted([".legacy-xbrl", instance.parent.name])  # the private folder, the records
    files = ["filing.json", "filing.report.json", "filing.xbrl", "filing.xsd"]
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == files
    assert (done.status, done.facts, sorted(done.outputs)) == ("converted", 4, files)
    report = json.loads((out / "filing.report.json").read_text())
    assert report["validation"] == {"errors": 0, "inconsistencies": 0, "warnings": 0, "messages": []}
