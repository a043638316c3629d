"""Every format a référentiel is exported to, with its file name: one table for the command
line and for the site's « Téléchargements » page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..files import write_all_or_none
from ..model import Referentiel
from .case import case_text
from .json_data import json_text
from .moodle import moodle_text
from .spreadsheet import csv_text


@dataclass(frozen=True)
class Format:
    name: str  # as the command line names it
    file: str
    label: str  # what the downloads page says of it
    render: Callable[[Referentiel], str]


FORMATS = {
    f.name: f
    for f in (
        Format(
            "json",
            "referentiel.json",
            "JSON : le référentiel entier, avec les liens entre éléments",
            json_text,
        ),
        Format(
            "csv",
            "referentiel.csv",
            "CSV pour tableur (Excel, LibreOffice) : une ligne par critère, « ; », UTF-8",
            csv_text,
        ),
        Format(
            "case",
            "referentiel-case.json",
            "CASE 1.0 (1EdTech) : compétences et grilles (CFPackage)",
            case_text,
        ),
        Format(
            "moodle",
            "referentiel-moodle.csv",
            "Moodle : référentiel de compétences à importer (tool_lpimportcsv)",
            moodle_text,
        ),
    )
}


def bloc_csv_name(bloc_id: str) -> str:
    return f"referentiel-{bloc_id}.csv"


def export_contents(referentiel: Referentiel, names: list[str]) -> dict[str, bytes]:
    """File name → bytes for the formats ``names``; the CSV comes with one file per bloc too."""
    contents = {FORMATS[name].file: FORMATS[name].render(referentiel).encode("utf-8") for name in names}
    if "csv" in names:
        for bloc in referentiel.blocs:
            contents[bloc_csv_name(bloc.id)] = csv_text(referentiel, (bloc,)).encode("utf-8")
    return contents


def export_files(referentiel: Referentiel, names: list[str], output: Path) -> list[Path]:
    """Write the formats ``names`` into ``output``: all the files or none."""
    contents = export_contents(referentiel, names)
    return write_all_or_none({output / name: data for name, data in contents.items()})
