"""The « Téléchargements » page: every export of the référentiel, with its size."""

from __future__ import annotations

from ...export.formats import FORMATS, bloc_csv_name
from ..text import md
from ..urls import DOWNLOADS, Links, download_file


def _size(size: int) -> str:
    return f"{size / 1024:.0f} Ko" if size >= 1024 else f"{size} octets"


def render_downloads(links: Links, sizes: dict[str, int]) -> str:
    """``sizes``: file name → bytes, for the files the build publishes beside this page."""
    out = [
        "# Téléchargements",
        "",
        "Le référentiel dans les formats que lisent d'autres outils. Les identifiants (C1.1, E2…) sont ceux "
        "du site ; les fichiers sont refaits à chaque publication.",
        "",
    ]
    for export in FORMATS.values():
        link = links.md_page(download_file(export.file), export.file)
        out.append(f"- {link} — {md(export.label)} ({_size(sizes[export.file])})")
    out += ["", "## Par bloc", "", "Les critères d'un seul bloc, au même format CSV :", ""]
    for bloc in links.referentiel.blocs:
        name = bloc_csv_name(bloc.id)
        out.append(f"- {links.md_page(download_file(name), name)} — {md(bloc.titre)} ({_size(sizes[name])})")
    out += [
        "",
        "## Formats",
        "",
        "- **CSV** : séparateur « ; » et encodage UTF-8 avec BOM, ce qu'Excel et LibreOffice en français "
        "ouvrent tels quels ; une cellule qui commencerait par « = », « + », « - » ou « @ » est précédée "
        "d'une apostrophe pour ne jamais être lue comme une formule.",
        "- **JSON** : suit le schéma `referentiel-export.schema.json` fourni avec l'outil ; sa partie "
        "`referentiel` est exactement le fichier `referentiel.yaml`.",
        "- **CASE 1.0** : identifiants UUID stables d'une publication à l'autre.",
        "- **Moodle** : *Administration du site › Compétences › Importer un référentiel de compétences*.",
        "",
    ]
    return "\n".join(out)


__all__ = ["DOWNLOADS", "render_downloads"]
