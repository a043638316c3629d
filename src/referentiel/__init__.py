"""Publish a certification's référentiel (activities, competences, evaluation) from one YAML file.

This package knows nothing of MkDocs: it loads and checks the YAML, holds the model and
renders pages as Markdown; the MkDocs hook and macros are thin adapters over it.
"""

from .errors import Problem, ReferentielError
from .loading import load_referentiel, parse_referentiel
from .model import Referentiel

__all__ = ["Problem", "Referentiel", "ReferentielError", "load_referentiel", "parse_referentiel"]
