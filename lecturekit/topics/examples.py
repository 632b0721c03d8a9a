"""Runnable examples: find them, run them (output and figure cached by content hash), and export notebooks."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata
from pathlib import Path

from lecturekit.cache import Cache, code_version, content_key
from lecturekit.course import COURSE_FILE, is_source_candidate
from lecturekit.errors import Diagnostics
from lecturekit.models import Example, Model

FIGURE_ENV = "LECTUREKIT_FIGURE"  # where an example may write its SVG figure
COURSE_ENV = "LECTUREKIT_COURSE"  # the course folder an example may read (semantic search)
EXAMPLES_ENV = "LECTUREKIT_EXAMPLES"  # overrides where the examples folder is
TIMEOUT_SECONDS = 60.0
# One BLAS thread: the same floating-point sums on every machine, and no oversubscribed cores.
SINGLE_THREADED = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
TOPICS_LINE = re.compile(r"^Topics:\s*(.+)$", re.MULTILINE)
TOPICS_COMMENT = re.compile(r"^#\s*Topics?:\s*(.+)$", re.IGNORECASE)
COURSE_EXAMPLES = "examples"  # a course's own examples: <course>/examples/*.py


class RunResult(Model):
    """What one run of an example produced."""

    exit_code: int
    output: str
    figure: str | None = None
    error: str = ""  # the last line of stderr (a traceback names its exception there), or why the run failed


def examples_dir() -> Path | None:
    """The examples folder: $LECTUREKIT_EXAMPLES, a copy packaged in lecturekit/, or the repository's examples/."""
    candidates = [Path(os.environ[EXAMPLES_ENV])] if os.environ.get(EXAMPLES_ENV) else []
    package = Path(__file__).resolve().parent.parent
    candidates += [package / "examples", package.parent / "examples"]
    return next((path for path in candidates if path.is_dir()), None)


def describe(path: Path) -> Example:
    """An Example from a script's module docstring (first line the title) and its topics from a 'Topics:' line.

    The line is in the docstring, or a "# Topics: merge sort, recursion" comment in the file's header.
    """
    source = path.read_text(encoding="utf-8")
    docstring = ast.get_docstring(ast.parse(source, filename=str(path))) or ""
    title = (
        docstring.splitlines()[0] if docstring else header_title(source) or path.stem.replace("_", " ")
    ).strip()
    title = title.rstrip(".")
    found = TOPICS_LINE.search(docstring)
    declared = found.group(1) if found else header_topics(source)
    topics = [t.strip() for t in declared.split(",") if t.strip()]
    body = TOPICS_LINE.sub("", "\n".join(docstring.splitlines()[1:])).strip()
    return Example(name=path.stem, title=title, path=str(path.resolve()), topics=topics, description=body)


def header_topics(source: str) -> str:
    """The topics a "# Topics: a, b" line of the file's opening comments names ("" when none does)."""
    for line in source.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break  # past the header
            continue
        if found := TOPICS_COMMENT.match(line):
            return found.group(1)
    return ""


def header_title(source: str) -> str:
    """The first line of the file's opening comments that is neither a "#!" line nor its Topics line."""
    for line in source.splitlines():
        if not line.startswith("#"):
            return ""
        text = line.lstrip("#").strip()
        if text and not line.startswith("#!") and not TOPICS_COMMENT.match(line):
            return text
    return ""


def course_examples_dir(root: Path | None) -> Path | None:
    """The course's own examples folder, when it has one."""
    folder = root / COURSE_EXAMPLES if root is not None else None
    return folder if folder is not None and folder.is_dir() else None


def discover(folder: Path | None, diag: Diagnostics) -> list[Example]:
    """Every examples/*.py (helpers starting with '_' excluded), by name; an unreadable script is reported."""
    if folder is None:
        diag.warn("examples", "no examples folder found; topic pages will have no runnable examples")
        return []
    found = []
    for path in sorted(folder.glob("*.py")):
        if path.name.startswith("_"):
            continue
        try:
            found.append(describe(path))
        except SyntaxError as exc:
            diag.error(path, f"example skipped: {exc.msg}", exc.lineno)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            diag.error(path, f"example skipped: cannot read it ({exc})")
    return found


def _folder_digest(folder: Path) -> str:
    """Names and bytes of what the course's cleaned slides come from: its sources and course.toml.

    Answer keys and topics.toml are left out: they change no slide, and editing answer keys (what an
    instructor does most) must not re-run an example that searches the slides.
    """
    files = [
        p
        for p in sorted(folder.iterdir())
        if is_source_candidate(p) or (p.name == COURSE_FILE and p.is_file())
    ]
    return content_key(*(part for p in files for part in (p.name, _bytes(p))))


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:  # ingest reports the unreadable file; here it only has to key the run
        return f"unreadable: {exc.strerror}".encode()


def _cache_key(example: Example, course: Path | None) -> str:
    """A hash of everything the run can depend on: the script, its helpers, numpy, python, the course it reads."""
    path = Path(example.path)
    source = path.read_text(encoding="utf-8")
    helpers = [p.read_text(encoding="utf-8") for p in sorted(path.parent.glob("_*.py"))]
    # Without a course the example reads the seeds/ beside the examples folder (its own default).
    course = course or path.resolve().parent.parent / "seeds"
    reads_course = COURSE_ENV in source and course.is_dir()
    uses_lecturekit = re.search(r"^(from|import) lecturekit\b", source, re.MULTILINE) is not None
    # it reads the course through lecturekit
    return content_key(
        source,
        *helpers,
        sys.version,
        metadata.version("numpy"),
        _folder_digest(course) if reads_course else "",
        code_version() if uses_lecturekit else "",
    )


