"""What a catalogue computes from each référentiel, kept from one build to the next.

The loader gives back the very same object for a file whose content has not changed, so a
preview server (``mkdocs serve``) recomputes only the référentiel just edited.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from ...model import Referentiel

T = TypeVar("T")


class ReferentielMemo(Generic[T]):
    """One value per référentiel's address, reused while it is the same référentiel object and
    the same options."""

    def __init__(self) -> None:
        self._values: dict[str, tuple[Referentiel, Hashable, T]] = {}

    def get(self, slug: str, referentiel: Referentiel, options: Hashable, compute: Callable[[], T]) -> T:
        kept = self._values.get(slug)
        if kept is not None and kept[0] is referentiel and kept[1] == options:
            return kept[2]
        value = compute()
        self._values[slug] = (referentiel, options, value)
        return value

    def keep_only(self, slugs: set[str]) -> None:
        """Forget the référentiels no longer in the catalogue."""
        for slug in set(self._values) - slugs:
            del self._values[slug]
