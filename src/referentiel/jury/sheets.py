"""The sheets of a session: a grid per modality a candidate sits, and a record per bloc.

A team modality is printed either as one sheet per candidate (the candidate's results, the
team named in the header) or, when the référentiel says « une colonne par candidat », as one
sheet for the team with a result column per member.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Bloc, Modality, Referentiel
from .session import Candidate, Session


@dataclass(frozen=True)
class Sheet:
    """One printed sheet: a modality's grid or a bloc's record (« procès-verbal »)."""

    modality: Modality | None = None
    bloc: Bloc | None = None
    # Whose results the sheet records (several: one column each); empty: blank lines to fill in.
    candidates: tuple[Candidate, ...] = ()
    # The team named in the header, when it is not the candidates above.
    team: tuple[Candidate, ...] = ()
    session: Session | None = None
    # A case study's grid keeps only the competences and criteria it prepares (None: all of them).
    only: frozenset[str] | None = None

    def shows(self, item_id: str) -> bool:
        """Whether the sheet prints this competence or criterion."""
        return self.only is None or item_id in self.only

    @property
    def is_record(self) -> bool:
        return self.bloc is not None


def blank_sheets(referentiel: Referentiel) -> list[Sheet]:
    """Every modality's grid, then every bloc's record, with nothing pre-filled."""
    return [Sheet(modality=m) for m in referentiel.modalites] + [Sheet(bloc=b) for b in referentiel.blocs]


def team_of(candidate: Candidate, candidates: list[Candidate], modality: Modality) -> tuple[Candidate, ...]:
    """The candidates who sit ``modality`` in ``candidate``'s team (the candidate alone if none)."""
    if modality.format != "équipe" or not candidate.equipe:
        return (candidate,)
    return tuple(c for c in candidates if c.equipe == candidate.equipe and modality.id in c.modalites)


def candidate_sheets(
    referentiel: Referentiel, candidate: Candidate, candidates: list[Candidate], session: Session
) -> list[Sheet]:
    """A candidate's file: the grid of each modality sat, in référentiel order, then each bloc's record."""
    columns = referentiel.certification.team_results_in_columns
    sheets = []
    blocs = []
    for modality in referentiel.modalites:
        if modality.id not in candidate.modalites:
            continue
        team = team_of(candidate, candidates, modality)
        if columns and len(team) > 1:
            sheets.append(Sheet(modality=modality, candidates=team, session=session))
        else:
            others = team if len(team) > 1 else ()
            sheets.append(Sheet(modality=modality, candidates=(candidate,), team=others, session=session))
        if modality.bloc_id not in blocs:
            blocs.append(modality.bloc_id)
    sheets += [Sheet(bloc=referentiel.bloc(b), candidates=(candidate,), session=session) for b in blocs]
    return sheets
