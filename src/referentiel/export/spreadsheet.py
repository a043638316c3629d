"""The CSV of the criteria, as a French spreadsheet opens it: one row per criterion.

Excel in French splits on « ; » and reads UTF-8 only when the file starts with a BOM;
LibreOffice asks and accepts both. So: « ; » between fields, UTF-8 with a BOM, CRLF line
ends, every field quoted when needed. A cell that a spreadsheet would run as a formula
(starting with « = », « + », « - », « @ », a tab or a carriage return) is prefixed with « ' »,
which spreadsheets show as text.
"""

from __future__ import annotations

import csv
import io

from ..model import Bloc, Referentiel

HEADERS = (
    "Bloc",
    "Code RNCP du bloc",
    "Intitulé du bloc",
    "Activité",
    "Intitulé de l'activité",
    "Compétence",
    "Texte de la compétence",
    "Modalités d'évaluation",
    "Critère",
    "Texte du critère",
    "Sous-points",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def spreadsheet_safe(value: str) -> str:
    """``value`` as a spreadsheet shows it, never as a formula it runs."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def criteria_rows(referentiel: Referentiel, blocs: tuple[Bloc, ...] | None = None) -> list[list[str]]:
    """One row per criterion, in the référentiel's order (a competence without criterion: one row)."""
    rows = []
    for bloc in blocs if blocs is not None else referentiel.blocs:
        for competence in bloc.competences:
            activity = referentiel.activity(competence.activite_id) if competence.activite_id else None
            modalities = " ; ".join(f"{m.id} ({m.code})" for m in referentiel.modalities_of(competence.id))
            head = [
                bloc.id,
                bloc.code_rncp or "",
                bloc.intitule,
                activity.id if activity else "",
                activity.intitule if activity else "",
                competence.id,
                competence.texte,
                modalities,
            ]
            for criterion in competence.criteres or (None,):
                if criterion is None:
                    rows.append([*head, "", "", ""])
                else:
                    rows.append([*head, criterion.id, criterion.texte, " ; ".join(criterion.sous_points)])
    return rows


def csv_text(referentiel: Referentiel, blocs: tuple[Bloc, ...] | None = None) -> str:
    """The CSV (with its BOM), every cell safe for a spreadsheet."""
    output = io.StringIO(newline="")
    writer = csv.writer(output, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(HEADERS)
    for row in criteria_rows(referentiel, blocs):
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return BOM + output.getvalue()
