"""Time and peak memory of ``referentiel check`` on the worst inputs of at most 1 MB.

Each input runs in a fresh process; the figures are wall time and that process's peak
resident memory. Usage: ``.venv/bin/python benchmarks/hostile_inputs.py``.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from replicated import large_valid_referentiel

MEGABYTE = 1024 * 1024


def _alias_bomb(levels: int) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def worst_inputs() -> dict[str, str]:
    """Inputs built to cost the most per byte, each at most 1 MB."""
    return {
        "référentiel valide de 1 Mo": large_valid_referentiel(MEGABYTE),
        "200 000 éléments en liste": "a: [" + ",".join(["1"] * 199_990) + "]\n",
        "100 000 petites tables": "a:\n" + "".join("- {b: 1}\n" for _ in range(100_000))[: MEGABYTE - 10],
        "bombe d'alias à 12 niveaux": _alias_bomb(12),
        "un texte de 1 Mo": "a: " + "mot " * (MEGABYTE // 4 - 2) + "\n",
        "30 000 clés inconnues": "".join(f"cle_{i}: {i}\n" for i in range(30_000)),
        "imbrication maximale répétée": ("- " + "[" * 31 + "]" * 31 + "\n") * 15_000,
        "50 000 alias": "a: &a 1\nb: [" + ", ".join(["*a"] * 50_000) + "]\n",
    }


# Runs the command line in a fresh process and reports its peak memory last, on standard error.
# The peak is read from /proc (VmHWM, this program's own memory since exec): ru_maxrss would keep
# the peak of the process it was forked from, a test runner of several hundred MB.
_MEASURED = (
    "import re, resource, sys\n"
    "from referentiel.cli import main\n"
    "status = main(sys.argv[1:])\n"
    "try:\n"
    "    peak = int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))\n"
    "except (OSError, AttributeError):\n"
    "    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "sys.stderr.write(f'\\nRSS {peak}\\n')\n"
    "sys.exit(status)\n"
)


def run_measured(args: list[str]) -> tuple[float, float, str, str]:
    """(wall time in s, peak memory in MB, standard output, standard error) of ``referentiel ARGS``."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", _MEASURED, *args], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    errors, rss = result.stderr.rsplit("RSS ", 1)
    return elapsed, int(rss) / 1024, result.stdout, errors.strip()


def measure(text: str) -> tuple[float, float, str]:
    """``referentiel check`` on ``text``: time, memory and its first error."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.yaml"
        path.write_text(text, encoding="utf-8")
        elapsed, rss, output, _ = run_measured(["check", str(path)])
    first_error = next((line for line in output.splitlines() if "ERREUR" in line), "")
    return elapsed, rss, first_error


HEAD = b'<?xml version="1.0" encoding="UTF-8"?>\n<FICHES>\n<VERSION_FLUX>4.1</VERSION_FLUX>\n'


def worst_exports(folder: Path) -> dict[str, Path]:
    """Exports built to exhaust the importer's memory, written into ``folder``."""
    import zipfile

    def write(name: str, chunks: list[bytes]) -> Path:
        path = folder / name
        with path.open("wb") as stream:
            for chunk in chunks:
                stream.write(chunk)
        return path

    text_node = [HEAD, b"<FICHE><X>"] + [b"a" * MEGABYTE] * 1024 + [b"</X></FICHE></FICHES>"]
    bomb = folder / "bombe.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("export.xml", "w") as member:
            member.write(HEAD)
            for _ in range(200):
                member.write(b"<FICHE>" + b"<X/>" * 49_000 + b"</FICHE>")
            member.write(b"</FICHES>")
    return {
        "texte de 1 Gio": write("texte.xml", text_node),
        "fiche de 7,9 Mo d'un seul texte": write(
            "fiche.xml", [HEAD, b"<FICHE><X>", b"a" * (7 * MEGABYTE + 900_000), b"</X></FICHE></FICHES>"]
        ),
        "200 fiches de 49 000 éléments": write(
            "elements.xml", [HEAD] + [b"<FICHE>" + b"<X/>" * 49_000 + b"</FICHE>"] * 200 + [b"</FICHES>"]
        ),
        "bombe zip (×978)": bomb,
    }


def measure_import(export: Path) -> tuple[float, float, str]:
    """``referentiel import`` of ``export``: time, memory and its message."""
    with tempfile.TemporaryDirectory() as output:
        elapsed, rss, _, errors = run_measured(
            ["import", str(export), "--fiche", "RNCP1", "--sortie", output]
        )
    return elapsed, rss, errors.splitlines()[-1] if errors else ""


def main() -> None:
    print(f"{'entrée':32} {'taille':>9} {'temps':>8} {'mémoire':>9}  message")
    for name, text in worst_inputs().items():
        elapsed, rss, message = measure(text)
        size = len(text.encode("utf-8")) / 1024
        print(f"{name:32} {size:7.0f} Ko {elapsed:6.2f} s {rss:6.0f} Mo  {message[:90]}")
    print()
    print(f"{'export':36} {'taille':>9} {'temps':>8} {'mémoire':>9}  message")
    with tempfile.TemporaryDirectory() as folder:
        for name, path in worst_exports(Path(folder)).items():
            elapsed, rss, message = measure_import(path)
            size = path.stat().st_size / MEGABYTE
            print(f"{name:36} {size:7.1f} Mo {elapsed:6.2f} s {rss:6.0f} Mo  {message[:110]}")
    print(f"(processus de mesure : {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} Mo)")


if __name__ == "__main__":
    main()
