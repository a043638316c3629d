"""A case study as a candidate's file: its text, then its modality's grid restricted to what it
prepares, printed through the same path as the grids (:mod:`.pdf`).

Outside MkDocs, the page's macros run in a sandboxed template with the same functions as on the
site; its Markdown is converted with the extensions the site uses.
"""

from __future__ import annotations

import traceback
from pathlib import Path

from ..cases import CaseStudy, front_matter, read_case_study
from ..errors import Problem, ReferentielError
from ..loading import read_text
from ..model import Referentiel
from ..site.macros import UnknownItem, macro_functions
from ..site.pages.cases import case_text
from ..site.urls import Links

MARKDOWN_EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables"]


def case_study_pages(folder: Path) -> list[Path]:
    """The case-study pages of ``folder``, in the order of their paths (its index is not one)."""
    return sorted(path for path in folder.rglob("*.md") if path.name != "index.md")


def case_study_html(path: Path, folder: Path, referentiel: Referentiel) -> tuple[CaseStudy, str]:
    """The case study of ``path`` and its text as HTML; ``ReferentielError`` with the line if wrong."""
    text = read_text(path)
    src_uri = f"{folder.name}/{path.relative_to(folder).as_posix()}"
    case = read_case_study(text, path, src_uri, referentiel)
    found = front_matter(text)
    assert found is not None  # read_case_study refused a page without one
    front, _ = found
    first_body_line = front.count("\n") + 3
    body = "\n".join(text.splitlines()[first_body_line - 1 :])
    links = Links(referentiel, src_uri, use_directory_urls=True)
    if case.macros:
        body = _rendered(body, path, first_body_line, referentiel, links)
    import markdown  # comes with MkDocs, in the « site » option like the printing itself

    html = markdown.markdown(case_text(body, case, links), extensions=MARKDOWN_EXTENSIONS)
    return case, f'<article class="etude-texte">{html}</article>'


def _rendered(body: str, path: Path, first_line: int, referentiel: Referentiel, links: Links) -> str:
    """The page's macros run as on the site, in a sandbox: no attribute or import of Python reaches it."""
    from jinja2 import StrictUndefined, TemplateError
    from jinja2.sandbox import SandboxedEnvironment

    environment = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)
    functions = macro_functions(lambda: referentiel, lambda: links)
    try:
        return environment.from_string(body).render(**functions)
    except (UnknownItem, TemplateError, TypeError) as error:
        line = getattr(error, "lineno", None) or _template_line(error)
        where = line + first_line - 1 if line else None
        raise ReferentielError([Problem(path, where, None, f"macro : {error}")]) from None


def _template_line(error: BaseException) -> int | None:
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename == "<template>"]
    return frames[-1].lineno if frames else None
