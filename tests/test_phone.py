"""No page is wider than the screen: wide tables scroll inside their own box, first column in view."""

from __future__ import annotations

import pytest
from sitebuild import Build


@pytest.mark.parametrize("width", [390, 640, 1280])  # a phone, 1280 px at 200 % zoom, a laptop
def test_no_page_scrolls_sideways(real_site: Build, browser, width: int) -> None:  # type: ignore[no-untyped-def]
    """Every page of the site fits the window's width; the tables that do not fit scroll in their box."""
    pages = sorted(real_site.site.rglob("index.html"))
    assert len(pages) > 40
    too_wide = []
    page = browser.new_page(viewport={"width": width, "height": 800})
    try:
        for path in pages:
            page.goto(path.as_uri())
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width + 1:
                too_wide.append(f"{path.relative_to(real_site.site).parent}: {scroll_width}px")
        if width == 390:
            page.goto((real_site.site / "blocs" / "B1" / "index.html").as_uri())
            box = page.locator(".table-scroll").first
            assert box.get_attribute("tabindex") == "0" and box.get_attribute("role") == "region"
            widths = box.evaluate("b => [b.scrollWidth, b.clientWidth]")
            assert widths[0] > widths[1], "the bloc's table should scroll inside its box on a phone"
            box.evaluate("b => { b.scrollLeft = 200; }")
            first = page.locator(".referentiel-table tbody tr:first-child > :first-child")
            assert first.evaluate("c => c.getBoundingClientRect().left") >= 0  # kept in view
    finally:
        page.close()
    assert not too_wide, "\n".join(too_wide)
