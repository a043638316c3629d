"""schema.org JSON-LD for search engines: the certification as an ``EducationalOccupationalCredential``."""

from __future__ import annotations

import json
from typing import Any

from ..model import Referentiel


def credential(referentiel: Referentiel, url: str | None = None) -> dict[str, Any]:
    """The credential with its level and the competences it requires (``DefinedTerm``s)."""
    certification = referentiel.certification
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "EducationalOccupationalCredential",
        "name": certification.titre,
        "credentialCategory": "Certification professionnelle enregistrée au RNCP",
        "inLanguage": "fr",
        "competencyRequired": [
            {
                "@type": "DefinedTerm",
                "termCode": competence.id,
                "name": competence.texte,
                "inDefinedTermSet": referentiel.bloc(competence.bloc_id).titre,
            }
            for competence in referentiel.competences
        ],
    }
    if certification.niveau:
        data["educationalLevel"] = f"Niveau {certification.niveau} du cadre national des certifications"
    if certification.numero_rncp:
        data["identifier"] = certification.numero_rncp
    recognizers = [{"@type": "Organization", "name": c.nom} for c in certification.certificateurs]
    if recognizers:
        data["recognizedBy"] = recognizers
    if url:
        data["url"] = url
    return data


def json_ld_script(referentiel: Referentiel, url: str | None = None) -> str:
    """A ``<script type="application/ld+json">`` element; « < » escaped so that no text ends it."""
    text = json.dumps(credential(referentiel, url), ensure_ascii=False).replace("<", "\\u003c")
    return f'<script type="application/ld+json">{text}</script>'
