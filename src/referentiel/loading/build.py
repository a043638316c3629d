"""From validated raw data to the typed model."""

from __future__ import annotations

from typing import Any

from ..model import (
    AccessRoute,
    Activity,
    Bloc,
    Block,
    BulletList,
    Certification,
    Certifier,
    CodeLabel,
    Column,
    Columns,
    Competence,
    Correspondence,
    Criterion,
    Modality,
    OfficialText,
    Preamble,
    Provenance,
    Referentiel,
    Registration,
    ResultScale,
)


def build_referentiel(data: dict[str, Any]) -> Referentiel:
    """Build the model from data that passed the schema and the reference checks."""
    columns = data.get("colonnes") or {}
    preamble = data.get("preambule")
    return Referentiel(
        certification=_certification(data["certification"]),
        blocs=tuple(_bloc(raw) for raw in data["blocs"]),
        preambule=Preamble(**preamble) if preamble else None,
        colonnes=Columns(**{key: Column(**value) for key, value in columns.items()}),
    )


def _certification(raw: dict[str, Any]) -> Certification:
    fields = dict(raw)
    for key in ("codes_nsf", "codes_rome", "formacodes"):
        fields[key] = tuple(CodeLabel(**value) for value in raw.get(key, []))
    fields["certificateurs"] = tuple(Certifier(**value) for value in raw.get("certificateurs", []))
    fields["voies_acces"] = tuple(AccessRoute(**value) for value in raw.get("voies_acces", []))
    fields["enregistrement"] = Registration(**(raw.get("enregistrement") or {}))
    scale = raw.get("echelle_resultats")
    if scale is not None:
        fields["echelle_resultats"] = (
            ResultScale(niveaux=(), note_maximale=scale["note_maximale"], seuil=scale["seuil"])
            if "note_maximale" in scale
            else ResultScale(niveaux=tuple(scale["niveaux"]))
        )
    fields["base_legale"] = tuple(raw.get("base_legale", []))
    fields["fiches_anciennes"] = tuple(raw.get("fiches_anciennes", []))
    fields["fiches_nouvelles"] = tuple(raw.get("fiches_nouvelles", []))
    fields["notes_edition"] = tuple(raw.get("notes_edition", []))
    if raw.get("provenance"):
        fields["provenance"] = Provenance(**raw["provenance"])
    fields["correspondances"] = tuple(
        Correspondence(c["fiche"], tuple(c.get("blocs", []))) for c in raw.get("correspondances", [])
    )
    return Certification(**fields)


def _blocks(raw: list[Any] | None) -> tuple[Block, ...]:
    return tuple(
        value if isinstance(value, str) else BulletList(value.get("introduction"), tuple(value["points"]))
        for value in raw or []
    )


def _bloc(raw: dict[str, Any]) -> Bloc:
    bloc_id = raw["id"]
    return Bloc(
        id=bloc_id,
        numero=raw["numero"],
        intitule=raw["intitule"],
        code_rncp=raw.get("code_rncp"),
        modalites_validation=raw.get("modalites_validation"),
        texte_officiel=OfficialText(**raw["texte_officiel"]) if raw.get("texte_officiel") else None,
        notes_edition=tuple(raw.get("notes_edition", [])),
        activites=tuple(
            Activity(
                id=a["id"],
                intitule=a["intitule"],
                bloc_id=bloc_id,
                notes_edition=tuple(a.get("notes_edition", [])),
            )
            for a in raw["activites"]
        ),
        competences=tuple(_competence(c, bloc_id) for c in raw["competences"]),
        modalites=tuple(_modality(m, bloc_id) for m in raw["modalites"]),
    )


def _competence(raw: dict[str, Any], bloc_id: str) -> Competence:
    return Competence(
        id=raw["id"],
        texte=raw["texte"],
        bloc_id=bloc_id,
        activite_id=raw.get("activite"),
        enjeux=tuple(raw.get("enjeux", [])),
        notes_edition=tuple(raw.get("notes_edition", [])),
        criteres=tuple(
            Criterion(
                id=c["id"],
                texte=c["texte"],
                competence_id=raw["id"],
                sous_points=tuple(c.get("sous_points", [])),
                enjeux=tuple(c.get("enjeux", [])),
                notes_edition=tuple(c.get("notes_edition", [])),
            )
            for c in raw["criteres"]
        ),
    )


def _modality(raw: dict[str, Any], bloc_id: str) -> Modality:
    return Modality(
        id=raw["id"],
        code_source=raw.get("code_source"),
        nature=raw["nature"],
        intitule=raw["intitule"],
        format=raw["format"],
        effectif_equipe=raw.get("effectif_equipe"),
        bloc_id=bloc_id,
        competence_ids=tuple(raw["competences"]),
        contexte=_blocks(raw.get("contexte")),
        travail_demande=_blocks(raw.get("travail_demande")),
        restitution=_blocks(raw.get("restitution")),
        livrables=tuple(raw.get("livrables", [])),
        jury=raw.get("jury"),
        duree=raw.get("duree"),
        notes_edition=tuple(raw.get("notes_edition", [])),
    )
