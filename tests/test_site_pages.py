"""The built site has a page for every bloc, competence and modality, all cross-linked."""

from __future__ import annotations

import posixpath
import re
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from htmltext import article_text, parse
from sitebuild import DATA, Build, build, build_variant, minimal_site

from referentiel import load_referentiel

REFERENTIEL = load_referentiel(DATA)


def _h1(page_html: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", page_html, re.S)
    assert match, "page sans titre h1"
    inner = re.sub(r'<a class="headerlink".*?</a>', "", match.group(1), flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", "", inner)).split())


def test_the_data_has_the_expected_shape() -> None:
    """4 blocs, 20 activities, 20 competences and 8 modalities, as the source has."""
    assert len(REFERENTIEL.blocs) == 4
    assert [a.id for a in REFERENTIEL.activites][:2] == ["A1.1", "A1.2"]
    assert len(REFERENTIEL.activites) == 20
    assert len(REFERENTIEL.competences) == 20
    assert len(REFERENTIEL.modalites) == 8
    assert all(c.criteres for c in REFERENTIEL.competences)


@pytest.mark.parametrize("bloc", REFERENTIEL.blocs, ids=lambda b: b.id)
def test_bloc_page(real_site: Build, bloc) -> None:
    """A bloc page shows its title, every activity, its modalities and the four-column table."""
    html = real_site.page(f"blocs/{bloc.id}")
    assert _h1(html) == bloc.titre
    text = article_text(html)
    for activity in bloc.activites:
        assert f'id="{activity.id}"' in html
        assert activity.intitule in text
    for modality in bloc.modalites:
        assert modality.intitule in text
    assert "Validation du bloc : non renseigné" in " ".join(text.split())  # the source does not say
    table = re.search(r'<table class="referentiel-table">(.*?)</table>', html, re.S)
    assert table, "tableau à quatre colonnes absent"
    assert "<caption>" in table.group(1)
    assert table.group(1).count('<th scope="col">') == 4
    assert table.group(1).count('<th scope="row">') == len(bloc.competences)


@pytest.mark.parametrize("competence", REFERENTIEL.competences, ids=lambda c: c.id)
def test_competence_page(real_site: Build, competence) -> None:
    """A competence page shows its text, activity, bloc, criteria and evaluating modalities."""
    html = real_site.page(f"competences/{competence.id}")
    text = article_text(html)
    assert _h1(html) == f"Compétence {competence.id}"
    assert competence.texte in text
    assert REFERENTIEL.activity(competence.activite_id).intitule in text
    assert REFERENTIEL.bloc(competence.bloc_id).titre in text
    for criterion in competence.criteres:
        assert criterion.texte in text
        for point in criterion.sous_points:
            assert point in text
    modalities = REFERENTIEL.modalities_of(competence.id)
    assert modalities
    for modality in modalities:
        assert f"../../modalites/{modality.id}/" in html


def test_competence_pages_link_previous_and_next(real_site: Build) -> None:
    """Competences are chained in référentiel order, across blocs."""
    html = real_site.page("competences/C1.5")
    assert 'href="../C1.4/"' in html and 'href="../C2.1/"' in html
    first = real_site.page("competences/C1.1")
    assert "Compétence précédente" not in article_text(first)


@pytest.mark.parametrize("modality", REFERENTIEL.modalites, ids=lambda m: m.id)
def test_modality_page(real_site: Build, modality) -> None:
    """A modality page shows the code as printed, its brief and its competences' criteria."""
    html = real_site.page(f"modalites/{modality.id}")
    text = article_text(html)
    assert _h1(html) == f"{modality.code_source} {modality.intitule}"
    assert f"Code dans la source : {modality.code_source}" in text
    for block in (*modality.contexte, *modality.restitution):
        assert block in text
    for competence_id in modality.competence_ids:
        competence = REFERENTIEL.competence(competence_id)
        assert competence.texte in text
        assert all(c.texte in text for c in competence.criteres)


def test_duplicated_source_code_stays_visible(real_site: Build) -> None:
    """The two modalities printed « E4.5 » keep that code, on two distinct pages."""
    budget = article_text(real_site.page("modalites/E4.5-budget"))
    suppliers = article_text(real_site.page("modalites/E4.5-prestataires"))
    assert "Code dans la source : E4.5" in budget and "GESTION BUDGETAIRE" in budget
    assert "Code dans la source : E4.5" in suppliers and "SUIVI DES PRESTATAIRES" in suppliers
    assert "Note d'édition" in budget


def _resolve(page: Path, href: str, site: Path) -> tuple[Path, str]:
    """The file a link leads to (absolute paths from the site root, as 404.html has them)."""
    parts = urlsplit(href)
    if not parts.path:
        return page, unquote(parts.fragment)
    base = "" if parts.path.startswith("/") else page.parent.relative_to(site).as_posix()
    target = site / posixpath.normpath(posixpath.join(base, unquote(parts.path).lstrip("/")))
    if target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def _broken_links(site: Path) -> tuple[int, list[str]]:
    """(links checked, links that lead nowhere) over every page of a built site."""
    broken = []
    checked = 0
    for page in site.rglob("*.html"):
        for href in parse(page.read_text(encoding="utf-8")).links:
            if urlsplit(href).scheme or href.startswith(("mailto:", "//")):
                continue
            target, anchor = _resolve(page, href, site)
            checked += 1
            if not target.is_file():
                broken.append(f"{page.relative_to(site)} → {href}")
            elif anchor and anchor not in parse(target.read_text(encoding="utf-8")).ids:
                broken.append(f"{page.relative_to(site)} → {href} (ancre absente)")
    return checked, broken


def test_every_internal_link_resolves(real_site: Build) -> None:
    """Every relative link of every page reaches an existing page and, if any, its anchor."""
    checked, broken = _broken_links(real_site.site)
    assert checked > 500
    assert not broken, "\n".join(broken)


def test_links_resolve_without_directory_urls(tmp_path: Path) -> None:
    """With ``use_directory_urls: false`` (a site opened from files), links still resolve."""
    result = build(minimal_site(tmp_path, extra="use_directory_urls: false\n"))
    assert result.returncode == 0, result.output
    assert (result.site / "competences" / "C1.1.html").is_file()
    checked, broken = _broken_links(result.site)
    assert checked > 500
    assert not broken, "\n".join(broken)


def test_every_id_mention_is_a_link(real_site: Build) -> None:
    """Each competence ID named on a bloc or modality page is a link to that competence."""
    for bloc in REFERENTIEL.blocs:
        html = real_site.page(f"blocs/{bloc.id}")
        for competence in bloc.competences:
            assert f'href="../../competences/{competence.id}/">{competence.id}</a>' in html


def test_navigation_is_the_bloc_hierarchy(real_site: Build) -> None:
    """The nav opens on the list of blocs, then each bloc and, under the current one, its competences
    and modalities, each named by the first words of its own text."""
    from referentiel.site.text import excerpt

    html = real_site.page("competences/C3.2")
    start = html.index('<nav class="md-nav md-nav--primary"')
    nav = html[start : html.index("md-sidebar--secondary", start)]
    links = re.findall(r'href="([^"]*)"', nav)
    blocs = [link for link in links if "/blocs/" in link]
    assert blocs == ["../../blocs/", *(f"../../blocs/{bloc.id}/" for bloc in REFERENTIEL.blocs)]
    siblings = [link for link in links if link.startswith("../C3.") or link == "./"]
    assert len(siblings) == len(REFERENTIEL.bloc("B3").competences)
    assert "../../modalites/E3.1-3.4/" in links
    assert "../" in links and "../../modalites/" in links  # the lists of all competences and modalities
    text = unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", nav)))
    assert "Bloc 3 : Mise en œuvre d'une stratégie" in text
    for competence in REFERENTIEL.bloc("B3").competences:
        assert f"{competence.id} {excerpt(competence.texte)}" in text


def test_site_is_french(real_site: Build) -> None:
    """Pages declare French, and search is configured for French."""
    assert '<html lang="fr"' in real_site.page("")
    assert '"lang":["fr"]' in (real_site.site / "search" / "search_index.json").read_text().replace(" ", "")


def test_ids_named_in_notes_and_findings_are_links(real_site: Build) -> None:
    """IDs written inside editorial notes and audit findings link to their items."""
    note = real_site.page("modalites/E4.5-prestataires")
    assert 'qui évalue <a href="../../competences/C4.4/">C4.4</a>)' in note
    assert 'SUIVI DES PRESTATAIRES, qui évalue <a href="../../competences/C4.4/">C4.4</a>' in note
    audit = real_site.page("audit")
    assert 'mais la modalité évalue <a href="../competences/C4.4/">C4.4</a>.' in audit


def test_criterion_ids_are_anchors(tmp_path: Path) -> None:
    """A criterion named in a note links to its anchor on its competence page, where its ID is shown."""
    text = DATA.read_text(encoding="utf-8").replace(
        "        notes_edition:\n          - >-\n            « au sein son univers",
        "        notes_edition:\n          - Voir C1.3-1.\n          - >-\n            « au sein son univers",
        1,
    )
    result = build_variant(tmp_path, text)
    assert result.returncode == 0, result.output
    assert 'Voir <a href="../../competences/C1.3/#C1.3-1">C1.3-1</a>.' in result.page("modalites/E1")
    assert '<span class="critere-id" id="C1.3-1">C1.3-1</span>' in result.page("competences/C1.3")
