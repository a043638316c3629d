"""A catalogue's site: each référentiel's site under its slug, a catalogue home and audit."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from ...catalogue import Catalogue, correspondences, shared_codes
from ...checks import Finding
from ..contents import SiteContents, site_contents
from ..nav import NavEntry, navigation
from ..pages import GeneratedPage, front_matter
from ..text import title
from .addresses import CATALOGUE_AUDIT, CATALOGUE_HOME, entry_home, prefixed_nav, under
from .audit import render_catalogue_audit
from .entry import HOME, render_entry_home
from .facts import counts
from .home import render_catalogue_home
from .memo import ReferentielMemo
from .search import (
    SEARCH_PAGE,
    SearchIndexError,
    index_site,
    labelled_article,
    render_search_page,
    unindexed_article,
    with_search_button,
)

__all__ = [
    "CATALOGUE_AUDIT",
    "CATALOGUE_HOME",
    "SEARCH_PAGE",
    "CatalogueContents",
    "ReferentielMemo",
    "SearchIndexError",
    "catalogue_contents",
    "index_site",
    "labelled_article",
    "unindexed_article",
    "with_search_button",
]


@dataclass(frozen=True)
class CatalogueContents:
    pages: list[GeneratedPage]
    # Path under the docs folder → content: style sheets and each référentiel's downloads.
    files: dict[str, str | bytes]
    # One nav section per référentiel, by slug, in the shape of MkDocs' ``nav`` setting.
    sections: dict[str, NavEntry]


def catalogue_contents(
    catalogue: Catalogue,
    findings: dict[str, list[Finding]],
    use_directory_urls: bool = True,
    chunked_search: bool = False,
    memo: ReferentielMemo[SiteContents] | None = None,
) -> CatalogueContents:
    """Every page and file of the catalogue; ``findings`` are each référentiel's, by slug.

    With ``memo``, a référentiel's own pages are those of the previous call while it is unchanged;
    the catalogue's pages and each référentiel's home, which speak of the others, are remade."""
    memo = memo if memo is not None else ReferentielMemo()
    memo.keep_only({entry.slug for entry in catalogue.entries})
    tallies = {slug: counts(found) for slug, found in findings.items()}
    links = correspondences(catalogue)
    shared = shared_codes(catalogue)
    pages = [
        GeneratedPage(
            CATALOGUE_HOME,
            front_matter("Catalogue des certifications", wide=True)
            + render_catalogue_home(catalogue, tallies, use_directory_urls),
        ),
        GeneratedPage(
            CATALOGUE_AUDIT,
            front_matter("Audit du catalogue", wide=True)
            + render_catalogue_audit(catalogue, tallies, use_directory_urls),
        ),
    ]
    if chunked_search:
        pages.append(
            GeneratedPage(
                SEARCH_PAGE, front_matter("Rechercher", wide=True) + render_search_page(use_directory_urls)
            )
        )
    files: dict[str, str | bytes] = {}
    sections: dict[str, NavEntry] = {}
    for entry in catalogue.entries:
        referentiel = entry.referentiel
        contents = memo.get(
            entry.slug,
            referentiel,
            use_directory_urls,
            partial(site_contents, referentiel, findings[entry.slug], use_directory_urls),
        )
        home = render_entry_home(
            entry, tallies[entry.slug], links[entry.slug], shared[entry.slug], use_directory_urls
        )
        pages.append(
            GeneratedPage(entry_home(entry.slug), front_matter(referentiel.certification.titre) + home)
        )
        pages += [GeneratedPage(under(entry.slug, p.src_uri), p.content, p.in_nav) for p in contents.pages]
        for path, data in contents.files.items():
            # The style sheets are the same for all: once, where the theme links them.
            files.setdefault(path if path.startswith("assets/") else under(entry.slug, path), data)
        site_nav = navigation(referentiel, before=[{"Présentation": HOME}], after=[])
        sections[entry.slug] = {title(referentiel.certification.titre): prefixed_nav(site_nav, entry.slug)}
    return CatalogueContents(pages, files, sections)
