"""Shared fixtures: the real site, built once from the real YAML."""

from __future__ import annotations

import http.server
import sys
import threading
from functools import partial
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from sitebuild import Build, build_project  # noqa: E402


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The site built with ``mkdocs build --strict`` from ``data/referentiel.yaml``."""
    result = build_project(tmp_path_factory.mktemp("real") / "site")
    assert result.returncode == 0, result.output
    return result


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser closed the page before the response was read


@pytest.fixture(scope="module")
def served(real_site: Build):  # type: ignore[no-untyped-def]
    """The built site on a loopback port, as a browser reads it."""
    handler = partial(_QuietHandler, directory=str(real_site.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


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
