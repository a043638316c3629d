"""The sentences of the source document, cut from its text export without any hand-picking.

The export is a four-column table with HTML and Markdown leftovers; tags and cell borders
become line breaks, then each line is cut at sentence ends, list dashes and colons, so that
every piece is a run of the source's words that the site must show as it is.
"""

from __future__ import annotations

import re
from pathlib import Path

SOURCE = (
    Path(__file__).parent / "source" / "referentiel-manager-strategies-communication-marketing-niveau7.txt"
)

# Légifrance's « En savoir plus sur cet article... » is a link of the web page the text was
# copied from, not a sentence of the référentiel.
_NOT_CONTENT = ("[En savoir plus sur cet article...](#)",)

_CUTS = re.compile(
    r"\s{2,}"  # cell padding
    r"|(?<=[.;])\s+"  # sentence or list-item end
    r"|\s+-\s+"  # a dash that starts a list item
    r"|\s+–\s+"  # a dash between code and kind (« E2.1/… – Etude de cas »)
    r"|\s*:\s+"  # a colon: the site may put what follows on its own line
    r"|\s*[«»]\s*"  # quotation marks the site sets itself
)


def source_sentences() -> list[str]:
    text = SOURCE.read_text(encoding="utf-8")
    for artifact in _NOT_CONTENT:
        text = text.replace(artifact, " ")
    text = re.sub(r"\[([^\]]*)\]\(#\)", r"\1", text)  # Markdown links: keep their text
    text = text.replace("\\(", "(").replace("\\)", ")").replace("**", "")
    text = re.sub(r"<[^>]+>", "\n", text)
    pieces: list[str] = []
    for line in re.split(r"[\t\n]+", text):
        for piece in _CUTS.split(line):
            piece = piece.strip(" -–\u00a0").removesuffix(" :")
            # Activity and competence codes are printed « A1.1. »; the site shows the ID.
            piece = re.sub(r"^([AC]\d+\.\d+)\.$", r"\1", piece)
            if re.search(r"\w", piece):
                pieces.append(piece)
    return pieces
