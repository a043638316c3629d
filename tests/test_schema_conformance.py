"""The build-time validator agrees with the reference JSON Schema implementation."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest
from sitebuild import DATA

from referentiel.loading import load_schema
from referentiel.loading.validator import UnsupportedSchema, Validator
from referentiel.loading.yamlsource import parse_yaml

REAL = parse_yaml(DATA.read_text(encoding="utf-8"), DATA).data
OURS = Validator(load_schema())
REFERENCE = jsonschema.Draft202012Validator(
    load_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def _paths(node: Any, path: tuple = ()) -> Iterator[tuple]:
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*path, index))


def _set(data: Any, path: tuple, value: Any) -> Any:
    data = copy.deepcopy(data)
    node = data
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return data


def _mutations() -> Iterator[tuple[str, Any]]:
    """Wrong types, empty values, unknown and missing keys, across the whole document."""
    for n, path in enumerate(list(_paths(REAL))[1:]):
        if n % 4:
            continue  # a quarter of the positions keeps the test quick yet covers every kind
        for label, value in (
            ("nombre", 3),
            ("liste", ["x"]),
            ("vide", None),
            ("texte vide", ""),
            ("booléen", True),
        ):
            yield f"{path} ← {label}", _set(REAL, path, value)
    for n, path in enumerate(_paths(REAL)):
        node = REAL
        for step in path:
            node = node[step]
        if isinstance(node, dict) and n % 3 == 0:
            yield (
                f"{path} + clé inconnue",
                _set(REAL, (*path, "cle_inconnue"), 1) if path else {**REAL, "cle_inconnue": 1},
            )
            key = next(iter(node))
            without = copy.deepcopy(REAL)
            target = without
            for step in path:
                target = target[step]
            del target[key]
            yield f"{path} − {key}", without


def test_real_data_is_valid_for_both() -> None:
    """The published référentiel passes both validators."""
    assert list(OURS.errors(REAL)) == []
    assert list(REFERENCE.iter_errors(REAL)) == []


def test_validators_agree_on_mutations() -> None:
    """On hundreds of broken variants, both accept or both reject, at the same places."""
    count = 0
    for label, data in _mutations():
        count += 1
        ours = {v.path for v in OURS.errors(data)}
        reference = {tuple(e.absolute_path) for e in REFERENCE.iter_errors(data)}
        assert bool(ours) == bool(reference), label
        # A « oneOf » error is reported by the reference at the value, by ours inside it.
        for path in ours:
            assert any(path[: len(r)] == r for r in reference), (label, path, reference)
    assert count > 300


def test_unsupported_keywords_are_refused() -> None:
    """A schema keyword the validator does not implement is an error, never ignored."""
    with pytest.raises(UnsupportedSchema):
        Validator({"type": "object", "patternProperties": {}})
