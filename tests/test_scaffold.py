"""``referentiel nouveau`` (a new site that builds at once, from the package alone) and
``referentiel pages`` (the generated site as plain files, built by MkDocs without the plugin)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import DATA, PROJECT, Build, build
from test_import import EXPORT, FICHES

from referentiel.cli import main


def _run(command: list[str | Path], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    # Nothing of this repository on the path: the separate environment sees only what it installed.
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    return subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, cwd=cwd or Path.cwd(), env=env
    )


@pytest.fixture(scope="session")
def package_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A separate virtual environment where the package, built as a wheel, is installed with what a
    site needs, and nothing else: no ``macros/``, no templates, no CSS from this repository."""
    root = tmp_path_factory.mktemp("paquet")
    wheels = root / "wheels"
    done = _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", wheels, PROJECT])
    assert done.returncode == 0, done.stderr
    (wheel,) = wheels.glob("referentiel_rncp-*.whl")
    done = _run([sys.executable, "-m", "venv", root / "env"])
    assert done.returncode == 0, done.stderr
    bin_dir = root / "env" / "bin"
    done = _run([bin_dir / "pip", "install", "-q", "-c", PROJECT / "constraints.txt", f"{wheel}[site]"])
    assert done.returncode == 0, done.stderr
    where = _run([bin_dir / "python", "-c", "import referentiel; print(referentiel.__file__)"], cwd=root)
    assert str(root / "env") in where.stdout and str(PROJECT) not in where.stdout, where.stdout
    return bin_dir


@pytest.mark.parametrize("number", FICHES)
def test_a_new_site_from_each_fixture_fiche_builds_with_the_package_alone(
    package_only: Path, tmp_path: Path, number: str
) -> None:
    """``referentiel nouveau --fiche N --export E`` then ``mkdocs build --strict``, both from the
    separate environment: the site builds at once, its home page quotes the fiche through the macros."""
    folder = tmp_path / "site-neuf"
    made = _run(
        [package_only / "referentiel", "nouveau", folder, "--fiche", number, "--export", EXPORT]
        + ["--date-export", "2026-08-16"]
    )
    assert made.returncode == 0, made.stderr
    assert {p.name for p in folder.iterdir()} == {"mkdocs.yml", "data", "docs", "README.md", ".gitignore"}
    built = _run([package_only / "mkdocs", "build", "--strict"], cwd=folder)
    assert built.returncode == 0, built.stdout + built.stderr
    home = (folder / "site" / "index.html").read_text(encoding="utf-8")
    assert f"<li><strong>Numéro de fiche RNCP</strong> : {number}</li>" in home
    assert "{{" not in home
    assert (folder / "site" / "assets" / "referentiel.css").is_file()
    assert re.search(r'href="blocs/[^"]+/"', home), "the home page lists the blocs with their links"


def test_a_new_site_from_a_yaml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--depuis`` copies the YAML word for word and the site builds strictly; its README says how."""
    folder = tmp_path / "site"
    assert main(["nouveau", str(folder), "--depuis", str(DATA)]) == 0
    assert (folder / "data" / "referentiel.yaml").read_bytes() == DATA.read_bytes()
    assert "mkdocs serve" in (folder / "README.md").read_text(encoding="utf-8")
    result = build(folder / "mkdocs.yml")
    assert result.returncode == 0, result.output
    assert "Manager des stratégies communication marketing" in result.page("")


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (["--depuis", "absent.yaml"], 1, "absent.yaml : fichier introuvable"),
        (["--fiche", "RNCP37674"], 2, "--fiche et --export vont ensemble"),
        (["--depuis", "x.yaml", "--fiche", "RNCP1"], 2, "incompatible avec"),
        ([], 2, "l'un des arguments --depuis --fiche est obligatoire"),
        (["--fiche", "RNCP99999", "--export", str(EXPORT)], 2, "introuvable(s) dans l'export : RNCP99999"),
    ],
)
def test_nouveau_refuses_bad_arguments(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    status: int,
    message: str,
) -> None:
    """Bad origins end with a French message, an exit status, and no folder made."""
    folder = tmp_path / "site"
    monkeypatch.chdir(tmp_path)
    try:
        code = main(["nouveau", str(folder), *args])
    except SystemExit as exit:
        code = int(exit.code or 0)
    assert code == status
    assert message in capsys.readouterr().err
    assert not folder.exists()


def test_nouveau_keeps_an_existing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A folder that already holds something is left as it is."""
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "notes.txt").write_text("à garder", encoding="utf-8")
    assert main(["nouveau", str(folder), "--depuis", str(DATA)]) == 1
    assert "existe déjà et n'est pas un dossier vide" in capsys.readouterr().err
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


