"""Rendering the référentiel as Markdown pages, navigation and page fragments."""

from .nav import navigation
from .pages import GeneratedPage, generate_pages
from .urls import Links

__all__ = ["GeneratedPage", "Links", "generate_pages", "navigation"]
