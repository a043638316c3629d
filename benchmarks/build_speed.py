"""Build time of a référentiel site against a plain MkDocs build of the same pages.

For the seed, and for a référentiel made of the seed's blocs repeated (``--copies``):

- « greffon + macros »: the site ``referentiel nouveau`` writes, built through the plugin, with
  mkdocs-macros rendering its home page;
- « greffon seul »: the same without mkdocs-macros (its home page written out), which isolates the
  plugin's own cost;
- « MkDocs seul »: what ``referentiel pages`` writes, the very same pages as files, built by
  MkDocs and Material with no plugin but search;
- « MkDocs seul + macros »: that, plus the mkdocs-macros plugin with nothing to render: its fixed cost.

Each runs as ``mkdocs build`` in a fresh process, in turn, so that caches and machine load
affect them alike.

    .venv/bin/python benchmarks/build_speed.py [--runs 7] [--copies 20]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from replicated import SEED, replicated_referentiel

from referentiel import parse_referentiel
from referentiel.checks import run_checks
from referentiel.scaffold import new_site, static_site
from referentiel.scaffold.home import home_rendered
from referentiel.site import generate_pages

OURS = "greffon + macros"
PLUGIN_ONLY = "greffon seul"
PLAIN = "MkDocs seul, mêmes pages"
PLAIN_MACROS = "MkDocs seul + macros"


def sites(root: Path, text: str) -> dict[str, Path]:
    """The four builds of one référentiel, each as its ``mkdocs.yml``."""
    referentiel = parse_referentiel(text)
    ours = root / "greffon"
    new_site(ours, text)
    plugin_only = root / "greffon-seul"
    new_site(plugin_only, text)
    config = plugin_only / "mkdocs.yml"
    kept = config.read_text(encoding="utf-8").split("  # Les macros du référentiel")[0]
    config.write_text(kept + "\nmarkdown_extensions:\n  - toc:\n      permalink: true\n", encoding="utf-8")
    (plugin_only / "docs" / "index.md").write_text(home_rendered(referentiel), encoding="utf-8")
    plain = root / "mkdocs"
    static_site(referentiel, run_checks(referentiel), plain)
    plain_macros = root / "mkdocs-macros"
    static_site(referentiel, run_checks(referentiel), plain_macros)
    config = plain_macros / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "plugins:\n- search:\n    lang: fr\n",
            "plugins:\n- search:\n    lang: fr\n- macros:\n    render_by_default: false\n",
        ),
        encoding="utf-8",
    )
    return {
        OURS: ours / "mkdocs.yml",
        PLUGIN_ONLY: plugin_only / "mkdocs.yml",
        PLAIN: plain / "mkdocs.yml",
        PLAIN_MACROS: plain_macros / "mkdocs.yml",
    }


def timed_build(config: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one build in a fresh process."""
    # Compiled modules are cached as they are on a user's machine (some shells turn that off).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config)],
        check=True,
        env=env,
        cwd=config.parent,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def compare(label: str, text: str, runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        configs = sites(Path(tmp), text)
        pages = sum(1 for _ in (configs[PLAIN].parent / "docs").rglob("*.md"))
        for config in configs.values():
            timed_build(config)  # warm the file cache
        walls: dict[str, list[float]] = {name: [] for name in configs}
        cpus: dict[str, list[float]] = {name: [] for name in configs}
        for _ in range(runs):
            for name, config in configs.items():
                wall, cpu = timed_build(config)
                walls[name].append(wall)
                cpus[name].append(cpu)
    print(f"{label} : {pages} pages, {runs} constructions de chaque, processus neufs (médianes)")
    wall = {name: statistics.median(values) for name, values in walls.items()}
    cpu = {name: statistics.median(values) for name, values in cpus.items()}
    for name in configs:
        print(
            f"  {name:28} durée {wall[name]:.3f} s (min {min(walls[name]):.3f}), processeur {cpu[name]:.3f} s"
        )
    for name in (OURS, PLUGIN_ONLY, PLAIN_MACROS):
        extra_wall, extra_cpu = wall[name] - wall[PLAIN], cpu[name] - cpu[PLAIN]
        print(
            f"  {name:28} - MkDocs seul : durée {extra_wall:+.3f} s ({extra_wall / wall[PLAIN]:+.1%}), "
            f"processeur {extra_cpu:+.3f} s ({extra_cpu / cpu[PLAIN]:+.1%})"
        )


def print_domain_costs(text: str) -> None:
    """What the référentiel itself costs inside a build: parsing, checking, rendering."""
    start = time.perf_counter()
    referentiel = parse_referentiel(text)
    loading = time.perf_counter() - start
    start = time.perf_counter()
    findings = run_checks(referentiel)
    checking = time.perf_counter() - start
    start = time.perf_counter()
    generate_pages(referentiel, findings=findings)
    rendering = time.perf_counter() - start
    print(
        f"  dont lecture du YAML {loading * 1000:.1f} ms, contrôles {checking * 1000:.1f} ms, "
        f"génération des pages {rendering * 1000:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--copies", type=int, default=20, help="taille du grand référentiel, en graines (0 : la graine seule)"
    )
    args = parser.parse_args()
    seed = SEED.read_text(encoding="utf-8")
    compare("Référentiel graine", seed, args.runs)
    print_domain_costs(seed)
    if args.copies < 2:
        return
    large = replicated_referentiel(args.copies)
    compare(f"Référentiel {args.copies} fois la graine", large, max(3, args.runs // 2))
    print_domain_costs(large)


if __name__ == "__main__":
    main()
