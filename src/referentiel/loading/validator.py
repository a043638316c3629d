"""A validator for the subset of JSON Schema that ``referentiel.schema.json`` uses.

The schema file is the contract (editors validate against it as one types); this module
checks data against it at build time without the cost of a general JSON Schema library,
whose import alone took longer than the rest of the référentiel's work in a build. The
tests check that it agrees with the reference implementation, ``jsonschema``.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

SUPPORTED = {
    "$schema", "$id", "$defs", "$ref", "title", "description",
    "type", "enum", "const", "pattern", "format", "minLength", "minItems", "minimum",
    "properties", "required", "additionalProperties", "items", "oneOf",
}  # fmt: skip

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Violation:
    """One way the data breaks the schema, at ``path``, for ``keyword``."""

    path: Path
    keyword: str
    expected: Any
    instance: Any
    schema: dict[str, Any]


class UnsupportedSchema(ValueError):
    """The schema uses a keyword this validator does not implement."""


def check_supported(schema: Any) -> None:
    """Refuse a schema that uses keywords this validator would silently ignore."""
    if isinstance(schema, dict):
        unknown = set(schema) - SUPPORTED
        if unknown:
            raise UnsupportedSchema(f"mots-clés JSON Schema non pris en charge : {sorted(unknown)}")
        if "format" in schema and schema["format"] not in FORMATS:
            raise UnsupportedSchema(f"format JSON Schema non pris en charge : {schema['format']}")
        for key, value in schema.items():
            if key in {"properties", "$defs"}:
                for sub in value.values():
                    check_supported(sub)
            elif key in {"items", "additionalProperties"}:
                check_supported(value)
            elif key == "oneOf":
                for sub in value:
                    check_supported(sub)


def type_name(value: Any) -> str:
    """The JSON type of a Python value loaded from YAML."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _is_type(value: Any, wanted: str) -> bool:
    actual = type_name(value)
    return actual == wanted or (wanted == "number" and actual == "integer")


def _same(a: Any, b: Any) -> bool:
    """JSON equality: ``true`` is not ``1``."""
    return type_name(a) == type_name(b) and a == b


@cache
def _pattern(source: str) -> re.Pattern[str]:
    """``source`` with ECMA-262 meaning, as JSON Schema says: ``$`` ends the text (Python's
    ``$`` also matches before a final line break, so « B1\\n » would pass as an ID) and
    ``\\d`` or ``\\w`` are ASCII only."""
    translated = []
    escaped = in_class = False
    for character in source:
        if escaped:
            escaped = False
        elif character == "\\":
            escaped = True
        elif character == "[":
            in_class = True
        elif character == "]":
            in_class = False
        elif character == "$" and not in_class:
            translated.append(r"\Z")
            continue
        translated.append(character)
    return re.compile("".join(translated), re.ASCII)


def _is_real_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


# The formats this validator asserts (JSON Schema leaves it to the implementation).
FORMATS = {"date": _is_real_date}


class Validator:
    def __init__(self, schema: dict[str, Any]) -> None:
        check_supported(schema)
        self.root = schema

    def resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        """Merge a ``$ref`` target (``#/$defs/…``) with the keywords beside it."""
        while "$ref" in schema:
            ref = schema["$ref"]
            if not ref.startswith("#/"):
                raise UnsupportedSchema(f"référence externe non prise en charge : {ref}")
            target: Any = self.root
            for part in ref[2:].split("/"):
                target = target[part]
            schema = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
        return schema

    def errors(
        self, instance: Any, schema: dict[str, Any] | None = None, path: Path = ()
    ) -> Iterator[Violation]:
        schema = self.resolve(self.root if schema is None else schema)

        def violation(keyword: str, expected: Any, at: Path = path) -> Violation:
            return Violation(at, keyword, expected, instance, schema)

        if "type" in schema:
            wanted = schema["type"]
            names = [wanted] if isinstance(wanted, str) else wanted
            if not any(_is_type(instance, name) for name in names):
                yield violation("type", wanted)
                return
        if "const" in schema and not _same(instance, schema["const"]):
            yield violation("const", schema["const"])
        if "enum" in schema and not any(_same(instance, v) for v in schema["enum"]):
            yield violation("enum", schema["enum"])
        if isinstance(instance, str):
            if "minLength" in schema and len(instance) < schema["minLength"]:
                yield violation("minLength", schema["minLength"])
            if "pattern" in schema and not _pattern(schema["pattern"]).search(instance):
                yield violation("pattern", schema["pattern"])
            elif "format" in schema and not FORMATS[schema["format"]](instance):
                yield violation("format", schema["format"])
        if type_name(instance) in {"integer", "number"} and "minimum" in schema:
            if instance < schema["minimum"]:
                yield violation("minimum", schema["minimum"])
        if isinstance(instance, list):
            if "minItems" in schema and len(instance) < schema["minItems"]:
                yield violation("minItems", schema["minItems"])
            if "items" in schema:
                for index, item in enumerate(instance):
                    yield from self.errors(item, schema["items"], (*path, index))
        if isinstance(instance, dict):
            missing = [key for key in schema.get("required", []) if key not in instance]
            if missing:
                yield violation("required", missing)
            properties = schema.get("properties", {})
            if schema.get("additionalProperties") is False:
                unknown = [key for key in instance if key not in properties]
                if unknown:
                    yield violation("additionalProperties", unknown)
            for key, value in instance.items():
                if key in properties:
                    yield from self.errors(value, properties[key], (*path, key))
        if "oneOf" in schema:
            yield from self._one_of(instance, schema["oneOf"], path, violation)

    def _one_of(
        self, instance: Any, branches: list[dict[str, Any]], path: Path, violation: Any
    ) -> Iterator[Violation]:
        results = [list(self.errors(instance, branch, path)) for branch in branches]
        valid = sum(1 for errors in results if not errors)
        if valid == 1:
            return
        if valid > 1:
            yield violation("oneOf", "exactement une des formes permises")
            return
        # Report the branch the data was closest to: the one whose type it has.
        for errors in results:
            if not any(e.keyword == "type" and e.path == path for e in errors):
                yield from errors
                return
        yield violation("type", [self.resolve(b).get("type", "object") for b in branches])
