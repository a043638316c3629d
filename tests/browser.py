"""Headless Chromium for the tests: Debian's, driven by Playwright, skipped only off CI."""

from __future__ import annotations

import os

import pytest

from referentiel.export.pdf import SERVER_FLAGS, PdfError, find_chromium

CHROMIUM_ARGS = list(SERVER_FLAGS)


def chromium_path() -> str:
    """Chromium's path; on CI its absence is a failure, elsewhere the test is skipped."""
    try:
        return find_chromium()
    except PdfError as error:
        if os.environ.get("CI"):
            pytest.fail(f"{error} (la CI doit l'installer)")
        pytest.skip(str(error))


def axe_report(page) -> tuple[int, list[str]]:  # type: ignore[no-untyped-def]
    """axe-core on the open ``page``: the number of rules that passed, and each violation as
    « rule (impact) : its first three targets »."""
    from axe_playwright_python.sync_playwright import Axe

    response = Axe().run(page).response
    violations = [
        f"{v['id']} ({v['impact']}) : {[n['target'] for n in v['nodes']][:3]}" for v in response["violations"]
    ]
    return len(response["passes"]), violations
