"""The référentiel's macros for hand-written pages, as plain functions of the référentiel.

Each returns escaped Markdown; an unknown ID raises :class:`UnknownItem`. The MkDocs adapter
registers them with mkdocs-macros; printing a case study runs them in a sandboxed template.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model import Referentiel
from . import counts, fragments, home
from .urls import Links


class UnknownItem(Exception):
    """An ID the référentiel lacks, or of another kind than the macro expects."""


def macro_functions(referentiel: Callable[[], Referentiel], links: Callable[[], Links]) -> dict[str, Any]:
    """Name → macro; ``referentiel`` and ``links`` give the référentiel and the current page's links."""

    def item_of(kind: str, lookup: Callable[[str], Any], item_id: object) -> Any:
        try:
            return lookup(str(item_id))
        except KeyError:
            raise UnknownItem(f"aucun{kind} n'a l'identifiant « {item_id} »") from None

    def intitule() -> str:
        """The certification's title."""
        return home.certification_title(referentiel())

    def etablissement() -> str:
        """The school or certifier."""
        return home.school(referentiel())

    def niveau() -> str:
        """The level in the national framework (3 to 8)."""
        return home.level(referentiel())

    def numero_rncp() -> str:
        return home.rncp_number(referentiel())

    def contenu() -> str:
        """How many blocs, activities, competences, modalities and criteria."""
        return counts.referentiel_contents(referentiel())

    def liste_blocs() -> str:
        """One line per bloc, with its link and contents."""
        return home.bloc_list(referentiel(), links())

    def preambule() -> str:
        """The legal preamble, quoted."""
        return home.preamble(referentiel())

    def colonnes() -> str:
        """The three référentiels, as the source's table headers describe them."""
        return home.columns(referentiel())

    def lien(identifiant: object, texte: object = None) -> str:
        """A link to any item by its ID: ``{{ lien("C1.1") }}``, or ``{{ lien("E2", "l'étude de cas") }}``."""
        found = item_of(" élément", referentiel().item, identifiant)
        return links().md(found, None if texte is None else str(texte))

    def competence(identifiant: object) -> str:
        """A competence, its link and its criteria."""
        found = item_of("e compétence", referentiel().competence, identifiant)
        return fragments.competence_with_criteria(found, links())

    def bloc(identifiant: object) -> str:
        """A bloc's four-column table, as in the source."""
        found = item_of(" bloc", referentiel().bloc, identifiant)
        return fragments.bloc_table(found, links())

    def modalite(identifiant: object) -> str:
        """A modality's brief: situation, work asked, deliverables and jury."""
        found = item_of("e modalité", referentiel().modality, identifiant)
        return fragments.modality_brief(found, links())

    functions: list[Callable[..., str]] = [intitule, etablissement, niveau, numero_rncp, contenu]
    functions += [liste_blocs, preambule, colonnes, lien, competence, bloc, modalite]
    return {function.__name__: function for function in functions}
