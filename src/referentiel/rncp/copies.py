"""Rule S19: competences that copy, nearly word for word, a competence of another fiche.

Method: each competence is cut into shingles of three consecutive words (lower case, accents
and punctuation dropped); a MinHash of 128 permutations stands for its set of shingles, and
locality-sensitive hashing (datasketch's ``MinHashLSH``) finds the candidates whose shingle sets
likely overlap by at least :data:`THRESHOLD` (Jaccard) without comparing every pair. Each
candidate is then confirmed on the exact Jaccard similarity of the two shingle sets. The other
fiches' competences come from their blocs' published lists, streamed from the export.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..checks import Finding, Severity
from ..checks.registry import RULES
from ..model import Referentiel
from .flux import read_fiches
from .split import split_items

THRESHOLD = 0.5
PERMUTATIONS = 128
SHINGLE_WORDS = 3
# Shorter texts (« Communiquer », « Gérer un budget ») are common phrases, not copies.
MIN_WORDS = 6


@dataclass(frozen=True)
class OtherCompetence:
    fiche: str
    bloc_code: str
    bloc_label: str
    text: str


def shingles(text: str) -> frozenset[str]:
    """The text's runs of three words, compared without case, accents or punctuation."""
    bare = unicodedata.normalize("NFKD", text.lower())
    words = re.findall(r"[a-z0-9]+", "".join(c for c in bare if not unicodedata.combining(c)))
    if len(words) < MIN_WORDS:
        return frozenset()
    return frozenset(" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def export_competences(export: Path, exclude: set[str]) -> Iterator[OtherCompetence]:
    """Every competence listed by the blocs of the export's fiches, but those of ``exclude``."""
    for fiche in read_fiches(export):
        if fiche.numero in exclude:
            continue
        for bloc in fiche.blocs:
            for text in split_items(bloc.liste_competences):
                yield OtherCompetence(fiche.numero, bloc.code, bloc.libelle, text)


class CopyIndex:
    """The other fiches' competences, indexed for near-duplicate queries.

    A text published by several fiches (the versions of one certification repeat theirs) is
    indexed once, with every fiche that publishes it.
    """

    def __init__(self, competences: Iterable[OtherCompetence]) -> None:
        from datasketch import MinHash, MinHashLSH

        self._minhash = MinHash
        self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=PERMUTATIONS)
        self._texts: dict[frozenset[str], int] = {}
        self._owners: list[list[OtherCompetence]] = []
        self._cuts: list[frozenset[str]] = []
        for competence in competences:
            cut = shingles(competence.text)
            if not cut:
                continue
            key = self._texts.get(cut)
            if key is None:
                key = self._texts[cut] = len(self._cuts)
                self._cuts.append(cut)
                self._owners.append([])
                self._lsh.insert(str(key), self._signature(cut))
            self._owners[key].append(competence)

    def __len__(self) -> int:
        """How many distinct texts are indexed."""
        return len(self._cuts)

    def _signature(self, cut: frozenset[str]):  # type: ignore[no-untyped-def]
        signature = self._minhash(num_perm=PERMUTATIONS)
        signature.update_batch([s.encode("utf-8") for s in cut])
        return signature

    def near(self, text: str) -> list[tuple[float, OtherCompetence]]:
        """The indexed competences whose shingles overlap ``text``'s by :data:`THRESHOLD` or more,
        closest first."""
        cut = shingles(text)
        if not cut:
            return []
        found = []
        for key in self._lsh.query(self._signature(cut)):
            similarity = jaccard(cut, self._cuts[int(key)])
            if similarity >= THRESHOLD:
                found += [(similarity, owner) for owner in self._owners[int(key)]]
        return sorted(found, key=lambda pair: (-pair[0], pair[1].fiche))


def near_copies(referentiel: Referentiel, index: CopyIndex) -> list[Finding]:
    """S19 warnings: each competence that nearly copies another fiche's, with the closest copies."""
    findings = []
    for competence in referentiel.competences:
        for similarity, other in index.near(competence.texte)[:3]:
            findings.append(
                Finding(
                    RULES["S19"],
                    Severity.AVERTISSEMENT,
                    f"la compétence {competence.id} reprend à {similarity:.0%} une compétence de la fiche "
                    f"{other.fiche}, bloc {other.bloc_code} « {other.bloc_label} » : « {other.text} »",
                    (competence.id,),
                )
            )
    return findings
