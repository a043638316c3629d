"""Everything the site adds to the hand-written pages: generated pages, style sheets, downloads.

The MkDocs plugin adds them in memory; ``referentiel pages`` writes them as ordinary files.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..cases import CaseStudy
from ..checks import Finding
from ..export.formats import FORMATS, export_contents
from ..model import Referentiel
from ..versions import History
from .assets import SHEETS_CSS, SITE_CSS, sheets_css, site_css
from .pages import GeneratedPage, generate_pages
from .urls import CASES_FOLDER, download_file


@dataclass(frozen=True)
class SiteContents:
    pages: list[GeneratedPage]
    # Path under the docs folder → content: the style sheets and the published exports.
    files: dict[str, str | bytes]


def site_contents(
    referentiel: Referentiel,
    findings: list[Finding],
    use_directory_urls: bool = True,
    cases: list[CaseStudy] | None = None,
    cases_folder: str = CASES_FOLDER,
    history: History | None = None,
) -> SiteContents:
    downloads = export_contents(referentiel, list(FORMATS))
    pages = generate_pages(
        referentiel,
        use_directory_urls=use_directory_urls,
        findings=findings,
        downloads=downloads,
        cases=cases,
        cases_folder=cases_folder,
        history=history,
    )
    files: dict[str, str | bytes] = {SITE_CSS: site_css(), SHEETS_CSS: sheets_css()}
    files.update({download_file(name): data for name, data in downloads.items()})
    return SiteContents(pages, files)
