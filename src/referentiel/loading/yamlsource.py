"""Strict YAML reading: plain data plus the line of every value, within fixed limits.

PyYAML keeps the last of two duplicate keys without a word, expands aliases without
bound, guesses YAML 1.1 types (« no » is false, « 2001-12-14 » a date) and its objects
carry no line numbers. So the document is read here from libyaml's event stream, without
recursion, and turned into Python values under these rules:

- a référentiel needs no anchors, aliases or tags: they are refused (« !!str » excepted),
  which rules out exponential expansion and self-referencing data;
- plain scalars are read as YAML 1.2's core schema reads them (null, true/false, decimal
  numbers); everything else, dates included, stays the text the editor wrote;
- size, depth and node count are bounded, so that any file is accepted or refused in
  bounded time and memory;
- control characters other than tab and line breaks are refused: texts reach web pages
  and terminals.
"""

from __future__ import annotations

import math
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import Problem, ReferentielError
from ..limits import MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES, MAX_NUMBER_DIGITS, MAX_PROBLEMS, megabytes
from ..oserrors import describe
from .items import describe_item

try:  # libyaml is several times faster; the pure-Python parser behaves the same.
    from yaml import CSafeLoader as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

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
    "did not find expected ',' or ']'": "crochet « [ » jamais fermé, ou virgule manquante",
    "did not find expected ',' or '}'": "accolade « { » jamais fermée, ou virgule manquante",
    "found unexpected end of stream": "fin de fichier inattendue (guillemet non fermé ?)",
    "expected a single document in the stream": "le fichier doit contenir un seul document YAML",
    "found unexpected ':'": "deux-points inattendu",
    "found a tab character": "tabulation interdite : indentez avec des espaces",
    "found unknown escape character": "séquence d'échappement inconnue après « \\ »",
    "did not find expected node content": "valeur attendue",
    "found character that cannot start any token": "caractère inattendu en début de valeur",
    "found undefined tag handle": "étiquette YAML inconnue",
    "found duplicate anchor": "ancre YAML en double",
}

# Where libyaml notices an unclosed bracket or quote only lines later, the construct that
# was left open is the line to show.
_OPENING_CONTEXTS = (
    "while parsing a flow sequence",
    "while parsing a flow mapping",
    "while scanning a quoted scalar",
    "while parsing a flow node",
)

# YAML 1.2 core schema, for plain (unquoted, untagged) scalars only.
_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_STR_TAGS = {None, "!", "tag:yaml.org,2002:str"}

# Tab, line feed and carriage return are ordinary text; every other C0 or C1 control, and
# DEL, could drive a terminal or hide text in a page.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# In the file itself, Unicode's line and paragraph separators too: YAML 1.1 reads them as
# line breaks, which would change a text without a word.
_RAW_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


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


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing a missing, unreadable or oversized file."""

    def fail(message: str) -> ReferentielError:
        return ReferentielError([Problem(path, None, None, message)])

    try:
        # Non-blocking, so that a named pipe or a device in place of the file cannot hang us.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise fail("fichier introuvable") from None
    except PermissionError:
        raise fail("lecture interdite (droits du fichier)") from None
    except OSError as error:
        raise fail(f"lecture impossible : {describe(error)}") from None
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        kind = "un dossier" if stat.S_ISDIR(mode) else "un fichier spécial"
        raise fail(f"c'est {kind}, pas un fichier YAML")
    with os.fdopen(descriptor, "rb") as stream:
        try:
            data = stream.read(MAX_FILE_BYTES + 1)
        except OSError as error:
            raise fail(f"lecture impossible : {describe(error)}") from None
    if len(data) > MAX_FILE_BYTES:
        raise fail(
            f"fichier trop volumineux (plus de {megabytes(MAX_FILE_BYTES)}) : "
            "un référentiel tient en quelques centaines de kilo-octets"
        )
    return data


def decode(data: bytes, path: Path) -> str:
    """UTF-8 text (a BOM is allowed); other encodings are named with the line of the first bad byte."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReferentielError([Problem(path, 1, None, "le fichier est en UTF-16 : enregistrez-le en UTF-8")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        message = (
            f"le fichier n'est pas en UTF-8 (octet 0x{data[error.start]:02x} colonne {column}) : "
            "enregistrez-le en UTF-8"
        )
        raise ReferentielError([Problem(path, line, None, message)]) from None


