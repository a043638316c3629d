"""``referentiel etude-de-cas nouvelle``: a case-study page, its front matter filled in, that builds."""

from __future__ import annotations

import json
from pathlib import Path

from ..files import OutputError, write_all_or_none
from ..model import Referentiel
from ..site.text import slug, title

SKELETON = """\
---
title: {title}
render_macros: true
etude_de_cas:
  modalite: {modality}
  competences: [{competences}]
  # Facultatif : les critères préparés (par défaut, tous ceux des compétences ci-dessus),
  # la durée, l'auteur ou l'autrice, la session.
  # criteres: [{first_criterion}]
  # duree: "3 heures"
  # auteur: ""
  # session: ""
---

## L'épreuve

{{{{ modalite("{modality}") }}}}

## Contexte

*À rédiger : l'organisation (fictive, ou réelle et documentée par des sources publiques citées), sa
situation et ses enjeux. Rien de ce qui est écrit ici ne doit être présenté comme un fait sur une
organisation réelle sans sa source.*

## Ce que fait le candidat

*À rédiger : les missions, dans l'ordre où le candidat les mène.*

## Livrables

*À rédiger : ce que le candidat remet, sous quelle forme et dans quel délai.*

## Compétences et critères évalués

{quoted}
"""


def case_study_page(referentiel: Referentiel, modality_id: str, page_title: str) -> str:
    modality = referentiel.modality(modality_id)
    competences = list(modality.competence_ids)
    first = referentiel.competence(competences[0]).criteres
    quoted = "\n\n".join(f'{{{{ competence("{cid}") }}}}' for cid in competences)
    return SKELETON.format(
        # A JSON string is a YAML scalar: any title stays text; escaped as the theme wants titles.
        title=json.dumps(title(page_title), ensure_ascii=False),
        modality=modality.id,
        competences=", ".join(competences),
        first_criterion=first[0].id if first else f"{competences[0]}-1",
        quoted=quoted,
    )


def new_case_study(referentiel: Referentiel, modality_id: str, page_title: str, folder: Path) -> Path:
    """Write ``folder/<slug of the title>.md``; an existing page is never replaced."""
    try:
        text = case_study_page(referentiel, modality_id, page_title)
    except KeyError:
        known = ", ".join(m.id for m in referentiel.modalites)
        raise OutputError(
            f"aucune modalité n'a l'identifiant « {modality_id} » (modalités : {known})"
        ) from None
    path = folder / f"{slug(page_title)[:80] or 'etude-de-cas'}.md"
    write_all_or_none({path: text.encode("utf-8")}, replace=False)
    return path
