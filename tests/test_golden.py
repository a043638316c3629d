"""Golden snapshots: the seed's generated pages and navigation, as ``referentiel pages`` writes them.

Any change of output shows in review as a diff of ``tests/golden/seed/``. After an intended change:
``.venv/bin/python -m pytest tests/test_golden.py --update-golden``, then read the diff.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from sitebuild import DATA

from referentiel import load_referentiel
from referentiel.checks import run_checks
from referentiel.scaffold import static_site

GOLDEN = Path(__file__).parent / "golden" / "seed"


def _snapshot(folder: Path) -> dict[str, str]:
    """The Markdown pages and ``mkdocs.yml`` (with its nav) that ``referentiel pages`` writes; the
    style sheets, templates and downloads are the package's and the exports' own tests' business."""
    referentiel = load_referentiel(DATA)
    static_site(referentiel, run_checks(referentiel), folder)
    files = [folder / "mkdocs.yml", *sorted((folder / "docs").rglob("*.md"))]
    return {path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8") for path in files}


def _golden() -> dict[str, str]:
    return {
        path.relative_to(GOLDEN).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(GOLDEN.rglob("*"))
        if path.is_file()
    }


def _update(current: dict[str, str]) -> None:
    for path in GOLDEN.rglob("*"):
        if path.is_file() and path.relative_to(GOLDEN).as_posix() not in current:
            path.unlink()
    for name, text in current.items():
        target = GOLDEN / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def test_generated_pages_match_the_golden_snapshot(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """Every generated page and the navigation are what the reviewed snapshot says, to the byte."""
    current = _snapshot(tmp_path)
    if request.config.getoption("--update-golden"):
        _update(current)
    golden = _golden()
    assert len(current) > 50
    assert sorted(current) == sorted(golden), "pages added or removed: run with --update-golden and review"
    changed = [name for name in current if current[name] != golden[name]]
    diffs = [
        "".join(
            difflib.unified_diff(
                golden[name].splitlines(True), current[name].splitlines(True), f"golden/{name}", name, n=1
            )
        )[:2000]
        for name in changed[:3]
    ]
    assert not changed, f"{len(changed)} page(s) changed ({', '.join(changed)}):\n" + "\n".join(diffs)
