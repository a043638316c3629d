"""Command line: ``referentiel check``, ``pdf`` and ``import``.

Whatever happens, the command ends with a French message and an exit status, never a
traceback: 0 done, 1 invalid data or a file that cannot be written, 2 an unreadable export
or a mistake in the command line, 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import os
import sys
import traceback

from ..oserrors import describe
from ..terminal import printable
from .commands import COMMANDS
from .parser import build_parser

EXIT_INTERRUPTED = 130
EXIT_INTERNAL = 70


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        print("\nInterrompu : aucun fichier n'a été laissé à moitié écrit.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # « referentiel check | head »: the reader left, nothing to say
        sys.stderr.close()
        return 1
    except OSError as error:
        print(printable(f"Erreur : {describe(error)}"), file=sys.stderr)
        return 1
    except MemoryError:
        print("Erreur : mémoire insuffisante.", file=sys.stderr)
        return 1
    except Exception as error:  # a defect of ours: say so plainly, without a traceback
        if os.environ.get("REFERENTIEL_DEBUG"):
            traceback.print_exc()
        print(
            printable(
                f"Erreur interne inattendue ({type(error).__name__}) : merci de la signaler avec le "
                "fichier qui la provoque (REFERENTIEL_DEBUG=1 affiche le détail)."
            ),
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
