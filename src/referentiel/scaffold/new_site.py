"""``referentiel nouveau``: a complete site that uses the plugin, ready to build."""

from __future__ import annotations

from pathlib import Path

from ..files import OutputError, write_all_or_none
from .home import home_with_macros
from .theme import theme_yaml

SOURCE = "data/referentiel.yaml"

CONFIG = """\
# Site du référentiel : `mkdocs serve` pour le voir en l'écrivant, `mkdocs build` pour le publier.
site_name: Référentiel de certification  # remplacé par l'intitulé de la certification
# L'adresse où le site sera publié (https://…/), ici ou dans la variable SITE_URL.
site_url: !ENV [SITE_URL, null]
strict: true

{theme}
plugins:
  - search:
      lang: fr
  # Les pages, grilles, audit et la navigation du référentiel, produits à partir du YAML.
  - referentiel:
      source: {source}
      # Pour comparer avec la fiche publiée par France compétences (règle S23) :
      # export_officiel: export-france-competences.zip
      # date_export: "2026-11-01"
  # Les macros du référentiel dans les pages écrites à la main (render_macros: true).
  - macros:
      modules: [referentiel.plugin.macros]
      render_by_default: false
      on_undefined: strict
      on_error_fail: true

markdown_extensions:
  - toc:
      permalink: true
      permalink_title: Lien vers cette section
"""

README = """\
# Référentiel de certification

Le site du référentiel décrit dans `{source}`.

```sh
python -m venv .venv && .venv/bin/pip install "referentiel-rncp[site]" && .venv/bin/mkdocs serve
```

(ou, depuis une copie du projet referentiel-rncp : `.venv/bin/pip install "/chemin/du/projet[site]"`)
ouvre le site sur http://127.0.0.1:8000/ et le met à jour à chaque modification du YAML ;
`.venv/bin/mkdocs build` l'écrit dans `site/`, prêt à publier.

- `{source}` : le référentiel (activités, compétences, modalités et critères d'évaluation).
  `.venv/bin/referentiel check {source}` contrôle sa conformité aux règles de France compétences.
- `docs/` : les pages écrites à la main. Avec `render_macros: true` en tête de page, elles citent le
  référentiel : `{{{{ competence("C1.1") }}}}` (une compétence et ses critères), `{{{{ bloc("B1") }}}}`
  (le tableau d'un bloc), `{{{{ modalite("E1") }}}}` (une épreuve), `{{{{ lien("C1.1") }}}}` (un lien),
  `{{{{ intitule() }}}}`, `{{{{ niveau() }}}}`, `{{{{ liste_blocs() }}}}`…
- `mkdocs.yml` : les réglages du site ; ceux du référentiel sont sous `plugins: - referentiel`.
"""


def new_site(folder: Path, yaml_text: str) -> list[Path]:
    """Write a new site into ``folder`` (absent or empty): all its files or none."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise OutputError(
            f"{folder} : existe déjà et n'est pas un dossier vide ; choisissez un nouveau dossier"
        )
    files = {
        folder / "mkdocs.yml": CONFIG.format(source=SOURCE, theme=theme_yaml()),
        folder / SOURCE: yaml_text,
        folder / "docs" / "index.md": home_with_macros(),
        folder / "README.md": README.format(source=SOURCE),
        folder / ".gitignore": "site/\n",
    }
    return write_all_or_none({path: text.encode("utf-8") for path, text in files.items()}, replace=False)
