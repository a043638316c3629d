"""Command line: ``referentiel check``, ``referentiel pdf`` and ``referentiel import``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import ReferentielError, load_referentiel
from .checks import findings_from_problems, has_errors, run_checks
from .checks.report import as_json, as_text
from .export.pdf import PdfError, export_grids
from .rncp import ExportError, crosscheck_export, import_fiches

DEFAULT_SOURCE = "data/referentiel.yaml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="referentiel", description="Outils du référentiel de certification."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMANDE")
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
        "--date-export", metavar="AAAA-MM-JJ", help="date de l'export, si son nom ne la porte pas"
    )
    imports = commands.add_parser(
        "import",
        help="crée un referentiel.yaml à partir d'une fiche des données ouvertes de France compétences",
        description="Lit l'export XML (ou le zip publié) de France compétences, flux V4.1, et écrit "
        "SORTIE/<numéro>/referentiel.yaml pour chaque fiche demandée.",
    )
    imports.add_argument("export", help="export XML ou zip de France compétences")
    imports.add_argument(
        "--fiche", action="append", required=True, metavar="RNCPxxxxx", help="numéro de fiche (répétable)"
    )
    imports.add_argument("--sortie", default="import", help="dossier de sortie (défaut : import)")
    imports.add_argument(
        "--date-export", metavar="AAAA-MM-JJ", help="date de l'export, si son nom ne la porte pas"
    )
    pdf = commands.add_parser(
        "pdf",
        help="imprime les grilles d'évaluation en PDF (Chromium sans interface)",
        description="Écrit grilles.pdf (toutes les grilles) et une grille-<modalité>.pdf par "
        "modalité, à partir du site construit par « mkdocs build ».",
    )
    pdf.add_argument("--referentiel", default=DEFAULT_SOURCE, help=f"défaut : {DEFAULT_SOURCE}")
    pdf.add_argument("--site", default="site", help="dossier du site construit (défaut : site)")
    pdf.add_argument("--sortie", default="pdf", help="dossier des PDF (défaut : pdf)")
    args = parser.parse_args(argv)
    if args.command == "pdf":
        return _pdf(args.referentiel, Path(args.site), Path(args.sortie))
    if args.command == "import":
        return _import(Path(args.export), args.fiche, Path(args.sortie), args.date_export)
    official = Path(args.officiel) if args.officiel else None
    return _check(args.fichier, args.json, official, args.date_export)


def _import(export: Path, numbers: list[str], output: Path, date: str | None) -> int:
    try:
        written = import_fiches(export, numbers, output, date)
    except ExportError as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return 2
    except ReferentielError as error:  # pragma: no cover - the conversion builds valid data
        print(error.report(), file=sys.stderr)
        return 2
    for path in written:
        print(f"écrit : {path}")
    return 0


def _pdf(source: str, site: Path, output: Path) -> int:
    try:
        written = export_grids(load_referentiel(source), site, output)
    except ReferentielError as error:
        print(error.report(), file=sys.stderr)
        return 2
    except PdfError as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return 2
    for path in written:
        print(f"écrit : {path}")
    return 0


def _check(source: str, as_machine_json: bool, official: Path | None, date: str | None) -> int:
    try:
        referentiel = load_referentiel(source)
        findings = run_checks(referentiel)
        if official is not None:
            findings += crosscheck_export(referentiel, official, date)
    except ReferentielError as error:
        findings = findings_from_problems(error.problems)
    except ExportError as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return 2
    render = as_json if as_machine_json else as_text
    print(render(findings, source))
    return 1 if has_errors(findings) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
