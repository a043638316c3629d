"""A new site's home page: with macros for ``nouveau``, with their values for ``pages``."""

from __future__ import annotations

from ..model import Referentiel
from ..site import Links
from ..site.macros import macro_functions
from ..site.urls import AUDIT, DOWNLOADS, FICHE, GRIDS, TRACEABILITY

# Each {name} is the macro of that name (``nouveau``) or what it returns (``pages``).
HOME = """\
# {intitule}

Ce site publie le **référentiel d'activités, de compétences et d'évaluation** de la certification
professionnelle « {intitule} ».

- **Établissement** : {etablissement}
- **Niveau** : {niveau} (cadre national des certifications professionnelles)
- **Numéro de fiche RNCP** : {numero_rncp}
- **Contenu** : {contenu}

## Les blocs de compétences

{liste_blocs}

## Comment lire un référentiel

{colonnes}

Chaque **activité** (code A) décrit une situation de travail ; il en découle une **compétence**
(code C) ; chaque compétence est évaluée par une ou plusieurs **modalités d'évaluation** (code E),
selon des **critères d'évaluation** observables. Chaque identifiant est un lien vers sa page.

{preambule}

## Selon votre rôle

- **Étudiante, étudiant** : ouvrez la page de votre bloc, puis celle de chaque compétence pour ses
  critères d'évaluation et l'épreuve qui l'évalue.
- **Formatrice, formateur, membre de jury** : les [grilles d'évaluation]({grids}) s'impriment sur
  papier A4, une grille par page, avec le procès-verbal de chaque bloc.
- **Outils et plateformes** : le référentiel se [télécharge]({downloads}) en JSON, en CSV, au format
  CASE 1.0 et pour Moodle.
- **Auditrice, auditeur qualité** : l'[audit de conformité]({audit}), la
  [matrice de traçabilité]({traceability}) et la [fiche RNCP]({fiche}).
"""

MACROS = (
    "intitule",
    "etablissement",
    "niveau",
    "numero_rncp",
    "contenu",
    "liste_blocs",
    "colonnes",
    "preambule",
)

_PAGES = {
    "grids": GRIDS,
    "downloads": DOWNLOADS,
    "audit": AUDIT,
    "traceability": TRACEABILITY,
    "fiche": FICHE,
}


def home_with_macros() -> str:
    """The home page as its Markdown source, every fact a macro call."""
    calls = {name: f"{{{{ {name}() }}}}" for name in MACROS}
    return "---\nrender_macros: true\n---\n\n" + HOME.format(**calls, **_PAGES)


def home_rendered(referentiel: Referentiel, use_directory_urls: bool = True) -> str:
    """The same page with the macros' values written in (escaped Markdown)."""
    links = Links(referentiel, "index.md", use_directory_urls)
    functions = macro_functions(lambda: referentiel, lambda: links)
    return HOME.format(**{name: functions[name]() for name in MACROS}, **_PAGES)
