"""An ``argparse`` parser that speaks French, in its help and in its errors.

``argparse`` writes its messages in English and offers no French catalogue; its few
templates are translated here, when they are shown, and command-line mistakes end like
every other mistake: a French message, no traceback, exit status 2.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

from ..terminal import printable

# argparse's error templates, as regular expressions over the formatted English message.
_ERRORS = [
    (r"the following arguments are required: (.*)", "arguments obligatoires manquants : {0}"),
    (r"unrecognized arguments: (.*)", "arguments inconnus : {0}"),
    (
        r"argument (.*?): invalid choice: (.*) \(choose from (.*)\)",
        "argument {0} : choix invalide {1} (choix : {2})",
    ),
    (r"argument (.*?): expected one argument", "argument {0} : une valeur attendue"),
    (r"argument (.*?): expected at most one argument", "argument {0} : au plus une valeur attendue"),
    (r"argument (.*?): expected at least one argument", "argument {0} : au moins une valeur attendue"),
    (r"argument (.*?): not allowed with argument (.*)", "argument {0} : incompatible avec {1}"),
    (r"argument (.*?): ignored explicit argument (.*)", "argument {0} : valeur {1} inattendue"),
    (r"argument (.*?): invalid (.*) value: (.*)", "argument {0} : valeur invalide {2}"),
    (r"argument (.*?): (.*)", "argument {0} : {1}"),
    (r"ambiguous option: (.*) could match (.*)", "option ambiguë : {0} peut désigner {1}"),
    (r"one of the arguments (.*) is required", "l'un des arguments {0} est obligatoire"),
]


def translate(message: str) -> str:
    """The French form of one of argparse's messages (unchanged if unknown)."""
    for pattern, french in _ERRORS:
        match = re.fullmatch(pattern, message, re.S)
        if match:
            return french.format(*match.groups())
    return message


class FrenchArgumentParser(argparse.ArgumentParser):
    """``ArgumentParser`` with French headings, help and error messages."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "arguments"
        self._optionals.title = "options"
        self.add_argument("-h", "--help", action="help", help="affiche cette aide et s'arrête")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage: ", "utilisation : ", 1)

    def format_help(self) -> str:
        return super().format_help().replace("usage: ", "utilisation : ", 1)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, printable(f"{self.prog} : erreur : {translate(message)}\n"))
