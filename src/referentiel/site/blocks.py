"""Rendering the référentiel's text structures (paragraphs, bullet lists, criteria)."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Block, BulletList, Criterion
from .text import h, md
from .urls import Links


def md_blocks(blocks: Iterable[Block]) -> str:
    """Paragraphs and bullet lists as Markdown, in source order."""
    parts = []
    for block in blocks:
        if isinstance(block, BulletList):
            lines = [md(block.introduction)] if block.introduction else []
            if lines:
                lines.append("")
            lines += [f"- {md(point)}" for point in block.points]
            parts.append("\n".join(lines))
        else:
            parts.append(md(block))
    return "\n\n".join(parts)


def md_criteria(criteria: Iterable[Criterion], anchors: bool = False) -> str:
    """Criteria as a Markdown list, sub-points nested under their criterion.

    With ``anchors``, each criterion shows its ID, which is also its anchor for links (the IDs
    are safe in an attribute: the schema allows letters, digits, « . », « - », « _ » only).
    """
    lines = []
    for criterion in criteria:
        anchor = f'<span class="critere-id" id="{criterion.id}">{criterion.id}</span> ' if anchors else ""
        lines.append(f"- {anchor}{md(criterion.texte)}")
        lines += [f"    - {md(point)}" for point in criterion.sous_points]
    return "\n".join(lines)


def md_notes(notes: Iterable[str], links: Links) -> str:
    """Editorial notes as a visible admonition, one paragraph per note, IDs linked."""
    notes = list(notes)
    if not notes:
        return ""
    body = "\n\n".join(f"    {links.md_text(note)}" for note in notes)
    return f'!!! note "Note d\'édition"\n\n{body}'


def html_criteria(criteria: Iterable[Criterion]) -> str:
    """Criteria as an HTML list, for table cells."""
    items = []
    for criterion in criteria:
        sub = "".join(f"<li>{h(point)}</li>" for point in criterion.sous_points)
        sub_list = f"<ul>{sub}</ul>" if sub else ""
        items.append(f"<li>{h(criterion.texte)}{sub_list}</li>")
    return f"<ul>{''.join(items)}</ul>" if items else ""
