"""What the hook and the macros share: finding the YAML and loading it for MkDocs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from referentiel import Referentiel, ReferentielError, load_referentiel

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
