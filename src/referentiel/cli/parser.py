"""The command line's shape: commands, arguments and their French help."""

from __future__ import annotations

import argparse

from .french import FrenchArgumentParser
from .options import calendar_date, fiche_number

DEFAULT_SOURCE = "data/referentiel.yaml"


def build_parser() -> argparse.ArgumentParser:
    parser = FrenchArgumentParser(prog="referentiel", description="Outils du référentiel de certification.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMANDE", title="commandes")
    check = commands.add_parser(
        "check",
        help="contrôle la conformité aux règles de France compétences (S1 à S22)",
        description="Contrôle la conformité du référentiel aux règles de France compétences. "
        "Code de sortie : 0 sans erreur, 1 si une erreur est trouvée.",
    )
    check.add_argument("fichier", nargs="?", default=DEFAULT_SOURCE, help=f"défaut : {DEFAULT_SOURCE}")
    check.add_argument("--json", action="store_true", help="sortie JSON, pour les machines")
    check.add_argument(
        "--officiel",
        metavar="EXPORT",
        help="export XML (ou zip) de France compétences : compare aussi avec la fiche officielle (S23)",
    )
    check.add_argument(
        "--copies",
        metavar="EXPORT",
        help="export XML (ou zip) de France compétences : cherche les compétences presque identiques à "
        "celles d'autres fiches (S19 ; lit tout l'export)",
    )
    _date_option(check)
    imports = commands.add_parser(
        "import",
        help="crée un referentiel.yaml à partir d'une fiche des données ouvertes de France compétences",
        description="Lit l'export XML (ou le zip publié) de France compétences, flux V4.1, et écrit "
        "SORTIE/<numéro>/referentiel.yaml pour chaque fiche demandée : toutes ou aucune.",
    )
    imports.add_argument("export", help="export XML ou zip de France compétences")
    chosen = imports.add_mutually_exclusive_group(required=True)
    chosen.add_argument(
        "--fiche",
        action="append",
        type=fiche_number,
        metavar="RNCPxxxxx",
        help="numéro de fiche (répétable)",
    )
    chosen.add_argument(
        "--toutes",
        action="store_true",
        help="toutes les fiches de l'export, en un passage ; celles qui ne peuvent l'être sont sautées "
        "et nommées dans le résumé",
    )
    imports.add_argument(
        "--actives", action="store_true", help="avec --toutes : les fiches actives seulement"
    )
    imports.add_argument("--sortie", default="import", help="dossier de sortie (défaut : import)")
    imports.add_argument(
        "--remplacer", action="store_true", help="écrase un referentiel.yaml déjà présent (refusé sinon)"
    )
    _date_option(imports)
    export = commands.add_parser(
        "export",
        help="exporte le référentiel en JSON, CSV, CASE 1.0 ou pour Moodle",
        description="Écrit dans SORTIE le référentiel aux formats demandés : json (referentiel.json), "
        "csv (referentiel.csv et un referentiel-<bloc>.csv par bloc), case (referentiel-case.json), "
        "moodle (referentiel-moodle.csv) ; « tous » pour les quatre.",
    )
    export.add_argument(
        "--format",
        action="append",
        required=True,
        choices=["json", "csv", "case", "moodle", "tous"],
        help="format (répétable)",
    )
    export.add_argument("--referentiel", default=DEFAULT_SOURCE, help=f"défaut : {DEFAULT_SOURCE}")
    export.add_argument("--sortie", default="export", help="dossier de sortie (défaut : export)")
    pdf = commands.add_parser(
        "pdf",
        help="imprime en PDF les grilles d'évaluation et les procès-verbaux des blocs (Chromium)",
        description="Sans --candidats : grilles.pdf (toutes les feuilles vierges), une grille-<modalité>.pdf "
        "par modalité et un pv-<bloc>.pdf par bloc. Avec --candidats : pour chaque candidat, les grilles "
        "des modalités qu'il passe, pré-remplies, et les procès-verbaux de ses blocs "
        "(candidat-<numéro>-<nom>-<prénom>.pdf), et session.pdf qui les réunit.",
    )
    pdf.add_argument("--referentiel", default=DEFAULT_SOURCE, help=f"défaut : {DEFAULT_SOURCE}")
    pdf.add_argument("--sortie", default="pdf", help="dossier des PDF (défaut : pdf)")
    pdf.add_argument(
        "--candidats",
        metavar="FICHIER.csv",
        help="candidats de la session (colonnes nom, prenom, numero, voie, equipe, modalites ; "
        "séparées par « ; » ou « , »)",
    )
    pdf.add_argument("--session", metavar="NOM", help="nom de la session, imprimé sur chaque page")
    pdf.add_argument("--date", type=calendar_date, metavar="AAAA-MM-JJ", help="date de la session")
    pdf.add_argument("--lieu", metavar="LIEU", help="lieu de la session")
    pdf.add_argument(
        "--etudes-de-cas",
        metavar="DOSSIER",
        help="sans --candidats : imprime aussi chaque étude de cas du dossier, suivie de sa grille "
        "réduite (etude-<page>.pdf) ; défaut : docs/etudes-de-cas s'il existe",
    )
    new = commands.add_parser(
        "nouveau",
        help="crée le site d'un nouveau référentiel, prêt à construire",
        description="Écrit dans DOSSIER (absent ou vide) un site complet : mkdocs.yml, "
        "data/referentiel.yaml, une page d'accueil qui cite le référentiel et un README.",
    )
    new.add_argument("dossier", metavar="DOSSIER", help="dossier du nouveau site")
    origin = new.add_mutually_exclusive_group(required=True)
    origin.add_argument("--depuis", metavar="FICHIER.yaml", help="un referentiel.yaml existant, recopié")
    origin.add_argument(
        "--fiche",
        type=fiche_number,
        metavar="RNCPxxxxx",
        help="une fiche des données ouvertes (avec --export)",
    )
    new.add_argument(
        "--export", metavar="EXPORT", help="export XML ou zip de France compétences (avec --fiche)"
    )
    _date_option(new)
    pages = commands.add_parser(
        "pages",
        help="écrit les pages produites et la navigation en Markdown et YAML ordinaires",
        description="Écrit dans SORTIE un site que MkDocs (ou un outil qui lit mkdocs.yml) construit sans "
        "greffon : SORTIE/mkdocs.yml (avec la navigation), SORTIE/docs/ (accueil, pages, feuilles de "
        "style, téléchargements) et SORTIE/theme/.",
    )
    pages.add_argument("fichier", nargs="?", default=DEFAULT_SOURCE, help=f"défaut : {DEFAULT_SOURCE}")
    pages.add_argument("--sortie", required=True, metavar="SORTIE", help="dossier où écrire le site")
    pages.add_argument("--remplacer", action="store_true", help="écrase les fichiers déjà présents")
    diff = commands.add_parser(
        "diff",
        help="montre ce qui a changé entre deux versions d'un référentiel",
        description="Compare deux referentiel.yaml : blocs, activités, compétences, critères et modalités "
        "ajoutés, supprimés, modifiés (mot à mot), déplacés ou renommés (reconnus à leurs mots quand "
        "l'identifiant a changé), avec un résumé. Code de sortie : 0, ou 1 si un fichier est invalide.",
    )
    diff.add_argument("ancien", metavar="ANCIEN.yaml", help="la version précédente")
    diff.add_argument("nouveau", metavar="NOUVEAU.yaml", help="la nouvelle version")
    diff.add_argument("--json", action="store_true", help="sortie JSON, pour les machines")
    cases = commands.add_parser(
        "etude-de-cas",
        help="prépare une étude de cas (page Markdown liée à une modalité)",
        description="Les études de cas sont des pages écrites dans docs/etudes-de-cas/.",
    )
    actions = cases.add_subparsers(dest="action", required=True, metavar="ACTION", title="actions")
    new_case = actions.add_parser(
        "nouvelle",
        help="écrit une nouvelle étude de cas, en-tête rempli, prête à construire",
        description="Écrit DOSSIER/<titre>.md : l'en-tête (modalité, compétences), la consigne de l'épreuve "
        "et ses compétences et critères cités par les macros, et les rubriques à rédiger.",
    )
    new_case.add_argument(
        "--modalite", required=True, metavar="ID", help="la modalité préparée, par exemple E2"
    )
    new_case.add_argument("--titre", required=True, help="le titre de l'étude de cas")
    new_case.add_argument("--referentiel", default=DEFAULT_SOURCE, help=f"défaut : {DEFAULT_SOURCE}")
    new_case.add_argument(
        "--dossier",
        default="docs/etudes-de-cas",
        help="dossier des études de cas (défaut : docs/etudes-de-cas)",
    )
    return parser


def _date_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--date-export",
        type=calendar_date,
        metavar="AAAA-MM-JJ",
        help="date de l'export, si son nom ne la porte pas",
    )
