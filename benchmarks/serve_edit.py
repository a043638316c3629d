"""How long ``mkdocs serve`` takes to show an edit of one YAML in a catalogue, with and without ``--dirty``.

A catalogue of N référentiels (default 50) is made as in ``catalogue_scale.py``; the server runs in
its own process; one competence's text is edited several times, and each time the clock runs from
the file's write until the server's page of that competence shows the new text (over HTTP, as a
browser would read it). The server's own « built in » lines and Pagefind's are printed too.

    .venv/bin/python benchmarks/serve_edit.py [N] [--edits K] [--modes dirty,clean]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

from catalogue_scale import PROJECT, bases, catalogue

from referentiel.loading import load_referentiel

sys.path.insert(0, str(PROJECT / "tests"))
from previewing import preview  # noqa: E402  (the tests' own server in a process)

STARTUP_LIMIT = 900.0
EDIT_LIMIT = 300.0


def found(lines: list[str], pattern: str) -> list[str]:
    """The first group of ``pattern`` in each of ``lines`` that has it."""
    return [m.group(1) for line in lines if (m := re.search(pattern, line))]


def target(folder: Path) -> tuple[Path, str, str]:
    """(file, address of a competence's page, first word of its text) in the first imported fiche."""
    path = sorted((folder / "referentiels").glob("RNCP*.yaml"))[0]
    referentiel = load_referentiel(path)
    competence = referentiel.blocs[0].competences[0]
    slug = path.stem.lower()
    return path, f"{slug}/competences/{competence.id}/", competence.texte.split()[0]


def run(folder: Path, dirty: bool, edits: int) -> None:
    # With its file watcher, as a writer runs it: the watcher's polling is part of the wait.
    options = ["--dirty"] if dirty else []
    path, address, word = target(folder)
    original = path.read_text(encoding="utf-8")
    mode = "mkdocs serve --dirty" if dirty else "mkdocs serve"
    try:
        with preview(folder / "mkdocs.yml", *options) as server:
            start = time.perf_counter()
            server.wait_for(address, word, STARTUP_LIMIT)
            print(f"{mode} : première construction servie en {time.perf_counter() - start:.1f} s", flush=True)
            time.sleep(8)  # let the first Pagefind run end, as before a writer's first edit
            for number in range(1, edits + 1):
                marker = f"Modification{number}"
                mark = len(server.lines)
                edited = original.replace(f"texte: {word}", f"texte: {marker} {word}", 1)
                path.write_text(edited, encoding="utf-8")
                start = time.perf_counter()
                server.wait_for(address, marker, EDIT_LIMIT)
                seen = time.perf_counter() - start
                time.sleep(8)  # the server's last lines: its « built in », then Pagefind's
                built = found(server.lines[mark:], r"built in ([\d.]+) seconds")
                indexed = found(server.lines[mark:], r"Pagefind\) à jour en ([\d.]+) s")
                print(
                    f"{mode} : modification {number} visible en {seen:.2f} s "
                    f"(construction {', '.join(built) or '?'} s ; "
                    f"index Pagefind {', '.join(indexed) or '-'} s)",
                    flush=True,
                )
    finally:
        path.write_text(original, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("size", nargs="?", type=int, default=50)
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--modes", default="dirty,clean")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        folder = root / f"c{arguments.size}"
        catalogue(folder, arguments.size, bases(root / "fiches"))
        for mode in arguments.modes.split(","):
            run(folder, mode == "dirty", arguments.edits)


if __name__ == "__main__":
    main()
