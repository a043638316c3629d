"""Validation against the JSON Schema shipped with the package, reported in French."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

from ..errors import Problem
from .items import describe_item
from .yamlsource import YamlSource

_TYPE_NAMES = {
    "string": "un texte",
    "integer": "un nombre entier",
    "number": "un nombre",
    "boolean": "un booléen (true ou false)",
    "array": "une liste",
    "object": "un ensemble de clés",
    "null": "une valeur vide (null)",
}


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of ``referentiel.yaml``."""
    text = resources.files("referentiel.schema").joinpath("referentiel.schema.json").read_text(
        encoding="utf-8"
    )
    return json.loads(text)


@cache
def _validator() -> jsonschema.protocols.Validator:
    cls = jsonschema.validators.validator_for(schema())
    return cls(schema())


def validate(source: YamlSource) -> list[Problem]:
    """Every schema violation in ``source``, each with its line and item."""
    problems = []
    for error in _validator().iter_errors(source.data):
        for leaf in _leaves(error):
            path = tuple(leaf.absolute_path)
            problems.append(
                Problem(
                    source.path,
                    source.line_of(path),
                    describe_item(source.data, path),
                    _message(leaf),
                )
            )
    return problems


def _leaves(error: jsonschema.ValidationError) -> list[jsonschema.ValidationError]:
    """For ``oneOf`` failures, the most relevant sub-errors rather than a vague summary."""
    if error.validator == "oneOf" and error.context:
        best = jsonschema.exceptions.best_match(error.context)
        return [best] if best is not None else [error]
    return [error]


def _python_type(value: Any) -> str:
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


def _message(error: jsonschema.ValidationError) -> str:
    kind = error.validator
    field = error.absolute_path[-1] if error.absolute_path else None
    subject = f"le champ « {field} »" if isinstance(field, str) else "cette valeur"
    found = _TYPE_NAMES[_python_type(error.instance)]
    if kind == "type":
        expected = error.validator_value
        names = [expected] if isinstance(expected, str) else list(expected)
        wanted = " ou ".join(_TYPE_NAMES[name] for name in names)
        message = f"{subject} doit être {wanted}, pas {found}"
        if "string" in names and _python_type(error.instance) in {"integer", "number", "boolean"}:
            message += " (mettez la valeur entre guillemets)"
        return message
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        unknown = sorted(set(error.instance) - set(allowed))
        keys = ", ".join(f"« {key} »" for key in unknown)
        return f"clé inconnue {keys} ; clés permises : {', '.join(allowed)}"
    if kind == "required":
        missing = [key for key in error.validator_value if key not in error.instance]
        return "champ obligatoire manquant : " + ", ".join(f"« {key} »" for key in missing)
    if kind == "pattern":
        if error.schema.get("description", "").startswith("Identifiant"):
            return (
                f"identifiant « {error.instance} » invalide : lettres, chiffres et « . », « - » "
                "ou « _ » entre eux seulement (il sert d'adresse de page)"
            )
        return f"{subject} a une forme invalide : « {error.instance} »"
    if kind == "enum":
        allowed = ", ".join(f"« {value} »" for value in error.validator_value)
        return f"{subject} vaut « {error.instance} » ; valeurs permises : {allowed}"
    if kind == "const":
        return f"{subject} doit valoir {error.validator_value!r}"
    if kind == "minItems":
        return f"{subject} doit contenir au moins {error.validator_value} élément(s)"
    if kind == "minLength":
        return f"{subject} ne doit pas être un texte vide"
    if kind == "minimum":
        return f"{subject} doit être au moins {error.validator_value}"
    return f"{subject} est invalide ({kind})"
