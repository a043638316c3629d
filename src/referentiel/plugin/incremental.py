"""``mkdocs serve --dirty``: an edit rebuilds only the pages it changes.

In a dirty build MkDocs rebuilds a page when its file is newer than its output; a generated
page has no file and always counts as modified, so every edit of a YAML rebuilt the whole site.
Here a generated page counts as modified when its Markdown, the navigation it shows, its
neighbours or the site's settings differ from those of the previous build that succeeded.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from ..site.search import enrich_documents

SearchEntry = dict[str, Any]


class PartialBuilds:
    """The builds of ``mkdocs serve --dirty``: what each rebuilt, remembered for the next."""

    def __init__(self) -> None:
        self._memory = BuildMemory()
        self._search = SearchEntries()
        self._rebuilt: set[str] = set()
        self._pages: list[str] = []

    def starting(self, config: MkDocsConfig) -> None:
        self._rebuilt = set()
        forget_theme_search_history(config)

    def mark(
        self,
        files: Files,
        config: MkDocsConfig,
        navigation_of: Callable[[str], Navigation],
        data_changed: bool,
    ) -> tuple[int, int]:
        """Flag the generated files to rebuild; returns how many pages and other files. When the
        data changed, the hand-written pages are rebuilt too: their macros quote it."""
        self._pages = [file.url for file in files.documentation_pages()]
        if data_changed:
            for file in files.documentation_pages():
                if not isinstance(file, GeneratedFile):
                    outdated(file)
        return self._memory.mark(files, config, navigation_of)

    def built(self, page: Page) -> None:
        self._rebuilt.add(page.url)

    def search_entries(self, fresh: Iterable[SearchEntry]) -> list[SearchEntry]:
        """The whole site's search entries, from the theme's entries of the pages rebuilt."""
        return self._search.merge(fresh, self._rebuilt, self._pages)

    def succeeded(self) -> None:
        self._memory.commit()

    def failed(self) -> None:
        self._memory.failed()


class GeneratedFile(File):
    """A generated page or file that knows whether it is the same as at the previous build."""

    unchanged = False

    def is_modified(self) -> bool:
        return not (self.unchanged and os.path.isfile(self.abs_dest_path))


class BuildMemory:
    """What each generated file was at the last build that succeeded, as a digest."""

    def __init__(self) -> None:
        self._built: dict[str, str] = {}
        self._pending: dict[str, str] = {}

    def mark(
        self, files: Files, config: MkDocsConfig, navigation_of: Callable[[str], Navigation]
    ) -> tuple[int, int]:
        """Flag each generated file unchanged or not, once the navigation is known; returns the
        numbers of pages and of other files to rebuild."""
        settings = _settings(config)
        navigations: dict[int, str] = {}
        pending: dict[str, str] = {}
        pages = others = 0
        for file in files:
            if not isinstance(file, GeneratedFile):
                continue
            digest = hashlib.blake2b(file.content_bytes, digest_size=20)
            if file.is_documentation_page():
                navigation = navigation_of(file.src_uri)
                if id(navigation) not in navigations:
                    navigations[id(navigation)] = repr(_outline(navigation.items))
                digest.update(settings + navigations[id(navigation)].encode())
                if file.page is not None:
                    digest.update(repr(_outline([file.page.previous_page, file.page.next_page])).encode())
            pending[file.src_uri] = digest.hexdigest()
            file.unchanged = self._built.get(file.src_uri) == pending[file.src_uri]
            if not file.unchanged:
                pages += file.is_documentation_page()
                others += not file.is_documentation_page()
        self._pending = pending
        return pages, others

    def commit(self) -> None:
        """The build succeeded: its files are the reference of the next one."""
        self._built, self._pending = self._pending, {}

    def failed(self) -> None:
        """The build failed. Once files were marked, some may have been written: the output is
        unknown, the next build rebuilds everything. Before (a YAML's mistake), nothing was."""
        if self._pending:
            self._built = {}
        self._pending = {}


class SearchEntries:
    """The theme's search entries of every page, kept between dirty builds.

    The theme's index of a dirty build holds only the pages rebuilt, merged with its previous
    index on the assumption that a single page was: entries are kept here by page instead, and
    each build replaces those of the pages it rebuilt.
    """

    def __init__(self) -> None:
        self._by_page: dict[str, list[SearchEntry]] = {}

    def merge(self, fresh: Iterable[SearchEntry], rebuilt: set[str], pages: list[str]) -> list[SearchEntry]:
        """Every entry of the site: ``fresh`` (the rebuilt pages') and the others' kept ones,
        in the order of ``pages`` (the site's page addresses)."""
        by_page: dict[str, list[SearchEntry]] = {url: [] for url in rebuilt}
        for entry in fresh:
            url = entry["location"].split("#", 1)[0]
            if url in rebuilt:
                by_page[url].append(entry)
        for url, entries in by_page.items():
            self._by_page[url] = enrich_documents(entries)
        present = set(pages)
        for url in set(self._by_page) - present:
            del self._by_page[url]
        return [entry for url in pages for entry in self._by_page.get(url, [])]


def outdated(file: File) -> None:
    """Date the output of ``file`` back, so that MkDocs rebuilds it though its source is older:
    only the site folder is touched, never the source."""
    if os.path.isfile(file.abs_dest_path):
        os.utime(file.abs_dest_path, (0, 0))


def forget_theme_search_history(config: MkDocsConfig) -> None:
    """The theme's search plugin merges a dirty build's entries with its previous index by
    itself, wrongly when several pages were rebuilt: it starts afresh, :class:`SearchEntries`
    does the merging."""
    for name in ("search", "material/search"):
        plugin = config.plugins.get(name)
        if plugin is not None and hasattr(plugin, "search_index_prev"):
            plugin.search_index_prev = None


def _settings(config: MkDocsConfig) -> bytes:
    """What every page shows of the site's settings; ``mkdocs.yml`` changed, all change."""
    parts = [config.site_name, config.site_description, config.copyright, config.site_url]
    if config.config_file_path and Path(config.config_file_path).is_file():
        parts.append(Path(config.config_file_path).read_bytes().hex())
    return repr(parts).encode()


def _outline(items: Iterable[Any]) -> list[Any]:
    """The titles and addresses a navigation shows, in order."""
    outline: list[Any] = []
    for item in items:
        if isinstance(item, Section):
            outline.append((item.title, _outline(item.children)))
        elif isinstance(item, (Page, Link)):
            outline.append((item.title, item.url))
        else:
            outline.append(None)
    return outline
