"""The jury's sheets on paper: real headless Chromium, real PDFs, read back with pypdf.

Blank grids and records from ``referentiel pdf``; a session of twelve candidates in two teams
from ``referentiel pdf --candidats``; the site's own grid page printed by the browser.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from browser import CHROMIUM_ARGS, chromium_path
from htmltext import normalize
from pypdf import PdfReader
from sitebuild import DATA, PROJECT, Build

from referentiel import load_referentiel, parse_referentiel
from referentiel.cli import main
from referentiel.jury import Session, read_candidates

REFERENTIEL = load_referentiel(DATA)
CANDIDATES_CSV = PROJECT / "data" / "candidats-exemple.csv"
CASES = PROJECT / "docs" / "etudes-de-cas"
A4 = (595.3, 841.9)  # points
# The site's chrome (search, menus, breadcrumbs from « Accueil », footer) never prints.
CHROME = ("Rechercher", "Table des matières", "Audit de conformité", "Traçabilité", "Made with", "Accueil")
TITLE = normalize(REFERENTIEL.certification.titre)
PAGE_NUMBER = re.compile(r"page (\d+) / (\d+)")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every blank sheet's PDF, made by ``referentiel pdf``."""
    os.environ.setdefault("CHROMIUM", chromium_path())
    output = tmp_path_factory.mktemp("pdf")
    cases = ["--etudes-de-cas", str(CASES)]
    assert main(["pdf", "--referentiel", str(DATA), "--sortie", str(output), *cases]) == 0
    return output


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example session: twelve candidates, two teams of four, pre-filled."""
    os.environ.setdefault("CHROMIUM", chromium_path())
    output = tmp_path_factory.mktemp("session")
    args = ["pdf", "--referentiel", str(DATA), "--candidats", str(CANDIDATES_CSV), "--sortie", str(output)]
    assert main([*args, "--session", "Juin 2026", "--date", "2026-06-15", "--lieu", "Lille"]) == 0
    return output


def _pages(path: Path) -> list[str]:
    # A word cut at its hyphen at the end of a line is read back « jeu- concours ».
    return [normalize(page.extract_text()).replace("- ", "-") for page in PdfReader(path).pages]


def _check_numbering(path: Path) -> list[int]:
    """Every page has the running header and « page x / y », x counting up within each sheet;
    returns each sheet's page count."""
    sheets: list[int] = []
    for index, text in enumerate(_pages(path)):
        assert text.startswith(TITLE), (path.name, index, text[:120])
        numbers = PAGE_NUMBER.findall(text)
        assert len(numbers) == 1, (path.name, index, numbers)
        page, total = map(int, numbers[0])
        if page == 1:
            sheets.append(total)
        assert sheets and page <= total == sheets[-1], (path.name, index, numbers)
    return sheets


def test_every_page_is_a4(pdfs: Path, session: Path) -> None:
    """All pages of all PDFs are A4 portrait."""
    files = sorted(pdfs.glob("*.pdf")) + sorted(session.glob("*.pdf"))
    cases = len(list(CASES.glob("*.md")))
    assert len(files) == 1 + len(REFERENTIEL.modalites) + len(REFERENTIEL.blocs) + cases + 12 + 1
    for file in files:
        for page in PdfReader(file).pages:
            size = (float(page.mediabox.width), float(page.mediabox.height))
            assert abs(size[0] - A4[0]) < 1.5 and abs(size[1] - A4[1]) < 1.5, (file.name, size)


def test_every_page_has_its_header_and_its_sheet_number(pdfs: Path, session: Path) -> None:
    """On every page of every PDF: the running header, and « page x / y » of its own sheet."""
    sheet_count = len(REFERENTIEL.modalites) + len(REFERENTIEL.blocs)
    gathered = _check_numbering(pdfs / "grilles.pdf")
    assert len(gathered) == sheet_count  # numbering restarts with each sheet
    singles = [_check_numbering(pdfs / f"grille-{m.id}.pdf") for m in REFERENTIEL.modalites]
    singles += [_check_numbering(pdfs / f"pv-{b.id}.pdf") for b in REFERENTIEL.blocs]
    assert [s for [s] in singles] == gathered
    for file in session.glob("*.pdf"):
        _check_numbering(file)


