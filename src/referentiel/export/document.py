"""A standalone HTML page of sheets, to print: the sheets' CSS embedded, no theme, no links."""

from __future__ import annotations

import re

from ..jury import Sheet
from ..model import Referentiel
from ..site.assets import sheets_css
from ..site.sheets import render_sheet
from ..site.text import h
from ..site.urls import GRIDS, Links

# Links point into the site; on paper they are text. Our own markup: data never holds a raw « < ».
_LINK = re.compile(r'<a href="[^"]*">(.*?)</a>', re.S)


def sheets_document(referentiel: Referentiel, sheets: list[Sheet], title: str, preface: str = "") -> str:
    """One page holding ``sheets`` in order, each starting a new A4 sheet of paper, after
    ``preface`` (HTML: a case study's text)."""
    links = Links(referentiel, GRIDS, use_directory_urls=True)
    body = "\n".join(render_sheet(sheet, links, number) for number, sheet in enumerate(sheets, 1))
    if preface:
        body = preface + '\n<div class="etude-grille">\n' + body + "\n</div>"
    body = _LINK.sub(r"<span>\1</span>", body)
    return (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        f"<title>{h(title)}</title><style>{sheets_css()}\nbody {{ font-family: sans-serif; margin: 0; }}"
        "</style></head>\n"
        f'<body class="md-typeset">\n{body}\n</body></html>\n'
    )
