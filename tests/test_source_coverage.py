"""Every sentence of the source document reaches the site, word for word."""

from __future__ import annotations

import re

from htmltext import article_text, normalize
from sitebuild import Build
from source_text import SOURCE, source_sentences


def _site_text(site: Build) -> str:
    pages = sorted(site.site.rglob("*.html"))
    return normalize(" \n ".join(article_text(p.read_text(encoding="utf-8")) for p in pages))


def test_source_yields_enough_sentences() -> None:
    """The extraction covers the whole document (guards against a cut that swallows text)."""
    sentences = source_sentences()
    words_in_source = len(re.sub(r"<[^>]+>", " ", SOURCE.read_text(encoding="utf-8")).split())
    words_in_sentences = sum(len(s.split()) for s in sentences)
    assert len(sentences) > 200
    assert words_in_sentences > 0.9 * words_in_source


def test_every_source_sentence_is_on_the_site(real_site: Build) -> None:
    """Each sentence (or list item, title, code) of the source appears in some page's content."""
    text = _site_text(real_site)
    missing = [s for s in source_sentences() if normalize(s) not in text]
    assert not missing, "absent du site :\n" + "\n".join(missing)


def test_each_competence_page_carries_its_source_row(real_site: Build) -> None:
    """The competence text printed in the source row « C1.1. … » is on the page of C1.1."""
    source = SOURCE.read_text(encoding="utf-8")
    rows = re.findall(r"(C\d\.\d)\. (.+?)(?:</p>|\t)", source)
    assert len(rows) == 20
    for code, text in rows:
        page = normalize(article_text(real_site.page(f"competences/{code}")))
        assert normalize(text) in page, code


def test_each_activity_is_on_its_bloc_page(real_site: Build) -> None:
    """The activity printed in the source row « A2.3. … » is on the page of bloc 2."""
    source = SOURCE.read_text(encoding="utf-8")
    rows = re.findall(r"A(\d)\.(\d)\. (.+?)(?:</p>|\t)", source)
    assert len(rows) == 20
    for bloc, number, text in rows:
        page = normalize(article_text(real_site.page(f"blocs/B{bloc}")))
        assert normalize(f"A{bloc}.{number} {text}") in page
