"""What grids and records share: tick boxes, blanks, candidate lines, signatures, the header."""

from __future__ import annotations

from ...jury import Candidate, Sheet
from ...model import ACCESS_ROUTES, french_date
from ..text import fold, h

EVALUATORS = 3  # blank signature rows

# A space to write in by hand; its table header names it for screen readers.
BLANK = '<span class="a-remplir"></span>'


def box(label: str, ticked: bool = False) -> str:
    """A tick box drawn by CSS (ticked when the data says so), followed by its label."""
    state = " case-cochee" if ticked else ""
    return f'<span class="case-a-cocher{state}" aria-hidden="true"></span> {h(label)}'


def filled(value: str | None) -> str:
    return h(value) if value else BLANK


def candidate_table(candidates: tuple[Candidate, ...], blank_rows: int, caption: str) -> str:
    """Name, first name, number, access route and adjustments: pre-filled, or blank lines."""
    headers = ("Nom", "Prénom", "N° de candidat", "Voie d'accès", "Aménagements accordés (handicap)")
    adjustments = f"{box('oui')} {box('non')}<br>Nature : {BLANK}"
    rows = []
    lines: list[Candidate | None] = list(candidates) or [None] * blank_rows
    for candidate in lines:
        routes = "<br>".join(
            box(route, candidate is not None and candidate.voie == route) for route in ACCESS_ROUTES
        )
        cells = (
            [h(candidate.nom), h(candidate.prenom), h(candidate.numero)]
            if candidate
            else [BLANK, BLANK, BLANK]
        )
        rows.append(
            "<tr>"
            + "".join(f"<td>{cell}</td>" for cell in cells)
            + f'<td class="voies">{routes}</td><td>{adjustments}</td></tr>'
        )
    head = "".join(f'<th scope="col">{name}</th>' for name in headers)
    return (
        f'<table class="grille-candidats"><caption>{h(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def signatures(title: str) -> str:
    """Evaluators, their signatures, the statement of no conflict of interest, the date."""
    evaluators = "".join(
        f"<tr><td>{BLANK}</td><td>{BLANK}</td><td>{BLANK}</td></tr>" for _ in range(EVALUATORS)
    )
    return (
        '<table class="grille-evaluateurs">'
        f"<caption>{h(title)}</caption>"
        '<thead><tr><th scope="col">Nom</th><th scope="col">Rôle</th>'
        f'<th scope="col">Signature</th></tr></thead><tbody>{evaluators}</tbody></table>'
        "<p>Les évaluateurs soussignés déclarent n'avoir avec le ou les candidats évalués aucun "
        "lien personnel ou professionnel susceptible de créer un conflit d'intérêts.</p>"
        f"<p><strong>Date</strong> : {BLANK}</p>"
    )


def who(sheet: Sheet) -> str:
    """« Candidat : Léa Martin (n° 12) », « Équipe A : … », or a blank to fill in."""
    if len(sheet.candidates) > 1:
        team = sheet.candidates[0].equipe
        names = ", ".join(c.full_name for c in sheet.candidates)
        return f"Équipe {team} : {names}" if team else f"Équipe : {names}"
    if sheet.candidates:
        candidate = sheet.candidates[0]
        return f"Candidat : {candidate.full_name} (n° {candidate.numero})"
    return "Candidat : ………………………………"


def session_label(sheet: Sheet) -> str:
    session = sheet.session
    if session is None or not (session.nom or session.date or session.lieu):
        return "Session : ………………………………"
    parts = [session.nom, french_date(session.date) if session.date else None, session.lieu]
    return "Session : " + ", ".join(fold(p) for p in parts if p)


def css_string(text: str) -> str:
    """``text`` as a CSS string: every character but letters, digits and spaces written as an
    escape, so that no value can end the string, the rule or the ``<style>`` element."""
    # An escape takes six hex digits and swallows one following space: write that space too.
    return "".join(c if c.isalnum() or c == " " else f"\\{ord(c):06X} " for c in fold(text))


# Page margins do not inherit the body's font.
MARGIN_FONT = "font: 8pt sans-serif; color: #333;"


def page_style(number: int, header: str, page_numbers: bool) -> str:
    """The named page of one sheet: its running header, and with ``page_numbers`` « page x / y »."""
    numbering = (
        f'@bottom-right {{ content: "page " counter(page) " / " counter(pages); {MARGIN_FONT} }}'
        if page_numbers
        else ""
    )
    # The first sheet's page also names the body's, so that the (hidden) theme before it does
    # not open a page of its own: a change of named page always starts a new sheet of paper.
    first = f"@media print {{ body {{ page: feuille-{number}; }} }}" if number == 1 else ""
    return (
        f'<style>{first}@page feuille-{number} {{ @top-left {{ content: "{css_string(header)}"; '
        f"{MARGIN_FONT} }} {numbering} }}</style>"
    )
