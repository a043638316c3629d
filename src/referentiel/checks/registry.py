"""The rules S1…S23 and the functions that check them."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..model import Referentiel
from .findings import Finding, Rule, Severity

L6113_1 = "Code du travail, art. L6113-1"
R6113_9 = "Code du travail, art. R6113-9"

RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in [
        Rule("S1", "Numéro de fiche RNCP", f"{L6113_1} (répertoire national des certifications professionnelles)"),
        Rule("S2", "Codes des blocs de compétences", f"{L6113_1} (blocs de compétences) ; codification RNCPxxxxxBCyy des fiches"),
        Rule("S3", "Les trois référentiels", f"{L6113_1} : référentiels d'activités, de compétences et d'évaluation"),
        Rule("S4", "Contenu de chaque bloc", f"{L6113_1} (blocs évalués et validés) ; {R6113_9} 7° (modalités d'évaluation propres à chaque bloc)"),
        Rule("S5", "Bloc d'une seule compétence", f"{L6113_1} : un bloc est un « ensemble homogène et cohérent de compétences »"),
        Rule("S6", "Évaluation de chaque compétence", f"{L6113_1} : le référentiel d'évaluation définit les critères et les modalités d'évaluation des acquis"),
        Rule("S7", "Des activités aux compétences", f"{L6113_1} : les compétences découlent du référentiel d'activités"),
        Rule("S8", "Identifiants et références", f"{R6113_9} 3° : qualité et cohérence d'ensemble des référentiels"),
        Rule("S9", "Niveau de qualification", "Cadre national des certifications professionnelles (niveaux 3 à 8, même numéro que le CEC)"),
        Rule("S10", "Codes NSF, ROME et Formacode", "Fiche RNCP : nomenclatures NSF (3 au plus), ROME (5 au plus), Formacode (5 au plus)"),
        Rule("S11", "Certificateur", "Fiche RNCP : nom légal et SIRET de chaque certificateur"),
        Rule("S12", "Dates d'enregistrement", "Enregistrement pour cinq ans au plus (décret 2025-500 : trois ans pour une première demande à promotion unique)"),
        Rule("S13", "Voies d'accès et jurys", f"{R6113_9} 6° : accès par la validation des acquis de l'expérience ; fiche RNCP : composition des jurys par voie d'accès"),
        Rule("S14", "Jury de VAE", f"{R6113_9} 6° : jury de validation des acquis de l'expérience"),
        Rule("S15", "Candidats en situation de handicap", f"{R6113_9} 3° (décret 2021-389) : prise en compte du handicap, de l'accessibilité et de la conception universelle"),
        Rule("S16", "Transitions écologique et numérique, santé et sécurité au travail", "Décret 2025-500 (demandes déposées à partir du 1er octobre 2025)"),
        Rule("S17", "Rédaction des compétences", f"{R6113_9} 3° : qualité des référentiels (verbe d'action à l'infinitif, contexte ou finalité)"),
        Rule("S18", "Critères observables", f"{R6113_9} 3° : qualité du référentiel d'évaluation"),
        Rule("S19", "Pas de copie d'une autre fiche", f"{R6113_9} 3° : pas de reprise littérale d'un autre référentiel"),
        Rule("S20", "Correspondances déclarées", "Fiche RNCP : correspondances avec d'autres certifications"),
        Rule("S21", "Description des modalités et échelle de résultats", f"{L6113_1} : modalités d'évaluation ; résultats exprimés par une note ou acquis / partiellement acquis / non acquis"),
        Rule("S22", "Validation des blocs", f"{L6113_1} (validation des blocs) ; fiche RNCP : durée de validité des blocs acquis"),
        Rule("S23", "Concordance avec la fiche officielle", "Données ouvertes de France compétences (flux XML V4.1)"),
    ]
}  # fmt: skip

# Rules that need France Compétences' open data: run by the import work, not here.
NEEDS_OPEN_DATA = {"S19", "S23"}


@dataclass(frozen=True)
class Context:
    referentiel: Referentiel
    today: datetime.date

    def finding(self, rule_id: str, severity: Severity, message: str, items: Iterable[str] = ()) -> Finding:
        return Finding(RULES[rule_id], severity, message, tuple(items))


Check = Callable[[Context], Iterator[Finding]]
CHECKS: list[tuple[str, Check]] = []


def check(rule_id: str) -> Callable[[Check], Check]:
    """Register a function as the check of ``rule_id``."""

    def register(function: Check) -> Check:
        CHECKS.append((rule_id, function))
        return function

    return register
