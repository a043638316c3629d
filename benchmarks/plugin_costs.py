"""What each plugin costs inside one build: its import, and the time spent in its events.

End-to-end timings of two whole builds differ by less than this machine's noise when the
difference is a tenth of a second; timing the plugins' own work inside the build does not.
Each build runs in a fresh process (imports included), ``--runs`` times; medians are printed.

    .venv/bin/python benchmarks/plugin_costs.py [--runs 7] [--copies 20]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from replicated import SEED, replicated_referentiel

from referentiel.scaffold import new_site

# Run in the child process: import the plugins' modules after MkDocs' own, time them, then build
# with every event of every plugin timed.
CHILD = r"""
import json, sys, time, logging
import mkdocs.commands.build, mkdocs.config, mkdocs.plugins, mkdocs.structure.pages, markdown, jinja2
import material.plugins.search.plugin
costs = {}
for name, module in (("referentiel", "referentiel.plugin"), ("macros", "mkdocs_macros.plugin")):
    start = time.perf_counter()
    __import__(module)
    costs[f"{name} : import"] = time.perf_counter() - start
from mkdocs.config import load_config
logging.disable(logging.INFO)
start = time.perf_counter()
config = load_config(sys.argv[1])
load_time = time.perf_counter() - start
owners = {id(plugin): name for name, plugin in config.plugins.items()}
def timed(method, key):
    def run(*args, **kwargs):
        start = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            costs[key] = costs.get(key, 0.0) + time.perf_counter() - start
    return run
for event, methods in config.plugins.events.items():
    methods[:] = [timed(m, f"{owners.get(id(m.__self__), '?')} : événements") for m in methods]
start = time.perf_counter()
mkdocs.commands.build.build(config)
costs["construction entière"] = time.perf_counter() - start
costs["lecture de mkdocs.yml (plugins compris)"] = load_time
print(json.dumps(costs))
"""


def measure(config: Path, runs: int) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    samples: dict[str, list[float]] = defaultdict(list)
    for run in range(runs + 1):
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(config)],
            capture_output=True,
            text=True,
            env=env,
            cwd=config.parent,
            check=True,
        )
        if run == 0:
            continue  # the first run compiles and caches the modules
        for key, value in json.loads(done.stdout.strip().splitlines()[-1]).items():
            samples[key].append(value)
    return {key: statistics.median(values) for key, values in samples.items()}


def report(label: str, text: str, runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "site"
        new_site(folder, text)
        costs = measure(folder / "mkdocs.yml", runs)
    print(f"{label} ({runs} constructions, médianes)")
    for key in sorted(costs):
        print(f"  {key:45} {costs[key] * 1000:8.1f} ms")
    ours = costs.get("referentiel : import", 0) + costs.get("referentiel : événements", 0)
    macros = costs.get("macros : import", 0) + costs.get("macros : événements", 0)
    whole = costs["construction entière"]
    print(f"  greffon referentiel en tout : {ours * 1000:.1f} ms ({ours / whole:.1%} de la construction)")
    print(f"  extension macros en tout : {macros * 1000:.1f} ms ({macros / whole:.1%} de la construction)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--copies", type=int, default=20, help="0 : la graine seule")
    args = parser.parse_args()
    report("Référentiel graine", SEED.read_text(encoding="utf-8"), args.runs)
    if args.copies >= 2:
        report(f"Référentiel {args.copies} fois la graine", replicated_referentiel(args.copies), 3)


if __name__ == "__main__":
    main()
