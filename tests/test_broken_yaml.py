"""Broken YAML fails with a French message naming the file, the line and the item."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import DATA, build_variant

from referentiel import ReferentielError, parse_referentiel

SOURCE = DATA.read_text(encoding="utf-8")


def _line_of(text: str, needle: str) -> int:
    """1-based line of the last line that is exactly ``needle`` or contains it."""
    found = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    return found[-1]


def _mutate(old: str, new: str) -> str:
    assert old in SOURCE, old
    return SOURCE.replace(old, new, 1)


# kind → (mutated YAML, text of the line the message must name, item named, words of the message);
# where the text stands on several lines, the last one is meant (the duplicate, not the original).
CASES = {
    "syntaxe": (
        _mutate("  niveau: 7\n", "  niveau: 7: sept\n"),
        "  niveau: 7: sept",
        None,
        "erreur de syntaxe YAML",
    ),
    "tabulation": (
        _mutate("        intitule: Audit du capital-marque\n", "\tintitule: Audit du capital-marque\n"),
        "\tintitule: Audit du capital-marque",
        "après l'élément A1.2",
        "tabulation interdite",
    ),
    "mauvais type": (
        _mutate("    numero: 2\n", "    numero: deux\n"),
        "    numero: deux",
        "bloc B2",
        "doit être un nombre entier",
    ),
    "nombre au lieu de texte": (
        _mutate("texte: La charte graphique est définie.", "texte: 42"),
        "texte: 42",
        "critère C3.1-3",
        "doit être un texte",
    ),
    "clé inconnue": (
        _mutate("        activite: A2.2\n", "        activite: A2.2\n        activté: A2.2\n"),
        "        activté: A2.2",
        "compétence C2.2",
        "clé inconnue « activté »",
    ),
    "clé en double": (
        _mutate(
            "        intitule: GESTION DE CRISE\n",
            "        intitule: GESTION DE CRISE\n        intitule: CRISE\n",
        ),
        "        intitule: CRISE",
        "modalité E3.5-3.6",
        "clé « intitule » en double",
    ),
    "identifiant en double": (
        _mutate("      - id: C4.3\n", "      - id: C4.2\n"),
        "      - id: C4.2",
        "compétence C4.2",
        "identifiant « C4.2 » en double",
    ),
    "référence inexistante": (
        _mutate("competences: [C3.5, C3.6]", "competences: [C3.5, C9.9]"),
        "competences: [C3.5, C9.9]",
        "modalité E3.5-3.6",
        "la référence « C9.9 » n'existe pas",
    ),
    "activité inexistante": (
        _mutate("        activite: A4.4\n", "        activite: A4.9\n"),
        "        activite: A4.9",
        "compétence C4.4",
        "la référence « A4.9 » n'existe pas",
    ),
    "identifiant non sûr dans une URL": (
        _mutate("      - id: E4.1\n", "      - id: E4.1/../x\n"),
        "      - id: E4.1/../x",
        "modalité E4.1/../x",
        "identifiant « E4.1/../x » invalide",
    ),
    "champ obligatoire manquant": (
        _mutate("        nature: recherche documentaire\n", ""),
        "      - id: E4.1",
        "modalité E4.1",
        "champ obligatoire manquant : « nature »",
    ),
    "valeur hors liste": (
        _mutate("        format: équipe\n", "        format: groupe\n"),
        "        format: groupe",
        "modalité E2",
        "valeurs permises",
    ),
}


@pytest.mark.parametrize("kind", CASES)
def test_loader_names_file_line_and_item(kind: str) -> None:
    """Each kind of mistake is reported with the file, its exact line, the item and a French reason."""
    text, line_text, item, words = CASES[kind]
    with pytest.raises(ReferentielError) as caught:
        parse_referentiel(text, "data/referentiel.yaml")
    problem = caught.value.problems[0]
    assert str(problem.file) == "data/referentiel.yaml"
    assert problem.line == _line_of(text, line_text), str(problem)
    if item:
        assert problem.item and item in problem.item, str(problem)
    assert words in problem.message, str(problem)


def test_duplicate_key_keeps_nothing_silently() -> None:
    """Two values for one key are an error, never « the last one wins »."""
    text = _mutate("  niveau: 7\n", "  niveau: 7\n  niveau: 6\n")
    with pytest.raises(ReferentielError, match="clé « niveau » en double"):
        parse_referentiel(text)


def test_all_problems_are_reported_at_once() -> None:
    """Several independent mistakes come in one report, sorted by line."""
    text = _mutate("    numero: 2\n", "    numero: deux\n").replace(
        "    numero: 3\n", "    numero: trois\n", 1
    )
    with pytest.raises(ReferentielError) as caught:
        parse_referentiel(text)
    lines = [p.line for p in caught.value.problems]
    assert len(lines) == 2 and lines == sorted(lines)
    assert caught.value.report().startswith("Référentiel invalide (2 erreurs)")


def test_python_tags_are_refused() -> None:
    """YAML tags that would build Python objects are refused, not executed."""
    text = _mutate("  niveau: 7\n", "  niveau: !!python/object/apply:os.system ['true']\n")
    with pytest.raises(ReferentielError, match="étiquette YAML non autorisée"):
        parse_referentiel(text)


def test_empty_and_missing_files(tmp_path: Path) -> None:
    """An empty file and a missing file get their own French message."""
    from referentiel import load_referentiel

    empty = tmp_path / "vide.yaml"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(ReferentielError, match="le fichier est vide"):
        load_referentiel(empty)
    with pytest.raises(ReferentielError, match="fichier introuvable"):
        load_referentiel(tmp_path / "absent.yaml")


@pytest.mark.parametrize("kind", ["clé en double", "référence inexistante", "syntaxe"])
def test_build_fails_without_traceback(tmp_path: Path, kind: str) -> None:
    """``mkdocs build`` stops with the French report and no Python traceback."""
    text, line_text, item, words = CASES[kind]
    result = build_variant(tmp_path, text)
    assert result.returncode != 0
    assert "Traceback" not in result.output
    assert f"referentiel.yaml, ligne {_line_of(text, line_text)}" in result.output
    assert words in result.output
    if item:
        assert item in result.output
