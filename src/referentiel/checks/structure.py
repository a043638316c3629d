"""Rules on the shape of the three référentiels: S3–S8."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from ..model import Modality
from .coverage import orphans, own_modalities
from .findings import Finding, Severity
from .registry import Context, check

E, W, INFO = Severity.ERREUR, Severity.AVERTISSEMENT, Severity.INFORMATION

# The regular forms of a printed modality code: « E1 », « E1.2 », « E2.1/2.2 ».
REGULAR_CODE = re.compile(r"^E\d+(\.\d+)?(/\d+\.\d+)*$")


def missing_criteria_severity(ctx: Context) -> Severity:
    """Missing criteria fail a référentiel, except a draft imported from the official fiche,
    which publishes none: there they are work to do, reported as a warning."""
    imported = ctx.referentiel.certification.provenance is not None
    return W if imported and not ctx.referentiel.criteres else E


@check("S3")
def three_referentiels(ctx: Context) -> Iterator[Finding]:
    r = ctx.referentiel
    if not r.activites and r.certification.activites_visees:
        yield ctx.finding(
            "S3", INFO,
            "Le référentiel d'activités n'existe que sous forme de texte (activités visées de la fiche) : "
            "les activités ne sont pas reliées aux compétences.",
            ["certification.activites_visees"],
        )  # fmt: skip
    for things, label, severity in (
        (
            r.activites or r.certification.activites_visees,
            "aucune activité : le référentiel d'activités est vide",
            E,
        ),
        (r.competences, "aucune compétence : le référentiel de compétences est vide", E),
        (r.modalites, "aucune modalité d'évaluation", E),
        (r.criteres, "aucun critère d'évaluation", missing_criteria_severity(ctx)),
    ):
        if not things:
            yield ctx.finding("S3", severity, f"Le référentiel n'a {label}.")


@check("S4")
def bloc_contents(ctx: Context) -> Iterator[Finding]:
    for bloc in ctx.referentiel.blocs:
        if not bloc.competences:
            yield ctx.finding("S4", E, "Le bloc n'a aucune compétence.", [bloc.id])
        if not own_modalities(bloc):
            yield ctx.finding("S4", E, "Le bloc n'a aucune modalité d'évaluation propre.", [bloc.id])
        if bloc.competences and not bloc.criteres:
            yield ctx.finding(
                "S4", missing_criteria_severity(ctx), "Le bloc n'a aucun critère d'évaluation.", [bloc.id]
            )


@check("S5")
def single_competence(ctx: Context) -> Iterator[Finding]:
    for bloc in ctx.referentiel.blocs:
        if len(bloc.competences) == 1:
            yield ctx.finding(
                "S5", W, "Le bloc ne compte qu'une compétence.", [bloc.id, bloc.competences[0].id]
            )


@check("S6")
def evaluation(ctx: Context) -> Iterator[Finding]:
    r = ctx.referentiel
    gaps = orphans(r)
    if gaps.competences_not_evaluated:
        yield ctx.finding("S6", E, "Compétence évaluée par aucune modalité.", gaps.competences_not_evaluated)
    if gaps.competences_without_criteria:
        yield ctx.finding(
            "S6", missing_criteria_severity(ctx), "Compétence sans critère d'évaluation.",
            gaps.competences_without_criteria,
        )  # fmt: skip
    for modality in r.modalites:
        blocs = sorted({r.competence(cid).bloc_id for cid in modality.competence_ids})
        foreign = [b for b in blocs if b != modality.bloc_id]
        if foreign:
            yield ctx.finding(
                "S6", W,
                "La modalité évalue des compétences d'un autre bloc : un bloc doit pouvoir être validé seul.",
                [modality.id, *foreign],
            )  # fmt: skip


@check("S7")
def activities_to_competences(ctx: Context) -> Iterator[Finding]:
    gaps = orphans(ctx.referentiel)
    if gaps.activities_without_competence:
        yield ctx.finding(
            "S7", W, "Activité dont ne découle aucune compétence.", gaps.activities_without_competence
        )
    if gaps.competences_without_activity:
        yield ctx.finding(
            "S7", W, "Compétence rattachée à aucune activité.", gaps.competences_without_activity
        )


@check("S8")
def identifiers(ctx: Context) -> Iterator[Finding]:
    r = ctx.referentiel
    unused = [m.id for m in r.modalites if not m.competence_ids]
    if unused:
        yield ctx.finding("S8", E, "Modalité qui n'évalue aucune compétence.", unused)
    printed: dict[str, list[str]] = defaultdict(list)
    for modality in r.modalites:
        if modality.code_source:
            printed[modality.code_source.strip(" .")].append(modality.id)
    for code, ids in printed.items():
        if len(ids) > 1:
            yield ctx.finding(
                "S8", W,
                f"Le code « {code} » est imprimé pour {len(ids)} modalités différentes dans la source.",
                ids,
            )  # fmt: skip
    irregular = [
        m.id for m in r.modalites if m.code_source and not REGULAR_CODE.match(m.code_source.strip(" ."))
    ]
    if irregular:
        yield ctx.finding("S8", INFO, "Code de modalité imprimé sous une forme irrégulière.", irregular)


def _numbers_in_code(code: str) -> set[str]:
    """« E3.1/3.2 » → {"3.1", "3.2"}: the competences a printed code names, if it names any."""
    first = re.match(r"^E(\d+\.\d+)", code)
    if not first:
        return set()
    return {first.group(1), *re.findall(r"/(\d+\.\d+)", code)}


def competences_named_by_code(modality: Modality) -> set[str]:
    """The competence IDs a modality's printed code names (« E4.5 » → {"C4.5"}), if it names any."""
    return {f"C{n}" for n in _numbers_in_code((modality.code_source or "").strip(" ."))}


@check("S8")
def printed_codes_match(ctx: Context) -> Iterator[Finding]:
    for modality in ctx.referentiel.modalites:
        named = competences_named_by_code(modality)
        if named and named != set(modality.competence_ids):
            yield ctx.finding(
                "S8", W,
                f"Le code imprimé « {modality.code_source} » désigne "
                + ", ".join(sorted(named))
                + " mais la modalité évalue "
                + ", ".join(sorted(modality.competence_ids))
                + ".",
                [modality.id, *modality.competence_ids],
            )  # fmt: skip
