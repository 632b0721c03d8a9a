"""Course folder discovery: course.toml, the source files in it, and which sources make each lecture."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import tomllib
from collections.abc import Iterator
from contextvars import ContextVar
from enum import Enum
from pathlib import Path
from typing import Literal

from pydantic import Field, PrivateAttr, ValidationError

from lecturekit.controls import CONTROLS
from lecturekit.errors import Diagnostics, UsageError
from lecturekit.models import Model
from lecturekit.suggest import did_you_mean

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


class BuildConfig(Model):
    """The [build] section of course.toml: how `build` and `add` read sources, unless the command line says else."""

    ocr: Literal["auto", "always", "never"] | None = None
    jobs: int | None = Field(default=None, ge=1)
    lang: str | None = None  # tesseract language(s), e.g. "eng+deu"


class CourseConfig(Model):
    """The optional course.toml of a course folder."""

    title: str | None = None
    lectures: list[LectureConfig] = Field(default_factory=list)
    build: BuildConfig = Field(default_factory=BuildConfig)
    answers: str = ANSWERS_FILE
    topics: str = TOPICS_FILE
    # Set by load_config, never by course.toml: the files the course's settings resolve to.
    _answers_file: Path | None = PrivateAttr(default=None)
    _topics_file: Path | None = PrivateAttr(default=None)
    _named_files: list[Path] = PrivateAttr(default_factory=list)


class Setting(str, Enum):
    """The course.toml settings that name a path."""

    SOURCES = "sources"
    ANSWERS = "answers"
    TOPICS = "topics"


# `lecturekit --allow-outside`: the explicit opt-in for course paths outside the folder (shared sources).
OUTSIDE_ALLOWED: ContextVar[bool] = ContextVar("lecturekit_outside_allowed", default=False)
OUTSIDE_HINT = (
    "keep course files inside the course folder, or pass `lecturekit --allow-outside` to share them"
)


@contextlib.contextmanager
def outside_allowed(allowed: bool = True) -> Iterator[None]:
    """Within this block, paths a course names may lie outside its folder (the CLI's --allow-outside)."""
    token = OUTSIDE_ALLOWED.set(allowed)
    try:
        yield
    finally:
        OUTSIDE_ALLOWED.reset(token)


def escape_reason(folder: Path, path: Path) -> str | None:
    """Why PATH is not a file inside FOLDER (a `..` or absolute path out, a link out, a broken link), or None."""
    if path.is_symlink() and not path.exists():
        return f"broken link to {os.readlink(path)}; point it at an existing file"
    if OUTSIDE_ALLOWED.get():
        return None
    target = path.resolve()
    if target.is_relative_to(folder.resolve()):
        return None
    if path.absolute().parent.resolve() / path.name != target:
        return f"is a link to {target}, outside the course folder"
    return f"resolves to {target}, outside the course folder"


def course_path(root: Path, name: str) -> Path:
    """ROOT/NAME, a file or folder lecturekit keeps in the course (quiz/, say); a UsageError when it leads out."""
    path = root / name
    if (reason := escape_reason(root, path)) is not None:
        raise UsageError(f"{reason}; {OUTSIDE_HINT}", file=path)
    return path


def answers_file(root: Path, config: CourseConfig) -> Path:
    """The answer-key file of the course at ROOT: the one every command reads and writes."""
    return config._answers_file or _confined(root, Setting.ANSWERS, config.answers, None)


def topics_file(root: Path, config: CourseConfig) -> Path:
    """The course's own topics file (topics.toml or what course.toml names)."""
    return config._topics_file or _confined(root, Setting.TOPICS, config.topics, None)


def named_source_files(config: CourseConfig) -> list[Path]:
    """The source files course.toml names by a path (a subfolder, or outside with --allow-outside)."""
    return list(config._named_files)


def _confined(root: Path, setting: Setting, value: str, text: str | None) -> Path:
    """ROOT/VALUE when it stays inside ROOT; else a UsageError naming the setting and its course.toml line."""
    path = root / value
    if (reason := escape_reason(root, path)) is None:
        return path
    if text is not None and setting.value in _top_level_keys(text):
        raise UsageError(
            f"{setting.value} = {json.dumps(value)} {reason}; {OUTSIDE_HINT}",
            file=root / COURSE_FILE,
            location=_line_of_key(text, setting.value),
        )
    raise UsageError(f"{reason}; {OUTSIDE_HINT}", file=path)


def load_config(root: Path, diag: Diagnostics | None = None) -> CourseConfig:
    """Read ROOT/course.toml (or an empty config when there is none) with every path it names checked.

    A path leaving the folder is refused: answers and topics as a usage error, a lecture's source as
    an error in DIAG (the other sources go on). Duplicate lecture ids are a usage error; a source
    listed under two lectures is a warning.
    """
    path = root / COURSE_FILE
    text = _read_config_text(root, path)
    config = _parse_config(path, text) if text is not None else CourseConfig()
    _strip_title_controls(config)
    config._answers_file = _confined(root, Setting.ANSWERS, config.answers, text)
    config._topics_file = _confined(root, Setting.TOPICS, config.topics, text)
    if text is not None:
        _check_lecture_ids(config, path, text)
        _resolve_sources(root, config, text, diag or Diagnostics())
    return config


def _strip_title_controls(config: CourseConfig) -> None:
    """Titles from course.toml reach every page and the terminal: no control or bidi-override character in them."""
    config.title = CONTROLS.sub("", config.title) if config.title else config.title
    for lecture in config.lectures:
        lecture.title = CONTROLS.sub("", lecture.title) if lecture.title else lecture.title


def _read_config_text(root: Path, path: Path) -> str | None:
    if not path.is_file() and not path.is_symlink():
        return None
    if (reason := escape_reason(root, path)) is not None:
        raise UsageError(f"{reason}; {OUTSIDE_HINT}", file=path)
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read: {exc}", file=path) from exc


def _parse_config(path: Path, text: str) -> CourseConfig:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"not valid TOML: {exc}", file=path, location=_toml_line(exc)) from exc
    try:
        return CourseConfig.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        message, line = f"{where}: {first['msg']}", None
        if first["type"] == "extra_forbidden":  # a mistyped setting: name the line and the setting meant
            *parents, key = (str(p) for p in first["loc"])
            message = f"unknown setting {key!r}{did_you_mean(key, _settings_of(parents))}"
            line = _line_of_key(text, key)
        raise UsageError(f"{message} ({len(exc.errors())} problem(s))", file=path, location=line) from exc


