"""Writing exported files: each through a temporary name beside it, all of them or none."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..oserrors import describe


class OutputError(Exception):
    """The files cannot be written where asked; the message says why, in French."""


def write_files(files: dict[Path, bytes]) -> list[Path]:
    """Write every file through a temporary name; on any failure, none of the new files stays."""
    written: list[Path] = []
    try:
        for path, data in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(descriptor, "wb") as stream:
                    stream.write(data)
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(name, 0o666 & ~umask)
                os.replace(name, path)
            except BaseException:
                Path(name).unlink(missing_ok=True)
                raise
            written.append(path)
    except OSError as error:
        for path in written:
            path.unlink(missing_ok=True)
        raise OutputError(f"écriture impossible : {describe(error)} ; aucun fichier n'a été écrit") from None
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return written
