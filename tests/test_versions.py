"""Earlier versions on the site: a page per step, each item's history, and old addresses that answer."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from htmltext import article_text
from sitebuild import DATA, Build, build, minimal_site

from referentiel import load_referentiel, parse_referentiel
from referentiel.site import generate_pages
from referentiel.site.urls import url_of
from referentiel.versions import Version, history

RENAMED = (
    DATA.read_text(encoding="utf-8")
    .replace("      - id: C1.2\n", "      - id: C1.20\n")
    .replace("C1.2, C1.3", "C1.20, C1.3")
    .replace("id: C1.2-1", "id: C1.20-1")
    .replace("id: C1.2-2", "id: C1.20-2")
    .replace("  - id: B4\n", "  - id: B04\n")
    .replace("Réaliser un audit stratégique", "Réaliser un diagnostic stratégique")
)


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A copy of the seed with a competence and a bloc re-coded and a text reworded, built with
    the seed declared as its earlier version « 2023 »."""
    folder = tmp_path_factory.mktemp("versions")
    shutil.copy(DATA, folder / "ancien.yaml")
    options = {"versions": "[{nom: '2023', fichier: ancien.yaml}]", "version_actuelle": "'2026'"}
    result = build(minimal_site(folder, RENAMED, options))
    assert result.returncode == 0, result.output
    return result


def test_every_old_address_still_answers(renamed_site: Build) -> None:
    """Every page the seed's site had exists in the renamed site: no old link ends on a 404."""
    old = load_referentiel(DATA)
    addresses = [url_of(page.src_uri, True) for page in generate_pages(old)]
    assert len(addresses) > 50
    missing = [a for a in addresses if not (renamed_site.site / a / "index.html").is_file()]
    assert not missing, missing


def test_old_address_says_where_the_item_went(renamed_site: Build) -> None:
    """The old competence and bloc addresses name the new ID, with links, and quote the old text."""
    text = article_text(renamed_site.page("competences/C1.2"))
    assert "C1.2 n'existe plus" in text
    assert "Cet identifiant (compétence) est devenu C1.20 (De « 2023 » à « 2026 »)." in text
    assert load_referentiel(DATA).competence("C1.2").texte in text
    html = renamed_site.page("competences/C1.2")
    assert 'href="../C1.20/"' in html and 'href="../../versions/2023-2026/"' in html
    assert "est devenu B04" in article_text(renamed_site.page("blocs/B4"))
    assert "est devenu B04" in article_text(renamed_site.page("proces-verbaux/B4"))


def test_old_addresses_stay_out_of_the_navigation(renamed_site: Build) -> None:
    """The old addresses answer but are not listed in the navigation."""
    nav = renamed_site.page("competences/C1.20")
    nav = nav[nav.index('<nav class="md-nav md-nav--primary"') : nav.index("md-sidebar--secondary")]
    assert 'href="../C1.2/"' not in nav
    assert "../../versions/2023-2026/" in nav


def test_step_page_tells_every_change(renamed_site: Build) -> None:
    """The step's page counts the changes and shows reworded texts word by word."""
    html = renamed_site.page("versions/2023-2026")
    assert "<del>audit</del> <ins>diagnostic</ins>" in html
    text = article_text(html)
    assert "C1.2 → C1.20 — renommé" in text
    assert "B4 → B04 — renommé" in text
    assert "C1.2-1 → C1.20-1 — renommé" in text
    assert "déplacé" not in text  # the criteria and competences of a re-coded parent have not moved


def test_item_pages_show_their_history(renamed_site: Build) -> None:
    """A changed item's page links to the version where it changed, with its former ID."""
    text = article_text(renamed_site.page("competences/C1.20"))
    assert "Historique De « 2023 » à « 2026 » : renommé (auparavant C1.2)" in text
    assert "De « 2023 » à « 2026 » : modifié" in article_text(renamed_site.page("competences/C1.1"))
    assert "Historique" not in article_text(renamed_site.page("competences/C1.3"))


def test_renames_are_followed_through_versions() -> None:
    """An ID renamed twice points at its current name; one removed later points nowhere."""
    first = load_referentiel(DATA)
    second = parse_referentiel(RENAMED)
    third = parse_referentiel(
        RENAMED.replace("id: C1.20\n", "id: C1.200\n").replace("C1.20, C1.3", "C1.200, C1.3")
    )
    found = history([Version("1", first), Version("2", second), Version("3", third)])
    gone = {(g.kind, g.id): g.now for g in found.gone}
    assert gone[("competence", "C1.2")] == "C1.200"
    assert gone[("competence", "C1.20")] == "C1.200"
    assert [step.newer.nom for step, _ in found.changes_of("C1.200")] == ["2", "3"]


def test_a_git_revision_is_a_version(tmp_path: Path) -> None:
    """``revision:`` reads the YAML as a git revision had it."""
    config = minimal_site(tmp_path)
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "referentiel.yaml"], check=True)
    subprocess.run([*git, "commit", "-qm", "v1"], check=True)
    subprocess.run([*git, "tag", "v1"], check=True)
    (tmp_path / "referentiel.yaml").write_text(RENAMED, encoding="utf-8")
    text = config.read_text(encoding="utf-8").replace(
        "      source: referentiel.yaml\n",
        "      source: referentiel.yaml\n      versions: [{nom: v1, revision: v1}]\n",
    )
    config.write_text(text, encoding="utf-8")
    result = build(config)
    assert result.returncode == 0, result.output
    assert "est devenu C1.20" in article_text(result.page("competences/C1.2"))


@pytest.mark.parametrize(
    ("versions", "message"),
    [
        ("[{nom: a, fichier: x.yaml, revision: v1}]", "donnez soit « fichier », soit « revision »"),
        ("[{nom: a, fichier: absent.yaml}]", "le fichier « absent.yaml » n'existe pas"),
        ("[{nom: a, fichir: x.yaml}]", "option inconnue « fichir ». Vouliez-vous dire « fichier » ?"),
        ("[{fichier: x.yaml}]", "« nom » (le nom de la version, par exemple 2021) manque"),
        ("[{nom: a, revision: inexistante}]", "Version « a » illisible"),
        ("[{nom: a, fichier: x.yaml}, {nom: a, fichier: x.yaml}]", "deux versions portent le même nom : a"),
    ],
)
def test_bad_versions_are_named(tmp_path: Path, versions: str, message: str) -> None:
    """A wrong ``versions`` option fails the build with a French message, no traceback."""
    shutil.copy(DATA, tmp_path / "x.yaml")
    result = build(minimal_site(tmp_path, options={"versions": versions}))
    assert result.returncode != 0
    assert message in result.output, result.output
    assert "Traceback" not in result.output