def _settings_of(parents: list[str]) -> list[str]:
    """The setting names allowed where a key sits: top level, in a [[lectures]] table or in [build]."""
    model: type[Model] = CourseConfig
    if parents and parents[0] == "lectures":
        model = LectureConfig
    elif parents and parents[0] == "build":
        model = BuildConfig
    return list(model.model_fields)


def _check_lecture_ids(config: CourseConfig, path: Path, text: str) -> None:
    """Two [[lectures]] with one id would render to one page and lose a lecture: refuse, naming both lines."""
    first_at: dict[str, int] = {}
    for index, lecture in enumerate(config.lectures):
        if lecture.id is None:
            continue
        line = _line_in_lecture(text, index, "id", lecture.id)
        if lecture.id in first_at:
            raise UsageError(
                f"lecture id {lecture.id!r} is used twice (also at {path}:{first_at[lecture.id]}); "
                "give each lecture its own id",
                file=path,
                location=line,
            )
        first_at[lecture.id] = line


def _resolve_sources(root: Path, config: CourseConfig, text: str, diag: Diagnostics) -> None:
    """Check each lecture's sources; a path into a subfolder (or shared, when allowed) becomes a file to read.

    The lecture then names the source as provenance does, by its file name.
    """
    owner: dict[Path, tuple[str, int]] = {}
    path = root / COURSE_FILE
    for index, lecture in enumerate(config.lectures):
        names = []
        for value in lecture.sources:
            line = _line_in_lecture(text, index, Setting.SOURCES.value, value)
            target = root / value
            if (reason := escape_reason(root, target)) is not None:
                diag.error(path, f"sources: {json.dumps(value)} {reason}; not read; {OUTSIDE_HINT}", line)
                continue
            key = target.resolve()
            name = lecture.id or lecture.title or f"#{index + 1}"
            if key in owner and owner[key][0] != name:
                other, other_line = owner[key]
                diag.warn(
                    path,
                    f"source {value} is listed under lecture {name} and under lecture {other} "
                    f"(line {other_line}); both lectures show its slides",
                    line,
                )
            owner.setdefault(key, (name, line))
            if Path(value).name != value:
                config._named_files.append(target)
            names.append(Path(value).name)
        lecture.sources = names


