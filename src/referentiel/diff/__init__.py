"""Differences between two versions of a référentiel (``referentiel diff``)."""

from .compare import Change, Item, compare, word_changes
from .report import as_json, as_text, summary

__all__ = ["Change", "Item", "as_json", "as_text", "compare", "summary", "word_changes"]
