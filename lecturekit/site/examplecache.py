"""Topic pages' example inputs: the parts made from an example's files (code, highlighting, notebook,
helpers) are made once per example per build, and reused across builds while the files and the code that
prepares them are unchanged; the run's output and figure are taken fresh from the Example every build."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from lecturekit.cache import Cache, code_version, content_key
from lecturekit.errors import Diagnostics
from lecturekit.models import Course, Diagnostic, Example, Model
from lecturekit.site.pages import ExampleInput, HelperFile, TopicRef
from lecturekit.site.topicdata import (
    build_notebook,
    example_file,
    highlight_python,
    local_helpers,
    read_example_code,
)

RUN_RESULTS = {"output": "", "figure": None, "exit_code": None}  # what running fills in, as before a run


class ExampleFiles(Model):
    """What a topic page shows of an example's files; made without its run results, so a new output keeps it."""

    code: str | None  # None when the file cannot be read
    code_html: str
    notebook: str | None
    helpers: list[HelperFile]


class CachedExampleFiles(Model):
    """An example's file parts with the warnings making them gave (replayed on every use)."""

    data: ExampleFiles
    warnings: list[Diagnostic]


def _code_version() -> str:
    # The site package reads and highlights the code; the topics package writes the notebook (to_notebook).
    return content_key(
        code_version("site", "topics"), metadata.version("nbformat"), metadata.version("pygments")
    )


def example_files(example: Example, course: Course, diag: Diagnostics) -> ExampleFiles:
    """An example's code (plain and highlighted), notebook and helper files, from its files alone."""
    code = read_example_code(example, Path(course.root), diag)
    located = example_file(example, Path(course.root))
    # The notebook is given the example without its run results, so they cannot change what is cached here.
    resolved = example.model_copy(update=RUN_RESULTS | ({"path": str(located)} if located else {}))
    return ExampleFiles(
        code=code,
        code_html=highlight_python(code) if code is not None else "",
        notebook=build_notebook(resolved, diag) if code is not None else None,
        helpers=local_helpers(code, located.parent) if code is not None and located else [],
    )


def example_input(example: Example, files: ExampleFiles, names: dict[str, str]) -> ExampleInput:
    """What a topic page shows of one example: its file parts, this build's run results and its topics."""
    return ExampleInput(
        name=example.name,
        title=example.title,
        path=example.path,
        code=files.code,
        code_html=files.code_html,
        output=example.output,
        figure=example.figure,
        notebook=files.notebook,
        helpers=files.helpers,
        topics=[TopicRef(id=t, name=names[t]) for t in example.topics if t in names],
    )


class ExampleInputs:
    """example_input for one build: each example's file parts made once, or taken from the cache."""

    def __init__(self, course: Course, names: dict[str, str], cache: Cache | None = None) -> None:
        self.course = course
        self.names = names
        self.cache = cache or Cache("site-examples", enabled=False)
        self.made: dict[str, tuple[ExampleInput, list[Diagnostic]]] = {}

    def get(self, example: Example, diag: Diagnostics) -> ExampleInput:
        """The example's page input; its warnings are reported on every use, as on every topic page."""
        if example.name not in self.made:
            entry = self._load(example)
            self.made[example.name] = (example_input(example, entry.data, self.names), entry.warnings)
        data, warnings = self.made[example.name]
        diag.extend(warnings)
        return data

    def _load(self, example: Example) -> CachedExampleFiles:
        key = self._key(example)
        if (hit := self.cache.get_valid(key, CachedExampleFiles)) is not None:
            return hit
        local = Diagnostics()
        entry = CachedExampleFiles(data=example_files(example, self.course, local), warnings=local.items)
        if not local.items:  # an unreadable file may be fixed without changing anything the key sees
            self.cache.put(key, entry.model_dump(mode="json"))
        return entry

    def _key(self, example: Example) -> str:
        """A hash of the example (not its run results), its file and its folder's helpers, and the code reading them."""
        located = example_file(example, Path(self.course.root))
        files = [] if located is None else [located, *sorted(located.parent.glob("_*.py"))]
        contents = [f"{path}\0".encode() + path.read_bytes() for path in files]
        return content_key(
            _code_version(), example.model_dump_json(exclude=set(RUN_RESULTS)), self.course.root, *contents
        )
