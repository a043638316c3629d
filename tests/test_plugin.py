"""The ``referentiel`` plugin from a minimal ``mkdocs.yml``: typed options, macros, and what it brings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from htmltext import article_text
from sitebuild import DATA, MINIMAL_CONFIG, Build, build, minimal_site

MACRO_PAGE = """\
---
render_macros: true
title: Macros
---

# Une page écrite à la main

{{ competence("C1.1") }}

{{ modalite("E1") }}

{{ bloc("B1") }}

Voir {{ lien("C2.1") }}, et {{ lien("E1", "<script>alert(1)</script> *étoile*") }}.
"""


def _build_plain(config: Path) -> subprocess.CompletedProcess[str]:
    """``mkdocs build`` without ``--strict``: option errors must fail it all the same."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(config.parent / "site")],
        capture_output=True,
        text=True,
        env=env,
        cwd=config.parent,
    )


@pytest.fixture(scope="module")
def macro_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A minimal site with a hand-written page that quotes the référentiel through every macro."""
    config = minimal_site(tmp_path_factory.mktemp("macros"))
    (config.parent / "docs" / "macros.md").write_text(MACRO_PAGE, encoding="utf-8")
    result = build(config)
    assert result.returncode == 0, result.output
    return result


@pytest.mark.parametrize(
    ("option", "expected"),
    [
        ("sourse: referentiel.yaml", "option inconnue. Vouliez-vous dire « source » ?"),
        ("export_oficiel: export.xml", "Vouliez-vous dire « export_officiel » ?"),
        ("source: absent.yaml", "le fichier « absent.yaml » n'existe pas"),
        ("date_export: '2026-02-30'", "« 2026-02-30 » n'est pas une date du calendrier"),
        ("date_export: hier", "« hier » n'est pas une date du calendrier"),
        ("export_officiel: docs", "le fichier « docs » est un dossier"),
    ],
)
def test_a_wrong_option_fails_the_build_in_french(tmp_path: Path, option: str, expected: str) -> None:
    """A misspelt option, a missing file or an impossible date stops even a non-strict build, named."""
    config = minimal_site(tmp_path)
    text = config.read_text(encoding="utf-8").replace(
        "      source: referentiel.yaml\n", f"      source: referentiel.yaml\n      {option}\n"
    )
    if option.startswith("source:"):
        text = text.replace("      source: referentiel.yaml\n", "", 1)
    config.write_text(text, encoding="utf-8")
    result = _build_plain(config)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert expected in output, output
    assert option.split(":")[0] in output
    assert "Traceback" not in output
    assert not (tmp_path / "site" / "index.html").exists()


def test_the_old_extra_settings_are_refused(tmp_path: Path) -> None:
    """Settings left under ``extra.referentiel`` fail with a French message saying where they go."""
    config = minimal_site(tmp_path, extra="extra:\n  referentiel:\n    source: autre.yaml\n")
    result = build(config)
    assert result.returncode != 0
    assert "`extra.referentiel` de mkdocs.yml ne sont plus lus" in result.output
    assert "Traceback" not in result.output


def test_another_theme_is_refused(tmp_path: Path) -> None:
    """The templates extend Material's: another theme is named in a French error."""
    config = minimal_site(tmp_path)
    config.write_text(config.read_text(encoding="utf-8").replace("name: material", "name: mkdocs"))
    result = build(config)
    assert result.returncode != 0
    assert "demande le thème material" in result.output and "« mkdocs »" in result.output


def test_the_package_brings_templates_and_style_sheets(macro_site: Build) -> None:
    """With nothing but ``mkdocs.yml``, a YAML and a home page, the site has the package's style
    sheets, its French « page introuvable », its named search dialog and the navigation of blocs."""
    assert (macro_site.site / "assets" / "referentiel.css").is_file()
    assert (macro_site.site / "assets" / "grilles.css").is_file()
    html = macro_site.page("competences/C1.1")
    assert 'href="../../assets/referentiel.css"' in html and 'href="../../assets/grilles.css"' in html
    assert 'role="dialog" aria-label="Recherche"' in html  # the package's search partial
    assert "Page introuvable" in (macro_site.site / "404.html").read_text(encoding="utf-8")
    assert "<title>Compétence C1.1" in html
    assert 'href="../../blocs/B1/"' in html


def test_macros_quote_the_referentiel(macro_site: Build) -> None:
    """``competence``, ``modalite``, ``bloc`` and ``lien`` put the référentiel's own words and links
    into a hand-written page."""
    from referentiel import load_referentiel

    referentiel = load_referentiel(DATA)
    html = macro_site.page("macros")
    text = article_text(html)
    competence = referentiel.competence("C1.1")
    assert competence.texte in text
    for criterion in competence.criteres:
        assert criterion.texte in text
    modality = referentiel.modality("E1")
    assert modality.intitule in text and "Mise en situation" in text
    assert 'href="../modalites/E1/"' in html and 'href="../grilles/E1/"' in html
    assert '<table class="referentiel-table"' in html
    assert all(c.id in text for c in referentiel.bloc("B1").competences)
    assert 'href="../competences/C2.1/">C2.1</a>' in html


def test_macro_text_stays_text(macro_site: Build) -> None:
    """Text given to a macro is escaped: no script element, no emphasis."""
    html = macro_site.page("macros")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; *étoile*" in html


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ('{{ competence("C9.9") }}', "competence() : aucune compétence n'a l'identifiant « C9.9 »"),
        ('{{ competence("B1") }}', "competence() : aucune compétence n'a l'identifiant « B1 »"),
        ('{{ lien("X1") }}', "lien() : aucun élément n'a l'identifiant « X1 »"),
        ('{{ modalite("C1.1") }}', "modalite() : aucune modalité n'a l'identifiant « C1.1 »"),
        ('{{ bloc("B99") }}', "bloc() : aucun bloc n'a l'identifiant « B99 »"),
    ],
)
def test_an_unknown_id_fails_with_page_and_line(tmp_path: Path, call: str, message: str) -> None:
    """An ID the référentiel lacks, or of another kind, fails the build with the page and the line
    of the file (front matter counted), every mistake of the page listed, and no traceback."""
    config = minimal_site(tmp_path)
    page = f"---\nrender_macros: true\n---\n\n# Page\n\n{{{{ lien('C1.1') }}}}\n\nTexte {call}\n\n{call}\n"
    (tmp_path / "docs" / "etude.md").write_text(page, encoding="utf-8")
    result = build(config)
    assert result.returncode != 0
    assert "Macros du référentiel dans etude.md" in result.output, result.output
    assert f"ligne 9 : {message}" in result.output
    assert f"ligne 11 : {message}" in result.output
    assert "Traceback" not in result.output


def test_macros_without_the_plugin_say_so(tmp_path: Path) -> None:
    """The macros module alone (no ``referentiel`` plugin) fails with a French message."""
    config = minimal_site(tmp_path)
    text = MINIMAL_CONFIG.format(options="").replace("  - referentiel:\n      source: referentiel.yaml\n", "")
    config.write_text(text, encoding="utf-8")
    result = build(config)
    assert result.returncode != 0
    assert "demandent le greffon « referentiel »" in result.output
