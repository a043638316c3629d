"""A catalogue: the four fixture fiches, the seed and a renumbered copy in one site."""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from browser import axe_report
from french_queries import MISRANKED_BY_PAGEFIND, PHRASES, QUERIES
from htmltext import article_text, normalize
from serving import serving
from sitebuild import DATA, Build, build, catalogue_site

from referentiel.catalogue import load_catalogue
from referentiel.checks import Severity, run_checks
from referentiel.cli import main
from referentiel.errors import ReferentielError
from referentiel.site.contents import site_contents

EXPORT = Path(__file__).parent / "fixtures" / "rncp" / "export_fiches_RNCP_V4_1_extrait.xml"
FICHES = ["RNCP34762", "RNCP35625", "RNCP36612", "RNCP37674"]
# RNCP37674 declares a correspondence with RNCP31114, its predecessor, which the open-data
# extract does not hold: a renumbered copy stands for it, with a title that tries to be markup.
PREDECESSOR = "RNCP31114"
HOSTILE_TITLE = "Ancien titre <img src=x onerror=alert(1)> {{ 7 * 7 }}"


def _yamls(tmp_path: Path) -> dict[str, str]:
    assert main(["import", str(EXPORT), "--toutes", "--sortie", str(tmp_path)]) == 0
    texts = {f"{n}.yaml": (tmp_path / f"{n}.yaml").read_text(encoding="utf-8") for n in FICHES}
    data = yaml.safe_load(texts["RNCP37674.yaml"])
    data["certification"]["numero_rncp"] = PREDECESSOR
    data["certification"]["intitule"] = HOSTILE_TITLE
    data["certification"]["correspondances"] = []
    data["certification"]["fiches_anciennes"] = []
    data["certification"]["fiches_nouvelles"] = ["RNCP37674"]
    for bloc in data["blocs"]:
        bloc["code_rncp"] = bloc["code_rncp"].replace("RNCP37674", PREDECESSOR)
    texts["ancien.yaml"] = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    texts["seed.yaml"] = DATA.read_text(encoding="utf-8")
    return texts


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The catalogue built with ``mkdocs build --strict``."""
    folder = tmp_path_factory.mktemp("catalogue")
    config = catalogue_site(folder, _yamls(tmp_path_factory.mktemp("import")))
    result = build(config)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="module")
def address(catalogue: Build):  # type: ignore[no-untyped-def]
    with serving(catalogue.site) as url:
        yield url


def _text(fragment: str) -> str:
    """The text of an HTML fragment, whitespace folded."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


SLUGS = ["rncp34762", "rncp35625", "rncp36612", "rncp37674", "rncp31114", "seed"]


def test_every_page_of_each_referentiel_is_under_its_prefix(catalogue: Build) -> None:
    """Each référentiel has its own address (its RNCP number, else its file name) and all its pages there."""
    entries = load_catalogue(catalogue.site.parent / "referentiels").entries
    assert sorted(e.slug for e in entries) == sorted(SLUGS)
    for entry in entries:
        pages = site_contents(entry.referentiel, run_checks(entry.referentiel)).pages
        for page in pages:
            stem = page.src_uri.removesuffix(".md").removesuffix("index")
            built = catalogue.site / entry.slug / stem / "index.html"
            assert built.is_file(), f"{entry.slug} : {page.src_uri}"
        assert (catalogue.site / entry.slug / "index.html").is_file()
        assert (catalogue.site / entry.slug / "telechargements" / "referentiel.json").is_file()
    # Nothing of a référentiel's site at the root, where a single référentiel's would be.
    assert not (catalogue.site / "blocs").exists()
    assert not (catalogue.site / "audit").exists()


