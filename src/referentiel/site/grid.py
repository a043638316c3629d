"""The evaluation grid of a modality, as juries fill it in: header, criteria, decision, signatures.

Raw HTML: each table has a caption and scoped header cells (RGAA 5.4, 5.6, 5.7), and the
print stylesheet needs classes to start each grid on a new A4 page and keep rows whole.
"""

from __future__ import annotations

from ..model import ACCESS_ROUTES, Competence, Modality, ResultScale
from .text import capitalized, h
from .urls import Links

EVALUATORS = 3  # blank signature rows


def _box(label: str) -> str:
    """A tick box drawn by CSS, followed by its label."""
    return f'<span class="case-a-cocher" aria-hidden="true"></span> {h(label)}'


# A space to write in by hand; its table header names it for screen readers.
BLANK = '<span class="a-remplir"></span>'


def _scale_headers(scale: ResultScale) -> list[str]:
    if scale.is_marks:
        return [f"Note (sur {scale.note_maximale})"]
    return [capitalized(level) for level in scale.niveaux]


def render_grid(modality: Modality, links: Links) -> str:
    """The whole grid of ``modality`` as one ``<section>``."""
    referentiel = links.referentiel
    bloc = referentiel.bloc(modality.bloc_id)
    competences = [referentiel.competence(cid) for cid in modality.competence_ids]
    return "\n".join(
        [
            f'<section class="grille" id="grille-{h(modality.id)}" '
            f'aria-labelledby="grille-{h(modality.id)}-titre">',
            f'<h2 class="grille-titre" id="grille-{h(modality.id)}-titre">Grille d\'évaluation — '
            f"{h(modality.code)} {h(modality.intitule)}</h2>",
            _identification(modality, links),
            _candidates(modality),
            _criteria(modality, competences, links),
            _decision(bloc.titre),
            "</section>",
        ]
    )


def _identification(modality: Modality, links: Links) -> str:
    referentiel = links.referentiel
    certification = referentiel.certification
    bloc = referentiel.bloc(modality.bloc_id)
    number = certification.numero_rncp or "non renseigné"
    code = bloc.code_rncp or "code non renseigné"
    rows = [
        ("Certification", h(f"{certification.intitule} — N° RNCP : {number} — {certification.niveau_label}")),
        ("Bloc", f"{h(code)} — {links.html(bloc, bloc.titre)}"),
        (
            "Modalité",
            f"{links.html(modality, f'{modality.code} {modality.intitule}')} — "
            f"{h(capitalized(modality.nature_label))}, épreuve {h(modality.format_label)}",
        ),
        ("Date de la session", BLANK),
        ("Lieu", BLANK),
        ("Durée", h(modality.duree) if modality.duree else BLANK),
    ]
    if referentiel.certification.scale.is_marks:
        scale = referentiel.certification.scale
        rows.append(("Seuil de validation", h(f"{scale.seuil:g} sur {scale.note_maximale}")))
    body = "".join(f'<tr><th scope="row">{label}</th><td>{value}</td></tr>' for label, value in rows)
    return (
        '<table class="grille-entete"><caption>Identification de l\'épreuve</caption>'
        f"<tbody>{body}</tbody></table>"
    )


def _candidates(modality: Modality) -> str:
    count = modality.effectif_equipe if modality.format == "équipe" and modality.effectif_equipe else 1
    caption = f"Équipe de {count} candidats" if count > 1 else "Candidat"
    routes = "<br>".join(_box(route) for route in ACCESS_ROUTES)
    adjustments = f"{_box('oui')} {_box('non')}<br>Nature : {BLANK}"
    headers = ("Nom", "Prénom", "N° de candidat", "Voie d'accès", "Aménagements accordés (handicap)")
    rows = "".join(
        "<tr>"
        + "".join(f"<td>{BLANK}</td>" for _ in headers[:3])
        + f'<td class="voies">{routes}</td><td>{adjustments}</td></tr>'
        for _ in range(count)
    )
    head = "".join(f'<th scope="col">{name}</th>' for name in headers)
    return (
        f'<table class="grille-candidats"><caption>{caption}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )


def _criteria(modality: Modality, competences: list[Competence], links: Links) -> str:
    scale = links.referentiel.certification.scale
    result_headers = _scale_headers(scale)
    headers = ["Compétence", "Critère", "Indicateurs observables", *result_headers, "Observations"]
    width = len(headers)
    groups = []
    for competence in competences:
        rows = [
            f'<tr class="grille-competence"><th scope="rowgroup" colspan="{width}">'
            f"{links.html(competence)} {h(competence.texte)}</th></tr>"
        ]
        for criterion in competence.criteres:
            indicators = (
                "<ul>" + "".join(f"<li>{h(point)}</li>" for point in criterion.sous_points) + "</ul>"
                if criterion.sous_points
                else "—"
            )
            results = "".join('<td class="resultat"></td>' for _ in result_headers)
            rows.append(
                f'<tr><td>{h(competence.id)}</td><th scope="row">{h(criterion.texte)}</th>'
                f'<td>{indicators}</td>{results}<td class="observations"></td></tr>'
            )
        if not competence.criteres:
            rows.append(f'<tr><td>{h(competence.id)}</td><td colspan="{width - 1}">Aucun critère.</td></tr>')
        groups.append(f"<tbody>{''.join(rows)}</tbody>")
    head = "".join(f'<th scope="col">{h(name)}</th>' for name in headers)
    return (
        '<table class="grille-criteres"><caption>Critères d\'évaluation et résultats</caption>'
        f"<thead><tr>{head}</tr></thead>{''.join(groups)}</table>"
    )


def _decision(bloc_title: str) -> str:
    evaluators = "".join(
        f"<tr><td>{BLANK}</td><td>{BLANK}</td><td>{BLANK}</td></tr>" for _ in range(EVALUATORS)
    )
    return "\n".join(
        [
            '<div class="grille-signatures">',
            f"<p><strong>Décision proposée pour le bloc</strong> ({h(bloc_title)}) : "
            f"{_box('validé')} {_box('non validé')}</p>",
            "<p><strong>Motifs</strong> (obligatoires si le bloc n'est pas validé) :</p>",
            f'<div class="motifs">{BLANK}</div>',
            '<table class="grille-evaluateurs"><caption>Évaluateurs</caption>'
            '<thead><tr><th scope="col">Nom</th><th scope="col">Rôle</th>'
            f'<th scope="col">Signature</th></tr></thead><tbody>{evaluators}</tbody></table>',
            "<p>Les évaluateurs soussignés déclarent n'avoir avec le ou les candidats évalués aucun "
            "lien personnel ou professionnel susceptible de créer un conflit d'intérêts.</p>",
            f"<p><strong>Date</strong> : {BLANK}</p>",
            "</div>",
        ]
    )
