"""The candidates' CSV: what French spreadsheets write is read; each bad row is refused with its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import DATA, PROJECT

from referentiel import load_referentiel
from referentiel.cli import main
from referentiel.jury import CandidateError, read_candidates

REFERENTIEL = load_referentiel(DATA)
HEADER = "nom;prenom;numero;voie;equipe;modalites\n"
GOOD = "Martin;Léa;1;apprentissage;A;E1 E2\n"


def _csv(tmp_path: Path, text: str | bytes, name: str = "candidats.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def test_example_file_reads(tmp_path: Path) -> None:
    """The shipped example: twelve candidates, two teams of four for E2 and E3.1-3.4."""
    candidates = read_candidates(PROJECT / "data" / "candidats-exemple.csv", REFERENTIEL)
    assert len(candidates) == 12
    assert sorted({c.equipe for c in candidates if c.equipe}) == ["A", "B"]
    assert candidates[0].voie == "élève ou étudiant" and candidates[0].modalites == (
        "E1",
        "E2",
        "E3.1-3.4",
        "E3.5-3.6",
    )


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("UTF-8 avec BOM", ("\ufeff" + HEADER + GOOD).encode("utf-8")),
        ("Windows-1252", (HEADER + GOOD).encode("cp1252")),
        ("virgules", (HEADER + GOOD).replace(";", ",").encode("utf-8")),
        (
            "en-têtes accentués",
            ("Nom;Prénom;N° de candidat;Voie d'accès;Équipe;Modalités\n" + GOOD).encode("utf-8"),
        ),
        ("fins de ligne Windows", (HEADER + GOOD).replace("\n", "\r\n").encode("utf-8")),
        (
            "codes imprimés",
            (HEADER + "Martin;Léa;1;apprentissage;A;E.1. E2.1/2.2/2.3/2.4.\n").encode("utf-8"),
        ),
    ],
)
def test_spreadsheet_variants_are_read(tmp_path: Path, name: str, data: bytes) -> None:
    """Each way a French spreadsheet saves a CSV gives the same candidate."""
    [candidate] = read_candidates(_csv(tmp_path, data), REFERENTIEL)
    assert (candidate.nom, candidate.prenom, candidate.numero) == ("Martin", "Léa", "1")
    assert candidate.voie == "apprentissage" and candidate.modalites[0] == "E1"


BAD = {
    "colonne obligatoire absente": (
        "nom;numero\nMartin;1\n",
        1,
        "colonne(s) obligatoire(s) manquante(s) : prenom",
    ),
    "colonne inconnue": ("nom;prenom;numero;age\nMartin;Léa;1;20\n", 1, "colonne inconnue « age »"),
    "nom vide": (HEADER + ";Léa;1;;;E1\n", 2, "colonne « nom » vide"),
    "modalité inconnue": (HEADER + "Martin;Léa;1;;;E9\n", 2, "modalité « E9 » inconnue"),
    "code ambigu": (HEADER + "Martin;Léa;1;;;E4.5\n", 2, "code « E4.5 » ambigu"),
    "voie inconnue": (HEADER + "Martin;Léa;1;alternance;;E1\n", 2, "voie d'accès « alternance » inconnue"),
    "numéro en double": (HEADER + GOOD + "Petit;Louis;1;;A;E1\n", 3, "déjà donné ligne 2"),
    "équipe trop grande": (
        HEADER + "".join(f"N{i};P{i};{i};;A;E2\n" for i in range(5)),
        6,
        "équipe « A » : 5 candidats pour la modalité E2.1/2.2/2.3/2.4., qui se passe en équipe de 4",
    ),
    "caractère de contrôle": (HEADER + "Mar\x1btin;Léa;1;;;E1\n", 2, "caractère de contrôle"),
    "fichier vide": ("", None, "le fichier est vide"),
    "aucun candidat": (HEADER, None, "aucun candidat"),
    "guillemet non fermé": (HEADER + 'Martin;"Léa;1;;;E1\n', 2, "colonne « numero » vide"),
}


@pytest.mark.parametrize("kind", BAD)
def test_bad_rows_are_refused_with_their_line_and_nothing_printed(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``referentiel pdf --candidats`` refuses the file: exit 1, the line and the reason, no PDF."""
    text, line, words = BAD[kind]
    path = _csv(tmp_path, text)
    with pytest.raises(CandidateError):
        read_candidates(path, REFERENTIEL)
    output = tmp_path / "pdf"
    status = main(["pdf", "--referentiel", str(DATA), "--candidats", str(path), "--sortie", str(output)])
    printed = capsys.readouterr().err
    assert status == 1, printed
    assert words in printed, printed
    assert (f"{path}, ligne {line} :" if line else f"{path} :") in printed
    assert "Traceback" not in printed
    assert not output.exists()


def test_session_options_need_candidates(capsys: pytest.CaptureFixture[str]) -> None:
    """--session without --candidats is a command-line mistake, told in French."""
    assert main(["pdf", "--session", "Juin"]) == 2
    assert "vont avec --candidats" in capsys.readouterr().err
