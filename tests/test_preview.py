"""``mkdocs serve --dirty``: an edit of a YAML is shown by rebuilding only the pages it changes."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from previewing import Preview, preview
from sitebuild import DATA, catalogue_site, minimal_site

from referentiel.cli import main
from referentiel.site.search import SEPARATOR

EXPORT = Path(__file__).parent / "fixtures" / "rncp" / "export_fiches_RNCP_V4_1_extrait.xml"
# A criterion of the seed, on its competence's page, its bloc's grid and the traceability pages.
PHRASE = "Le diagnostic de l'organisation intègre"
PARTIAL = re.compile(r"Construction partielle : (\d+) page")


def _edited(text: str, marker: str) -> str:
    assert PHRASE in text
    return text.replace(PHRASE, PHRASE.replace("diagnostic", f"diagnostic {marker}"))


def _rebuilt(lines: list[str]) -> int:
    """The number of generated pages the last build of ``lines`` rebuilt."""
    counts = [int(m.group(1)) for line in lines if (m := PARTIAL.search(line))]
    assert counts, "\n".join(lines)
    return counts[-1]


def _served(server: Preview, path: str) -> str:
    """The page at ``path`` without the live-reload script's build numbers, which change each build."""
    body = server.get(path)
    assert body is not None
    return re.sub(r"livereload\(\d+, \d+\)", "livereload()", body)


def _search_index(server: Preview) -> list[dict[str, str]]:
    body = server.get("search/search_index.json")
    assert body is not None
    index = json.loads(body)
    assert index["config"]["separator"] == SEPARATOR
    return list(index["docs"])


def _assert_edit_shown(server: Preview, yaml_path: Path, page: str, other_page: str) -> None:
    """Edit the seed's criterion in ``yaml_path``: ``page`` shows it after a partial build,
    ``other_page`` is served as before and the search index holds every page once."""
    server.wait_for(page, "diagnostic de l")
    first = _rebuilt(server.wait_for_log("Construction partielle", 0))
    other_before = _served(server, other_page)
    docs_before = _search_index(server)
    assert any(PHRASE in doc["text"] for doc in docs_before)

    since = len(server.lines)
    yaml_path.write_text(_edited(yaml_path.read_text(encoding="utf-8"), "MARQUEUR"), encoding="utf-8")
    server.wait_for(page, "diagnostic MARQUEUR de l")
    lines = server.wait_for_log("Documentation built", since)
    rebuilt = _rebuilt(lines)
    assert 0 < rebuilt <= first / 10, (rebuilt, first)
    assert _served(server, other_page) == other_before

    docs = _search_index(server)
    locations = Counter(doc["location"] for doc in docs)
    assert locations == Counter(doc["location"] for doc in docs_before)
    assert max(locations.values()) == 1
    assert not any(PHRASE in doc["text"] for doc in docs)
    marked = [doc for doc in docs if "diagnostic MARQUEUR" in doc["text"]]
    assert any(doc["location"].startswith(page) for doc in marked)
    # The rebuilt pages' entries are taught French like the others (« integre » finds « intègre »).
    assert all("integre" in doc.get("variantes", "") for doc in marked)


