"""Every text the loader accepts reaches the site: no value of the YAML is silently left out."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from htmltext import article_text, normalize
from sitebuild import DATA, Build

from referentiel.loading.yamlsource import parse_yaml
from referentiel.model import french_date

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def shown(value: str) -> str:
    """How a value reads on the site: dates in the French form, everything else as written."""
    return normalize(french_date(value) if ISO_DATE.fullmatch(value) else value)


def missing_strings(data: Any, pages: str) -> list[str]:
    """The string values of ``data`` that no page shows."""
    return [
        f"{'.'.join(map(str, path))} = {value[:60]}"
        for path, value in _strings(data)
        if shown(value) not in pages
    ]


def _strings(node: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _strings(value, (*path, index))
    elif isinstance(node, str):
        yield path, node


def test_every_string_of_the_yaml_is_on_the_site(real_site: Build) -> None:
    """Each string value of ``referentiel.yaml`` (texts, codes, IDs, notes) is on some page."""
    pages = "\n".join(
        normalize(article_text(page.read_text(encoding="utf-8"))) for page in real_site.site.rglob("*.html")
    )
    data = parse_yaml(DATA.read_text(encoding="utf-8"), DATA).data
    missing = missing_strings(data, pages)
    assert not missing, "\n".join(missing)
