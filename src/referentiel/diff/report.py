"""The differences told in French (terminal) or as JSON (other tools)."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from .compare import KINDS, Change, Item, Kind

NAMES: dict[Kind, tuple[str, str]] = {
    "bloc": ("Blocs", "bloc"),
    "activite": ("Activités", "activité"),
    "competence": ("Compétences", "compétence"),
    "critere": ("Critères", "critère"),
    "modalite": ("Modalités d'évaluation", "modalité"),
}
STATUS_WORDS = {
    "ajoute": "ajouté",
    "supprime": "supprimé",
    "modifie": "modifié",
    "deplace": "déplacé",
    "renomme": "renommé",
}
MARKS = {"ajoute": "+", "supprime": "-", "modifie": "~", "deplace": ">", "renomme": "="}
# Unchanged runs longer than this are shortened around the changes.
CONTEXT_WORDS = 6


def summary(changes: list[Change]) -> dict[Kind, dict[str, int]]:
    counts: dict[Kind, dict[str, int]] = {}
    for kind in KINDS:
        found: Counter[str] = Counter(s for change in changes if change.kind == kind for s in change.status)
        counts[kind] = {status: found.get(status, 0) for status in STATUS_WORDS}
    return counts


def as_text(changes: list[Change], old_name: str, new_name: str) -> str:
    lines = [f"Différences de {old_name} à {new_name}", ""]
    if not changes:
        return "\n".join([*lines, "Aucune différence."])
    lines.append("Résumé :")
    for kind, counts in summary(changes).items():
        told = ", ".join(f"{n} {STATUS_WORDS[s]}{'s' if n > 1 else ''}" for s, n in counts.items() if n)
        if told:
            lines.append(f"  {NAMES[kind][0]} : {told}")
    for kind in KINDS:
        of_kind = [change for change in changes if change.kind == kind]
        if not of_kind:
            continue
        lines += ["", NAMES[kind][0]]
        lines += [f"  {_line(change)}" for change in of_kind]
    return "\n".join(lines)


def _line(change: Change) -> str:
    old, new = change.old, change.new
    marks = "".join(MARKS[s] for s in change.status)
    told = ", ".join(STATUS_WORDS[s] for s in change.status)
    if new is None:
        assert old is not None
        return f"{marks} {old.id} {told} : « {old.text} »"
    if old is None:
        return f"{marks} {new.id} {told} : « {new.text} »"
    name = new.id if old.id == new.id else f"{old.id} → {new.id}"
    parts = [f"{marks} {name} {told}"]
    if "renomme" in change.status:
        parts.append(f"(mots communs : {change.similarity:.0%})")
    if "deplace" in change.status:
        parts.append(f"({old.parent} → {new.parent})")
    line = " ".join(parts)
    if change.words:
        line += " : " + word_diff_text(change.words)
    return line


def word_diff_text(words: tuple[tuple[str, str], ...]) -> str:
    """« kept [-removed-]{+added+} kept », long unchanged runs shortened to their ends."""
    out = []
    for index, (op, text) in enumerate(words):
        if op == "-":
            out.append(f"[-{text}-]")
        elif op == "+":
            out.append(f"{{+{text}+}}")
        else:
            kept = text.split()
            if len(kept) > 2 * CONTEXT_WORDS:
                head = kept[:CONTEXT_WORDS] if index > 0 else []
                tail = kept[-CONTEXT_WORDS:] if index < len(words) - 1 else []
                text = " ".join([*head, "…", *tail])
            out.append(text)
    return " ".join(out)


def as_json(changes: list[Change], old_name: str, new_name: str) -> str:
    def item(found: Item | None) -> dict[str, str] | None:
        if found is None:
            return None
        return {"id": found.id, "texte": found.text, "parent": found.parent}

    document: dict[str, Any] = {
        "ancien": old_name,
        "nouveau": new_name,
        "resume": summary(changes),
        "changements": [
            {
                "type": change.kind,
                "statuts": list(change.status),
                "ancien": item(change.old),
                "nouveau": item(change.new),
                "similarite": round(change.similarity, 3),
                "mots": [list(pair) for pair in change.words],
            }
            for change in changes
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)
