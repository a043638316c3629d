"""Stable identifiers for exports: UUIDv5 from the référentiel's own IDs, the same at every build."""

from __future__ import annotations

import uuid

from ..model import Referentiel

# The namespace of this tool's identifiers; each référentiel gets its own below it.
TOOL_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://referentiel.invalid/identifiants")


def referentiel_namespace(referentiel: Referentiel) -> uuid.UUID:
    """From the RNCP number when known, else from the title: stable while neither changes."""
    certification = referentiel.certification
    key = certification.numero_rncp or f"titre:{certification.titre}"
    return uuid.uuid5(TOOL_NAMESPACE, key)


def identifier(referentiel: Referentiel, kind: str, item_id: str = "") -> str:
    """The UUID of one thing of a référentiel (``kind`` separates items of different kinds)."""
    return str(uuid.uuid5(referentiel_namespace(referentiel), f"{kind}:{item_id}"))


def urn(value: str) -> str:
    return f"urn:uuid:{value}"
