"""Conformity checks: each rule fires on a mutated copy of the real YAML, with its severity and items."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest
from sitebuild import DATA, Build, build_variant

from referentiel import load_referentiel, parse_referentiel
from referentiel.checks import Finding, Severity, run_checks
from referentiel.cli import main

SOURCE = DATA.read_text(encoding="utf-8")
TODAY = datetime.date(2026, 11, 28)
E, W, INFO = Severity.ERREUR, Severity.AVERTISSEMENT, Severity.INFORMATION


def _mutate(*pairs: tuple[str, str]) -> str:
    text = SOURCE
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def _findings(text: str) -> list[Finding]:
    return run_checks(parse_referentiel(text), today=TODAY)


def _has(findings: list[Finding], rule: str, severity: Severity, *items: str) -> bool:
    return any(f.rule.id == rule and f.severity is severity and set(items) <= set(f.items) for f in findings)


def test_real_referentiel_reports_what_its_source_lacks() -> None:
    """Our référentiel passes (no error) but its real gaps are reported by the rules themselves."""
    findings = _findings(SOURCE)
    assert not [f for f in findings if f.severity is E]
    assert _has(findings, "S1", W, "certification.numero_rncp")
    assert _has(findings, "S2", W, "B1", "B2", "B3", "B4")
    assert _has(findings, "S8", W, "E4.5-prestataires", "E4.5-budget")  # E4.5 printed twice
    assert _has(findings, "S8", W, "E4.5-prestataires", "C4.4")  # E4.5 names C4.5, evaluates C4.4
    assert _has(findings, "S13", W, "certification.voies_acces")
    assert _has(findings, "S15", W, "certification.amenagements_handicap")
    assert _has(findings, "S11", W, "certification.certificateurs")
    assert _has(findings, "S17", W, "C4.5")  # « En collaboration avec … , établir »
    assert _has(findings, "S21", W, "E4.5-prestataires", "E4.5-budget")  # no jury stated
    assert _has(findings, "S8", INFO, "E1")  # « E.1. » is irregular


def _without_criteria() -> str:
    """The YAML with both criteria of C3.6 removed."""
    start = SOURCE.index("          - id: C3.6-1\n")
    end = SOURCE.index("    modalites:\n      - id: E3.1-3.4\n")
    return (
        SOURCE[:start].rstrip("\n").removesuffix("        criteres:")
        + "        criteres: []\n"
        + SOURCE[end:]
    )


def _bloc_without_modality() -> str:
    """Bloc 2's modality moved under bloc 3: bloc 2 keeps none of its own."""
    start = SOURCE.index("      - id: E2\n")
    end = SOURCE.index("  # ------------------------------------------------------------------ Bloc 3")
    modality = SOURCE[start:end]
    text = SOURCE[:start].removesuffix("    modalites:\n") + "    modalites: []\n\n" + SOURCE[end:]
    anchor = "    modalites:\n      - id: E3.1-3.4\n"
    return text.replace(anchor, "    modalites:\n" + modality.rstrip("\n") + "\n      - id: E3.1-3.4\n", 1)


def test_competence_without_criteria_is_an_error() -> None:
    """S6 (and S4 is not fooled): a competence whose criteria were removed."""
    findings = _findings(_without_criteria())
    assert _has(findings, "S6", E, "C3.6")


def test_bloc_without_own_modality_is_an_error() -> None:
    """S4: a bloc evaluated only by a modality of another bloc; S6 flags the modality spanning blocs."""
    findings = _findings(_bloc_without_modality())
    assert _has(findings, "S4", E, "B2")
    assert _has(findings, "S6", W, "E2", "B2")


def test_competence_never_evaluated_is_an_error() -> None:
    """S6: a competence no modality evaluates."""
    findings = _findings(_mutate(("competences: [C3.5, C3.6]", "competences: [C3.5]")))
    assert _has(findings, "S6", E, "C3.6")


@pytest.mark.parametrize(
    ("code", "severity", "words"),
    [
        ("RNCP35B01", E, "n'a pas la forme"),
        ("RNCP12345BC01", E, "ne reprend pas le numéro"),
        ("01", INFO, "ancienne forme"),
    ],
)
def test_broken_bloc_code(code: str, severity: Severity, words: str) -> None:
    """S2: malformed codes and codes of another fiche are errors; the legacy « 01 » is noted."""
    text = _mutate(
        ("  numero_rncp: null", "  numero_rncp: RNCP39999"),
        ("    numero: 1\n    code_rncp: null", f"    numero: 1\n    code_rncp: '{code}'"),
    )
    findings = _findings(text)
    assert any(
        f.rule.id == "S2" and f.severity is severity and "B1" in f.items and words in f.message
        for f in findings
    )


def test_duplicate_bloc_code() -> None:
    """S2: two blocs with one code."""
    text = _mutate(
        ("    numero: 1\n    code_rncp: null", "    numero: 1\n    code_rncp: RNCP39999BC01"),
        ("    numero: 2\n    code_rncp: null", "    numero: 2\n    code_rncp: RNCP39999BC01"),
        ("  numero_rncp: null", "  numero_rncp: RNCP39999"),
    )
    assert _has(_findings(text), "S2", E, "B1", "B2")


