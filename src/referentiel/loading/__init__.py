"""Loading ``referentiel.yaml``: strict YAML, schema, references, then the model."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import ReferentielError
from ..model import Referentiel
from .build import build_referentiel
from .references import check_references
from .schema import load_schema, validate
from .yamlsource import YamlSource, decode, parse_yaml, read_bytes

__all__ = ["load_referentiel", "load_schema", "parse_referentiel", "read_text"]

# One parse per file content and process: the MkDocs hook and the macros both ask for it,
# and ``mkdocs serve`` asks again at each change. The key is the content itself, never the
# modification time or size: an edit of the same size within the same second still counts.
_cache: dict[Path, tuple[bytes, Referentiel]] = {}


def load_referentiel(path: str | Path) -> Referentiel:
    """Load and check the référentiel at ``path``; raise :class:`ReferentielError` if invalid."""
    path = Path(path)
    data = read_bytes(path)
    digest = hashlib.blake2b(data, digest_size=32).digest()
    resolved = path.resolve()
    cached = _cache.get(resolved)
    if cached and cached[0] == digest:
        return cached[1]
    referentiel = _checked(parse_yaml(decode(data, path), path))
    _cache[resolved] = (digest, referentiel)
    return referentiel


def read_text(path: str | Path) -> str:
    """The file's text, with the loader's refusals (missing, oversized, not UTF-8…)."""
    path = Path(path)
    return decode(read_bytes(path), path)


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
