"""A référentiel of more blocs than real fiches have: each page's menu keeps to its own bloc, so
that pages do not grow with the référentiel."""

from __future__ import annotations

import posixpath
import re
import sys
from pathlib import Path

import pytest
from sitebuild import PROJECT, Build, build, minimal_site

sys.path.insert(0, str(PROJECT / "benchmarks"))
from replicated import replicated_referentiel  # noqa: E402  (the benchmarks' larger référentiels)

from referentiel.site.nav import MAX_BLOCS_SHOWN  # noqa: E402

COPIES = 6  # the seed's 4 blocs six times: 24 blocs


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build(minimal_site(tmp_path_factory.mktemp("large"), replicated_referentiel(COPIES)))
    assert result.returncode == 0, result.output
    return result


def _menu_links(site: Build, path: str) -> set[str]:
    """The addresses the main menu of the page at ``path`` links to, from the site's root."""
    page_html = site.page(path)
    start = page_html.index('<nav class="md-nav md-nav--primary"')
    menu = page_html[start : page_html.index("md-sidebar--secondary", start)]
    hrefs = re.findall(r'href="([^"#]+)"', menu)
    return {posixpath.normpath(posixpath.join(path, href)) + "/" for href in hrefs}


def test_a_page_menu_holds_its_own_bloc_only(large: Build) -> None:
    """A competence's menu lists its bloc's pages, grids and record, and no other bloc's."""
    assert 4 * COPIES > MAX_BLOCS_SHOWN
    links = _menu_links(large, "competences/C1.1x3/")
    assert {
        "blocs/B1x3/",
        "competences/C1.2x3/",
        "modalites/E1x3/",
        "grilles/E1x3/",
        "proces-verbaux/B1x3/",
    } <= links
    assert not any(link.startswith(("blocs/B2x3", "blocs/B1x2", "competences/C1.1x2")) for link in links)
    assert "blocs/" in links and "grilles/" in links  # the lists of all blocs and all grids


def test_a_grid_menu_holds_its_bloc(large: Build) -> None:
    """A grid sits in its bloc's section, beside its modality."""
    links = _menu_links(large, "grilles/E1x5/")
    assert {"blocs/B1x5/", "modalites/E1x5/", "proces-verbaux/B1x5/"} <= links
    assert not any(link.startswith("blocs/B2x5") for link in links)


def test_the_lists_reach_every_bloc_and_grid(large: Build) -> None:
    """The pages of every bloc stay one click from the lists of blocs and of grids."""
    blocs = large.page("blocs")
    grids = large.page("grilles")
    for copy in range(1, COPIES + 1):
        assert f'href="B1x{copy}/"' in blocs or f'href="../blocs/B1x{copy}/"' in blocs
        assert f"E1x{copy}/" in grids and f"proces-verbaux/B4x{copy}/" in grids


def test_page_size_does_not_grow_with_the_blocs(large: Build, tmp_path: Path) -> None:
    """A competence page of the 24-bloc référentiel weighs about what the seed's does, built alike."""
    seed = build(minimal_site(tmp_path))
    assert seed.returncode == 0, seed.output
    assert len(large.page("competences/C1.1x3")) < 1.25 * len(seed.page("competences/C1.1"))
