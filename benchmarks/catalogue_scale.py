"""Build time, peak memory, output per page and search payload of catalogues of 1 to 200 référentiels.

The catalogues are made by renumbering the four fixture fiches and the seed. Each build runs in
its own process (``mkdocs build``), whose peak resident memory is read from ``wait4``. Beside
each, plain MkDocs builds the same pages written out as Markdown, with the same navigation in
sections and the theme's ``navigation.prune`` (without them every page would carry the whole
catalogue's menu), and the theme's search.

    .venv/bin/python benchmarks/catalogue_scale.py [1 10 50 200]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
EXPORT = PROJECT / "tests" / "fixtures" / "rncp" / "export_fiches_RNCP_V4_1_extrait.xml"
SEED = PROJECT / "data" / "referentiel.yaml"
FICHES = ["RNCP34762", "RNCP35625", "RNCP36612", "RNCP37674"]

CONFIG = """\
site_name: Catalogue
theme:
  name: material
  language: fr
  features: [navigation.path, navigation.indexes, navigation.prune]
plugins:
  - search:
      lang: fr
  - referentiel:
      source: referentiels
"""


def bases(folder: Path) -> list[tuple[str | None, str]]:
    """(number or None, YAML text) of the four fixture fiches and the seed."""
    from referentiel.cli import main

    main(["import", str(EXPORT), "--toutes", "--sortie", str(folder)])
    texts: list[tuple[str | None, str]] = [
        (n, (folder / f"{n}.yaml").read_text(encoding="utf-8")) for n in FICHES
    ]
    return [*texts, (None, SEED.read_text(encoding="utf-8"))]


def catalogue(folder: Path, size: int, sources: list[tuple[str | None, str]], search: str = "auto") -> Path:
    (folder / "referentiels").mkdir(parents=True)
    (folder / "docs").mkdir()
    for index in range(size):
        number, text = sources[index % len(sources)]
        if number is None:
            (folder / "referentiels" / f"seed-{index}.yaml").write_text(text, encoding="utf-8")
        else:
            renumbered = f"RNCP{90000 + index}"
            (folder / "referentiels" / f"{renumbered}.yaml").write_text(
                text.replace(number, renumbered), encoding="utf-8"
            )
    config = folder / "mkdocs.yml"
    config.write_text(CONFIG + f"      recherche: {search}\n", encoding="utf-8")
    return config


PLAIN_FEATURES = ["navigation.path", "navigation.indexes", "navigation.prune"]


def plain_catalogue(source: Path, folder: Path) -> Path:
    """The catalogue of ``source``'s référentiels as Markdown pages and a ``mkdocs.yml`` with no
    plugin but the theme's search."""
    from referentiel.catalogue import load_catalogue
    from referentiel.checks import run_checks
    from referentiel.plugin.catalogue import catalogue_nav
    from referentiel.scaffold.static_site import MARKDOWN_EXTENSIONS
    from referentiel.site.assets import SHEETS_CSS, SITE_CSS
    from referentiel.site.catalogue import catalogue_contents

    catalogue = load_catalogue(source)
    findings = {entry.slug: run_checks(entry.referentiel) for entry in catalogue.entries}
    contents = catalogue_contents(catalogue, findings)
    docs = folder / "docs"
    for page in contents.pages:
        (docs / page.src_uri).parent.mkdir(parents=True, exist_ok=True)
        (docs / page.src_uri).write_text(page.content, encoding="utf-8")
    for path, data in contents.files.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            (docs / path).write_text(data, encoding="utf-8")
        else:
            (docs / path).write_bytes(data)
    config = {
        "site_name": "Catalogue",
        "theme": {"name": "material", "language": "fr", "features": PLAIN_FEATURES},
        "plugins": [{"search": {"lang": "fr"}}],
        "markdown_extensions": MARKDOWN_EXTENSIONS,
        "extra_css": [SITE_CSS, SHEETS_CSS],
        "nav": catalogue_nav([], contents.sections, False),
    }
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def measure(config: Path) -> tuple[float, float]:
    """(seconds, peak MB) of ``mkdocs build`` on ``config``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=config.parent, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"échec de la construction de {config}")
    return elapsed, usage.ru_maxrss / 1024


def site_figures(site: Path) -> tuple[int, float, float]:
    """(pages, KB of HTML per page, MB of the theme's search index) of a built site."""
    pages = list(site.rglob("*.html"))
    html_bytes = sum(p.stat().st_size for p in pages)
    index = site / "search" / "search_index.json"
    search = index.stat().st_size / 1e6 if index.exists() else 0.0
    return len(pages), html_bytes / len(pages) / 1024, search


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1, 10, 50, 200]
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        sources = bases(root / "fiches")
        print(
            "référentiels  pages  temps (s)  ms/page  mémoire (Mo)  Ko/page  index (Mo)"
            "  |  MkDocs seul : temps (s)  ms/page  mémoire (Mo)  Ko/page  index (Mo)"
        )
        for size in sizes:
            config = catalogue(root / f"c{size}", size, sources)
            seconds, peak = measure(config)
            pages, per_page, search = site_figures(config.parent / "site")
            plain = plain_catalogue(config.parent / "referentiels", root / f"plain{size}")
            plain_seconds, plain_peak = measure(plain)
            plain_pages, plain_per_page, plain_search = site_figures(plain.parent / "site")
            print(
                f"{size:>12}  {pages:>5}  {seconds:>9.1f}  {1000 * seconds / pages:>7.1f}  "
                f"{peak:>12.0f}  {per_page:>7.1f}  {search:>10.1f}  |  "
                f"{plain_seconds:>22.1f}  {1000 * plain_seconds / plain_pages:>7.1f}  {plain_peak:>12.0f}  "
                f"{plain_per_page:>7.1f}  {plain_search:>10.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
