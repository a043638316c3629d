"""Time and peak memory of rule S19 (``referentiel check --copies``) on a large synthetic export.

The synthetic export repeats the fixture fiches, renumbered (see ``import_speed.py``), so its
competence texts repeat too and are indexed once each: the run measures reading the whole export
and the index's bookkeeping. The cost per *distinct* text, what a real export of many different
fiches adds, is measured apart on texts made distinct by rotating the fixtures' words.

    .venv/bin/python benchmarks/copies_speed.py [--taille-mo 500] [--textes 20000]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from import_speed import FIXTURE, synthetic_export

from referentiel.rncp.copies import CopyIndex, OtherCompetence, export_competences


def distinct_texts(count: int) -> list[OtherCompetence]:
    """``count`` different competence texts of realistic length, from the fixtures' own words."""
    words = " ".join(c.text for c in export_competences(FIXTURE, set())).split()
    texts = []
    for number in range(count):
        start = (number * 7) % (len(words) - 30)
        chosen = words[start : start + 25]
        texts.append(OtherCompetence(f"RNCP{number}", "BC", "bloc", f"{number} " + " ".join(chosen)))
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--taille-mo", type=int, default=500)
    parser.add_argument("--textes", type=int, default=20000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "export_fiches_RNCP_V4_1_2026-08-16.xml"
        count, _ = synthetic_export(export, args.taille_mo)
        size = export.stat().st_size / 1024 / 1024
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "referentiel.cli", "check", "--copies", str(export)],
            check=True,
            stdout=subprocess.DEVNULL,
            cwd=Path(__file__).resolve().parent.parent,  # the seed, data/referentiel.yaml
        )
        elapsed = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"export synthétique : {size:.0f} Mo, {count} fiches")
    print(f"check --copies (S19) sur la graine : {elapsed:.1f} s, mémoire maximale {peak:.0f} Mo")
    texts = distinct_texts(args.textes)
    start = time.perf_counter()
    index = CopyIndex(texts)
    built = time.perf_counter() - start
    start = time.perf_counter()
    for text in texts[:1000]:
        index.near(text.text)
    queried = (time.perf_counter() - start) / 1000
    print(
        f"index de {len(index)} textes distincts : {built:.1f} s "
        f"({built / len(index) * 1e6:.0f} µs par texte), requête {queried * 1e3:.2f} ms"
    )


if __name__ == "__main__":
    main()
