"""``python -m referentiel.cli``: the ``referentiel`` command, for scripts and benchmarks."""

import sys

from . import main

sys.exit(main())
