"""« page x / y » of its own sheet on every page of a printed PDF.

Chromium numbers the pages of a whole document; a jury needs each sheet numbered on its
own. Each sheet's title is a heading, so Chromium's outline gives the page where each sheet
starts; the numbers are then drawn on each page in Helvetica, one of the PDF standard fonts.
"""

from __future__ import annotations

import io

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject

MM = 72 / 25.4
_FONT = DictionaryObject(
    {
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
        NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
    }
)


class OutlineMismatch(Exception):
    """The PDF's outline does not list one entry per sheet: the numbering would be wrong."""


def sheet_starts(reader: PdfReader, sheets: int) -> list[int]:
    """The index of the first page of each sheet, from the top level of the outline."""
    starts = [
        reader.get_destination_page_number(entry) for entry in reader.outline if not isinstance(entry, list)
    ]
    if None in starts:
        raise OutlineMismatch("entrée de sommaire sans page")
    found = [start for start in starts if start is not None]
    if len(found) != sheets or found != sorted(found) or (found and found[0] != 0):
        raise OutlineMismatch(f"{len(found)} entrées de sommaire pour {sheets} feuilles")
    return found


def _stream(writer: PdfWriter, data: bytes) -> object:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return writer._add_object(stream)


def _stamp(writer: PdfWriter, page: PageObject, text: str) -> None:
    """Draw ``text`` at the bottom right of ``page``, whatever state its own content leaves."""
    width = float(page.mediabox.width)
    # Helvetica's digits are 0.556 em wide, its space and « / » 0.278: the text ends 11 mm from the edge.
    text_width = sum(0.278 if c in " /" else 0.556 for c in text) * 8
    x, y = width - 11 * MM - text_width, 7 * MM
    resources = page[NameObject("/Resources")].get_object()
    assert isinstance(resources, DictionaryObject)
    font_entry = resources.get(NameObject("/Font"))
    fonts = font_entry.get_object() if font_entry is not None else DictionaryObject()
    assert isinstance(fonts, DictionaryObject)
    fonts[NameObject("/Numero")] = _FONT
    resources[NameObject("/Font")] = fonts
    old = page.raw_get(NameObject("/Contents"))  # the reference: a stream must stay indirect
    items = list(old.get_object()) if isinstance(old.get_object(), ArrayObject) else [old]
    drawing = f"BT /Numero 8 Tf 0.2 g {x:.2f} {y:.2f} Td ({text}) Tj ET".encode("latin-1")
    page[NameObject("/Contents")] = ArrayObject(
        [_stream(writer, b"q"), *items, _stream(writer, b"Q"), _stream(writer, drawing)]
    )


def sheet_bounds(pdf: bytes, sheets: int) -> list[tuple[int, int]]:
    """Each sheet's pages of ``pdf``, as (first, end) indexes."""
    reader = PdfReader(io.BytesIO(pdf))
    starts = sheet_starts(reader, sheets)
    return list(zip(starts, [*starts[1:], len(reader.pages)], strict=True))


def numbered(parts: list[tuple[bytes, list[tuple[int, int]]]]) -> bytes:
    """One PDF of the given sheets (a printed PDF and the page ranges of the sheets to take from
    it), each page stamped « page x / y » of its own sheet."""
    writer = PdfWriter()
    for pdf, bounds in parts:
        reader = PdfReader(io.BytesIO(pdf))
        for start, end in bounds:
            for index in range(start, end):
                writer.add_page(reader.pages[index])
                _stamp(writer, writer.pages[-1], f"page {index - start + 1} / {end - start}")
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def concatenated(pdfs: list[bytes]) -> bytes:
    """The PDFs one after the other, as they are."""
    writer = PdfWriter()
    for pdf in pdfs:
        writer.append(io.BytesIO(pdf))
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()
