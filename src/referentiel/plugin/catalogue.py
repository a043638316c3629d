"""The plugin's catalogue mode: ``source`` is a folder, each référentiel under its own address.

Every page carries only its own référentiel's navigation: with the whole catalogue's, each page
would grow with the number of référentiels, and the build with its square.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..catalogue import Catalogue, load_catalogue
from ..checks import Finding, Severity, run_checks
from ..errors import ReferentielError
from ..model import Referentiel
from ..site.catalogue import (
    CATALOGUE_AUDIT,
    CATALOGUE_HOME,
    SEARCH_PAGE,
    CatalogueContents,
    ReferentielMemo,
    catalogue_contents,
)
from ..site.contents import SiteContents
from ..site.nav import NavEntry, other_entries

log = logging.getLogger("mkdocs.plugins.referentiel")


def load(folder: str) -> Catalogue:
    try:
        return load_catalogue(folder)  # type: ignore[arg-type]
    except ReferentielError as error:
        raise PluginError(error.report("Catalogue invalide")) from None


class ContentsMemo:
    """Each référentiel's findings and pages, kept across the builds of ``mkdocs serve``."""

    def __init__(self) -> None:
        self.findings: ReferentielMemo[list[Finding]] = ReferentielMemo()
        self.contents: ReferentielMemo[SiteContents] = ReferentielMemo()


def contents(
    catalogue: Catalogue, use_directory_urls: bool, chunked_search: bool, memo: ContentsMemo
) -> CatalogueContents:
    """The catalogue's pages; a référentiel's conformity errors are published in its audit and
    counted on the catalogue, not a reason to withhold the others."""
    findings = {
        entry.slug: memo.findings.get(
            entry.slug, entry.referentiel, None, partial(run_checks, entry.referentiel)
        )
        for entry in catalogue.entries
    }
    failing = [slug for slug, found in findings.items() if any(f.severity is Severity.ERREUR for f in found)]
    if failing:
        log.info(
            "Catalogue : %d référentiel(s) avec des erreurs de conformité (voir l'audit du catalogue)",
            len(failing),
        )
    return catalogue_contents(catalogue, findings, use_directory_urls, chunked_search, memo.contents)


def catalogue_nav(written: list[str], sections: dict[str, NavEntry], chunked_search: bool) -> list[NavEntry]:
    """The catalogue's home, its audit and search, the hand-written pages, then one section per
    référentiel."""
    return [
        {"Catalogue des certifications": CATALOGUE_HOME},
        *([{"Rechercher": SEARCH_PAGE}] if chunked_search else []),
        {"Audit du catalogue": CATALOGUE_AUDIT},
        *other_entries([uri for uri in written if uri != CATALOGUE_HOME]),
        *sections.values(),
    ]


class PageNavigations:
    """The navigation each page shows: its référentiel's section, or the top-level pages."""

    def __init__(self, nav: Navigation, slugs: set[str]) -> None:
        top = [item for item in nav.items if not isinstance(item, Section)]
        self._top = _navigation(top, nav)
        self._by_slug: dict[str, Navigation] = {}
        for item in nav.items:
            if isinstance(item, Section) and item.children:
                first = item.children[0]
                slug = first.file.src_uri.split("/", 1)[0] if isinstance(first, Page) else None
                if slug in slugs:
                    self._by_slug[slug] = _navigation([*top, *item.children], nav)

    def of(self, page: Page) -> Navigation:
        return self.of_uri(page.file.src_uri)

    def of_uri(self, src_uri: str) -> Navigation:
        return self._by_slug.get(src_uri.split("/", 1)[0], self._top)


def _navigation(items: list[Any], whole: Navigation) -> Navigation:
    nav = Navigation(items, whole.pages)
    nav.homepage = whole.homepage
    return nav


def referentiel_pages(catalogue: Catalogue) -> dict[str, Referentiel]:
    """Each référentiel's home page, where search engines read what the certification is."""
    return {f"{entry.slug}/index.md": entry.referentiel for entry in catalogue.entries}


def uses_chunked_search(engine: str, threshold: int, catalogue: Catalogue) -> bool:
    """Pagefind when asked, or, left to ``auto``, past ``threshold`` référentiels."""
    return engine == "pagefind" or (engine == "auto" and len(catalogue.entries) > threshold)


def disable_theme_search(plugins: Any) -> None:
    """The theme's search off: its header button and its single index, replaced by Pagefind."""
    for name in ("search", "material/search"):
        if name in plugins:
            plugins[name].config.enabled = False
