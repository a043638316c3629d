"""Exports: JSON (schema, round trip, links both ways), CSV for spreadsheets, CASE 1.0, Moodle, schema.org."""

from __future__ import annotations

import csv
import io
import json
import uuid
from pathlib import Path

import jsonschema
import pytest
import yaml
from referencing import Registry, Resource
from sitebuild import DATA, Build

from referentiel import load_referentiel, parse_referentiel
from referentiel.cli import main
from referentiel.export.case import case_package
from referentiel.export.json_data import json_document
from referentiel.export.moodle import COLUMNS, moodle_text
from referentiel.export.schema_org import json_ld_script
from referentiel.export.spreadsheet import csv_text
from referentiel.loading import load_schema

FIXTURES = Path(__file__).parent / "fixtures"
EXPORT = FIXTURES / "rncp" / "export_fiches_RNCP_V4_1_extrait.xml"
FICHES = ["RNCP34762", "RNCP35625", "RNCP36612", "RNCP37674"]
SEED = load_referentiel(DATA)
HOSTILE = '=HYPERLINK("http://x";"clic")</script><script>alert(1)</script> " \' ; , \\ {{ 7*7 }}'


@pytest.fixture(scope="module")
def fiches(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The four fixture fiches, imported."""
    output = tmp_path_factory.mktemp("fiches")
    args = ["import", str(EXPORT), "--sortie", str(output), "--date-export", "2026-08-16"]
    for number in FICHES:
        args += ["--fiche", number]
    assert main(args) == 0
    return {number: load_referentiel(output / number / "referentiel.yaml") for number in FICHES}


def _export_validator() -> jsonschema.Draft202012Validator:
    from importlib import resources

    export_schema = json.loads(
        resources.files("referentiel.schema")
        .joinpath("referentiel-export.schema.json")
        .read_text(encoding="utf-8")
    )
    registry = Registry().with_resources(
        [
            (load_schema()["$id"], Resource.from_contents(load_schema())),
            (export_schema["$id"], Resource.from_contents(export_schema)),
        ]
    )
    return jsonschema.Draft202012Validator(export_schema, registry=registry)


def test_command_writes_the_formats_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``referentiel export`` writes what is asked, « tous » for every format and the per-bloc CSVs."""
    assert (
        main(["export", "--referentiel", str(DATA), "--format", "json", "--sortie", str(tmp_path / "a")]) == 0
    )
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["referentiel.json"]
    assert (
        main(["export", "--referentiel", str(DATA), "--format", "tous", "--sortie", str(tmp_path / "b")]) == 0
    )
    names = sorted(p.name for p in (tmp_path / "b").iterdir())
    expected = ["referentiel-case.json", "referentiel-moodle.csv", "referentiel.csv", "referentiel.json"]
    assert names == sorted(expected + [f"referentiel-{b.id}.csv" for b in SEED.blocs])
    with pytest.raises(SystemExit):
        main(["export", "--format", "xml"])
    assert "choix invalide" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["seed", *FICHES])
def test_json_is_valid_and_round_trips(name: str, fiches: dict[str, object]) -> None:
    """The JSON follows its schema, and its « referentiel » turned into YAML loads as the same référentiel."""
    referentiel = SEED if name == "seed" else fiches[name]
    document = json.loads(json.dumps(json_document(referentiel)))  # as a reader gets it
    errors = [f"{list(e.path)}: {e.message}" for e in _export_validator().iter_errors(document)]
    assert not errors, errors[:5]
    text = yaml.safe_dump(document["referentiel"], allow_unicode=True, sort_keys=False)
    assert parse_referentiel(text) == referentiel


