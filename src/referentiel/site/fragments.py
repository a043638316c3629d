"""Pieces of the référentiel that a hand-written page can quote: a competence, a bloc, a brief.

They carry no headings, so that quoting one never adds entries to the page's table of contents
or anchors that would collide with the page's own.
"""

from __future__ import annotations

from ..model import Bloc, Competence, Modality
from .blocks import md_blocks, md_criteria
from .table import four_column_table
from .text import capitalized, md
from .urls import Links, grid_page

NOT_STATED = "*non précisé dans la source*"
NOT_STATED_F = "*non précisée dans la source*"
NOT_STATED_PL = "*non précisés dans la source*"


def competence_with_criteria(competence: Competence, links: Links) -> str:
    """« C1.1 — text », then its criteria as a list."""
    criteria = md_criteria(competence.criteres) or "Aucun critère d'évaluation."
    return f"**{links.md(competence)}** — {md(competence.texte)}\n\n{criteria}\n"


def bloc_table(bloc: Bloc, links: Links) -> str:
    """The bloc's four-column table (activity, competence, modality, criteria)."""
    return f"\n{four_column_table(bloc, links)}\n"


def modality_brief(modality: Modality, links: Links) -> str:
    """What the candidate is asked: situation, work, deliverables, duration, jury and grid."""
    out = [
        f"**{links.md(modality, f'{modality.code} {modality.intitule}')}** — "
        f"{md(capitalized(modality.nature_label))}, épreuve {md(modality.format_label)}.",
        "",
    ]
    for label, blocks in (
        ("Mise en situation", modality.contexte),
        ("Travail demandé", modality.travail_demande),
        ("Restitution et jury", modality.restitution),
    ):
        if blocks:
            out += [f"**{label}**", "", md_blocks(blocks), ""]
    deliverables = "; ".join(md(item) for item in modality.livrables) if modality.livrables else NOT_STATED_PL
    out += [
        f"- **Livrables** : {deliverables}",
        f"- **Durée** : {md(modality.duree) if modality.duree else NOT_STATED_F}",
        f"- **Jury** : {md(modality.jury) if modality.jury else NOT_STATED}",
        "- **Grille d'évaluation** : " + links.md_page(grid_page(modality.id), "grille imprimable"),
        "",
    ]
    return "\n".join(out)
