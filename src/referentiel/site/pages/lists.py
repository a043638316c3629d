"""The list pages: every bloc, every competence, every modality, each named by its own words."""

from __future__ import annotations

from ...model import Referentiel
from ..text import md
from ..urls import Links


def render_blocs_list(links: Links) -> str:
    referentiel = links.referentiel
    out = ["# Blocs de compétences", "", "Chaque bloc est évalué et validé pour lui-même.", ""]
    for bloc in referentiel.blocs:
        code = f" — {md(bloc.code_rncp)}" if bloc.code_rncp else ""
        counts = f"{len(bloc.competences)} compétences, {len(bloc.modalites)} modalités d'évaluation"
        out.append(f"- {links.md(bloc, bloc.titre)}{code} ({counts})")
    return "\n".join([*out, ""])


def render_competences_list(links: Links) -> str:
    referentiel: Referentiel = links.referentiel
    out = [
        "# Compétences",
        "",
        f"Les {len(referentiel.competences)} compétences du référentiel, par bloc.",
        "",
    ]
    for bloc in referentiel.blocs:
        out += [f"## {md(bloc.titre)}", ""]
        out += [f"- {links.md(c)} {md(c.texte)}" for c in bloc.competences] or ["Aucune compétence."]
        out.append("")
    return "\n".join(out)


def render_modalities_list(links: Links) -> str:
    referentiel = links.referentiel
    out = [
        "# Modalités d'évaluation",
        "",
        f"Les {len(referentiel.modalites)} modalités d'évaluation du référentiel, par bloc.",
        "",
    ]
    for bloc in referentiel.blocs:
        out += [f"## {md(bloc.titre)}", ""]
        for modality in bloc.modalites:
            evaluated = ", ".join(links.md_id(cid) for cid in modality.competence_ids)
            out.append(
                f"- {links.md(modality, f'{modality.code} {modality.intitule}')} — "
                f"{md(modality.nature_label)}, épreuve {md(modality.format_label)} ; évalue {evaluated}"
            )
        if not bloc.modalites:
            out.append("Aucune modalité d'évaluation propre à ce bloc.")
        out.append("")
    return "\n".join(out)
