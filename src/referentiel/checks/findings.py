"""What a conformity check reports: a finding, its rule and its severity."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(Enum):
    """How serious a finding is; an error fails the build and the ``check`` command."""

    ERREUR = "erreur"
    AVERTISSEMENT = "avertissement"
    INFORMATION = "information"

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


@dataclass(frozen=True)
class Rule:
    """One of France Compétences' mechanically checkable rules (S1…S23)."""

    id: str
    title: str
    basis: str


@dataclass(frozen=True)
class Finding:
    rule: Rule
    severity: Severity
    message: str
    items: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {
            "regle": self.rule.id,
            "intitule_regle": self.rule.title,
            "gravite": self.severity.value,
            "elements": list(self.items),
            "message": self.message,
            "fondement": self.rule.basis,
        }
