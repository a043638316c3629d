"""Data is text: escaping every YAML string for the Markdown or HTML it lands in.

Whitespace (including line breaks) is folded to single spaces, so that no value can open
a code block, end a table row or split a list; the wording itself is never touched.
"""

from __future__ import annotations

import html
import re
import unicodedata

# Characters Python-Markdown lets a backslash escape (its ESCAPED_CHARS, plus « | » from
# the tables extension). Escaping them all means no value can form any Markdown syntax.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")


def fold(text: str) -> str:
    """Collapse every run of whitespace to one space."""
    return " ".join(text.split())


def md(text: str) -> str:
    """``text`` as inert Markdown: shown literally, never markup, HTML or a template."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(fold(text), quote=False))


def h(text: str) -> str:
    """``text`` as inert HTML (element content or a double-quoted attribute value)."""
    return html.escape(fold(text), quote=True)


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def title(text: str) -> str:
    """A page, nav or site title for the theme, which inserts titles as markup.

    The theme puts titles in element content and in double-quoted attributes, some through
    its own escaping: ``<``, ``>``, ``&`` and ``"`` are escaped, not the apostrophe, which would
    otherwise be read out as « &#x27; » where the theme escapes a second time.
    """
    return html.escape(fold(text), quote=False).replace('"', "&quot;")


EXCERPT_WORDS = 7


def excerpt(text: str, words: int = EXCERPT_WORDS) -> str:
    """The first ``words`` words of ``text``, « … » when cut: a name taken from the source's own words."""
    parts = fold(text).split(" ")
    if len(parts) <= words:
        return fold(text)
    return " ".join(parts[:words]).rstrip(",;:") + "…"


def slug(text: str) -> str:
    """A file or address name: « Gestion de crise : l'été 2026 » → « gestion-de-crise-l-ete-2026 »
    (empty if nothing of the text is ASCII letters or digits)."""
    bare = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", bare.lower()).strip("-")
