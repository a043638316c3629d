"""Cross-item checks the schema cannot express: unique IDs and references that resolve."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import Problem
from .items import KIND_BY_LIST
from .yamlsource import PathKey, YamlSource

_ITEM_LISTS = ("activites", "competences", "modalites")


def _items(data: dict[str, Any]) -> Iterator[tuple[PathKey, str, dict[str, Any]]]:
    """Every item that has an ID: (path, kind, raw mapping), in file order."""
    for b, bloc in enumerate(data["blocs"]):
        yield ("blocs", b), "bloc", bloc
        for key in _ITEM_LISTS:
            for i, item in enumerate(bloc.get(key, [])):
                yield ("blocs", b, key, i), KIND_BY_LIST[key], item
                if key == "competences":
                    for k, criterion in enumerate(item.get("criteres", [])):
                        yield ("blocs", b, key, i, "criteres", k), "critère", criterion


def check_references(source: YamlSource) -> list[Problem]:
    """Duplicate IDs and dangling references in schema-valid data."""
    problems: list[Problem] = []
    first: dict[str, tuple[str, int | None]] = {}
    kinds: dict[str, str] = {}
    for path, kind, item in _items(source.data):
        ident = item["id"]
        line = source.line_of((*path, "id"))
        if ident in first:
            other_kind, other_line = first[ident]
            problems.append(
                Problem(
                    source.path,
                    line,
                    f"{kind} {ident}",
                    f"identifiant « {ident} » en double (déjà utilisé par {other_kind} "
                    f"ligne {other_line}) : chaque identifiant doit être unique",
                    rule="S8",
                )
            )
            continue
        first[ident] = (kind, line)
        kinds[ident] = kind

    def expect(path: PathKey, owner: str, ident: str, wanted: str) -> None:
        if kinds.get(ident) == wanted:
            return
        actual = kinds.get(ident)
        reason = "n'existe pas" if actual is None else f"désigne un(e) {actual}, pas un(e) {wanted}"
        problems.append(
            Problem(
                source.path,
                source.line_of(path),
                owner,
                f"la référence « {ident} » {reason}",
                rule="S6" if wanted == "compétence" else "S8",
            )
        )

    for path, kind, item in _items(source.data):
        owner = f"{kind} {item['id']}"
        if kind == "compétence" and item.get("activite") is not None:
            expect((*path, "activite"), owner, item["activite"], "activité")
        if kind == "modalité":
            for index, ident in enumerate(item["competences"]):
                expect((*path, "competences", index), owner, ident, "compétence")
    return problems
