"""Writing imported référentiels: checked by our own loader first, then all files or none
(:mod:`referentiel.files`), never over an existing file unless asked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..files import write_all_or_none
from ..loading import parse_referentiel

HEADER = """\
# yaml-language-server: $schema={schema}
#
# Référentiel importé de la fiche {fiche} du répertoire national des certifications professionnelles.
# {credit}
# Les textes officiels des blocs sont conservés entiers (texte_officiel) à côté de ce qui en a été
# découpé. La fiche officielle ne publie pas de critères d'évaluation : ils restent à écrire.

"""


class _Dumper(yaml.SafeDumper):
    """Block style, long lines kept, keys in the order built."""


def _text(data: dict[str, Any], schema: str, credit: str) -> str:
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    fiche = data["certification"]["numero_rncp"]
    return HEADER.format(schema=schema, fiche=fiche, credit=credit) + body


def write_all(
    documents: dict[Path, tuple[dict[str, Any], str]], schema: str, replace: bool = False
) -> list[Path]:
    """Write each ``path: (data, credit)``; if any cannot be checked or written, write none."""
    texts = {
        path: checked_text(data, schema, credit, path).encode("utf-8")
        for path, (data, credit) in documents.items()
    }
    return write_all_or_none(texts, replace=replace)


def checked_text(data: dict[str, Any], schema: str, credit: str, path: Path) -> str:
    """The YAML of ``data``, read back by our own loader (``ReferentielError`` if it cannot hold it)."""
    text = _text(data, schema, credit)
    parse_referentiel(text, path)
    return text