def test_fiche_fields() -> None:
    """S1, S9, S10, S11, S12: malformed values are errors or warnings as the rules say."""
    text = _mutate(
        ("  numero_rncp: null", "  numero_rncp: RNCP12"),
        ("  niveau: 7", "  niveau: 9"),
        ("  codes_nsf: []", "  codes_nsf: [{code: '3101'}]"),
        ("  certificateurs: []", "  certificateurs: [{nom: EFFICOM, siret: '12345678901234'}]"),
        (
            "    date_decision: null\n    date_echeance: null",
            "    date_decision: 2020-01-01\n    date_echeance: 2027-01-15",
        ),
    )
    findings = _findings(text)
    assert _has(findings, "S1", E, "certification.numero_rncp")
    assert _has(findings, "S9", E, "certification.niveau")
    assert _has(findings, "S10", E, "certification.codes_nsf")
    assert _has(findings, "S11", E, "certification.certificateurs")
    assert sum(1 for f in findings if f.rule.id == "S12") == 2  # over five years, and < 6 months left


def test_valid_siret_and_vae_closed() -> None:
    """S11 accepts a SIRET with a valid Luhn key; S13 makes a closed VAE route an error."""
    text = _mutate(
        ("  certificateurs: []", "  certificateurs: [{nom: Exemple, siret: '73282932000074'}]"),
        ("  voies_acces: []", "  voies_acces: [{voie: VAE, ouverte: false}]"),
    )
    findings = _findings(text)
    assert not any(f.rule.id == "S11" for f in findings)
    assert _has(findings, "S13", E, "certification.voies_acces")


def test_vague_verb_and_bare_judgement() -> None:
    """S17 flags « Maîtriser … »; S18 flags a criterion that is only « … est efficace. »."""
    text = _mutate(
        ("          Réaliser un audit stratégique", "          Maîtriser un audit stratégique"),
        ("texte: La charte graphique est définie.", "texte: La charte graphique est efficace."),
    )
    findings = _findings(text)
    assert _has(findings, "S17", W, "C1.1")
    assert _has(findings, "S18", INFO, "C3.1")


def test_tagged_transitions_silence_s16() -> None:
    """S16 is satisfied once a competence carries the enjeu."""
    text = _mutate(
        ("        activite: A1.5\n", "        activite: A1.5\n        enjeux: [transition écologique]\n")
    )
    messages = [f.message for f in _findings(text) if f.rule.id == "S16"]
    assert not any("transition écologique" in m for m in messages)
    assert len(messages) == 2


def test_check_command_exit_status_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``referentiel check`` exits 0 on our YAML, 1 on an error; ``--json`` is machine-readable."""
    assert main(["check", str(DATA)]) == 0
    assert "Contrôle de conformité" in capsys.readouterr().out
    broken = tmp_path / "referentiel.yaml"
    broken.write_text(_without_criteria(), encoding="utf-8")
    assert main(["check", "--json", str(broken)]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["resume"]["erreur"] >= 1
    assert any(
        c["regle"] == "S6" and c["gravite"] == "erreur" and "C3.6" in c["elements"]
        for c in document["constats"]
    )


def test_check_command_reports_loading_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A modality pointing at a missing competence fails loading, reported as rule S6."""
    broken = tmp_path / "referentiel.yaml"
    broken.write_text(_mutate(("competences: [C3.5, C3.6]", "competences: [C3.5, C9.9]")), encoding="utf-8")
    assert main(["check", "--json", str(broken)]) == 1
    constats = json.loads(capsys.readouterr().out)["constats"]
    assert constats[0]["regle"] == "S6" and "C9.9" in constats[0]["message"]


def test_build_fails_on_an_error(tmp_path: Path) -> None:
    """``mkdocs build`` stops on a rule error, naming the rule and the items."""
    result: Build = build_variant(tmp_path, _without_criteria())
    assert result.returncode != 0
    assert "S6 [C3.6]" in result.output
    assert "Traceback" not in result.output


def test_audit_pages(real_site: Build) -> None:
    """The audit section shows findings with linked items, coverage figures and the fiche."""
    audit = real_site.page("audit")
    assert "0 erreur(s), 23 avertissement(s)" in audit
    assert '<a href="../modalites/E4.5-budget/">E4.5-budget</a>' in audit
    assert '<span class="gravite gravite-avertissement">Avertissement</span>' in audit
    trace = real_site.page("audit/tracabilite")
    assert "20 / 20 (100 %)" in trace
    # The S8 conflict shows in the matrix: E4.5 (prestataires) evaluates C4.4 but its code names C4.5.
    assert trace.count(">évaluée</td>") == 19
    assert trace.count("évaluée, mais le code imprimé « E4.5 » ne la nomme pas") == 1
    assert trace.count("nommée par le code imprimé « E4.5 », non évaluée") == 1
    headers = re.findall(r'<th scope="col">(.*?)</th>', trace[trace.index("matrice") :].split("</thead>")[0])
    assert len(headers) == len(set(headers))  # two modalities printed « E4.5 »: told apart by their IDs
    fiche = real_site.page("audit/fiche-rncp")
    assert "Numéro de fiche</strong> : <em>non renseigné</em>" in fiche
    for section in (
        "Objectifs et contexte de la certification",
        "Activités visées",
        "Compétences attestées",
        "Secteurs d'activités et types d'emplois",
        "Base légale",
        "Prérequis et voies d'accès",
    ):
        assert section in fiche, section
    assert "Prérequis à l'entrée en formation</strong> : <em>non renseigné</em>" in fiche
    for activity in load_referentiel(
        DATA
    ).activites:  # the référentiel's activities, when the fiche has no text
        assert f'href="../../blocs/{activity.bloc_id}/#{activity.id}"' in fiche
    # Findings name fiche fields in words and link to their section.
    assert '<a href="fiche-rncp/#voies-acces">voies d&#x27;accès et jurys (fiche RNCP)</a>' in audit
    assert "certification.voies_acces" not in audit
