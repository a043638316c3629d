"""What a reader downloads to search a catalogue, in headless Chromium: the bytes of a page before
any query and once the first query's results show, with the theme's single index and with
Pagefind's chunked one, at 1, 50 and 200 référentiels.

    .venv/bin/python benchmarks/search_payload.py [1 50 200]
"""

from __future__ import annotations

import http.server
import sys
import tempfile
import threading
from functools import partial
from pathlib import Path

from catalogue_scale import bases, catalogue, measure

QUERY = "competence evaluee"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def payload(site: Path, engine: str) -> tuple[int, int]:
    """(bytes before the query, bytes once its results show) on a référentiel's page or the search page."""
    from playwright.sync_api import sync_playwright

    server, address = _serve(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
            page = browser.new_page()
            sizes: list[int] = []
            page.on("requestfinished", lambda r: sizes.append(r.sizes()["responseBodySize"]))
            if engine == "pagefind":
                page.goto(address + "recherche/")
                page.wait_for_load_state("networkidle")
                before = sum(sizes)
                page.fill(".pagefind-ui__search-input", QUERY)
                page.wait_for_selector(".pagefind-ui__result", timeout=60000)
            else:
                page.goto(address + "rncp90000/")
                page.wait_for_load_state("networkidle")
                before = sum(sizes)
                # The theme's search listens to keys typed, not to a value set.
                page.click("input[data-md-component=search-query]")
                page.keyboard.type(QUERY)
                page.wait_for_selector(".md-search-result__item", timeout=120000)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(1000)
            after = sum(sizes)
            browser.close()
    finally:
        server.shutdown()
    return before, after


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1, 50, 200]
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        sources = bases(root / "fiches")
        print("référentiels  recherche  construction (s)  avant la requête (Ko)  à la première requête (Ko)")
        for size in sizes:
            for engine in ("theme", "pagefind"):
                config = catalogue(root / f"{engine}{size}", size, sources, engine)
                seconds, _ = measure(config)
                before, after = payload(config.parent / "site", engine)
                row = f"{size:>12}  {engine:>9}  {seconds:>16.1f}  {before / 1024:>21.0f}"
                print(f"{row}  {after / 1024:>26.0f}", flush=True)


if __name__ == "__main__":
    main()
