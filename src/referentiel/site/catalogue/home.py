"""The catalogue's home page: every référentiel as a card, with filters that need no server.

The cards are plain HTML that reads without script; ``catalogue.js`` shows the filter form and
hides the cards that do not match. Filter values are numbers and codes, never data text.
"""

from __future__ import annotations

from ...catalogue import Catalogue, Entry
from ..text import h
from ..urls import AUDIT, relative_url
from .addresses import CATALOGUE_AUDIT, CATALOGUE_HOME, entry_home, under
from .facts import STATUSES, Counts, certifiers, registration_dates, status


def render_catalogue_home(catalogue: Catalogue, counts: dict[str, Counts], use_directory_urls: bool) -> str:
    entries = catalogue.entries
    certifier_names = sorted({name for e in entries for name in certifiers(e)}, key=str.casefold)
    certifier_index = {name: str(i) for i, name in enumerate(certifier_names)}
    nsf: dict[str, str | None] = {}
    for entry in entries:
        for code in entry.referentiel.certification.codes_nsf:
            nsf.setdefault(code.code, code.libelle)
    levels = sorted(
        {e.referentiel.certification.niveau for e in entries if e.referentiel.certification.niveau}
    )

    def href(src_uri: str) -> str:
        return h(relative_url(src_uri, CATALOGUE_HOME, use_directory_urls))

    lines = [
        f"Ce catalogue publie **{len(entries)} référentiel(s)** de certification professionnelle. "
        "Chacun a ses pages, ses grilles d'évaluation, son audit et sa fiche RNCP. "
        f"L'[audit du catalogue]({CATALOGUE_AUDIT}) compare les contrôles de conformité de tous.",
        "",
        '<form class="catalogue-filtres" id="catalogue-filtres" role="search" '
        'aria-label="Filtrer le catalogue" hidden>',
        '<p><label for="filtre-texte">Rechercher dans le catalogue</label>'
        '<input id="filtre-texte" type="search" autocomplete="off" '
        'placeholder="intitulé, numéro, certificateur…"></p>',
        '<details class="catalogue-criteres" id="catalogue-criteres"><summary>Filtrer par niveau, domaine, '
        "certificateur ou statut</summary>",
        _select("filtre-niveau", "Niveau", [(str(n), f"Niveau {n}") for n in levels]),
        _select(
            "filtre-nsf",
            "Domaine (NSF)",
            [(code, f"{code} {label or ''}".strip()) for code, label in sorted(nsf.items())],
        ),
        _select("filtre-certificateur", "Certificateur", [(certifier_index[n], n) for n in certifier_names]),
        _select("filtre-statut", "Statut", [(value, value) for value in STATUSES.values()]),
        "</details>",
        '<p><button type="reset" class="md-button">Effacer les filtres</button></p>',
        "</form>",
        '<p class="catalogue-compte" id="catalogue-compte" role="status" aria-live="polite"></p>',
        '<ul class="catalogue-liste" id="catalogue-liste">',
    ]
    for entry in entries:
        lines.append(_card(entry, counts[entry.slug], certifier_index, href))
    lines.append("</ul>")
    return "\n".join(lines) + "\n"


def _select(id_: str, label: str, options: list[tuple[str, str]]) -> str:
    choices = "".join(f'<option value="{h(value)}">{h(text)}</option>' for value, text in options)
    return (
        f'<p><label for="{id_}">{h(label)}</label><select id="{id_}">'
        f'<option value="">Tous</option>{choices}</select></p>'
    )


def _card(entry: Entry, count: Counts, certifier_index: dict[str, str], href: object) -> str:
    certification = entry.referentiel.certification
    names = certifiers(entry)
    data = {
        "niveau": str(certification.niveau or ""),
        "nsf": " ".join(c.code for c in certification.codes_nsf),
        "certificateurs": " ".join(certifier_index[n] for n in names),
        "statut": status(entry),
    }
    attributes = " ".join(f'data-{key}="{h(value)}"' for key, value in data.items())
    link = href(entry_home(entry.slug))  # type: ignore[operator]
    audit = href(under(entry.slug, AUDIT))  # type: ignore[operator]
    nsf = ", ".join(f"{c.code} {c.libelle or ''}".strip() for c in certification.codes_nsf)
    facts = [
        ("Numéro RNCP", certification.numero_rncp or "non renseigné"),
        ("Niveau", str(certification.niveau) if certification.niveau else "non renseigné"),
        ("Certificateurs", ", ".join(names) or "non renseigné"),
        ("Domaines (NSF)", nsf or "non renseigné"),
        ("Blocs de compétences", str(len(entry.referentiel.blocs))),
        ("Statut", f"{status(entry)} ({certification.etat})" if certification.etat else status(entry)),
        ("Enregistrement", registration_dates(entry)),
    ]
    rows = "".join(f"<dt>{h(term)}</dt><dd>{h(value)}</dd>" for term, value in facts)
    audit_text = f"{count.errors} erreur(s), {count.warnings} avertissement(s), {count.notes} information(s)"
    rows += f'<dt>Audit</dt><dd><a href="{audit}">{h(audit_text)}</a></dd>'
    return (
        f'<li class="catalogue-fiche" {attributes}>'
        f'<h2 class="catalogue-titre"><a href="{link}">{h(certification.titre)}</a></h2>'
        f"<dl>{rows}</dl></li>"
    )


__all__ = ["CATALOGUE_HOME", "render_catalogue_home"]
