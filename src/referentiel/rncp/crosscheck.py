"""Rule S23: our référentiel against the official fiche of the open data."""

from __future__ import annotations

from collections.abc import Iterator

from ..checks.findings import Finding, Severity
from ..checks.registry import RULES
from ..model import Referentiel
from .fiche import OfficialFiche

W, INFO = Severity.AVERTISSEMENT, Severity.INFORMATION


def _same(a: str | None, b: str | None) -> bool:
    return " ".join((a or "").split()).casefold() == " ".join((b or "").split()).casefold()


def crosscheck(referentiel: Referentiel, fiche: OfficialFiche | None, credit: str) -> list[Finding]:
    """Every difference between ``referentiel`` and ``fiche``, as S23 warnings."""
    rule = RULES["S23"]

    def finding(severity: Severity, message: str, items: tuple[str, ...] = ()) -> Finding:
        return Finding(rule, severity, f"{message} ({credit})", items)

    number = referentiel.certification.numero_rncp
    if number is None:
        return [
            finding(
                INFO,
                "Numéro de fiche inconnu : pas de rapprochement avec la fiche officielle.",
                ("certification.numero_rncp",),
            )
        ]
    if fiche is None:
        return [
            finding(W, f"La fiche {number} est absente des données ouvertes.", ("certification.numero_rncp",))
        ]
    return list(_differences(referentiel, fiche, finding))


def _differences(referentiel: Referentiel, fiche: OfficialFiche, finding) -> Iterator[Finding]:  # type: ignore[no-untyped-def]
    c = referentiel.certification
    if not _same(c.intitule, fiche.intitule):
        yield finding(
            W,
            f"Intitulé différent : « {c.intitule} » ici, « {fiche.intitule} » sur la fiche.",
            ("certification.intitule",),
        )
    if c.niveau != fiche.niveau:
        yield finding(
            W, f"Niveau différent : {c.niveau} ici, {fiche.niveau} sur la fiche.", ("certification.niveau",)
        )
    ours_nsf = {x.code for x in c.codes_nsf}
    theirs_nsf = {code for code, _ in fiche.nsf}
    if ours_nsf != theirs_nsf:
        yield finding(
            W,
            f"Codes NSF différents : {sorted(ours_nsf)} ici, {sorted(theirs_nsf)} sur la fiche.",
            ("certification.codes_nsf",),
        )
    ours_siret = {x.siret for x in c.certificateurs}
    theirs_siret = {siret for _, siret in fiche.certificateurs}
    if ours_siret != theirs_siret:
        yield finding(
            W,
            f"Certificateurs différents (SIRET) : {sorted(filter(None, ours_siret))} ici, "
            f"{sorted(filter(None, theirs_siret))} sur la fiche.",
            ("certification.certificateurs",),
        )
    for label, ours, theirs in (
        ("date de décision", c.enregistrement.date_decision, fiche.date_decision),
        ("date d'échéance", c.enregistrement.date_echeance, fiche.date_echeance),
    ):
        if ours != theirs:
            yield finding(
                W,
                f"{label.capitalize()} différente : {ours or 'non renseignée'} ici, "
                f"{theirs or 'non renseignée'} sur la fiche.",
                ("certification.enregistrement",),
            )

    our_blocs = {b.code_rncp: b for b in referentiel.blocs if b.code_rncp}
    their_blocs = {b.code: b for b in fiche.blocs}
    if len(referentiel.blocs) != len(fiche.blocs):
        yield finding(W, f"{len(referentiel.blocs)} blocs ici, {len(fiche.blocs)} sur la fiche.")
    for code in sorted(set(their_blocs) - set(our_blocs)):
        yield finding(
            W, f"Le bloc {code} « {their_blocs[code].libelle} » de la fiche n'a pas d'équivalent ici."
        )
    for code in sorted(set(our_blocs) - set(their_blocs)):
        yield finding(W, f"Le code de bloc {code} n'existe pas sur la fiche.", (our_blocs[code].id,))
    for code in sorted(set(our_blocs) & set(their_blocs)):
        bloc, official = our_blocs[code], their_blocs[code]
        if not _same(bloc.intitule, official.libelle):
            yield finding(
                W,
                f"Libellé du bloc {code} différent : « {bloc.intitule} » ici, "
                f"« {official.libelle} » sur la fiche.",
                (bloc.id,),
            )
        if official.modalites_evaluation and not bloc.modalites:
            yield finding(
                W,
                f"La fiche décrit des modalités d'évaluation pour le bloc {code}, absentes ici.",
                (bloc.id,),
            )
