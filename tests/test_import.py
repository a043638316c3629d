"""Importing official fiches from the open data, building their sites, cross-checking (S23)."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from htmltext import article_text, normalize
from sitebuild import Build, build_variant

from referentiel import load_referentiel
from referentiel.cli import main
from referentiel.rncp.split import split_items, words

EXPORT = Path(__file__).parent / "fixtures" / "rncp" / "export_fiches_RNCP_V4_1_extrait.xml"
FICHES = ["RNCP34762", "RNCP35625", "RNCP36612", "RNCP37674"]
CREDIT = "Source : France compétences (data.gouv.fr), export du 16/08/2026"


def _official_blocs(number: str) -> list[ET.Element]:
    root = ET.parse(EXPORT).getroot()
    fiche = next(f for f in root.iter("FICHE") if f.findtext("NUMERO_FICHE") == number)
    return fiche.findall("BLOCS_COMPETENCES/BLOC_COMPETENCES")


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The four fixture fiches, imported in one run of ``referentiel import``."""
    output = tmp_path_factory.mktemp("import")
    args = ["import", str(EXPORT), "--sortie", str(output), "--date-export", "2026-08-16"]
    for number in FICHES:
        args += ["--fiche", number]
    assert main(args) == 0
    return output


@pytest.fixture(scope="module")
def sites(imported: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Build]:
    """Each imported fiche built into a site with ``mkdocs build --strict``."""
    built = {}
    for number in FICHES:
        text = (imported / number / "referentiel.yaml").read_text(encoding="utf-8")
        built[number] = build_variant(tmp_path_factory.mktemp(number), text)
    return built


@pytest.mark.parametrize("number", FICHES)
def test_imported_fiche_builds_and_passes_checks(sites: dict[str, Build], number: str) -> None:
    """The site builds strictly; the checks find no error (missing criteria are warnings)."""
    site = sites[number]
    assert site.returncode == 0, site.output
    assert "Contrôle de conformité : 0 erreur(s)" in site.output


@pytest.mark.parametrize("number", FICHES)
def test_every_bloc_and_competence_word_reaches_the_site(
    sites: dict[str, Build], imported: Path, number: str
) -> None:
    """Each bloc's code and label, and every word of its competences, are on its page."""
    referentiel = load_referentiel(imported / number / "referentiel.yaml")
    official = _official_blocs(number)
    assert len(referentiel.blocs) == len(official)
    for bloc, element in zip(referentiel.blocs, official, strict=True):
        assert bloc.code_rncp == element.findtext("CODE")
        page = normalize(article_text(sites[number].page(f"blocs/{bloc.id}")))
        assert normalize(element.findtext("LIBELLE") or "") in page
        assert normalize(bloc.code_rncp or "") in page
        original = element.findtext("LISTE_COMPETENCES") or ""
        split = " ".join(c.texte for c in bloc.competences)
        assert words(split) == words(original)
        for competence in bloc.competences:
            competence_page = normalize(article_text(sites[number].page(f"competences/{competence.id}")))
            assert normalize(competence.texte) in competence_page


@pytest.mark.parametrize("number", FICHES)
def test_original_texts_are_kept_and_credited(sites: dict[str, Build], imported: Path, number: str) -> None:
    """The official texts stay whole in the YAML and on the site, with the open-data credit."""
    referentiel = load_referentiel(imported / number / "referentiel.yaml")
    for bloc, element in zip(referentiel.blocs, _official_blocs(number), strict=True):
        assert bloc.texte_officiel is not None
        assert (
            bloc.texte_officiel.liste_competences == (element.findtext("LISTE_COMPETENCES") or "").strip()
            or None
        )
        assert (
            bloc.texte_officiel.modalites_evaluation
            == (element.findtext("MODALITES_EVALUATION") or "").strip()
            or None
        )
    assert CREDIT in article_text(sites[number].page("audit/fiche-rncp"))
    competence = referentiel.blocs[0].competences[0].id
    for page in ("", f"competences/{competence}"):  # every page credits it in its footer
        assert CREDIT in sites[number].page(page)
    assert CREDIT in article_text(sites[number].page(f"blocs/{referentiel.blocs[0].id}"))
    assert "Source : France compétences (data.gouv.fr), export du 16/08/2026" in (
        imported / number / "referentiel.yaml"
    ).read_text(encoding="utf-8")


