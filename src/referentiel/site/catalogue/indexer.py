"""Pagefind in the background of a preview server: the edited page is shown at once, and a
search finds the edit a moment later, once the index is rewritten.

The new index is written beside the site, then moved in: its chunks first, under names of their
own content, beside the previous ones (a page opened before still finds the chunks it asks for),
its entry file last (a page opened after finds every chunk it names). A new build stops the run
under way, and will start its own.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from .search import BUNDLE, pagefind_command


class BackgroundIndexer:
    def __init__(self, done: Callable[[float], None], failed: Callable[[str], None]) -> None:
        """``done`` receives the seconds the run took, ``failed`` Pagefind's message."""
        self._done = done
        self._failed = failed
        self._lock = threading.Lock()
        self._process: subprocess.Popen[str] | None = None
        self._thread: threading.Thread | None = None
        self._stopped = threading.Event()

    def start(self, site: Path) -> None:
        """Index ``site`` in a thread, after stopping the run under way."""
        self.stop()
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(site, self._stopped), daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop the run under way, if any, and wait for it: the site can then be rewritten."""
        self._stopped.set()
        with self._lock:
            if self._process is not None and self._process.poll() is None:
                self._process.kill()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def _run(self, site: Path, stopped: threading.Event) -> None:
        start = time.perf_counter()
        work = Path(tempfile.mkdtemp(prefix=".pagefind-", dir=site.parent))
        try:
            with self._lock:
                if stopped.is_set():
                    return
                self._process = subprocess.Popen(
                    pagefind_command(site, work / BUNDLE),
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,
                    text=True,
                )
            output, _ = self._process.communicate()
            if stopped.is_set():
                return
            if self._process.returncode != 0:
                self._failed(output.strip()[-2000:])
                return
            _move_into(work / BUNDLE, site / BUNDLE)
            self._done(time.perf_counter() - start)
        except OSError as error:
            self._failed(str(error))
        finally:
            with self._lock:
                self._process = None
            shutil.rmtree(work, ignore_errors=True)


ENTRY = "pagefind-entry.json"


def _move_into(bundle: Path, target: Path) -> None:
    """Move the files of ``bundle`` into ``target``, its entry file last."""
    files = sorted((p for p in bundle.rglob("*") if p.is_file()), key=lambda p: p.name == ENTRY)
    for file in files:
        destination = target / file.relative_to(bundle)
        destination.parent.mkdir(parents=True, exist_ok=True)
        os.replace(file, destination)
