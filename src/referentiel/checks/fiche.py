"""Rules on the fields of the public RNCP fiche: S1, S2, S9–S14, S20, S22."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Iterator

from ..model import ACCESS_ROUTES
from .findings import Finding, Severity
from .registry import Context, check

E, W, INFO = Severity.ERREUR, Severity.AVERTISSEMENT, Severity.INFORMATION

FICHE = re.compile(r"^RNCP\d{3,5}$")
BLOC_CODE = re.compile(r"^(RNCP\d{3,5})BC(\d{2})$")
LEGACY_BLOC_CODE = re.compile(r"^\d{2}$")
NSF = re.compile(r"^\d{2,3}[a-z]?$")
ROME = re.compile(r"^[A-Z]\d{4}$")
FORMACODE = re.compile(r"^\d{5}$")


@check("S1")
def fiche_number(ctx: Context) -> Iterator[Finding]:
    number = ctx.referentiel.certification.numero_rncp
    if number is None:
        yield ctx.finding(
            "S1", W, "Le numéro de fiche RNCP n'est pas renseigné : il reste inconnu.",
            ["certification.numero_rncp"],
        )  # fmt: skip
    elif not FICHE.match(number):
        yield ctx.finding(
            "S1", E, f"Le numéro de fiche « {number} » n'a pas la forme RNCP suivi de 3 à 5 chiffres.",
            ["certification.numero_rncp"],
        )  # fmt: skip


@check("S2")
def bloc_codes(ctx: Context) -> Iterator[Finding]:
    number = ctx.referentiel.certification.numero_rncp
    blocs = ctx.referentiel.blocs
    missing = [b.id for b in blocs if b.code_rncp is None]
    if missing:
        yield ctx.finding("S2", W, "Code RNCP du bloc non renseigné.", missing)
    for bloc in blocs:
        code = bloc.code_rncp
        if code is None:
            continue
        match = BLOC_CODE.match(code)
        if LEGACY_BLOC_CODE.match(code):
            yield ctx.finding("S2", INFO, f"Code de bloc « {code} » à l'ancienne forme (accepté).", [bloc.id])
        elif not match:
            yield ctx.finding("S2", E, f"Le code « {code} » n'a pas la forme RNCPxxxxxBCyy.", [bloc.id])
        elif number and FICHE.match(number) and match.group(1) != number:
            yield ctx.finding(
                "S2", E, f"Le code « {code} » ne reprend pas le numéro de la fiche {number}.", [bloc.id]
            )
    counts = Counter(b.code_rncp for b in blocs if b.code_rncp)
    for code, count in counts.items():
        if count > 1:
            same = [b.id for b in blocs if b.code_rncp == code]
            yield ctx.finding("S2", E, f"Le code de bloc « {code} » est utilisé {count} fois.", same)


@check("S9")
def level(ctx: Context) -> Iterator[Finding]:
    niveau = ctx.referentiel.certification.niveau
    if niveau is None:
        yield ctx.finding(
            "S9", W, "Le niveau de la certification n'est pas renseigné.", ["certification.niveau"]
        )
    elif not 3 <= niveau <= 8:
        yield ctx.finding(
            "S9", E, f"Le niveau {niveau} n'existe pas au RNCP (niveaux 3 à 8).", ["certification.niveau"]
        )


@check("S10")
def nomenclatures(ctx: Context) -> Iterator[Finding]:
    c = ctx.referentiel.certification
    for field, label, codes, pattern, form, most in (
        ("codes_nsf", "NSF", c.codes_nsf, NSF, "2 ou 3 chiffres, suivis d'une lettre éventuelle", 3),
        ("codes_rome", "ROME", c.codes_rome, ROME, "une lettre majuscule et 4 chiffres", 5),
        ("formacodes", "Formacode", c.formacodes, FORMACODE, "5 chiffres", 5),
    ):
        where = [f"certification.{field}"]
        if not codes:
            yield ctx.finding("S10", W, f"Aucun code {label} n'est renseigné.", where)
            continue
        for code in codes:
            if not pattern.match(code.code):
                yield ctx.finding(
                    "S10", E, f"Le code {label} « {code.code} » n'a pas la forme attendue ({form}).", where
                )
        if len(codes) > most:
            yield ctx.finding(
                "S10", W, f"{len(codes)} codes {label} : la fiche en admet {most} au plus.", where
            )


def siret_is_valid(siret: str) -> bool:
    """14 digits whose Luhn sum is a multiple of 10 (La Poste's SIRETs excepted)."""
    if not re.fullmatch(r"\d{14}", siret):
        return False
    if siret.startswith("356000000"):  # La Poste: digit sum multiple of 5
        return sum(int(d) for d in siret) % 5 == 0
    total = 0
    for index, char in enumerate(reversed(siret)):
        digit = int(char) * (2 if index % 2 else 1)
        total += digit - 9 if digit > 9 else digit
    return total % 10 == 0


@check("S11")
def certifiers(ctx: Context) -> Iterator[Finding]:
    where = ["certification.certificateurs"]
    certifiers = ctx.referentiel.certification.certificateurs
    if not certifiers:
        yield ctx.finding("S11", W, "Aucun certificateur (nom légal et SIRET) n'est renseigné.", where)
    for certifier in certifiers:
        if certifier.siret is None:
            yield ctx.finding(
                "S11", W, f"Le SIRET du certificateur « {certifier.nom} » n'est pas renseigné.", where
            )
        elif not siret_is_valid(certifier.siret):
            yield ctx.finding(
                "S11", E,
                f"Le SIRET « {certifier.siret} » de « {certifier.nom} » n'est pas valide "
                "(14 chiffres, clé de Luhn).",
                where,
            )  # fmt: skip


def _date(text: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text else None


def _years_later(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@check("S12")
def registration_dates(ctx: Context) -> Iterator[Finding]:
    where = ["certification.enregistrement"]
    registration = ctx.referentiel.certification.enregistrement
    try:
        decision = _date(registration.date_decision)
        end = _date(registration.date_echeance)
    except ValueError as error:
        yield ctx.finding("S12", W, f"Date d'enregistrement impossible : {error}.", where)
        return
    if decision is None or end is None:
        yield ctx.finding(
            "S12",
            W,
            "Les dates de décision et d'échéance de l'enregistrement ne sont pas renseignées.",
            where,
        )
        return
    if end < decision:
        yield ctx.finding("S12", W, "La date d'échéance précède la date de décision.", where)
    elif end > _years_later(decision, 5):
        yield ctx.finding("S12", W, "L'enregistrement dépasse cinq ans entre décision et échéance.", where)
    remaining = (end - ctx.today).days
    if remaining < 0:
        yield ctx.finding("S12", W, f"L'enregistrement est échu depuis le {end:%d/%m/%Y}.", where)
    elif remaining < 183:
        yield ctx.finding(
            "S12", W, f"L'enregistrement arrive à échéance le {end:%d/%m/%Y}, dans moins de six mois.", where
        )


@check("S13")
def access_routes(ctx: Context) -> Iterator[Finding]:
    where = ["certification.voies_acces"]
    routes = {route.voie: route for route in ctx.referentiel.certification.voies_acces}
    if not routes:
        yield ctx.finding(
            "S13", W, "Aucune voie d'accès n'est renseignée (élève ou étudiant, apprentissage, "
            "formation continue, "
            "contrat de professionnalisation, candidature individuelle, VAE), ni la composition des jurys.",
            where,
        )  # fmt: skip
        return
    missing = [voie for voie in ACCESS_ROUTES if voie not in routes]
    if missing:
        yield ctx.finding("S13", W, "Voies d'accès non renseignées : " + ", ".join(missing) + ".", where)
    vae = routes.get("VAE")
    if vae is not None and vae.ouverte is False:
        yield ctx.finding("S13", E, "La certification doit être accessible par la VAE.", where)
    for route in routes.values():
        if route.ouverte is not False and not route.composition_jury:
            yield ctx.finding(
                "S13", W, f"Composition du jury non renseignée pour la voie « {route.voie} ».", where
            )


@check("S14")
def vae_jury(ctx: Context) -> Iterator[Finding]:
    where = ["certification.voies_acces"]
    vae = next((r for r in ctx.referentiel.certification.voies_acces if r.voie == "VAE"), None)
    if vae is None or not vae.composition_jury:
        yield ctx.finding("S14", W, "La composition du jury de VAE n'est pas renseignée.", where)
        return
    text = vae.composition_jury.lower()
    if "présid" not in text:
        yield ctx.finding("S14", W, "La composition du jury de VAE ne nomme pas de président.", where)
    yield ctx.finding(
        "S14", INFO,
        "À vérifier sur pièces : au moins deux membres dont un qualifié, parité, "
        "absence de conflit d'intérêts.",
        where,
    )  # fmt: skip


@check("S20")
def correspondences(ctx: Context) -> Iterator[Finding]:
    for correspondence in ctx.referentiel.certification.correspondances:
        where = ["certification.correspondances"]
        if not FICHE.match(correspondence.fiche):
            yield ctx.finding(
                "S20",
                W,
                f"Correspondance vers « {correspondence.fiche} » : numéro de fiche mal formé.",
                where,
            )
        for code in correspondence.blocs:
            match = BLOC_CODE.match(code)
            if not match or match.group(1) != correspondence.fiche:
                yield ctx.finding(
                    "S20",
                    W,
                    f"Correspondance : « {code} » n'est pas un bloc de la fiche {correspondence.fiche}.",
                    where,
                )


@check("S22")
def bloc_validation(ctx: Context) -> Iterator[Finding]:
    missing = [b.id for b in ctx.referentiel.blocs if not b.modalites_validation]
    if missing:
        yield ctx.finding("S22", W, "La règle de validation du bloc n'est pas indiquée.", missing)
    if not ctx.referentiel.certification.validite_blocs:
        yield ctx.finding(
            "S22",
            W,
            "La durée de validité des blocs acquis n'est pas indiquée.",
            ["certification.validite_blocs"],
        )
