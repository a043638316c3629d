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
