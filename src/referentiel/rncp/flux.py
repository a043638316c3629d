"""Reading France Compétences' export (flux XML V4.1) as a stream, with bounded memory.

The export is about 500 MB: it is parsed with ``iterparse`` and every element under the
root is dropped once read, so memory holds one fiche at a time whatever the size. One
fiche (or anything else between two fiches) may not exceed ``MAX_FICHE_BYTES`` nor
``MAX_FICHE_ELEMENTS``: a file built to exhaust memory (a huge text node, millions of empty
elements, a zip that expands a thousandfold) is refused with the line where it happens.
A zip as published is read through without unpacking it to disk.
"""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from ..limits import MAX_FICHE_BYTES, MAX_FICHE_ELEMENTS, MAX_ZIP_RATIO, megabytes
from ..oserrors import describe
from .fiche import OfficialFiche, parse_fiche

SUPPORTED_VERSION = "4.1"
# Fiche numbers as France Compétences prints them: they name output folders, so nothing else.
FICHE_NUMBER = re.compile(r"RNCP[0-9]{1,6}")


class ExportError(Exception):
    """The export cannot be read; the message says why, in French."""


class _Oversized(Exception):
    """One element of the export is larger than the limit."""


class _MeteredStream:
    """A byte stream that refuses to go more than ``MAX_FICHE_BYTES`` past the last mark."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.position = 0
        self.mark = 0

    def read(self, size: int = -1) -> bytes:
        if self.position - self.mark > MAX_FICHE_BYTES:
            raise _Oversized
        chunk = self.stream.read(size)
        self.position += len(chunk)
        return chunk


@contextmanager
def _open(path: Path) -> Iterator[tuple[IO[bytes], int]]:
    """The export's XML stream and its size in bytes (uncompressed, for a zip)."""
    if not path.is_file():
        raise ExportError(f"{path} : fichier introuvable")
    try:
        with path.open("rb") as head:
            zipped = head.read(4) == b"PK\x03\x04"
        if zipped and not zipfile.is_zipfile(path):  # the central directory sits at the very end
            raise ExportError(f"{path} : archive zip tronquée ou illisible")
        if zipped:
            with zipfile.ZipFile(path) as archive:
                members = [i for i in archive.infolist() if i.filename.lower().endswith(".xml")]
                if len(members) != 1:
                    raise ExportError(
                        f"{path} : l'archive doit contenir un seul fichier XML ({len(members)} trouvés)"
                    )
                member = members[0]
                if member.file_size > MAX_ZIP_RATIO * max(member.compress_size, 1) + MAX_FICHE_BYTES:
                    raise ExportError(
                        f"{path} : archive suspecte ({member.filename} se décompresse "
                        f"{member.file_size // max(member.compress_size, 1)} fois : un export XML "
                        f"se compresse moins de {MAX_ZIP_RATIO} fois)"
                    )
                with archive.open(member) as stream:
                    yield stream, member.file_size
        else:
            with path.open("rb") as stream:
                yield stream, path.stat().st_size
    except OSError as error:
        raise ExportError(f"lecture impossible : {describe(error)}") from None


def export_date(path: Path) -> str | None:
    """The export date when the file name carries a real one (« …_2026-08-16.xml »), as AAAA-MM-JJ."""
    for match in re.finditer(r"(\d{4})-?(\d{2})-?(\d{2})", path.name):
        try:
            return datetime.date(*(int(part) for part in match.groups())).isoformat()
        except ValueError:
            continue
    return None


