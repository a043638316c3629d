"""Building the real site, or a site of a variant YAML from a minimal ``mkdocs.yml``."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "data" / "referentiel.yaml"

# What any school writes: the theme, search in French, the plugin and the référentiel's macros.
MINIMAL_CONFIG = """\
site_name: Essai
theme:
  name: material
  language: fr
plugins:
  - search:
      lang: fr
  - referentiel:
      source: referentiel.yaml
{options}
  - macros:
      modules: [referentiel.plugin.macros]
      render_by_default: false
      on_undefined: strict
      on_error_fail: true
"""

# A home page that uses every macro of the certification, as a new site's does.
MINIMAL_HOME = """\
---
render_macros: true
---

# {{ intitule() }}

- Établissement : {{ etablissement() }}
- Niveau : {{ niveau() }}
- Fiche : {{ numero_rncp() }}
- Contenu : {{ contenu() }}

{{ liste_blocs() }}

{{ colonnes() }}

{{ preambule() }}
"""


@dataclass
class Build:
    returncode: int
    output: str
    site: Path

    def page(self, url_path: str) -> str:
        """HTML of the page at ``url_path`` (``"competences/C1.1/"``)."""
        return (self.site / url_path / "index.html").read_text(encoding="utf-8")


def minimal_site(
    folder: Path, yaml_text: str | None = None, options: dict[str, str] | None = None, extra: str = ""
) -> Path:
    """A site in ``folder`` from :data:`MINIMAL_CONFIG`: the seed YAML or ``yaml_text``, plugin
    ``options`` besides ``source``, and ``extra`` lines appended to ``mkdocs.yml``. Returns its config."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "referentiel.yaml").write_text(
        DATA.read_text(encoding="utf-8") if yaml_text is None else yaml_text, encoding="utf-8"
    )
    lines = "".join(f"      {key}: {value}\n" for key, value in (options or {}).items())
    config = folder / "mkdocs.yml"
    config.write_text(MINIMAL_CONFIG.format(options=lines.rstrip("\n")) + extra, encoding="utf-8")
    (folder / "docs").mkdir(exist_ok=True)
    (folder / "docs" / "index.md").write_text(MINIMAL_HOME, encoding="utf-8")
    return config


def build(config: Path, site: Path | None = None, env: dict[str, str] | None = None) -> Build:
    """Run ``mkdocs build --strict`` on ``config`` as a user would, into ``site`` (by default beside
    the config), with ``env`` variables set (``SITE_URL``, ``OFFLINE``…)."""
    site = site or config.parent / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)]
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=config.parent)
    return Build(result.returncode, result.stdout + result.stderr, site)


def build_project(site: Path, env: dict[str, str] | None = None) -> Build:
    """The project's own site, from its own ``mkdocs.yml``, built into ``site``."""
    return build(PROJECT / "mkdocs.yml", site, env)


def build_variant(folder: Path, yaml_text: str) -> Build:
    """The minimal site of ``yaml_text``."""
    return build(minimal_site(folder, yaml_text))


# A catalogue: the theme, French search and the plugin reading a folder of YAMLs.
CATALOGUE_CONFIG = """\
site_name: Catalogue d'essai
strict: true
theme:
  name: material
  language: fr
  features: [navigation.path, navigation.indexes, navigation.prune]
plugins:
  - search:
      lang: fr
  - referentiel:
      source: referentiels
{options}
"""


def catalogue_site(folder: Path, yamls: dict[str, str], options: dict[str, str] | None = None) -> Path:
    """A catalogue in ``folder``: ``referentiels/<name>`` for each of ``yamls``. Returns its config."""
    (folder / "referentiels").mkdir(parents=True, exist_ok=True)
    (folder / "docs").mkdir(exist_ok=True)
    for name, text in yamls.items():
        (folder / "referentiels" / name).write_text(text, encoding="utf-8")
    lines = "".join(f"      {key}: {value}\n" for key, value in (options or {}).items())
    config = folder / "mkdocs.yml"
    config.write_text(CATALOGUE_CONFIG.format(options=lines.rstrip("\n")), encoding="utf-8")
    return config