def parse_yaml(text: str, path: Path) -> YamlSource:
    """Parse YAML ``text`` (reported as ``path``) into a :class:`YamlSource`."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise ReferentielError(
            [Problem(path, None, None, f"texte trop volumineux (plus de {megabytes(MAX_FILE_BYTES)})")]
        )
    raw = _RAW_CONTROL.search(text)
    if raw:
        # libyaml refuses some of these and silently turns others (U+0085, U+2028) into
        # line breaks: all are refused here, before parsing, with their line.
        line = text.count("\n", 0, raw.start()) + 1
        message = f"caractère de contrôle interdit ({_codepoint(raw.group())})"
        raise ReferentielError([Problem(path, line, _item_before(text, line), message)])
    source = YamlSource(path, None)
    builder = _Builder(source)
    parser = _Parser(text)
    try:
        builder.run(parser)
    except yaml.MarkedYAMLError as error:
        problem = _unclosed_quote(path, error, builder.last_scalar, text) or _syntax_problem(
            path, error, text
        )
        raise ReferentielError([problem]) from None
    except yaml.reader.ReaderError as error:
        raise ReferentielError([_reader_problem(path, error, text)]) from None
    except yaml.YAMLError:  # pragma: no cover - libyaml marks its errors
        raise ReferentielError([Problem(path, None, None, "YAML invalide")]) from None
    except _Stop:
        pass  # the builder's problems say why
    finally:
        parser.dispose()
    if builder.problems:
        # Items are named once the tree exists, so that the message can give their ID.
        raise ReferentielError(
            [
                Problem(path, line, describe_item(source.data, key), message)
                for key, line, message in builder.problems
            ]
        )
    if source.data is None:
        raise ReferentielError([Problem(path, None, None, "le fichier est vide")])
    return source


def _syntax_problem(path: Path, error: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    if error.context_mark and (error.context or "").startswith(_OPENING_CONTEXTS):
        mark = error.context_mark
    line = mark.line + 1 if mark else None
    problem = error.problem or ""
    hint = next((fr for en, fr in _SYNTAX_HINTS.items() if problem.startswith(en)), None)
    column = f", colonne {mark.column + 1}" if mark else ""
    message = f"erreur de syntaxe YAML{column} : {hint or 'structure invalide'}"
    if not hint:
        message += f" (détail de l'analyseur : {problem})"
    if mark is not error.problem_mark and error.problem_mark:
        message += f" (remarqué ligne {error.problem_mark.line + 1})"
    return Problem(path, line, _item_before(text, line), message)


def _unclosed_quote(
    path: Path, error: yaml.MarkedYAMLError, scalar: yaml.ScalarEvent | None, text: str
) -> Problem | None:
    """A quote left open swallows the lines below it up to the next quote, and the parser
    only stumbles after that: the line to show is the one where the quoted text began."""
    if scalar is None or scalar.style not in ('"', "'") or not error.problem_mark:
        return None
    first, last = scalar.start_mark.line + 1, scalar.end_mark.line + 1
    if last - first < 2 or error.problem_mark.line + 1 > last + 1:
        return None
    message = (
        f"erreur de syntaxe YAML : guillemet {scalar.style} jamais fermé ? Le texte entre guillemets "
        f"commencé ici ne se termine que ligne {last}"
    )
    return Problem(path, first, _item_before(text, first), message)


def _reader_problem(path: Path, error: yaml.reader.ReaderError, text: str) -> Problem:
    # libyaml counts the position in bytes of UTF-8, and gives the character as a code point.
    encoded = text.encode("utf-8", "surrogatepass")
    position = min(max(error.position, 0), len(encoded))
    line = encoded.count(b"\n", 0, position) + 1
    character = chr(error.character) if isinstance(error.character, int) else str(error.character)[:1]
    message = f"caractère de contrôle interdit ({_codepoint(character)})"
    return Problem(path, line, _item_before(text, line), message)


def _codepoint(character: str) -> str:
    return f"U+{ord(character):04X}" if character else "caractère inconnu"


def _item_before(text: str, line: int | None) -> str | None:
    """With no tree to walk, name the last item whose ``id:`` precedes the broken line."""
    if line is None:
        return None
    for previous in reversed(text.splitlines()[:line]):
        match = _ID_LINE.match(previous)
        if match:
            return f"après l'élément {match.group(1)}"
    return None


class _Stop(Exception):
    """A limit was reached: reading stops, and the problem already recorded says why."""


@dataclass
class _Open:
    """A mapping or sequence being read: where it goes, and the key awaiting its value."""

    value: dict[str, Any] | list[Any]
    key: PathKey
    pending: tuple[str, int] | None = None  # mapping key read, value not yet
    skip_value: bool = False  # the pending key was refused: drop its value
    first_line: dict[str, int] = field(default_factory=dict)


class _Builder:
    """Turns libyaml's events into plain values, refusing what PyYAML would accept silently."""

    def __init__(self, source: YamlSource) -> None:
        self.source = source
        self.problems: list[tuple[PathKey, int, str]] = []
        self.stack: list[_Open] = []
        self.nodes = 0
        self.documents = 0
        self.last_scalar: yaml.ScalarEvent | None = None

    def problem(self, key: PathKey, line: int, message: str) -> None:
        self.problems.append((key, line, message))
        if len(self.problems) >= MAX_PROBLEMS:
            raise _Stop  # past this many, a file is not worth reading on

    def run(self, parser: Any) -> None:
        while True:
            event = parser.get_event()
            if isinstance(event, yaml.StreamEndEvent):
                return
            if isinstance(event, yaml.DocumentStartEvent):
                self.documents += 1
                if self.documents > 1:
                    line = event.start_mark.line + 1
                    self.problem((), line, "le fichier doit contenir un seul document YAML")
                    raise _Stop
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                self.stack.pop()
            elif isinstance(event, yaml.NodeEvent):
                self.node(event)

    def node(self, event: yaml.NodeEvent) -> None:
        line = event.start_mark.line + 1
        self.nodes += 1
        if self.nodes > MAX_NODES:
            self.problem((), line, f"trop d'éléments (plus de {MAX_NODES:,}".replace(",", " ") + ")")
            raise _Stop
        parent = self.stack[-1] if self.stack else None
        if isinstance(parent, _Open) and isinstance(parent.value, dict) and parent.pending is None:
            self.mapping_key(parent, event, line)
            return
        key, keep = self.place(parent, line)
        if isinstance(event, yaml.AliasEvent):
            self.problem(key, line, "alias YAML (*) refusé : recopiez la valeur à cet endroit")
            self.store(parent, key, None, keep)
            return
        refused = self.refused_markup(event, key, line)
        if isinstance(event, yaml.ScalarEvent):
            self.last_scalar = event
            self.store(parent, key, None if refused else self.scalar(event, key, line), keep)
            return
        if len(self.stack) >= MAX_DEPTH:
            self.problem(key, line, f"imbrication trop profonde (plus de {MAX_DEPTH} niveaux)")
            raise _Stop
        container: dict[str, Any] | list[Any] = {} if isinstance(event, yaml.MappingStartEvent) else []
        # A refused container is still read through, so that its own problems are reported.
        self.store(parent, key, None if refused else container, keep)
        self.stack.append(_Open(container, key))

    def place(self, parent: _Open | None, line: int) -> tuple[PathKey, bool]:
        """The path of the value about to be read, and whether it is kept."""
        if parent is None:
            self.source.lines[()] = line
            return (), True
        if isinstance(parent.value, list):
            key: PathKey = (*parent.key, len(parent.value))
            self.source.lines[key] = line
            return key, True
        assert parent.pending is not None
        name, key_line = parent.pending
        key = (*parent.key, name)
        self.source.lines.setdefault(key, key_line)
        return key, not parent.skip_value

    def store(self, parent: _Open | None, key: PathKey, value: Any, keep: bool) -> None:
        if parent is None:
            self.source.data = value
        elif isinstance(parent.value, list):
            parent.value.append(value)
        else:
            assert parent.pending is not None
            if keep:
                parent.value[parent.pending[0]] = value
            parent.pending = None
            parent.skip_value = False

    def mapping_key(self, parent: _Open, event: yaml.NodeEvent, line: int) -> None:
        assert isinstance(parent.value, dict)
        name = None
        if isinstance(event, yaml.ScalarEvent) and event.anchor is None and event.tag in _STR_TAGS:
            name = event.value
        if name is None or _CONTROL.search(name):
            self.problem(parent.key, line, "une clé doit être un texte simple")
            parent.pending, parent.skip_value = ("", line), True
            if not isinstance(event, yaml.ScalarEvent) and not isinstance(event, yaml.AliasEvent):
                raise _Stop  # a list or mapping as a key: nothing sensible can follow
            return
        if name in parent.first_line:
            self.problem(
                parent.key,
                line,
                f"clé « {name} » en double (déjà définie ligne {parent.first_line[name]}) : "
                "l'une des deux valeurs serait perdue",
            )
            parent.pending, parent.skip_value = (name, line), True
            return
        parent.first_line[name] = line
        self.source.lines[(*parent.key, name)] = line
        parent.pending = (name, line)

    def refused_markup(self, event: yaml.NodeEvent, key: PathKey, line: int) -> bool:
        """Anchors and explicit tags: a référentiel needs neither, and both can mislead."""
        refused = False
        if event.anchor is not None:
            self.problem(
                key, line, f"ancre YAML (&{event.anchor}) refusée : un référentiel n'en a pas besoin"
            )
            refused = True
        tag = getattr(event, "tag", None)
        allowed = _STR_TAGS if isinstance(event, yaml.ScalarEvent) else {None}
        if tag not in allowed:
            self.problem(key, line, f"étiquette YAML non autorisée : {tag}")
            refused = True
        return refused

    def scalar(self, event: yaml.ScalarEvent, key: PathKey, line: int) -> Any:
        text = event.value
        bad = _CONTROL.search(text)
        if bad:
            self.problem(key, line, f"caractère de contrôle interdit ({_codepoint(bad.group())})")
            return None
        if event.tag is not None or event.style not in (None, ""):
            return text  # quoted, block or « !!str »: always text
        return self.plain(text, key, line)

    def plain(self, text: str, key: PathKey, line: int) -> Any:
        """A plain scalar as YAML 1.2's core schema reads it; anything else stays text."""
        if text in _NULL:
            return None
        if text in _BOOL:
            return _BOOL[text]
        if _INT.fullmatch(text):
            if len(text.lstrip("+-")) > MAX_NUMBER_DIGITS:
                self.problem(
                    key,
                    line,
                    f"nombre de plus de {MAX_NUMBER_DIGITS} chiffres : "
                    "mettez-le entre guillemets s'il s'agit d'un texte",
                )
                return None
            return int(text)
        if _FLOAT.fullmatch(text):
            number = float(text)
            if not math.isfinite(number) or len(text) > 2 * MAX_NUMBER_DIGITS:
                self.problem(
                    key, line, "nombre hors limites : mettez-le entre guillemets s'il s'agit d'un texte"
                )
                return None
            return number
        return text
