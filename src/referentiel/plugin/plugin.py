"""The MkDocs plugin: the référentiel's generated pages, navigation, style sheets and templates.

Pages are added in memory (nothing is written to ``docs/``, so ``mkdocs serve`` does not loop)
and MkDocs checks their Markdown links like any other page's. Everything a site needs comes
from this package: a site is ``pip install`` and a short ``mkdocs.yml``.
"""

from __future__ import annotations

import functools
import html
import json
import logging
import os
from importlib import resources
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from ..cases import CaseStudy, read_case_study
from ..catalogue import Catalogue
from ..checks import Finding, Severity, run_checks
from ..checks.report import summary
from ..errors import ReferentielError
from ..export.schema_org import json_ld_script
from ..loading import load_referentiel
from ..model import Referentiel
from ..site.assets import CATALOGUE_JS, SHEETS_CSS, SITE_CSS, WORKER_SHIM, catalogue_js, worker_shim
from ..site.catalogue import (
    SEARCH_PAGE,
    SearchIndexError,
    index_site,
    labelled_article,
    unindexed_article,
    with_search_button,
)
from ..site.catalogue.indexer import BackgroundIndexer
from ..site.contents import site_contents
from ..site.nav import home_entries, navigation, other_entries
from ..site.pages.cases import case_page
from ..site.pages.versions import VERSIONS, step_page, step_title
from ..site.search import enrich_index, french_settings
from ..site.text import title
from ..site.urls import Links, cases_index
from ..terminal import printable
from ..versions import History, Version, from_revision, history
from . import catalogue as catalogue_mode
from .config import ReferentielConfig, french_unknown_options
from .incremental import GeneratedFile, PartialBuilds
from .navigation import PageNavigations

log = logging.getLogger("mkdocs.plugins.referentiel")

# The Markdown extensions the generated pages are written for: anchors on headings ({#C1.1}),
# HTML blocks whose Markdown is read, notes as admonitions.
MARKDOWN_EXTENSIONS = ("admonition", "attr_list", "md_in_html", "tables", "toc")

# Case studies weigh half as much as the référentiel's pages in the search index.
CASE_SEARCH_BOOST = 0.5

# The templates that escape titles taken from the data, name the breadcrumbs and the search
# dialog, and say « Page introuvable »: between a site's own overrides and the theme's.
TEMPLATES = str(resources.files("referentiel.site").joinpath("theme"))


@functools.cache
def search_icon() -> str:
    """The theme's own magnifier, for the header's button to Pagefind's search page."""
    icon = resources.files("material").joinpath("templates", ".icons", "material", "magnify.svg")
    return icon.read_text(encoding="utf-8")


