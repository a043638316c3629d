"""This site's own macros, for its hand-written pages (mkdocs-macros' ``module_name: macros``).

The référentiel's macros (``intitule``, ``lien``, ``competence``…) come from the package
(``modules: [referentiel.plugin.macros]``); a macro that only this site needs goes here.
"""

from __future__ import annotations

from typing import Any

from referentiel.plugin.macros import links_of, referentiel_of
from referentiel.site.text import md


def define_env(env: Any) -> None:
    @env.macro
    def exemple_de_lecture() -> str:
        """The chain activity → competence → modality → criteria, read on the first competence."""
        referentiel = referentiel_of(env)
        links = links_of(env)
        competence = next(iter(referentiel.competences), None)
        if competence is None:
            return ""
        steps = []
        if competence.activite_id:
            activity = referentiel.activity(competence.activite_id)
            steps.append(f"l'activité {links.md(activity)} « {md(activity.intitule)} »")
        steps.append(f"la compétence {links.md(competence)}")
        modalities = referentiel.modalities_of(competence.id)
        if modalities:
            steps.append(
                "évaluée par " + ", ".join(links.md(m, f"{m.code} {m.intitule}") for m in modalities)
            )
        criteria = len(competence.criteres)
        steps.append(f"selon {criteria} critère{'s' if criteria > 1 else ''}")
        return "Par exemple : " + " → ".join(steps) + "."
