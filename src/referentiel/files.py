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
    with StagedFiles() as staged:
        for path, data in contents.items():
            staged.add(path, data)
        staged.commit()


class StagedFiles:
    """Files written one by one under temporary names, then moved into place together.

    For many files whose contents should not all sit in memory (a whole export imported):
    ``add`` writes each at once beside its destination; ``commit`` moves them all; leaving the
    ``with`` block without a commit (an error, Ctrl-C) undoes everything.
    """

    def __init__(self) -> None:
        self._created: list[Path] = []  # folders made here, removed again on failure
        self._staged: list[tuple[Path, Path]] = []  # (temporary, destination)
        self._moved: list[tuple[Path, Path | None]] = []  # (destination, backup of what it replaced)
        self._mode = _file_mode()
        self._done = False

    def __enter__(self) -> StagedFiles:
        return self

    def add(self, path: Path, data: bytes) -> None:
        self._created += _make_folders(path.parent)
        descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        self._staged.append((Path(name), path))
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(name, self._mode)

    def commit(self) -> list[Path]:
        for temporary, path in self._staged:
            backup = None
            if path.exists() or path.is_symlink():
                backup = path.with_name(f".{path.name}.ancien")
                os.replace(path, backup)
            self._moved.append((path, backup))
            os.replace(temporary, path)
        for _, backup in self._moved:
            if backup is not None:
                _quietly(backup.unlink, missing_ok=True)
        self._done = True
        return [path for _, path in self._staged]

    def __exit__(self, *exc: object) -> None:
        if self._done:
            return
        for path, backup in reversed(self._moved):
            _quietly(path.unlink, missing_ok=True)
            if backup is not None:
                _quietly(os.replace, backup, path)
        for temporary, _ in self._staged:
            _quietly(temporary.unlink, missing_ok=True)
        for folder in reversed(self._created):
            _quietly(folder.rmdir)


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
