"""Naming the item that a path in the raw data points into, for error messages."""

from __future__ import annotations

from typing import Any

# The list key under which an item sits tells its kind.
KIND_BY_LIST = {
    "blocs": "bloc",
    "activites": "activité",
    "competences": "compétence",
    "criteres": "critère",
    "modalites": "modalité",
    "certificateurs": "certificateur",
    "voies_acces": "voie d'accès",
}


def describe_item(data: Any, path: tuple[str | int, ...]) -> str | None:
    """« compétence C1.3, champ « texte » » for a path, naming the innermost item with an id."""
    label = None
    node = data
    field = None
    for index, step in enumerate(path):
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        parent = path[index - 1] if index > 0 else None
        if isinstance(step, int) and parent in KIND_BY_LIST:
            kind = KIND_BY_LIST[parent]
            ident = node.get("id") if isinstance(node, dict) else None
            label = f"{kind} {ident}" if isinstance(ident, str) else f"{kind} n° {step + 1}"
            field = None
        elif isinstance(step, int):
            field = f"{field or ''}[{step + 1}]"
        else:
            field = step if field is None else f"{field}.{step}"
    if label is None and field is None and path:
        field = ".".join(str(step) for step in path)
    if label and field:
        return f"{label}, champ « {field} »"
    if field:
        return f"champ « {field} »"
    return label