class ReferentielPlugin(BasePlugin[ReferentielConfig]):
    """``plugins: - referentiel: {source: data/referentiel.yaml}``."""

    def __init__(self) -> None:
        self._referentiel: Referentiel | None = None
        # The case studies of the build under way, by page.
        self._cases: dict[str, CaseStudy] = {}
        self._history: History | None = None
        # A folder as ``source``: the catalogue, and the navigation each page shows.
        self._catalogue: Catalogue | None = None
        self._navigations: PageNavigations | None = None
        self._described: dict[str, Referentiel] = {}
        self._search_labels: dict[str, str] = {}
        self._search_url = ""
        self._contents_memo = catalogue_mode.ContentsMemo()
        # Pagefind's chunked index instead of the theme's single one.
        self._chunked_search = False
        # `mkdocs serve`: Pagefind runs after the page is shown; `--dirty`: only what an edit
        # changes is rebuilt.
        self._serving = False
        self._dirty = False
        self._partial = PartialBuilds()
        # The référentiel of the previous build: the loader gives back the same object while the
        # YAML's content is unchanged.
        self._previous_referentiel: Referentiel | None = None
        self._indexer = BackgroundIndexer(
            done=lambda seconds: log.info("Index de recherche (Pagefind) à jour en %.1f s", seconds),
            failed=lambda message: log.error(
                "Index de recherche (Pagefind) impossible : %s", printable(message)
            ),
        )

    @property
    def referentiel(self) -> Referentiel:
        """The référentiel of the build under way (loaded at ``on_config``)."""
        if self._catalogue is not None:
            raise PluginError(
                "Le site est un catalogue (source est un dossier) : les macros d'un référentiel "
                "n'y sont pas disponibles, chaque référentiel a ses propres pages."
            )
        if self._referentiel is None:
            raise PluginError(
                "Le référentiel n'est pas encore chargé : le greffon « referentiel » est-il actif ?"
            )
        return self._referentiel

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[list[tuple[str, Exception]], list[tuple[str, str]]]:
        errors, warnings = super().load_config(options, config_file_path)
        unknown = french_unknown_options(self.config, warnings)
        kept = [(key, message) for key, message in warnings if key in self.config._schema_keys]
        return [*errors, *unknown], kept  # type: ignore[list-item]

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Present so that MkDocs keeps one plugin across the builds of `mkdocs serve`.
        self._serving = command == "serve"
        self._dirty = dirty
        if self._serving and not dirty:
            log.info(
                "Aperçu : « mkdocs serve --dirty » ne refait, à chaque modification, que les pages "
                "qu'elle change (avec --no-strict si mkdocs.yml demande strict: true)."
            )

    def on_shutdown(self) -> None:
        self._indexer.stop()

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # The site folder is about to be rewritten: no index may be written into it meanwhile.
        self._indexer.stop()
        if self._dirty:
            self._partial.starting(config)

    def on_build_error(self, *, error: Exception) -> None:
        self._partial.failed()
        self._previous_referentiel = None  # what the failed build wrote of the hand-written pages is unknown

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if "referentiel" in (config.extra or {}):
            raise PluginError(
                "Les réglages `extra.referentiel` de mkdocs.yml ne sont plus lus : mettez `source`, "
                "`export_officiel` et `date_export` sous le greffon, `plugins: - referentiel: {source: …}`."
            )
        if config.theme.name != "material":
            raise PluginError(
                f"Le greffon « referentiel » demande le thème material (theme: name: material), "
                f"pas « {config.theme.name} »."
            )
        if os.path.isdir(self.config.source):
            return self._catalogue_config(config)
        self._catalogue = None
        self._chunked_search = False
        self._referentiel = self._load()
        self._history = self._versions(self._referentiel)
        certification = self._referentiel.certification
        # The site is named and described from the YAML, which stays the one source.
        config.site_name = title(certification.titre)
        config.site_description = title(
            f"Référentiel d'activités, de compétences et d'évaluation de la certification "
            f"« {certification.titre} »."
        )
        if certification.provenance:
            # Data from the open data is credited on every page, in the footer.
            config.copyright = title(certification.provenance.credit)
        self._common_config(config)
        version_files = [v["fichier"] for v in self.config.versions if v["fichier"]]
        for watched in (self.config.source, self.config.export_officiel, *version_files):
            if watched and watched not in config.watch:
                config.watch.append(watched)
        return config

    def _catalogue_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.versions:
            raise PluginError(
                "Les versions (option versions) ne sont pas prises en charge quand source est un "
                "dossier de référentiels : retirez-les, ou publiez ce référentiel seul."
            )
        self._referentiel = None
        self._catalogue = catalogue_mode.load(self.config.source)
        self._described = catalogue_mode.referentiel_pages(self._catalogue)
        # What each page's search result is named after (its référentiel), found by its folder.
        self._search_labels = {entry.slug: entry.number or entry.slug for entry in self._catalogue.entries}
        self._search_url = File(SEARCH_PAGE, None, "", config.use_directory_urls).url
        self._chunked_search = catalogue_mode.uses_chunked_search(
            self.config.recherche, self.config.recherche_seuil, self._catalogue
        )
        if self._chunked_search:
            catalogue_mode.disable_theme_search(config.plugins)
        self._common_config(config)
        if CATALOGUE_JS not in config.extra_javascript:
            config.extra_javascript.append(CATALOGUE_JS)  # type: ignore[arg-type]
        if self.config.source not in config.watch:
            config.watch.append(self.config.source)
        return config

    def _common_config(self, config: MkDocsConfig) -> None:
        """Templates, style sheets and Markdown extensions, for one référentiel as for many."""
        # Our templates go after the site's own overrides (``custom_dir``), before the theme's.
        dirs = config.theme.dirs
        if TEMPLATES not in dirs:
            dirs.insert(1 if config.theme.custom_dir else 0, TEMPLATES)
        # The site's own style sheets come after ours, so that they can restyle anything.
        config.extra_css[:0] = [css for css in (SITE_CSS, SHEETS_CSS) if css not in config.extra_css]
        # The offline build asks for a worker shim from a CDN: a site read from a USB key has no network.
        polyfills = config.extra.get("polyfills") or []
        config.extra["polyfills"] = [WORKER_SHIM if "iframe-worker" in url else url for url in polyfills]
        for extension in MARKDOWN_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)

    def _catalogue_files(self, catalogue: Catalogue, files: Files, config: MkDocsConfig) -> Files:
        folder = self.config.etudes_de_cas
        written = [f.src_uri for f in files.documentation_pages()]
        if any(uri.startswith(f"{folder}/") for uri in written):
            raise PluginError(
                printable(
                    f"Les études de cas ({folder}/) ne sont pas prises en charge quand source est un "
                    "dossier de référentiels : publiez-les avec le site de leur référentiel."
                )
            )
        contents = catalogue_mode.contents(
            catalogue, config.use_directory_urls, self._chunked_search, self._contents_memo
        )
        self._add_pages(contents.pages, files, config)
        if not config.nav:
            config.nav = catalogue_mode.catalogue_nav(written, contents.sections, self._chunked_search)
        for path, content in contents.files.items():
            files.append(GeneratedFile.generated(config, path, content=content))
        files.append(GeneratedFile.generated(config, CATALOGUE_JS, content=catalogue_js()))
        if WORKER_SHIM in (config.extra.get("polyfills") or []):
            files.append(GeneratedFile.generated(config, WORKER_SHIM, content=worker_shim()))
        log.info(
            "Catalogue : %d référentiels, %d pages générées", len(catalogue.entries), len(contents.pages)
        )
        return files

    def _add_pages(self, pages: Any, files: Files, config: MkDocsConfig) -> None:
        for page in pages:
            if files.get_file_from_path(page.src_uri) is not None:
                raise PluginError(
                    printable(
                        f"La page générée « {page.src_uri} » existe déjà dans {config.docs_dir} : "
                        "renommez ou supprimez le fichier écrit à la main."
                    )
                )
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(
                GeneratedFile.generated(config, page.src_uri, content=page.content, inclusion=inclusion)
            )

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        slugs = {entry.slug for entry in self._catalogue.entries} if self._catalogue else None
        navigations = self._navigations = PageNavigations(nav, slugs)
        if self._dirty:
            changed = self._referentiel is not self._previous_referentiel
            self._previous_referentiel = self._referentiel
            pages, others = self._partial.mark(files, config, navigations.of_uri, changed)
            log.info("Construction partielle : %d page(s) et %d fichier(s) générés à refaire", pages, others)
        return nav

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        if self._navigations is not None:
            context["nav"] = self._navigations.of(page)
        return context

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self._catalogue is not None:
            return self._catalogue_files(self._catalogue, files, config)
        referentiel = self.referentiel
        findings = run_checks(referentiel) + self._official_findings(referentiel)
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
        folder = self.config.etudes_de_cas
        cases = self._read_cases(files, config)
        self._cases = {case.src_uri: case for case in cases}
        contents = site_contents(
            referentiel,
            findings,
            use_directory_urls=config.use_directory_urls,
            cases=cases or None,
            cases_folder=folder,
            history=self._history,
        )
        self._add_pages(contents.pages, files, config)
        if not config.nav:
            in_folder = [uri for uri in written if uri.startswith(f"{folder}/")]
            after = other_entries([uri for uri in written if uri not in in_folder])
            if cases:
                after.append({"Études de cas": [cases_index(folder), *sorted(self._cases)]})
            if self._history:
                steps = [{title(step_title(step)): step_page(step)} for step in self._history.steps]
                after.append({"Versions": [VERSIONS, *steps]})
            config.nav = navigation(referentiel, before=home_entries(written), after=after)
        for path, content in contents.files.items():
            files.append(GeneratedFile.generated(config, path, content=content))
        if WORKER_SHIM in (config.extra.get("polyfills") or []):
            files.append(GeneratedFile.generated(config, WORKER_SHIM, content=worker_shim()))
        log.info("Référentiel : %d pages générées", len(contents.pages))
        return files

    @event_priority(-50)  # after mkdocs-macros has rendered the page's own macros
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        case = self._cases.get(page.file.src_uri)
        if case is None:
            return markdown
        links = Links(self.referentiel, page.file.src_uri, config.use_directory_urls)
        # The theme inserts titles as markup, and mkdocs-macros renders a title as a template:
        # the front matter's title is shown as the text written.
        page.title = page.meta["title"] = title(case.titre)  # type: ignore[misc]
        # A search for a modality's words finds the référentiel's own page before the cases on it.
        page.meta.setdefault("search", {}).setdefault("boost", CASE_SEARCH_BOOST)
        return case_page(markdown, case, links)

    @event_priority(-50)  # after the theme's and other plugins' changes to the page
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self._partial.built(page)
        log.debug("Page refaite : %s", page.file.src_uri)
        # Search engines read what the certification is from its home page.
        if self._catalogue is not None:
            if self._chunked_search:
                output = self._labelled_for_search(output, page, config)
            described = self._described.get(page.file.src_uri)
            if described is None:
                return output
            url = f"{config.site_url.rstrip('/')}/{page.url}" if config.site_url else None
            script = json_ld_script(described, url)
            return output.replace("</head>", f"{script}\n</head>", 1)
        if not page.is_homepage:
            return output
        script = json_ld_script(self.referentiel, config.site_url or None)
        return output.replace("</head>", f"{script}\n</head>", 1)

    def _labelled_for_search(self, output: str, page: Page, config: MkDocsConfig) -> str:
        output = with_search_button(output, get_relative_url(self._search_url, page.url), search_icon())
        label = self._search_labels.get(page.file.src_uri.split("/", 1)[0])
        if label is None:
            return output
        if (page.meta.get("search") or {}).get("exclude"):
            return unindexed_article(output)
        # The theme's titles are escaped already; the attribute escapes them again, once.
        page_title = html.unescape(str(page.title or ""))
        return labelled_article(output, page_title, label)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        if self._chunked_search and self._serving:
            self._indexer.start(site)
        elif self._chunked_search:
            try:
                index_site(site)
            except SearchIndexError as error:
                raise PluginError(printable(f"Index de recherche (Pagefind) impossible : {error}")) from None
        else:
            self._french_search_index(site / "search" / "search_index.json")
        self._partial.succeeded()

    def _french_search_index(self, path: Path) -> None:
        """The theme's search index, taught to find French words as readers type them."""
        if not path.is_file():
            return
        index = json.loads(path.read_text(encoding="utf-8"))
        if self._dirty:
            french_settings(index["config"])
            index["docs"] = self._partial.search_entries(index["docs"])
        else:
            enrich_index(index)
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

    def _read_cases(self, files: Files, config: MkDocsConfig) -> list[CaseStudy]:
        """The case studies under the ``etudes_de_cas`` folder; every mistake of every page at once."""
        folder = self.config.etudes_de_cas
        index = cases_index(folder)
        root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        cases, problems = [], []
        for file in files.documentation_pages():
            if not file.src_uri.startswith(f"{folder}/") or file.src_uri == index or file.generated_by:
                continue
            shown = Path(os.path.relpath(file.abs_src_path or file.src_uri, root))
            try:
                cases.append(read_case_study(file.content_string, shown, file.src_uri, self.referentiel))
            except ReferentielError as error:
                problems += error.problems
        if problems:
            raise PluginError(ReferentielError(problems).report("Études de cas invalides"))
        return cases

    def _versions(self, current: Referentiel) -> History | None:
        """The history through the configured earlier versions, or None without any."""
        if not self.config.versions:
            return None
        versions = []
        for entry in self.config.versions:
            try:
                if entry["fichier"]:
                    earlier = load_referentiel(entry["fichier"])
                else:
                    earlier = from_revision(Path(self.config.source), str(entry["revision"]))
            except ReferentielError as error:
                raise PluginError(error.report(f"Version « {entry['nom']} » illisible")) from None
            versions.append(Version(str(entry["nom"]), earlier))
        return history([*versions, Version(self.config.version_actuelle, current)])

    def _load(self) -> Referentiel:
        """The référentiel, or a build failure that shows the French report and no traceback."""
        try:
            return load_referentiel(self.config.source)
        except ReferentielError as error:
            raise PluginError(error.report()) from None

    def _official_findings(self, referentiel: Referentiel) -> list[Finding]:
        """Rule S23 against ``export_officiel``, if set."""
        if not self.config.export_officiel:
            return []
        from ..rncp import ExportError, crosscheck_export  # only sites that compare need it

        day = self.config.date_export
        try:
            return crosscheck_export(
                referentiel, Path(self.config.export_officiel), day.isoformat() if day else None
            )
        except ExportError as error:
            raise PluginError(printable(f"Export officiel illisible : {error}")) from None
