"""Shared test fixtures: the repository, its samples, the taxonomy loaded once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from converter.mapping import MappingTable, load_mapping_table
from converter.package import write_package
from converter.taxonomy import Taxonomy, load_taxonomy
from converter.validate import Validator


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


@pytest.fixture(scope="session")
def mapping_table(taxonomy: Taxonomy) -> MappingTable:
    return load_mapping_table(taxonomy)


@pytest.fixture(scope="session")
def package(taxonomy: Taxonomy, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_package(taxonomy, tmp_path_factory.mktemp("package") / f"{taxonomy.package_id}.zip")


@pytest.fixture(scope="session")
def validator(package: Path) -> Iterator[Validator]:
    with Validator(package) as v:
        yield v


@pytest.fixture(scope="session")
def arelle_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Arelle writes its config under XDG_CONFIG_HOME: keep it out of the user's home."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("arelle-config")))
        yield
