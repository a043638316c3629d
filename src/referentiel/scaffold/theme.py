"""The theme settings of the sites written here: Material in French, light and dark."""

from __future__ import annotations

from typing import Any

import yaml

FEATURES = [
    "navigation.path",
    "navigation.indexes",
    "navigation.prune",
    "navigation.footer",
    "navigation.top",
    "search.highlight",
]

# Light and dark, following the system until the reader chooses.
PALETTE = [
    {
        "media": "(prefers-color-scheme)",
        "toggle": {"icon": "material/brightness-auto", "name": "Passer au thème clair"},
    },
    {
        "media": "(prefers-color-scheme: light)",
        "scheme": "default",
        "primary": "indigo",
        "accent": "indigo",
        "toggle": {"icon": "material/brightness-7", "name": "Passer au thème sombre"},
    },
    {
        "media": "(prefers-color-scheme: dark)",
        "scheme": "slate",
        "primary": "indigo",
        "accent": "indigo",
        "toggle": {"icon": "material/brightness-4", "name": "Suivre le réglage du système"},
    },
]


def theme(custom_dir: str | None = None) -> dict[str, Any]:
    # No web font: the pages are read without a request to a font service.
    settings: dict[str, Any] = {"name": "material", "language": "fr", "font": False}
    if custom_dir:
        settings["custom_dir"] = custom_dir
    return settings | {"features": FEATURES, "palette": PALETTE}


def theme_yaml(custom_dir: str | None = None) -> str:
    """``theme:`` as a block of ``mkdocs.yml``."""
    return yaml.safe_dump({"theme": theme(custom_dir)}, allow_unicode=True, sort_keys=False)
