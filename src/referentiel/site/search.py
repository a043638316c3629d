"""French search: what the theme's index needs so that French words are found as readers type them.

The theme's French search (lunr) has no stemmer and splits words on spaces and dashes only:
« d'influence » is one word, « strategie » never finds « stratégie », and the printed code
« E3.1/3.2/3.3/3.4 » is one word too. The index is kept, and given:

- a separator that drops the elided article with its apostrophe (« d' », « l' », « qu' »…,
  straight or curly: « d'influence » is indexed and searched as « influence »), and cuts at
  slashes and French punctuation, but not inside a code (« E3.2 » stays whole). The
  apostrophe is not a separator alone: the query lexer tests one character at a time, and
  « aujourd'hui » stays one word;
- for each page, fields holding only what readers type differently: each accented word
  without its accents, and each printed code spelled out (« E3.1/3.2 » gives « E3.2 »). Those
  of the title are boosted like the title. They are searched, never shown, and add little to
  the index.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

_PUNCTUATION = r"\s\-/,;:!?()«»\[\]\"“”…"
# Short words that say nothing of a page: the theme searches each word as a prefix, and « de »
# would find « demandé » in every modality's « Travail demandé » heading, above the pages that
# hold « tableaux de bord ». They are cut like spaces, in the index and in the query alike.
STOP_WORDS = ("de", "des", "du", "la", "le", "les", "et", "en", "un", "une", "au", "aux", "à", "ou")


def _any_case(word: str) -> str:
    return "".join(f"[{c.lower()}{c.upper()}]" for c in word)


SEPARATOR = (
    r"\b(?:[Qq][Uu]|[Ll][Oo][Rr][Ss][Qq][Uu]|[Pp][Uu][Ii][Ss][Qq][Uu]|[Jj][Uu][Ss][Qq][Uu]|[CcDdJjLlMmNnSsTt])['’]"
    rf"|(?<![^{_PUNCTUATION}])(?:{'|'.join(_any_case(w) for w in STOP_WORDS)})(?![^{_PUNCTUATION}.])"
    rf"|[{_PUNCTUATION}]+|\.(?!\d)"
)
# (field, boost): variants of the title weigh as the title does in the theme's index.
TITLE_VARIANTS = ("variantes_titre", 1000.0)
TEXT_VARIANTS = ("variantes", 1.0)

_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[^\W\d_][\w.]*", re.UNICODE)
# « E3.1/3.2/3.3/3.4 », « E2.1/2.2/2.3/2.4. », « E4.2/4.3 »: a letter, numbers joined by « / ».
_CODE = re.compile(r"\b([A-Z])(\d+(?:\.\d+)?)((?:/\d+(?:\.\d+)?)+)")


@lru_cache(maxsize=1 << 16)  # the same words come back page after page
def without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def variants(text: str) -> str:
    """The words of ``text`` as readers may type them differently, each once."""
    plain = _TAG.sub(" ", text)
    found: dict[str, None] = {}
    for word in _WORD.findall(plain):
        if word.isascii():
            continue
        bare = without_accents(word)
        if bare != word:
            found[bare.lower()] = None
    for code in printed_codes(plain):
        found[code.lower()] = None
    return " ".join(found)


def printed_codes(text: str) -> list[str]:
    """Each code of the lists printed in ``text``: « E3.1/3.2/3.3 » gives E3.1, E3.2 and E3.3."""
    found: dict[str, None] = {}
    for letter, first, rest in _CODE.findall(text):
        for number in (first, *rest.strip("/").split("/")):
            found[f"{letter}{number}"] = None
    return list(found)


def enrich_index(index: dict[str, Any]) -> dict[str, Any]:
    """The theme's ``search_index.json`` with the French separator and the variants field."""
    french_settings(index["config"])
    enrich_documents(index["docs"])
    return index


def french_settings(config: dict[str, Any]) -> dict[str, Any]:
    """The index's settings with the French separator and the variants fields."""
    config["separator"] = SEPARATOR
    fields = config.setdefault("fields", {})
    for name, boost in (TITLE_VARIANTS, TEXT_VARIANTS):
        fields[name] = {"boost": boost}
    return config


def enrich_documents(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The index's entries, each given the variants of its title and text."""
    for document in documents:
        for (name, _), source in ((TITLE_VARIANTS, "title"), (TEXT_VARIANTS, "text")):
            extra = variants(document.get(source, ""))
            if extra:
                document[name] = extra
    return documents
