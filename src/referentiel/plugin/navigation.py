"""The navigation each page shows, kept to a size that does not grow with the site.

MkDocs gives every page the whole navigation; the theme then writes it into the page. A page
whose menu lists every référentiel of a catalogue, or every bloc of a very large référentiel,
grows with the site, and the build with its square. So each page shows:

- in a catalogue, only its own référentiel's section (the catalogue's home lists them all);
- past :data:`~referentiel.site.nav.MAX_BLOCS_SHOWN` blocs, only its own bloc's section, which
  then holds its grids and record too (« Tous les blocs » and « Grilles d'évaluation » list them
  all).
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..site.nav import MAX_BLOCS_SHOWN

_BLOC_PAGE = re.compile(r"(?:^|/)blocs/[^/]+/index\.md$")


class PageNavigations:
    """Each page's navigation; ``slugs`` are a catalogue's référentiels, None for a single one."""

    def __init__(self, nav: Navigation, slugs: set[str] | None = None) -> None:
        self._by_slug: dict[str, BlocNavigations] = {}
        if slugs is None:
            self._top = BlocNavigations(nav)
            return
        top = [item for item in nav.items if not isinstance(item, Section)]
        self._top = BlocNavigations(_navigation(top, nav))
        for item in nav.items:
            if isinstance(item, Section) and item.children:
                first = item.children[0]
                slug = first.file.src_uri.split("/", 1)[0] if isinstance(first, Page) else None
                if slug in slugs:
                    self._by_slug[slug] = BlocNavigations(_navigation([*top, *item.children], nav))

    def of(self, page: Page) -> Navigation:
        return self.of_uri(page.file.src_uri)

    def of_uri(self, src_uri: str) -> Navigation:
        return self._by_slug.get(src_uri.split("/", 1)[0], self._top).of_uri(src_uri)


class BlocNavigations:
    """One navigation, or, past ``MAX_BLOCS_SHOWN`` bloc sections at its top, one per bloc
    holding that bloc's section alone (and one with none, for the pages outside the blocs)."""

    def __init__(self, nav: Navigation) -> None:
        self._nav = nav
        blocs = [item for item in nav.items if isinstance(item, Section) and _is_bloc(item)]
        self._filtered = len(blocs) > MAX_BLOCS_SHOWN
        self._bloc_of: dict[str, int] = {}
        self._variants: dict[int | None, Navigation] = {}
        if not self._filtered:
            return
        for bloc in blocs:
            for page in _pages(bloc):
                self._bloc_of[page.file.src_uri] = id(bloc)
        self._blocs = {id(bloc) for bloc in blocs}

    def of_uri(self, src_uri: str) -> Navigation:
        if not self._filtered:
            return self._nav
        bloc = self._bloc_of.get(src_uri)
        if bloc not in self._variants:
            items = [item for item in self._nav.items if id(item) not in self._blocs or id(item) == bloc]
            self._variants[bloc] = _navigation(items, self._nav)
        return self._variants[bloc]


def _is_bloc(section: Section) -> bool:
    first = section.children[0] if section.children else None
    return isinstance(first, Page) and bool(_BLOC_PAGE.search(first.file.src_uri))


def _pages(section: Section) -> list[Page]:
    pages: list[Page] = []
    for child in section.children:
        if isinstance(child, Page):
            pages.append(child)
        elif isinstance(child, Section):
            pages += _pages(child)
    return pages


def _navigation(items: list[Any], whole: Navigation) -> Navigation:
    nav = Navigation(items, whole.pages)
    nav.homepage = whole.homepage
    return nav
