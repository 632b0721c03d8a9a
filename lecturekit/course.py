"""Course folder discovery: course.toml, the source files in it, and which sources make each lecture."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

from pydantic import Field, ValidationError

from lecturekit.errors import Diagnostics, UsageError
from lecturekit.models import Model

COURSE_FILE = "course.toml"
ANSWERS_FILE = "answers.toml"
TOPICS_FILE = "topics.toml"
# Files in a course folder that are configuration, never lecture sources.
CONFIG_FILES = {COURSE_FILE, ANSWERS_FILE, TOPICS_FILE}
IGNORED_PREFIXES = (".", "_")
IGNORED_NAMES = {"README.md", "readme.md", "README.txt"}


class LectureConfig(Model):
    """One lecture as course.toml declares it; every field may be left to the material."""

    id: str | None = None
    title: str | None = None
    date: dt.date | None = None
    sources: list[str] = Field(default_factory=list)
    edition_of: str | None = None  # id of another lecture this one is an edition of


class CourseConfig(Model):
    """The optional course.toml of a course folder."""

    title: str | None = None
    lectures: list[LectureConfig] = Field(default_factory=list)
    answers: str = ANSWERS_FILE
    topics: str = TOPICS_FILE


def load_config(root: Path) -> CourseConfig:
    """Read ROOT/course.toml, or an empty config when there is none."""
    path = root / COURSE_FILE
    if not path.is_file():
        return CourseConfig()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"not valid TOML: {exc}", file=path, location=_toml_line(exc)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read: {exc}", file=path) from exc
    try:
        return CourseConfig.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise UsageError(f"{where}: {first['msg']} ({len(exc.errors())} problem(s))", file=path) from exc


def _toml_line(exc: tomllib.TOMLDecodeError) -> int | None:
    # tomllib puts "(at line N, column M)" in its message.
    text = str(exc)
    if "line " in text:
        try:
            return int(text.split("line ", 1)[1].split(",", 1)[0].split(")", 1)[0])
        except ValueError:
            return None
    return None


def is_source_candidate(path: Path) -> bool:
    """Whether a file in a course folder should be read as lecture material."""
    name = path.name
    return (
        path.is_file()
        and name not in CONFIG_FILES
        and name not in IGNORED_NAMES
        and not name.startswith(IGNORED_PREFIXES)
    )


def discover_sources(paths: list[Path], diag: Diagnostics | None = None) -> tuple[Path | None, list[Path]]:
    """Expand the given paths into (course root or None, source files in a stable order).

    A folder's files are all read; the first folder is the course root, whose course.toml, answers.toml
    and topics.toml apply. Files given directly are sources as they are. DIAG, when given, hears about
    folders that add nothing and configuration files that are ignored.
    """
    if not paths:
        raise UsageError("no input given")
    root: Path | None = None
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if is_source_candidate(p))
            if diag is not None:
                _report_folder(path, root, found, len(paths), diag)
            root = root or path
            files.extend(found)
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            raise UsageError("no such file or folder", file=path)
    return root, files


def _report_folder(folder: Path, root: Path | None, found: list[Path], given: int, diag: Diagnostics) -> None:
    """Warn about a folder that holds no sources (among other inputs) or whose configuration is ignored."""
    if not found and given > 1:
        configures = root is None and any((folder / name).is_file() for name in CONFIG_FILES)
        diag.warn(folder, "folder holds no lecture sources (hidden, _-prefixed, README and config files are skipped); "
                  + ("only its configuration is used" if configures else "nothing was read from it"))
    if root is None or folder.resolve() == root.resolve():
        return
    for name in sorted(CONFIG_FILES):
        if (folder / name).is_file():
            used = f"{root / name} applies" if (root / name).is_file() else f"{root} has no {name}"
            diag.warn(folder / name, f"ignored: only the first folder given is the course root ({used}); "
                      "give this folder first to use it")


def register_sources(config: Path, lecture_id: str, names: list[str], grouped: list[str] | None = None) -> None:
    """Add NAMES to lecture LECTURE_ID in course.toml (a new [[lectures]] entry if it has none), comments kept.

    GROUPED: the sources the lecture has now when the course groups it by itself (it is not in course.toml
    yet); they are listed too, so naming the lecture does not take them out of it and rename it.
    """
    import tomlkit  # edits the file in place: the instructor's comments and layout stay

    text = config.read_text(encoding="utf-8") if config.is_file() else ""
    try:
        document = tomlkit.parse(text)
    except ValueError as exc:  # tomlkit's ParseError
        raise UsageError(f"not valid TOML: {exc}", file=config) from exc
    lectures = document.setdefault("lectures", tomlkit.aot())
    entry = next((lecture for lecture in lectures if lecture.get("id") == lecture_id), None)
    if entry is None:
        entry = tomlkit.table()
        entry.update({"id": lecture_id, "sources": tomlkit.array()})
        entry.trivia.indent = "\n" if text.strip() else ""  # a blank line between it and what the file had
        lectures.append(entry)
    sources = entry.setdefault("sources", tomlkit.array())
    for name in [*(grouped or []), *names]:
        if name not in sources:
            sources.append(name)
    config.write_text(tomlkit.dumps(document), encoding="utf-8")
