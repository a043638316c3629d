"""Printing the grids: real headless Chromium, real PDF, A4, no site chrome, whole rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import chromium_path
from htmltext import normalize
from pypdf import PdfReader
from sitebuild import DATA, Build

from referentiel import load_referentiel
from referentiel.cli import main

REFERENTIEL = load_referentiel(DATA)
A4 = (595.3, 841.9)  # points
CHROME = ("Rechercher", "Table des matières", "Audit de conformité", "Traçabilité", "Made with")


@pytest.fixture(scope="module")
def pdfs(real_site: Build, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every grid PDF, made by the ``referentiel pdf`` command from the built site."""
    import os

    os.environ.setdefault("CHROMIUM", chromium_path())
    output = tmp_path_factory.mktemp("pdf")
    assert (
        main(["pdf", "--referentiel", str(DATA), "--site", str(real_site.site), "--sortie", str(output)]) == 0
    )
    return output


def _text(reader: PdfReader) -> str:
    return normalize(" ".join(page.extract_text() for page in reader.pages))


def test_every_page_is_a4(pdfs: Path) -> None:
    """All pages of all PDFs are A4 portrait."""
    files = sorted(pdfs.glob("*.pdf"))
    assert len(files) == 1 + len(REFERENTIEL.modalites)
    for file in files:
        for page in PdfReader(file).pages:
            size = (float(page.mediabox.width), float(page.mediabox.height))
            assert abs(size[0] - A4[0]) < 1.5 and abs(size[1] - A4[1]) < 1.5, (file.name, size)


@pytest.mark.parametrize("modality", REFERENTIEL.modalites, ids=lambda m: m.id)
def test_grid_pdf_holds_its_criteria_and_no_chrome(pdfs: Path, modality) -> None:
    """A modality's PDF has its header, every criterion and sub-point, the footer; no site chrome."""
    reader = PdfReader(pdfs / f"grille-{modality.id}.pdf")
    text = _text(reader)
    assert normalize(f"{modality.code} {modality.intitule}") in text
    for competence_id in modality.competence_ids:
        for criterion in REFERENTIEL.competence(competence_id).criteres:
            assert normalize(criterion.texte) in text, criterion.id
            for point in criterion.sous_points:
                assert normalize(point) in text
    for words in (
        "N° RNCP : non renseigné",
        "Décision proposée pour le bloc",
        "conflit d'intérêts",
        "Signature",
    ):
        assert normalize(words) in text
    for chrome in CHROME:
        assert normalize(chrome) not in text, chrome


@pytest.mark.parametrize("modality", REFERENTIEL.modalites, ids=lambda m: m.id)
def test_signature_block_is_not_split(pdfs: Path, modality) -> None:
    """The decision, evaluators and date stand together on the last page."""
    last = normalize(PdfReader(pdfs / f"grille-{modality.id}.pdf").pages[-1].extract_text())
    for words in ("Décision proposée pour le bloc", "Évaluateurs", "conflit d'intérêts", "Date"):
        assert normalize(words) in last


def test_header_row_repeats_on_every_criteria_page(pdfs: Path) -> None:
    """On a grid of several pages, each page that continues the criteria table repeats its header."""
    reader = PdfReader(pdfs / "grille-E1.pdf")
    assert len(reader.pages) >= 3
    for page in reader.pages[:-1]:
        assert "partiellement acquis" in normalize(page.extract_text())


def test_all_grids_file_starts_each_grid_on_a_new_page(pdfs: Path) -> None:
    """The gathered PDF is the grids one after the other, each from a fresh page, nothing before."""
    counts = [len(PdfReader(pdfs / f"grille-{m.id}.pdf").pages) for m in REFERENTIEL.modalites]
    gathered = PdfReader(pdfs / "grilles.pdf")
    assert len(gathered.pages) == sum(counts)
    first_pages = [sum(counts[:i]) for i in range(len(counts))]
    for index, modality in zip(first_pages, REFERENTIEL.modalites, strict=True):
        top = normalize(gathered.pages[index].extract_text())
        assert top.startswith(normalize(f"Grille d'évaluation — {modality.code} {modality.intitule}"))


def test_grid_is_linked_from_modality_and_competences(real_site: Build) -> None:
    """Each grid is reached from its modality page and from every competence it evaluates."""
    for modality in REFERENTIEL.modalites:
        assert f'href="../../grilles/{modality.id}/"' in real_site.page(f"modalites/{modality.id}")
        for competence_id in modality.competence_ids:
            assert f'href="../../grilles/{modality.id}/"' in real_site.page(f"competences/{competence_id}")


def test_grid_tables_are_accessible(real_site: Build) -> None:
    """Each grid table has a caption and scoped header cells (RGAA 5.4, 5.6, 5.7)."""
    import re

    html = real_site.page("grilles/E2")
    tables = re.findall(r"<table.*?</table>", html, re.S)
    assert len(tables) == 4
    for table in tables:
        assert "<caption>" in table
        assert re.search(r'<th scope="(col|row|rowgroup)"', table)
        assert "<th>" not in table
    assert html.count("case-a-cocher") >= 4 * 8  # four team members' tick boxes


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
        assert f'<th scope="col">{header}</th>' in head
    assert "Acquis" not in head
    if "seuil" in scale:
        assert "10 sur 20" in html
