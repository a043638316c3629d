"""What each command does, and how its failures are told (French, exit status)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from ..checks import findings_from_problems, has_errors, run_checks
from ..checks.report import as_json, as_text
from ..diff import as_json as diff_json
from ..diff import as_text as diff_text
from ..diff import compare
from ..errors import ReferentielError
from ..export.formats import FORMATS, export_files
from ..files import OutputError
from ..jury import CandidateError, Session, read_candidates
from ..loading import load_referentiel, parse_referentiel, read_text
from ..rncp import (
    ExportError,
    copies_in_export,
    crosscheck_export,
    import_every_fiche,
    import_fiches,
    imported_text,
)
from ..scaffold import new_site, static_site
from ..scaffold.case_study import new_case_study
from ..terminal import printable
from .progress import progress_bar

EXIT_INVALID = 1
EXIT_UNREADABLE_EXPORT = 2
EXIT_USAGE = 2
# Where ``referentiel pdf`` looks for case studies when none is named.
DEFAULT_CASES = "docs/etudes-de-cas"


def _say(text: str) -> None:
    print(printable(text))


def _complain(text: str) -> None:
    print(printable(text), file=sys.stderr)


# The failures every command may meet, each with its French message and exit status.
FAILURES = (ReferentielError, ExportError, OutputError)


def _failed(error: Exception) -> int:
    if isinstance(error, ReferentielError):
        _complain(error.report())
        return EXIT_INVALID
    _complain(f"Erreur : {error}")
    return EXIT_UNREADABLE_EXPORT if isinstance(error, ExportError) else EXIT_INVALID


def _written(paths: list[Path]) -> int:
    for path in paths:
        _say(f"écrit : {path}")
    return 0


def check(args: argparse.Namespace) -> int:
    official = Path(args.officiel) if args.officiel else None
    try:
        referentiel = load_referentiel(args.fichier)
        findings = run_checks(referentiel)
        if official is not None:
            findings += crosscheck_export(referentiel, official, args.date_export)
        if args.copies:
            try:
                findings += copies_in_export(referentiel, Path(args.copies))
            except ImportError as error:
                _complain(
                    f"Erreur : la règle S19 demande le module {error.name}, installé avec l'option "
                    '« analyse » du paquet : pip install "referentiel-rncp[analyse]".'
                )
                return EXIT_USAGE
    except ReferentielError as error:
        findings = findings_from_problems(error.problems)
    except ExportError as error:
        _complain(f"Erreur : {error}")
        return EXIT_UNREADABLE_EXPORT
    if args.json:
        print(printable(as_json(findings, args.fichier), json=True))
    else:
        _say(as_text(findings, args.fichier))
    return EXIT_INVALID if has_errors(findings) else 0


def import_(args: argparse.Namespace) -> int:
    if args.actives and not args.toutes:
        _complain("Erreur : --actives va avec --toutes.")
        return EXIT_USAGE
    if args.toutes:
        return _import_all(args)
    try:
        written = import_fiches(
            Path(args.export), args.fiche, Path(args.sortie), args.date_export, replace=args.remplacer
        )
    except ExportError as error:
        _complain(f"Erreur : {error}")
        return EXIT_UNREADABLE_EXPORT
    except OutputError as error:
        _complain(f"Erreur : {error}")
        return EXIT_INVALID
    except ReferentielError as error:  # a fiche our schema cannot hold (too large, say)
        _complain(error.report())
        return EXIT_UNREADABLE_EXPORT
    for path in written:
        _say(f"écrit : {path}")
    return 0


def _import_all(args: argparse.Namespace) -> int:
    with progress_bar("Lecture de l'export") as progress:
        try:
            result = import_every_fiche(
                Path(args.export), Path(args.sortie), args.date_export, args.actives, args.remplacer, progress
            )
        except FAILURES as error:
            return _failed(error)
    _say(f"{len(result.written)} fiche(s) importée(s) dans {args.sortie}, {len(result.skipped)} sautée(s).")
    reasons: dict[str, list[str]] = {}
    for number, reason in result.skipped:
        reasons.setdefault(reason, []).append(number)
    for reason, numbers in sorted(reasons.items(), key=lambda pair: -len(pair[1])):
        shown = ", ".join(numbers[:10]) + (f" … (+{len(numbers) - 10})" if len(numbers) > 10 else "")
        _say(f"  - {reason} : {len(numbers)} ({shown})")
    return 0


def pdf(args: argparse.Namespace) -> int:
    try:  # Playwright and pypdf come with the « site » option of the package
        from ..export.pdf import PdfError, export_case_studies, export_grids, export_session
    except ImportError as error:
        _complain(
            f"Erreur : l'impression demande le module {error.name}, installé avec l'option « site » du "
            'paquet : pip install "referentiel-rncp[site]".'
        )
        return EXIT_INVALID
    session_options = [args.session, args.date, args.lieu]
    if any(session_options) and not args.candidats:
        _complain("Erreur : --session, --date et --lieu vont avec --candidats.")
        return EXIT_USAGE
    try:
        referentiel = load_referentiel(args.referentiel)
        if args.candidats:
            candidates = read_candidates(Path(args.candidats), referentiel)
            session = Session(args.session, args.date, args.lieu)
            written = export_session(referentiel, candidates, session, Path(args.sortie))
        else:
            written = export_grids(referentiel, Path(args.sortie))
            cases = Path(args.etudes_de_cas or DEFAULT_CASES)
            if args.etudes_de_cas and not cases.is_dir():
                _complain(f"Erreur : {cases} n'est pas un dossier d'études de cas.")
                return EXIT_USAGE
            if cases.is_dir():
                written += export_case_studies(referentiel, cases, Path(args.sortie))
    except ReferentielError as error:
        _complain(error.report())
        return EXIT_INVALID
    except (PdfError, CandidateError) as error:
        _complain(f"Erreur : {error}" if isinstance(error, PdfError) else str(error))
        return EXIT_INVALID
    return _written(written)


def export(args: argparse.Namespace) -> int:
    names = list(FORMATS) if "tous" in args.format else list(dict.fromkeys(args.format))
    try:
        written = export_files(load_referentiel(args.referentiel), names, Path(args.sortie))
    except FAILURES as error:
        return _failed(error)
    return _written(written)


def new(args: argparse.Namespace) -> int:
    if (args.fiche is None) != (args.export is None):
        _complain("Erreur : --fiche et --export vont ensemble.")
        return EXIT_USAGE
    try:
        if args.depuis:
            source = Path(args.depuis)
            text = read_text(source)
        else:
            source = Path(args.export)
            text = imported_text(source, args.fiche, args.date_export)
        referentiel = parse_referentiel(text, source)
        findings = run_checks(referentiel)
        if has_errors(findings):
            _say(as_text(findings, str(source)))
            _complain(
                "Erreur : ce référentiel enfreint des règles de France compétences ; le site ne se "
                "construirait pas. Corrigez-le d'abord (referentiel check)."
            )
            return EXIT_INVALID
        written = new_site(Path(args.dossier), text)
    except FAILURES as error:
        return _failed(error)
    _written(written)
    _say(f"Pour voir le site : cd {args.dossier} && mkdocs serve")
    return 0


def pages(args: argparse.Namespace) -> int:
    try:
        referentiel = load_referentiel(args.fichier)
        findings = run_checks(referentiel)
        if has_errors(findings):
            _say(as_text(findings, args.fichier))
            return EXIT_INVALID
        written = static_site(referentiel, findings, Path(args.sortie), replace=args.remplacer)
    except FAILURES as error:
        return _failed(error)
    _say(
        f"écrit : {len(written)} fichiers dans {args.sortie} ; pour construire le site : "
        f"mkdocs build -f {Path(args.sortie) / 'mkdocs.yml'}"
    )
    return 0


def case_study(args: argparse.Namespace) -> int:
    try:
        referentiel = load_referentiel(args.referentiel)
        path = new_case_study(referentiel, args.modalite, args.titre, Path(args.dossier))
    except FAILURES as error:
        return _failed(error)
    return _written([path])


def diff(args: argparse.Namespace) -> int:
    try:
        old = load_referentiel(args.ancien)
        new = load_referentiel(args.nouveau)
    except ReferentielError as error:
        _complain(error.report())
        return EXIT_INVALID
    changes = compare(old, new)
    if args.json:
        print(printable(diff_json(changes, args.ancien, args.nouveau), json=True))
    else:
        _say(diff_text(changes, args.ancien, args.nouveau))
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "check": check,
    "diff": diff,
    "etude-de-cas": case_study,
    "export": export,
    "import": import_,
    "nouveau": new,
    "pages": pages,
    "pdf": pdf,
}
