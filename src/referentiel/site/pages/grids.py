"""Sheet pages: a grid per modality, a record per bloc, and one page gathering them all to print."""

from __future__ import annotations

from ...jury import Sheet, blank_sheets
from ...model import Bloc, Modality
from ..sheets import render_sheet
from ..urls import GRIDS, Links, grid_page, record_page


def _screen_intro(body: str) -> str:
    """Help shown on screen only: the printed sheet starts with the sheet itself."""
    return f'<div class="ecran-seulement">\n{body}\n</div>'


def _single_sheet_page(sheet: Sheet, links: Links, intro: str) -> str:
    """One sheet whose own title is the page's only h1, the on-screen help right after it."""
    head, rest = render_sheet(sheet, links, heading=1, page_numbers=True).split("</h1>", 1)
    return f"{head}</h1>\n{_screen_intro(intro)}\n{rest}"


def render_grid_page(modality: Modality, links: Links) -> str:
    intro = (
        f"<p>Grille de la modalité {links.html(modality, f'{modality.code} {modality.intitule}')}. "
        "Imprimez cette page (format A4) : seule la grille est imprimée. La décision sur le bloc se "
        f"prend sur son {links.html_page(record_page(modality.bloc_id), 'procès-verbal')}. "
        f"Toutes les feuilles : {links.html_page(GRIDS, 'grilles et procès-verbaux à imprimer')}.</p>"
    )
    return _single_sheet_page(Sheet(modality=modality), links, intro)


def render_record_page(bloc: Bloc, links: Links) -> str:
    grids = ", ".join(links.html_page(grid_page(m.id), f"{m.code} {m.intitule}") for m in bloc.modalites)
    intro = (
        f"<p>Procès-verbal du {links.html(bloc, bloc.titre)} : la décision du jury pour le bloc, "
        f"prise sur les grilles de ses modalités ({grids or 'aucune'}). Imprimez cette page (format A4).</p>"
    )
    return _single_sheet_page(Sheet(bloc=bloc), links, intro)


def render_all_grids(links: Links) -> str:
    referentiel = links.referentiel
    grids = "".join(
        f"<li>{links.html_page(grid_page(m.id), f'{m.code} {m.intitule}')}</li>"
        for m in referentiel.modalites
    )
    records = "".join(
        f"<li>{links.html_page(record_page(b.id), f'Procès-verbal du {b.titre}')}</li>"
        for b in referentiel.blocs
    )
    intro = _screen_intro(
        "<h1>Grilles d'évaluation et procès-verbaux</h1>\n"
        "<p>Les grilles de toutes les modalités d'évaluation, puis le procès-verbal de chaque bloc, "
        f"chacun sur une nouvelle page A4 à l'impression.</p>\n<ul>{grids}</ul>\n<ul>{records}</ul>\n"
        "<p>La commande <code>referentiel pdf</code> en fait des PDF numérotés page à page, et "
        "<code>referentiel pdf --candidats</code> les pré-remplit pour chaque candidat d'une session.</p>"
    )
    sheets = [render_sheet(sheet, links, number) for number, sheet in enumerate(blank_sheets(referentiel), 1)]
    return "\n\n".join([intro, *sheets])


__all__ = ["render_all_grids", "render_grid_page", "render_record_page"]
