"""The jury's printed sheets: a grid per modality and a record (« procès-verbal ») per bloc.

Raw HTML: each table has a caption and scoped header cells (RGAA 5.4, 5.6, 5.7), and the
print stylesheet needs classes to start each sheet on a new A4 page and keep rows whole.
Every sheet carries its running header for paper (see :mod:`.running_header`).
"""

from __future__ import annotations

from ...jury import Sheet
from ..urls import Links
from .grid import render_grid
from .record import render_record

__all__ = ["render_sheet"]


def render_sheet(
    sheet: Sheet, links: Links, number: int = 1, heading: int = 2, page_numbers: bool = False
) -> str:
    """``sheet`` as one ``<section>``; ``number`` names its page style, unique in the document."""
    if sheet.is_record:
        return render_record(sheet, links, number, heading, page_numbers)
    return render_grid(sheet, links, number, heading, page_numbers)