def test_nouveau_refuses_a_referentiel_that_would_not_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A référentiel that breaks a France Compétences rule is reported, and no site is written."""
    broken = tmp_path / "casse.yaml"
    text = DATA.read_text(encoding="utf-8")
    broken.write_text(re.sub(r"(?m)^  niveau: 7$", "  niveau: 9", text, count=1), encoding="utf-8")
    assert main(["nouveau", str(tmp_path / "site"), "--depuis", str(broken)]) == 1
    captured = capsys.readouterr()
    assert "enfreint des règles de France compétences" in captured.err
    assert "niveau" in captured.out.lower()
    assert not (tmp_path / "site").exists()


@pytest.fixture(scope="module")
def plain_pages(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Build]:
    """``referentiel pages`` of the seed, built by MkDocs with no plugin but search."""
    folder = tmp_path_factory.mktemp("pages")
    assert main(["pages", str(DATA), "--sortie", str(folder), "--remplacer"]) == 0
    result = build(folder / "mkdocs.yml")
    assert result.returncode == 0, result.output
    return folder, result


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The same référentiel as a new site built through the plugin."""
    folder = tmp_path_factory.mktemp("greffon") / "site"
    assert main(["nouveau", str(folder), "--depuis", str(DATA)]) == 0
    result = build(folder / "mkdocs.yml")
    assert result.returncode == 0, result.output
    return result


def _article(html: str) -> str:
    return html[html.index("<article") : html.index("</article>")]


def _nav(html: str) -> str:
    start = html.index('<nav class="md-nav md-nav--primary"')
    return html[start : html.index("md-sidebar--secondary", start)]


def test_plain_pages_need_no_plugin(plain_pages: tuple[Path, Build]) -> None:
    """The written ``mkdocs.yml`` names no plugin but search, no hook and no macros."""
    config = (plain_pages[0] / "mkdocs.yml").read_text(encoding="utf-8")
    assert "referentiel:" not in config and "macros" not in config and "hooks" not in config
    assert "plugins:\n- search:\n    lang: fr\n" in config


def test_plain_pages_build_the_same_site(plain_pages: tuple[Path, Build], plugin_site: Build) -> None:
    """Plain MkDocs on the written pages gives the plugin's set of pages, and each generated page
    has the same article and the same navigation."""
    plain = plain_pages[1].site
    ours = plugin_site.site
    plain_set = {
        p.relative_to(plain) for p in plain.rglob("*") if p.is_file() and p.name != "search_index.json"
    }
    our_set = {p.relative_to(ours) for p in ours.rglob("*") if p.is_file() and p.name != "search_index.json"}
    assert plain_set == our_set
    pages = sorted(p for p in our_set if p.suffix == ".html" and p.parts[0] not in ("index.html", "404.html"))
    assert len(pages) > 50
    for page in pages:
        mine = (ours / page).read_text(encoding="utf-8")
        theirs = (plain / page).read_text(encoding="utf-8")
        assert _article(mine) == _article(theirs), page
        assert _nav(mine) == _nav(theirs), page


def test_plain_pages_refuse_to_overwrite(
    plain_pages: tuple[Path, Build], capsys: pytest.CaptureFixture[str]
) -> None:
    """Without ``--remplacer``, written files are kept and named."""
    folder = plain_pages[0]
    before = (folder / "mkdocs.yml").read_bytes()
    assert main(["pages", str(DATA), "--sortie", str(folder)]) == 1
    assert "existe déjà (ajoutez --remplacer pour l'écraser)" in capsys.readouterr().err
    assert (folder / "mkdocs.yml").read_bytes() == before
