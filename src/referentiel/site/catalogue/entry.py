"""A référentiel's home page inside a catalogue, with what links it to the others.

Its links to its own pages are relative to ``index.md``, like every page of its site, and stay
right once the whole site is moved under the référentiel's slug.
"""

from __future__ import annotations

from ...catalogue import Entry
from ...catalogue.links import Correspondence, CorrespondencesOf, SharedCode
from ..counts import referentiel_contents
from ..home import bloc_list
from ..text import md
from ..urls import (
    AUDIT,
    BLOCS_LIST,
    COMPETENCES_LIST,
    DOWNLOADS,
    FICHE,
    GRIDS,
    MODALITIES_LIST,
    TRACEABILITY,
    Links,
    bloc_page,
)
from .addresses import entry_home, md_link, under
from .facts import Counts, certifiers, registration_dates, status

HOME = "index.md"

# Past this many, a shared code names how many others carry it rather than each of them:
# a code shared by hundreds of fiches would otherwise make every page list every other.
MAX_LISTED = 20


def render_entry_home(
    entry: Entry,
    count: Counts,
    links_of: CorrespondencesOf,
    shared: list[SharedCode],
    use_directory_urls: bool,
) -> str:
    referentiel = entry.referentiel
    certification = referentiel.certification
    links = Links(referentiel, HOME, use_directory_urls)
    here = entry_home(entry.slug)
    facts = [
        ("Numéro de fiche RNCP", md(certification.numero_rncp or "non renseigné")),
        ("Niveau", md(str(certification.niveau) if certification.niveau else "non renseigné")),
        ("Certificateurs", md(", ".join(certifiers(entry)) or "non renseigné")),
        ("Statut", md(f"{status(entry)} ({certification.etat})" if certification.etat else status(entry))),
        ("Enregistrement", md(registration_dates(entry))),
        ("Contenu", md(referentiel_contents(referentiel))),
        (
            "Audit",
            links.md_page(
                AUDIT,
                f"{count.errors} erreur(s), {count.warnings} avertissement(s), {count.notes} information(s)",
            ),
        ),
    ]
    parts = [
        f"# {md(certification.titre)}",
        "\n".join(f"- **{term}** : {value}" for term, value in facts),
        "## Les blocs de compétences",
        bloc_list(referentiel, links) or "*Aucun bloc.*",
        "## Toutes les pages",
        "\n".join(
            f"- {links.md_page(page, text)}"
            for page, text in (
                (BLOCS_LIST, "Tous les blocs"),
                (COMPETENCES_LIST, "Toutes les compétences"),
                (MODALITIES_LIST, "Toutes les modalités d'évaluation"),
                (GRIDS, "Grilles d'évaluation et procès-verbaux"),
                (AUDIT, "Audit de conformité"),
                (TRACEABILITY, "Traçabilité"),
                (FICHE, "Fiche RNCP"),
                (DOWNLOADS, "Téléchargements"),
            )
        ),
        "## Dans le catalogue",
        _correspondences(links_of, here),
        _shared(shared, here),
    ]
    return "\n\n".join(parts) + "\n"


def _correspondences(links_of: CorrespondencesOf, here: str) -> str:
    lines = []
    for link in links_of.declared:
        lines.append(f"- Cette fiche déclare une correspondance avec {_other_fiche(link, here)}.")
    for link in links_of.received:
        declared_by = link.declared_by
        source = _entry_link(declared_by, here)
        blocs = [b for code in link.blocs if (b := link.target_bloc(code))]
        if blocs and link.target is not None:
            target = link.target
            named = ", ".join(
                f"[{md(b.code_rncp or b.id)}]({md_link(under(target.slug, bloc_page(b.id)), here)})"
                for b in blocs
            )
            lines.append(f"- {source} déclare une correspondance avec les blocs {named} de cette fiche.")
        else:
            lines.append(f"- {source} déclare une correspondance avec cette fiche.")
    if not lines:
        return "Aucune correspondance déclarée avec une autre fiche, ni par une autre fiche du catalogue."
    return "### Correspondances\n\n" + "\n".join(lines)


def _other_fiche(link: Correspondence, here: str) -> str:
    """The other fiche, and its blocs, linked when the catalogue holds them, named otherwise."""
    if link.target is None:
        codes = f" (blocs {md(', '.join(link.blocs))})" if link.blocs else ""
        return f"la fiche {md(link.fiche)}{codes}, qui n'est pas dans ce catalogue"
    target = link.target
    text = _entry_link(target, here)
    if not link.blocs:
        return text
    named = []
    for code in link.blocs:
        bloc = link.target_bloc(code)
        if bloc is None:
            named.append(f"{md(code)} (bloc inconnu de ce référentiel)")
        else:
            named.append(f"[{md(code)}]({md_link(under(target.slug, bloc_page(bloc.id)), here)})")
    return f"{text}, blocs {', '.join(named)}"


def _entry_link(entry: Entry, here: str) -> str:
    certification = entry.referentiel.certification
    name = f"{certification.numero_rncp or entry.slug} — {certification.titre}"
    return f"[{md(name)}]({md_link(entry_home(entry.slug), here)})"


def _shared(shared: list[SharedCode], here: str) -> str:
    if not shared:
        return "Aucun autre référentiel du catalogue ne partage ses codes NSF ou ROME."
    lines = []
    for code in shared:
        label = f"{code.kind} {code.code.code}" + (f" {code.code.libelle}" if code.code.libelle else "")
        listed = ", ".join(_entry_link(other, here) for other in code.others[:MAX_LISTED])
        more = len(code.others) - MAX_LISTED
        rest = f" et {more} autre(s)" if more > 0 else ""
        lines.append(f"- **{md(label)}** : aussi {listed}{rest}.")
    return "### Codes partagés\n\n" + "\n".join(lines)


__all__ = ["HOME", "render_entry_home"]
