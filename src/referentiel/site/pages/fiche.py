"""A page shaped like the public RNCP fiche, each unknown field written « non renseigné »."""

from __future__ import annotations

from ...model import ACCESS_ROUTES, CodeLabel, french_date
from ..blocks import md_notes
from ..fiche_fields import SECTIONS
from ..text import capitalized, md
from ..urls import Links

UNKNOWN = "*non renseigné*"


def _activities(links: Links) -> list[str]:
    """The fiche's text when known, else the référentiel's own activities, said to be so."""
    referentiel = links.referentiel
    if referentiel.certification.activites_visees:
        return [md(referentiel.certification.activites_visees)]
    if not referentiel.activites:
        return [UNKNOWN]
    lines = ["Le texte de la fiche n'est pas renseigné ; les activités du référentiel d'activités :", ""]
    lines += [f"- {links.md(a)} {md(a.intitule)}" for a in referentiel.activites]
    return lines


def _competences(links: Links) -> list[str]:
    referentiel = links.referentiel
    if referentiel.certification.capacites_attestees:
        return [md(referentiel.certification.capacites_attestees)]
    if not referentiel.competences:
        return [UNKNOWN]
    return ["D'après le référentiel de compétences : voir les blocs ci-dessous."]


def _value(text: str | None) -> str:
    return md(text) if text else UNKNOWN


def _codes(codes: tuple[CodeLabel, ...]) -> str:
    if not codes:
        return UNKNOWN
    return "; ".join(md(f"{c.code} – {c.libelle}" if c.libelle else c.code) for c in codes)


def _date(iso: str | None) -> str:
    return french_date(iso) if iso else UNKNOWN


def render_fiche(links: Links) -> str:
    referentiel = links.referentiel
    c = referentiel.certification
    registration = c.enregistrement
    certifiers = (
        "; ".join(md(f"{x.nom} (SIRET {x.siret or 'non renseigné'})") for x in c.certificateurs)
        if c.certificateurs
        else UNKNOWN
    )
    out = [
        "# Fiche RNCP",
        "",
        "Les rubriques de la fiche publique du répertoire national des certifications "
        "professionnelles, remplies à partir du référentiel ; ce que le document source ne dit pas "
        "reste « non renseigné ».",
        "",
        *([f"*{md(c.provenance.credit)}*", ""] if c.provenance else []),
        *([md_notes(c.notes_edition, links), ""] if c.notes_edition else []),
        f"## Identification {{#{SECTIONS['identification']}}}",
        "",
        f"- **Intitulé** : {md(c.intitule)}",
        f"- **Numéro de fiche** : {_value(c.numero_rncp)}",
        f"- **État** : {_value(c.etat)}",
        "- **Fiche active** : " + {True: "oui", False: "non", None: UNKNOWN}[c.active],
        f"- **Niveau** : {c.niveau} (cadre national des certifications professionnelles ; niveau "
        f"{c.niveau} du cadre européen)"
        if c.niveau
        else f"- **Niveau** : {UNKNOWN}",
        f"- **Codes NSF** : {_codes(c.codes_nsf)}",
        f"- **Formacodes** : {_codes(c.formacodes)}",
        f"- **Certificateur(s)** : {certifiers}",
        f"- **Établissement** : {_value(c.etablissement)}",
        "",
        f"## Objectifs et contexte de la certification {{#{SECTIONS['objectifs']}}}",
        "",
        _value(c.objectifs_contexte),
        "",
        f"## Activités visées {{#{SECTIONS['activites']}}}",
        "",
        *_activities(links),
        "",
        f"## Compétences attestées {{#{SECTIONS['competences']}}}",
        "",
        *_competences(links),
        "",
        f"## Secteurs d'activités et types d'emplois {{#{SECTIONS['emplois']}}}",
        "",
        f"- **Secteurs d'activités** : {_value(c.secteurs_activite)}",
        f"- **Types d'emplois accessibles** : {_value(c.types_emplois)}",
        f"- **Codes ROME** : {_codes(c.codes_rome)}",
        f"- **Références juridiques des règlementations d'activité** : {_value(c.reglementation)}",
        "",
        f"## Enregistrement {{#{SECTIONS['enregistrement']}}}",
        "",
        f"- **Type d'enregistrement** : {_value(registration.type)}",
        f"- **Date de décision** : {_date(registration.date_decision)}",
        f"- **Date d'échéance** : {_date(registration.date_echeance)}",
        f"- **Date limite de délivrance** : {_date(registration.date_limite_delivrance)}",
        "",
        f"## Base légale {{#{SECTIONS['base_legale']}}}",
        "",
        *([f"- {md(text)}" for text in c.base_legale] or [UNKNOWN]),
        "",
        f"## Prérequis et voies d'accès {{#{SECTIONS['voies']}}}",
        "",
        f"- **Prérequis à l'entrée en formation** : {_value(c.prerequis)}",
        "",
    ]
    routes = {route.voie: route for route in c.voies_acces}
    for voie in ACCESS_ROUTES:
        route = routes.get(voie)
        if route is None:
            out.append(f"- **{md(capitalized(voie))}** : {UNKNOWN}")
            continue
        opened = {True: "oui", False: "non", None: "non renseigné"}[route.ouverte]
        out.append(
            f"- **{md(capitalized(voie))}** : ouverte : {opened} ; composition du jury : "
            f"{_value(route.composition_jury)}"
        )
    out += [
        "",
        f"## Validation {{#{SECTIONS['validation']}}}",
        "",
        f"- **Validité des blocs acquis** : {_value(c.validite_blocs)}",
        f"- **Aménagements pour les candidats en situation de handicap** : {_value(c.amenagements_handicap)}",
        "- **Correspondances** : "
        + (
            "; ".join(
                md(f"{x.fiche} ({', '.join(x.blocs)})" if x.blocs else x.fiche) for x in c.correspondances
            )
            if c.correspondances
            else UNKNOWN
        ),
        "- **Versions précédentes (fiches)** : " + ("; ".join(md(n) for n in c.fiches_anciennes) or UNKNOWN),
        "- **Versions suivantes (fiches)** : " + ("; ".join(md(n) for n in c.fiches_nouvelles) or UNKNOWN),
        "",
        f"## Blocs de compétences {{#{SECTIONS['blocs']}}}",
        "",
    ]
    for bloc in referentiel.blocs:
        code = md(bloc.code_rncp) if bloc.code_rncp else "Code non renseigné"
        out += [f"### {code} – {links.md(bloc, bloc.intitule)}", "", "**Liste de compétences**", ""]
        out += [f"- {links.md(comp)} {md(comp.texte)}" for comp in bloc.competences] or ["- aucune"]
        out += ["", "**Modalités d'évaluation**", ""]
        out += [
            f"- {links.md(m, f'{m.code} {m.intitule}')} — {md(m.nature_label)}, épreuve {md(m.format_label)}"
            for m in bloc.modalites
        ] or ["- aucune"]
        out.append("")
    return "\n".join(out)