def test_fiche_fields_are_imported(imported: Path) -> None:
    """Number, level, codes, certifiers, dates, access routes and status come from the fiche."""
    r = load_referentiel(imported / "RNCP36612" / "referentiel.yaml")
    c = r.certification
    assert (c.numero_rncp, c.niveau, c.active) == ("RNCP36612", 5, True)
    assert c.enregistrement.date_decision == "2022-07-01" and c.enregistrement.date_echeance == "2027-07-01"
    assert [x.code for x in c.codes_rome] == ["M1604", "M1501", "M1203"]
    assert c.certificateurs and all(x.siret for x in c.certificateurs)
    assert [v.voie for v in c.voies_acces][-1] == "VAE" and c.voies_acces[-1].ouverte is True
    assert [b.code_rncp for b in r.blocs] == [f"RNCP36612BC0{n}" for n in range(1, 5)]


# Ways real fiches write their lists, beyond the four fixtures.
SPLITS = {
    "A1C1. Analyser le marché        A1C2.Concevoir une offre": [
        "A1C1. Analyser le marché",
        "A1C2.Concevoir une offre",
    ],
    "C.1. Identifier les besoins C.2. Rédiger le cahier des charges": [
        "C.1. Identifier les besoins",
        "C.2. Rédiger le cahier des charges",
    ],
    "1.1 Analyser 1.1.1 Collecter les données 1.2 Concevoir": [
        "1.1 Analyser",
        "1.1.1 Collecter les données",
        "1.2 Concevoir",
    ],
    "- Identifier les usages    - Se servir des outils": ["Identifier les usages", "Se servir des outils"],
    "* Planifier * Contrôler": ["Planifier", "Contrôler"],
    "• Planifier • Contrôler": ["Planifier", "Contrôler"],
    "Réaliser une veille.    Rédiger les contrats.": ["Réaliser une veille.", "Rédiger les contrats."],
    "Installer son poste  Maquetter des interfaces": ["Installer son poste", "Maquetter des interfaces"],
    "<p>Analyser&nbsp;le marché</p><p>Concevoir l&#39;offre</p>": [
        "Analyser\u00a0le marché".replace("\u00a0", " "),
        "Concevoir l'offre",
    ],
    "<ul><li>Un</li><li>Deux</li></ul>": ["Un", "Deux"],
    "Piloter une stratégie de croissance - notamment externe - et ses modalités": [
        "Piloter une stratégie de croissance - notamment externe - et ses modalités"
    ],
    "Mettre en œuvre les   modalités qu’il juge adaptées": [
        "Mettre en œuvre les modalités qu’il juge adaptées"
    ],
    "Évaluer avec 2 professionnels et 3 experts": ["Évaluer avec 2 professionnels et 3 experts"],
    "1) Accueillir 2) Orienter": ["1) Accueillir", "2) Orienter"],
}


@pytest.mark.parametrize("text", SPLITS)
def test_split_formats(text: str) -> None:
    """Numbered, dashed, starred, spaced and HTML lists are cut into their items, asides kept whole."""
    assert split_items(text) == SPLITS[text]


def test_split_never_loses_a_word() -> None:
    """On every list of every fixture fiche, the items hold exactly the words of the original."""
    root = ET.parse(EXPORT).getroot()
    checked = 0
    for element in root.iter("BLOC_COMPETENCES"):
        for field in ("LISTE_COMPETENCES", "MODALITES_EVALUATION"):
            original = element.findtext(field)
            if original:
                assert words(" ".join(split_items(original))) == words(original)
                checked += 1
    assert checked >= 30


def test_zip_export_is_read(tmp_path: Path) -> None:
    """The export as published, zipped, imports the same fiche."""
    archive = tmp_path / "export_fiches_RNCP_V4_1_2026-08-16.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(EXPORT, "export_fiches_RNCP_V4_1_2026-08-16.xml")
    assert main(["import", str(archive), "--fiche", "RNCP37674", "--sortie", str(tmp_path / "out")]) == 0
    text = (tmp_path / "out" / "RNCP37674" / "referentiel.yaml").read_text(encoding="utf-8")
    assert "export du 16/08/2026" in text  # date taken from the file name


