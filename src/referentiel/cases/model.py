"""A case study (« étude de cas », « mise en situation ») and what it prepares."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Competence, Criterion, Modality, Referentiel


@dataclass(frozen=True)
class CaseStudy:
    """A hand-written page whose front matter ties it to a modality and its competences."""

    src_uri: str  # the page, relative to the docs folder
    titre: str
    modalite: str
    competences: tuple[str, ...]
    # The criteria it prepares; a competence none of whose criteria is named keeps all of them.
    criteres: tuple[str, ...] = ()
    duree: str | None = None
    auteur: str | None = None
    session: str | None = None
    # Whether its text calls macros (``render_macros: true``), to run them when it is printed.
    macros: bool = False

    def modality(self, referentiel: Referentiel) -> Modality:
        return referentiel.modality(self.modalite)

    def competence_items(self, referentiel: Referentiel) -> list[Competence]:
        return [referentiel.competence(cid) for cid in self.competences]

    def criterion_items(self, referentiel: Referentiel) -> list[Criterion]:
        """The criteria it prepares, in the référentiel's order."""
        prepared = []
        for competence in self.competence_items(referentiel):
            named = [c for c in competence.criteres if c.id in self.criteres]
            prepared += named or list(competence.criteres)
        return prepared

    def grid_items(self, referentiel: Referentiel) -> frozenset[str]:
        """The IDs its printed grid keeps: its competences and their criteria it prepares."""
        return frozenset(self.competences) | {c.id for c in self.criterion_items(referentiel)}


def cases_of_competence(cases: list[CaseStudy], competence_id: str) -> list[CaseStudy]:
    return [case for case in cases if competence_id in case.competences]


def cases_of_modality(cases: list[CaseStudy], modality_id: str) -> list[CaseStudy]:
    return [case for case in cases if case.modalite == modality_id]


def prepared_criteria(cases: list[CaseStudy], referentiel: Referentiel) -> set[str]:
    return {criterion.id for case in cases for criterion in case.criterion_items(referentiel)}
