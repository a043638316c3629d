"""Command line: ``referentiel check [--json] [FICHIER]``."""

from __future__ import annotations

import argparse
import sys

from . import ReferentielError, load_referentiel
from .checks import findings_from_problems, has_errors, run_checks
from .checks.report import as_json, as_text

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
    args = parser.parse_args(argv)

    try:
        findings = run_checks(load_referentiel(args.fichier))
    except ReferentielError as error:
        findings = findings_from_problems(error.problems)
    render = as_json if args.json else as_text
    print(render(findings, args.fichier))
    return 1 if has_errors(findings) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
