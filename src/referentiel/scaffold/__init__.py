"""Whole sites on disk: a new site that uses the plugin (``referentiel nouveau``), and the
generated pages as plain files for tools without MkDocs' plugin API (``referentiel pages``)."""

from .new_site import new_site
from .static_site import static_site

__all__ = ["new_site", "static_site"]
