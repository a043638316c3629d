"""MkDocs hook: adds the référentiel's generated pages and its navigation.

Pages are added in memory (nothing is written to ``docs/``, so ``mkdocs serve`` does not
loop) and MkDocs checks their Markdown links like any other page's.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from common import load, official_findings  # this file's folder is on sys.path while MkDocs loads it
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from referentiel.checks import Severity, run_checks
from referentiel.checks.report import summary
from referentiel.export.formats import FORMATS, export_contents
from referentiel.export.schema_org import json_ld_script
from referentiel.site import generate_pages, navigation
from referentiel.site.assets import SHEETS_CSS, WORKER_SHIM, sheets_css, worker_shim
from referentiel.site.search import enrich_index
from referentiel.site.text import title
from referentiel.site.urls import download_file
from referentiel.terminal import printable

log = logging.getLogger("mkdocs.hooks.referentiel")


def on_config(config: Any) -> Any:
    # The site is named and described from the YAML, which stays the one source.
    certification = load(config).certification
    config["site_name"] = title(certification.titre)
    config["site_description"] = title(
        f"Référentiel d'activités, de compétences et d'évaluation de la certification "
        f"« {certification.titre} »."
    )
    if certification.provenance:
        # Data from the open data is credited on every page, in the footer.
        config["copyright"] = title(certification.provenance.credit)
    if SHEETS_CSS not in config["extra_css"]:
        config["extra_css"].append(SHEETS_CSS)
    # The offline build asks for a worker shim from a CDN: a site read from a USB key has no network.
    polyfills = config["extra"].get("polyfills") or []
    config["extra"]["polyfills"] = [WORKER_SHIM if "iframe-worker" in url else url for url in polyfills]
    return config


def on_files(files: Files, config: Any) -> Files:
    referentiel = load(config)
    findings = run_checks(referentiel) + official_findings(referentiel, config)
    errors = [f for f in findings if f.severity is Severity.ERREUR]
    if errors:
        raise PluginError(
            printable(
                "Le référentiel enfreint des règles de France compétences :\n"
                + "\n".join(f"  - {f.rule.id} [{', '.join(f.items)}] : {f.message}" for f in errors)
            )
        )
    log.info("Contrôle de conformité : %s", summary(findings))
    written = [f.src_uri for f in files.documentation_pages()]
    downloads = export_contents(referentiel, list(FORMATS))
    generated = generate_pages(
        referentiel, use_directory_urls=config["use_directory_urls"], findings=findings, downloads=downloads
    )
    for page in generated:
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(
                f"La page générée « {page.src_uri} » existe déjà dans docs/ : "
                "renommez ou supprimez le fichier écrit à la main."
            )
        files.append(File.generated(config, page.src_uri, content=page.content))
    if not config["nav"]:
        home = [{"Accueil": "index.md"}] if "index.md" in written else []
        others = sorted(uri for uri in written if uri != "index.md")
        config["nav"] = navigation(referentiel, before=home, after=others)
    files.append(File.generated(config, SHEETS_CSS, content=sheets_css()))
    if WORKER_SHIM in (config["extra"].get("polyfills") or []):
        files.append(File.generated(config, WORKER_SHIM, content=worker_shim()))
    for name, data in downloads.items():
        files.append(File.generated(config, download_file(name), content=data))
    log.info("Référentiel : %d pages générées", len(generated))
    return files


def on_post_page(output: str, page: Any, config: Any) -> str:
    # Search engines read what the certification is from the home page.
    if page.file.src_uri != "index.md":
        return output
    script = json_ld_script(load(config), config.get("site_url") or None)
    return output.replace("</head>", f"{script}\n</head>", 1)


def on_post_build(config: Any) -> None:
    # The theme's search index, taught to find French words as readers type them.
    path = Path(config["site_dir"]) / "search" / "search_index.json"
    if path.is_file():
        index = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(
            json.dumps(enrich_index(index), ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
