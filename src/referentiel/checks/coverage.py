"""Traceability figures: how far activities lead to competences, and competences to evaluation."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Bloc, Referentiel


@dataclass(frozen=True)
class Coverage:
    """Counts for one bloc, or for the whole référentiel."""

    activities: int
    activities_with_competence: int
    competences: int
    competences_evaluated: int
    competences_with_criteria: int
    modalities: int
    criteria: int

    @staticmethod
    def percent(part: int, whole: int) -> str:
        return f"{round(100 * part / whole)} %" if whole else "—"


@dataclass(frozen=True)
class Orphans:
    """What breaks the activity → competence → modality → criterion chain."""

    activities_without_competence: tuple[str, ...]
    competences_without_activity: tuple[str, ...]
    competences_not_evaluated: tuple[str, ...]
    competences_without_criteria: tuple[str, ...]
    blocs_without_own_modality: tuple[str, ...]

    def __bool__(self) -> bool:
        return any(vars(self).values())


def own_modalities(bloc: Bloc) -> list[str]:
    """Modalities listed under the bloc that evaluate at least one of its competences."""
    mine = {c.id for c in bloc.competences}
    return [m.id for m in bloc.modalites if mine.intersection(m.competence_ids)]


def coverage(referentiel: Referentiel, blocs: tuple[Bloc, ...] | None = None) -> Coverage:
    """Coverage of the given blocs (all of them by default)."""
    blocs = referentiel.blocs if blocs is None else blocs
    activities = [a for b in blocs for a in b.activites]
    competences = [c for b in blocs for c in b.competences]
    return Coverage(
        activities=len(activities),
        activities_with_competence=sum(1 for a in activities if referentiel.competences_of_activity(a.id)),
        competences=len(competences),
        competences_evaluated=sum(1 for c in competences if referentiel.modalities_of(c.id)),
        competences_with_criteria=sum(1 for c in competences if c.criteres),
        modalities=sum(len(b.modalites) for b in blocs),
        criteria=sum(len(c.criteres) for c in competences),
    )


def orphans(referentiel: Referentiel) -> Orphans:
    r = referentiel
    return Orphans(
        activities_without_competence=tuple(a.id for a in r.activites if not r.competences_of_activity(a.id)),
        competences_without_activity=tuple(c.id for c in r.competences if c.activite_id is None),
        competences_not_evaluated=tuple(c.id for c in r.competences if not r.modalities_of(c.id)),
        competences_without_criteria=tuple(c.id for c in r.competences if not c.criteres),
        blocs_without_own_modality=tuple(b.id for b in r.blocs if not own_modalities(b)),
    )
