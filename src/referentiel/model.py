"""The référentiel as typed, immutable objects: what every other module works from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar


@dataclass(frozen=True)
class BulletList:
    """A list of points, with the sentence that introduces it (« Le candidat : »)."""

    introduction: str | None
    points: tuple[str, ...]


# A paragraph (plain text) or a bullet list, in the order of the source.
Block = str | BulletList


@dataclass(frozen=True)
class CodeLabel:
    code: str
    libelle: str | None = None


@dataclass(frozen=True)
class Certifier:
    nom: str
    siret: str | None = None


# The six access routes of an RNCP fiche, in the fiche's order.
ACCESS_ROUTES = (
    "élève ou étudiant",
    "apprentissage",
    "formation continue",
    "contrat de professionnalisation",
    "candidature individuelle",
    "VAE",
)


@dataclass(frozen=True)
class AccessRoute:
    voie: str
    ouverte: bool | None = None
    composition_jury: str | None = None


@dataclass(frozen=True)
class Correspondence:
    """An equivalence declared with another fiche, possibly limited to some of its blocs."""

    fiche: str
    blocs: tuple[str, ...] = ()


@dataclass(frozen=True)
class ResultScale:
    """How a criterion's result is recorded: named levels, or a mark out of a maximum."""

    niveaux: tuple[str, ...] = ("acquis", "partiellement acquis", "non acquis")
    note_maximale: int | None = None
    seuil: float | None = None

    @property
    def is_marks(self) -> bool:
        return self.note_maximale is not None


DEFAULT_SCALE = ResultScale()


@dataclass(frozen=True)
class Registration:
    type: str | None = None
    date_decision: str | None = None
    date_echeance: str | None = None
    date_limite_delivrance: str | None = None


@dataclass(frozen=True)
class Provenance:
    """Where an imported référentiel comes from: the open data, which fiche, which export."""

    source: str
    fiche: str
    date_export: str | None = None

    @property
    def credit(self) -> str:
        when = f", export du {french_date(self.date_export)}" if self.date_export else ""
        return f"Source : {self.source}{when}"


def french_date(iso: str) -> str:
    """« 2026-08-16 » → « 16/08/2026 »."""
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


@dataclass(frozen=True)
class Certification:
    """The certification and the fields of its public RNCP fiche (``None`` where unknown)."""

    intitule: str
    niveau: int | None
    etablissement: str | None = None
    titre_document: str | None = None
    numero_rncp: str | None = None
    etat: str | None = None
    codes_nsf: tuple[CodeLabel, ...] = ()
    codes_rome: tuple[CodeLabel, ...] = ()
    formacodes: tuple[CodeLabel, ...] = ()
    certificateurs: tuple[Certifier, ...] = ()
    enregistrement: Registration = field(default_factory=Registration)
    voies_acces: tuple[AccessRoute, ...] = ()
    validite_blocs: str | None = None
    amenagements_handicap: str | None = None
    correspondances: tuple[Correspondence, ...] = ()
    # The fiches of the certification's earlier and later versions, as the open data links them.
    fiches_anciennes: tuple[str, ...] = ()
    fiches_nouvelles: tuple[str, ...] = ()
    active: bool | None = None
    activites_visees: str | None = None
    # Other sections of the public fiche, as published (None: not known).
    objectifs_contexte: str | None = None
    capacites_attestees: str | None = None
    secteurs_activite: str | None = None
    types_emplois: str | None = None
    reglementation: str | None = None
    prerequis: str | None = None
    base_legale: tuple[str, ...] = ()
    notes_edition: tuple[str, ...] = ()
    provenance: Provenance | None = None
    # None: the référentiel declares no scale, and grids use DEFAULT_SCALE.
    echelle_resultats: ResultScale | None = None
    # Team modalities: « une feuille par candidat » (None means so) or « une colonne par candidat ».
    grille_equipe: str | None = None

    @property
    def titre(self) -> str:
        """« Intitulé – Niveau 7 », or the title alone when the level is unknown."""
        return f"{self.intitule} – Niveau {self.niveau}" if self.niveau else self.intitule

    @property
    def niveau_label(self) -> str:
        return f"Niveau {self.niveau}" if self.niveau else "niveau non renseigné"

    @property
    def scale(self) -> ResultScale:
        return self.echelle_resultats or DEFAULT_SCALE

    @property
    def team_results_in_columns(self) -> bool:
        """Whether a team's grid is one sheet with a result column per candidate."""
        return self.grille_equipe == "une colonne par candidat"


@dataclass(frozen=True)
class Preamble:
    citation: str
    article: str | None = None
    creation: str | None = None


@dataclass(frozen=True)
class Column:
    intitule: str
    description: str | None = None


@dataclass(frozen=True)
class Columns:
    """Headers of the source table; ``None`` where the source has none."""

    activites: Column | None = None
    competences: Column | None = None
    evaluation: Column | None = None
    modalites: Column | None = None
    criteres: Column | None = None


@dataclass(frozen=True)
class Criterion:
    id: str
    texte: str
    competence_id: str
    sous_points: tuple[str, ...] = ()
    enjeux: tuple[str, ...] = ()
    notes_edition: tuple[str, ...] = ()


@dataclass(frozen=True)
class Activity:
    id: str
    intitule: str
    bloc_id: str
    notes_edition: tuple[str, ...] = ()


@dataclass(frozen=True)
class Competence:
    id: str
    texte: str
    bloc_id: str
    activite_id: str | None
    criteres: tuple[Criterion, ...]
    enjeux: tuple[str, ...] = ()
    notes_edition: tuple[str, ...] = ()


