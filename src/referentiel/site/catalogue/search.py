"""A large catalogue's search: Pagefind's index, split into chunks that a page fetches as the
query needs them, instead of the theme's single index that every page downloads whole.

Pagefind reads the built pages' HTML (the article only) and stems French words, since the
pages say ``lang="fr"``.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

from ..search import printed_codes
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
        "<script>const recherche = new PagefindUI({element: '#recherche-catalogue', showSubResults: true, "
        "showImages: false, resetStyles: false});\n"
        # Pagefind's box is named by its title only, which assistive technologies may not read.
        "document.querySelector('#recherche-catalogue input')"
        "?.setAttribute('aria-label', 'Rechercher dans le catalogue');\n"
        # « recherche/?q=… » opens with its results: a search can be linked to, as the theme's can.
        "const demande = new URLSearchParams(location.search).get('q'); "
        "if (demande) recherche.triggerSearch(demande);</script>\n"
    )


def with_search_button(output: str, href: str, icon: str) -> str:
    """The page with a search button in its header, where the theme's own would be: it opens the
    search page (the theme's search is off)."""
    header = output.find("<header")
    end = output.find("</nav>", header)
    if header < 0 or end < 0:
        return output
    button = (
        f'<a href="{h(href)}" class="md-header__button md-icon" title="Rechercher" '
        f'aria-label="Rechercher dans le catalogue">{icon}</a>'
    )
    return output[:end] + button + output[end:]


ARTICLE = '<article class="md-content__inner md-typeset">'
_TAG = re.compile(r"<[^>]+>")
_HEADING = re.compile(r"<h1[^>]*>(.*?)</h1>", re.DOTALL)


def _text(fragment: str) -> str:
    return html.unescape(_TAG.sub(" ", fragment))


def labelled_article(output: str, page_title: str, referentiel: str) -> str:
    """The page with its search result named after its référentiel too (« Traçabilité —
    RNCP37674 »: every référentiel has one), a filter by référentiel in the results, and the
    codes of printed lists spelled out (« E3.1/3.2/3.3 »: Pagefind finds « E3.1 », not « E3.2 »)."""
    start = output.find(ARTICLE)
    if start < 0:
        return output
    end = output.find("</article>", start)
    article = output[start:end]
    heading = _HEADING.search(article)
    # A page's own codes (in its title) weigh as a title does: « E3.2 » finds its modality first.
    own = printed_codes(_text(heading.group(1))) if heading else []
    cited = [code for code in printed_codes(_text(article)) if code not in own]
    # A heading that says more than the title names the result: « Grille d'évaluation — E1… »
    # tells a modality's grid from the modality, of one title.
    shown = " ".join(_text(heading.group(1)).split()) if heading else ""
    name = f"{shown if page_title and page_title in shown else page_title} — {referentiel}"
    labelled = (
        f'<article class="md-content__inner md-typeset" data-pagefind-meta="title:{h(name)}">'
        f'<span data-pagefind-filter="Référentiel:{h(referentiel)}" hidden></span>'
        + (f'<span data-pagefind-weight="10" hidden>{h(" ".join(own))}</span>' if own else "")
        + (f"<span hidden>{h(' '.join(cited))}</span>" if cited else "")
    )
    return output[:start] + labelled + output[start + len(ARTICLE) :]


def unindexed_article(output: str) -> str:
    """The page left out of the index, as the theme's search leaves it (grids and records, which
    repeat their modality's and bloc's pages)."""
    return output.replace(ARTICLE, ARTICLE.replace("<article ", '<article data-pagefind-ignore="all" '), 1)


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
