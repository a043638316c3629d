"""How long ``mkdocs serve`` takes to show an edit of one YAML in a catalogue, with and without ``--dirty``.

A catalogue of N référentiels (default 50) is made as in ``catalogue_scale.py``; the server runs in
its own process; one competence's text is edited several times, and each time the clock runs from
the file's write until the server's page of that competence shows the new text (over HTTP, as a
browser would read it). The server's own « built in » lines and Pagefind's are printed too.

    .venv/bin/python benchmarks/serve_edit.py [N] [--edits K] [--modes dirty,clean]
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from catalogue_scale import bases, catalogue

from referentiel.loading import load_referentiel

STARTUP_LIMIT = 900.0
EDIT_LIMIT = 300.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


def wait_for(url: str, text: str, limit: float) -> float:
    """Seconds until ``url`` serves a page containing ``text``."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        body = fetch(url)
        if body is not None and text in body:
            return time.perf_counter() - start
        time.sleep(0.02)
    raise SystemExit(f"{url} n'a pas montré « {text} » en {limit:.0f} s")


class ServerLog:
    """The server's output, read in a thread: the last « built in » and Pagefind lines."""

    def __init__(self, stream: object) -> None:
        self.lines: list[str] = []
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream: object) -> None:
        for line in stream:  # type: ignore[attr-defined]
            self.lines.append(line.rstrip())

    def since(self, mark: int, pattern: str) -> list[str]:
        return [m.group(1) for line in self.lines[mark:] if (m := re.search(pattern, line))]


def target(folder: Path) -> tuple[Path, str, str]:
    """(file, address of a competence's page, first word of its text) in the first imported fiche."""
    path = sorted((folder / "referentiels").glob("RNCP*.yaml"))[0]
    referentiel = load_referentiel(path)
    competence = referentiel.blocs[0].competences[0]
    slug = path.stem.lower()
    return path, f"{slug}/competences/{competence.id}/", competence.texte.split()[0]


def run(folder: Path, dirty: bool, edits: int) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    # With its file watcher, as a writer runs it: the watcher's polling is part of the wait.
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    if dirty:
        command.append("--dirty")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    path, address, word = target(folder)
    original = path.read_text(encoding="utf-8")
    process = subprocess.Popen(
        command, cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    log = ServerLog(process.stdout)
    mode = "mkdocs serve --dirty" if dirty else "mkdocs serve"
    try:
        first = wait_for(base + address, word, STARTUP_LIMIT)
        print(f"{mode} : première construction servie en {first:.1f} s", flush=True)
        time.sleep(8)  # let the first Pagefind run end, as before a writer's first edit
        for number in range(1, edits + 1):
            marker = f"Modification{number}"
            mark = len(log.lines)
            edited = original.replace(f"texte: {word}", f"texte: {marker} {word}", 1)
            path.write_text(edited, encoding="utf-8")
            seen = wait_for(base + address, marker, EDIT_LIMIT)
            time.sleep(8)  # the server's last lines: its « built in », then Pagefind's
            built = log.since(mark, r"built in ([\d.]+) seconds")
            indexed = log.since(mark, r"Pagefind\) à jour en ([\d.]+) s")
            print(
                f"{mode} : modification {number} visible en {seen:.2f} s "
                f"(construction {', '.join(built) or '?'} s ; index Pagefind {', '.join(indexed) or '-'} s)",
                flush=True,
            )
    finally:
        path.write_text(original, encoding="utf-8")
        process.terminate()
        process.wait(timeout=30)


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
