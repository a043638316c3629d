"""What changed between two versions of a référentiel: items matched by ID, then by their words.

Each kind (bloc, activity, competence, criterion, modality) is compared on its own text and on
its parent (a bloc, or a competence for a criterion). An item whose ID disappears but whose text
reappears under a new ID, close enough, is « renamed » rather than removed and added.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Literal

from ..model import Referentiel

Kind = Literal["bloc", "activite", "competence", "critere", "modalite"]
Status = Literal["ajoute", "supprime", "modifie", "deplace", "renomme"]
KINDS: tuple[Kind, ...] = ("bloc", "activite", "competence", "critere", "modalite")

# Below this share of common words, two texts are different items, not one reworded.
SIMILAR = 0.6


@dataclass(frozen=True)
class Item:
    """One item of one version, reduced to what is compared."""

    kind: Kind
    id: str
    text: str
    parent: str  # the bloc's ID, or the competence's for a criterion; "" for a bloc


@dataclass(frozen=True)
class Change:
    kind: Kind
    status: tuple[Status, ...]  # a renamed item can also be reworded and moved
    old: Item | None
    new: Item | None
    similarity: float = 1.0
    # Word-level differences of a reworded text: (" " | "-" | "+", words).
    words: tuple[tuple[str, str], ...] = field(default=())


def items(referentiel: Referentiel) -> dict[Kind, list[Item]]:
    """Every comparable item, by kind, in the référentiel's order."""
    found: dict[Kind, list[Item]] = {kind: [] for kind in KINDS}
    for bloc in referentiel.blocs:
        found["bloc"].append(Item("bloc", bloc.id, bloc.intitule, ""))
        found["activite"] += [Item("activite", a.id, a.intitule, bloc.id) for a in bloc.activites]
        for competence in bloc.competences:
            found["competence"].append(Item("competence", competence.id, competence.texte, bloc.id))
            found["critere"] += [Item("critere", c.id, c.texte, competence.id) for c in competence.criteres]
        found["modalite"] += [
            Item("modalite", m.id, f"{m.code} {m.intitule}", bloc.id) for m in bloc.modalites
        ]
    return found


def compare(old: Referentiel, new: Referentiel) -> list[Change]:
    """Every change from ``old`` to ``new``, kind by kind, in the new version's order."""
    changes: list[Change] = []
    before, after = items(old), items(new)
    # Parents come before their children in KINDS: a criterion of a renamed competence has not moved.
    renamed: dict[str, str] = {}
    for kind in KINDS:
        found = _compare_kind(kind, before[kind], after[kind], renamed)
        renamed |= {c.old.id: c.new.id for c in found if c.old and c.new and "renomme" in c.status}
        changes += found
    return changes


def _compare_kind(
    kind: Kind, old: list[Item], new: list[Item], renamed_parents: dict[str, str]
) -> list[Change]:
    old_by_id = {item.id: item for item in old}
    new_by_id = {item.id: item for item in new}
    pairs = [(old_by_id[i.id], i) for i in new if i.id in old_by_id]
    gone = [item for item in old if item.id not in new_by_id]
    came = [item for item in new if item.id not in old_by_id]
    renamed = _match_by_words(gone, came)
    changes = []
    for before, after in pairs + renamed:
        status: list[Status] = []
        if before.id != after.id:
            status.append("renomme")
        if before.text.split() != after.text.split():  # a change of spacing alone is none
            status.append("modifie")
        if renamed_parents.get(before.parent, before.parent) != after.parent and kind != "bloc":
            status.append("deplace")
        if status:
            changes.append(
                Change(
                    kind,
                    tuple(status),
                    before,
                    after,
                    _similarity(before.text, after.text),
                    word_changes(before.text, after.text) if "modifie" in status else (),
                )
            )
    matched_old = {before.id for before, _ in renamed}
    matched_new = {after.id for _, after in renamed}
    changes += [Change(kind, ("supprime",), item, None, 0.0) for item in gone if item.id not in matched_old]
    changes += [Change(kind, ("ajoute",), None, item, 0.0) for item in came if item.id not in matched_new]
    # In the new version's order; what was removed, where it stood in the old one.
    new_order = {item.id: index for index, item in enumerate(new)}
    old_order = {item.id: index for index, item in enumerate(old)}
    return sorted(
        changes,
        key=lambda c: (new_order[c.new.id], 0) if c.new else (old_order[c.old.id] if c.old else 0, 1),
    )


def _words(text: str) -> list[str]:
    return text.lower().split()


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, _words(a), _words(b), autojunk=False).ratio()


def _close(a: list[str], b: list[str]) -> float:
    """The share of common words if it reaches :data:`SIMILAR`, else 0 (cheap bounds first)."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
        return 0.0
    return matcher.ratio()


def _match_by_words(gone: list[Item], came: list[Item]) -> list[tuple[Item, Item]]:
    """Pairs of a removed and an added item whose texts are close, best pairs first."""
    old_words = [_words(item.text) for item in gone]
    new_words = [_words(item.text) for item in came]
    scored = sorted(
        (
            (_close(a, b), index_a, index_b)
            for index_a, a in enumerate(old_words)
            for index_b, b in enumerate(new_words)
        ),
        reverse=True,
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs = []
    for score, index_a, index_b in scored:
        if score < SIMILAR:
            break
        if index_a in used_old or index_b in used_new:
            continue
        used_old.add(index_a)
        used_new.add(index_b)
        pairs.append((gone[index_a], came[index_b]))
    return pairs


def word_changes(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """The texts' differences word by word: kept (" "), removed ("-"), added ("+")."""
    a, b = old.split(), new.split()
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append((" ", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", " ".join(b[j1:j2])))
    return tuple(out)
