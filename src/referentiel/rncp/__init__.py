"""France Compétences' open data: importing official fiches, and cross-checking against them."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path

from ..checks.findings import Finding
from ..files import OutputError
from ..model import Provenance, Referentiel
from .bulk import BulkImport, import_all
from .convert import SOURCE, to_referentiel_data
from .crosscheck import crosscheck
from .flux import FICHE_NUMBER, ExportError, export_date, find_fiches, read_fiches
from .writer import checked_text, write_all

__all__ = [
    "ExportError",
    "OutputError",
    "SOURCE",
    "copies_in_export",
    "crosscheck_export",
    "import_every_fiche",
    "import_fiches",
    "imported_text",
]


def _schema_path() -> str:
    """The shipped schema, as the file URI editors resolve whatever folder the YAML is in."""
    return (
        Path(str(resources.files("referentiel.schema").joinpath("referentiel.schema.json")))
        .resolve()
        .as_uri()
    )


def _credit(date: str | None) -> str:
    return Provenance(SOURCE, "", date).credit


def import_fiches(
    export: Path, numbers: list[str], output: Path, date: str | None = None, replace: bool = False
) -> list[Path]:
    """Write ``output/<numéro>/referentiel.yaml`` for each fiche asked; all of them or none.

    An existing file is kept unless ``replace``; nothing is ever written outside ``output``.
    """
    date = date or export_date(export)
    fiches = find_fiches(export, numbers)
    documents = {
        _inside(output, fiche.numero) / "referentiel.yaml": (to_referentiel_data(fiche, date), _credit(date))
        for fiche in fiches
    }
    return write_all(documents, _schema_path(), replace=replace)


def copies_in_export(referentiel: Referentiel, export: Path) -> list[Finding]:
    """Rule S19 against every other fiche of the export (one streaming pass)."""
    from .copies import CopyIndex, export_competences, near_copies  # needs the « analyse » option

    own = {referentiel.certification.numero_rncp} - {None}
    return near_copies(referentiel, CopyIndex(export_competences(export, own)))  # type: ignore[arg-type]


def import_every_fiche(
    export: Path,
    output: Path,
    date: str | None = None,
    active_only: bool = False,
    replace: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> BulkImport:
    """Every fiche of the export (or the active ones) under ``output``; see :mod:`.bulk`."""
    date = date or export_date(export)
    return import_all(export, output, _schema_path(), _credit(date), date, active_only, replace, progress)


def imported_text(export: Path, number: str, date: str | None = None) -> str:
    """The referentiel.yaml of one fiche of the export, as ``import`` writes it."""
    date = date or export_date(export)
    (fiche,) = find_fiches(export, [number])
    return checked_text(
        to_referentiel_data(fiche, date), _schema_path(), _credit(date), Path("referentiel.yaml")
    )


def _inside(output: Path, number: str) -> Path:
    """``output/number``, refusing a number that is not a plain folder name."""
    folder = output / number
    if not FICHE_NUMBER.fullmatch(number) or folder.parent != output:
        raise ExportError(f"numéro de fiche « {number} » de forme inattendue : rien n'est écrit")
    return folder


def crosscheck_export(referentiel: Referentiel, export: Path, date: str | None = None) -> list[Finding]:
    """Rule S23 against the export: the fiche of the référentiel's RNCP number, if it is there."""
    date = date or export_date(export)
    number = referentiel.certification.numero_rncp
    fiche = None
    if number:
        fiche = next(read_fiches(export, {number}), None)
    return crosscheck(referentiel, fiche, _credit(date))
