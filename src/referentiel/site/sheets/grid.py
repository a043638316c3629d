"""A modality's grid: who is evaluated, each criterion's result, each competence's result.

The bloc's decision is not taken here but once per bloc, on its record.
"""

from __future__ import annotations

from ...jury import Sheet
from ...model import Competence, Modality, ResultScale, french_date
from ..text import capitalized, h
from ..urls import Links
from .common import BLANK, box, candidate_table, filled, page_style, session_label, signatures, who


def _scale_headers(scale: ResultScale) -> list[str]:
    if scale.is_marks:
        return [f"Note (sur {scale.note_maximale})"]
    return [capitalized(level) for level in scale.niveaux]


def running_header(sheet: Sheet, links: Links) -> str:
    modality = sheet.modality
    assert modality is not None
    certification = links.referentiel.certification
    return (
        f"{certification.titre} — {modality.code} {modality.intitule} — {who(sheet)} — {session_label(sheet)}"
    )


def render_grid(sheet: Sheet, links: Links, number: int, heading: int, page_numbers: bool) -> str:
    modality = sheet.modality
    assert modality is not None
    referentiel = links.referentiel
    competences = [referentiel.competence(cid) for cid in modality.competence_ids if sheet.shows(cid)]
    team_size = modality.effectif_equipe if modality.format == "équipe" and modality.effectif_equipe else 1
    columns = referentiel.certification.team_results_in_columns and team_size > 1
    evaluated = sheet.candidates if sheet.candidates else ((),) * (team_size if columns else 1)
    anchor = f"grille-{h(modality.id)}"
    parts = [
        page_style(number, running_header(sheet, links), page_numbers),
        f'<section class="grille" id="{anchor}" style="page: feuille-{number}" '
        f'aria-labelledby="{anchor}-titre">',
        f'<h{heading} class="grille-titre" id="{anchor}-titre">Grille d\'évaluation — '
        f"{h(modality.code)} {h(modality.intitule)}</h{heading}>",
        _identification(sheet, modality, links),
    ]
    if columns:
        parts.append(candidate_table(sheet.candidates, team_size, f"Équipe de {team_size} candidats"))
    else:
        parts.append(candidate_table(sheet.candidates, 1, "Candidat"))
        if team_size > 1:
            parts.append(_team(sheet, team_size))
    parts.append(_criteria(modality, competences, links, len(evaluated) if columns else 0, sheet))
    parts.append(
        f'<div class="grille-signatures"><p><strong>Observations générales</strong> :</p>'
        f'<div class="motifs">{BLANK}</div>{signatures("Évaluateurs de l’épreuve")}</div>'
    )
    parts.append("</section>")
    return "\n".join(parts)


def _identification(sheet: Sheet, modality: Modality, links: Links) -> str:
    referentiel = links.referentiel
    certification = referentiel.certification
    bloc = referentiel.bloc(modality.bloc_id)
    number = certification.numero_rncp or "non renseigné"
    code = bloc.code_rncp or "code non renseigné"
    session = sheet.session
    rows = [
        ("Certification", h(f"{certification.intitule} — N° RNCP : {number} — {certification.niveau_label}")),
        ("Bloc", f"{h(code)} — {links.html(bloc, bloc.titre)}"),
        (
            "Modalité",
            f"{links.html(modality, f'{modality.code} {modality.intitule}')} — "
            f"{h(capitalized(modality.nature_label))}, épreuve {h(modality.format_label)}",
        ),
        ("Session", filled(session.nom if session else None)),
        ("Date", filled(french_date(session.date) if session and session.date else None)),
        ("Lieu", filled(session.lieu if session else None)),
        ("Durée", h(modality.duree) if modality.duree else BLANK),
    ]
    if certification.scale.is_marks:
        scale = certification.scale
        rows.append(("Seuil de validation", h(f"{scale.seuil:g} sur {scale.note_maximale}")))
    body = "".join(f'<tr><th scope="row">{label}</th><td>{value}</td></tr>' for label, value in rows)
    return (
        '<table class="grille-entete"><caption>Identification de l\'épreuve</caption>'
        f"<tbody>{body}</tbody></table>"
    )


