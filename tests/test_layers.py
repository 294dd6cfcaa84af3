"""The import direction of kb's packages: each stage imports only the layers below it
(read → extract → map/validate → store → serve → CLI), checked on every import
statement, including those inside functions."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

KB = Path(__file__).resolve().parent.parent / "kb"

#: the parts every stage may use: the version, errors, models, text resources, the
#: walk of an input folder and the plain defaults that the command line shows
#: without loading a stage
BASE = {"kb", "kb.defaults", "kb.errors", "kb.folders", "kb.models", "kb.text"}
#: the pipeline's stages, each run by kb.jobs and kb.evaluate
STAGES = {"kb.ingest", "kb.extract", "kb.rdf", "kb.store"}

#: what each part of kb may import from kb (itself always allowed)
ALLOWED: dict[str, set[str]] = {
    "kb": set(),  # kb/__init__.py: the version only
    "kb.errors": set(),
    "kb.defaults": set(),  # plain values, so that kb --help imports no stage
    "kb.models": set(),
    "kb.folders": {"kb.errors"},  # an unreadable folder is an InputError
    "kb.text": {"kb.errors", "kb.models"},
    "kb.ingest": {"kb.errors", "kb.folders", "kb.models", "kb.text"},
    "kb.extract": {"kb.errors", "kb.models", "kb.text"},
    "kb.rdf": BASE,
    "kb.store": BASE | {"kb.rdf"},
    "kb.jobs": BASE | STAGES,
    # scoring extraction against gold annotations runs the whole pipeline
    "kb.evaluate": BASE | STAGES | {"kb.jobs"},
    "kb.serve": BASE | {"kb.rdf", "kb.store"},
    # the HTML report of an export batch: kb.jobs extracts it, kb.serve's page model
    # and templates draw it (one renderer for the server and the file); it sits
    # above both, so that neither depends on the other
    "kb.report": BASE | STAGES | {"kb.jobs", "kb.serve"},
    "kb.cli": {"*"},
    "kb.__main__": {"kb.cli"},
}


def part_of(module: str) -> str:
    """The layer a dotted kb module belongs to: ``kb.rdf.mapping`` → ``kb.rdf``."""
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 else "kb"


def module_name(path: Path) -> str:
    rel = path.relative_to(KB.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def kb_imports(path: Path) -> list[tuple[int, str]]:
    """(line, imported kb module) for every import in a file, relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = (
        module_name(path)
        if path.name == "__init__.py"
        else module_name(path).rpartition(".")[0]
    )
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names = [f"{base}.{a.name}" for a in node.names] if base == "kb" else [base]
            found += [(node.lineno, n) for n in names]
    return [(line, n) for line, n in found if n == "kb" or n.startswith("kb.")]


def violations() -> list[str]:
    out = []
    for path in sorted(KB.rglob("*.py")):
        here = part_of(module_name(path))
        allowed = ALLOWED[here]
        for line, target in kb_imports(path):
            there = part_of(target)
            if target == "kb.__version__":
                there = "kb"
            if there == here or "*" in allowed or there in allowed:
                continue
            out.append(f"{path.relative_to(KB.parent)}:{line}: {here} imports {target}")
    return out


def test_lower_layers_never_import_higher_ones():
    found = violations()
    assert not found, "imports against the layer order:\n" + "\n".join(found)


def test_every_part_of_kb_has_a_layer():
    parts = {part_of(module_name(p)) for p in KB.rglob("*.py")}
    assert parts <= set(ALLOWED), parts - set(ALLOWED)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from kb.store.embedded import Store\n", ["kb.store.embedded"]),
        ("def f():\n    from kb.cli import cli\n", ["kb.cli"]),
        ("from kb import cli\n", ["kb.cli"]),
        ("from ..store import embedded\n", ["kb.store"]),
    ],
)
def test_the_checker_sees_every_kind_of_import(tmp_path, source, expected):
    """The check itself can fail: it finds top-level, nested, package and relative
    imports (written into a throwaway module under a fake kb/rdf)."""
    fake = tmp_path / "kb" / "rdf"
    fake.mkdir(parents=True)
    path = fake / "bad.py"
    path.write_text(source)
    global KB
    saved, KB = KB, tmp_path / "kb"
    try:
        assert [n for _, n in kb_imports(path)] == expected
        assert violations(), "a kb.rdf module importing a higher layer is reported"
    finally:
        KB = saved
