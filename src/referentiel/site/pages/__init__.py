"""The generated pages: one per bloc, competence and modality."""

from __future__ import annotations

import json
from dataclasses import dataclass

from ...cases import CaseStudy
from ...checks import Finding, run_checks
from ...model import Referentiel
from ...versions import History
from ..text import excerpt, title
from ..urls import (
    AUDIT,
    BLOCS_LIST,
    CASES_FOLDER,
    COMPETENCES_LIST,
    DOWNLOADS,
    FICHE,
    GRIDS,
    MODALITIES_LIST,
    TRACEABILITY,
    Links,
    bloc_page,
    cases_index,
    competence_page,
    grid_page,
    modality_page,
    record_page,
)
from .audit import render_audit
from .bloc import render_bloc
from .cases import competence_cases, modality_cases, render_cases_index
from .competence import render_competence
from .downloads import render_downloads
from .fiche import render_fiche
from .grids import render_all_grids, render_grid_page, render_record_page
from .lists import render_blocs_list, render_competences_list, render_modalities_list
from .modality import render_modality
from .traceability import render_traceability
from .versions import (
    VERSIONS,
    gone_pages,
    history_section,
    render_gone,
    render_step,
    render_versions_index,
    step_page,
    step_title,
)


def front_matter(page_title: str, searchable: bool = True, wide: bool = False) -> str:
    # Generated text is data: the macros plugin must never render it as a template.
    # The title is set here so that MkDocs never derives it from escaped Markdown.
    # A JSON string is a valid YAML scalar, and far quicker to write than through a YAML dumper.
    quoted = json.dumps(title(page_title), ensure_ascii=False)
    # Sheets repeat the texts of the modality pages word for word: out of the search index,
    # which every page downloads.
    excluded = "" if searchable else "search:\n  exclude: true\n"
    # A wide page (a catalogue, a table of every référentiel) gives the table of contents' room.
    hidden = "hide:\n  - toc\n" if wide else ""
    return f"---\ntitle: {quoted}\nrender_macros: false\n{excluded}{hidden}---\n\n"


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    content: str
    # Pages at the old addresses of removed items answer, but are not in the navigation.
    in_nav: bool = True


def generate_pages(
    referentiel: Referentiel,
    use_directory_urls: bool = True,
    findings: list[Finding] | None = None,
    downloads: dict[str, bytes] | None = None,
    cases: list[CaseStudy] | None = None,
    cases_folder: str = CASES_FOLDER,
    history: History | None = None,
) -> list[GeneratedPage]:
    """Every generated page, in référentiel order, then the audit pages.

    ``cases`` are the site's case studies (pages under ``cases_folder``): when there are any,
    competence and modality pages list those that prepare them, the traceability page shows
    them, and ``cases_folder/index.md`` lists them all with what none prepares yet.
    ``history`` (earlier versions): a « Versions » section, each item's history, and a page at
    every address of an earlier version that the current one no longer has.

    ``findings`` are the conformity findings to show; by default they are computed here.
    ``downloads`` (file name → content) are the exported files the site publishes, listed on a
    « Téléchargements » page; none by default.
    """
    pages = []

    def add(src_uri: str, page_title: str, body: str, searchable: bool = True) -> None:
        pages.append(GeneratedPage(src_uri, front_matter(page_title, searchable) + body))

    def links(src_uri: str) -> Links:
        return Links(referentiel, src_uri, use_directory_urls)

    def sections(item_id: str, src: str, prepared: str = "") -> str:
        past = history_section(item_id, history, links(src)) if history else ""
        return "\n".join(part for part in (prepared, past) if part)

    add(BLOCS_LIST, "Blocs de compétences", render_blocs_list(links(BLOCS_LIST)))
    add(COMPETENCES_LIST, "Compétences", render_competences_list(links(COMPETENCES_LIST)))
    add(MODALITIES_LIST, "Modalités d'évaluation", render_modalities_list(links(MODALITIES_LIST)))
    for bloc in referentiel.blocs:
        src = bloc_page(bloc.id)
        add(src, bloc.titre, render_bloc(bloc, links(src), sections(bloc.id, src)))
    competences = referentiel.competences
    for index, competence in enumerate(competences):
        src = competence_page(competence.id)
        neighbours = (
            competences[index - 1] if index > 0 else None,
            competences[index + 1] if index + 1 < len(competences) else None,
        )
        page_title = f"Compétence {competence.id} — {excerpt(competence.texte)}"
        prepared = competence_cases(competence.id, cases, links(src)) if cases else ""
        extra = sections(competence.id, src, prepared)
        add(src, page_title, render_competence(competence, neighbours, links(src), extra))
    for modality in referentiel.modalites:
        src = modality_page(modality.id)
        prepared = modality_cases(modality.id, cases, links(src)) if cases else ""
        extra = sections(modality.id, src, prepared)
        add(src, f"{modality.code} {modality.intitule}", render_modality(modality, links(src), extra))
    for modality in referentiel.modalites:
        src = grid_page(modality.id)
        add(src, f"Grille {modality.code} {modality.intitule}", render_grid_page(modality, links(src)), False)
    for bloc in referentiel.blocs:
        src = record_page(bloc.id)
        add(src, f"Procès-verbal du {bloc.titre}", render_record_page(bloc, links(src)), False)
    add(GRIDS, "Grilles d'évaluation et procès-verbaux", render_all_grids(links(GRIDS)), False)
    if findings is None:
        findings = run_checks(referentiel)
    add(AUDIT, "Audit de conformité", render_audit(findings, links(AUDIT)))
    add(TRACEABILITY, "Traçabilité", render_traceability(links(TRACEABILITY), cases or None))
    add(FICHE, "Fiche RNCP", render_fiche(links(FICHE)))
    if cases:
        cases_page = cases_index(cases_folder)
        add(cases_page, "Études de cas", render_cases_index(cases, links(cases_page)))
    if history:
        add(VERSIONS, "Versions", render_versions_index(history, links(VERSIONS)))
        for step in history.steps:
            src = step_page(step)
            add(src, step_title(step), render_step(step, links(src)))
        for gone in history.gone:
            for src in gone_pages(gone):
                body = render_gone(gone, links(src))
                pages.append(
                    GeneratedPage(src, front_matter(f"{gone.id} n'existe plus") + body, in_nav=False)
                )
    sizes = {name: len(data) for name, data in (downloads or {}).items()}
    if downloads is not None:
        add(DOWNLOADS, "Téléchargements", render_downloads(links(DOWNLOADS), sizes))
    return pages
