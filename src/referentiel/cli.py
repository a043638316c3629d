"""Command line: ``referentiel check [--json] [FICHIER]`` and ``referentiel pdf``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import ReferentielError, load_referentiel
from .checks import findings_from_problems, has_errors, run_checks
from .checks.report import as_json, as_text
from .export.pdf import PdfError, export_grids

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
    return _check(args.fichier, args.json)


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


def _check(source: str, as_machine_json: bool) -> int:
    try:
        findings = run_checks(load_referentiel(source))
    except ReferentielError as error:
        findings = findings_from_problems(error.problems)
    render = as_json if as_machine_json else as_text
    print(render(findings, source))
    return 1 if has_errors(findings) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
