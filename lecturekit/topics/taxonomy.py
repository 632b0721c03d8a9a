"""The topic taxonomy: the list shipped with lecturekit, plus a course's topics.toml adding or overriding topics."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from pydantic import ValidationError

from lecturekit.course import _toml_line
from lecturekit.errors import Diagnostics, UsageError
from lecturekit.models import Model, Topic

SHIPPED = Path(__file__).with_name("taxonomy.toml")
TOPIC_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
TABLE_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*topic[ \t]*\]\]", re.MULTILINE)


class TopicEntry(Model):
    """One [[topic]] table as written; in a course file every field but id may be left out to keep the shipped value."""

    id: str
    name: str | None = None
    aliases: list[str] | None = None
    summary: str | None = None
    related: list[str] | None = None
    examples: list[str] | None = None


class LocatedEntry(Model):
    """A topic entry and the line of its [[topic]] header (None when the file uses another TOML form)."""

    entry: TopicEntry
    line: int | None = None


def _header_lines(text: str) -> list[int]:
    """1-based line numbers of the [[topic]] headers, so entry N's errors can name its line."""
    return [text.count("\n", 0, m.start()) + 1 for m in TABLE_HEADER.finditer(text)]


def read_entries(path: Path, diag: Diagnostics) -> list[LocatedEntry]:
    """The valid [[topic]] entries of PATH; each bad entry becomes one located error and is skipped."""
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        diag.error(path, f"not valid TOML, no topics read from it: {exc}", _toml_line(exc))
        return []
    except (OSError, UnicodeDecodeError) as exc:
        diag.error(path, f"cannot read: {exc}")
        return []
    unknown = sorted(set(data) - {"topic"})
    if unknown:
        diag.warn(
            path, f"ignored unknown top-level key(s) {', '.join(unknown)}; topics go in [[topic]] tables"
        )
    raw = data.get("topic", [])
    if not isinstance(raw, list):
        diag.error(path, "'topic' must be an array of tables: write each topic under [[topic]]")
        return []
    lines = _header_lines(text)
    entries: list[LocatedEntry] = []
    for index, item in enumerate(raw):
        line = lines[index] if index < len(lines) else None
        entry = _validate(item, path, line, diag)
        if entry is not None:
            entries.append(LocatedEntry(entry=entry, line=line))
    return entries


def _validate(item: object, path: Path, line: int | None, diag: Diagnostics) -> TopicEntry | None:
    try:
        entry = TopicEntry.model_validate(item)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "topic"
        diag.error(path, f"topic skipped: {field}: {first['msg']}", line)
        return None
    if not TOPIC_ID.match(entry.id):
        diag.error(path, f"topic skipped: id {entry.id!r} must be lower-case words joined by '-'", line)
        return None
    return entry


def load_shipped() -> list[Topic]:
    """The taxonomy shipped with lecturekit; a broken shipped file is a bug, reported as unusable."""
    diag = Diagnostics()
    entries = read_entries(SHIPPED, diag)
    if diag.errors:
        raise UsageError(str(diag.errors[0]))
    return [_new_topic(located.entry) for located in entries]


def _new_topic(entry: TopicEntry) -> Topic:
    return Topic(**{"name": entry.id, **entry.model_dump(exclude_none=True)})


def merge_topics(base: list[Topic], path: Path, diag: Diagnostics) -> list[Topic]:
    """BASE with the entries of a course's topics.toml applied: a known id is overridden field by field, a new id added."""
    topics = {topic.id: topic for topic in base}
    seen: set[str] = set()
    for located in read_entries(path, diag):
        entry, line = located.entry, located.line
        if entry.id in seen:
            diag.error(path, f"topic {entry.id!r} is defined twice; the later one wins", line)
        seen.add(entry.id)
        given = entry.model_dump(exclude_none=True)
        if entry.id in topics:
            topics[entry.id] = topics[entry.id].model_copy(update=given)
        elif entry.name is None:
            diag.error(
                path,
                f"topic skipped: new topic {entry.id!r} needs a name (no shipped topic has this id)",
                line,
            )
        else:
            topics[entry.id] = _new_topic(entry)
    return list(topics.values())


def check_references(
    topics: list[Topic], example_names: set[str], file: str, diag: Diagnostics
) -> list[Topic]:
    """Drop related ids and example names that do not exist, with a warning for each."""
    ids = {topic.id for topic in topics}
    checked = []
    for topic in topics:
        for missing in sorted(set(topic.related) - ids):
            diag.warn(file, f"topic {topic.id!r}: related topic {missing!r} does not exist; link left out")
        for missing in sorted(set(topic.examples) - example_names):
            diag.warn(file, f"topic {topic.id!r}: example {missing!r} not found in the examples folder")
        checked.append(
            topic.model_copy(
                update={
                    "related": [r for r in topic.related if r in ids],
                    "examples": [e for e in topic.examples if e in example_names],
                }
            )
        )
    return checked
