"""Reading built HTML: visible text, links and element IDs, with the standard library only."""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser


class _Page(HTMLParser):
    """Collects the text inside the main content, every link and every ``id``."""

    _BREAKS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "br", "div", "caption", "blockquote"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.links: list[str] = []
        self.ids: set[str] = set()
        self._hidden = 0  # inside <script> or <style>
        self._article = 0
        self._permalink = False  # inside the « ¶ » anchor of a heading

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        if tag == "a" and "headerlink" in (values.get("class") or ""):
            self._permalink = True
        if tag in {"script", "style"}:
            self._hidden += 1
        if tag == "article":
            self._article += 1
        if tag in self._BREAKS:
            self.text.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self._hidden -= 1
        if tag == "a":
            self._permalink = False
        if tag == "article":
            self._article -= 1

    def handle_data(self, data: str) -> None:
        if self._article and not self._hidden and not self._permalink:
            self.text.append(data)


def parse(page_html: str) -> _Page:
    parser = _Page()
    parser.feed(page_html)
    return parser


def article_text(page_html: str) -> str:
    """The visible text of the page's main content, whitespace folded."""
    return " ".join("".join(parse(page_html).text).split())


def normalize(text: str) -> str:
    """Compare wording, not typography: accents, case, quotes, dashes and spacing folded."""
    text = html.unescape(text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace("\u00a0", " ").replace("œ", "oe")
    text = re.sub(r"\s*–\s*", " – ", text)
    text = re.sub(r"\s+([,.;])", r"\1", text)
    text = text.replace("¶", " ")
    return " ".join(text.casefold().split())
