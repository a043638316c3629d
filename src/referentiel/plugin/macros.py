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
from ..site import Links
from ..site.macros import UnknownItem, macro_functions
from ..terminal import printable
from .plugin import ReferentielPlugin


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

    def registered(name: str, function: Any) -> Any:
        """``function`` as a macro whose unknown IDs are reported with their line."""

        def reported(*args: Any, **kwargs: Any) -> str:
            try:
                return str(function(*args, **kwargs))
            except UnknownItem as error:
                problems.append(f"ligne {_line(env)} : {name}() : {error}")
                return f"`{name} : identifiant inconnu`"

        reported.__name__ = name
        reported.__doc__ = function.__doc__
        return reported

    for name, function in macro_functions(lambda: referentiel_of(env), lambda: links_of(env)).items():
        env.macro(registered(name, function), name)

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
