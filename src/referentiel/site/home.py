"""Fragments of the home page, offered to hand-written pages through macros."""

from __future__ import annotations

from ..model import Referentiel
from .counts import bloc_contents
from .text import md
from .urls import Links


def certification_title(referentiel: Referentiel) -> str:
    return md(referentiel.certification.titre)


def school(referentiel: Referentiel) -> str:
    return md(referentiel.certification.etablissement or "non renseigné")


def level(referentiel: Referentiel) -> str:
    """The level in the national framework (3 to 8)."""
    niveau = referentiel.certification.niveau
    return str(niveau) if niveau else "*non renseigné*"


def rncp_number(referentiel: Referentiel) -> str:
    number = referentiel.certification.numero_rncp
    return md(number) if number else "*non renseigné*"


def bloc_list(referentiel: Referentiel, links: Links) -> str:
    """One line per bloc: its link and what it contains."""
    lines = []
    for bloc in referentiel.blocs:
        lines.append(f"- {links.md(bloc, bloc.titre)} — {bloc_contents(bloc)}")
    return "\n".join(lines)


def preamble(referentiel: Referentiel) -> str:
    """The legal preamble as a quotation, with its article and origin."""
    p = referentiel.preambule
    if p is None:
        return ""
    source = " — ".join(md(part) for part in (p.article, p.creation) if part)
    quote = f"> « {md(p.citation)} »"
    return f"{quote}\n>\n> {source}" if source else quote


def columns(referentiel: Referentiel) -> str:
    """The three référentiels as the source's table headers describe them."""
    cols = referentiel.colonnes
    lines = []
    for column in (cols.activites, cols.competences, cols.evaluation):
        if column:
            text = f"- **{md(column.intitule)}**"
            if column.description:
                text += f" : {md(column.description)}"
            lines.append(text)
    return "\n".join(lines)
