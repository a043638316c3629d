"""The catalogue's audit: for each référentiel and each rule, how many findings.

A table that ``catalogue.js`` sorts by any column (a button in each heading); without script it
reads in the catalogue's order. Each référentiel links to its own audit.
"""

from __future__ import annotations

from ...catalogue import Catalogue
from ...checks import RULES
from ..text import h
from ..urls import AUDIT, relative_url
from .addresses import CATALOGUE_AUDIT, CATALOGUE_HOME, under
from .facts import Counts


def render_catalogue_audit(catalogue: Catalogue, counts: dict[str, Counts], use_directory_urls: bool) -> str:
    # Only the rules that found something somewhere: a column of zeros says nothing.
    found = {rule for c in counts.values() for rule in c.by_rule}
    rules = [rule for rule in RULES.values() if rule.id in found]
    totals = [c for c in counts.values()]
    intro = (
        f"Les contrôles de conformité des {len(catalogue.entries)} référentiels du "
        f"[catalogue]({CATALOGUE_HOME}) : "
        f"{sum(c.errors for c in totals)} erreur(s), {sum(c.warnings for c in totals)} avertissement(s), "
        f"{sum(c.notes for c in totals)} information(s). Chaque colonne se trie par le bouton de son "
        "titre ; chaque référentiel mène à son propre audit, qui détaille chaque constat."
    )
    headings = [("Fiche", "texte"), ("Intitulé", "texte"), ("Niveau", "nombre"), ("Erreurs", "nombre")]
    headings += [("Avertissements", "nombre"), ("Informations", "nombre")]
    headings += [(rule.id, "nombre") for rule in rules]
    head = "".join(
        f'<th scope="col" data-tri="{kind}"'
        + (f' title="{h(RULES[name].title)}"' if name in RULES else "")
        + f">{h(name)}</th>"
        for name, kind in headings
    )
    body = []
    for entry in catalogue.entries:
        count = counts[entry.slug]
        certification = entry.referentiel.certification
        href = h(relative_url(under(entry.slug, AUDIT), CATALOGUE_AUDIT, use_directory_urls))
        fiche = certification.numero_rncp or entry.slug
        cells = [
            f'<th scope="row"><a href="{href}">{h(fiche)}</a></th>',
            f"<td>{h(certification.intitule)}</td>",
        ]
        values = [certification.niveau or "", count.errors, count.warnings, count.notes]
        values += [count.by_rule.get(rule.id, 0) for rule in rules]
        cells += [f"<td>{value}</td>" for value in values]
        body.append(f"<tr>{''.join(cells)}</tr>")
    table = (
        '<div class="table-defilante" role="region" aria-labelledby="audit-catalogue-legende" tabindex="0">'
        '<table id="audit-catalogue" data-triable>'
        '<caption id="audit-catalogue-legende">Constats par référentiel et par règle</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )
    legend = "\n".join(f"- **{rule.id}** : {h(rule.title)}" for rule in rules)
    return f"{intro}\n\n{table}\n\n## Les règles\n\n{legend}\n"
