"""Text bound for a terminal: data never drives it.

A value from a YAML, an export or a file name can hold ESC sequences that retitle or clear
the terminal, or bidirectional controls that reorder what is shown. Every message and report
goes through :func:`printable`, which shows such characters as visible escapes instead.
"""

from __future__ import annotations

import re

# C0 and C1 controls (tab and line feed kept), DEL, line/paragraph separators, and the
# bidirectional embedding, override and isolate controls.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def printable(text: str, json: bool = False) -> str:
    """``text`` with every character that could act on a terminal shown as an escape.

    With ``json``, the escapes are JSON's own (``\\u001b``), so that a JSON document stays
    valid and decodes to the original text.
    """
    return _UNPRINTABLE.sub(_json_escape if json else _escape, text)
