"""PDF of the evaluation grids, printed by headless Chromium from the built site.

Chromium rather than WeasyPrint: it renders the theme's layout as a browser does (the
print stylesheet is tested in it), it honours ``@page { size: A4 }``, repeated table
headers and ``break-inside``, and it prints a page in well under a second. Debian ships it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..model import Referentiel

# What Chromium needs on a server: no sandbox (root), no GPU, and none of its own network calls.
SERVER_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
CHROMIUM_FLAGS = ("--headless", *SERVER_FLAGS, "--no-pdf-header-footer")


class PdfError(Exception):
    """The PDF could not be made; the message says why, in French."""


@dataclass(frozen=True)
class PdfJob:
    page: Path
    output: Path


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


def _page(site: Path, stem: str) -> Path:
    """The built HTML file of ``grilles/<stem>``, with or without directory URLs."""
    directory = site / "grilles" / stem / "index.html"
    flat = site / "grilles" / f"{stem}.html"
    for candidate in (directory, flat):
        if candidate.is_file():
            return candidate
    raise PdfError(f"Page introuvable dans {site} : grilles/{stem} (construisez d'abord le site).")


def grid_jobs(referentiel: Referentiel, site: Path, output: Path) -> list[PdfJob]:
    """All grids in one file, then one file per modality."""
    jobs = [PdfJob(_page(site, "index"), output / "grilles.pdf")]
    jobs += [PdfJob(_page(site, m.id), output / f"grille-{m.id}.pdf") for m in referentiel.modalites]
    return jobs


def print_pdf(job: PdfJob, chromium: str) -> None:
    job.output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="referentiel-chromium-") as profile:
        result = subprocess.run(
            [
                chromium,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                f"--print-to-pdf={job.output}",
                job.page.resolve().as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
    if result.returncode != 0 or not job.output.is_file():
        raise PdfError(f"Chromium n'a pas pu imprimer {job.page} : {result.stderr.strip()[-500:]}")


def export_grids(referentiel: Referentiel, site: Path, output: Path) -> list[Path]:
    """Write every grid PDF; return their paths."""
    chromium = find_chromium()
    jobs = grid_jobs(referentiel, site, output)
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(lambda job: print_pdf(job, chromium), jobs))
    return [job.output for job in jobs]
