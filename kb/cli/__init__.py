"""The ``kb`` command line: thin click commands over the library, one module per
group of commands. Exit codes: 0 ok, 1 data did not conform, 2 bad input or usage."""

from kb.cli import export, serve, store  # noqa: F401  (importing registers the commands)
from kb.cli.main import cli

__all__ = ["cli"]
