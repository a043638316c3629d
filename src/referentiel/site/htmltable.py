"""Accessible data tables in raw HTML: a caption and scoped column headers (RGAA 5.4, 5.6, 5.7)."""

from __future__ import annotations

from collections.abc import Iterable

from .text import h


def data_table(css_class: str, caption: str, headers: Iterable[str], rows: Iterable[str]) -> str:
    """A table whose ``caption`` is text, ``headers`` HTML fragments and ``rows`` whole ``<tr>``s.

    The table scrolls sideways inside its own box when the screen is narrower than it (a phone),
    rather than widening the page; the box is a named region that the keyboard can scroll.
    """
    head = "".join(f'<th scope="col">{header}</th>' for header in headers)
    return "\n".join(
        [
            f'<div class="table-scroll" role="region" tabindex="0" aria-label="{h(caption)}">',
            f'<table class="{css_class}">',
            f"<caption>{h(caption)}</caption>",
            f"<thead><tr>{head}</tr></thead>",
            "<tbody>",
            *rows,
            "</tbody>",
            "</table>",
            "</div>",
        ]
    )
