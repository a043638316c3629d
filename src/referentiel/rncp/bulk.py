"""Importing every fiche of an export in one streaming pass (``referentiel import --toutes``).

Each fiche is converted and checked as it is read, and written at once under a temporary name
beside its destination (memory stays that of one fiche); only at the end are all moved into place.
An unreadable export, a full disk or Ctrl-C leaves nothing behind. A fiche that cannot be imported
is skipped, with its reason, and the others are: the summary says which and why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ReferentielError
from ..files import OutputError, StagedFiles
from ..oserrors import describe
from .convert import to_referentiel_data
from .flux import FICHE_NUMBER, read_fiches
from .writer import checked_text


@dataclass
class BulkImport:
    written: list[Path] = field(default_factory=list)
    # (fiche number, why it was not imported)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def import_all(
    export: Path,
    output: Path,
    schema: str,
    credit: str,
    date: str | None,
    active_only: bool = False,
    replace: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> BulkImport:
    """Every fiche of ``export`` (the active ones if ``active_only``) as
    ``output/<numéro>.yaml``, the shape of a catalogue's folder."""
    result = BulkImport()
    seen: set[str] = set()
    try:
        with StagedFiles() as staged:
            for fiche in read_fiches(export, progress=progress):
                number = fiche.numero
                reason = None
                if not FICHE_NUMBER.fullmatch(number):
                    reason = "numéro de fiche de forme inattendue"
                elif number in seen:
                    reason = "figure deux fois dans l'export (la première est importée)"
                elif active_only and not fiche.actif:
                    reason = "fiche inactive"
                target = output / f"{number}.yaml"
                if reason is None and not replace and (target.exists() or target.is_symlink()):
                    reason = "fichier déjà présent (--remplacer pour l'écraser)"
                seen.add(number)
                if reason is None:
                    try:
                        text = checked_text(to_referentiel_data(fiche, date), schema, credit, target)
                    except ReferentielError as error:
                        reason = f"hors du schéma : {error.problems[0].message}"
                if reason is not None:
                    result.skipped.append((number or "(sans numéro)", reason))
                    continue
                staged.add(target, text.encode("utf-8"))
            result.written = staged.commit()
    except OSError as error:
        raise OutputError(f"écriture impossible : {describe(error)} ; aucun fichier n'a été écrit") from None
    return result
