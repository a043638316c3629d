"""A word longer than any column wraps: on screen, in print preview and in the PDF."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from browser import CHROMIUM_ARGS, chromium_path
from pypdf import PdfReader
from sitebuild import DATA, Build, build_variant

from referentiel import parse_referentiel
from referentiel.export.pdf import export_grids

LONG_WORD = "Anticonstitutionnellement" * 400  # 10,000 letters, no break opportunity
SOURCE = DATA.read_text(encoding="utf-8")
CRITERION = "            texte: Le diagnostic de l'organisation intègre une analyse interne et externe."


# The seed with a 10,000-letter word in the first criterion of C1.1 (evaluated by E1).
LONG_TEXT = SOURCE.replace(CRITERION, f"{CRITERION} {LONG_WORD}", 1)


@pytest.fixture(scope="module")
def long_word_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The site built from the seed with the long word."""
    assert CRITERION in SOURCE
    site = build_variant(tmp_path_factory.mktemp("long"), LONG_TEXT)
    assert site.returncode == 0, site.output
    return site


PAGES = ["grilles/E1/", "competences/C1.1/", "blocs/B1/"]


@pytest.mark.parametrize("width", [1280])
@pytest.mark.parametrize("url", PAGES)
def test_no_page_is_widened_by_a_long_word(long_word_site: Build, url: str, width: int) -> None:
    """On screen, the page is no wider than the window and the word is there whole."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto((long_word_site.site / url / "index.html").as_uri())
        table_overflow = page.evaluate(
            """() => Math.max(0, ...[...document.querySelectorAll('article table')].map(
                 t => t.getBoundingClientRect().right - document.documentElement.clientWidth))"""
        )
        text = page.inner_text("article")
        browser.close()
    assert table_overflow <= 1, f"a table overflows by {table_overflow}px"
    assert LONG_WORD in "".join(text.split())


def test_printed_grid_keeps_every_column_on_the_a4_page(tmp_path: Path) -> None:
    """In the PDF, no text is drawn past the right edge of the A4 page, and the word is whole."""
    os.environ.setdefault("CHROMIUM", chromium_path())
    export_grids(parse_referentiel(LONG_TEXT), tmp_path)
    reader = PdfReader(tmp_path / "grille-E1.pdf")
    rightmost = 0.0
    text = ""
    for pdf_page in reader.pages:
        width = float(pdf_page.mediabox.width)

        def visit(chunk: str, cm, tm, _font, _size, width: float = width) -> None:  # type: ignore[no-untyped-def]
            nonlocal rightmost
            if chunk.strip() and not re.fullmatch(r"page \d+ / \d+", chunk.strip()):
                x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]  # where the chunk starts, in page space
                rightmost = max(rightmost, x / width)

        text += pdf_page.extract_text(visitor_text=visit)
    # « Observations », the last column's header, starts about 80 % across: beyond 90 %, a
    # column has been pushed off the page.
    assert rightmost < 0.9, f"text starts at {rightmost:.0%} of the page width"
    assert "Observations" in text
    # The word runs over several pages, each with the running header, « page x / y » and the
    # repeated column headers in between.
    joined = re.sub(
        r"Managerdesstratégies.{0,200}?Session:…+|page\d+/\d+|Critère.{0,80}?Observations",
        "",
        "".join(text.split()),
    )
    assert LONG_WORD in joined
