"""Findings for people (French text) and for machines (JSON)."""

from __future__ import annotations

import json
from collections import Counter

from .findings import Finding, Severity

_LABELS = {
    Severity.ERREUR: "ERREUR",
    Severity.AVERTISSEMENT: "AVERTISSEMENT",
    Severity.INFORMATION: "INFORMATION",
}


def summary(findings: list[Finding]) -> str:
    counts = Counter(f.severity for f in findings)
    parts = [
        f"{counts[Severity.ERREUR]} erreur(s)",
        f"{counts[Severity.AVERTISSEMENT]} avertissement(s)",
        f"{counts[Severity.INFORMATION]} information(s)",
    ]
    return ", ".join(parts)


def as_text(findings: list[Finding], source: str) -> str:
    lines = [f"Contrôle de conformité de {source} : {summary(findings)}", ""]
    for finding in findings:
        items = f" [{', '.join(finding.items)}]" if finding.items else ""
        lines.append(f"{finding.rule.id} {_LABELS[finding.severity]}{items} : {finding.message}")
        lines.append(f"    {finding.rule.title} — {finding.rule.basis}")
    return "\n".join(lines)


def as_json(findings: list[Finding], source: str) -> str:
    counts = Counter(f.severity.value for f in findings)
    document = {
        "source": source,
        "resume": {severity.value: counts.get(severity.value, 0) for severity in Severity},
        "constats": [f.as_dict() for f in findings],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)
