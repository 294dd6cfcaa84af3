"""The ``kb`` command line: thin click commands over the library, one module per
group of commands. Exit codes: 0 ok, 1 data did not conform, 2 bad input or usage."""

import sys

from kb.jobs.forkserver import start_early

# before the imports below (a second of them): --jobs workers' server loads spaCy
# on another core meanwhile
start_early(sys.argv[1:])

from kb.cli import export, serve, store  # noqa: E402, F401  (importing registers the commands)
from kb.cli.main import cli  # noqa: E402

__all__ = ["cli"]
