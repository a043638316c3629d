"""Reading a case study's front matter, strictly, and checking it against the référentiel.

The front matter is read by the same strict YAML reader as the référentiel (lines kept), so
that every mistake names the page and its line.
"""

from __future__ import annotations

import difflib
import html
from pathlib import Path
from typing import Any

from ..errors import Problem, ReferentielError
from ..loading.yamlsource import parse_yaml
from ..model import Criterion, Referentiel
from .model import CaseStudy

# What a case study declares, under one key so that none shadows a macro (mkdocs-macros makes
# every front matter key a template variable), then what MkDocs, Material and mkdocs-macros read.
CASE = "etude_de_cas"
CASE_KEYS = ("modalite", "competences", "criteres", "duree", "auteur", "session")
PAGE_KEYS = (
    CASE,
    "title",
    "description",
    "render_macros",
    "hide",
    "search",
    "tags",
    "template",
    "icon",
    "status",
)
TEXT_KEYS = ("duree", "auteur", "session")


def front_matter(text: str) -> tuple[str, int] | None:
    """The front matter's YAML and the file line it starts on, or None if the page has none."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != "---":
        return None
    for index, line in enumerate(lines[1:], start=1):
        if line.rstrip("\r\n") in ("---", "..."):
            return "".join(lines[1:index]), 2
    return None


def read_case_study(text: str, path: Path, src_uri: str, referentiel: Referentiel) -> CaseStudy:
    """The case study of page ``src_uri`` (file ``path``); ``ReferentielError`` with lines if wrong."""
    found = front_matter(text)
    if found is None:
        raise ReferentielError(
            [
                Problem(
                    path,
                    1,
                    None,
                    "une étude de cas commence par un en-tête (---) qui déclare sa modalité "
                    "et ses compétences",
                )
            ]
        )
    yaml_text, first_line = found
    # Blank lines keep the file's line numbers in the reader's messages.
    source = parse_yaml("\n" * (first_line - 1) + yaml_text, path)
    page = source.data
    problems: list[Problem] = []

    def fail(key: tuple[Any, ...], message: str, item: str | None = None) -> None:
        problems.append(Problem(path, source.line_of((CASE, *key)), item, message))

    if not isinstance(page, dict):
        raise ReferentielError(
            [Problem(path, first_line, None, "l'en-tête doit être une liste de clés : valeurs")]
        )
    for key in page:
        if key not in PAGE_KEYS:
            close = difflib.get_close_matches(str(key), PAGE_KEYS, n=1)
            hint = f" (vouliez-vous dire « {close[0]} » ?)" if close else ""
            problems.append(Problem(path, source.line_of((key,)), None, f"clé inconnue « {key} »{hint}"))
    data = page.get(CASE)
    if not isinstance(data, dict):
        problems.append(
            Problem(
                path,
                source.line_of((CASE,)) or first_line,
                None,
                f"une étude de cas déclare « {CASE}: » avec sa modalité et ses compétences "
                "(modalite: E1, competences: [C1.1, C1.2])",
            )
        )
        raise ReferentielError(problems)
    if "title" in page and not isinstance(page["title"], str):
        problems.append(Problem(path, source.line_of(("title",)), None, "« title » doit être un texte"))
    for key in data:
        if key not in CASE_KEYS:
            close = difflib.get_close_matches(str(key), CASE_KEYS, n=1)
            hint = f" (vouliez-vous dire « {close[0]} » ?)" if close else ""
            fail((key,), f"clé inconnue « {key} » dans « {CASE} »{hint}")
    for key in TEXT_KEYS:
        if key in data and not isinstance(data[key], str):
            fail((key,), f"« {key} » doit être un texte")
    modality = None
    modality_id = data.get("modalite")
    if not isinstance(modality_id, str):
        fail(
            ("modalite",),
            "« modalite » doit donner l'identifiant d'une modalité d'évaluation (par exemple E1)",
        )
    else:
        try:
            modality = referentiel.modality(modality_id)
        except KeyError:
            fail(("modalite",), f"aucune modalité n'a l'identifiant « {modality_id} »", modality_id)
    competences = _id_list(data, "competences", fail, required=True)
    for index, competence_id in enumerate(competences):
        try:
            referentiel.competence(competence_id)
        except KeyError:
            fail(
                ("competences", index),
                f"aucune compétence n'a l'identifiant « {competence_id} »",
                competence_id,
            )
            continue
        if modality is not None and competence_id not in modality.competence_ids:
            fail(
                ("competences", index),
                f"la modalité {modality.id} n'évalue pas la compétence {competence_id} "
                f"(elle évalue {', '.join(modality.competence_ids)})",
                competence_id,
            )
    criteria = _id_list(data, "criteres", fail, required=False)
    for index, criterion_id in enumerate(criteria):
        try:
            owner = referentiel.item(criterion_id)
        except KeyError:
            owner = None
        if not isinstance(owner, Criterion):
            fail(("criteres", index), f"aucun critère n'a l'identifiant « {criterion_id} »", criterion_id)
        elif owner.competence_id not in competences:
            fail(
                ("criteres", index),
                f"le critère {criterion_id} est celui de la compétence {owner.competence_id}, "
                "que l'étude de cas ne déclare pas",
                criterion_id,
            )
    if problems:
        raise ReferentielError(problems)
    assert isinstance(modality_id, str)
    title = page.get("title")
    return CaseStudy(
        src_uri=src_uri,
        # Titles are written escaped for the theme (see site.text.title); shown here as text.
        titre=html.unescape(title) if isinstance(title, str) else Path(src_uri).stem,
        modalite=modality_id,
        competences=tuple(competences),
        criteres=tuple(criteria),
        duree=data.get("duree"),
        auteur=data.get("auteur"),
        session=data.get("session"),
        macros=page.get("render_macros") is True,
    )


def _id_list(data: dict[str, Any], key: str, fail: Any, required: bool) -> list[str]:
    value = data.get(key)
    if value is None and not required:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        fail((key,), f"« {key} » doit être une liste d'identifiants, par exemple [C1.1, C1.2]")
        return []
    duplicates = {v for v in value if value.count(v) > 1}
    if duplicates:
        fail((key,), f"« {key} » nomme deux fois {', '.join(sorted(duplicates))}")
    return list(value)
