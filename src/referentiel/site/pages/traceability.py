"""The traceability page: activity → competence → modality → criteria, with coverage and orphans."""

from __future__ import annotations

from ...cases import CaseStudy, cases_of_competence
from ...checks.coverage import Coverage, coverage, orphans, own_modalities
from ...checks.structure import competences_named_by_code
from ...model import Bloc, Competence
from ..htmltable import data_table
from ..text import h, md
from ..urls import Links


def render_traceability(links: Links, cases: list[CaseStudy] | None = None) -> str:
    """``cases``: the site's case studies, shown in the chain when the site has any."""
    referentiel = links.referentiel
    out = [
        "# Traçabilité",
        "",
        "Chaque activité doit conduire à au moins une compétence, chaque compétence être évaluée "
        "par au moins une modalité, selon au moins un critère. Les états sont écrits en toutes "
        "lettres ; la couleur ne fait que les souligner.",
        "",
        "## Couverture",
        "",
        _coverage_table(links),
        "",
        "## Éléments orphelins",
        "",
        _orphans(links),
        "",
        "## Matrice compétences × modalités, par bloc",
        "",
        # One matrix per bloc: a single one for the whole référentiel grows with the square of
        # its size (18 MB on one page for sixty blocs), and a bloc's competences meet its modalities.
        *(
            part
            for bloc in referentiel.blocs
            for part in (f"### {md(bloc.titre)} {{#matrice-{bloc.id}}}", "", _matrix(bloc, links), "")
        ),
        "## Chaîne par bloc",
        "",
    ]
    for bloc in referentiel.blocs:
        out += [f"### {md(bloc.titre)}", "", _chain(bloc, links, cases), ""]
    return "\n".join(out)


def _ratio(part: int, whole: int) -> str:
    state = "complet" if part == whole else "incomplet"
    return f'<td class="etat-{state}">{part} / {whole} ({Coverage.percent(part, whole)})</td>'


def _coverage_row(header: str, figures: Coverage, own: str) -> str:
    return (
        f'<tr><th scope="row">{header}</th>'
        + _ratio(figures.activities_with_competence, figures.activities)
        + _ratio(figures.competences_evaluated, figures.competences)
        + _ratio(figures.competences_with_criteria, figures.competences)
        + f"<td>{own}</td><td>{figures.criteria}</td></tr>"
    )


def _coverage_table(links: Links) -> str:
    referentiel = links.referentiel
    rows = []
    for bloc in referentiel.blocs:
        own = own_modalities(bloc)
        own_cell = f"{len(own)}" if own else '<span class="etat-incomplet">aucune</span>'
        rows.append(_coverage_row(links.html(bloc, bloc.titre), coverage(referentiel, (bloc,)), own_cell))
    total = coverage(referentiel)
    rows.append(_coverage_row("Ensemble du référentiel", total, str(total.modalities)))
    headers = (
        "Bloc",
        "Activités menant à une compétence",
        "Compétences évaluées",
        "Compétences avec critères",
        "Modalités propres",
        "Critères",
    )
    caption = "Couverture de la chaîne activité → compétence → évaluation, par bloc et pour l'ensemble"
    return data_table("audit-table", caption, headers, rows)


def _orphans(links: Links) -> str:
    gaps = orphans(links.referentiel)
    lines = []
    for label, ids in (
        ("Activités dont ne découle aucune compétence", gaps.activities_without_competence),
        ("Compétences rattachées à aucune activité", gaps.competences_without_activity),
        ("Compétences évaluées par aucune modalité", gaps.competences_not_evaluated),
        ("Compétences sans critère d'évaluation", gaps.competences_without_criteria),
        ("Blocs sans modalité d'évaluation propre", gaps.blocs_without_own_modality),
    ):
        listed = ", ".join(links.md_id(i) for i in ids) if ids else "néant"
        lines.append(f"- **{md(label)}** : {listed}")
    return "\n".join(lines)


