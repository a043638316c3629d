"""``referentiel diff``: synthetic edits of the seed and of an imported fiche, told item by item."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sitebuild import DATA
from test_import import EXPORT

from referentiel import parse_referentiel
from referentiel.cli import main
from referentiel.diff import compare
from referentiel.loading.yamlsource import parse_yaml

SEED = parse_yaml(DATA.read_text(encoding="utf-8"), DATA).data


def _edited(edit: Callable[[dict[str, Any]], None], base: dict[str, Any] = SEED) -> str:
    """The référentiel with ``edit`` applied to its data, as YAML text (JSON is YAML)."""
    data = copy.deepcopy(base)
    edit(data)
    return json.dumps(data, ensure_ascii=False)


def _changes(new_text: str, base: dict[str, Any] = SEED) -> list[tuple[str, tuple[str, ...], str, str]]:
    """(kind, statuses, old ID, new ID) of each change from ``base`` to ``new_text``."""
    old = parse_referentiel(json.dumps(base, ensure_ascii=False))
    new = parse_referentiel(new_text)
    return [
        (c.kind, c.status, c.old.id if c.old else "", c.new.id if c.new else "") for c in compare(old, new)
    ]


def _competence(data: dict[str, Any], competence_id: str) -> dict[str, Any]:
    return next(c for bloc in data["blocs"] for c in bloc["competences"] if c["id"] == competence_id)


def _rename_competence(data: dict[str, Any]) -> None:
    competence = _competence(data, "C1.2")
    competence["id"] = "C1.20"
    for criterion in competence["criteres"]:
        criterion["id"] = criterion["id"].replace("C1.2-", "C1.20-")
    for bloc in data["blocs"]:
        for modality in bloc["modalites"]:
            modality["competences"] = ["C1.20" if c == "C1.2" else c for c in modality["competences"]]


def test_same_file_has_no_difference(capsys: pytest.CaptureFixture[str]) -> None:
    """A référentiel compared with itself: « Aucune différence. », exit 0."""
    assert main(["diff", str(DATA), str(DATA)]) == 0
    assert "Aucune différence." in capsys.readouterr().out


def test_renamed_competence_is_matched_by_its_words() -> None:
    """A competence whose ID changed is renamed, not removed and added; its criteria, renamed
    with it, have not moved."""
    assert _changes(_edited(_rename_competence)) == [
        ("competence", ("renomme",), "C1.2", "C1.20"),
        ("critere", ("renomme",), "C1.2-1", "C1.20-1"),
        ("critere", ("renomme",), "C1.2-2", "C1.20-2"),
    ]


def test_reworded_criterion_shows_its_words(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A reworded text is « modifié », with the words removed and added."""

    def reword(data: dict[str, Any]) -> None:
        _competence(data, "C1.1")["criteres"][0]["texte"] = (
            "Le diagnostic de l'organisation intègre une analyse interne, externe et sectorielle."
        )

    new = tmp_path / "nouveau.yaml"
    new.write_text(_edited(reword), encoding="utf-8")
    assert main(["diff", str(DATA), str(new)]) == 0
    out = capsys.readouterr().out
    assert "Critères : 1 modifié" in out
    assert (
        "~ C1.1-1 modifié : Le diagnostic de l'organisation intègre une analyse "
        "[-interne-] {+interne, externe+} et [-externe.-] {+sectorielle.+}"
    ) in out


def test_moved_criterion() -> None:
    """A criterion given to another competence has moved."""

    def move(data: dict[str, Any]) -> None:
        criterion = _competence(data, "C1.1")["criteres"].pop()
        _competence(data, "C1.2")["criteres"].append(criterion)

    assert _changes(_edited(move)) == [("critere", ("deplace",), "C1.1-3", "C1.1-3")]


def test_split_and_merge() -> None:
    """A criterion split in two: the first reworded, the second added; two merged: one reworded,
    the other removed."""

    def split(data: dict[str, Any]) -> None:
        criteria = _competence(data, "C1.1")["criteres"]
        criteria[0]["texte"] = "Le diagnostic de l'organisation intègre une analyse interne."
        criteria.append({"id": "C1.1-4", "texte": "Le diagnostic intègre une analyse externe du marché."})

    assert _changes(_edited(split)) == [
        ("critere", ("modifie",), "C1.1-1", "C1.1-1"),
        ("critere", ("ajoute",), "", "C1.1-4"),
    ]

    def merge(data: dict[str, Any]) -> None:
        criteria = _competence(data, "C1.1")["criteres"]
        criteria[1]["texte"] += " " + criteria[2]["texte"]
        del criteria[2]

    assert _changes(_edited(merge)) == [
        ("critere", ("modifie",), "C1.1-2", "C1.1-2"),
        ("critere", ("supprime",), "C1.1-3", ""),
    ]


def test_recoded_bloc_keeps_its_children_in_place() -> None:
    """A bloc whose ID changes is renamed; what it holds has not moved."""

    def recode(data: dict[str, Any]) -> None:
        data["blocs"][0]["id"] = "BLOC1"

    assert _changes(_edited(recode)) == [("bloc", ("renomme",), "B1", "BLOC1")]


def test_json_counts_every_change(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """``--json`` gives the same changes with a summary per kind and status."""
    new = tmp_path / "nouveau.yaml"
    new.write_text(_edited(_rename_competence), encoding="utf-8")
    assert main(["diff", str(DATA), str(new), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["resume"]["competence"]["renomme"] == 1
    assert document["resume"]["critere"]["renomme"] == 2
    assert document["changements"][0]["ancien"]["id"] == "C1.2"
    assert document["changements"][0]["nouveau"]["id"] == "C1.20"


def test_imported_fiche_edited(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An imported fiche with a bloc retitled and a competence removed."""
    assert main(["import", str(EXPORT), "--fiche", "RNCP37674", "--sortie", str(tmp_path)]) == 0
    path = tmp_path / "RNCP37674" / "referentiel.yaml"
    fiche = parse_yaml(path.read_text(encoding="utf-8"), path).data
    bloc = fiche["blocs"][0]
    removed = bloc["competences"][-1]["id"]

    def edit(data: dict[str, Any]) -> None:
        first = data["blocs"][0]
        first["intitule"] += " et du suivi"
        first["competences"].pop()
        for modality in first["modalites"]:
            modality["competences"] = [c for c in modality["competences"] if c != removed]

    changes = _changes(_edited(edit, fiche), fiche)
    assert ("bloc", ("modifie",), bloc["id"], bloc["id"]) in changes
    assert ("competence", ("supprime",), removed, "") in changes


def test_bad_input_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing or invalid file: a French message with the file and line, exit 1."""
    broken = tmp_path / "casse.yaml"
    broken.write_text("certification:\n  intitule: a\n  intitule: b\n", encoding="utf-8")
    assert main(["diff", str(DATA), str(tmp_path / "absent.yaml")]) == 1
    assert "absent.yaml : fichier introuvable" in capsys.readouterr().err
    assert main(["diff", str(broken), str(DATA)]) == 1
    assert "casse.yaml, ligne 3" in capsys.readouterr().err
