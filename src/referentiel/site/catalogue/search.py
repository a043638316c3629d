"""A large catalogue's search: Pagefind's index, split into chunks that a page fetches as the
query needs them, instead of the theme's single index that every page downloads whole.

Pagefind reads the built pages' HTML (the article only) and stems French words, since the
pages say ``lang="fr"``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ..text import h

SEARCH_PAGE = "recherche.md"
# Where Pagefind writes its index and its interface, under the site folder.
BUNDLE = "pagefind"
# Only the page's text: not the menus, the breadcrumbs or the heading anchors, repeated on every page.
ROOT = "article.md-content__inner"
IGNORED = ".headerlink, .md-source-file"


def render_search_page(use_directory_urls: bool) -> str:
    """The search page: Pagefind's interface, which loads only what a query needs."""
    up = "../" if use_directory_urls else ""
    return (
        "Cherchez un mot dans tous les référentiels du catalogue : les résultats s'affichent pendant la "
        "frappe, sans souci des accents ni du pluriel.\n\n"
        f'<link href="{up}{BUNDLE}/pagefind-ui.css" rel="stylesheet">\n'
        '<div id="recherche-catalogue"></div>\n'
        f'<script src="{up}{BUNDLE}/pagefind-ui.js"></script>\n'
        "<script>new PagefindUI({element: '#recherche-catalogue', showSubResults: true, "
        "showImages: false, resetStyles: false});</script>\n"
    )


ARTICLE = '<article class="md-content__inner md-typeset">'


def labelled_article(output: str, page_title: str, referentiel: str) -> str:
    """The page with its search result named after its référentiel too (« Traçabilité —
    RNCP37674 »: every référentiel has one), and a filter by référentiel in the results."""
    name = f"{page_title} — {referentiel}"
    labelled = (
        f'<article class="md-content__inner md-typeset" data-pagefind-meta="title:{h(name)}">'
        f'<span data-pagefind-filter="Référentiel" hidden>{h(referentiel)}</span>'
    )
    return output.replace(ARTICLE, labelled, 1)


class SearchIndexError(Exception):
    """Pagefind could not index the site: its own message, for the build's French report."""


def index_site(site: Path) -> None:
    """Write Pagefind's index of the built ``site`` into ``site/pagefind``."""
    try:
        result = subprocess.run(pagefind_command(site), capture_output=True, text=True, timeout=3600)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SearchIndexError(str(error)) from None
    if result.returncode != 0:
        raise SearchIndexError((result.stderr or result.stdout).strip()[-2000:])


def pagefind_command(site: Path, output: Path | None = None) -> list[str]:
    """Pagefind's command line for ``site``, writing into ``output`` (default: ``site/pagefind``)."""
    where = ["--output-path", str(output)] if output else ["--output-subdir", BUNDLE]
    return [
        sys.executable, "-m", "pagefind", "--site", str(site), *where,
        "--root-selector", ROOT, "--exclude-selectors", IGNORED, "--force-language", "fr", "--quiet",
    ]  # fmt: skip
