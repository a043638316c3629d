"""Where a catalogue's pages live: each référentiel's pages under its slug."""

from __future__ import annotations

import posixpath
from typing import Any

from ..nav import NavEntry

CATALOGUE_HOME = "index.md"
CATALOGUE_AUDIT = "audit-du-catalogue.md"


def under(slug: str, src_uri: str) -> str:
    """``src_uri`` of a référentiel's site, inside the catalogue."""
    return f"{slug}/{src_uri}"


def entry_home(slug: str) -> str:
    return under(slug, "index.md")


def md_link(target: str, start: str) -> str:
    """A Markdown link target from page ``start`` to page ``target`` (both docs paths)."""
    return posixpath.relpath(target, posixpath.dirname(start) or ".")


def prefixed_nav(entries: Any, slug: str) -> Any:
    """A ``nav`` setting of a référentiel's site, with every page under ``slug/``."""
    if isinstance(entries, str):
        return under(slug, entries)
    if isinstance(entries, list):
        return [prefixed_nav(entry, slug) for entry in entries]
    return {name: prefixed_nav(value, slug) for name, value in entries.items()}


__all__ = ["CATALOGUE_AUDIT", "CATALOGUE_HOME", "NavEntry", "entry_home", "md_link", "prefixed_nav", "under"]
