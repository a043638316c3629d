"""``mkdocs serve`` in its own process, as a writer runs it, read over HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class Preview:
    def __init__(self, address: str, process: subprocess.Popen[str]) -> None:
        self.address = address
        self.lines: list[str] = []
        self._process = process
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self._process.stdout is not None
        for line in self._process.stdout:
            self.lines.append(line.rstrip())

    def get(self, path: str) -> str | None:
        """The served text at ``path``, or None while it is not served."""
        try:
            with urllib.request.urlopen(self.address + path, timeout=10) as response:
                return str(response.read().decode("utf-8"))
        except (urllib.error.URLError, OSError):
            return None

    def wait_for(self, path: str, text: str, limit: float = 120.0) -> str:
        """The page at ``path`` once it contains ``text``; fails with the server's log after ``limit`` s."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            body = self.get(path)
            if body is not None and text in body:
                return body
            if self._process.poll() is not None:
                break
            time.sleep(0.05)
        raise AssertionError(f"{path} n'a pas montré {text!r} :\n" + "\n".join(self.lines[-40:]))

    def wait_for_log(self, text: str, since: int, limit: float = 120.0) -> list[str]:
        """The server's lines from ``since`` on, once one of them contains ``text``."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            lines = self.lines[since:]
            if any(text in line for line in lines):
                return lines
            time.sleep(0.05)
        raise AssertionError(f"le serveur n'a pas écrit {text!r} :\n" + "\n".join(self.lines[since:]))


@contextmanager
def preview(config: Path, *options: str) -> Iterator[Preview]:
    """``mkdocs serve`` on ``config`` with ``options`` (``--dirty``), on a free loopback port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "-f",
        str(config),
        "-a",
        f"127.0.0.1:{port}",
        *options,
    ]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(
        command, cwd=config.parent, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        yield Preview(f"http://127.0.0.1:{port}/", process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
