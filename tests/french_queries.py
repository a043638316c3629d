"""The readers' French queries of the seed, for the theme's search and Pagefind's alike."""

# Query typed into the search box → the page its first result must be (URL path, anchor cut).
QUERIES = {
    "influence": "competences/C3.4/",  # after « d' »: « d'influence » was one word
    "d'influence": "competences/C3.4/",
    "d’influence": "competences/C3.4/",  # curly apostrophe
    "l'image": "competences/C3.6/",
    "s'appuie": "blocs/B1/",
    "s’appuie": "blocs/B1/",
    "qu'il soutient": "modalites/E4.1/",
    "image": "competences/C3.6/",
    "expérience": "blocs/B3/",
    "experience": "blocs/B3/",  # without its accent
    "stratégie": "",
    "strategie": "",
    "E3.2": "modalites/E3.1-3.4/",  # each printed code of « E3.1/3.2/3.3/3.4 »
    "E3.3": "modalites/E3.1-3.4/",
    "E2.4": "modalites/E2/",
    "E4.3": "modalites/E4.2-4.3/",
    "crise": "modalites/E3.5-3.6/",
    "budgetaire": "modalites/E4.5-budget/",
    "prestataires": "modalites/E4.5-prestataires/",
}

# Queries of several words: a page that holds the phrase must come first.
PHRASES = [
    "tableaux de bord",
    "cahiers de charges",
    "retour sur investissement",
    "prise de décisions",
    "seuils d'alerte",
]
# Known to be ranked wrong: a page whose title holds one of the words (« GESTION BUDGETAIRE »,
# the site's name with « communication ») outranks those that hold the phrase. Each engine's
# test expects them to fail, and fails the day they no longer do.
MISRANKED_BY_THEME = ["plan de communication", "gestion de projet"]
MISRANKED_BY_PAGEFIND = ["gestion de projet"]
