"""Rule S19: a competence nearly copied from another fiche of the open data is reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import DATA
from test_import import EXPORT

from referentiel.cli import main
from referentiel.rncp.copies import CopyIndex, OtherCompetence, export_competences, jaccard, shingles

# The first competence of RNCP36612's first bloc, as the export lists it.
COPIED = (
    "Réaliser une veille règlementaire régulière en matière de droit social et du travail, en exploitant "
    "les canaux et sources d’informations pertinents mis à sa disposition, afin de prendre en compte les "
    "évolutions de la législation sociale et de les impacter dans la rédaction et le suivi des contrats "
    "de travail."
)


def _seed_with(text: str, tmp_path: Path) -> Path:
    original = "Réaliser un audit stratégique de la marque en analysant ses forces et ses faiblesses"
    source = DATA.read_text(encoding="utf-8")
    line = next(line for line in source.splitlines() if original in line)
    indent = line[: len(line) - len(line.lstrip())]
    path = tmp_path / "referentiel.yaml"
    path.write_text(source.replace(line, f'{indent}texte: "{text}"', 1), encoding="utf-8")
    return path


def test_a_near_copy_is_reported_with_the_other_fiche(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A competence reworded by two words from RNCP36612's first bloc is an S19 warning naming that
    fiche, its bloc and the similarity; exit 0, since S19 warns."""
    path = _seed_with(COPIED.replace("régulière", "constante").replace("pertinents", "utiles"), tmp_path)
    assert main(["check", str(path), "--copies", str(EXPORT), "--json"]) == 0
    out = capsys.readouterr().out
    import json

    s19 = [f for f in json.loads(out)["constats"] if f["regle"] == "S19"]
    assert len(s19) == 1, s19
    assert s19[0]["elements"] == ["C1.1"]
    assert "fiche RNCP36612, bloc RNCP36612BC01" in s19[0]["message"]
    assert "reprend à" in s19[0]["message"]


def test_the_seed_copies_no_fixture_fiche(capsys: pytest.CaptureFixture[str]) -> None:
    """The seed's own competences are not reported against the four fixture fiches."""
    assert main(["check", str(DATA), "--copies", str(EXPORT)]) == 0
    assert "S19" not in capsys.readouterr().out


def test_similarity_is_on_word_runs_not_accents_or_case() -> None:
    """Accents, case and punctuation do not hide a copy; a short common phrase is never one."""
    a = shingles("Élaborer le budget prévisionnel de la campagne, puis le suivre.")
    b = shingles("elaborer le budget previsionnel de la campagne puis le suivre")
    assert a and jaccard(a, b) == 1.0
    assert shingles("Gérer un budget") == frozenset()
    index = CopyIndex(
        [OtherCompetence("RNCP1", "RNCP1BC01", "Bloc", "Élaborer le budget prévisionnel de la campagne")]
    )
    assert index.near("Elaborer le budget prévisionnel de la campagne.")
    assert not index.near("Piloter une équipe commerciale dans un contexte international")


def test_the_export_is_read_whole_except_the_own_fiche() -> None:
    """Every bloc's listed competences of every other fiche are indexed."""
    numbers = {c.fiche for c in export_competences(EXPORT, {"RNCP37674"})}
    assert numbers == {"RNCP34762", "RNCP35625", "RNCP36612"}
