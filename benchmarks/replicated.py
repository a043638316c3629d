"""Larger référentiels made from the seed: its blocs repeated under new IDs, valid and checked in full."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SEED = Path(__file__).resolve().parent.parent / "data" / "referentiel.yaml"


def _renamed(node: object, suffix: str) -> object:
    """A copy of a bloc with every ID and reference given ``suffix``."""
    if isinstance(node, dict):
        copy = {}
        for key, value in node.items():
            if key in {"id", "activite"} and isinstance(value, str):
                copy[key] = f"{value}x{suffix}"
            elif key == "competences" and isinstance(value, list) and all(isinstance(v, str) for v in value):
                copy[key] = [f"{v}x{suffix}" for v in value]
            else:
                copy[key] = _renamed(value, suffix)
        return copy
    if isinstance(node, list):
        return [_renamed(value, suffix) for value in node]
    return node


def _seed_data() -> dict[str, Any]:
    from referentiel.loading.yamlsource import parse_yaml

    return parse_yaml(SEED.read_text(encoding="utf-8"), SEED).data


def _with_copies(data: dict[str, Any], copies: int) -> dict[str, Any]:
    blocs = [_renamed(bloc, str(number)) for number in range(1, copies + 1) for bloc in data["blocs"]]
    for index, bloc in enumerate(blocs):
        bloc["numero"] = index + 1
    return {**data, "blocs": blocs}


def replicated_referentiel(copies: int) -> str:
    """The seed's blocs ``copies`` times (JSON, which is YAML)."""
    return json.dumps(_with_copies(_seed_data(), copies), ensure_ascii=False)


def large_valid_referentiel(size: int) -> str:
    """As many copies of the seed's blocs as fit in ``size`` bytes."""
    data = _seed_data()
    copies, text = 1, ""
    while True:
        candidate = json.dumps(_with_copies(data, copies), ensure_ascii=False)
        if len(candidate.encode("utf-8")) > size:
            return text
        copies, text = copies + 1, candidate
