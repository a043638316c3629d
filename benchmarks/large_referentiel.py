"""Build time, peak memory and output per page of one référentiel made of the seed repeated.

Each size is a new site (``referentiel nouveau``) built by ``mkdocs build`` in its own process:
time and page weight must stay flat as the référentiel grows.

    .venv/bin/python benchmarks/large_referentiel.py [1 20 60]
"""

from __future__ import annotations

import contextlib
import io
import sys
import tempfile
from pathlib import Path

from catalogue_scale import measure, site_figures
from replicated import replicated_referentiel

from referentiel.cli import main as referentiel


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1, 20, 60]
    print("graines  pages  temps (s)  ms/page  mémoire (Mo)  Ko/page")
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        for copies in sizes:
            source = root / f"graine-{copies}.yaml"
            source.write_text(replicated_referentiel(copies), encoding="utf-8")
            site = root / f"site-{copies}"
            with contextlib.redirect_stdout(io.StringIO()):
                assert referentiel(["nouveau", str(site), "--depuis", str(source)]) == 0
            seconds, peak = measure(site / "mkdocs.yml")
            pages, weight, _ = site_figures(site / "site")
            print(
                f"{copies:>7}  {pages:>5}  {seconds:>9.1f}  {1000 * seconds / pages:>7.1f}  "
                f"{peak:>12.0f}  {weight:>7.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