def test_home_lists_each_referentiel_with_its_facts(catalogue: Build) -> None:
    """The catalogue names each référentiel's title, number, level, blocs and audit counts."""
    home = (catalogue.site / "index.html").read_text(encoding="utf-8")
    cards = re.findall(r'<li class="catalogue-fiche".*?</li>', home, re.S)
    assert len(cards) == len(SLUGS)
    for entry in load_catalogue(catalogue.site.parent / "referentiels").entries:
        certification = entry.referentiel.certification
        card = next(c for c in cards if f'href="{entry.slug}/"' in c)
        text = _text(card)
        tally = Counter(f.severity for f in run_checks(entry.referentiel))
        assert f"Blocs de compétences {len(entry.referentiel.blocs)}" in text
        assert f"Numéro RNCP {certification.numero_rncp or 'non renseigné'}" in text
        assert f"Niveau {certification.niveau}" in text
        assert f"{tally[Severity.ERREUR]} erreur(s), {tally[Severity.AVERTISSEMENT]} avertissement(s)" in text
        assert f'data-niveau="{certification.niveau}"' in card


def test_hostile_title_is_text_everywhere(catalogue: Build) -> None:
    """A title that looks like markup or a template is shown as written, never run."""
    for page in ("index.html", "audit-du-catalogue/index.html", "rncp31114/index.html"):
        built = (catalogue.site / page).read_text(encoding="utf-8")
        assert "<img src=x" not in built, page
        assert "&lt;img src=x onerror=alert(1)&gt;" in built, page
    assert "{{ 7 * 7 }}" in article_text(
        (catalogue.site / "rncp31114" / "index.html").read_text(encoding="utf-8")
    )


