"""What ties the référentiels of a catalogue: declared correspondences and shared codes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..model import Bloc, CodeLabel
from .loading import Catalogue, Entry


@dataclass(frozen=True)
class Correspondence:
    """``declared_by`` declares its certification (or some of its blocs) equivalent to the
    fiche ``fiche``, possibly limited to that fiche's blocs ``blocs`` (their RNCP codes)."""

    declared_by: Entry
    fiche: str
    blocs: tuple[str, ...]
    # The other fiche's référentiel, when the catalogue holds it.
    target: Entry | None

    def target_bloc(self, code: str) -> Bloc | None:
        """The other référentiel's bloc of RNCP code ``code``, when it is known."""
        if self.target is None:
            return None
        return next((b for b in self.target.referentiel.blocs if b.code_rncp == code), None)


@dataclass(frozen=True)
class CorrespondencesOf:
    # Declared by this référentiel's fiche.
    declared: tuple[Correspondence, ...]
    # Declared by the other référentiels of the catalogue towards this one.
    received: tuple[Correspondence, ...]


@dataclass(frozen=True)
class SharedCode:
    """An NSF or ROME code of a référentiel and the other référentiels that carry it too."""

    kind: str  # « NSF » or « ROME », as the fiche names them
    code: CodeLabel
    others: tuple[Entry, ...]


def correspondences(catalogue: Catalogue) -> dict[str, CorrespondencesOf]:
    """Each référentiel's correspondences, both ways, by slug."""
    declared: dict[str, list[Correspondence]] = defaultdict(list)
    received: dict[str, list[Correspondence]] = defaultdict(list)
    for entry in catalogue.entries:
        for declaration in entry.referentiel.certification.correspondances:
            target = catalogue.by_number(declaration.fiche)
            link = Correspondence(entry, declaration.fiche, declaration.blocs, target)
            declared[entry.slug].append(link)
            if target is not None and target is not entry:
                received[target.slug].append(link)
    return {
        e.slug: CorrespondencesOf(tuple(declared[e.slug]), tuple(received[e.slug])) for e in catalogue.entries
    }


def shared_codes(catalogue: Catalogue) -> dict[str, list[SharedCode]]:
    """For each référentiel, by slug, its NSF and ROME codes that other référentiels share."""
    carriers: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for entry in catalogue.entries:
        for kind, code in _codes(entry):
            if entry not in carriers[(kind, code.code)]:
                carriers[(kind, code.code)].append(entry)
    shared: dict[str, list[SharedCode]] = {}
    for entry in catalogue.entries:
        found = []
        for kind, code in _codes(entry):
            others = tuple(e for e in carriers[(kind, code.code)] if e is not entry)
            if others:
                found.append(SharedCode(kind, code, others))
        shared[entry.slug] = found
    return shared


def _codes(entry: Entry) -> list[tuple[str, CodeLabel]]:
    certification = entry.referentiel.certification
    return [("NSF", c) for c in certification.codes_nsf] + [("ROME", c) for c in certification.codes_rome]
