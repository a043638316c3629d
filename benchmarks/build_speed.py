"""Build time of the site against a plain MkDocs build of the same pages.

The plain build gets the very pages the hook generates (and the home page with its
macros already expanded), written out as Markdown files, with the same theme, extensions
and navigation, but no hook and no macros plugin. Both run as ``mkdocs build`` in a
fresh process, alternately, so that caches and machine load affect them alike.

    .venv/bin/python benchmarks/build_speed.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
import yaml

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))  # the macros module
sys.path.insert(0, str(PROJECT / "tests"))  # the project copy the tests build from

from sitebuild import copy_project  # noqa: E402

from referentiel import load_referentiel, parse_referentiel  # noqa: E402
from referentiel.export.formats import FORMATS, export_contents  # noqa: E402
from referentiel.site import generate_pages, navigation  # noqa: E402
from referentiel.site.assets import SHEETS_CSS, sheets_css  # noqa: E402
from referentiel.site.urls import download_file  # noqa: E402

OURS = "site du référentiel (hook + macros)"
PLAIN = "MkDocs seul, mêmes pages"
PLAIN_MACROS = "MkDocs seul + extension macros"


def expanded_home(config: dict[str, Any]) -> str:
    """The home page as the macros plugin renders it, through the project's own macros."""
    import macros

    registered: dict[str, Any] = {}
    env = SimpleNamespace(
        conf=config,
        page=SimpleNamespace(file=SimpleNamespace(src_uri="index.md")),
        macro=lambda f: registered.setdefault(f.__name__, f),
    )
    macros.define_env(env)
    text = (PROJECT / "docs" / "index.md").read_text(encoding="utf-8")
    body = text.split("---\n", 2)[2]
    return jinja2.Template(body).render(**registered)


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it with no variable set: « !ENV [NAME, default] » is the default."""


_ConfigLoader.add_constructor(
    "!ENV",
    lambda loader, node: loader.construct_sequence(node)[-1] if isinstance(node, yaml.SequenceNode) else None,
)


def plain_copy(root: Path) -> Path:
    """The same pages (and published files) as static Markdown, built by MkDocs and Material alone."""
    target = root / "plain"
    config = yaml.load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    config["config_file_path"] = str(PROJECT / "mkdocs.yml")
    referentiel = load_referentiel(PROJECT / "data" / "referentiel.yaml")
    docs = target / "docs"
    shutil.copytree(PROJECT / "docs", docs)
    shutil.copytree(PROJECT / "overrides", target / "overrides")
    (docs / "index.md").write_text(expanded_home({**config, "use_directory_urls": True}), encoding="utf-8")
    downloads = export_contents(referentiel, list(FORMATS))
    for page in generate_pages(referentiel, use_directory_urls=True, downloads=downloads):
        path = docs / page.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.content, encoding="utf-8")
    for name, data in downloads.items():
        (docs / download_file(name)).write_bytes(data)
    (docs / SHEETS_CSS).write_text(sheets_css(), encoding="utf-8")
    config["extra_css"] = [*config["extra_css"], SHEETS_CSS]
    config["plugins"] = [{"search": {"lang": "fr"}}]
    for key in ("hooks", "watch", "config_file_path"):
        config.pop(key, None)
    config["nav"] = navigation(referentiel, before=[{"Accueil": "index.md"}], after=[])
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return target


def plain_with_macros_plugin(root: Path, plain: Path) -> Path:
    """The plain build plus the macros plugin alone (nothing left for it to render)."""
    target = root / "plain-macros"
    shutil.copytree(plain, target)
    shutil.copytree(PROJECT / "macros", target / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    config = yaml.load((target / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    config["plugins"].append({"macros": {"module_name": "macros", "render_by_default": False}})
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return target


def timed_build(project: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml")],
        check=True,
        env=env,
        cwd=project,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        plain = plain_copy(root)
        projects = {
            OURS: copy_project(root / "projet"),
            PLAIN: plain,
            PLAIN_MACROS: plain_with_macros_plugin(root, plain),
        }
        pages = len(list((plain / "docs").rglob("*.md")))
        for project in projects.values():
            timed_build(project)  # warm the file cache
        times: dict[str, list[float]] = {name: [] for name in projects}
        for _ in range(args.runs):
            for name, project in projects.items():
                times[name].append(timed_build(project))

    print(f"{pages} pages, {args.runs} constructions de chaque, processus neufs")
    for name, values in times.items():
        print(
            f"  {name:38} médiane {statistics.median(values):.3f} s"
            f"  (min {min(values):.3f}, max {max(values):.3f})"
        )
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(f"  rapport site / MkDocs seul : {medians[OURS] / medians[PLAIN]:.3f} (objectif : au plus 1,2)")
    print(
        "  rapport MkDocs + extension macros seule / MkDocs seul : "
        f"{medians[PLAIN_MACROS] / medians[PLAIN]:.3f}"
    )
    print_domain_costs()


def print_domain_costs() -> None:
    """What the référentiel itself costs inside a build: parsing, checking, rendering."""
    text = (PROJECT / "data" / "referentiel.yaml").read_text(encoding="utf-8")
    start = time.perf_counter()
    for _ in range(20):
        referentiel = parse_referentiel(text)
    loading = (time.perf_counter() - start) / 20
    start = time.perf_counter()
    for _ in range(20):
        generate_pages(referentiel)
    rendering = (time.perf_counter() - start) / 20
    print(
        f"  dont lecture et contrôle du YAML : {loading * 1000:.1f} ms, "
        f"génération des pages : {rendering * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
