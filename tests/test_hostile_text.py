"""YAML text is shown as text: never run as a template, never injected as HTML or Markdown."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from htmltext import article_text
from sitebuild import DATA, Build, build_variant

# Template syntax, raw HTML and every Markdown marker a criterion could contain.
HOSTILE = (
    "{{ config.site_name }} {% if true %}IF{% endif %} {# c #} <script>alert('x')</script> "
    "<b>gras</b> | cellule | *étoile* _souligné_ # titre [lien](http://exemple.invalid) "
    "`code` !!! note &amp; 1. liste - tiret > citation {: #id } \\ fin"
)
BREAKOUT = "</title><script>alert('titre')</script>"
QUOTE = BREAKOUT + 'x" onmouseover="alert(1)'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    text = DATA.read_text(encoding="utf-8")
    replacements = {
        # a criterion, a competence, an activity, a modality title and brief, a bloc title
        "texte: La dimension RSE est prise en compte.": f"texte: {_quoted(HOSTILE)}",
        "intitule: Audit du capital-marque": f"intitule: {_quoted(HOSTILE)}",
        "intitule: GESTION DE CRISE": f"intitule: {_quoted(HOSTILE)}",
        # the certification title names the site: header, <title>, attributes
        "  intitule: Manager des stratégies communication marketing": f"  intitule: {_quoted(QUOTE)}",
        "intitule: Conception de la stratégie de marque": f"intitule: {_quoted(BREAKOUT + HOSTILE)}",
        "code_source: E4.1": f"code_source: {_quoted('{{ 7*7 }}|E4.1')}",
    }
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    result = build_variant(tmp_path_factory.mktemp("hostile"), text)
    assert result.returncode == 0, result.output
    return result


def _attribute_names(html: str) -> set[str]:
    """Every attribute name of every element, as a browser parses them."""
    names: set[str] = set()

    class Collector(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            names.update(name for name, _ in attrs)

    Collector().feed(html)
    return names


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _all_html(site: Build) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in site.site.rglob("*.html"))


def test_no_injected_markup(hostile_site: Build) -> None:
    """No page carries the hostile script or bold tag as markup."""
    html = _all_html(hostile_site)
    assert "<script>alert" not in html
    assert "<b>gras</b>" not in html
    assert "http://exemple.invalid" not in html.replace("[lien](http://exemple.invalid)", "")


def test_templates_are_not_executed(hostile_site: Build) -> None:
    """Jinja syntax in the data reaches the page as written, not evaluated."""
    text = article_text(hostile_site.page("competences/C1.5"))
    assert "{{ config.site_name }}" in text
    assert "{% if true %}IF{% endif %}" in text
    modality = article_text(hostile_site.page("modalites/E4.1"))
    assert "{{ 7*7 }}|E4.1" in modality
    assert "49" not in modality


@pytest.mark.parametrize(
    "page",
    [
        "",
        "competences/C1.5",
        "competences/C1.2",
        "modalites/E1",
        "modalites/E3.5-3.6",
        "blocs/B1",
        "blocs/B3",
    ],
)
def test_hostile_string_shown_literally(hostile_site: Build, page: str) -> None:
    """The whole hostile string appears as plain text wherever it is shown."""
    text = article_text(hostile_site.page(page))
    assert " ".join(HOSTILE.split()) in text


def test_table_is_not_broken(hostile_site: Build) -> None:
    """« | » and markup in a cell leave the four-column table with its rows and cells."""
    html = hostile_site.page("blocs/B1")
    table = html[html.index('<table class="referentiel-table">') : html.index("</table>")]
    assert table.count("<tr>") == 1 + 5
    assert table.count('<th scope="row">') == 5


def test_page_title_cannot_break_out(hostile_site: Build) -> None:
    """Bloc and site titles with « </title><script> » or a quote stay text, in elements and attributes."""
    for page in ("blocs/B1", ""):
        html = hostile_site.page(page)
        head = html[: html.index("</head>")]
        assert head.count("</title>") == 1
        assert "<script>alert('titre')" not in html
        assert "onmouseover" not in _attribute_names(html)