@pytest.fixture(scope="module")
def fiches(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fiches")
    assert main(["import", str(EXPORT), "--toutes", "--sortie", str(folder)]) == 0
    return folder


def test_a_catalogue_shows_an_edit_by_rebuilding_one_referentiel(tmp_path: Path, fiches: Path) -> None:
    """Three référentiels: the edited one's changed pages only are rebuilt, the others' kept."""
    yamls = {
        "seed.yaml": DATA.read_text(encoding="utf-8"),
        **{
            f"{n}.yaml": (fiches / f"{n}.yaml").read_text(encoding="utf-8")
            for n in ("RNCP36612", "RNCP37674")
        },
    }
    config = catalogue_site(tmp_path, yamls)
    with preview(config, "--dirty", "--no-strict") as server:
        _assert_edit_shown(
            server, tmp_path / "referentiels" / "seed.yaml", "seed/competences/C1.1/", "rncp37674/"
        )


def test_a_single_referentiel_shows_an_edit_by_rebuilding_its_changed_pages(tmp_path: Path) -> None:
    """The seed's site: a criterion's edit rebuilds the few pages that show it."""
    config = minimal_site(tmp_path)
    with preview(config, "--dirty", "--no-strict") as server:
        # 53 pages, of which 5 show the criterion: its competence, bloc, modality, grid, grids' list.
        _assert_edit_shown(server, tmp_path / "referentiel.yaml", "competences/C1.1/", "blocs/")
        # The hand-written home quotes the référentiel through its macros: it is rebuilt too.
        data = tmp_path / "referentiel.yaml"
        text = data.read_text(encoding="utf-8")
        assert "intitule: Manager des stratégies" in text
        data.write_text(
            text.replace("intitule: Manager des", "intitule: Manager révisé des", 1), encoding="utf-8"
        )
        server.wait_for("", "Manager révisé des stratégies")


def test_a_broken_yaml_is_reported_then_its_fix_is_shown(tmp_path: Path, fiches: Path) -> None:
    """A mistake is reported with its file and line, no traceback; its fix is then shown
    without rebuilding the whole catalogue."""
    yamls = {
        "seed.yaml": DATA.read_text(encoding="utf-8"),
        "RNCP36612.yaml": (fiches / "RNCP36612.yaml").read_text(),
    }
    config = catalogue_site(tmp_path, yamls)
    seed = tmp_path / "referentiels" / "seed.yaml"
    with preview(config, "--dirty", "--no-strict") as server:
        server.wait_for("seed/competences/C1.1/", "diagnostic de l")
        first = _rebuilt(server.wait_for_log("Construction partielle", 0))
        since = len(server.lines)
        seed.write_text(seed.read_text(encoding="utf-8").replace("blocs:", "blocs: [", 1), encoding="utf-8")
        report = "\n".join(server.wait_for_log("Catalogue invalide", since))
        assert "seed.yaml" in report and "ligne" in report, report
        assert "Traceback" not in report
        # MkDocs then holds the pages' requests until a build succeeds again.

        since = len(server.lines)
        seed.write_text(_edited(DATA.read_text(encoding="utf-8"), "CORRIGÉ"), encoding="utf-8")
        server.wait_for("seed/competences/C1.1/", "diagnostic CORRIGÉ de l")
        assert 0 < _rebuilt(server.wait_for_log("Documentation built", since)) < first / 10


def test_a_large_catalogue_search_finds_the_edit_once_pagefind_has_run(
    tmp_path: Path,
    fiches: Path,
    browser,  # type: ignore[no-untyped-def]
) -> None:
    """Past the threshold, Pagefind runs after the page is shown: the search then finds the
    edit's new word, and leads to the edited page; a search page opened on the previous index
    still finds what it held."""
    yamls = {
        "seed.yaml": DATA.read_text(encoding="utf-8"),
        "RNCP35625.yaml": (fiches / "RNCP35625.yaml").read_text(encoding="utf-8"),
    }
    config = catalogue_site(tmp_path, yamls, {"recherche_seuil": "1"})
    seed = tmp_path / "referentiels" / "seed.yaml"
    with preview(config, "--dirty", "--no-strict") as server:
        server.wait_for("seed/competences/C1.1/", "diagnostic de l")
        server.wait_for_log("Index de recherche (Pagefind) à jour", 0)
        earlier = browser.new_page(viewport={"width": 390, "height": 800})
        earlier.route("**/livereload/**", lambda route: route.abort())  # a page left open, not reloaded
        missing: list[str] = []
        earlier.on(
            "response", lambda r: missing.append(r.url) if "/pagefind/" in r.url and r.status >= 400 else None
        )
        earlier.goto(server.address + "recherche/")
        earlier.fill(".pagefind-ui__search-input", "organisation")  # the previous index, loaded
        earlier.wait_for_selector(".pagefind-ui__result-link")
        since = len(server.lines)
        seed.write_text(_edited(seed.read_text(encoding="utf-8"), "zygomorphe"), encoding="utf-8")
        server.wait_for("seed/competences/C1.1/", "diagnostic zygomorphe de l")
        # The index that holds the edit is the one written after the edit's build (the first
        # build's own may end meanwhile).
        lines = server.wait_for_log("Documentation built", since)
        built = since + next(i for i, line in enumerate(lines) if "Documentation built" in line)
        lines = server.wait_for_log("Index de recherche (Pagefind) à jour", built)
        assert not any("impossible" in line for line in lines), lines
        try:
            # Another word, in a chunk of the previous index not loaded yet: it must still be there.
            earlier.fill(".pagefind-ui__search-input", "diagnostic")
            earlier.wait_for_selector(".pagefind-ui__result-link")
            earlier.wait_for_load_state("networkidle")
        finally:
            earlier.close()
        assert not missing, missing
        page = browser.new_page(viewport={"width": 390, "height": 800})
        try:
            page.goto(server.address + "recherche/")
            page.fill(".pagefind-ui__search-input", "zygomorphe")
            page.wait_for_selector(".pagefind-ui__result-link")
            links = page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.href)")
        finally:
            page.close()
    assert any("/seed/competences/C1.1/" in link for link in links), links
