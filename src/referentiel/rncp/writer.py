"""Writing imported référentiels: checked by our own loader first, then all files or none.

Every file is first written beside its destination under a temporary name; only when all
are written are they moved into place, and any failure (full disk, read-only folder,
Ctrl-C) undoes what was done: no file half-written, no fiche written without the others.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from ..loading import parse_referentiel
from ..oserrors import describe

HEADER = """\
# yaml-language-server: $schema={schema}
#
# Référentiel importé de la fiche {fiche} du répertoire national des certifications professionnelles.
# {credit}
# Les textes officiels des blocs sont conservés entiers (texte_officiel) à côté de ce qui en a été
# découpé. La fiche officielle ne publie pas de critères d'évaluation : ils restent à écrire.

"""


class OutputError(Exception):
    """The files cannot be written where asked; the message says why, in French."""


class _Dumper(yaml.SafeDumper):
    """Block style, long lines kept, keys in the order built."""


def _text(data: dict[str, Any], schema: str, credit: str) -> str:
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    fiche = data["certification"]["numero_rncp"]
    return HEADER.format(schema=schema, fiche=fiche, credit=credit) + body


def _file_mode() -> int:
    """The mode an ordinary new file gets here (temporary files are created 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_all(
    documents: dict[Path, tuple[dict[str, Any], str]], schema: str, replace: bool = False
) -> list[Path]:
    """Write each ``path: (data, credit)``; if any cannot be checked or written, write none."""
    texts = {}
    for path, (data, credit) in documents.items():
        text = _text(data, schema, credit)
        parse_referentiel(text, path)  # raises ReferentielError: nothing has been written yet
        texts[path] = text
    existing = [path for path in texts if path.exists() or path.is_symlink()]
    if existing and not replace:
        names = ", ".join(str(path) for path in existing)
        raise OutputError(f"{names} : existe déjà (ajoutez --remplacer pour l'écraser)")
    try:
        _write_atomically(texts)
    except OSError as error:
        raise OutputError(f"écriture impossible : {describe(error)} ; aucun fichier n'a été écrit") from None
    return list(texts)


def _write_atomically(texts: dict[Path, str]) -> None:
    created: list[Path] = []  # folders made here, removed again on failure
    staged: list[tuple[Path, Path]] = []  # (temporary, destination)
    moved: list[tuple[Path, Path | None]] = []  # (destination, backup of what it replaced)
    mode = _file_mode()
    try:
        for path, text in texts.items():
            created += _make_folders(path.parent)
            descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            staged.append((Path(name), path))
            with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(name, mode)
        for temporary, path in staged:
            backup = None
            if path.exists() or path.is_symlink():
                backup = path.with_name(f".{path.name}.ancien")
                os.replace(path, backup)
            moved.append((path, backup))
            os.replace(temporary, path)
    except BaseException:
        for path, backup in reversed(moved):
            _quietly(path.unlink, missing_ok=True)
            if backup is not None:
                _quietly(os.replace, backup, path)
        for temporary, _ in staged:
            _quietly(temporary.unlink, missing_ok=True)
        for folder in reversed(created):
            _quietly(folder.rmdir)
        raise
    for _, backup in moved:
        if backup is not None:
            _quietly(backup.unlink, missing_ok=True)


def _make_folders(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; return those created, outermost first."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir()
    return list(reversed(missing))


def _quietly(action: Any, *args: Any, **kwargs: Any) -> None:
    """Undo what can be undone; a failure here must not hide the first one."""
    try:
        action(*args, **kwargs)
    except OSError:
        pass
