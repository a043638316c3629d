"""Style sheets shipped with the package, for the site and for the printed sheets."""

from __future__ import annotations

from functools import cache
from importlib import resources

# Where the site serves its style sheets: the référentiel's tables, and the sheets (screen and print).
SITE_CSS = "assets/referentiel.css"
SHEETS_CSS = "assets/grilles.css"
# The catalogue's filters and sortable audit table.
CATALOGUE_JS = "assets/catalogue.js"
# The offline build's worker shim (iframe-worker 1.0.4, MIT, see iframe-worker-LICENSE.txt):
# served by the site itself, so that search works from a folder or a USB key without network.
WORKER_SHIM = "assets/javascripts/iframe-worker-shim.js"


@cache
def site_css() -> str:
    """The four-column tables', audit tables' and lists' CSS."""
    return resources.files(__name__).joinpath("referentiel.css").read_text(encoding="utf-8")


@cache
def sheets_css() -> str:
    """The grids' and records' CSS, screen and print."""
    return resources.files(__name__).joinpath("grilles.css").read_text(encoding="utf-8")


@cache
def worker_shim() -> str:
    return resources.files(__name__).joinpath("iframe-worker-shim.js").read_text(encoding="utf-8")


@cache
def catalogue_js() -> str:
    return resources.files(__name__).joinpath("catalogue.js").read_text(encoding="utf-8")
