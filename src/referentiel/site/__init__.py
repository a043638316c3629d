"""Rendering the référentiel as Markdown pages, navigation and page fragments."""

from .pages import GeneratedPage, generate_pages
from .nav import navigation
from .urls import Links

__all__ = ["GeneratedPage", "Links", "generate_pages", "navigation"]
