"""Shared test fixtures: the repository, its samples, the taxonomy loaded once."""

from __future__ import annotations

import pytest

from converter.mapping import MappingTable, load_mapping_table
from converter.taxonomy import Taxonomy, load_taxonomy


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


@pytest.fixture(scope="session")
def mapping_table(taxonomy: Taxonomy) -> MappingTable:
    return load_mapping_table(taxonomy)
