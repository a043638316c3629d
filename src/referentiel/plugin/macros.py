"""Macros for hand-written pages, as an mkdocs-macros module: ``modules: [referentiel.plugin.macros]``.

Each macro returns escaped Markdown built from the référentiel that the ``referentiel`` plugin
loaded: what the data says is shown as text, never rendered as a template or as HTML. An unknown
ID does not stop the page at once: every mistake of the page is collected, then the build fails
with one French message naming the page and the line of each.
"""

from __future__ import annotations

import sys
from typing import Any

from mkdocs.exceptions import PluginError

from ..model import Referentiel
from ..site import Links, counts, fragments, home
from ..terminal import printable
from .plugin import ReferentielPlugin


class _UnknownItem(Exception):
    pass


def referentiel_of(env: Any) -> Referentiel:
    """The référentiel of the build, for a site's own macros as for these."""
    for plugin in env.conf["plugins"].values():
        if isinstance(plugin, ReferentielPlugin):
            return plugin.referentiel
    raise PluginError(
        "Les macros du référentiel demandent le greffon « referentiel » : ajoutez-le à `plugins:` "
        "dans mkdocs.yml."
    )


def links_of(env: Any) -> Links:
    """Links from the page being rendered to the référentiel's pages."""
    return Links(referentiel_of(env), env.page.file.src_uri, env.conf["use_directory_urls"])


def define_env(env: Any) -> None:
    problems: list[str] = []

    def referentiel() -> Referentiel:
        return referentiel_of(env)

    def links() -> Links:
        return links_of(env)

    def macro(function: Any) -> Any:
        """Register ``function`` as a macro whose unknown IDs are reported with their line."""

        def reported(*args: Any, **kwargs: Any) -> str:
            try:
                return str(function(*args, **kwargs))
            except _UnknownItem as error:
                problems.append(f"ligne {_line(env)} : {function.__name__}() : {error}")
                return f"`{function.__name__} : identifiant inconnu`"

        reported.__name__ = function.__name__
        reported.__doc__ = function.__doc__
        env.macro(reported, function.__name__)
        return function

    def item_of(kind: str, lookup: Any, item_id: object) -> Any:
        try:
            return lookup(str(item_id))
        except KeyError:
            raise _UnknownItem(f"aucun{kind} n'a l'identifiant « {item_id} »") from None

    @macro
    def intitule() -> str:
        """The certification's title."""
        return home.certification_title(referentiel())

    @macro
    def etablissement() -> str:
        """The school or certifier."""
        return home.school(referentiel())

    @macro
    def niveau() -> str:
        """The level in the national framework (3 to 8)."""
        return home.level(referentiel())

    @macro
    def numero_rncp() -> str:
        return home.rncp_number(referentiel())

    @macro
    def contenu() -> str:
        """How many blocs, activities, competences, modalities and criteria."""
        return counts.referentiel_contents(referentiel())

    @macro
    def liste_blocs() -> str:
        """One line per bloc, with its link and contents."""
        return home.bloc_list(referentiel(), links())

    @macro
    def preambule() -> str:
        """The legal preamble, quoted."""
        return home.preamble(referentiel())

    @macro
    def colonnes() -> str:
        """The three référentiels, as the source's table headers describe them."""
        return home.columns(referentiel())

    @macro
    def lien(identifiant: object, texte: object = None) -> str:
        """A link to any item by its ID: ``{{ lien("C1.1") }}``, or ``{{ lien("E2", "l'étude de cas") }}``."""
        found = item_of(" élément", referentiel().item, identifiant)
        return links().md(found, None if texte is None else str(texte))

    @macro
    def competence(identifiant: object) -> str:
        """A competence, its link and its criteria."""
        found = item_of("e compétence", referentiel().competence, identifiant)
        return fragments.competence_with_criteria(found, links())

    @macro
    def bloc(identifiant: object) -> str:
        """A bloc's four-column table, as in the source."""
        found = item_of(" bloc", referentiel().bloc, identifiant)
        return fragments.bloc_table(found, links())

    @macro
    def modalite(identifiant: object) -> str:
        """A modality's brief: situation, work asked, deliverables and jury."""
        found = item_of("e modalité", referentiel().modality, identifiant)
        return fragments.modality_brief(found, links())

    def on_post_page_macros(env: Any) -> None:
        if problems:
            found = list(problems)
            problems.clear()
            raise PluginError(
                printable(
                    f"Macros du référentiel dans {env.page.file.src_path} :\n"
                    + "\n".join(f"  - {problem}" for problem in found)
                )
            )

    env.post_macro_functions.append(on_post_page_macros)


def _line(env: Any) -> str:
    """The line of the page, counted in its file, where the macro being run is called."""
    frame = sys._getframe(1)
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            line = template.get_corresponding_lineno(frame.f_lineno)
            return str(line + _front_matter_lines(env))
        frame = frame.f_back  # type: ignore[assignment]
    return "?"


def _front_matter_lines(env: Any) -> int:
    # MkDocs hands the macros the page without its front matter: count what was cut.
    try:
        source = env.page.file.content_string
    except (AttributeError, OSError, UnicodeDecodeError):
        return 0
    body = env.markdown
    return source[: len(source) - len(body)].count("\n") if source.endswith(body) else 0
