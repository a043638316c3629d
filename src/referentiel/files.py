"""Writing files all or none: the importer's référentiels, the PDFs and the exports.

Every file is first written beside its destination under a temporary name; only when all
are written are they moved into place. Any failure (full disk, read-only folder, Ctrl-C)
undoes what was done: what a file replaced is put back, the folders made are removed, no
file is left half-written. New files get the mode of any new file here (the umask), not the
0600 of temporary files.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from .oserrors import describe


class OutputError(Exception):
    """The files cannot be written where asked; the message says why, in French."""


def write_all_or_none(contents: dict[Path, bytes], replace: bool = True) -> list[Path]:
    """Write each ``path: bytes``; unless ``replace``, an existing file is an error and nothing is written."""
    existing = [path for path in contents if path.exists() or path.is_symlink()]
    if existing and not replace:
        names = ", ".join(str(path) for path in existing)
        raise OutputError(f"{names} : existe déjà (ajoutez --remplacer pour l'écraser)")
    try:
        _write(contents)
    except OSError as error:
        raise OutputError(f"écriture impossible : {describe(error)} ; aucun fichier n'a été écrit") from None
    return list(contents)


def _file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _write(contents: dict[Path, bytes]) -> None:
    created: list[Path] = []  # folders made here, removed again on failure
    staged: list[tuple[Path, Path]] = []  # (temporary, destination)
    moved: list[tuple[Path, Path | None]] = []  # (destination, backup of what it replaced)
    mode = _file_mode()
    try:
        for path, data in contents.items():
            created += _make_folders(path.parent)
            descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            staged.append((Path(name), path))
            with os.fdopen(descriptor, "wb") as stream:
                stream.write(data)
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
