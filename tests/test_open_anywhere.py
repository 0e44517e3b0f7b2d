"""Outputs open anywhere: Arelle's own command line, offline and given no taxonomy package, loads a fresh
output with 0 errors and every fact (regression: the instance pointed at the taxonomy's URL and Arelle
reported ``[IOerror] Could not load file ... lx-2025-concepts.xsd`` and dropped every base fact).

The outputs point at the copy of the taxonomy ``convert`` writes beside them, so the folder opens even
after it is moved. ``--internetConnectivity=offline`` only makes Arelle use its own copies of the XBRL
specification schemas (xbrl.org) instead of fetching them.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree
from paths import REPO, SLIDES

from converter import convert_file
from converter.cli import main
from converter.package import local_files, localised
from converter.taxonomy import Taxonomy

ARELLE = Path(sys.executable).parent / "arelleCmdLine"
IX = "http://www.xbrl.org/2013/inlineXBRL"
XLINK = "http://www.w3.org/1999/xlink"
# A press release whose statements need an extension schema (written beside the instance, importing the base).
EXTENDED = REPO / "corpus" / "amazon_1998-10-28_8-K.txt"


@pytest.fixture(scope="module")
def moved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Outputs of a sample and of an extended filing, converted, then moved to another folder."""
    out = tmp_path_factory.mktemp("converted") / "out"
    assert main(["convert", str(SLIDES), str(EXTENDED), "-o", str(out), "--formats", "xbrl,ixbrl,json"]) == 0
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "copied"
    shutil.copytree(out, elsewhere)
    shutil.rmtree(out)
    return elsewhere


def _arelle(entry: Path, home: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Arelle's messages other than [info], and the facts it loaded (``--facts``), for one file."""
    facts = home / f"{entry.name}.facts.csv"
    done = subprocess.run(
        [str(ARELLE), "-f", str(entry), "--internetConnectivity=offline", "-v", "--facts", str(facts)],
        env={**os.environ, "XDG_CONFIG_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    messages = [line for line in (done.stdout + done.stderr).splitlines() if line and not line.startswith("[info]")]
    with open(facts, encoding="utf-8-sig", newline="") as rows:
        return messages, list(csv.DictReader(rows))


def _instance_facts(path: Path) -> int:
    root = etree.parse(str(path)).getroot()
    if path.suffix == ".html":
        return sum(1 for _ in root.iter(f"{{{IX}}}nonFraction", f"{{{IX}}}nonNumeric"))
    return sum(1 for child in root if isinstance(child.tag, str) and child.get("contextRef"))


def test_convert_writes_the_taxonomy_beside_the_outputs_and_says_where(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(SLIDES), "-o", str(out), "--formats", "xbrl"]) == 0
    said = [line for line in capsys.readouterr().out.splitlines() if "taxonomy" in line]
    assert said == [
        f"{out}/legacy-xbrl-taxonomy-2025/: the taxonomy the outputs point to; open one offline with: "
        f"arelleCmdLine -f {out}/<name>.xbrl --internetConnectivity=offline"
    ]
    assert (out / "legacy-xbrl-taxonomy-2025" / "lx-2025-concepts.xsd").is_file()
    assert 'xlink:href="legacy-xbrl-taxonomy-2025/lx-2025-concepts.xsd"' in (out / f"{SLIDES.stem}.xbrl").read_text()


def test_a_second_run_leaves_the_taxonomy_copy_alone(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(SLIDES), "-o", str(out), "--formats", "xbrl"]) == 0
    schema = out / "legacy-xbrl-taxonomy-2025" / "lx-2025.xsd"
    before = schema.stat().st_mtime_ns
    os.utime(schema, ns=(before - 10**9, before - 10**9))
    assert main(["convert", str(SLIDES), "-o", str(out), "--formats", "xbrl"]) == 0
    assert schema.stat().st_mtime_ns == before - 10**9  # same bytes: not rewritten


def test_a_stale_taxonomy_copy_is_brought_up_to_date(tmp_path: Path) -> None:
    out = tmp_path / "out"
    schema = out / "legacy-xbrl-taxonomy-2025" / "lx-2025-concepts.xsd"
    schema.parent.mkdir(parents=True)
    schema.write_text("<old/>")
    assert main(["convert", str(SLIDES), "-o", str(out), "--formats", "xbrl"]) == 0
    assert schema.read_text().startswith("<?xml")


@pytest.mark.parametrize("suffix", [".xbrl", ".html", ".json"])
@pytest.mark.parametrize("source", [SLIDES, EXTENDED], ids=["base-taxonomy", "extension-schema"])
def test_arelle_command_line_opens_a_fresh_output_offline(
    moved: Path, source: Path, suffix: str, tmp_path: Path
) -> None:
    name = "0000891020-98-001498" if source is EXTENDED else source.stem  # a submission: its accession number
    (instance,) = (p for p in moved.glob(f"{name}*{suffix}") if not p.name.endswith(".report.json"))
    if source is EXTENDED:
        assert instance.with_suffix(".xsd").is_file()

    messages, facts = _arelle(instance, tmp_path)

    assert messages == []
    expected = _instance_facts(instance.with_suffix(".xbrl") if suffix == ".json" else instance)
    assert expected > 10
    assert len(facts) == expected
    assert all(row["Value"] for row in facts)


def test_the_copy_is_self_contained(taxonomy: Taxonomy) -> None:
    """Every file a schema in the copy names (linkbases, locators) is in the copy, by a relative name."""
    files = local_files(taxonomy)
    for name, content in files.items():
        root = etree.fromstring(content)
        hrefs = {h.split("#", 1)[0] for h in root.xpath("//@xlink:href", namespaces={"xlink": XLINK}) if h}
        assert {h for h in hrefs if "://" not in h} <= set(files), name
        assert not {h for h in hrefs if h.startswith(taxonomy.base_url)}, name


def test_only_results_on_this_taxonomy_are_pointed_at_the_copy(taxonomy: Taxonomy) -> None:
    result = convert_file(SLIDES).result
    assert localised(result, taxonomy).taxonomy.schema_ref == "legacy-xbrl-taxonomy-2025/lx-2025-concepts.xsd"
    assert localised(result, taxonomy).taxonomy.entry_point == result.taxonomy.entry_point  # still its name
    other = result.model_copy(
        update={"taxonomy": result.taxonomy.model_copy(update={"entry_point": "http://example.com/t.xsd"})}
    )
    assert localised(other, taxonomy) is other
