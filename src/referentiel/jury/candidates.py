"""Reading the candidates of a session from the CSV a French spreadsheet writes.

Excel and LibreOffice in French write « ; » between fields (« , » elsewhere), in UTF-8 with
or without a BOM, or in Windows-1252: all are read. The first row names the columns. Every
row is checked before anything is printed; each problem names its line and its reason.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path

from ..limits import MAX_PROBLEMS
from ..model import ACCESS_ROUTES, Modality, Referentiel
from ..oserrors import describe
from .session import Candidate

MAX_CSV_BYTES = 5 * 1024 * 1024
MAX_CANDIDATES = 5000
MAX_FIELD = 200

# Column → the headers that name it, folded (lower case, no accents, no punctuation).
COLUMNS = {
    "nom": ("nom",),
    "prenom": ("prenom",),
    "numero": ("numero", "n de candidat", "numero de candidat", "n candidat"),
    "voie": ("voie", "voie d acces"),
    "equipe": ("equipe",),
    "modalites": ("modalites", "modalites passees", "epreuves"),
}
REQUIRED = ("nom", "prenom", "numero")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class CandidateError(Exception):
    """The candidates' file cannot be used; ``problems`` are « line: reason » in French."""

    def __init__(self, path: Path, problems: list[tuple[int | None, str]]) -> None:
        self.path = path
        self.problems = problems
        lines = [
            f"{path}, ligne {line} : {reason}" if line else f"{path} : {reason}" for line, reason in problems
        ]
        count = len(problems)
        head = f"Fichier des candidats invalide ({count} erreur{'s' if count > 1 else ''}) :"
        super().__init__("\n".join([head, *(f"  - {line}" for line in lines[:MAX_PROBLEMS])]))


