"""Building the real site, or a variant of it, in a temporary copy of the project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "data" / "referentiel.yaml"
PROJECT_PARTS = ("mkdocs.yml", "docs", "macros", "overrides", "data")


@dataclass
class Build:
    returncode: int
    output: str
    site: Path

    def page(self, url_path: str) -> str:
        """HTML of the page at ``url_path`` (``"competences/C1.1/"``)."""
        return (self.site / url_path / "index.html").read_text(encoding="utf-8")


def copy_project(destination: Path, yaml_text: str | None = None) -> Path:
    """A copy of the project's site sources, with the YAML replaced if ``yaml_text`` is given."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = PROJECT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, destination / part)
    if yaml_text is not None:
        (destination / "data" / "referentiel.yaml").write_text(yaml_text, encoding="utf-8")
    return destination


def build(project: Path, env: dict[str, str] | None = None) -> Build:
    """Run ``mkdocs build --strict`` on ``project`` as a user would, with ``env`` variables set
    (``SITE_URL``, ``OFFLINE``…)."""
    site = project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(site),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=project,
    )
    return Build(result.returncode, result.stdout + result.stderr, site)


def build_variant(tmp: Path, yaml_text: str) -> Build:
    return build(copy_project(tmp, yaml_text))
