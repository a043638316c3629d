"""A catalogue: the référentiels of a folder, each with its own address, and what links them."""

from __future__ import annotations

from .links import Correspondence, SharedCode, correspondences, shared_codes
from .loading import Catalogue, Entry, load_catalogue

__all__ = [
    "Catalogue",
    "Correspondence",
    "Entry",
    "SharedCode",
    "correspondences",
    "load_catalogue",
    "shared_codes",
]
