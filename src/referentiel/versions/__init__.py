"""Earlier versions of a référentiel: their differences, and the IDs that no longer exist."""

from .history import Gone, History, Step, Version, history
from .sources import from_revision

__all__ = ["Gone", "History", "Step", "Version", "from_revision", "history"]
