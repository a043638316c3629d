"""Reading France Compétences' export (flux XML V4.1) as a stream, with bounded memory.

The export is about 500 MB: it is parsed with ``iterparse`` and every ``<FICHE>`` is
dropped from the tree once read, so memory holds one fiche at a time whatever the size.
A zip as published is read through without unpacking it to disk.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from .fiche import OfficialFiche, parse_fiche

SUPPORTED_VERSION = "4.1"


class ExportError(Exception):
    """The export cannot be read; the message says why, in French."""


@contextmanager
def _open(path: Path) -> Iterator[IO[bytes]]:
    if not path.is_file():
        raise ExportError(f"{path} : fichier introuvable")
    with path.open("rb") as head:
        zipped = head.read(4) == b"PK\x03\x04"
    if zipped and not zipfile.is_zipfile(path):  # the central directory sits at the very end
        raise ExportError(f"{path} : archive zip tronquée ou illisible")
    if zipped:
        with zipfile.ZipFile(path) as archive:
            members = [n for n in archive.namelist() if n.lower().endswith(".xml")]
            if len(members) != 1:
                raise ExportError(
                    f"{path} : l'archive doit contenir un seul fichier XML ({len(members)} trouvés)"
                )
            with archive.open(members[0]) as stream:
                yield stream
    else:
        with path.open("rb") as stream:
            yield stream


def export_date(path: Path) -> str | None:
    """The export date when the file name carries it (« …_2026-08-16.xml »), as AAAA-MM-JJ."""
    match = re.search(r"(\d{4})-?(\d{2})-?(\d{2})", path.name)
    return f"{match.group(1)}-{match.group(2)}-{match.group(3)}" if match else None


def read_fiches(path: Path, numbers: set[str] | None = None) -> Iterator[OfficialFiche]:
    """The fiches of the export (only ``numbers`` if given), in file order."""
    with _open(path) as stream:
        events = ET.iterparse(stream, events=("start", "end"))
        try:
            _, root = next(events)
        except (ET.ParseError, StopIteration):
            raise ExportError(f"{path} : ce n'est pas un fichier XML") from None
        try:
            if root.tag != "FICHES":
                raise ExportError(
                    f"{path} : ce n'est pas un export RNCP (élément racine <{root.tag}>, <FICHES> attendu)"
                )
            version = None
            for event, element in events:
                if event != "end":
                    continue
                if element.tag == "VERSION_FLUX":
                    version = (element.text or "").strip()
                    if version != SUPPORTED_VERSION:
                        raise ExportError(
                            f"{path} : version de flux {version or 'vide'} non prise en charge "
                            f"(version {SUPPORTED_VERSION} attendue)"
                        )
                elif element.tag == "FICHE":
                    if version is None:
                        raise ExportError(f"{path} : <VERSION_FLUX> absent avant la première fiche")
                    number = (element.findtext("NUMERO_FICHE") or "").strip()
                    if numbers is None or number in numbers:
                        yield parse_fiche(element)
                    root.clear()  # bounded memory: forget every fiche once read
        except ET.ParseError as error:
            line, column = error.position
            if "no element found" in str(error) or "unclosed token" in str(error):
                raise ExportError(f"{path} : fichier tronqué (fin inattendue ligne {line})") from None
            raise ExportError(f"{path} : XML invalide ligne {line}, colonne {column}") from None
        except (zipfile.BadZipFile, EOFError) as error:
            raise ExportError(f"{path} : archive zip illisible ou tronquée ({error})") from None


def find_fiches(path: Path, numbers: list[str]) -> list[OfficialFiche]:
    """The requested fiches, in the order asked; an error names those the export lacks."""
    wanted = set(numbers)
    found: dict[str, OfficialFiche] = {}
    for fiche in read_fiches(path, wanted):
        found[fiche.numero] = fiche
        if len(found) == len(wanted):
            break  # the rest of a 500 MB file need not be read
    missing = [n for n in numbers if n not in found]
    if missing:
        raise ExportError(f"{path} : fiche(s) introuvable(s) dans l'export : {', '.join(missing)}")
    return [found[n] for n in numbers]
