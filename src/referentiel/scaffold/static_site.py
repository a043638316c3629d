"""``referentiel pages``: the generated site as ordinary Markdown and YAML, for a tool that reads
``mkdocs.yml`` but runs no plugin (plain MkDocs, Zensical)."""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from ..checks import Finding
from ..export.schema_org import json_ld_script
from ..files import write_all_or_none
from ..model import Referentiel
from ..site.assets import SHEETS_CSS, SITE_CSS
from ..site.contents import site_contents
from ..site.nav import home_entries, navigation
from ..site.text import title
from .home import home_rendered
from .theme import theme

# What the plugin sets when MkDocs runs it, written out instead.
MARKDOWN_EXTENSIONS: list[Any] = [
    "admonition",
    "attr_list",
    "md_in_html",
    "tables",
    {"toc": {"permalink": True, "permalink_title": "Lien vers cette section"}},
]


def static_site(
    referentiel: Referentiel, findings: list[Finding], folder: Path, replace: bool = False
) -> list[Path]:
    """Write ``folder/mkdocs.yml``, ``folder/docs/`` (home, generated pages, style sheets,
    downloads) and ``folder/theme/`` (the title-escaping templates): all or none."""
    contents = site_contents(referentiel, findings)
    docs = folder / "docs"
    files: dict[Path, bytes] = {}
    home = home_rendered(referentiel) + "\n" + json_ld_script(referentiel, None) + "\n"
    files[docs / "index.md"] = home.encode("utf-8")
    for page in contents.pages:
        files[docs / page.src_uri] = page.content.encode("utf-8")
    for path, content in contents.files.items():
        files[docs / path] = content.encode("utf-8") if isinstance(content, str) else content
    theme = resources.files("referentiel.site").joinpath("theme")
    for relative, template in _files_under(theme):
        files[folder / "theme" / relative] = template.read_bytes()
    files[folder / "mkdocs.yml"] = _config(referentiel).encode("utf-8")
    return write_all_or_none(files, replace=replace)


def _config(referentiel: Referentiel) -> str:
    certification = referentiel.certification
    config: dict[str, Any] = {
        "site_name": title(certification.titre),
        "site_description": title(
            "Référentiel d'activités, de compétences et d'évaluation de la certification "
            f"« {certification.titre} »."
        ),
    }
    if certification.provenance:
        config["copyright"] = title(certification.provenance.credit)
    config |= {
        "theme": theme("theme"),
        "plugins": [{"search": {"lang": "fr"}}],
        "extra_css": [SITE_CSS, SHEETS_CSS],
        "markdown_extensions": MARKDOWN_EXTENSIONS,
        "nav": navigation(referentiel, before=home_entries(["index.md"]), after=[]),
    }
    header = "# Écrit par `referentiel pages` à partir du référentiel : le réécrire plutôt que le modifier.\n"
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100)


def _files_under(folder: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    found = []
    for entry in folder.iterdir():
        if entry.is_dir():
            found += _files_under(entry, f"{prefix}{entry.name}/")
        elif entry.name.endswith(".html"):
            found.append((prefix + entry.name, entry))
    return found
