"""Run the CLI as ``python -m kb``."""

from kb.cli import cli

cli()
