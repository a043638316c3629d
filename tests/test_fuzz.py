"""Random damage never crashes the loader, the checks, the pages or the importer.

Hypothesis mutates the real YAML and the fixture export; every outcome must be a clean
success or a French error of the documented kinds, never another exception. Accepted
texts must reach the page they belong to. The number of examples is bounded so that the
whole file runs in seconds.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
from pathlib import Path

import markdown
from htmltext import normalize
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.utils import meta
from sitebuild import DATA

from referentiel import ReferentielError, parse_referentiel
from referentiel.checks import run_checks
from referentiel.rncp import ExportError, OutputError, import_fiches
from referentiel.site import generate_pages
from referentiel.site.text import fold

SEED = DATA.read_text(encoding="utf-8")
EXPORT = Path(__file__).parent / "fixtures" / "rncp" / "export_fiches_RNCP_V4_1_extrait.xml"
MARKDOWN_EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc"]

# Pieces of YAML syntax and of hostile text that mutations insert.
SNIPPETS = [
    "&a ", "*a", "!!int ", "!!python/object:os.system ", "!x ", "[", "]", "{", "}", ": ", "- ", "? ",
    "\t", '"', "'", "\n", "# ", "|", ">", "%YAML 1.1\n", "---\n", "...\n", "\\", "\x00", "\x1b[2J",
    "\x85", "\u202e", "\ufeff", "é", "9" * 40, "2024-02-30", "1e999", ".nan", "~", "yes", "<<: ",
    "{{ 7*7 }}", "<script>", "|---|", "\r\n", "  ", "\u2028",
]  # fmt: skip

# REFERENTIEL_FUZZ_EXAMPLES=5000 searches longer, by hand; the suite keeps to a few seconds.
BOUNDED = settings(
    max_examples=int(os.environ.get("REFERENTIEL_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=not os.environ.get("REFERENTIEL_FUZZ_EXAMPLES"),
)


@st.composite
def mutated_seed(draw: st.DrawFn) -> str:
    text = SEED
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "replace", "delete"]))
        piece = draw(st.one_of(st.sampled_from(SNIPPETS), st.text(max_size=6)))
        span = draw(st.integers(0, 40))
        if action == "insert":
            text = text[:position] + piece + text[position:]
        elif action == "replace":
            text = text[:position] + piece + text[position + span :]
        else:
            text = text[:position] + text[position + span :]
    return text


def _pages_render(text: str) -> None:
    """Load, check and render every page, parsing each page's front matter as MkDocs does."""
    referentiel = parse_referentiel(text)
    run_checks(referentiel)
    for page in generate_pages(referentiel):
        body, front = meta.get_data(page.content)
        assert front.get("title") and front.get("render_macros") is False, page.src_uri
        markdown.markdown(body, extensions=MARKDOWN_EXTENSIONS)


@BOUNDED
@given(mutated_seed())
def test_mutated_yaml_loads_or_fails_cleanly(text: str) -> None:
    """Any mutation of the real YAML is accepted and rendered, or refused with file and message."""
    start = time.perf_counter()
    try:
        _pages_render(text)
    except ReferentielError as error:
        assert error.problems
        assert all(problem.message for problem in error.problems)
        assert "\x1b" not in error.report()
    assert time.perf_counter() - start < 5


# Any text a person could type, control characters aside (they are refused, see below).
TYPED_TEXT = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters="\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
        "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f"
        + "".join(map(chr, range(0x80, 0xA0)))
        + "\u2028\u2029",
    ),
    min_size=1,
    max_size=80,
).filter(lambda text: text.strip() != "")

# The first competence's text: a folded block under « texte: >- ».
FIRST_COMPETENCE_TEXT = re.compile(r"^        texte: >-\n(?:          .*\n)+", re.M)


def _with_competence_text(value: str) -> str:
    """The seed with C1.1's text replaced by ``value``, written as a double-quoted scalar."""
    quoted = json.dumps(value, ensure_ascii=False)
    return FIRST_COMPETENCE_TEXT.sub(lambda _: f"        texte: {quoted}\n", SEED, count=1)


def _visible(html_text: str) -> str:
    from htmltext import article_text

    return normalize(article_text(f"<article>{html_text}</article>"))


@BOUNDED
@given(TYPED_TEXT)
def test_every_accepted_text_reaches_its_page(value: str) -> None:
    """A competence text the loader accepts is on its page, word for word (spacing folded)."""
    text = _with_competence_text(value)
    try:
        referentiel = parse_referentiel(text)
    except ReferentielError as error:
        # Only blank texts may be refused here: everything else must be accepted.
        assert not fold(value), error.report()
        return
    competence = referentiel.competences[0]
    assert competence.texte == value
    page = next(p for p in generate_pages(referentiel) if p.src_uri.endswith(f"{competence.id}.md"))
    body, _ = meta.get_data(page.content)
    shown = _visible(markdown.markdown(body, extensions=MARKDOWN_EXTENSIONS))
    assert normalize(fold(value)) in shown


@BOUNDED
@given(
    st.sampled_from(
        [
            chr(c)
            for c in [*range(0x01, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0), 0x2028, 0x2029]
        ]
    )
)
def test_control_characters_are_refused_with_their_line(character: str) -> None:
    """A control character written as an escape is refused, named by its code point and line."""
    text = _with_competence_text(f"avant{character}après")
    try:
        parse_referentiel(text, "r.yaml")
    except ReferentielError as error:
        assert f"U+{ord(character):04X}" in error.report()
        assert error.problems[0].line is not None
    else:
        raise AssertionError("control character accepted")


# The first fiche alone, so that each example is small and quick.
_FULL_EXPORT = EXPORT.read_bytes()
EXPORT_BYTES = _FULL_EXPORT[: _FULL_EXPORT.index(b"</FICHE>") + len(b"</FICHE>")] + b"\n</FICHES>\n"
FIRST_FICHE = re.search(rb"<NUMERO_FICHE>(RNCP\d+)<", EXPORT_BYTES).group(1).decode()  # type: ignore[union-attr]


EXPORT_SNIPPETS = [
    b"<", b">", b"&", b"&lt;", b"</FICHE>", b"<FICHE>", b"<!DOCTYPE x [<!ENTITY e 'x'>]>", b"&e;",
    b"\x00", b"\xff", b"<NUMERO_FICHE>RNCP1/../x</NUMERO_FICHE>", b"]]>", b"\xc2\x85",
]  # fmt: skip


@st.composite
def mutated_export(draw: st.DrawFn) -> bytes:
    data = EXPORT_BYTES
    for _ in range(draw(st.integers(1, 3))):
        position = draw(st.integers(0, len(data)))
        piece = draw(st.one_of(st.sampled_from(EXPORT_SNIPPETS), st.binary(max_size=8)))
        span = draw(st.integers(0, 30))
        data = data[:position] + piece + data[position + span :]
    return data


@BOUNDED
@given(mutated_export())
def test_mutated_export_imports_or_fails_cleanly(data: bytes) -> None:
    """A damaged export imports, or fails with a French error and writes nothing."""
    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder) / "export_2026-08-16.xml"
        export.write_bytes(data)
        output = Path(folder) / "sortie"
        try:
            written = import_fiches(export, [FIRST_FICHE], output)
        except (ExportError, OutputError, ReferentielError) as error:
            assert str(error)
            assert not output.exists() or not any(output.rglob("*")), "a failed import wrote files"
        else:
            assert all(path.is_file() and output in path.parents for path in written)
