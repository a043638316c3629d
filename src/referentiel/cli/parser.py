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
    _date_option(check)
    imports = commands.add_parser(
        "import",
        help="crée un referentiel.yaml à partir d'une fiche des données ouvertes de France compétences",
        description="Lit l'export XML (ou le zip publié) de France compétences, flux V4.1, et écrit "
        "SORTIE/<numéro>/referentiel.yaml pour chaque fiche demandée : toutes ou aucune.",
    )
    imports.add_argument("export", help="export XML ou zip de France compétences")
    imports.add_argument(
        "--fiche",
        action="append",
        required=True,
        type=fiche_number,
        metavar="RNCPxxxxx",
        help="numéro de fiche (répétable)",
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
    return parser


def _date_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--date-export",
        type=calendar_date,
        metavar="AAAA-MM-JJ",
        help="date de l'export, si son nom ne la porte pas",
    )
