"""Time and peak memory of ``referentiel import`` on a large synthetic export.

The export is built from the fixture fiches, renumbered and repeated up to the size asked
(France Compétences' real export is about 500 MB); the fiche asked for is the last one,
so the whole file is read. The import runs in a fresh process, whose peak resident
memory is read from the system.

    .venv/bin/python benchmarks/import_speed.py [--taille-mo 500]
"""

from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
FIXTURE = PROJECT / "tests" / "fixtures" / "rncp" / "export_fiches_RNCP_V4_1_extrait.xml"


def synthetic_export(path: Path, megabytes: int) -> tuple[int, str]:
    """Write an export of about ``megabytes`` MB; return (fiches written, last fiche's number)."""
    text = FIXTURE.read_text(encoding="utf-8")
    fiches = re.findall(r"  <FICHE>.*?</FICHE>\n", text, re.S)
    head = text[: text.index("  <FICHE>")]
    target = megabytes * 1024 * 1024
    written = count = 0
    number = ""
    with path.open("w", encoding="utf-8") as out:
        out.write(head)
        while written < target:
            fiche = fiches[count % len(fiches)]
            count += 1
            number = f"RNCP{90000 + count}"
            chunk = re.sub(r"RNCP\d{5}", number, fiche)  # fiche and bloc codes alike
            out.write(chunk)
            written += len(chunk.encode("utf-8"))
        out.write("</FICHES>\n")
    return count, number


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--taille-mo", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "export_fiches_RNCP_V4_1_2026-08-16.xml"
        start = time.perf_counter()
        count, last = synthetic_export(export, args.taille_mo)
        made = time.perf_counter() - start
        size = export.stat().st_size / 1024 / 1024
        start = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "referentiel.cli",
                "import",
                str(export),
                "--fiche",
                last,
                "--sortie",
                str(Path(tmp) / "out"),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        elapsed = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # kB → MB on Linux
        print(f"export synthétique : {size:.0f} Mo, {count} fiches (écrit en {made:.1f} s)")
        print(f"import de la dernière fiche ({last}) : {elapsed:.1f} s, {size / elapsed:.0f} Mo/s")
        print(f"mémoire résidente maximale du processus d'import : {peak:.0f} Mo")


if __name__ == "__main__":
    main()
