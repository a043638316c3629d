"""The competency framework CSV that Moodle's ``tool_lpimportcsv`` imports.

Moodle reads fourteen columns by position; one row is the framework and carries the scale;
the blocs are its top-level competencies and the competences sit under them, each naming its
parent's ID number, parents before children. Descriptions are HTML (format 1): the bloc's or
competence's text and its criteria as a list, every value escaped. The scale is the
référentiel's: its levels from the lowest to the highest, the highest one proficient; or, for a
mark, every mark from 0 to the maximum, proficient from the threshold.
"""

from __future__ import annotations

import csv
import html
import io
import json
import math

from ..model import Referentiel, ResultScale
from .spreadsheet import spreadsheet_safe

COLUMNS = (
    "Parent ID number",
    "ID number",
    "Short name",
    "Description",
    "Description format",
    "Scale values",
    "Scale configuration",
    "Rule type (optional)",
    "Rule outcome (optional)",
    "Rule config (optional)",
    "Cross-referenced competency ID numbers",
    "Exported ID (optional)",
    "Is framework",
    "Taxonomy",
)
FORMAT_HTML = "1"
SHORT_NAME_LENGTH = 100  # Moodle's limit


def _short(text: str) -> str:
    return text if len(text) <= SHORT_NAME_LENGTH else text[: SHORT_NAME_LENGTH - 1].rstrip() + "…"


def scale(scale: ResultScale) -> tuple[str, str]:
    """(values, configuration) of the Moodle scale for ``scale``."""
    if scale.is_marks:
        assert scale.note_maximale is not None and scale.seuil is not None
        values = [str(mark) for mark in range(scale.note_maximale + 1)]
        proficient_from = math.ceil(scale.seuil)
    else:
        values = list(reversed(scale.niveaux))  # Moodle lists a scale from the lowest value
        proficient_from = len(values) - 1
    # The importer replaces this scale id by that of the scale it finds, or creates, from the values.
    configuration: list[dict[str, object]] = [{"scaleid": "0"}]
    configuration += [
        {"id": index, "scaledefault": 1 if index == len(values) else 0, "proficient": 1}
        for index in range(proficient_from + 1, len(values) + 1)
    ]
    # Moodle splits the values on commas: a comma inside a level becomes a full-width one.
    return ",".join(value.replace(",", "，") for value in values), json.dumps(configuration)


def framework_id(referentiel: Referentiel) -> str:
    return referentiel.certification.numero_rncp or "referentiel"


def _description(text: str, criteria: list[str] | None = None) -> str:
    body = f"<p>{html.escape(text)}</p>"
    if criteria:
        body += "<ul>" + "".join(f"<li>{html.escape(c)}</li>" for c in criteria) + "</ul>"
    return body


def moodle_rows(referentiel: Referentiel) -> list[list[str]]:
    certification = referentiel.certification
    prefix = framework_id(referentiel)
    values, configuration = scale(certification.scale)
    rows = [
        [
            "",
            prefix,
            _short(certification.titre),
            _description(f"Référentiel de la certification « {certification.titre} »."),
            FORMAT_HTML,
            values,
            configuration,
            "",
            "",
            "",
            "",
            "",
            "1",
            "domain,competency",
        ]
    ]
    for bloc in referentiel.blocs:
        bloc_number = bloc.code_rncp or f"{prefix}-{bloc.id}"
        rows.append(
            ["", bloc_number, _short(bloc.titre), _description(bloc.titre), FORMAT_HTML, *[""] * 7, "0", ""]
        )
        for competence in bloc.competences:
            criteria = [
                f"{c.id} : {c.texte}" + (" (" + " ; ".join(c.sous_points) + ")" if c.sous_points else "")
                for c in competence.criteres
            ]
            rows.append(
                [
                    bloc_number,
                    f"{prefix}-{competence.id}",
                    _short(f"{competence.id} {competence.texte}"),
                    _description(competence.texte, criteria),
                    FORMAT_HTML,
                    *[""] * 7,
                    "0",
                    "",
                ]
            )
    return rows


def moodle_text(referentiel: Referentiel) -> str:
    """The CSV, UTF-8 with a header row, « , » between fields as Moodle's importer expects."""
    output = io.StringIO(newline="")
    writer = csv.writer(output, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in moodle_rows(referentiel):
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return output.getvalue()