@pytest.mark.parametrize("modality", REFERENTIEL.modalites, ids=lambda m: m.id)
def test_grid_holds_its_criteria_and_no_bloc_decision(pdfs: Path, modality) -> None:
    """A modality's grid: its criteria and sub-points, a result per competence, no bloc decision."""
    text = " ".join(_pages(pdfs / f"grille-{modality.id}.pdf"))
    assert normalize(f"Grille d'évaluation — {modality.code} {modality.intitule}") in text
    for competence_id in modality.competence_ids:
        assert normalize(f"Résultat pour la compétence {competence_id}") in text
        for criterion in REFERENTIEL.competence(competence_id).criteres:
            assert normalize(criterion.texte).replace("- ", "-") in text, criterion.id
            for point in criterion.sous_points:
                assert normalize(point).replace("- ", "-") in text
    assert "décision" not in text.lower()
    for words in ("conflit d'intérêts", "Signature", "Évaluateurs de l'épreuve"):
        assert normalize(words) in text
    for chrome in CHROME:
        assert normalize(chrome) not in text, chrome


def test_one_decision_per_bloc(pdfs: Path) -> None:
    """The gathered PDF takes each bloc's decision once, on its record, with its modalities and rule."""
    text = " ".join(_pages(pdfs / "grilles.pdf"))
    assert text.count(normalize("Décision du jury pour le bloc")) == len(REFERENTIEL.blocs)
    for bloc in REFERENTIEL.blocs:
        record = " ".join(_pages(pdfs / f"pv-{bloc.id}.pdf"))
        assert record.count(normalize("Décision du jury pour le bloc")) == 1
        assert normalize(f"Procès-verbal du {bloc.titre}") in record
        assert normalize("Modalités de validation du bloc : non renseigné") in record
        for modality in bloc.modalites:
            assert normalize(modality.intitule) in record


def test_no_empty_column_no_repeated_code_one_title(real_site: Build) -> None:
    """E2 has no sub-points: no indicators column; codes stand once per competence; one title."""
    html = real_site.page("grilles/E2")
    assert "Indicateurs observables" not in html
    assert html.count("<h1") == 1 and 'class="grille-titre"' in html[html.index("<h1") : html.index("</h1>")]
    assert not re.search(r"<td>C2\.\d</td>", html)
    assert "Indicateurs observables" in real_site.page("grilles/E1")  # C1.3 has sub-points


def test_header_row_repeats_on_every_criteria_page(pdfs: Path) -> None:
    """On a grid of several pages, each page that continues the criteria table repeats its header."""
    pages = _pages(pdfs / "grille-E1.pdf")
    assert len(pages) >= 2
    for text in pages:
        assert "partiellement acquis" in text


def test_session_files_and_pages(session: Path) -> None:
    """Twelve candidate files and the session: each candidate's sheets, pre-filled, and no other."""
    candidates = read_candidates(CANDIDATES_CSV, REFERENTIEL)
    files = sorted(p.name for p in session.glob("*.pdf"))
    assert len(files) == 13 and "session.pdf" in files
    total = 0
    for candidate in candidates:
        [path] = session.glob(f"candidat-{candidate.numero}-*.pdf")
        blocs = {m.bloc_id for m in REFERENTIEL.modalites if m.id in candidate.modalites}
        sheets = _check_numbering(path)
        assert len(sheets) == len(candidate.modalites) + len(blocs), path.name
        text = " ".join(_pages(path))
        assert normalize(f"Candidat : {candidate.full_name} (n° {candidate.numero})") in text
        assert normalize("Session : Juin 2026, 15/06/2026, Lille") in text
        assert text.count(normalize("Décision du jury pour le bloc")) == len(blocs)
        total += len(PdfReader(path).pages)
    assert len(PdfReader(session / "session.pdf").pages) == total


def test_team_sheets_give_each_candidate_a_result(session: Path) -> None:
    """« Une feuille par candidat »: each of team A's four members has their own E2 sheet naming the team."""
    team = [c for c in read_candidates(CANDIDATES_CSV, REFERENTIEL) if c.equipe == "A"]
    assert len(team) == 4
    for candidate in team:
        [path] = session.glob(f"candidat-{candidate.numero}-*.pdf")
        text = " ".join(_pages(path))
        e2 = text[text.index(normalize("Grille d'évaluation — E2")) :]
        e2 = e2[: e2.index(normalize("Grille d'évaluation —"), 10)]
        assert normalize(f"Candidat : {candidate.full_name}") in e2
        for member in team:
            assert normalize(f"{member.full_name} (n° {member.numero})") in e2
        assert normalize("les résultats du seul candidat nommé") in e2