def read_fiches(
    path: Path, numbers: set[str] | None = None, progress: Callable[[int, int], None] | None = None
) -> Iterator[OfficialFiche]:
    """The fiches of the export (only ``numbers`` if given), in file order; ``progress(read, total)``
    is told the bytes read after each fiche."""
    with _open(path) as (raw, total):
        stream = _MeteredStream(raw)
        events = ET.iterparse(stream, events=("start", "end"))
        try:
            try:
                _, root = next(events)
            except (ET.ParseError, StopIteration):
                raise ExportError(f"{path} : ce n'est pas un fichier XML") from None
            if root.tag != "FICHES":
                raise ExportError(
                    f"{path} : ce n'est pas un export RNCP (élément racine <{root.tag}>, <FICHES> attendu)"
                )
            for fiche in _fiches(path, events, root, stream, numbers):
                yield fiche
                if progress is not None:
                    progress(stream.position, total)
            if progress is not None:
                progress(total, total)
        except _Oversized:
            raise ExportError(
                f"{path} : élément de plus de {megabytes(MAX_FICHE_BYTES)} vers l'octet {stream.position} "
                "(une fiche en fait rarement plus de 100 Ko) : export refusé"
            ) from None
        except ET.ParseError as error:
            line, column = error.position
            if "no element found" in str(error) or "unclosed token" in str(error):
                raise ExportError(f"{path} : fichier tronqué (fin inattendue ligne {line})") from None
            if "amplification" in str(error):
                raise ExportError(f"{path} : entités XML en expansion excessive ligne {line}") from None
            raise ExportError(f"{path} : XML invalide ligne {line}, colonne {column}") from None
        except LookupError:
            raise ExportError(f"{path} : encodage déclaré inconnu (l'export est en UTF-8)") from None
        except ValueError as error:  # « multi-byte encodings are not supported »
            raise ExportError(f"{path} : encodage non pris en charge ({error})") from None
        except (zipfile.BadZipFile, EOFError, zlib.error) as error:
            raise ExportError(f"{path} : archive zip illisible ou tronquée ({error})") from None


def _fiches(
    path: Path,
    events: Iterator[tuple[str, ET.Element]],
    root: ET.Element,
    stream: _MeteredStream,
    numbers: set[str] | None,
) -> Iterator[OfficialFiche]:
    version = None
    depth = 1
    elements = 0
    for event, element in events:
        if event == "start":
            depth += 1
            elements += 1
            if elements > MAX_FICHE_ELEMENTS:
                raise ExportError(
                    f"{path} : plus de {MAX_FICHE_ELEMENTS} éléments dans une même fiche "
                    f"(vers l'octet {stream.position}) : export refusé"
                )
            continue
        depth -= 1
        if element.tag == "VERSION_FLUX" and depth == 1:
            version = (element.text or "").strip()
            if version != SUPPORTED_VERSION:
                raise ExportError(
                    f"{path} : version de flux {version or 'vide'} non prise en charge "
                    f"(version {SUPPORTED_VERSION} attendue)"
                )
        elif element.tag == "FICHE" and depth == 1:
            if version is None:
                raise ExportError(f"{path} : <VERSION_FLUX> absent avant la première fiche")
            number = (element.findtext("NUMERO_FICHE") or "").strip()
            if numbers is None or number in numbers:
                yield parse_fiche(element)
        if depth == 1:
            root.clear()  # bounded memory: forget every element under the root once read
            stream.mark = stream.position
            elements = 0


def find_fiches(path: Path, numbers: list[str]) -> list[OfficialFiche]:
    """The requested fiches, in the order asked; an error names those the export lacks, or has twice.

    The whole export is read, so that a fiche published twice is reported rather than one of
    its versions taken silently.
    """
    wanted = set(numbers)
    found: dict[str, OfficialFiche] = {}
    for fiche in read_fiches(path, wanted):
        if fiche.numero in found:
            raise ExportError(
                f"{path} : la fiche {fiche.numero} figure deux fois dans l'export : "
                "impossible de savoir laquelle importer"
            )
        found[fiche.numero] = fiche
    missing = [n for n in numbers if n not in found]
    if missing:
        raise ExportError(f"{path} : fiche(s) introuvable(s) dans l'export : {', '.join(missing)}")
    return [found[n] for n in numbers]
