"""The plugin's options in ``mkdocs.yml``, typed and checked before anything is built.

Every message is French and names the option; a misspelt option is an error, not a warning,
since a typo would otherwise build the default YAML or skip the comparison without a word.
"""

from __future__ import annotations

import datetime
import difflib
import os
import re
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from ..site.urls import CASES_FOLDER

DEFAULT_SOURCE = "data/referentiel.yaml"


class ExistingFile(c.File):
    """A file that must exist, relative to ``mkdocs.yml``; stored as an absolute path."""

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or not value.strip():
            raise ValidationError(f"un chemin de fichier est attendu, pas « {value!r} ».")
        path = value if os.path.isabs(value) or not self.config_dir else os.path.join(self.config_dir, value)
        if not os.path.isfile(path):
            kind = "est un dossier" if os.path.isdir(path) else "n'existe pas"
            raise ValidationError(f"le fichier « {value} » {kind} (cherché en {os.path.abspath(path)}).")
        return os.path.abspath(path)


class CalendarDate(c.BaseConfigOption[datetime.date | None]):
    """A real date, written ``AAAA-MM-JJ`` (YAML reads it as a date, or a string if quoted)."""

    def run_validation(self, value: object) -> datetime.date | None:
        if value is None:
            return None
        if isinstance(value, datetime.datetime):
            raise ValidationError(f"une date sans heure est attendue (AAAA-MM-JJ), pas « {value} ».")
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                pass
        raise ValidationError(
            f"« {value} » n'est pas une date du calendrier AAAA-MM-JJ (par exemple 2026-08-16)."
        )


class DocsSubfolder(c.Type[str]):
    """A folder inside the docs folder, written relative to it (``etudes-de-cas``)."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or not value.strip("/ "):
            raise ValidationError(f"un nom de dossier est attendu, pas « {value!r} ».")
        parts = value.strip("/").split("/")
        if any(part in ("", ".", "..") for part in parts) or value.startswith("/"):
            raise ValidationError(f"« {value} » doit être un dossier à l'intérieur de docs/, sans « .. ».")
        return "/".join(parts)


class ReferentielConfig(base.Config):
    """``plugins: - referentiel: {...}``."""

    # The référentiel's YAML.
    source = ExistingFile(default=DEFAULT_SOURCE)
    # An export of France Compétences' open data (XML or zip) to compare with: rule S23.
    export_officiel = c.Optional(ExistingFile())
    # The day that export was downloaded, printed with the comparison.
    date_export = CalendarDate()
    # Where instructors write case studies, inside the docs folder.
    etudes_de_cas = DocsSubfolder(default=CASES_FOLDER)


def french_unknown_options(
    config: ReferentielConfig, warnings: list[tuple[str, str]]
) -> list[tuple[str, Any]]:
    """Turn MkDocs' « Unrecognised configuration name » warnings into French errors."""
    known = sorted(config._schema_keys)
    errors = []
    for key, _ in warnings:
        if key in config._schema_keys:
            continue
        close = difflib.get_close_matches(key, known, n=1)
        hint = f" Vouliez-vous dire « {close[0]} » ?" if close else ""
        errors.append(
            (key, ValidationError(f"option inconnue.{hint} Options possibles : {', '.join(known)}."))
        )
    return errors