def comparable(text: str) -> str:
    """Lower case, accents and punctuation removed: « N° de candidat » → « n de candidat »."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", letters).split())


def decode(data: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), else Windows-1252, as French spreadsheets write."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CandidateError(
            path, [(line, "encodage non reconnu : enregistrez le fichier en CSV UTF-8")]
        ) from None


def _delimiter(header: str) -> str:
    return ";" if header.count(";") >= header.count(",") else ","


def read_candidates(path: Path, referentiel: Referentiel) -> list[Candidate]:
    """The candidates of ``path``, all checked; raise :class:`CandidateError` naming every bad row."""
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_CSV_BYTES + 1)
    except OSError as error:
        raise CandidateError(path, [(None, f"lecture impossible : {describe(error)}")]) from None
    if len(data) > MAX_CSV_BYTES:
        raise CandidateError(path, [(None, "fichier trop volumineux (plus de 5 Mo)")])
    text = decode(data, path)
    if not text.strip():
        raise CandidateError(path, [(None, "le fichier est vide")])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text.splitlines()[0]))
    try:
        rows = list(reader)
    except csv.Error as error:
        raise CandidateError(path, [(reader.line_num, f"CSV illisible ({error})")]) from None
    columns, problems = _header(rows[0])
    if problems:
        raise CandidateError(path, [(1, p) for p in problems])
    codes = _modality_codes(referentiel)
    candidates: list[Candidate] = []
    errors: list[tuple[int | None, str]] = []
    numbers: dict[str, int] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(candidates) >= MAX_CANDIDATES:
            errors.append((line, f"plus de {MAX_CANDIDATES} candidats"))
            break
        candidate, row_errors = _candidate(row, columns, codes, referentiel, line)
        if candidate and candidate.numero in numbers:
            row_errors.append(
                f"numéro de candidat « {candidate.numero} » déjà donné ligne {numbers[candidate.numero]}"
            )
        errors += [(line, reason) for reason in row_errors]
        if candidate and not row_errors:
            numbers[candidate.numero] = line
            candidates.append(candidate)
    if not errors:
        errors += _team_sizes(candidates, referentiel)
    if not candidates and not errors:
        errors.append((None, "aucun candidat"))
    if errors:
        raise CandidateError(path, errors)
    return candidates


def _header(row: list[str]) -> tuple[dict[str, int], list[str]]:
    columns: dict[str, int] = {}
    problems = []
    names = {alias: column for column, aliases in COLUMNS.items() for alias in aliases}
    for index, cell in enumerate(row):
        column = names.get(comparable(cell))
        if column is None:
            if cell.strip():
                permitted = ", ".join(COLUMNS)
                problems.append(f"colonne inconnue « {cell.strip()[:40]} » ; colonnes permises : {permitted}")
            continue
        if column in columns:
            problems.append(f"colonne « {cell.strip()} » en double")
        columns[column] = index
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        problems.append("colonne(s) obligatoire(s) manquante(s) : " + ", ".join(missing))
    return columns, problems


def _modality_codes(referentiel: Referentiel) -> dict[str, list[Modality]]:
    """Each modality by its ID and by its printed code, folded; a code may name several."""
    codes: dict[str, list[Modality]] = {}
    for modality in referentiel.modalites:
        for key in {comparable(modality.id), comparable(modality.code)}:
            codes.setdefault(key, []).append(modality)
    return codes


def _candidate(
    row: list[str],
    columns: dict[str, int],
    codes: dict[str, list[Modality]],
    referentiel: Referentiel,
    line: int,
) -> tuple[Candidate | None, list[str]]:
    def cell(column: str) -> str:
        index = columns.get(column)
        return row[index].strip() if index is not None and index < len(row) else ""

    errors = []
    values = {column: cell(column) for column in COLUMNS}
    for column, value in values.items():
        if _CONTROL.search(value):
            errors.append(f"caractère de contrôle dans la colonne « {column} »")
        if len(value) > MAX_FIELD:
            errors.append(f"colonne « {column} » trop longue (plus de {MAX_FIELD} caractères)")
    for column in REQUIRED:
        if not values[column]:
            errors.append(f"colonne « {column} » vide")
    voie = None
    if values["voie"]:
        routes = {comparable(route): route for route in ACCESS_ROUTES}
        voie = routes.get(comparable(values["voie"]))
        if voie is None:
            errors.append(
                f"voie d'accès « {values['voie']} » inconnue ; voies permises : {', '.join(ACCESS_ROUTES)}"
            )
    modalities: list[str] = []
    for code in (c for c in re.split(r"[\s,;|]+", values["modalites"]) if c):
        found = codes.get(comparable(code), [])
        if not found:
            errors.append(f"modalité « {code} » inconnue")
        elif len(found) > 1:
            ids = " ou ".join(m.id for m in found)
            errors.append(f"code « {code} » ambigu : indiquez l'identifiant ({ids})")
        elif found[0].id not in modalities:
            modalities.append(found[0].id)
    if not values["modalites"]:
        modalities = [m.id for m in referentiel.modalites]  # no column or empty: the whole certification
    if errors:
        return None, errors
    candidate = Candidate(
        nom=values["nom"],
        prenom=values["prenom"],
        numero=values["numero"],
        voie=voie,
        equipe=values["equipe"] or None,
        modalites=tuple(modalities),
        line=line,
    )
    return candidate, []


def _team_sizes(candidates: list[Candidate], referentiel: Referentiel) -> list[tuple[int | None, str]]:
    """A team larger than the modality allows is refused, at the line of its first extra member."""
    errors: list[tuple[int | None, str]] = []
    for modality in referentiel.modalites:
        if modality.format != "équipe" or not modality.effectif_equipe:
            continue
        teams: dict[str, list[Candidate]] = {}
        for candidate in candidates:
            if candidate.equipe and modality.id in candidate.modalites:
                teams.setdefault(candidate.equipe, []).append(candidate)
        for name, members in teams.items():
            if len(members) > modality.effectif_equipe:
                extra = members[modality.effectif_equipe]
                errors.append(
                    (
                        extra.line,
                        f"équipe « {name} » : {len(members)} candidats pour la modalité {modality.code}, "
                        f"qui se passe en équipe de {modality.effectif_equipe}",
                    )
                )
    return errors
