"""Loading ``referentiel.yaml``: strict YAML, schema, references, then the model."""

from __future__ import annotations

from pathlib import Path

from ..errors import ReferentielError
from ..model import Referentiel
from .build import build_referentiel
from .references import check_references
from .schema import load_schema, validate
from .yamlsource import YamlSource, parse_yaml, read_yaml

__all__ = ["load_referentiel", "load_schema", "parse_referentiel"]

# One parse per file version and process: the MkDocs hook and the macros both ask for it.
_cache: dict[Path, tuple[tuple[int, int], Referentiel]] = {}


def load_referentiel(path: str | Path) -> Referentiel:
    """Load and check the référentiel at ``path``; raise :class:`ReferentielError` if invalid."""
    resolved = Path(path).resolve()
    try:
        stat = resolved.stat()
        version = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        version = (-1, -1)
    cached = _cache.get(resolved)
    if cached and cached[0] == version:
        return cached[1]
    referentiel = _checked(read_yaml(Path(path)))
    _cache[resolved] = (version, referentiel)
    return referentiel


def parse_referentiel(text: str, path: str | Path = "<texte>") -> Referentiel:
    """Check and build a référentiel from YAML text (reported as ``path``)."""
    return _checked(parse_yaml(text, Path(path)))


def _checked(source: YamlSource) -> Referentiel:
    problems = validate(source)
    if problems:  # references are meaningless in data of the wrong shape
        raise ReferentielError(problems)
    problems = check_references(source)
    if problems:
        raise ReferentielError(problems)
    return build_referentiel(source.data)
