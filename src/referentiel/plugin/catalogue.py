"""The plugin's catalogue mode: ``source`` is a folder, each référentiel under its own address
(each page's navigation: :mod:`.navigation`)."""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from mkdocs.exceptions import PluginError

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
