"""France Compétences' conformity rules (S1–S22) run over a référentiel."""

from __future__ import annotations

import datetime

from ..errors import Problem
from ..model import Referentiel
from . import fiche, quality, structure  # noqa: F401  (each module registers its checks)
from .findings import Finding, Rule, Severity
from .registry import CHECKS, NEEDS_OPEN_DATA, RULES, Context

__all__ = ["Finding", "Rule", "Severity", "RULES", "NEEDS_OPEN_DATA", "run_checks", "findings_from_problems"]

_LOADING = Rule("YAML", "Fichier YAML valide", "Format du fichier referentiel.yaml (schéma JSON fourni)")


def run_checks(referentiel: Referentiel, today: datetime.date | None = None) -> list[Finding]:
    """Every finding, most severe first, then in rule order."""
    context = Context(referentiel, today or datetime.date.today())
    findings = [finding for _, check in CHECKS for finding in check(context)]
    order = list(RULES)
    return sorted(findings, key=lambda f: (f.severity.rank, order.index(f.rule.id)))


def findings_from_problems(problems: list[Problem]) -> list[Finding]:
    """Loading problems as findings: a référentiel that does not load fails its checks too."""
    return [
        Finding(
            RULES.get(problem.rule or "", _LOADING),
            Severity.ERREUR,
            str(problem),
            (problem.item,) if problem.item else (),
        )
        for problem in problems
    ]


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity is Severity.ERREUR for f in findings)
