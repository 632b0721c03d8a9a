"""Read answers.toml: every syntax and shape problem reported with file and line in one pass."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from lecturekit.errors import Diagnostics
from lecturekit.models import MatchPair, Option, QuestionKind
from lecturekit.quiz.model import AnswerEntry, AnswerFile

FIELDS = (
    "answer",
    "explanation",
    "review",
    "feedback",
    "stem",
    "kind",
    "tolerance",
    "range",
    "pairs",
    "weights",
)
TOML_LINE = re.compile(r"at line (\d+)")
HEADER = re.compile(r"^\s*\[(?!\[)\s*(?P<name>.+?)\s*\]\s*(?:#.*)?$")
KEY = re.compile(r"""^\s*(?P<key>"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_.\-]+)\s*=""")


def load_answers(path: Path, diag: Diagnostics) -> AnswerFile:
    """Read PATH (missing = no keys); each problem becomes an error naming the file and line."""
    if not path.is_file():
        return AnswerFile(path=str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        diag.error(path, f"cannot read answer keys: {exc}")
        return AnswerFile(path=str(path))
    data = _parse_all(text, path, diag)
    lines = key_lines(text)
    entries = [entry for qid, value in data.items() if (entry := _entry(qid, value, lines, path, diag))]
    return AnswerFile(path=str(path), entries=entries)


def _parse_all(text: str, path: Path, diag: Diagnostics) -> dict[str, Any]:
    """Parse TOML; on a syntax error parse table by table, so every broken table is reported and the rest read."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        pass
    data: dict[str, Any] = {}
    for start, chunk in _sections(text):
        try:
            part = tomllib.loads(chunk)
        except tomllib.TOMLDecodeError as exc:
            diag.error(
                path, f"not valid TOML: {str(exc).split(' (at ')[0]}", start + _error_line(exc, chunk) - 1
            )
            continue
        for key, value in part.items():
            if key in data:
                diag.error(path, f"{key!r} is defined twice", start)
            data[key] = value
    return data


def _sections(text: str) -> list[tuple[int, str]]:
    """(first line, text) of each table: the lines from one [header] to the next."""
    lines = text.splitlines()
    starts = [0] + [i for i, line in enumerate(lines) if HEADER.match(line) and i > 0]
    ends = [*starts[1:], len(lines)]
    return [(a + 1, "\n".join(lines[a:b])) for a, b in zip(starts, ends, strict=True)]


def _error_line(exc: tomllib.TOMLDecodeError, chunk: str) -> int:
    # tomllib says "(at line N, column M)", or "(at end of document)" for something left open.
    found = TOML_LINE.search(str(exc))
    if found:
        return int(found[1])
    lines = chunk.rstrip().splitlines()
    return max(len(lines), 1)


def key_lines(text: str) -> dict[tuple[str, ...], int]:
    """Line number of every table header and key, by dotted path (a small scan; tomllib gives none)."""
    found: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), 1):
        if header := HEADER.match(line):
            table = split_dotted(header["name"])
            found.setdefault(table, number)
        elif key := KEY.match(line):
            found.setdefault((*table, *split_dotted(key["key"])), number)
    return found


def split_dotted(name: str) -> tuple[str, ...]:
    """'"2026-01-14/ice-1".feedback' → ("2026-01-14/ice-1", "feedback")."""
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([^."\'\s]+)', name)
    return tuple(next(p for p in part if p) if any(part) else "" for part in parts)


def _entry(
    qid: str, value: Any, lines: dict[tuple[str, ...], int], path: Path, diag: Diagnostics
) -> AnswerEntry | None:
    line = lines.get((qid,))
    if not isinstance(value, dict):
        diag.error(path, f'{qid!r}: expected a table like ["{qid}"] with answer = [...]', line)
        return None
    for field in sorted(set(value) - set(FIELDS)):
        diag.error(
            path,
            f"{qid!r}: unknown field {field!r} (expected {', '.join(FIELDS)})",
            lines.get((qid, field), line),
        )
    answer_line = lines.get((qid, "answer"), line)
    answer = _answer(value.get("answer"), qid, path, answer_line, diag)
    texts = {
        name: _text(value.get(name), qid, name, path, lines.get((qid, name), line), diag)
        for name in ("explanation", "review", "stem")
    }
    feedback = _feedback(value.get("feedback"), qid, path, lines, diag)
    typed = _typed_fields(value, qid, path, lambda name: lines.get((qid, name), line), diag)
    entry = AnswerEntry(
        id=qid,
        answer=answer,
        feedback=feedback,
        line=line,
        answer_line=answer_line,
        explanation=texts["explanation"],
        review=texts["review"],
        stem=texts["stem"],
    )
    return entry.model_copy(update=typed)


def _answer(value: Any, qid: str, path: Path, line: int | None, diag: Diagnostics) -> list[str] | None:
    if value is None:
        return None
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(item, (str, int, float, bool)) for item in items):
        diag.error(
            path,
            f"{qid!r}: answer must be an option key or text, a number, true/false, or a list of them",
            line,
        )
        return None
    keys = [
        (str(item).lower() if isinstance(item, bool) else str(item)).strip()
        for item in items
        if str(item).strip()
    ]
    return keys or None


def _text(value: Any, qid: str, name: str, path: Path, line: int | None, diag: Diagnostics) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        diag.error(path, f"{qid!r}: {name} must be a string", line)
        return None
    return value.strip() or None


def _feedback(
    value: Any, qid: str, path: Path, lines: dict[tuple[str, ...], int], diag: Diagnostics
) -> list[Option]:
    if value is None:
        return []
    line = lines.get((qid, "feedback"), lines.get((qid,)))
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        diag.error(path, f'{qid!r}: feedback must be a table of option key = "text"', line)
        return []
    return [Option(key=str(key), text="", feedback=text) for key, text in sorted(value.items())]


def _typed_fields(
    value: dict[str, Any], qid: str, path: Path, line_of: Any, diag: Diagnostics
) -> dict[str, Any]:
    """kind, tolerance, range, pairs and weights of an entry, each checked for its shape."""
    found: dict[str, Any] = {}
    if (kind := value.get("kind")) is not None:
        try:
            found["kind"] = QuestionKind(kind)
        except ValueError:
            known = ", ".join(k.value for k in QuestionKind)
            diag.error(path, f"{qid!r}: unknown kind {kind!r} (expected {known})", line_of("kind"))
    if (tolerance := value.get("tolerance")) is not None:
        if isinstance(tolerance, (int, float)) and not isinstance(tolerance, bool) and tolerance >= 0:
            found["tolerance"] = float(tolerance)
        else:
            diag.error(path, f"{qid!r}: tolerance must be a number ≥ 0", line_of("tolerance"))
    if (bounds := value.get("range")) is not None:
        if (
            isinstance(bounds, list)
            and len(bounds) == 2
            and all(isinstance(b, (int, float)) and not isinstance(b, bool) for b in bounds)
        ):
            found["range"] = sorted(float(b) for b in bounds)
        else:
            diag.error(path, f"{qid!r}: range must be [low, high]", line_of("range"))
    if (pairs := value.get("pairs")) is not None:
        if isinstance(pairs, dict) and all(isinstance(v, str) for v in pairs.values()):
            found["pairs"] = [MatchPair(left=str(k), right=v) for k, v in pairs.items()]
        else:
            diag.error(path, f'{qid!r}: pairs must be a table of left = "right"', line_of("pairs"))
    if (weights := value.get("weights")) is not None:
        if isinstance(weights, dict) and all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in weights.values()
        ):
            found["weights"] = [
                Option(key=str(k), text="", weight=float(v)) for k, v in sorted(weights.items())
            ]
        else:
            diag.error(path, f"{qid!r}: weights must be a table of option key = percent", line_of("weights"))
    return found
