"""``mkdocs serve`` rebuilds the site when the YAML changes, and reports a broken edit."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from sitebuild import minimal_site


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(predicate, seconds: float = 30.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_serve_rebuilds_on_yaml_change(tmp_path: Path) -> None:
    """Editing a criterion in the YAML changes the served page without restarting the server."""
    project = minimal_site(tmp_path).parent
    port = _free_port()
    url = f"http://127.0.0.1:{port}/competences/C1.1/"
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(project / "mkdocs.yml"),
        ],  # fmt: skip
        cwd=project,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        assert _wait_for(lambda: "intègre une analyse interne" in _fetch(url)), "serveur non démarré"
        data = project / "referentiel.yaml"
        text = data.read_text(encoding="utf-8")
        data.write_text(
            text.replace("intègre une analyse interne", "intègre une analyse révisée"), encoding="utf-8"
        )
        assert _wait_for(lambda: "intègre une analyse révisée" in _fetch(url)), "page non reconstruite"

        data.write_text(text.replace("  niveau: 7\n", "  niveau: sept\n"), encoding="utf-8")
        message = "ligne 13 (champ « certification.niveau »)"
        assert _wait_for(lambda: message in (tmp_path / "serve.log").read_text(encoding="utf-8"))
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
    assert "Traceback" not in (tmp_path / "serve.log").read_text(encoding="utf-8")
