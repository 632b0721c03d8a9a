"""The import rule of docs/architecture.md, checked on every import (those inside functions too)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "lecturekit"
# in pipeline order: a stage may use the ones before it
STAGES = (
    "ingest",
    "cleaner",
    "quiz",
    "topics",
    "site",
)
USE_CASES = ("pipeline", "workflows")
OUTER = ("commands", "cli", "__main__", "examples")  # the CLI and the runnable examples: any public name


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def imports(path: Path) -> list[tuple[int, str, list[str]]]:
    """(line, module, names) of every lecturekit import; `from pkg import module` names the module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [
                (node.lineno, alias.name, []) for alias in node.names if alias.name.startswith("lecturekit")
            ]
        elif (
            isinstance(node, ast.ImportFrom)
            and node.level == 0
            and (node.module or "").startswith("lecturekit")
        ):
            module = node.module or ""
            names = [alias.name for alias in node.names]
            submodules = [f"{module}.{name}" for name in names if is_module(f"{module}.{name}")]
            found += [(node.lineno, sub, []) for sub in submodules]
            if len(submodules) < len(names):
                found.append((node.lineno, module, [n for n in names if not is_module(f"{module}.{n}")]))
    return found


def area(module: str) -> str:
    """The stage, use case or outer part a module belongs to; "core" for shared modules (models, errors ...)."""
    parts = module.split(".")
    if len(parts) == 1:
        return "root"
    return parts[1] if parts[1] in (*STAGES, *USE_CASES, *OUTER) else "core"


def allowed(importer: str, target: str, names: list[str]) -> bool:
    """Whether IMPORTER may import TARGET (see docs/architecture.md, "Who may import whom")."""
    mine, theirs = area(importer), area(target)
    if importer.startswith(f"{target}.") and names and target != "lecturekit":
        return False  # a module importing its own package's names: a loop through the package's __init__
    if theirs == "root":
        return names == ["__version__"] or mine in OUTER
    if theirs == "core":
        return True
    if mine in (*OUTER, "root"):  # the package itself offers the use cases, lazily
        return theirs != "cli" or importer == "lecturekit.__main__"
    if mine == "core":
        return False  # the shared modules know no stage
    if theirs in USE_CASES:
        return mine == "workflows" and theirs == "pipeline"
    if theirs in OUTER:
        return False
    package_only = target == f"lecturekit.{theirs}"  # a stage's package (__init__) is its public face
    if mine in USE_CASES:
        return package_only
    if mine == theirs:
        return True
    return STAGES.index(theirs) < STAGES.index(mine) and package_only


def test_every_import_follows_the_layering():
    broken = []
    for path in sorted(PACKAGE.rglob("*.py")):
        importer = module_name(path)
        for line, target, names in imports(path):
            if not allowed(importer, target, names):
                broken.append(
                    f"{path.relative_to(PACKAGE.parent)}:{line}: {importer} imports {target} {names or ''}"
                )
    assert broken == []


def test_the_rule_refuses_what_it_should():
    assert not allowed("lecturekit.cleaner.merge", "lecturekit.quiz", [])  # a later stage
    # An earlier stage's inner module, rather than its package:
    assert not allowed("lecturekit.quiz.parse", "lecturekit.cleaner.mathflow", [])
    assert not allowed("lecturekit.models", "lecturekit.ingest", [])  # the shared models know no stage
    assert not allowed("lecturekit.site.render", "lecturekit.pipeline", [])  # a stage never runs a use case
    assert not allowed("lecturekit.pipeline", "lecturekit.ingest.dispatch", [])  # use cases: packages only
    assert not allowed("lecturekit.ingest.pdf", "lecturekit.ingest", ["IngestOptions"])  # its own package
    assert allowed("lecturekit.quiz.parse", "lecturekit.cleaner", ["reflow_math"])
    assert allowed("lecturekit.site.render", "lecturekit", ["__version__"])
    assert allowed("lecturekit.commands.quiz", "lecturekit.quiz.take", ["TakeOptions"])


def test_importing_the_package_or_a_stage_loads_no_other_stage():
    probe = (
        "import sys, importlib\n"
        "stage = sys.argv[1]\n"
        "importlib.import_module(stage)\n"
        "stages = ('ingest', 'cleaner', 'quiz', 'topics', 'site')\n"
        "own = stage.split('.')[1] if '.' in stage else None\n"
        "later = stages[stages.index(own) + 1:] if own else stages\n"
        "print(sorted(m for m in sys.modules if any(m.startswith(f'lecturekit.{s}') for s in later)))\n"
    )
    for stage in ("lecturekit", "lecturekit.ingest", "lecturekit.cleaner", "lecturekit.quiz"):
        done = subprocess.run(
            [sys.executable, "-c", probe, stage], capture_output=True, text=True, check=True
        )
        assert done.stdout.strip() == "[]", (stage, done.stdout)


def test_docs_name_every_module():
    text = (PACKAGE.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    modules = [p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py") if "examples" not in p.parts]
    assert [m for m in sorted(modules) if f"`{m}`" not in text] == []
