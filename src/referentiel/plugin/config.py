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


class ExistingSource(ExistingFile):
    """A référentiel's YAML, or a folder of them (a catalogue); stored as an absolute path."""

    def run_validation(self, value: object) -> str:
        if isinstance(value, str) and value.strip():
            path = (
                value if os.path.isabs(value) or not self.config_dir else os.path.join(self.config_dir, value)
            )
            if os.path.isdir(path):
                return os.path.abspath(path)
        try:
            return super().run_validation(value)
        except ValidationError as error:
            raise ValidationError(
                f"{error} Un fichier YAML ou un dossier de fichiers YAML est attendu."
            ) from None


SEARCH_ENGINES = ("auto", "theme", "pagefind")


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


VERSION_KEYS = ("nom", "fichier", "revision")


class VersionList(c.BaseConfigOption[list[dict[str, str | None]]]):
    """Earlier versions, oldest first: ``[{nom: "2021", fichier: anciennes/2021.yaml},
    {nom: "2024", revision: v2024}]`` (a file, or a git revision of ``source``)."""

    def __init__(self) -> None:
        super().__init__()
        self.default: list[dict[str, str | None]] = []
        self.config_dir: str | None = None

    def pre_validation(self, config: base.Config, key_name: str) -> None:
        self.config_dir = os.path.dirname(config.config_file_path) if config.config_file_path else None

    def run_validation(self, value: object) -> list[dict[str, str | None]]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise ValidationError("une liste de versions est attendue (- nom: …, fichier: … ou revision: …).")
        versions: list[dict[str, str | None]] = []
        for number, entry in enumerate(value, start=1):
            where = f"version {number}"
            if not isinstance(entry, dict):
                raise ValidationError(f"{where} : « nom » et « fichier » ou « revision » sont attendus.")
            for key in entry:
                if key not in VERSION_KEYS:
                    close = difflib.get_close_matches(str(key), VERSION_KEYS, n=1)
                    hint = f" Vouliez-vous dire « {close[0]} » ?" if close else ""
                    raise ValidationError(f"{where} : option inconnue « {key} ».{hint}")
            name = entry.get("nom")
            if not isinstance(name, str) or not name.strip():
                raise ValidationError(f"{where} : « nom » (le nom de la version, par exemple 2021) manque.")
            file, revision = entry.get("fichier"), entry.get("revision")
            if (file is None) == (revision is None):
                raise ValidationError(f"{where} (« {name} ») : donnez soit « fichier », soit « revision ».")
            if file is not None:
                checker = ExistingFile()
                checker.config_dir = self.config_dir
                file = checker.run_validation(file)
            elif not isinstance(revision, str | int):
                raise ValidationError(
                    f"{where} (« {name} ») : « revision » doit être un nom de révision git."
                )
            versions.append(
                {"nom": name, "fichier": file, "revision": None if revision is None else str(revision)}
            )
        names = [v["nom"] for v in versions]
        twice = sorted({n for n in names if names.count(n) > 1 if n})
        if twice:
            raise ValidationError(f"deux versions portent le même nom : {', '.join(twice)}.")
        return versions


class ReferentielConfig(base.Config):
    """``plugins: - referentiel: {...}``."""

    # The référentiel's YAML, or a folder of them: a catalogue, each under its own address.
    source = ExistingSource(default=DEFAULT_SOURCE)
    # An export of France Compétences' open data (XML or zip) to compare with: rule S23.
    export_officiel = c.Optional(ExistingFile())
    # The day that export was downloaded, printed with the comparison.
    date_export = CalendarDate()
    # Where instructors write case studies, inside the docs folder.
    etudes_de_cas = DocsSubfolder(default=CASES_FOLDER)
    # Earlier versions, oldest first, and the name of the current one.
    versions = VersionList()
    version_actuelle = c.Type(str, default="actuelle")
    # The search index: the theme's (one file every page downloads), Pagefind's (split in
    # chunks fetched as a query needs them), or the theme's up to ``recherche_seuil`` référentiels.
    recherche = c.Choice(SEARCH_ENGINES, default="auto")
    recherche_seuil = c.Type(int, default=20)


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
