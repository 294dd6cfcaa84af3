"""``kb --help`` and ``kb --version`` stay cheap: importing the command line loads
no pipeline stage (spaCy, JSON-LD, SHACL, the store, rdflib's SPARQL), which the
commands import when they run."""

from __future__ import annotations

import subprocess
import sys

#: Each of these took a large part of the 0.7 s of CPU that ``kb --help`` cost
#: when the commands imported their stages at the top.
HEAVY = ("spacy", "pyld", "pyshacl", "pyoxigraph", "rdflib", "kb.jobs.export")


def _loaded_after(statement: str) -> set[str]:
    # a fresh interpreter: this one has long imported everything
    probe = f"import sys; {statement}; print('\\n'.join(m for m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    return set(out.split())


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in HEAVY or m in HEAVY)


def test_importing_the_cli_loads_no_stage() -> None:
    assert _heavy(_loaded_after("import kb.cli")) == []


def test_each_command_help_loads_no_stage() -> None:
    # all commands in one interpreter: one start-up instead of one per command
    loaded = _loaded_after(
        "import contextlib, io; from kb.cli import cli\n"
        "for name in sorted(cli.commands):\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        "        cli.main([name, '--help'], standalone_mode=False)\n"
        "import sys"
    )
    assert _heavy(loaded) == []


def test_the_library_constants_the_cli_shows_are_the_stages_own() -> None:
    from kb import defaults
    from kb.rdf.iris import DEFAULT_BASE
    from kb.rdf.validate import VALIDATE_MODES
    from kb.rdf.writers import FORMATS
    from kb.store.embedded import DEFAULT_STORE

    assert (DEFAULT_BASE, VALIDATE_MODES) == (
        defaults.DEFAULT_BASE,
        defaults.VALIDATE_MODES,
    )
    assert (FORMATS, DEFAULT_STORE) == (defaults.FORMATS, defaults.DEFAULT_STORE)
