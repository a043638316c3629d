"""Style sheets shipped with the package, for the site and for the printed sheets."""

from __future__ import annotations

from functools import cache
from importlib import resources

# Where the site serves the sheets' style sheet.
SHEETS_CSS = "assets/grilles.css"


@cache
def sheets_css() -> str:
    """The grids' and records' CSS, screen and print."""
    return resources.files(__name__).joinpath("grilles.css").read_text(encoding="utf-8")