@dataclass(frozen=True)
class OfficialText:
    """A bloc's lists as published on the RNCP fiche, kept whole beside what was cut from them."""

    liste_competences: str | None = None
    modalites_evaluation: str | None = None


@dataclass(frozen=True)
class Modality:
    id: str
    nature: str | None
    intitule: str
    format: str | None
    bloc_id: str
    competence_ids: tuple[str, ...]
    code_source: str | None = None
    effectif_equipe: int | None = None
    contexte: tuple[Block, ...] = ()
    travail_demande: tuple[Block, ...] = ()
    restitution: tuple[Block, ...] = ()
    livrables: tuple[str, ...] = ()
    jury: str | None = None
    duree: str | None = None
    notes_edition: tuple[str, ...] = ()

    @property
    def code(self) -> str:
        """The code to show: as printed in the source, else the ID."""
        return self.code_source or self.id

    @property
    def format_label(self) -> str:
        if self.format == "équipe":
            return f"en équipe de {self.effectif_equipe}" if self.effectif_equipe else "en équipe"
        if self.format == "individuel":
            return "individuelle"
        return "de format non précisé"

    @property
    def nature_label(self) -> str:
        return self.nature or "nature non précisée"


@dataclass(frozen=True)
class Bloc:
    id: str
    numero: int
    intitule: str
    activites: tuple[Activity, ...]
    competences: tuple[Competence, ...]
    modalites: tuple[Modality, ...]
    code_rncp: str | None = None
    modalites_validation: str | None = None
    texte_officiel: OfficialText | None = None
    notes_edition: tuple[str, ...] = ()

    @property
    def titre(self) -> str:
        return f"Bloc {self.numero} : {self.intitule}"

    @cached_property
    def criteres(self) -> tuple[Criterion, ...]:
        return tuple(c for competence in self.competences for c in competence.criteres)


# Any kind of item that has an ID.
_Kind = TypeVar("_Kind", Bloc, Activity, Competence, Modality, Criterion)


@dataclass(frozen=True)
class Referentiel:
    """A whole référentiel; references between items are IDs, resolved by the lookups here."""

    certification: Certification
    blocs: tuple[Bloc, ...]
    preambule: Preamble | None = None
    colonnes: Columns = field(default_factory=Columns)

    @cached_property
    def activites(self) -> tuple[Activity, ...]:
        return tuple(a for bloc in self.blocs for a in bloc.activites)

    @cached_property
    def competences(self) -> tuple[Competence, ...]:
        return tuple(c for bloc in self.blocs for c in bloc.competences)

    @cached_property
    def modalites(self) -> tuple[Modality, ...]:
        return tuple(m for bloc in self.blocs for m in bloc.modalites)

    @property
    def criteres(self) -> tuple[Criterion, ...]:
        return tuple(c for bloc in self.blocs for c in bloc.criteres)

    @cached_property
    def _by_id(self) -> dict[str, Bloc | Activity | Competence | Modality | Criterion]:
        items: list[Bloc | Activity | Competence | Modality | Criterion] = [
            *self.blocs,
            *self.activites,
            *self.competences,
            *self.modalites,
            *self.criteres,
        ]
        return {item.id: item for item in items}

    @cached_property
    def _modalities_by_competence(self) -> dict[str, tuple[Modality, ...]]:
        found: dict[str, list[Modality]] = {c.id: [] for c in self.competences}
        for modality in self.modalites:
            for competence_id in modality.competence_ids:
                found.setdefault(competence_id, []).append(modality)
        return {key: tuple(value) for key, value in found.items()}

    @cached_property
    def _competences_by_activity(self) -> dict[str, tuple[Competence, ...]]:
        found: dict[str, list[Competence]] = {}
        for competence in self.competences:
            if competence.activite_id is not None:
                found.setdefault(competence.activite_id, []).append(competence)
        return {key: tuple(value) for key, value in found.items()}

    @cached_property
    def mentions(self) -> re.Pattern[str]:
        """Any item ID standing alone as a word (« C4.4 », not « C4.45 »), longest first."""
        ids = sorted(self._by_id, key=len, reverse=True)
        return re.compile(r"(?<![\w.-])(" + "|".join(map(re.escape, ids)) + r")(?![\w-]|\.\w)")

    def item(self, item_id: str) -> Bloc | Activity | Competence | Modality | Criterion:
        """The item with this ID, whatever its kind; ``KeyError`` if there is none."""
        return self._by_id[item_id]

    def bloc(self, bloc_id: str) -> Bloc:
        return self._of_kind(bloc_id, Bloc)

    def competence(self, competence_id: str) -> Competence:
        return self._of_kind(competence_id, Competence)

    def activity(self, activity_id: str) -> Activity:
        return self._of_kind(activity_id, Activity)

    def modality(self, modality_id: str) -> Modality:
        return self._of_kind(modality_id, Modality)

    def _of_kind(self, item_id: str, kind: type[_Kind]) -> _Kind:
        """The item with this ID if it is of this kind; ``KeyError`` otherwise."""
        found = self._by_id[item_id]
        if not isinstance(found, kind):
            raise KeyError(item_id)
        return found

    def modalities_of(self, competence_id: str) -> tuple[Modality, ...]:
        """The modalities that evaluate a competence, in the order of the référentiel."""
        return self._modalities_by_competence.get(competence_id, ())

    def competences_of_activity(self, activity_id: str) -> tuple[Competence, ...]:
        return self._competences_by_activity.get(activity_id, ())
