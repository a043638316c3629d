"""The history of a référentiel across its versions: what changed from each to the next, and
where every ID that no longer exists went."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..diff import Change, compare
from ..diff.compare import Kind
from ..model import Referentiel


@dataclass(frozen=True)
class Version:
    nom: str  # as the configuration names it: « 2021 », « v1 »…
    referentiel: Referentiel


@dataclass(frozen=True)
class Step:
    """From one version to the next, and what changed."""

    older: Version
    newer: Version
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class Gone:
    """An ID of an earlier version that the current one no longer has."""

    kind: Kind
    id: str
    text: str
    step: Step  # where it disappeared
    # Its ID now, when it was renamed (followed through later renames); None when removed.
    now: str | None


@dataclass(frozen=True)
class History:
    steps: tuple[Step, ...]
    gone: tuple[Gone, ...]

    @cached_property
    def _new_ids(self) -> list[frozenset[str]]:
        """For each step, the IDs its changes give items in the newer version."""
        return [frozenset(c.new.id for c in step.changes if c.new is not None) for step in self.steps]

    def changes_of(self, item_id: str) -> list[tuple[Step, Change]]:
        """The changes that touched the item now called ``item_id``, oldest first."""
        found = []
        names = {item_id}
        # Newest first, to follow renames backwards; a step that touched none of the names is skipped
        # without reading its changes (every item page asks).
        for step, touched in zip(reversed(self.steps), reversed(self._new_ids), strict=True):
            if touched.isdisjoint(names):
                continue
            for change in step.changes:
                if change.new is not None and change.new.id in names:
                    found.append((step, change))
                    if change.old is not None:
                        names.add(change.old.id)
        return list(reversed(found))


def history(versions: list[Version]) -> History:
    """``versions`` oldest first, the current one last."""
    steps = tuple(
        Step(older, newer, tuple(compare(older.referentiel, newer.referentiel)))
        for older, newer in zip(versions, versions[1:], strict=False)
    )
    current = versions[-1].referentiel
    current_ids = {bloc.id for bloc in current.blocs} | {a.id for a in current.activites}
    current_ids |= {c.id for c in current.competences} | {m.id for m in current.modalites}
    current_ids |= {c.id for c in current.criteres}
    gone: dict[tuple[Kind, str], Gone] = {}
    for index, step in enumerate(steps):
        for change in step.changes:
            old = change.old
            if old is None or (change.new is not None and change.new.id == old.id):
                continue
            if old.id in current_ids or (old.kind, old.id) in gone:
                continue
            now = _followed(change.new.id, steps[index + 1 :]) if change.new else None
            gone[(old.kind, old.id)] = Gone(old.kind, old.id, old.text, step, now)
    return History(steps, tuple(gone.values()))


def _followed(item_id: str, later: tuple[Step, ...]) -> str | None:
    """What ``item_id`` is called after the ``later`` steps (None if removed on the way)."""
    current: str | None = item_id
    for step in later:
        for change in step.changes:
            if change.old is not None and change.old.id == current:
                current = change.new.id if change.new else None
                break
        if current is None:
            return None
    return current