def test_json_links_go_both_ways() -> None:
    """Every link has its reverse: competence ↔ modality, competence ↔ bloc, criterion ↔ competence…"""
    elements = {e["id"]: e for e in json_document(SEED)["elements"]}
    assert {e["type"] for e in elements.values()} == {"bloc", "activite", "competence", "modalite", "critere"}
    for element in elements.values():
        links = element["liens"]
        if element["type"] == "competence":
            assert element["id"] in elements[links["bloc"]]["liens"]["competences"]
            for modality in links["evaluee_par"]:
                assert element["id"] in elements[modality]["liens"]["evalue"]
            for criterion in links["criteres"]:
                assert elements[criterion]["liens"]["competence"] == element["id"]
            if links["activite"]:
                assert element["id"] in elements[links["activite"]]["liens"]["competences"]
        if element["type"] == "modalite":
            for competence in links["evalue"]:
                assert element["id"] in elements[competence]["liens"]["evaluee_par"]
    assert len([e for e in elements.values() if e["type"] == "critere"]) == len(SEED.criteres) == 46


def test_csv_opens_in_a_french_spreadsheet_and_holds_every_criterion() -> None:
    """BOM, « ; », one row per criterion: read back with the csv module, every criterion is there."""
    text = csv_text(SEED)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert len(header) == 11 and all(len(row) == 11 for row in body)
    assert len(body) == len(SEED.criteres)
    by_id = {row[8]: row for row in body}
    for criterion in SEED.criteres:
        row = by_id[criterion.id]
        assert row[9] == criterion.texte and row[5] == criterion.competence_id
        assert row[10] == " ; ".join(criterion.sous_points)


def test_case_package_is_valid_and_stable() -> None:
    """Valid against the CASE 1.0 CFPackage schema; UUIDv5 identifiers identical from run to run."""
    schema = json.loads((FIXTURES / "case" / "case-v1p0-cfpackage-schema.json").read_text(encoding="utf-8"))
    package = case_package(SEED)
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(package)]
    assert not errors, errors[:5]
    assert json.dumps(case_package(load_referentiel(DATA))) == json.dumps(package)
    items = package["CFItems"]
    assert len(items) == len(SEED.blocs) + len(SEED.competences)
    assert all(uuid.UUID(item["identifier"]).version == 5 for item in items)
    assert [i["humanCodingScheme"] for i in items if i["CFItemType"] == "Compétence"] == [
        c.id for c in SEED.competences
    ]
    parents = [a for a in package["CFAssociations"] if a["associationType"] == "isChildOf"]
    bloc_children = [
        a["sequenceNumber"] for a in parents if a["destinationNodeURI"]["title"] == SEED.certification.titre
    ]
    assert bloc_children == list(range(1, len(SEED.blocs) + 1))
    rubrics = {r["title"]: r for r in package["CFRubrics"]}
    assert len(rubrics) == len(SEED.modalites)
    for modality in SEED.modalites:
        rubric = rubrics[f"{modality.code} {modality.intitule}"]
        expected = [c.id for cid in modality.competence_ids for c in SEED.competence(cid).criteres]
        assert [c["category"] for c in rubric["CFRubricCriteria"]] == expected
        for criterion in rubric["CFRubricCriteria"]:
            assert [level["quality"] for level in criterion["CFRubricCriterionLevels"]] == list(
                SEED.certification.scale.niveaux
            )


def test_moodle_csv_follows_the_importer_rules() -> None:
    """14 columns by position, one framework row with its scale, parents first, unique ID numbers."""
    rows = list(csv.reader(io.StringIO(moodle_text(SEED), newline="")))
    assert tuple(rows[0]) == COLUMNS
    body = rows[1:]
    assert all(len(row) == 14 for row in body)
    frameworks = [row for row in body if row[12] == "1"]
    assert len(frameworks) == 1
    framework = frameworks[0]
    values = framework[5].split(",")
    assert values == ["non acquis", "partiellement acquis", "acquis"]
    configuration = json.loads(framework[6])
    assert "scaleid" in configuration[0]
    assert all(1 <= entry["id"] <= len(values) for entry in configuration[1:])
    assert any(entry["proficient"] == 1 for entry in configuration[1:])
    seen: set[str] = set()
    for row in body:
        if row[12] == "1":
            continue
        assert row[1] and row[1] not in seen, row[1]
        assert row[0] == "" or row[0] in seen, f"parent {row[0]} after {row[1]}"
        assert row[4] == "1" and len(row[2]) <= 100
        seen.add(row[1])
    assert len(seen) == len(SEED.blocs) + len(SEED.competences)
    for criterion in SEED.criteres:
        assert any(criterion.id in row[3] for row in body)


