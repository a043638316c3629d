"""Headless Chromium for the tests: Debian's, driven by Playwright, skipped only off CI."""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    """Chromium's path; on CI its absence is a failure, elsewhere the test is skipped."""
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail("Chromium est absent alors que la CI doit l'installer (apt-get install chromium)")
    pytest.skip("Chromium absent : apt-get install chromium")
