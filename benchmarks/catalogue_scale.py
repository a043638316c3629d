"""Build time, peak memory, output per page and search payload of catalogues of 1 to 200 référentiels.

The catalogues are made by renumbering the four fixture fiches and the seed. Each build runs in
its own process (``mkdocs build``), whose peak resident memory is read from ``wait4``.

    .venv/bin/python benchmarks/catalogue_scale.py [1 10 50 200]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1, 10, 50, 200]
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        sources = bases(root / "fiches")
        print("référentiels  pages  temps (s)  ms/page  mémoire (Mo)  Ko/page  index de recherche (Mo)")
        for size in sizes:
            config = catalogue(root / f"c{size}", size, sources)
            seconds, peak = measure(config)
            site = config.parent / "site"
            pages = list(site.rglob("*.html"))
            html_bytes = sum(p.stat().st_size for p in pages)
            index = site / "search" / "search_index.json"
            search = index.stat().st_size / 1e6 if index.exists() else 0.0
            print(
                f"{size:>12}  {len(pages):>5}  {seconds:>9.1f}  {1000 * seconds / len(pages):>7.1f}  "
                f"{peak:>12.0f}  {html_bytes / len(pages) / 1024:>7.1f}  {search:>22.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
