"""Macros for hand-written pages: each returns escaped Markdown built from the référentiel.

Only pages that opt in (``render_macros: true``) are rendered as templates; data never is.
"""

from __future__ import annotations

from typing import Any

from referentiel.site import Links, counts, home

from .common import load


def define_env(env: Any) -> None:
    def links() -> Links:
        return Links(load(env.conf), env.page.file.src_uri, env.conf["use_directory_urls"])

    @env.macro
    def intitule() -> str:
        """Title and level of the certification."""
        return home.certification_title(load(env.conf))

    @env.macro
    def etablissement() -> str:
        return home.school(load(env.conf))

    @env.macro
    def niveau() -> str:
        level = load(env.conf).certification.niveau
        return str(level) if level else "*non renseigné*"

    @env.macro
    def numero_rncp() -> str:
        return home.rncp_number(load(env.conf))

    @env.macro
    def contenu() -> str:
        """How many blocs, activities, competences, modalities and criteria."""
        return counts.referentiel_contents(load(env.conf))

    @env.macro
    def liste_blocs() -> str:
        return home.bloc_list(load(env.conf), links())

    @env.macro
    def preambule() -> str:
        return home.preamble(load(env.conf))

    @env.macro
    def colonnes() -> str:
        return home.columns(load(env.conf))

    @env.macro
    def lien(item_id: str, texte: str | None = None) -> str:
        """A link to any item by its ID: ``{{ lien("C1.1") }}``."""
        try:
            return links().md_id(item_id, texte)
        except KeyError:
            raise ValueError(f"lien() : aucun élément n'a l'identifiant « {item_id} »") from None
