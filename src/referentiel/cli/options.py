"""Typed command-line values: each refuses a bad value with a French reason."""

from __future__ import annotations

import argparse
import datetime
import re

from ..rncp.flux import FICHE_NUMBER


def calendar_date(text: str) -> str:
    """A date, AAAA-MM-JJ, that exists in the calendar (an export's, a session's)."""
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            raise ValueError
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"« {text} » n'est pas une date AAAA-MM-JJ (par exemple 2026-08-16)"
        ) from None


def fiche_number(text: str) -> str:
    """A fiche number of the official shape (« RNCP37674 »); « 37674 » is completed."""
    candidate = text.strip().upper()
    if candidate.isdigit():
        candidate = f"RNCP{candidate}"
    if not FICHE_NUMBER.fullmatch(candidate):
        raise argparse.ArgumentTypeError(
            f"« {text} » n'est pas un numéro de fiche RNCP (forme attendue : RNCP suivi de chiffres)"
        )
    return candidate
