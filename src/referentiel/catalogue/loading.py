"""Reading a folder of référentiels (``data/referentiels/*.yaml``) into one catalogue."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem, ReferentielError
from ..loading import load_referentiel
from ..model import Referentiel
from ..site.text import slug

# The files of a catalogue: the YAMLs directly in its folder, in the order of their names.
PATTERNS = ("*.yaml", "*.yml")


@dataclass(frozen=True, eq=False)
class Entry:
    """One référentiel of the catalogue and the folder name its pages live under."""

    slug: str
    path: Path
    referentiel: Referentiel = field(repr=False)

    @property
    def number(self) -> str | None:
        return self.referentiel.certification.numero_rncp


@dataclass(frozen=True)
class Catalogue:
    folder: Path
    entries: tuple[Entry, ...]

    def by_number(self, number: str) -> Entry | None:
        """The entry of the fiche ``number`` (« RNCP37674 »), if the catalogue holds it."""
        for entry in self.entries:
            if entry.number == number:
                return entry
        return None


def entry_slug(referentiel: Referentiel, path: Path) -> str:
    """The stable address of a référentiel: its RNCP number when known, else its file name."""
    number = referentiel.certification.numero_rncp
    return slug(number) if number and slug(number) else slug(path.stem)


def load_catalogue(folder: Path) -> Catalogue:
    """Every référentiel of ``folder``; raises :class:`ReferentielError` with every file's
    problems at once, and when two files claim the same RNCP number or address."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ReferentielError([Problem(folder, None, None, "dossier de référentiels introuvable")])
    paths = sorted({p for pattern in PATTERNS for p in folder.glob(pattern) if p.is_file()})
    if not paths:
        message = "aucun référentiel (*.yaml) dans ce dossier"
        raise ReferentielError([Problem(folder, None, None, message)])
    problems: list[Problem] = []
    entries: list[Entry] = []
    for path in paths:
        try:
            referentiel = load_referentiel(path)
        except ReferentielError as error:
            problems += error.problems
            continue
        entry = Entry(entry_slug(referentiel, path), path, referentiel)
        if not entry.slug:
            problems.append(
                Problem(path, None, None, "ni numéro RNCP ni nom de fichier utilisable comme adresse")
            )
            continue
        entries.append(entry)
    problems += _duplicates(entries)
    if problems:
        raise ReferentielError(problems)
    return Catalogue(folder, tuple(entries))


def _duplicates(entries: list[Entry]) -> list[Problem]:
    """Two files with one RNCP number, or one address: both files named."""
    problems = []
    by_number: dict[str, Entry] = {}
    by_slug: dict[str, Entry] = {}
    for entry in entries:
        if entry.number and entry.number in by_number:
            other = by_number[entry.number]
            message = f"le numéro {entry.number} est déjà celui de {other.path}"
        elif entry.slug in by_slug:
            other = by_slug[entry.slug]
            message = f"l'adresse « {entry.slug}/ » est déjà celle de {other.path}"
        else:
            if entry.number:
                by_number[entry.number] = entry
            by_slug[entry.slug] = entry
            continue
        message += " : un seul des deux fichiers peut être publié"
        problems.append(Problem(entry.path, _number_line(entry.path), entry.number, message))
    return problems


def _number_line(path: Path) -> int | None:
    """The line of ``numero_rncp:`` in the file, to point at it."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for number, line in enumerate(lines, start=1):
        if re.match(r"\s*numero_rncp\s*:", line):
            return number
    return None
