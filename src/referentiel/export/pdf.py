"""PDF of the jury's sheets, printed by headless Chromium: blank ones, or a session's pre-filled.

Chromium rather than WeasyPrint: it renders the print stylesheet as the browser that shows
the site does (the tests check both in it), honours ``@page`` sizes, named pages with their
running headers, repeated table headers and ``break-inside``. One browser prints every
document of a run through Playwright, two pages at a time: launching it once per file was
most of the cost. Each document gets « page x / y » per sheet (see :mod:`.numbering`), and
every file is written whole or not at all.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..files import OutputError, write_all_or_none
from ..jury import Candidate, Session, Sheet, blank_sheets, candidate_sheets
from ..model import Referentiel
from .document import sheets_document
from .numbering import OutlineMismatch, concatenated, numbered, sheet_bounds

# What Chromium needs on a server: no sandbox (root), no GPU, and none of its own network calls.
SERVER_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
PAGES_AT_ONCE = 2  # this machine's cores: more pages at once print no faster


class PdfError(Exception):
    """The PDF could not be made; the message says why, in French."""


@dataclass(frozen=True)
class Document:
    """Sheets to print into one PDF."""

    sheets: tuple[Sheet, ...]
    output: Path
    title: str
    # HTML printed before the sheets (a case study's text); such a document is not paginated
    # per sheet, since its own headings share the outline with the sheets'.
    preface: str = ""


def find_chromium() -> str:
    """The Chromium to run: ``$CHROMIUM``, else ``chromium`` or ``chromium-browser`` on the PATH."""
    candidates = [os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"]
    for candidate in candidates:
        if candidate and shutil.which(candidate):
            return shutil.which(candidate) or candidate
    raise PdfError(
        "Chromium est introuvable : installez-le (Debian : apt-get install chromium) "
        "ou indiquez son chemin dans la variable CHROMIUM."
    )


def _slug(text: str) -> str:
    """A file-name part: ASCII letters, digits and dashes only."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-")[:60] or "sans-nom"


async def _print(referentiel: Referentiel, documents: list[Document], chromium: str) -> list[bytes]:
    from playwright.async_api import async_playwright

    results: list[bytes] = [b""] * len(documents)
    queue: asyncio.Queue[int] = asyncio.Queue()
    for index in range(len(documents)):
        queue.put_nowait(index)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium, args=list(SERVER_FLAGS))
        try:

            async def worker() -> None:
                page = await browser.new_page()
                while not queue.empty():
                    index = queue.get_nowait()
                    document = documents[index]
                    html = sheets_document(
                        referentiel, list(document.sheets), document.title, document.preface
                    )
                    await page.set_content(html, wait_until="load")
                    results[index] = await page.pdf(
                        prefer_css_page_size=True, outline=True, tagged=True, print_background=True
                    )
                await page.close()

            await asyncio.gather(*(worker() for _ in range(min(PAGES_AT_ONCE, len(documents)))))
        finally:
            await browser.close()
    return results


def print_documents(
    referentiel: Referentiel, documents: list[Document]
) -> list[tuple[bytes, list[tuple[int, int]]]]:
    """Each document as printed PDF bytes, with each sheet's page range."""
    chromium = find_chromium()
    try:
        from playwright.async_api import Error as PlaywrightError
    except ImportError:
        raise PdfError(
            "Playwright est introuvable : installez le projet avec « pip install -e .[site] »."
        ) from None
    try:
        printed = asyncio.run(_print(referentiel, documents, chromium))
    except PlaywrightError as error:  # a browser that will not start, a page that will not print
        raise PdfError(f"Chromium n'a pas pu imprimer : {str(error).splitlines()[0][:300]}") from None
    located: list[tuple[bytes, list[tuple[int, int]]]] = []
    for document, pdf in zip(documents, printed, strict=True):
        if document.preface:
            located.append((pdf, []))
            continue
        try:
            located.append((pdf, sheet_bounds(pdf, len(document.sheets))))
        except OutlineMismatch as error:
            raise PdfError(f"{document.output.name} : numérotation impossible ({error})") from None
    return located


def export_grids(referentiel: Referentiel, output: Path) -> list[Path]:
    """All blank sheets in ``grilles.pdf``, and each alone: ``grille-<modalité>.pdf``, ``pv-<bloc>.pdf``."""
    sheets = blank_sheets(referentiel)
    gathered = Document(tuple(sheets), output / "grilles.pdf", "Grilles d'évaluation et procès-verbaux")
    [(pdf, bounds)] = print_documents(referentiel, [gathered])
    files = {gathered.output: numbered([(pdf, bounds)])}
    for sheet, sheet_range in zip(sheets, bounds, strict=True):
        name = f"pv-{sheet.bloc.id}.pdf" if sheet.bloc else f"grille-{sheet.modality.id}.pdf"  # type: ignore[union-attr]
        files[output / name] = numbered([(pdf, [sheet_range])])
    return _write(files)


def export_case_studies(referentiel: Referentiel, folder: Path, output: Path) -> list[Path]:
    """Each case study of ``folder`` as a candidate's file: ``etude-<page>.pdf``."""
    from .case_document import case_study_html, case_study_pages

    documents = []
    for path in case_study_pages(folder):
        case, html = case_study_html(path, folder, referentiel)
        sheet = Sheet(modality=case.modality(referentiel), only=case.grid_items(referentiel))
        documents.append(Document((sheet,), output / f"etude-{_slug(path.stem)}.pdf", case.titre, html))
    if not documents:
        return []
    printed = print_documents(referentiel, documents)
    return _write({document.output: pdf for document, (pdf, _) in zip(documents, printed, strict=True)})


def export_session(
    referentiel: Referentiel, candidates: list[Candidate], session: Session, output: Path
) -> list[Path]:
    """One PDF per candidate (their grids, pre-filled, then their blocs' records), and the whole session."""
    documents = [
        Document(
            tuple(candidate_sheets(referentiel, candidate, candidates, session)),
            output
            / f"candidat-{_slug(candidate.numero)}-{_slug(candidate.nom)}-{_slug(candidate.prenom)}.pdf",
            f"{candidate.full_name} — {referentiel.certification.titre}",
        )
        for candidate in candidates
    ]
    names = [d.output for d in documents]
    if len(set(names)) != len(names):
        raise PdfError("deux candidats donneraient le même nom de fichier : vérifiez les numéros")
    printed = print_documents(referentiel, documents)
    files = {document.output: numbered([part]) for document, part in zip(documents, printed, strict=True)}
    files[output / "session.pdf"] = concatenated(list(files.values()))
    return _write(files)


def _write(files: dict[Path, bytes]) -> list[Path]:
    try:
        return write_all_or_none(files)
    except OutputError as error:
        raise PdfError(str(error)) from None
