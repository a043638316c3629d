"""The domain package on its own, without MkDocs: URLs, escaping, tables, navigation."""

from __future__ import annotations

import markdown
import pytest
from sitebuild import DATA

from referentiel import load_referentiel
from referentiel.site import Links, generate_pages, navigation
from referentiel.site.table import _row_spans
from referentiel.site.text import fold, h, md
from referentiel.site.urls import url_of

REFERENTIEL = load_referentiel(DATA)


@pytest.mark.parametrize(
    ("src", "directory_urls", "url"),
    [
        ("index.md", True, ""),
        ("blocs/B1/index.md", True, "blocs/B1/"),
        ("competences/C1.1.md", True, "competences/C1.1/"),
        ("competences/C1.1.md", False, "competences/C1.1.html"),
        ("blocs/B1/index.md", False, "blocs/B1/index.html"),
    ],
)
def test_url_of_follows_mkdocs(src: str, directory_urls: bool, url: str) -> None:
    """Page URLs are those MkDocs gives, with and without directory URLs."""
    assert url_of(src, directory_urls) == url


@pytest.mark.parametrize("directory_urls", [True, False])
def test_html_links_are_relative_to_the_page(directory_urls: bool) -> None:
    """A raw HTML link from a bloc page reaches a competence page and an activity anchor."""
    links = Links(REFERENTIEL, "blocs/B1/index.md", directory_urls)
    competence = REFERENTIEL.competence("C1.1")
    activity = REFERENTIEL.activity("A1.1")
    if directory_urls:
        assert links.href(competence) == "../../competences/C1.1/"
        assert links.href(activity) == "./#A1.1"
    else:
        assert links.href(competence) == "../../competences/C1.1.html"
        assert links.href(activity) == "index.html#A1.1"


def test_markdown_links_point_to_sources() -> None:
    """Markdown links name source files, so that MkDocs checks them in strict mode."""
    links = Links(REFERENTIEL, "competences/C1.1.md", True)
    assert links.md(REFERENTIEL.activity("A1.1")) == "[A1\\.1](../blocs/B1/index.md#A1.1)"


@pytest.mark.parametrize(
    "text",
    [
        "{{ x }} <script>alert(1)</script> *a* _b_ `c` [d](e) # f | g \\ h & i > j",
        "1. pas une liste",
        "- pas une puce",
        "    pas du code",
        "ligne\n\nsuivante",
        "!!! note « pas une admonition »",
    ],
)
def test_md_escape_renders_the_text_itself(text: str) -> None:
    """Escaped text rendered by Python-Markdown is one paragraph holding exactly the text."""
    rendered = markdown.markdown(md(text), extensions=["tables", "attr_list", "admonition"])
    assert rendered.startswith("<p>") and rendered.endswith("</p>")
    assert rendered.count("<p>") == 1
    assert rendered[3:-4] == h(text).replace("&#x27;", "'").replace("&quot;", '"')


def test_fold_keeps_every_word() -> None:
    """Folding whitespace changes no word."""
    assert fold("  a\n b\t\tc  ") == "a b c"


def test_row_spans_merge_consecutive_identical_groups() -> None:
    """Rows evaluated by the same modalities share one merged cell, as in the source."""
    a, b = ("E1",), ("E2",)
    assert _row_spans([a, a, a, b, a]) == [3, 0, 0, 1, 1]
    assert _row_spans([]) == []


def test_generated_pages_are_unique_and_not_templates() -> None:
    """Each page has its own source path and opts out of macro rendering."""
    pages = generate_pages(REFERENTIEL)
    assert (
        len(pages) == 3 + 4 + 20 + 8 + 9 + 4 + 3
    )  # lists, blocs, competences, modalities, grids, records, audit
    assert len({p.src_uri for p in pages}) == len(pages)
    assert all("render_macros: false" in p.content.split("---")[1] for p in pages)


def test_navigation_nests_blocs() -> None:
    """After the list of blocs, each bloc section holds its page, its competences (named by their
    first words), then its modalities."""
    nav = navigation(REFERENTIEL, before=["index.md"], after=[])
    assert nav[0] == "index.md"
    assert nav[1] == {"Tous les blocs": "blocs/index.md"}
    ((title, children),) = nav[2].items()
    assert title == "Bloc 1 : Conception de la stratégie de marque"
    assert children[0] == "blocs/B1/index.md"
    assert children[1] == {"C1.1 Réaliser un audit stratégique de la marque…": "competences/C1.1.md"}
    assert list(children[-1].values()) == ["modalites/E1.md"]


def test_ids_in_free_text_become_links_and_only_ids() -> None:
    """Known IDs in a note become links; look-alikes (C4.45, E4.5) and the rest stay escaped text."""
    links = Links(REFERENTIEL, "competences/C1.1.md", True)
    text = "C4.4, C4.45 et E4.5 ; voir E4.5-budget. *C1.1*"
    assert links.md_text(text) == (
        "[C4\\.4](C4.4.md), C4\\.45 et E4\\.5 ; voir [E4\\.5\\-budget](../modalites/E4.5-budget.md)\\. "
        "\\*[C1\\.1](C1.1.md)\\*"
    )
