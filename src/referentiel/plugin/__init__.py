"""The MkDocs adapter: the ``referentiel`` plugin and the macros module for hand-written pages.

The rest of the package knows nothing of MkDocs; only this sub-package imports it.
"""

from .config import ReferentielConfig
from .plugin import ReferentielPlugin

__all__ = ["ReferentielConfig", "ReferentielPlugin"]
