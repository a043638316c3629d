"""Rules on the content of competences, criteria and modalities: S15–S18, S21."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Competence
from .findings import Finding, Severity
from .registry import Context, check

E, W, INFO = Severity.ERREUR, Severity.AVERTISSEMENT, Severity.INFORMATION

ACCESSIBILITY_WORDS = re.compile(r"handicap|accessib|inclusi|conception universelle", re.I)
TRANSITIONS = {
    "transition écologique": re.compile(r"environnementa|écolog|\bRSE\b|durable|climat|carbone", re.I),
    "transition numérique": re.compile(r"numérique|digital|données|internet|on-line|en ligne", re.I),
    "santé et sécurité au travail": re.compile(
        r"santé|sécurité au travail|risques professionnels|ergonom", re.I
    ),
}
VAGUE_VERBS = ("connaître", "comprendre", "savoir", "maîtriser")
# An infinitive ends in -er, -ir, -re or -oir (« Réaliser », « Établir », « Prendre »).
INFINITIVE = re.compile(r"^(?:s'|se )?[A-Za-zÀ-ÿœ'-]+(?:er|ir|re|oir)\b")
PURPOSE = re.compile(
    r"\b(pour|afin de|afin d'|en vue de|dans le respect|de manière à|dans le cadre|en fonction|"
    r"au sein|depuis|en tenant compte|à partir)\b|\ben [a-zéèêàâôûîç]+ant\b",
    re.I,
)
BARE_JUDGEMENT = re.compile(
    r"^(?:le|la|les|l'|un|une|des)\b[^:;,]{0,60}\b(?:est|sont)\s+(?:bien\s+|très\s+)?"
    r"(?:bon|bonne|bons|bonnes|efficace|efficaces|pertinente?s?|satisfaisante?s?|correcte?s?|"
    r"adaptée?s?|cohérente?s?|claire?s?|de qualité)\s*\.?$",
    re.I,
)


def _texts(competence: Competence) -> list[str]:
    return [
        competence.texte,
        *(c.texte for c in competence.criteres),
        *(p for c in competence.criteres for p in c.sous_points),
    ]


@check("S15")
def disability(ctx: Context) -> Iterator[Finding]:
    r = ctx.referentiel
    if not r.certification.amenagements_handicap:
        yield ctx.finding(
            "S15", W,
            "Rien n'est dit de l'aménagement des évaluations pour les candidats en situation de handicap.",
            ["certification.amenagements_handicap"],
        )  # fmt: skip
    tagged = [
        c.id
        for c in r.competences
        if "accessibilité" in c.enjeux or any("accessibilité" in k.enjeux for k in c.criteres)
    ]
    worded = [c.id for c in r.competences if any(ACCESSIBILITY_WORDS.search(t) for t in _texts(c))]
    if not tagged and not worded:
        yield ctx.finding(
            "S15", W,
            "Aucune compétence ni aucun critère ne traite de l'accessibilité ou du handicap.",
        )  # fmt: skip


@check("S16")
def transitions(ctx: Context) -> Iterator[Finding]:
    r = ctx.referentiel
    for theme, words in TRANSITIONS.items():
        tagged = [
            c.id for c in r.competences if theme in c.enjeux or any(theme in k.enjeux for k in c.criteres)
        ]
        if tagged:
            continue
        hints = [c.id for c in r.competences if any(words.search(t) for t in _texts(c))]
        message = (
            f"Aucune compétence ni aucun critère n'est rattaché à l'enjeu « {theme} » (champ « enjeux »)."
        )
        if hints:
            message += " Textes qui pourraient s'y rattacher, à qualifier : " + ", ".join(hints) + "."
        yield ctx.finding("S16", W, message, hints)


# A numbering at the head of an imported competence (« A1C1. », « C.2 », « 1.1 ») is not its wording.
LEADING_NUMBER = re.compile(r"^(?:[A-Z]\d+C\d+|C\.?\s?\d+(?:\.\d+)*|\d+(?:\.\d+)*)[.)]?\s*")


@check("S17")
def competence_wording(ctx: Context) -> Iterator[Finding]:
    for competence in ctx.referentiel.competences:
        text = LEADING_NUMBER.sub("", competence.texte.strip())
        first = text.split()[0].lower() if text else ""
        if first.rstrip(",") in VAGUE_VERBS:
            yield ctx.finding(
                "S17", W, f"Verbe peu observable en tête de compétence : « {first} ».", [competence.id]
            )
        elif not INFINITIVE.match(text):
            yield ctx.finding(
                "S17", W,
                "La compétence ne commence pas par un verbe d'action à l'infinitif "
                f"(« {' '.join(text.split()[:4])} … »).",
                [competence.id],
            )  # fmt: skip
        if not PURPOSE.search(text):
            yield ctx.finding("S17", W, "La compétence n'énonce ni contexte ni finalité.", [competence.id])


@check("S18")
def observable_criteria(ctx: Context) -> Iterator[Finding]:
    for criterion in ctx.referentiel.criteres:
        if not criterion.sous_points and BARE_JUDGEMENT.match(criterion.texte.strip()):
            yield ctx.finding(
                "S18", INFO,
                f"Critère réduit à un jugement sans indicateur observable : « {criterion.texte} ».",
                [criterion.competence_id],
            )  # fmt: skip


@check("S21")
def modality_description(ctx: Context) -> Iterator[Finding]:
    r = ctx.referentiel
    for field, label in (
        ("duree", "la durée"),
        ("jury", "les évaluateurs (jury)"),
        ("livrables", "le livrable"),
    ):
        missing = [m.id for m in r.modalites if not getattr(m, field)]
        if missing:
            yield ctx.finding("S21", W, f"La modalité ne précise pas {label}.", missing)
    if r.certification.echelle_resultats is None:
        yield ctx.finding(
            "S21", W,
            "Aucune échelle de résultats n'est déclarée ; les grilles d'évaluation emploient « acquis / "
            "partiellement acquis / non acquis ».",
            ["certification.echelle_resultats"],
        )  # fmt: skip
