"""The source's four-column view of a bloc: activity | competence | modality | criteria.

Raw HTML, because a Markdown table has no caption, no header scope and no merged cells;
its links are computed by :class:`Links` since MkDocs does not rewrite raw HTML.
"""

from __future__ import annotations

from ..model import Bloc, Competence, Modality
from .blocks import html_criteria
from .htmltable import data_table
from .text import h
from .urls import Links

_DEFAULT_HEADERS = (
    "Référentiel d'activités",
    "Référentiel de compétences",
    "Modalités d'évaluation",
    "Critères d'évaluation",
)


def four_column_table(bloc: Bloc, links: Links) -> str:
    referentiel = links.referentiel
    columns = referentiel.colonnes
    headers = [
        column.intitule if column else default
        for column, default in zip(
            (columns.activites, columns.competences, columns.modalites, columns.criteres),
            _DEFAULT_HEADERS,
            strict=True,
        )
    ]
    rows = [(c, referentiel.modalities_of(c.id)) for c in bloc.competences]
    spans = _row_spans([modalities for _, modalities in rows])

    rows_html = []
    for (competence, modalities), span in zip(rows, spans, strict=True):
        cells = [_activity_cell(competence, links), _competence_cell(competence, links)]
        if span:
            cells.append(_modality_cell(modalities, links, span))
        cells.append(f"<td>{html_criteria(competence.criteres)}</td>")
        rows_html.append("<tr>" + "".join(cells) + "</tr>")
    for activity in bloc.activites:
        if not referentiel.competences_of_activity(activity.id):
            rows_html.append(
                f"<tr><td>{links.html(activity)} {h(activity.intitule)}</td>"
                '<th scope="row">—</th><td>—</td><td>—</td></tr>'
            )
    caption = f"{bloc.titre} : activités, compétences, modalités et critères d'évaluation"
    return data_table("referentiel-table", caption, [h(text) for text in headers], rows_html)


def _row_spans(groups: list[tuple[Modality, ...]]) -> list[int]:
    """Merge consecutive rows evaluated by the same modalities, as the source's cells are."""
    spans = [0] * len(groups)
    start = 0
    for index in range(1, len(groups) + 1):
        if index == len(groups) or groups[index] != groups[start]:
            spans[start] = index - start
            start = index
    return spans


def _activity_cell(competence: Competence, links: Links) -> str:
    if not competence.activite_id:
        return "<td>—</td>"
    activity = links.referentiel.activity(competence.activite_id)
    return f"<td>{links.html(activity)} {h(activity.intitule)}</td>"


def _competence_cell(competence: Competence, links: Links) -> str:
    return f'<th scope="row">{links.html(competence)} {h(competence.texte)}</th>'


def _modality_cell(modalities: tuple[Modality, ...], links: Links, span: int) -> str:
    rowspan = f' rowspan="{span}"' if span > 1 else ""
    if not modalities:
        return f"<td{rowspan}>Aucune modalité</td>"
    parts = [
        f"<p>{links.html(m, f'{m.code} {m.intitule}')}<br>{h(m.nature_label)}, épreuve "
        f"{h(m.format_label)}</p>"
        for m in modalities
    ]
    return f"<td{rowspan}>{''.join(parts)}</td>"
