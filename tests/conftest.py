"""Shared fixtures: the real site, built once from the real YAML."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from sitebuild import Build, build, copy_project  # noqa: E402


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The site built with ``mkdocs build --strict`` from ``data/referentiel.yaml``."""
    result = build(copy_project(tmp_path_factory.mktemp("real")))
    assert result.returncode == 0, result.output
    return result
