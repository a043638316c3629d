"""Where each item lives in the site, and links between pages.

Every item has one page, or an anchor on its parent's page; paths derive from IDs only,
so URLs stay stable while the wording changes.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from ..model import Activity, Bloc, Competence, Criterion, Modality, Referentiel
from .fiche_fields import field_link
from .text import fold, h, md

Item = Bloc | Activity | Competence | Modality | Criterion

HOME = "index.md"
AUDIT = "audit/index.md"
TRACEABILITY = "audit/tracabilite.md"
FICHE = "audit/fiche-rncp.md"
GRIDS = "grilles/index.md"
DOWNLOADS = "telechargements/index.md"
BLOCS_LIST = "blocs/index.md"
COMPETENCES_LIST = "competences/index.md"
MODALITIES_LIST = "modalites/index.md"


# Where instructors write case studies, by default (the plugin's ``etudes_de_cas`` option).
CASES_FOLDER = "etudes-de-cas"


def cases_index(folder: str) -> str:
    return f"{folder.strip('/')}/index.md"


def bloc_page(bloc_id: str) -> str:
    return f"blocs/{bloc_id}/index.md"


def competence_page(competence_id: str) -> str:
    return f"competences/{competence_id}.md"


def modality_page(modality_id: str) -> str:
    return f"modalites/{modality_id}.md"


def grid_page(modality_id: str) -> str:
    return f"grilles/{modality_id}.md"


def download_file(name: str) -> str:
    """Where an exported file is published, beside the downloads page."""
    return f"telechargements/{name}"


def record_page(bloc_id: str) -> str:
    """The record (« procès-verbal ») of a bloc, where its decision is taken."""
    return f"proces-verbaux/{bloc_id}.md"


def page_of(item: Item) -> tuple[str, str | None]:
    """(source path of the page, anchor or ``None``) where ``item`` is shown."""
    if isinstance(item, Bloc):
        return bloc_page(item.id), None
    if isinstance(item, Activity):
        return bloc_page(item.bloc_id), item.id
    if isinstance(item, Competence):
        return competence_page(item.id), None
    if isinstance(item, Modality):
        return modality_page(item.id), None
    return competence_page(item.competence_id), item.id


def url_of(src_uri: str, use_directory_urls: bool) -> str:
    """The URL MkDocs gives the page built from ``src_uri`` (relative to the site root)."""
    stem, _ = posixpath.splitext(src_uri)
    if not use_directory_urls:
        return f"{stem}.html"
    if posixpath.basename(stem) == "index":
        directory = posixpath.dirname(stem)
        return f"{directory}/" if directory else ""
    return f"{stem}/"


def relative_url(page: str, start: str, use_directory_urls: bool) -> str:
    """The URL of the page built from ``page``, relative to the page built from ``start``,
    for raw HTML, which MkDocs does not rewrite."""
    here = url_of(start, use_directory_urls)
    there = url_of(page, use_directory_urls)
    base = posixpath.dirname(here) if not here.endswith("/") else here.rstrip("/")
    target = _relpath(there or ".", base or ".")
    if there.endswith("/") and not target.endswith("/"):
        target += "/"
    return "./" if target in {"./", "."} else target


def _relpath(target: str, start: str) -> str:
    """``posixpath.relpath`` for the site's own paths (relative, no ``..``), without its calls to
    ``getcwd``: a large référentiel has tens of thousands of links."""
    to = [part for part in target.split("/") if part and part != "."]
    base = [part for part in start.split("/") if part and part != "."]
    common = 0
    while common < min(len(to), len(base)) and to[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."


def _spaced(part: str, escape: Callable[[str], str]) -> str:
    """Escape ``part`` keeping the spaces at its ends, which separate it from the links around."""
    lead = " " if part[:1].isspace() else ""
    trail = " " if part[-1:].isspace() and part.strip() else ""
    return lead + escape(part) + trail


class Links:
    """Builds links from one page to items, in Markdown (checked by MkDocs) or HTML."""

    def __init__(self, referentiel: Referentiel, src_uri: str, use_directory_urls: bool) -> None:
        self.referentiel = referentiel
        self.src_uri = src_uri
        self.use_directory_urls = use_directory_urls

    def md_target(self, item: Item) -> str:
        return self.md_page_target(*page_of(item))

    def md_page_target(self, page: str, anchor: str | None = None) -> str:
        target = _relpath(page, posixpath.dirname(self.src_uri) or ".")
        return f"{target}#{anchor}" if anchor else target

    def md_page(self, page: str, text: str, anchor: str | None = None) -> str:
        """A Markdown link to a page that is not an item's (the audit, the fiche)."""
        return f"[{md(text)}]({self.md_page_target(page, anchor)})"

    def md(self, item: Item, text: str | None = None) -> str:
        """A Markdown link to ``item``; the label is escaped data, the ID by default."""
        return f"[{md(text if text is not None else item.id)}]({self.md_target(item)})"

    def md_id(self, item_id: str, text: str | None = None) -> str:
        return self.md(self.referentiel.item(item_id), text)

    def href(self, item: Item) -> str:
        """The relative URL of ``item`` for raw HTML, which MkDocs does not rewrite."""
        return self.href_page(*page_of(item))

    def href_page(self, page: str, anchor: str | None = None) -> str:
        target = relative_url(page, self.src_uri, self.use_directory_urls)
        return f"{target}#{anchor}" if anchor else target

    def html(self, item: Item, text: str | None = None) -> str:
        label = h(text if text is not None else item.id)
        return f'<a href="{h(self.href(item))}">{label}</a>'

    def html_page(self, page: str, text: str, anchor: str | None = None) -> str:
        return f'<a href="{h(self.href_page(page, anchor))}">{h(text)}</a>'

    def _linked(self, text: str, escape: Callable[[str], str], link: Callable[[str], str]) -> str:
        parts = self.referentiel.mentions.split(fold(text))
        # split() with one group alternates plain text and IDs: even indexes text, odd IDs.
        return "".join(link(part) if index % 2 else _spaced(part, escape) for index, part in enumerate(parts))

    def md_text(self, text: str) -> str:
        """``text`` as escaped Markdown, each item ID in it a link to the item."""
        return self._linked(text, md, self.md_id)

    def html_text(self, text: str) -> str:
        """``text`` as escaped HTML, each item ID in it a link to the item."""
        return self._linked(text, h, lambda ident: self.html(self.referentiel.item(ident)))

    def html_mention(self, name: str) -> str:
        """An item's ID as a link, a fiche field as a link to the fiche page, else plain text."""
        try:
            return self.html(self.referentiel.item(name))
        except KeyError:
            pass
        if name.startswith("certification."):
            found = field_link(name)
            if found:
                words, anchor = found
                return self.html_page(FICHE, f"{words} (fiche RNCP)", anchor)
            if name == "certification.echelle_resultats":
                return self.html_page(GRIDS, "échelle des résultats des grilles")
            return self.html_page(FICHE, name.removeprefix("certification."))
        return h(name)
