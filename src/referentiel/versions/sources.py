"""Where earlier versions come from: a file, or a git revision of the current YAML."""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..errors import Problem, ReferentielError
from ..limits import MAX_FILE_BYTES
from ..loading import parse_referentiel
from ..model import Referentiel

GIT_SECONDS = 30


def from_revision(path: Path, revision: str) -> Referentiel:
    """The référentiel at ``path`` as it was at git ``revision`` (a tag, a branch, a commit)."""
    if revision.startswith("-") or not revision.strip():
        raise ReferentielError([Problem(path, None, None, f"révision git « {revision} » invalide")])
    folder = path.resolve().parent
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), "show", f"{revision}:./{path.name}"],
            capture_output=True,
            timeout=GIT_SECONDS,
        )
    except FileNotFoundError:
        raise ReferentielError(
            [Problem(path, None, None, "git est introuvable : impossible de lire une révision")]
        ) from None
    except subprocess.TimeoutExpired:
        raise ReferentielError(
            [Problem(path, None, None, f"git n'a pas répondu en {GIT_SECONDS} s")]
        ) from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["erreur inconnue"]
        raise ReferentielError(
            [Problem(path, None, None, f"révision « {revision} » illisible : {reason[0]}")]
        )
    if len(done.stdout) > MAX_FILE_BYTES:
        raise ReferentielError([Problem(path, None, None, f"révision « {revision} » trop grande")])
    try:
        text = done.stdout.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReferentielError(
            [Problem(path, None, None, f"révision « {revision} » : pas en UTF-8")]
        ) from None
    return parse_referentiel(text, f"{path.name}@{revision}")
