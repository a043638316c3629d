"""Shared fixtures: the real site, built once from the real YAML."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from serving import serving  # noqa: E402
from sitebuild import Build, build_project  # noqa: E402


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The site built with ``mkdocs build --strict`` from ``data/referentiel.yaml``."""
    result = build_project(tmp_path_factory.mktemp("real") / "site")
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="module")
def served(real_site: Build):  # type: ignore[no-untyped-def]
    """The built site on a loopback port, as a browser reads it."""
    with serving(real_site.site) as address:
        yield address


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    from browser import CHROMIUM_ARGS, chromium_path
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current output (then review the diff before committing)",
    )