def test_team_sheet_with_a_column_per_candidate(tmp_path: Path) -> None:
    """« Une colonne par candidat »: one E2 sheet for the team, a result column headed by each name."""
    from referentiel.export.pdf import export_session

    os.environ.setdefault("CHROMIUM", chromium_path())
    text = DATA.read_text(encoding="utf-8").replace(
        "  echelle_resultats: null", "  echelle_resultats: null\n  grille_equipe: une colonne par candidat"
    )
    referentiel = parse_referentiel(text)
    candidates = read_candidates(CANDIDATES_CSV, referentiel)
    export_session(referentiel, candidates, Session("Juin"), tmp_path)
    page_texts = _pages(tmp_path / "candidat-2026-001-Martin-Lea.pdf")
    e2 = next(t for t in page_texts if normalize("Grille d'évaluation — E2") in t)
    for member in (c for c in candidates if c.equipe == "A"):
        assert normalize(member.full_name) in e2
    assert (
        normalize("Dans la colonne de chaque candidat, inscrire : Acquis ; Partiellement acquis ; Non acquis")
        in e2
    )
    assert (
        e2.startswith(TITLE)
        and normalize("Équipe A : Léa Martin, Hugo Bernard, Chloé Thomas, Louis Petit") in e2
    )


def test_site_grid_page_prints_with_header_and_numbers(real_site: Build, tmp_path: Path) -> None:
    """Printed from the browser, the site's grid page has the running header and « page x / y »."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto((real_site.site / "grilles" / "E1" / "index.html").as_uri())
        page.pdf(path=str(tmp_path / "e1.pdf"), prefer_css_page_size=True)
        browser.close()
    pages = _pages(tmp_path / "e1.pdf")
    for index, text in enumerate(pages, 1):
        assert text.startswith(TITLE)
        assert f"page {index} / {len(pages)}" in text
    for chrome in CHROME:
        assert normalize(chrome) not in " ".join(pages)


def test_grid_is_linked_from_modality_and_competences(real_site: Build) -> None:
    """Each grid is reached from its modality page and from every competence it evaluates."""
    for modality in REFERENTIEL.modalites:
        assert f'href="../../grilles/{modality.id}/"' in real_site.page(f"modalites/{modality.id}")
        for competence_id in modality.competence_ids:
            assert f'href="../../grilles/{modality.id}/"' in real_site.page(f"competences/{competence_id}")
    for bloc in REFERENTIEL.blocs:
        assert f'href="../../proces-verbaux/{bloc.id}/"' in real_site.page(f"blocs/{bloc.id}")


def test_grid_tables_are_accessible(real_site: Build) -> None:
    """Each sheet table has a caption and scoped header cells (RGAA 5.4, 5.6, 5.7)."""
    for page in ("grilles/E2", "proces-verbaux/B2"):
        html = real_site.page(page)
        tables = re.findall(r"<table.*?</table>", html, re.S)
        assert len(tables) >= 3
        for table in tables:
            assert "<caption>" in table
            assert re.search(r'<th scope="(col|row|rowgroup)"', table)
            assert "<th>" not in table


@pytest.mark.parametrize(
    ("scale", "headers"),
    [
        ("{note_maximale: 20, seuil: 10}", ["Note (sur 20)"]),
        ("{niveaux: [maîtrisé, non maîtrisé]}", ["Maîtrisé", "Non maîtrisé"]),
    ],
)
def test_scale_set_in_yaml(tmp_path: Path, scale: str, headers: list[str]) -> None:
    """The result columns follow the YAML's scale: levels of its own, or a mark with a threshold."""
    from sitebuild import build_variant

    text = DATA.read_text(encoding="utf-8").replace(
        "  echelle_resultats: null", f"  echelle_resultats: {scale}"
    )
    result = build_variant(tmp_path, text)
    assert result.returncode == 0, result.output
    html = result.page("grilles/E1")
    head = html[html.index('<table class="grille-criteres">') :]
    head = head[: head.index("</thead>")]
    for header in headers:
        assert f'<th scope="col" class="col-resultat">{header}</th>' in head
    assert "Acquis" not in head
    if "seuil" in scale:
        assert "10 sur 20" in html
