"""The audit page: every conformity finding, with its rule, severity, items and legal basis."""

from __future__ import annotations

from ...checks import NEEDS_OPEN_DATA, RULES, Finding, Severity
from ...checks.report import summary
from ..htmltable import data_table
from ..text import h, md
from ..urls import FICHE, TRACEABILITY, Links

SEVERITY_LABELS = {
    Severity.ERREUR: "Erreur",
    Severity.AVERTISSEMENT: "Avertissement",
    Severity.INFORMATION: "Information",
}


def severity_badge(severity: Severity) -> str:
    """The severity as words, coloured by its class: never shown by colour alone."""
    return f'<span class="gravite gravite-{severity.value}">{SEVERITY_LABELS[severity]}</span>'


def render_audit(findings: list[Finding], links: Links) -> str:
    out = [
        "# Audit de conformité",
        "",
        "Contrôle automatique du référentiel au regard des règles de France compétences "
        "(règles S1 à S22) ; chaque constat nomme la règle, sa gravité, les éléments concernés "
        "et son fondement.",
        "",
        f"**Résultat** : {md(summary(findings))}.",
        "",
        f"Voir aussi la {links.md_page(TRACEABILITY, 'matrice de traçabilité')} et la "
        f"{links.md_page(FICHE, 'fiche RNCP')}.",
        "",
        "## Constats",
        "",
    ]
    if findings:
        out += [_findings_table(findings, links), ""]
    else:
        out += ["Aucun constat.", ""]
    out += ["## Règles contrôlées", "", _rules_table(findings), ""]
    return "\n".join(out)


def _findings_table(findings: list[Finding], links: Links) -> str:
    rows = []
    for finding in findings:
        items = ", ".join(links.html_mention(item) for item in finding.items) or "—"
        rows.append(
            f'<tr class="constat-{finding.severity.value}"><th scope="row">{h(finding.rule.id)}</th>'
            f"<td>{severity_badge(finding.severity)}</td><td>{items}</td>"
            f"<td>{links.html_text(finding.message)}</td><td>{h(finding.rule.basis)}</td></tr>"
        )
    return data_table(
        "audit-table",
        "Constats du contrôle de conformité, du plus grave au moins grave",
        ("Règle", "Gravité", "Éléments", "Constat", "Fondement"),
        rows,
    )


def _rules_table(findings: list[Finding]) -> str:
    rows = []
    for rule in RULES.values():
        mine = [f for f in findings if f.rule.id == rule.id]
        if rule.id in NEEDS_OPEN_DATA:
            status = "non contrôlée ici : demande les données ouvertes de France compétences"
        elif not mine:
            status = "aucun constat"
        else:
            worst = min(mine, key=lambda f: f.severity.rank).severity
            status = f"{len(mine)} constat(s), dont le plus grave : {SEVERITY_LABELS[worst].lower()}"
        rows.append(f'<tr><th scope="row">{h(rule.id)}</th><td>{h(rule.title)}</td><td>{h(status)}</td></tr>')
    return data_table(
        "audit-table",
        "Règles de France compétences et résultat de leur contrôle",
        ("Règle", "Objet", "Résultat"),
        rows,
    )
