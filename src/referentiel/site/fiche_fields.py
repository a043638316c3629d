"""The fiche RNCP page's sections, and the certification fields they show, named for a reader."""

from __future__ import annotations

# The sections of the fiche, by their anchor: findings about a fiche field link to its section.
SECTIONS = {
    "identification": "identification",
    "objectifs": "objectifs",
    "activites": "activites-visees",
    "competences": "competences-attestees",
    "emplois": "secteurs-et-emplois",
    "enregistrement": "enregistrement",
    "base_legale": "base-legale",
    "voies": "voies-acces",
    "validation": "validation",
    "blocs": "blocs",
}

# A field of the certification, named for a reader, and the section of the fiche that shows it.
FIELDS = {
    "numero_rncp": ("numéro de fiche RNCP", "identification"),
    "niveau": ("niveau de la certification", "identification"),
    "codes_nsf": ("codes NSF", "identification"),
    "formacodes": ("Formacodes", "identification"),
    "certificateurs": ("certificateurs", "identification"),
    "codes_rome": ("codes ROME", "emplois"),
    "activites_visees": ("activités visées", "activites"),
    "enregistrement": ("dates d'enregistrement", "enregistrement"),
    "voies_acces": ("voies d'accès et jurys", "voies"),
    "validite_blocs": ("validité des blocs acquis", "validation"),
    "amenagements_handicap": ("aménagements pour les candidats en situation de handicap", "validation"),
    "correspondances": ("correspondances avec d'autres fiches", "validation"),
}


def field_link(name: str) -> tuple[str, str] | None:
    """(words, anchor on the fiche page) for « certification.<field> », or None."""
    field = name.removeprefix("certification.")
    if field not in FIELDS:
        return None
    words, section = FIELDS[field]
    return words, SECTIONS[section]
