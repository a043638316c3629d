"""Grid pages: one per modality, and one that gathers every grid to print them in one go."""

from __future__ import annotations

from ...model import Modality
from ..grid import render_grid
from ..text import h
from ..urls import GRIDS, Links, grid_page


def _screen_header(title: str, body: str) -> str:
    """Title and help (HTML) shown on screen only: the printed sheet starts with the grid itself."""
    return f'<header class="ecran-seulement">\n<h1>{h(title)}</h1>\n{body}\n</header>'


def render_grid_page(modality: Modality, links: Links) -> str:
    intro = (
        f"<p>Grille de la modalité {links.html(modality, f'{modality.code} {modality.intitule}')}. "
        "Imprimez cette page (format A4) : seule la grille est imprimée. "
        f"Toutes les grilles : {links.html_page(GRIDS, 'grilles à imprimer')}.</p>"
    )
    return "\n\n".join(
        [
            _screen_header(f"Grille d'évaluation : {modality.code} {modality.intitule}", intro),
            render_grid(modality, links),
        ]
    )


def render_all_grids(links: Links) -> str:
    referentiel = links.referentiel
    listing = "".join(
        f"<li>{links.html_page(grid_page(m.id), f'{m.code} {m.intitule}')}</li>"
        for m in referentiel.modalites
    )
    intro = (
        "<p>Les grilles de toutes les modalités d'évaluation, chacune sur une nouvelle page A4 à "
        f"l'impression.</p>\n<ul>{listing}</ul>\n"
        "<p>La commande <code>referentiel pdf</code> en produit aussi les fichiers PDF.</p>"
    )
    grids = [render_grid(m, links) for m in referentiel.modalites]
    return "\n\n".join([_screen_header("Grilles d'évaluation", intro), *grids])