def test_home_page_carries_schema_org_credential(real_site: Build) -> None:
    """The home page's JSON-LD expands to an EducationalOccupationalCredential with its competences."""
    import re

    from pyld import jsonld

    html = (real_site.site / "index.html").read_text(encoding="utf-8")
    [script] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    document = json.loads(script)

    def offline_loader(url: str, options: dict | None = None) -> dict:
        assert url.rstrip("/") == "https://schema.org"
        context = {"@context": {"@vocab": "https://schema.org/"}}
        return {"contextUrl": None, "documentUrl": url, "document": context}

    [expanded] = jsonld.expand(document, {"documentLoader": offline_loader})
    schema = "https://schema.org/"
    assert expanded["@type"] == [schema + "EducationalOccupationalCredential"]
    assert expanded[schema + "name"][0]["@value"] == SEED.certification.titre
    assert expanded[schema + "educationalLevel"][0]["@value"].startswith("Niveau 7")
    terms = expanded[schema + "competencyRequired"]
    assert len(terms) == len(SEED.competences)
    assert all(term["@type"] == [schema + "DefinedTerm"] for term in terms)
    assert {t[schema + "termCode"][0]["@value"] for t in terms} == {c.id for c in SEED.competences}


def test_downloads_page_and_bloc_links(real_site: Build) -> None:
    """The site publishes every export under « Téléchargements », and each bloc links its own CSV."""
    page = real_site.page("telechargements")
    for name in ("referentiel.json", "referentiel.csv", "referentiel-case.json", "referentiel-moodle.csv"):
        assert f'href="{name}"' in page
        assert (real_site.site / "telechargements" / name).stat().st_size > 1000
    for bloc in SEED.blocs:
        assert f'href="../../telechargements/referentiel-{bloc.id}.csv"' in real_site.page(f"blocs/{bloc.id}")
    assert 'href="telechargements/"' in real_site.page("")


def test_hostile_text_stays_text_in_every_format() -> None:
    """A formula, markup, quotes: neutralised for spreadsheets, escaped in HTML and JSON-LD, kept in JSON."""
    source = DATA.read_text(encoding="utf-8")
    criterion = "            texte: Le diagnostic de l'organisation intègre une analyse interne et externe."
    text = source.replace(criterion, f"            texte: {json.dumps(HOSTILE)}", 1)
    text = text.replace(
        "  intitule: Manager des stratégies communication marketing", f"  intitule: {json.dumps(HOSTILE)}", 1
    )
    referentiel = parse_referentiel(text)
    rows = list(
        csv.reader(io.StringIO(csv_text(referentiel).removeprefix("\ufeff"), newline=""), delimiter=";")
    )
    cell = next(row[9] for row in rows if row[8] == "C1.1-1")
    assert cell == "'" + HOSTILE
    moodle = list(csv.reader(io.StringIO(moodle_text(referentiel), newline="")))
    assert moodle[1][2].startswith("'=")  # the framework's short name
    assert "<script>" not in "".join(row[3] for row in moodle[1:])
    assert "</script><script>" not in json_ld_script(referentiel)
    document = json.loads(json.dumps(json_document(referentiel)))
    assert parse_referentiel(yaml.safe_dump(document["referentiel"], allow_unicode=True)) == referentiel
    assert case_package(referentiel)["CFDocument"]["title"].startswith(HOSTILE)
