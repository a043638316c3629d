"""The bounds within which any input is accepted or refused, in bounded time and memory.

A référentiel of twenty blocs holds a few thousand values in about 150 KB; these limits
leave room for ten times that, and keep the worst file within seconds and a few hundred MB.
"""

from __future__ import annotations

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 32
MAX_NODES = 200_000
MAX_NUMBER_DIGITS = 30
# A build or a check reports at most this many problems, then says how many were left out.
MAX_PROBLEMS = 100


def megabytes(size: int) -> str:
    """« 2 Mo » for a size in bytes."""
    return f"{size / (1024 * 1024):g} Mo"


# The open-data export: one fiche is about 20 KB and a few hundred elements.
MAX_FICHE_BYTES = 8 * 1024 * 1024
MAX_FICHE_ELEMENTS = 50_000
# XML compresses ten to twenty times; far more is a decompression bomb.
MAX_ZIP_RATIO = 200
