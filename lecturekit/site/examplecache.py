"""Topic pages' example inputs (code, notebook, helpers): made once per example per build, and reused
across builds while the example's files and the code that prepares them are unchanged."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from lecturekit.cache import Cache, content_key, tree_digest
from lecturekit.errors import Diagnostics
from lecturekit.models import Course, Diagnostic, Example, Model
from lecturekit.site.pages import ExampleInput, TopicRef
from lecturekit.site.topicdata import build_notebook, example_file, local_helpers, read_example_code

_CODE_VERSION: list[str] = []


class CachedExampleInput(Model):
    """An example's page input with the warnings making it gave (replayed on every use)."""

    data: ExampleInput
    warnings: list[Diagnostic]


def _code_version() -> str:
    # The site package reads the code; the topics package writes the notebook (to_notebook).
    if not _CODE_VERSION:
        lecturekit = Path(__file__).resolve().parent.parent
        _CODE_VERSION.append(content_key(tree_digest(lecturekit / "site", "*.py"),
                                         tree_digest(lecturekit / "topics", "*.py"),
                                         metadata.version("nbformat")))
    return _CODE_VERSION[0]


def example_input(example: Example, course: Course, names: dict[str, str], diag: Diagnostics) -> ExampleInput:
    """What a topic page shows of one example: its code, output, figure, notebook and helper files."""
    code = read_example_code(example, Path(course.root), diag)
    located = example_file(example, Path(course.root))
    resolved = example.model_copy(update={"path": str(located)}) if located else example
    return ExampleInput(
        name=example.name,
        title=example.title,
        path=example.path,
        code=code,
        output=example.output,
        figure=example.figure,
        notebook=build_notebook(resolved, diag) if code is not None else None,
        helpers=local_helpers(code, located.parent) if code is not None and located else [],
        topics=[TopicRef(id=t, name=names[t]) for t in example.topics if t in names],
    )


class ExampleInputs:
    """example_input for one build: each example made once, or taken from the cache."""

    def __init__(self, course: Course, names: dict[str, str], cache: Cache | None = None) -> None:
        self.course = course
        self.names = names
        self.cache = cache or Cache("site-examples", enabled=False)
        self.made: dict[str, CachedExampleInput] = {}

    def get(self, example: Example, diag: Diagnostics) -> ExampleInput:
        """The example's page input; its warnings are reported on every use, as on every topic page."""
        if example.name not in self.made:
            self.made[example.name] = self._load(example)
        entry = self.made[example.name]
        diag.extend(entry.warnings)
        return entry.data

    def _load(self, example: Example) -> CachedExampleInput:
        key = self._key(example)
        if (hit := self.cache.get(key)) is not None:
            return CachedExampleInput.model_validate(hit)
        local = Diagnostics()
        entry = CachedExampleInput(data=example_input(example, self.course, self.names, local), warnings=local.items)
        if not local.items:  # an unreadable file may be fixed without changing anything the key sees
            self.cache.put(key, entry.model_dump(mode="json"))
        return entry

    def _key(self, example: Example) -> str:
        """A hash of the example, its file and its folder's helpers, the topic names and the code that reads them."""
        located = example_file(example, Path(self.course.root))
        files = [] if located is None else [located, *sorted(located.parent.glob("_*.py"))]
        contents = [f"{path}\0".encode() + path.read_bytes() for path in files]
        names = "\0".join(f"{t}={self.names.get(t, '')}" for t in example.topics)
        return content_key(_code_version(), example.model_dump_json(), self.course.root, names, *contents)