def _state(competence: Competence, links: Links) -> tuple[str, str]:
    """(state words, CSS class) of a competence in the chain."""
    evaluated = bool(links.referentiel.modalities_of(competence.id))
    if not evaluated and not competence.criteres:
        return "ni évaluée ni critère", "incomplet"
    if not evaluated:
        return "non évaluée", "incomplet"
    if not competence.criteres:
        return "sans critère", "incomplet"
    if competence.activite_id is None:
        return "sans activité", "incomplet"
    return "complète", "complet"


def _matrix(bloc: Bloc, links: Links) -> str:
    """The bloc's competences against every modality that evaluates one of them or names it by its code."""
    referentiel = links.referentiel
    ids = {competence.id for competence in bloc.competences}
    named = {m.id: competences_named_by_code(m) for m in referentiel.modalites}
    modalities = [
        m
        for m in referentiel.modalites
        if m.bloc_id == bloc.id or ids & set(m.competence_ids) or ids & set(named[m.id])
    ]
    rows = []
    for competence in bloc.competences:
        cells = []
        for modality in modalities:
            evaluated = competence.id in modality.competence_ids
            conflict = bool(named[modality.id]) and (competence.id in named[modality.id]) != evaluated
            code = f"le code imprimé « {h(modality.code)} »"
            if evaluated and conflict:
                cells.append(f'<td class="etat-incomplet">évaluée, mais {code} ne la nomme pas</td>')
            elif evaluated:
                cells.append('<td class="etat-complet">évaluée</td>')
            elif conflict:
                cells.append(f'<td class="etat-incomplet">nommée par {code}, non évaluée</td>')
            else:
                cells.append('<td class="etat-vide">—</td>')
        words, css = _state(competence, links)
        rows.append(
            f'<tr><th scope="row">{links.html(competence)}</th>{"".join(cells)}'
            f'<td>{len(competence.criteres)}</td><td class="etat-{css}">{words}</td></tr>'
        )
    caption = (
        f"{bloc.titre} : compétences (lignes) et modalités d'évaluation (colonnes, code imprimé "
        "dans la source)"
    )
    # The printed code, and the ID when it differs: the source prints « E4.5 » for two modalities.
    headers = [
        "Compétence",
        *(
            links.html(m, m.code) + (f"<br><small>{h(m.id)}</small>" if m.code != m.id else "")
            for m in modalities
        ),
        "Critères",
        "État",
    ]
    return data_table("audit-table matrice", caption, headers, rows)


def _chain(bloc: Bloc, links: Links, cases: list[CaseStudy] | None) -> str:
    referentiel = links.referentiel
    rows = []

    def prepared_by(competence_id: str) -> str:
        if cases is None:
            return ""
        found = cases_of_competence(cases, competence_id)
        listed = ", ".join(links.html_page(case.src_uri, case.titre) for case in found)
        return f"<td>{listed or 'aucune'}</td>"

    for competence in bloc.competences:
        origin = links.html(referentiel.activity(competence.activite_id)) if competence.activite_id else "—"
        modalities = (
            ", ".join(links.html(m, m.code) for m in referentiel.modalities_of(competence.id)) or "aucune"
        )
        words, css = _state(competence, links)
        rows.append(
            f'<tr><td>{origin}</td><th scope="row">{links.html(competence)}</th>'
            f"<td>{modalities}</td>{prepared_by(competence.id)}<td>{len(competence.criteres)}</td>"
            f'<td class="etat-{css}">{words}</td></tr>'
        )
    for activity in bloc.activites:
        if not referentiel.competences_of_activity(activity.id):
            none = "<td>—</td>" if cases is not None else ""
            rows.append(
                f'<tr><td>{links.html(activity)}</td><th scope="row">—</th><td>—</td>{none}<td>0</td>'
                '<td class="etat-incomplet">activité sans compétence</td></tr>'
            )
    case_header = ("Études de cas",) if cases is not None else ()
    headers = ("Activité", "Compétence", "Modalités", *case_header, "Critères", "État")
    caption = f"{bloc.titre} : chaîne activité → compétence → modalité → critères"
    return data_table("audit-table", caption, headers, rows)
