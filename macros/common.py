"""What the hook and the macros share: finding the YAML and loading it for MkDocs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from referentiel import Referentiel, ReferentielError, load_referentiel
from referentiel.checks import Finding
from referentiel.terminal import printable

DEFAULT_SOURCE = "data/referentiel.yaml"


def source_path(config: Any) -> Path:
    """The YAML named by ``extra.referentiel.source``, relative to ``mkdocs.yml``."""
    settings = config["extra"].get("referentiel") or {}
    return Path(config["config_file_path"]).parent / settings.get("source", DEFAULT_SOURCE)


def load(config: Any) -> Referentiel:
    """The référentiel, or a build failure that shows the French report and no traceback."""
    try:
        return load_referentiel(source_path(config))
    except ReferentielError as error:
        raise PluginError(error.report()) from None


def official_findings(referentiel: Referentiel, config: Any) -> list[Finding]:
    """Rule S23 against the export named by ``extra.referentiel.export_officiel``, if any."""
    settings = config["extra"].get("referentiel") or {}
    export = settings.get("export_officiel")
    if not export:
        return []
    from referentiel.rncp import ExportError, crosscheck_export  # only sites that compare need it

    path = Path(config["config_file_path"]).parent / export
    try:
        return crosscheck_export(referentiel, path, settings.get("date_export"))
    except ExportError as error:
        raise PluginError(printable(f"Export officiel illisible : {error}")) from None