def run_example(example: Example, course: Path | None = None, timeout: float = TIMEOUT_SECONDS) -> RunResult:
    """Run the script with this Python in a fresh temporary folder, capturing stdout and its SVG figure."""
    with tempfile.TemporaryDirectory(prefix="lecturekit-example-") as work:
        figure_path = Path(work) / "figure.svg"
        env = {
            **os.environ,
            FIGURE_ENV: str(figure_path),
            "PYTHONHASHSEED": "0",
            "PYTHONIOENCODING": "utf-8",
            **SINGLE_THREADED,
        }
        if course is not None:
            env[COURSE_ENV] = str(course.resolve())  # the script runs in a temporary folder
        try:
            done = subprocess.run(
                [sys.executable, example.path],
                cwd=work,
                env=env,
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            return RunResult(exit_code=-1, output="", error=f"timed out after {timeout:.0f} s")
        figure = figure_path.read_text(encoding="utf-8") if figure_path.is_file() else None
        # The warning is one line: a traceback's last line names the exception and its message.
        last_line = next((line.strip() for line in reversed(done.stderr.splitlines()) if line.strip()), "")
        return RunResult(exit_code=done.returncode, output=done.stdout, figure=figure, error=last_line)


def run_cached(example: Example, course: Path | None, cache: Cache) -> RunResult:
    """run_example, reusing an earlier successful run of identical inputs."""
    key = _cache_key(example, course)
    if (hit := cache.get_valid(key, RunResult)) is not None:
        return hit
    result = run_example(example, course)
    if result.exit_code == 0:
        cache.put(key, result.model_dump())
    return result


def run_all(
    examples: list[Example], course: Path | None, diag: Diagnostics, jobs: int = 2, cache: Cache | None = None
) -> list[Example]:
    """Every example with its output and figure filled in; a failing example is a warning, not a stop."""
    cache = cache or Cache("examples")
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(lambda e: run_cached(e, course, cache), examples))
    done = []
    for example, result in zip(examples, results, strict=True):
        if result.exit_code != 0:
            diag.warn(
                example.path,
                f"example {example.name!r} failed (exit code {result.exit_code}): {result.error}",
            )
        done.append(
            example.model_copy(
                update={"output": result.output, "figure": result.figure, "exit_code": result.exit_code}
            )
        )
    return done


def to_notebook(example: Example) -> str:
    """The example as a Jupyter notebook (nbformat v4 JSON): its title and docstring, then its code cells."""
    import nbformat  # here, not at the top: it loads jsonschema, and a rebuild takes its notebooks from the cache
    from nbformat import v4

    source = Path(example.path).read_text(encoding="utf-8")
    tree = ast.parse(source)
    lines = source.splitlines()
    body = (
        tree.body[1:]
        if tree.body
        and isinstance(tree.body[0], ast.Expr)
        and isinstance(getattr(tree.body[0], "value", None), ast.Constant)
        else tree.body
    )
    cells = [
        v4.new_markdown_cell(
            f"# {example.title}\n\n{example.description}".strip()
            + f"\n\nRun it from a shell with `lecturekit run {example.name}`."
        )
    ]
    if "from __future__ import annotations" in source:
        cells.append(v4.new_code_cell("from __future__ import annotations"))  # a future import opens its cell
    for helper in _local_helpers(tree, Path(example.path).parent):
        cells.append(v4.new_code_cell(helper))  # the notebook must run without the examples folder
    for chunk in _code_chunks(body, lines):
        cells.append(v4.new_code_cell(chunk))
    cells.append(v4.new_code_cell("main()"))
    for number, cell in enumerate(cells):
        cell["id"] = f"{example.name}-{number}"  # stable ids: the same example gives the same file
    notebook = v4.new_notebook(
        cells=cells,
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        },
    )
    nbformat.validate(notebook)
    return nbformat.writes(notebook) + "\n"


def _local_helpers(tree: ast.Module, folder: Path) -> list[str]:
    """Sources of the examples/_*.py helpers this script imports, inlined without their docstring."""
    helpers = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("_"):
            path = folder / f"{node.module}.py"
            if path.is_file():
                helper_source = path.read_text(encoding="utf-8")
                helper_tree = ast.parse(helper_source)
                helper_lines = helper_source.splitlines()
                helpers.append("\n\n".join(_code_chunks(helper_tree.body[1:], helper_lines)))
    return helpers


def _code_chunks(body: list[ast.stmt], lines: list[str]) -> list[str]:
    """Top-level statements grouped into cells: imports together, then one cell per definition."""
    chunks: list[str] = []
    for node in body:
        if _is_main_guard(node):
            continue
        start = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
        text = "\n".join(lines[start - 1 : node.end_lineno])
        if text.startswith("from __future__") or (
            isinstance(node, ast.ImportFrom) and (node.module or "").startswith("_")
        ):
            continue  # __future__ must open a file; local helpers are inlined as their own cell
        merge = (
            chunks
            and isinstance(node, (ast.Import, ast.ImportFrom, ast.Assign))
            and not chunks[-1].startswith(("def", "class", "@"))
        )
        if merge:
            chunks[-1] += "\n" + text
        else:
            chunks.append(text)
    return chunks


def _is_main_guard(node: ast.stmt) -> bool:
    return isinstance(node, ast.If) and "__name__" in ast.unparse(node.test)