def test_correspondence_links_both_ways(catalogue: Build) -> None:
    """RNCP37674's declared correspondence with a bloc of RNCP31114 links to that bloc, and
    RNCP31114's home names RNCP37674 as declaring it."""
    declaring = (catalogue.site / "rncp37674" / "index.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'href="(\.\./rncp31114/[^"]*)"', declaring)
    assert "../rncp31114/blocs/BC01/" in hrefs
    for href in hrefs:
        assert (catalogue.site / "rncp37674" / href / "index.html").resolve().is_file(), href
    declared = article_text((catalogue.site / "rncp31114" / "index.html").read_text(encoding="utf-8"))
    assert (
        "RNCP37674 — Développeur web et web mobile – Niveau 5 déclare une correspondance "
        "avec les blocs RNCP31114BC01" in declared
    )


def test_shared_codes_list_the_other_referentiels(catalogue: Build) -> None:
    """The NSF and ROME codes RNCP37674 shares with its copy are listed with a link to it."""
    text = article_text((catalogue.site / "rncp37674" / "index.html").read_text(encoding="utf-8"))
    assert "NSF 326t Programmation, mise en place de logiciels : aussi RNCP31114" in text
    assert "ROME M1805 Études et développement informatique : aussi RNCP31114" in text
    alone = article_text((catalogue.site / "rncp35625" / "index.html").read_text(encoding="utf-8"))
    assert "Aucun autre référentiel du catalogue ne partage ses codes NSF ou ROME." in alone


def test_each_page_carries_only_its_own_referentiels_navigation(catalogue: Build) -> None:
    """A page's menu holds its référentiel's pages, not every référentiel's: pages stay the same
    size however large the catalogue grows."""
    page = (catalogue.site / "rncp37674" / "competences" / "BC01-C1" / "index.html").read_text(
        encoding="utf-8"
    )
    nav = page[page.index('class="md-nav md-nav--primary"') :]
    assert "rncp35625" not in page
    assert "Catalogue des certifications" in nav


def test_catalogue_audit_counts_each_rule(catalogue: Build) -> None:
    """The catalogue audit has a row per référentiel with its counts per rule, linked to its audit."""
    audit = (catalogue.site / "audit-du-catalogue" / "index.html").read_text(encoding="utf-8")
    heads = re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', audit)
    for entry in load_catalogue(catalogue.site.parent / "referentiels").entries:
        row = re.search(rf'<tr><th scope="row"><a href="../{entry.slug}/audit/">.*?</tr>', audit, re.S)
        assert row, entry.slug
        cells = re.findall(r"<td>([^<]*)</td>", row.group(0))
        by_rule = Counter(f.rule.id for f in run_checks(entry.referentiel))
        for heading, cell in zip(heads[2:], cells[1:], strict=True):
            if heading.startswith("S"):
                assert int(cell) == by_rule[heading], (entry.slug, heading)


def test_filters_work_in_the_browser(address: str, browser) -> None:  # type: ignore[no-untyped-def]
    """Level, NSF, status and text (without accents) filter the cards; a link can preset a filter."""
    page = browser.new_page(viewport={"width": 390, "height": 800})
    try:
        page.goto(address)
        visible = (
            "() => [...document.querySelectorAll('.catalogue-fiche')]"
            ".filter(c => !c.hidden).map(c => c.querySelector('a').getAttribute('href'))"
        )
        assert len(page.evaluate(visible)) == len(SLUGS)
        page.click("summary")
        page.select_option("#filtre-niveau", "5")
        assert sorted(page.evaluate(visible)) == ["rncp31114/", "rncp36612/", "rncp37674/"]
        assert page.inner_text("#catalogue-compte") == "3 référentiel(s) sur 6 affiché(s)."
        page.select_option("#filtre-statut", "active")
        assert sorted(page.evaluate(visible)) == ["rncp31114/", "rncp36612/", "rncp37674/"]
        page.click("#catalogue-filtres button[type=reset]")
        page.fill("#filtre-texte", "theatre lumiere")
        assert page.evaluate(visible) == ["rncp35625/"]
        page.goto(address + "index.html#nsf=326t")
        assert sorted(page.evaluate(visible)) == ["rncp31114/", "rncp37674/"]
    finally:
        page.close()


def test_audit_sorts_in_the_browser(address: str, browser) -> None:  # type: ignore[no-untyped-def]
    """A click on a column's heading sorts the rows by it, a second click the other way."""
    page = browser.new_page()
    try:
        page.goto(address + "audit-du-catalogue/")
        column = "Avertissements"
        page.click(f"th button:text-is('{column}')")
        index = page.evaluate(
            f"[...document.querySelectorAll('thead th')].findIndex(t => t.textContent === '{column}')"
        )
        values = "i => [...document.querySelectorAll('tbody tr')].map(r => +r.children[i].textContent)"
        ascending = page.evaluate(values, index)
        assert ascending == sorted(ascending) and len(set(ascending)) > 1
        page.click(f"th button:text-is('{column}')")
        assert page.evaluate(values, index) == sorted(ascending, reverse=True)
        assert page.get_attribute(f"th:has(button:text-is('{column}'))", "aria-sort") == "descending"
    finally:
        page.close()


@pytest.mark.parametrize("path", ["", "audit-du-catalogue/", "rncp37674/"])
def test_no_axe_violation(address: str, browser, path: str) -> None:  # type: ignore[no-untyped-def]
    """The catalogue's home, its audit and a référentiel's home pass every axe-core rule."""
    page = browser.new_page()
    try:
        page.goto(address + path)
        passed, violations = axe_report(page)
    finally:
        page.close()
    assert passed
    assert not violations, "\n".join(violations)


def test_duplicate_numbers_fail_naming_both_files(tmp_path: Path) -> None:
    """Two files of one RNCP number: the build fails, naming both files and the line, no traceback."""
    text = _yamls(tmp_path / "import")["RNCP36612.yaml"]
    config = catalogue_site(tmp_path / "site", {"a.yaml": text, "b.yaml": text})
    result = build(config)
    assert result.returncode != 0
    assert "Traceback" not in result.output
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.strip().startswith("numero_rncp"))
    assert f"b.yaml, ligne {line} (RNCP36612) : le numéro RNCP36612 est déjà celui de" in result.output
    assert str(tmp_path / "site" / "referentiels" / "a.yaml") in result.output
    assert not (tmp_path / "site" / "site").exists()


def test_a_broken_file_is_named_with_its_line(tmp_path: Path) -> None:
    """A mistake in one YAML of the folder names that file and line; the others load."""
    seed = DATA.read_text(encoding="utf-8")
    broken = seed.replace("niveau: 7", "niveau: sept", 1)
    assert broken != seed
    folder = tmp_path / "referentiels"
    folder.mkdir()
    (folder / "bon.yaml").write_text(seed, encoding="utf-8")
    (folder / "casse.yaml").write_text(broken, encoding="utf-8")
    with pytest.raises(ReferentielError) as raised:
        load_catalogue(folder)
    line = next(i for i, row in enumerate(broken.splitlines(), 1) if "niveau: sept" in row)
    assert [(p.file.name, p.line) for p in raised.value.problems] == [("casse.yaml", line)]


@pytest.mark.parametrize("page", ["index.html", "audit-du-catalogue/index.html", "rncp37674/index.html"])
def test_every_link_of_the_catalogue_pages_resolves(catalogue: Build, page: str) -> None:
    """Every relative link of the catalogue's own pages (raw HTML, unchecked by MkDocs) leads to a file."""
    built = (catalogue.site / page).read_text(encoding="utf-8")
    main_part = built[built.index('<article class="md-content__inner') :]
    hrefs = {h.split("#")[0] for h in re.findall(r'href="([^"]+)"', main_part)}
    relative = [h for h in hrefs if h and "://" not in h]
    assert len(relative) > 5
    for href in relative:
        target = (catalogue.site / page).parent / href
        assert (target / "index.html" if href.endswith("/") else target).is_file(), href


@pytest.fixture(scope="module")
def chunked(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A catalogue past its ``recherche_seuil``: searched through Pagefind's chunked index."""
    yamls = _yamls(tmp_path_factory.mktemp("import-pagefind"))
    chosen = {name: yamls[name] for name in ("RNCP35625.yaml", "seed.yaml", "ancien.yaml")}
    config = catalogue_site(tmp_path_factory.mktemp("pagefind"), chosen, {"recherche_seuil": "1"})
    result = build(config)
    assert result.returncode == 0, result.output
    return result


def test_large_catalogue_has_a_chunked_index_and_no_single_one(chunked: Build) -> None:
    """Past the threshold, Pagefind's index replaces the theme's, which every page would download whole."""
    assert (chunked.site / "pagefind" / "pagefind-entry.json").is_file()
    assert list((chunked.site / "pagefind" / "index").iterdir())
    assert not (chunked.site / "search" / "search_index.json").exists()
    home = (chunked.site / "index.html").read_text(encoding="utf-8")
    assert 'href="recherche/"' in home and "md-search__input" not in home


def _pagefind_results(browser, address: str, queries: list[str], referentiel: str) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """Each query's result pages (paths, anchors cut) in ``referentiel``, through Pagefind's own API."""
    page = browser.new_page()
    try:
        page.goto(address + "recherche/")
        page.evaluate(
            "async () => { window.pf = await import('../pagefind/pagefind.js'); await window.pf.init(); }"
        )
        found = {}
        for query in queries:
            found[query] = page.evaluate(
                """async ([query, referentiel]) => {
                    const search = await window.pf.search(query, {filters: {"Référentiel": referentiel}});
                    const data = await Promise.all(search.results.map(r => r.data()));
                    return data.map(d => d.url.replace(/^\\//, "").split("#")[0]);
                }""",
                [query, referentiel],
            )
    finally:
        page.close()
    return found


def _misranked(site: Build, results: dict[str, list[str]], phrases: list[str]) -> dict[str, list[str]]:
    """The phrases whose first result does not hold them, with their first results."""
    return {
        phrase: results[phrase][:3]
        for phrase in phrases
        if normalize(phrase) not in normalize(article_text(site.page(results[phrase][0])))
    }


def test_chunked_search_keeps_the_readers_french_queries(chunked: Build, browser) -> None:  # type: ignore[no-untyped-def]
    """The readers' French queries of the seed, through Pagefind: each finds its page; a printed
    code finds its modality first (grids and records are left out, as from the theme's index); a
    phrase, a page that holds it; a word with or without its accent or its apostrophe's curl, the
    same pages."""
    with serving(chunked.site) as address:
        results = _pagefind_results(browser, address, [*QUERIES, *PHRASES], "seed")
    missing = {
        q: results[q] for q, expected in QUERIES.items() if expected and f"seed/{expected}" not in results[q]
    }
    assert not missing, missing
    for query, expected in QUERIES.items():
        if re.fullmatch(r"E\d\.\d", query):
            assert results[query][0] == f"seed/{expected}", (query, results[query])
    wrong = _misranked(chunked, results, PHRASES)
    assert not wrong, wrong
    for one, other in [
        ("expérience", "experience"),
        ("stratégie", "strategie"),
        ("d'influence", "d’influence"),
        ("s'appuie", "s’appuie"),
    ]:
        assert results[one] and set(results[one]) == set(results[other]), (one, other)


def test_chunked_search_finds_french_words_without_accents(chunked: Build, browser) -> None:  # type: ignore[no-untyped-def]
    """« lumiere » finds the pages that say « lumière », and each result's link leads to a built page."""
    with serving(chunked.site) as address:
        page = browser.new_page(viewport={"width": 390, "height": 800})
        try:
            # From any page, on a phone, the header's magnifier opens the search page.
            page.goto(address + "seed/competences/C1.1/")
            page.click('header a[aria-label="Rechercher dans le catalogue"]')
            page.wait_for_url("**/recherche/")
            page.fill(".pagefind-ui__search-input", "conduite lumiere")
            page.wait_for_selector(".pagefind-ui__result-link")
            links = page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.href)")
            text = page.inner_text(".pagefind-ui__results")
            # A search can be linked to: « recherche/?q=… » opens with its results.
            page.goto(address + "recherche/?q=conduite%20lumiere")
            page.wait_for_selector(".pagefind-ui__result-link")
            linked = page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.href)")
        finally:
            page.close()
    assert "lumière" in text.lower()
    assert linked == links
    # Each result names its référentiel: every référentiel has a « Traçabilité » page.
    assert "— RNCP35625" in text
    assert links
    for link in links:
        path = link.split("/", 3)[3].split("#")[0]
        assert (chunked.site / path / "index.html").is_file() or (chunked.site / path).is_file(), link


@pytest.mark.parametrize("path", ["recherche/?q=lumiere", "seed/competences/C1.1/"])
def test_chunked_search_page_and_header_button_pass_axe(chunked: Build, browser, path: str) -> None:  # type: ignore[no-untyped-def]
    """Pagefind's search page, results and filter shown, and a page with the header's search
    button pass every axe-core rule."""
    with serving(chunked.site) as address:
        page = browser.new_page(viewport={"width": 390, "height": 844})
        try:
            page.goto(address + path)
            if path.startswith("recherche"):
                page.wait_for_selector(".pagefind-ui__result-link")
            passed, violations = axe_report(page)
        finally:
            page.close()
    assert passed
    assert not violations, "\n".join(violations)


@pytest.mark.xfail(strict=True, reason="a page whose title holds one of the words comes first")
def test_chunked_search_known_misranked_phrases(chunked: Build, browser) -> None:  # type: ignore[no-untyped-def]
    """The phrases Pagefind still ranks wrong (see french_queries)."""
    with serving(chunked.site) as address:
        results = _pagefind_results(browser, address, MISRANKED_BY_PAGEFIND, "seed")
    wrong = _misranked(chunked, results, MISRANKED_BY_PAGEFIND)
    assert not wrong, wrong


def test_chunked_search_shows_a_hostile_title_as_text(chunked: Build, browser) -> None:  # type: ignore[no-untyped-def]
    """A title that looks like markup is written as text into the pages' search labels, and the
    results show it as written, without running it."""
    for page in chunked.site.rglob("*.html"):
        assert "<img src=x" not in page.read_text(encoding="utf-8"), page
    with serving(chunked.site) as address:
        page = browser.new_page()
        alerts: list[str] = []
        page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
        try:
            page.goto(address + "recherche/?q=" + "Ancien titre")
            page.wait_for_selector(".pagefind-ui__result-link")
            titles = page.inner_text(".pagefind-ui__results")
            images = page.eval_on_selector_all(".pagefind-ui__results img", "els => els.length")
        finally:
            page.close()
    assert HOSTILE_TITLE.split(" {{")[0] in titles
    assert not images and not alerts
