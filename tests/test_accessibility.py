"""axe-core in headless Chromium finds no violation on one page of each kind."""

from __future__ import annotations

import http.server
import threading
from functools import partial

import pytest
from browser import CHROMIUM_ARGS, chromium_path
from sitebuild import Build

PAGES = {
    "accueil": "",
    "bloc": "blocs/B2/",
    "compétence": "competences/C4.2/",
    "modalité": "modalites/E4.5-budget/",
    "grille": "grilles/E2/",
    "audit": "audit/",
    "traçabilité": "audit/tracabilite/",
    "fiche RNCP": "audit/fiche-rncp/",
    "toutes les grilles": "grilles/",
}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


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
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@pytest.mark.parametrize("kind", PAGES)
def test_no_axe_violation(served: str, browser, kind: str) -> None:  # type: ignore[no-untyped-def]
    """Every axe-core rule (WCAG 2.1 A/AA and best practices) passes on the page."""
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page()
    try:
        page.goto(served + PAGES[kind])
        results = Axe().run(page)
    finally:
        page.close()
    violations = [
        f"{v['id']} ({v['impact']}) : {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]
    assert results.response["passes"], "axe n'a rien vérifié"
    assert not violations, "\n".join(violations)
