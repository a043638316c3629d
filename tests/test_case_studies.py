"""Case studies: validated front matter, links both ways, coverage, the scaffold, hostile text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from htmltext import article_text
from sitebuild import DATA, Build, build, minimal_site

from referentiel import load_referentiel
from referentiel.cli import main

REFERENTIEL = load_referentiel(DATA)
CRISIS = "../../etudes-de-cas/gestion-de-crise/"
BUDGET = "../../etudes-de-cas/suivi-budgetaire/"


def _grid(html: str) -> str:
    return html[html.index('<div class="etude-grille">') :]


def test_competence_and_modality_pages_link_back(real_site: Build) -> None:
    """A competence or modality page lists the case studies that prepare it, or says none does."""
    assert f'<a href="{CRISIS}">Gestion de crise : une marque mise en cause' in real_site.page(
        "competences/C3.5"
    )
    assert f'<a href="{CRISIS}">' in real_site.page("competences/C3.6")
    assert f'<a href="{BUDGET}">' in real_site.page("modalites/E4.5-budget")
    lonely = real_site.page("competences/C1.1")
    assert "Aucune étude de cas ne la prépare encore." in lonely
    assert "etudes-de-cas/" not in lonely.split("md-content")[1].split("</article>")[0]


def test_index_lists_every_case_with_coverage(real_site: Build) -> None:
    """The index lists the cases by modality and competence, and counts what none prepares yet,
    from the référentiel itself: the two examples prepare 3 competences and 7 criteria."""
    text = article_text(real_site.page("etudes-de-cas"))
    competences, criteria = len(REFERENTIEL.competences), len(REFERENTIEL.criteres)
    assert f"Compétences préparées : 3 sur {competences}" in text
    assert f"Critères préparés : 7 sur {criteria}" in text
    unprepared = text.split("Critères sans étude de cas :")[1]
    assert "C4.5-2" in unprepared and "C4.5-1" not in unprepared and "C3.5-1" not in unprepared
    assert "C1.1" in text.split("Compétences sans étude de cas :")[1]
    assert "C3.5 : Gestion de crise" in text


def test_traceability_shows_the_cases(real_site: Build) -> None:
    """The audit's chain per bloc gains a column of case studies."""
    html = real_site.page("audit/tracabilite")
    assert '<th scope="col">Études de cas</th>' in html
    assert f'<a href="{CRISIS}">Gestion de crise' in html


def test_case_page_shows_what_it_prepares_and_its_restricted_grid(real_site: Build) -> None:
    """A case page names its modality and criteria, and ends with its modality's grid reduced to
    the competences and criteria it declares."""
    html = real_site.page("etudes-de-cas/suivi-budgetaire")
    head = article_text(html.split('<div class="etude-grille">')[0])
    assert "Épreuve : E4.5 GESTION BUDGETAIRE" in head
    assert "Critères : C4.5-1, C4.5-3, C4.5-4" in head
    grid = _grid(html)
    assert "Grille d'évaluation — E4.5 GESTION BUDGETAIRE" in grid
    for kept in ("C4.5-1", "C4.5-3", "C4.5-4"):
        assert f'<span class="critere-id">{kept}</span>' in grid
    assert '<span class="critere-id">C4.5-2</span>' not in grid
    crisis = _grid(real_site.page("etudes-de-cas/gestion-de-crise"))
    assert re.findall(r'critere-id">([^<]+)<', crisis) == ["C3.5-1", "C3.5-2", "C3.6-1", "C3.6-2"]


def test_cases_are_in_the_navigation(real_site: Build) -> None:
    """The case studies have their own section in the navigation, index first."""
    html = real_site.page("etudes-de-cas/gestion-de-crise")
    nav = html[html.index('<nav class="md-nav md-nav--primary"') : html.index("md-sidebar--secondary")]
    assert nav.index('href="../"') < nav.index('href="./"') < nav.index('href="../suivi-budgetaire/"')