def _team(sheet: Sheet, size: int) -> str:
    """The other members of the team, for the record; results on this sheet are the candidate's alone."""
    members = sheet.team or ()
    names = ", ".join(h(f"{c.full_name} (n° {c.numero})") for c in members) if members else BLANK
    return (
        f'<p class="grille-equipe"><strong>Équipe</strong> (épreuve en équipe de {size}) : {names}. '
        "Cette grille porte les résultats du seul candidat nommé ci-dessus.</p>"
    )


def _criteria(
    modality: Modality, competences: list[Competence], links: Links, columns: int, sheet: Sheet
) -> str:
    scale = links.referentiel.certification.scale
    has_indicators = any(
        c.sous_points for competence in competences for c in competence.criteres if sheet.shows(c.id)
    )
    if columns:
        names = [c.full_name for c in sheet.candidates] or [f"Candidat {n}" for n in range(1, columns + 1)]
        result_headers = names
    else:
        result_headers = _scale_headers(scale)
    headers = [
        ("Critère", "col-critere"),
        *([("Indicateurs observables", "col-indicateurs")] if has_indicators else []),
        *((name, "col-resultat") for name in result_headers),
        ("Observations", "col-observations"),
    ]
    width = len(headers)
    groups = []
    for competence in competences:
        rows = [
            f'<tr class="grille-competence"><th scope="rowgroup" colspan="{width}">'
            f"{links.html(competence)} {h(competence.texte)}</th></tr>"
        ]
        criteria = [criterion for criterion in competence.criteres if sheet.shows(criterion.id)]
        for criterion in criteria:
            indicators = ""
            if has_indicators:
                points = "".join(f"<li>{h(point)}</li>" for point in criterion.sous_points)
                indicators = f"<td>{f'<ul>{points}</ul>' if points else ''}</td>"
            results = "".join('<td class="resultat"></td>' for _ in result_headers)
            rows.append(
                f'<tr><th scope="row"><span class="critere-id">{h(criterion.id)}</span> '
                f"{h(criterion.texte)}</th>"
                f'{indicators}{results}<td class="observations"></td></tr>'
            )
        if not criteria:
            rows.append(f'<tr><td colspan="{width}">Aucun critère.</td></tr>')
        rows.append(_competence_result(competence, scale, columns, has_indicators, len(result_headers)))
        groups.append(f"<tbody>{''.join(rows)}</tbody>")
    head = "".join(f'<th scope="col" class="{css}">{h(name)}</th>' for name, css in headers)
    legend = ""
    if columns:
        levels = " ; ".join(_scale_headers(scale))
        legend = f'<p class="grille-legende">Dans la colonne de chaque candidat, inscrire : {h(levels)}.</p>'
    return (
        f'{legend}<table class="grille-criteres"><caption>Critères d\'évaluation et résultats</caption>'
        f"<thead><tr>{head}</tr></thead>{''.join(groups)}</table>"
    )


def _competence_result(
    competence: Competence, scale: ResultScale, columns: int, has_indicators: bool, results: int
) -> str:
    """The competence's own result: acquired or not, per candidate when the sheet has columns."""
    label = f'<th scope="row" class="resultat-competence">Résultat pour la compétence {h(competence.id)}</th>'
    spacer = "<td></td>" if has_indicators else ""
    if columns:
        cells = "".join('<td class="resultat"></td>' for _ in range(results))
        return f'<tr class="grille-resultat-competence">{label}{spacer}{cells}<td></td></tr>'
    choices = f"{box('acquise')} {box('non acquise')}"
    cell = f'<td colspan="{results + 1}">{choices}</td>'
    return f'<tr class="grille-resultat-competence">{label}{spacer}{cell}</tr>'
