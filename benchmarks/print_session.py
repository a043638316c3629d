"""Time to print a jury session: the example's 12 candidates, and the same repeated to 120.

Usage: ``.venv/bin/python benchmarks/print_session.py [--candidats 12 120]``. Each size runs
``referentiel pdf --candidats`` in a fresh process (Chromium launched once per run) and
prints the wall time, the number of files and pages, and the peak memory of the Python side.
"""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

PROJECT = Path(__file__).resolve().parent.parent
EXAMPLE = PROJECT / "data" / "candidats-exemple.csv"


def candidates_file(count: int, folder: Path) -> Path:
    """The example's rows repeated with new numbers and teams until ``count`` candidates."""
    rows = list(csv.reader(io.StringIO(EXAMPLE.read_text(encoding="utf-8")), delimiter=";"))
    header, body = rows[0], rows[1:]
    output = [header]
    for index in range(count):
        row = list(body[index % len(body)])
        batch = index // len(body)
        row[2] = f"{row[2]}-{batch}"
        if row[4]:
            row[4] = f"{row[4]}{batch}"
        output.append(row)
    path = folder / f"candidats-{count}.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream, delimiter=";").writerows(output)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--candidats", type=int, nargs="+", default=[12, 120])
    args = parser.parse_args()
    print(f"{'candidats':>9} {'temps':>8} {'fichiers':>9} {'pages':>6} {'mémoire':>9}")
    for count in args.candidats:
        with tempfile.TemporaryDirectory() as folder:
            csv_path = candidates_file(count, Path(folder))
            output = Path(folder) / "pdf"
            script = (
                "import resource, sys\n"
                "from referentiel.cli import main\n"
                "status = main(sys.argv[1:])\n"
                "sys.stderr.write(f'RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n')\n"
                "sys.exit(status)\n"
            )
            command = [
                sys.executable,
                "-c",
                script,
                "pdf",
                "--referentiel",
                str(PROJECT / "data" / "referentiel.yaml"),
            ]
            command += ["--candidats", str(csv_path), "--session", "Banc d'essai", "--sortie", str(output)]
            start = time.perf_counter()
            result = subprocess.run(command, capture_output=True, text=True, check=True)
            elapsed = time.perf_counter() - start
            rss = int(result.stderr.rsplit("RSS ", 1)[1]) / 1024
            files = list(output.glob("*.pdf"))
            pages = len(PdfReader(output / "session.pdf").pages)
            print(f"{count:>9} {elapsed:>6.1f} s {len(files):>9} {pages:>6} {rss:>6.0f} Mo")


if __name__ == "__main__":
    main()
