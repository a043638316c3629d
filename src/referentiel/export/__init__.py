"""Exports of a built site: PDF files of the evaluation grids."""