LECTURES_HEADER = re.compile(r"^\s*\[\[\s*lectures\s*\]\]")
TABLE_HEADER = re.compile(r"^\s*\[")


def _top_level_keys(text: str) -> set[str]:
    """The keys set before the first table header (where `answers` and `topics` live)."""
    keys = set()
    for line in text.splitlines():
        if TABLE_HEADER.match(line):
            break
        if "=" in line:
            keys.add(line.split("=", 1)[0].strip().strip("\"'"))
    return keys


def _line_of_key(text: str, key: str) -> int | None:
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    return next((n for n, line in enumerate(text.splitlines(), start=1) if pattern.match(line)), None)


def _line_in_lecture(text: str, index: int, key: str, value: str) -> int:
    """The course.toml line of VALUE under the INDEX-th [[lectures]] (its header line when not found)."""
    lines = text.splitlines()
    headers = [n for n, line in enumerate(lines) if LECTURES_HEADER.match(line)]
    if index >= len(headers):  # an inline `lectures = [...]` array: the first mention will do
        headers = [0] * (index + 1)
    start = headers[index]
    end = headers[index + 1] if index + 1 < len(headers) and headers[index + 1] > start else len(lines)
    quoted = (json.dumps(value), f"'{value}'")
    for number in range(start, end):
        if any(q in lines[number] for q in quoted):
            return number + 1
    return start + 1


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
    broken_link = path.is_symlink() and not path.exists()  # read, so that it gets its error line
    return (
        (path.is_file() or broken_link)
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
            found = _confined_files(path, sorted(p for p in path.iterdir() if is_source_candidate(p)), diag)
            if diag is not None:
                _report_folder(path, root, found, len(paths), diag)
            root = root or path
            files.extend(found)
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            raise UsageError("no such file or folder", file=path)
    return root, files


def _confined_files(folder: Path, found: list[Path], diag: Diagnostics | None) -> list[Path]:
    """FOUND without links that lead out of FOLDER (each one an error in DIAG); broken links stay, to be reported."""
    kept = []
    for path in found:
        reason = escape_reason(folder, path)
        if reason is None or (path.is_symlink() and not path.exists()):
            kept.append(path)
        elif diag is not None:
            diag.error(path, f"{reason}; not read; {OUTSIDE_HINT}")
    return kept


def _report_folder(folder: Path, root: Path | None, found: list[Path], given: int, diag: Diagnostics) -> None:
    """Warn about a folder that holds no sources (among other inputs) or whose configuration is ignored."""
    if not found and given > 1:
        configures = root is None and any((folder / name).is_file() for name in CONFIG_FILES)
        diag.warn(
            folder,
            "folder holds no lecture sources (hidden, _-prefixed, README and config files are skipped); "
            + ("only its configuration is used" if configures else "nothing was read from it"),
        )
    if root is None or folder.resolve() == root.resolve():
        return
    for name in sorted(CONFIG_FILES):
        if (folder / name).is_file():
            used = f"{root / name} applies" if (root / name).is_file() else f"{root} has no {name}"
            diag.warn(
                folder / name,
                f"ignored: only the first folder given is the course root ({used}); "
                "give this folder first to use it",
            )


def register_sources(
    config: Path, lecture_id: str, names: list[str], grouped: list[str] | None = None
) -> None:
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
