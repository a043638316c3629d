"""User-facing errors: every problem names the file, the line and the item, in French."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .limits import MAX_PROBLEMS
from .terminal import printable


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the source file."""

    file: Path
    line: int | None
    item: str | None
    message: str
    # The conformity rule (S1…S23) the problem breaks, when it is one of them.
    rule: str | None = None

    def __str__(self) -> str:
        where = str(self.file)
        if self.line is not None:
            where += f", ligne {self.line}"
        if self.item:
            where += f" ({self.item})"
        return f"{where} : {self.message}"


class ReferentielError(Exception):
    """The référentiel cannot be loaded; carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (str(p.file), p.line or 0, p.message))
        super().__init__(self.report())

    def report(self, heading: str = "Référentiel invalide") -> str:
        """The French report, safe to print: at most ``MAX_PROBLEMS`` lines, no control character."""
        count = len(self.problems)
        head = "1 erreur" if count == 1 else f"{count} erreurs"
        lines = [f"{heading} ({head}) :"]
        lines += [f"  - {problem}" for problem in self.problems[:MAX_PROBLEMS]]
        if count > MAX_PROBLEMS:
            lines.append(f"  … et {count - MAX_PROBLEMS} autres erreurs")
        return printable("\n".join(lines))
