"""What the catalogue shows of each référentiel, shared by its home, audit and filters."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ...catalogue import Entry
from ...checks import Finding, Severity
from ...model import french_date


@dataclass(frozen=True)
class Counts:
    errors: int
    warnings: int
    notes: int
    by_rule: Counter[str]


def counts(findings: list[Finding]) -> Counts:
    by_severity = Counter(f.severity for f in findings)
    return Counts(
        by_severity[Severity.ERREUR],
        by_severity[Severity.AVERTISSEMENT],
        by_severity[Severity.INFORMATION],
        Counter(f.rule.id for f in findings),
    )


# The registration status a reader filters on, from the fiche's « active » flag.
STATUSES = {True: "active", False: "inactive", None: "non renseigné"}


def status(entry: Entry) -> str:
    return STATUSES[entry.referentiel.certification.active]


def registration_dates(entry: Entry) -> str:
    """« décision du 01/09/2023, échéance au 01/09/2028 », or « non renseignées »."""
    registration = entry.referentiel.certification.enregistrement
    parts = []
    if registration.date_decision:
        parts.append(f"décision du {french_date(registration.date_decision)}")
    if registration.date_echeance:
        parts.append(f"échéance au {french_date(registration.date_echeance)}")
    return ", ".join(parts) or "non renseignées"


def certifiers(entry: Entry) -> list[str]:
    """The certifiers' names, or the school when the référentiel names no certifier."""
    certification = entry.referentiel.certification
    names = [c.nom for c in certification.certificateurs]
    if not names and certification.etablissement:
        names = [certification.etablissement]
    return names
