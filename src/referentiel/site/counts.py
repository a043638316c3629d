"""Counting what a bloc or a référentiel holds, in French with plurals."""

from __future__ import annotations

from ..model import Bloc, Referentiel


def count(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"


def bloc_contents(bloc: Bloc) -> str:
    """« 5 activités, 5 compétences, 1 modalité d'évaluation, 12 critères »."""
    return ", ".join(
        [
            count(len(bloc.activites), "activité", "activités"),
            count(len(bloc.competences), "compétence", "compétences"),
            count(len(bloc.modalites), "modalité d'évaluation", "modalités d'évaluation"),
            count(len(bloc.criteres), "critère", "critères"),
        ]
    )


def referentiel_contents(referentiel: Referentiel) -> str:
    r = referentiel
    return ", ".join(
        [
            count(len(r.blocs), "bloc de compétences", "blocs de compétences"),
            count(len(r.activites), "activité", "activités"),
            count(len(r.competences), "compétence", "compétences"),
            count(len(r.modalites), "modalité d'évaluation", "modalités d'évaluation"),
            count(len(r.criteres), "critère", "critères"),
        ]
    )
