"""axe-core in headless Chromium finds no violation on one page of each kind."""

from __future__ import annotations

import pytest
from browser import axe_report

PAGES = {
    "accueil": "",
    "bloc": "blocs/B2/",
    "compétence": "competences/C4.2/",
    "modalité": "modalites/E4.5-budget/",
    "grille": "grilles/E2/",
    "audit": "audit/",
    "traçabilité": "audit/tracabilite/",
    "fiche RNCP": "audit/fiche-rncp/",
    "toutes les grilles": "grilles/",
    "études de cas": "etudes-de-cas/",
    "étude de cas": "etudes-de-cas/suivi-budgetaire/",
}


@pytest.mark.parametrize("kind", PAGES)
def test_no_axe_violation(served: str, browser, kind: str) -> None:  # type: ignore[no-untyped-def]
    """Every axe-core rule (WCAG 2.1 A/AA and best practices) passes on the page."""
    page = browser.new_page()
    try:
        page.goto(served + PAGES[kind])
        passed, violations = axe_report(page)
    finally:
        page.close()
    assert passed, "axe n'a rien vérifié"
    assert not violations, "\n".join(violations)
