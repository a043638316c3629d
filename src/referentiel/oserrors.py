"""File-system failures in French: what happened to which path, in words a person reads."""

from __future__ import annotations

import errno

_REASONS = {
    errno.ENOSPC: "disque plein",
    errno.EDQUOT: "quota disque dépassé",
    errno.EACCES: "droits insuffisants",
    errno.EPERM: "opération non permise",
    errno.EROFS: "système de fichiers en lecture seule",
    errno.ENOTDIR: "un élément du chemin est un fichier, pas un dossier",
    errno.EISDIR: "c'est un dossier",
    errno.ENOENT: "chemin introuvable",
    errno.EEXIST: "existe déjà",
    errno.ENAMETOOLONG: "nom trop long",
    errno.ELOOP: "trop de liens symboliques",
    errno.EIO: "erreur d'entrée-sortie du disque",
}


def describe(error: OSError) -> str:
    """« /chemin : disque plein » for an ``OSError``."""
    reason = _REASONS.get(error.errno or 0) or error.strerror or "erreur du système de fichiers"
    where = error.filename if error.filename is not None else None
    return f"{where} : {reason}" if where else reason
