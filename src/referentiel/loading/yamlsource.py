"""Strict YAML reading: plain data plus the line of every node.

PyYAML keeps the last of two duplicate keys without a word, and its objects carry no
line numbers; so the document is composed into nodes (with libyaml when present) and
turned into Python values here, refusing duplicate keys and recording where each value
stands, so that later checks can name the line of any item.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import Problem, ReferentielError
from .items import describe_item

try:  # libyaml is several times faster; the pure-Python loader behaves the same.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

PathKey = tuple[str | int, ...]

_ID_LINE = re.compile(r"^\s*(?:-\s+)?id:\s*['\"]?([^'\"#\s]+)")

# libyaml's problems are English; the common ones get a French explanation.
_SYNTAX_HINTS = {
    "mapping values are not allowed": (
        "deux-points inattendu : une valeur qui contient « : » doit être entre guillemets"
    ),
    "could not find expected ':'": "deux-points attendu après une clé",
    "found character '\\t' that cannot start any token": ("tabulation interdite : indentez avec des espaces"),
    "found undefined alias": "alias YAML non défini",
    "did not find expected key": "indentation incohérente ou clé attendue",
    "did not find expected '-' indicator": "indentation incohérente dans une liste",
    "found unexpected end of stream": "fin de fichier inattendue (guillemet non fermé ?)",
    "expected a single document in the stream": "le fichier doit contenir un seul document YAML",
    "found unexpected ':'": "deux-points inattendu",
    "found a tab character": "tabulation interdite : indentez avec des espaces",
}


@dataclass
class YamlSource:
    """A parsed YAML file: its data and the 1-based line of every value, by path."""

    path: Path
    data: Any
    lines: dict[PathKey, int] = field(default_factory=dict)

    def line_of(self, key: PathKey) -> int | None:
        """Line of the value at ``key``, or of its nearest ancestor that has one."""
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return self.lines.get(())


def read_yaml(path: Path) -> YamlSource:
    """Read ``path`` strictly; raise :class:`ReferentielError` on any YAML problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ReferentielError([Problem(path, None, None, "fichier introuvable")]) from None
    except UnicodeDecodeError as error:
        raise ReferentielError(
            [Problem(path, None, None, f"le fichier n'est pas en UTF-8 (octet {error.start})")]
        ) from None
    except OSError as error:
        raise ReferentielError(
            [Problem(path, None, None, f"lecture impossible ({error.strerror})")]
        ) from None
    return parse_yaml(text, path)


def parse_yaml(text: str, path: Path) -> YamlSource:
    """Parse YAML ``text`` (reported as ``path``) into a :class:`YamlSource`."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        raise ReferentielError([_syntax_problem(path, error, text)]) from None
    except yaml.YAMLError as error:  # pragma: no cover - unmarked errors are rare
        raise ReferentielError([Problem(path, None, None, f"YAML invalide ({error})")]) from None
    finally:
        loader.dispose()
    if root is None:
        raise ReferentielError([Problem(path, None, None, "le fichier est vide")])
    source = YamlSource(path, None)
    builder = _Builder(source)
    source.data = builder.value(root, ())
    if builder.problems:
        # Items are named once the whole tree exists, so that the message can give their ID.
        raise ReferentielError(
            [
                Problem(path, line, describe_item(source.data, key), message)
                for key, line, message in builder.problems
            ]
        )
    return source


def _syntax_problem(path: Path, error: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else None
    problem = error.problem or ""
    hint = next((fr for en, fr in _SYNTAX_HINTS.items() if problem.startswith(en)), None)
    column = f", colonne {mark.column + 1}" if mark else ""
    message = f"erreur de syntaxe YAML{column} : {hint or 'structure invalide'}"
    if not hint:
        message += f" (détail de l'analyseur : {problem})"
    return Problem(path, line, _item_before(text, line), message)


def _item_before(text: str, line: int | None) -> str | None:
    """With no tree to walk, name the last item whose ``id:`` precedes the broken line."""
    if line is None:
        return None
    for previous in reversed(text.splitlines()[:line]):
        match = _ID_LINE.match(previous)
        if match:
            return f"après l'élément {match.group(1)}"
    return None


_COLLECTION_TAGS = {
    yaml.MappingNode: "tag:yaml.org,2002:map",
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
}


class _Builder:
    """Turns composed nodes into plain values, refusing what PyYAML would accept silently."""

    def __init__(self, source: YamlSource) -> None:
        self.source = source
        self.problems: list[tuple[PathKey, int, str]] = []
        self.constructor = yaml.SafeLoader("")  # only its scalar constructors are used

    def value(self, node: yaml.Node, key: PathKey) -> Any:
        self.source.lines[key] = node.start_mark.line + 1
        expected = _COLLECTION_TAGS.get(type(node))
        if expected and node.tag != expected:
            # « !!python/object/apply:… [args] » and the like: refuse, never build or drop.
            self.problems.append(
                (key, node.start_mark.line + 1, f"étiquette YAML non autorisée : {node.tag}")
            )
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, key)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(child, (*key, index)) for index, child in enumerate(node.value)]
        return self.scalar(node, key)

    def mapping(self, node: yaml.MappingNode, key: PathKey) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            name = self.scalar(key_node, key) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(name, str):
                self.problems.append((key, line, "une clé doit être un texte simple"))
                continue
            if name in first_line:
                self.problems.append(
                    (
                        key,
                        line,
                        f"clé « {name} » en double (déjà définie ligne {first_line[name]}) : "
                        "l'une des deux valeurs serait perdue",
                    )
                )
                continue
            first_line[name] = line
            result[name] = self.value(value_node, (*key, name))
            self.source.lines[(*key, name)] = line
        return result

    def scalar(self, node: yaml.Node, key: PathKey) -> Any:
        try:
            value = self.constructor.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError:
            self.problems.append(
                (key, node.start_mark.line + 1, f"étiquette YAML non autorisée : {node.tag}")
            )
            return None
        # A date stays as the text the editor wrote (ISO form), never a Python object.
        if isinstance(value, (datetime.date, datetime.datetime)):
            return value.isoformat()
        if isinstance(value, bytes):
            self.problems.append((key, node.start_mark.line + 1, "valeur binaire refusée"))
            return None
        return value