CASE = """\
---
title: Étude
render_macros: true
etude_de_cas:
  modalite: E1
  competences: [C1.1, C1.2]
  criteres: [C1.1-1]
  duree: 3 heures
---

Texte de l'étude : {{ lien("C1.1") }}.
"""


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (("modalite: E1", "modalite: E9"), 5, "aucune modalité n'a l'identifiant « E9 »"),
        (
            ("competences: [C1.1, C1.2]", "competances: [C1.1]"),
            6,
            "clé inconnue « competances » dans « etude_de_cas » (vouliez-vous dire « competences » ?)",
        ),
        (
            ("competences: [C1.1, C1.2]", "competences: [C1.1, C2.1]"),
            6,
            "la modalité E1 n'évalue pas la compétence C2.1",
        ),
        (
            ("competences: [C1.1, C1.2]", "competences: [C1.1, C9.9]"),
            6,
            "aucune compétence n'a l'identifiant « C9.9 »",
        ),
        (
            ("criteres: [C1.1-1]", "criteres: [C1.3-1]"),
            7,
            "le critère C1.3-1 est celui de la compétence C1.3, que l'étude de cas ne déclare pas",
        ),
        (("criteres: [C1.1-1]", "criteres: [C1.1]"), 7, "aucun critère n'a l'identifiant « C1.1 »"),
        (
            ("competences: [C1.1, C1.2]", "competences: 3"),
            6,
            "« competences » doit être une liste d'identifiants",
        ),
        (("duree: 3 heures", "duree: 3"), 8, "« duree » doit être un texte"),
        (("duree: 3 heures", "duree: [3, heures]"), 8, "« duree » doit être un texte"),
        (
            ("etude_de_cas:", "etude_de_cass:"),
            4,
            "clé inconnue « etude_de_cass » (vouliez-vous dire « etude_de_cas » ?)",
        ),
        (("  modalite: E1", "  modalite: E1\n  modalite: E2"), 6, "clé « modalite » en double"),
        (("---\ntitle", "title"), 1, "commence par un en-tête (---)"),
    ],
)
def test_bad_front_matter_fails_with_page_and_line(
    tmp_path: Path, change: tuple[str, str], line: int, message: str
) -> None:
    """Each kind of mistake in a case study's front matter stops the build, naming the page and
    the line of the file, in French, without a traceback."""
    config = minimal_site(tmp_path)
    folder = tmp_path / "docs" / "etudes-de-cas"
    folder.mkdir()
    (folder / "etude.md").write_text(CASE.replace(*change, 1), encoding="utf-8")
    result = build(config)
    assert result.returncode != 0
    assert "Études de cas invalides" in result.output, result.output
    assert f"docs/etudes-de-cas/etude.md, ligne {line}" in result.output, result.output
    assert message in result.output, result.output
    assert "Traceback" not in result.output


def test_the_case_folder_is_an_option(tmp_path: Path) -> None:
    """``etudes_de_cas`` names another folder; its pages are case studies, validated and indexed."""
    config = minimal_site(tmp_path, options={"etudes_de_cas": "preparations"})
    folder = tmp_path / "docs" / "preparations"
    folder.mkdir()
    (folder / "etude.md").write_text(CASE, encoding="utf-8")
    result = build(config)
    assert result.returncode == 0, result.output
    assert '<a href="../../preparations/etude/">Étude</a>' in result.page("competences/C1.2")
    prepared = 1 + len(REFERENTIEL.competence("C1.2").criteres)  # C1.1-1 named, C1.2 all of them
    assert f"Critères préparés : {prepared} sur" in article_text(result.page("preparations"))


HOSTILE = "<script>alert(1)</script> {{ 7*7 }} *étoile* & [lien](http://exemple.invalid)"


def test_hostile_front_matter_and_body_stay_text(tmp_path: Path) -> None:
    """Titles, durations, authors and sessions are shown as text wherever they appear; a macro's
    text in the body stays text; the front matter is never rendered as a template."""
    config = minimal_site(tmp_path)
    folder = tmp_path / "docs" / "etudes-de-cas"
    folder.mkdir()
    quoted = HOSTILE.replace('"', '\\"')
    page = (
        CASE.replace("title: Étude", f'title: "{quoted}"')
        .replace("duree: 3 heures", f'duree: "{quoted}"\n  auteur: "{quoted}"\n  session: "{quoted}"')
        .replace('{{ lien("C1.1") }}', '{{ lien("C1.1", "<img src=x onerror=alert(2)>") }}')
    )
    (folder / "etude.md").write_text(page, encoding="utf-8")
    result = build(config)
    assert result.returncode == 0, result.output
    for html in (
        result.page("etudes-de-cas/etude"),
        result.page("etudes-de-cas"),
        result.page("competences/C1.1"),
    ):
        assert "<script>alert(1)</script>" not in html
        assert "<img src=x" not in html
        assert "49" not in article_text(html).split("Texte")[0]
    case = article_text(result.page("etudes-de-cas/etude"))
    assert "Durée : <script>alert(1)</script> {{ 7*7 }} *étoile* & [lien](http://exemple.invalid)" in case
    assert "<img src=x onerror=alert(2)>" in case
    listed = article_text(result.page("competences/C1.1"))
    assert HOSTILE in listed


