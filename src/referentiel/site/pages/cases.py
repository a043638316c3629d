"""Case studies on the generated pages: the lists that link back to them, their index with its
coverage, and the facts printed at the top of each case study."""

from __future__ import annotations

from ...cases import CaseStudy, cases_of_competence, cases_of_modality, prepared_criteria
from ...jury import Sheet
from ..sheets import render_sheet
from ..text import md
from ..urls import Links

# The « Études de cas » section of a competence or modality page.
NONE_YET = "Aucune étude de cas ne la prépare encore."


def md_case_links(cases: list[CaseStudy], links: Links) -> str:
    """One line per case study: its link, its modality, and who wrote it when known."""
    lines = []
    for case in cases:
        modality = case.modality(links.referentiel)
        facts = [f"{md(modality.code)} {md(modality.intitule)}"]
        if case.duree:
            facts.append(md(case.duree))
        if case.auteur:
            facts.append(md(case.auteur))
        lines.append(f"- {links.md_page(case.src_uri, case.titre)} — {' ; '.join(facts)}")
    return "\n".join(lines)


def cases_section(cases: list[CaseStudy], links: Links) -> str:
    return "\n".join(["## Études de cas", "", md_case_links(cases, links) or NONE_YET, ""])


def competence_cases(competence_id: str, cases: list[CaseStudy], links: Links) -> str:
    return cases_section(cases_of_competence(cases, competence_id), links)


def modality_cases(modality_id: str, cases: list[CaseStudy], links: Links) -> str:
    return cases_section(cases_of_modality(cases, modality_id), links)


def render_cases_index(cases: list[CaseStudy], links: Links) -> str:
    """Every case study by bloc and modality, then by competence, then what none prepares yet."""
    referentiel = links.referentiel
    out = [
        "# Études de cas",
        "",
        f"{len(cases)} étude{'s' if len(cases) > 1 else ''} de cas, écrite{'s' if len(cases) > 1 else ''} "
        "par l'équipe pédagogique pour préparer les épreuves. Chacune s'imprime avec la grille de son "
        "épreuve, réduite aux compétences et critères qu'elle prépare.",
        "",
        "## Par bloc et modalité",
        "",
    ]
    for bloc in referentiel.blocs:
        out += [f"### {links.md(bloc, bloc.titre)}", ""]
        for modality in bloc.modalites:
            prepared = cases_of_modality(cases, modality.id)
            out.append(f"- {links.md(modality, f'{modality.code} {modality.intitule}')}")
            for case in prepared:
                out.append(f"    - {links.md_page(case.src_uri, case.titre)}")
            if not prepared:
                out.append("    - *aucune étude de cas*")
        out.append("")
    out += ["## Par compétence", ""]
    for competence in referentiel.competences:
        prepared = cases_of_competence(cases, competence.id)
        listed = ", ".join(links.md_page(case.src_uri, case.titre) for case in prepared) or "*aucune*"
        out.append(f"- {links.md(competence)} : {listed}")
    out.append("")
    out += ["## Ce qu'aucune étude de cas ne prépare encore", ""]
    bare = [c for c in referentiel.competences if not cases_of_competence(cases, c.id)]
    done = prepared_criteria(cases, referentiel)
    criteria = [c for c in referentiel.criteres if c.id not in done]
    total_competences, total_criteria = len(referentiel.competences), len(referentiel.criteres)
    out += [
        f"- **Compétences préparées** : {total_competences - len(bare)} sur {total_competences}",
        f"- **Critères préparés** : {total_criteria - len(criteria)} sur {total_criteria}",
        "",
    ]
    if bare:
        out += ["Compétences sans étude de cas : " + ", ".join(links.md(c) for c in bare) + ".", ""]
    if criteria:
        out += ["Critères sans étude de cas : " + ", ".join(links.md(c) for c in criteria) + ".", ""]
    return "\n".join(out)


def case_header(case: CaseStudy, links: Links) -> str:
    """What a case study prepares, shown above its text: modality, competences, criteria, facts."""
    referentiel = links.referentiel
    modality = case.modality(referentiel)
    lines = [f"- **Épreuve** : {links.md(modality, f'{modality.code} {modality.intitule}')}"]
    lines.append("- **Compétences** : " + ", ".join(links.md(c) for c in case.competence_items(referentiel)))
    if case.criteres:
        lines.append("- **Critères** : " + ", ".join(links.md_id(cid) for cid in case.criteres))
    for label, value in (("Durée", case.duree), ("Rédigée par", case.auteur), ("Session", case.session)):
        if value:
            lines.append(f"- **{label}** : {md(value)}")
    return "\n".join(lines) + "\n"


def case_page(markdown: str, case: CaseStudy, links: Links) -> str:
    """A case study's page: what it prepares under its title, and its grid at the end, restricted
    to its competences and criteria, printed on its own A4 sheet after the case."""
    grid = render_sheet(case_sheet(case, links), links, number=1, heading=2)
    return f'{case_text(markdown, case, links)}\n\n<div class="etude-grille">\n{grid}\n</div>\n'


def case_sheet(case: CaseStudy, links: Links) -> Sheet:
    """The grid of its modality, restricted to the competences and criteria it prepares."""
    return Sheet(modality=case.modality(links.referentiel), only=case.grid_items(links.referentiel))


def case_text(markdown: str, case: CaseStudy, links: Links) -> str:
    """The case's own text, its title first, then what it prepares."""
    header = case_header(case, links)
    lines = markdown.split("\n")
    title_line = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
    if title_line is None:  # the theme would show the front matter's title as markup: shown as text here
        body = f"# {md(case.titre)}\n\n{header}\n{markdown}"
    else:
        body = "\n".join([*lines[: title_line + 1], "", header, *lines[title_line + 1 :]])
    return body
