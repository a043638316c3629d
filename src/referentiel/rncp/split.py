"""Cutting the free-text lists of the open data (competences, modalities) into items.

The flux writes a bloc's competences as one text: numbered (« A1C1. », « C.1. », « 1.1 »,
« 1.1.1 », « 1) »), dashed or starred, separated by runs of spaces or line breaks, with HTML
in older exports. The cut only ever happens between words and drops only list markers that
carry no meaning (dashes, stars, bullets) and HTML tags: a numbering such as « A1C1. » stays
at the head of its item, so that the items together hold every word of the original.
"""

from __future__ import annotations

import html
import re

# Only what is written like an HTML tag is a tag: a name right after « < » and well-formed
# attributes. « charge < 10 kg et que la hauteur > 2 m » is text and keeps every word.
_ATTRIBUTES = r"""(?:\s+[a-zA-Z_:][\w:.-]*(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=`]+))?)*\s*/?"""
_BLOCK_TAGS = re.compile(rf"</?(?:p|br|li|ul|ol|div|tr|h[1-6])\b{_ATTRIBUTES}>", re.I)
_ANY_TAG = re.compile(
    rf"</?(?:a|b|i|u|s|em|strong|span|font|sup|sub|small|big|abbr|cite|code|del|ins|mark|q|strike"
    rf"|table|tbody|thead|td|th|blockquote|pre|hr|img|center)\b{_ATTRIBUTES}>",
    re.I,
)

# A marker that opens an item: a bullet, or a numbering followed by the item's first letter.
_NUMBERING = (
    r"(?:[A-Z]\d+C\d+\.?"  # A1C1.
    r"|C\.?\s?\d+(?:\.\d+)*\.?"  # C1. / C.1. / C 1.2
    r"|\d+(?:\.\d+)+\.?"  # 1.1 / 1.1.1
    r"|\d+[.)]"  # 1. / 1)
    r"|[a-z]\))"  # a)
)
_ITEM_START = re.compile(
    rf"(?:(?<=\s)|^)(?:(?P<bullet>[-–—•*▪►·])\s+|(?P<number>{_NUMBERING})\s*(?=[A-ZÀ-ÖØ-Þ«\"(]))"
)
_UPPER = re.compile(r"[A-ZÀ-ÖØ-Þ«\"(]")


def plain_text(text: str) -> str:
    """The text with HTML turned into line breaks and entities decoded."""
    text = _BLOCK_TAGS.sub("\n", text)
    text = _ANY_TAG.sub(" ", text)
    return html.unescape(text)


def _lines(text: str) -> list[str]:
    """Cut at line breaks, and at runs of spaces that separate sentences or items."""
    pieces = []
    for line in text.splitlines():
        start = 0
        for match in re.finditer(r"\s{2,}", line):
            before = line[start : match.start()].rstrip()
            after = line[match.end() : match.end() + 1]
            ends_sentence = before.endswith((".", ";", "!", "?", "»"))
            if before and (ends_sentence or _UPPER.match(after) or _ITEM_START.match(line, match.end())):
                pieces.append(before)
                start = match.end()
        pieces.append(line[start:])
    return pieces


def _opens_item(line: str, mark: re.Match[str]) -> bool:
    """Whether a marker found inside a line really starts an item, not a phrase of prose."""
    before = line[: mark.start()].rstrip()
    if not before:
        return True
    if mark.group("bullet"):
        # « croissance - notamment externe - et » is an aside; « … - Identifier » a list item.
        return bool(_UPPER.match(line[mark.end() : mark.end() + 1]))
    if re.fullmatch(r"\d+\.", mark.group("number")):
        # « 3. Autre » opens an item after a sentence end, not after « et ».
        return before.endswith((".", ";", ":"))
    return True


def split_items(text: str | None) -> list[str]:
    """The items of a free-text list, in order; bullets and tags dropped, numberings kept."""
    if not text:
        return []
    items: list[str] = []
    for line in _lines(plain_text(text)):
        marks = [m for m in _ITEM_START.finditer(line) if _opens_item(line, m)]
        bounds = [m.start() for m in marks] + [len(line)]
        items.append(line[: bounds[0]])
        for mark, end in zip(marks, bounds[1:], strict=True):
            items.append(line[mark.end() : end] if mark.group("bullet") else line[mark.start() : end])
    return [" ".join(item.split()) for item in items if item.strip()]


def words(text: str) -> list[str]:
    """The words of a text (letters and digits), to check that a cut loses none."""
    return re.findall(r"\w+", plain_text(text))