def test_the_scaffold_builds_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``referentiel etude-de-cas nouvelle`` writes a page whose front matter is filled in and whose
    skeleton quotes the modality and its competences; the site builds strictly and lists it."""
    config = minimal_site(tmp_path)
    folder = tmp_path / "docs" / "etudes-de-cas"
    args = ["etude-de-cas", "nouvelle", "--modalite", "E2", "--titre", "Données clients <b>& CRM</b>"]
    args += ["--referentiel", str(DATA), "--dossier", str(folder)]
    assert main(args) == 0
    (page,) = folder.glob("*.md")
    assert page.name == "donnees-clients-b-crm-b.md"
    assert main(args) == 1  # a second page of the same title would replace the first: refused
    assert "existe déjà" in capsys.readouterr().err
    result = build(config)
    assert result.returncode == 0, result.output
    html = result.page("etudes-de-cas/donnees-clients-b-crm-b")
    assert "Données clients &lt;b&gt;&amp; CRM&lt;/b&gt;" in html
    text = article_text(html)
    for competence in REFERENTIEL.modality("E2").competence_ids:
        assert REFERENTIEL.competence(competence).texte in text
    assert "Travail demandé" in text and "À rédiger" in text
    assert "Données clients <b>& CRM</b>" in article_text(result.page("competences/C2.1"))


def test_scaffold_refuses_an_unknown_modality(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown modality is named with the known ones, and nothing is written."""
    args = ["etude-de-cas", "nouvelle", "--modalite", "E9", "--titre", "x", "--referentiel", str(DATA)]
    assert main([*args, "--dossier", str(tmp_path / "cas")]) == 1
    assert "aucune modalité n'a l'identifiant « E9 » (modalités : E1, E2" in capsys.readouterr().err
    assert not (tmp_path / "cas").exists()


def test_a_case_study_prints_with_only_its_criteria(tmp_path: Path) -> None:
    """``referentiel pdf`` prints each case study as a candidate's file: the case's text, then, on a
    sheet of its own, its modality's grid holding only the criteria it declares."""
    from pypdf import PdfReader

    from referentiel.export.pdf import export_case_studies

    folder = Path(__file__).resolve().parent.parent / "docs" / "etudes-de-cas"
    written = export_case_studies(REFERENTIEL, folder, tmp_path)
    assert sorted(p.name for p in written) == ["etude-gestion-de-crise.pdf", "etude-suivi-budgetaire.pdf"]
    pages = [page.extract_text() for page in PdfReader(tmp_path / "etude-suivi-budgetaire.pdf").pages]
    grid_pages = [
        i for i, text in enumerate(pages) if "Grille d'évaluation — E4.5 GESTION BUDGETAIRE" in text
    ]
    assert grid_pages and grid_pages[0] > 0, "the grid starts on a sheet after the case's text"
    case = " ".join(" ".join(pages[: grid_pages[0]]).split())
    grid = "\n".join(pages[grid_pages[0] :])
    assert "Suivi budgétaire d'une campagne de lancement" in case and "Ce que fait le candidat" in case
    assert "Une marque de vélos électriques lance un nouveau modèle." in case
    for kept in ("C4.5-1", "C4.5-3", "C4.5-4"):
        assert kept in grid
    assert "C4.5-2" not in grid


def test_a_printed_case_reports_a_bad_macro_with_its_line(tmp_path: Path) -> None:
    """Printed outside MkDocs, the page's macros run in a sandbox: an unknown ID names the file and
    line, and Python's attributes are out of reach."""
    from referentiel.errors import ReferentielError
    from referentiel.export.case_document import case_study_html

    folder = tmp_path / "etudes-de-cas"
    folder.mkdir()
    page = folder / "etude.md"
    page.write_text(CASE.replace('{{ lien("C1.1") }}', '{{ lien("C1.1") }}\n\n{{ competence("C9.9") }}'))
    with pytest.raises(ReferentielError) as caught:
        case_study_html(page, folder, REFERENTIEL)
    assert "etude.md, ligne 13" in caught.value.report()
    assert "aucune compétence n'a l'identifiant « C9.9 »" in caught.value.report()
    page.write_text(CASE.replace('{{ lien("C1.1") }}', "{{ lien.__globals__ }}"))
    with pytest.raises(ReferentielError) as caught:
        case_study_html(page, folder, REFERENTIEL)
    assert "etude.md, ligne 11" in caught.value.report()
