"""``mkdocs serve`` rebuilds the site when the YAML changes, and reports a broken edit."""

from __future__ import annotations

from pathlib import Path

from previewing import preview
from sitebuild import minimal_site


def test_serve_rebuilds_on_yaml_change(tmp_path: Path) -> None:
    """Editing a criterion in the YAML changes the served page without restarting the server."""
    config = minimal_site(tmp_path)
    with preview(config) as server:
        server.wait_for("competences/C1.1/", "intègre une analyse interne", limit=30)
        data = tmp_path / "referentiel.yaml"
        text = data.read_text(encoding="utf-8")
        data.write_text(
            text.replace("intègre une analyse interne", "intègre une analyse révisée"), encoding="utf-8"
        )
        server.wait_for("competences/C1.1/", "intègre une analyse révisée", limit=30)

        since = len(server.lines)
        data.write_text(text.replace("  niveau: 7\n", "  niveau: sept\n"), encoding="utf-8")
        server.wait_for_log("ligne 13 (champ « certification.niveau »)", since, limit=30)
    assert not any("Traceback" in line for line in server.lines), "\n".join(server.lines)
