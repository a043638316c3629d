"""Validation against the JSON Schema shipped with the package, reported in French."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from ..errors import Problem
from .items import describe_item
from .validator import Validator, Violation, type_name
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
def load_schema() -> dict[str, Any]:
    """The JSON Schema of ``referentiel.yaml``."""
    text = (
        resources.files("referentiel.schema").joinpath("referentiel.schema.json").read_text(encoding="utf-8")
    )
    return json.loads(text)


@cache
def _validator() -> Validator:
    return Validator(load_schema())


def validate(source: YamlSource) -> list[Problem]:
    """Every schema violation in ``source``, each with its line and item."""
    return [
        Problem(
            source.path,
            source.line_of(_where(violation)),
            describe_item(source.data, violation.path),
            _message(violation),
            rule="S8" if _is_identifier(violation) else None,
        )
        for violation in _validator().errors(source.data)
    ]


def _is_identifier(violation: Violation) -> bool:
    """Whether the value broke the pattern of IDs (rather than of a date or another field)."""
    identifier = load_schema()["$defs"]["identifiant"]["pattern"]
    return violation.keyword == "pattern" and violation.schema.get("pattern") == identifier


def _where(violation: Violation) -> tuple[str | int, ...]:
    """The path whose line to report: an unknown key's own line rather than its parent's."""
    if violation.keyword == "additionalProperties":
        return (*violation.path, violation.expected[0])
    return violation.path


def _message(violation: Violation) -> str:
    kind, expected, instance = violation.keyword, violation.expected, violation.instance
    field = violation.path[-1] if violation.path else None
    subject = f"le champ « {field} »" if isinstance(field, str) else "cette valeur"
    found = type_name(instance)
    if kind == "type":
        names = [expected] if isinstance(expected, str) else list(expected)
        wanted = " ou ".join(_TYPE_NAMES[name] for name in names)
        message = f"{subject} doit être {wanted}, pas {_TYPE_NAMES[found]}"
        if "string" in names and found in {"integer", "number", "boolean"}:
            message += " (mettez la valeur entre guillemets)"
        return message
    if kind == "additionalProperties":
        allowed = sorted(violation.schema.get("properties", {}))
        keys = ", ".join(f"« {key} »" for key in expected[:10])
        if len(expected) > 10:
            keys += f" et {len(expected) - 10} autres"
        return f"clé inconnue {keys} ; clés permises : {', '.join(allowed)}"
    if kind == "required":
        return "champ obligatoire manquant : " + ", ".join(f"« {key} »" for key in expected)
    if kind == "pattern":
        if _is_identifier(violation):
            return (
                f"identifiant « {instance} » invalide : lettres, chiffres et « . », « - » "
                "ou « _ » entre eux seulement (il sert d'adresse de page)"
            )
        return f"{subject} a une forme invalide : « {instance} »"
    if kind == "format":
        return f"{subject} n'est pas une date réelle : « {instance} » (AAAA-MM-JJ)"
    if kind == "enum":
        permitted = ", ".join(f"« {value} »" for value in expected)
        return f"{subject} vaut « {instance} » ; valeurs permises : {permitted}"
    if kind == "const":
        return f"{subject} doit valoir {expected!r}"
    if kind == "minItems":
        return f"{subject} doit contenir au moins {expected} élément(s)"
    if kind == "minLength":
        return f"{subject} ne doit pas être un texte vide"
    if kind == "minimum":
        return f"{subject} doit être au moins {expected}"
    return f"{subject} ne correspond à aucune des formes permises"