def _truncated_zip(tmp_path: Path) -> Path:
    whole = tmp_path / "complet.zip"
    with zipfile.ZipFile(whole, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(EXPORT, "export.xml")
    path = tmp_path / "tronque.zip"
    path.write_bytes(whole.read_bytes()[:20000])
    return path


def _truncated(tmp_path: Path) -> Path:
    data = EXPORT.read_bytes()
    path = tmp_path / "tronque.xml"
    path.write_bytes(data[: len(data) * 2 // 3])
    return path


def _bad_version(tmp_path: Path) -> Path:
    path = tmp_path / "v4.xml"
    path.write_text(
        EXPORT.read_text(encoding="utf-8").replace(
            "<VERSION_FLUX>4.1</VERSION_FLUX>", "<VERSION_FLUX>4.0</VERSION_FLUX>"
        ),
        encoding="utf-8",
    )
    return path


def _not_xml(tmp_path: Path) -> Path:
    path = tmp_path / "pas-du-xml.xml"
    path.write_text("NUMERO_FICHE;INTITULE\nRNCP1;x\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("make", "fiche", "words_expected"),
    [
        (_not_xml, "RNCP37674", "ce n'est pas un fichier XML"),
        (_bad_version, "RNCP37674", "version de flux 4.0 non prise en charge"),
        (lambda tmp: EXPORT, "RNCP99999", "fiche(s) introuvable(s) dans l'export : RNCP99999"),
        (_truncated, "RNCP37674", "fichier tronqué"),
        (_truncated_zip, "RNCP37674", "archive zip tronquée ou illisible"),
    ],
)
def test_bad_exports_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make, fiche: str, words_expected: str
) -> None:  # type: ignore[no-untyped-def]
    """A bad export gets a French message and exit status 2; no file is written, even in part."""
    export = make(tmp_path)
    output = tmp_path / "sortie"
    assert (
        main(["import", str(export), "--fiche", "RNCP36612", "--fiche", fiche, "--sortie", str(output)]) == 2
    )
    assert words_expected in capsys.readouterr().err
    assert not output.exists() or not any(output.rglob("*"))


def test_crosscheck_reports_each_difference(
    imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """S23 compares an altered YAML with the official fiche: label, level, missing bloc, code."""
    text = (imported / "RNCP36612" / "referentiel.yaml").read_text(encoding="utf-8")
    label = re.search(r"  intitule: (Gestion des opérations[^\n]*)", text).group(1)  # type: ignore[union-attr]
    altered = (
        text.replace(label, "Administration du personnel", 1)
        .replace("  niveau: 5", "  niveau: 6", 1)
        .replace("code_rncp: RNCP36612BC04", "code_rncp: RNCP36612BC09", 1)
    )
    path = tmp_path / "referentiel.yaml"
    path.write_text(altered, encoding="utf-8")
    assert main(["check", "--json", str(path), "--officiel", str(EXPORT), "--date-export", "2026-08-16"]) == 0
    import json

    findings = [c for c in json.loads(capsys.readouterr().out)["constats"] if c["regle"] == "S23"]
    messages = " | ".join(c["message"] for c in findings)
    assert "Libellé du bloc RNCP36612BC01 différent" in messages
    assert "Niveau différent : 6 ici, 5 sur la fiche" in messages
    assert "Le bloc RNCP36612BC04" in messages and "Le code de bloc RNCP36612BC09 n'existe pas" in messages
    assert all(c["gravite"] == "avertissement" and CREDIT in c["message"] for c in findings)


def test_crosscheck_on_the_audit_page(imported: Path, tmp_path: Path) -> None:
    """With ``export_officiel`` set, the audit page lists the S23 differences with the credit."""
    text = (
        (imported / "RNCP37674" / "referentiel.yaml")
        .read_text(encoding="utf-8")
        .replace("  niveau: 5", "  niveau: 4", 1)
    )
    from sitebuild import build, minimal_site

    shutil.copy(EXPORT, tmp_path / "export.xml")
    result = build(
        minimal_site(tmp_path, text, {"export_officiel": "export.xml", "date_export": "2026-08-16"})
    )
    assert result.returncode == 0, result.output
    audit = article_text(result.page("audit"))
    assert "Niveau différent : 4 ici, 5 sur la fiche" in audit
    assert CREDIT in audit


@pytest.mark.parametrize("number", FICHES)
def test_every_imported_string_reaches_the_site(sites: dict[str, Build], imported: Path, number: str) -> None:
    """Each string of the imported YAML (official texts, codes, juries, credit) is on some page."""
    from test_nothing_lost import missing_strings

    from referentiel.loading.yamlsource import parse_yaml

    path = imported / number / "referentiel.yaml"
    data = parse_yaml(path.read_text(encoding="utf-8"), path).data
    pages = "\n".join(
        normalize(article_text(page.read_text(encoding="utf-8")))
        for page in sites[number].site.rglob("*.html")
    )
    missing = missing_strings(data, pages)
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize(
    ("number", "older", "newer"),
    [("RNCP34762", "RNCP24998", "RNCP39568"), ("RNCP36612", "RNCP27095", "non renseigné")],
)
def test_fiche_page_names_older_and_newer_fiches(
    sites: dict[str, Build], number: str, older: str, newer: str
) -> None:
    """The open data's links to the earlier and later versions of a certification reach its fiche page."""
    text = article_text(sites[number].page("audit/fiche-rncp"))
    assert f"Versions précédentes (fiches) : {older}" in text
    assert f"Versions suivantes (fiches) : {newer}" in text


def test_import_every_fiche_in_one_pass(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--toutes`` imports every fiche, each readable by our loader, and sums it up."""
    assert main(["import", str(EXPORT), "--toutes", "--sortie", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{number}.yaml" for number in FICHES]
    for number in FICHES:
        assert load_referentiel(tmp_path / f"{number}.yaml").certification.numero_rncp == number
    assert f"4 fiche(s) importée(s) dans {tmp_path}, 0 sautée(s)." in capsys.readouterr().out


def test_import_every_active_fiche_names_what_it_skips(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--actives`` skips inactive fiches, an existing file is kept, and the summary says why."""
    existing = tmp_path / "RNCP37674.yaml"
    existing.write_text("# écrit à la main\n", encoding="utf-8")
    assert main(["import", str(EXPORT), "--toutes", "--actives", "--sortie", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "1 fiche(s) importée(s)" in out and "3 sautée(s)" in out
    assert "fiche inactive : 2 (RNCP34762, RNCP35625)" in out
    assert "fichier déjà présent (--remplacer pour l'écraser) : 1 (RNCP37674)" in out
    assert existing.read_text(encoding="utf-8") == "# écrit à la main\n"
    assert (tmp_path / "RNCP36612.yaml").is_file()


def test_import_every_fiche_writes_nothing_from_a_truncated_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An export cut in its third fiche: exit 2, and not even the first two fiches are written."""
    text = EXPORT.read_text(encoding="utf-8")
    third = [m.start() for m in re.finditer("<FICHE>", text)][2]
    truncated = tmp_path / "export.xml"
    truncated.write_text(text[: third + 500], encoding="utf-8")
    output = tmp_path / "sortie"
    assert main(["import", str(truncated), "--toutes", "--sortie", str(output)]) == 2
    assert "fichier tronqué" in capsys.readouterr().err
    assert not output.exists() or not any(output.rglob("*"))


def test_import_every_fiche_skips_a_second_copy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A fiche published twice: the first is imported, the second named in the summary."""
    text = EXPORT.read_text(encoding="utf-8")
    first = re.search(r"  <FICHE>.*?</FICHE>\n", text, re.S)
    assert first is not None
    doubled = tmp_path / "export.xml"
    doubled.write_text(text.replace("</FICHES>", first.group(0) + "</FICHES>"), encoding="utf-8")
    assert main(["import", str(doubled), "--toutes", "--sortie", str(tmp_path / "s")]) == 0
    assert (
        "figure deux fois dans l'export (la première est importée) : 1 (RNCP34762)" in capsys.readouterr().out
    )


def test_progress_bar_only_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a terminal, a progress bar counts the bytes read; into a pipe or a file, nothing is drawn."""
    import io
    import sys

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    assert main(["import", str(EXPORT), "--toutes", "--sortie", str(tmp_path / "a")]) == 0
    drawn = screen.getvalue()
    assert "Lecture de l'export" in drawn and re.search(r"\d+%\|", drawn), drawn
    pipe = io.StringIO()
    monkeypatch.setattr(sys, "stderr", pipe)
    assert main(["import", str(EXPORT), "--toutes", "--sortie", str(tmp_path / "b")]) == 0
    assert pipe.getvalue() == ""
