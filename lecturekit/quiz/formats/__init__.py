"""Quiz file formats, all written from and read into the one Question model."""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path

from lecturekit.controls import strip_controls
from lecturekit.errors import Diagnostics, UsageError
from lecturekit.models import Question


class ExportFormat(str, Enum):
    GIFT = "gift"
    AIKEN = "aiken"
    MOODLE_XML = "moodle-xml"
    QTI = "qti"
    ANKI = "anki"
    JSON = "json"
    MARKDOWN = "markdown"


# Formats that grade answers: an unkeyed question exported there is worth a warning.
KEYED_FORMATS = {ExportFormat.GIFT, ExportFormat.MOODLE_XML, ExportFormat.QTI}


class ImportFormat(str, Enum):
    GIFT = "gift"
    AIKEN = "aiken"
    MARKDOWN = "markdown"
    JSON = "json"


SUFFIX_FORMAT = {
    ".gift": ImportFormat.GIFT,
    ".txt": ImportFormat.AIKEN,
    ".aiken": ImportFormat.AIKEN,
    ".md": ImportFormat.MARKDOWN,
    ".markdown": ImportFormat.MARKDOWN,
    ".json": ImportFormat.JSON,
}


def export_questions(
    questions: list[Question], fmt: ExportFormat, out: Path, title: str, diag: Diagnostics
) -> int:
    """Write QUESTIONS to OUT in FMT; return how many were written (the rest skipped with a warning)."""
    if not questions:
        raise UsageError("no questions to export (empty quiz)", file=out)
    from lecturekit.quiz.formats import aiken, anki, gift, json_format, markdown, moodle_xml, qti

    writers = {
        ExportFormat.GIFT: gift.write,
        ExportFormat.AIKEN: aiken.write,
        ExportFormat.MOODLE_XML: moodle_xml.write,
        ExportFormat.QTI: qti.write,
        ExportFormat.ANKI: anki.write,
        ExportFormat.JSON: json_format.write,
        ExportFormat.MARKDOWN: markdown.write,
    }
    if fmt in KEYED_FORMATS:
        for question in questions:
            if question.unkeyed:
                diag.warn(str(out), f"{question.id}: exported without an answer key (every option scores 0)")
    if not out.parent.is_dir():
        raise UsageError("the folder to write into does not exist", file=out)
    try:
        return writers[fmt](questions, out, title, diag)
    except OSError as exc:
        raise UsageError(f"cannot write: {exc.strerror or exc}", file=out) from exc


GIFT_BLOCK = re.compile(r"(?<!\\)\{\s*(?:[=~#}]|T\b|F\b|TRUE\b|FALSE\b)", re.IGNORECASE)
AIKEN_ANSWER = re.compile(r"^ANSWER:\s*[A-Z]\s*$", re.MULTILINE)
CODE_FENCE = re.compile(r"^\s*(```|~~~).*?^\s*\1", re.MULTILINE | re.DOTALL)
MARKDOWN_SIGN = re.compile(r"^(?:#{1,6}\s|\s*[-*+]\s+\[[ xX]\]\s)", re.MULTILINE)


def detect_format(text: str) -> ImportFormat | None:
    """Which quiz format TEXT is written in, judged by its content (a GIFT file named .txt is still GIFT)."""
    stripped = text.lstrip()
    if stripped.startswith("{") and '"questions"' in stripped[:200]:
        return ImportFormat.JSON
    prose = CODE_FENCE.sub("", text)  # braces and "#" in code samples say nothing about the format
    hits = {
        ImportFormat.GIFT: len(GIFT_BLOCK.findall(prose)),
        ImportFormat.AIKEN: len(AIKEN_ANSWER.findall(prose)),
        ImportFormat.MARKDOWN: len(MARKDOWN_SIGN.findall(prose)),
    }
    best = max(hits, key=lambda fmt: hits[fmt])  # ties go to the first: GIFT, then Aiken
    return best if hits[best] else None


def import_questions(path: Path, diag: Diagnostics, fmt: ImportFormat | None = None) -> list[Question]:
    """Questions read from a GIFT, Aiken, markdown or JSON file, told apart by content; every problem reported."""
    from lecturekit.quiz.formats import aiken, gift, json_format, markdown

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read: {exc}", file=path) from exc
    text, controls = strip_controls(text.replace("\r\n", "\n"), keep_newlines=True)
    if controls:  # imported text reaches the site and the terminal quiz without passing the cleaner
        diag.warn(path.name, f"control characters taken out: {', '.join(controls)}")
    fmt = fmt or detect_format(text) or SUFFIX_FORMAT.get(path.suffix.lower())
    if fmt is None:
        raise UsageError(
            "unknown quiz format: neither GIFT ({…} answers), Aiken (ANSWER: lines), "
            "markdown (headings, - [x] options) nor lecturekit JSON",
            file=path,
        )
    readers = {
        ImportFormat.GIFT: gift.read,
        ImportFormat.AIKEN: aiken.read,
        ImportFormat.MARKDOWN: markdown.read,
        ImportFormat.JSON: json_format.read,
    }
    questions = readers[fmt](text, path.name, diag)
    if not questions:
        diag.error(path.name, "no questions found (empty quiz)")
    return questions
