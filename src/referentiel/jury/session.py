"""Who sits, when and where: what pre-fills a grid."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Session:
    """A jury session, as the command line names it; ``None`` fields stay blank on paper."""

    nom: str | None = None
    date: str | None = None  # AAAA-MM-JJ
    lieu: str | None = None


@dataclass(frozen=True)
class Candidate:
    """One row of the candidates' file."""

    nom: str
    prenom: str
    numero: str
    voie: str | None  # one of ACCESS_ROUTES, or None when not given
    equipe: str | None  # candidates with the same team sit team modalities together
    modalites: tuple[str, ...]  # modality IDs
    line: int = 0

    @property
    def full_name(self) -> str:
        return f"{self.prenom} {self.nom}"
