"""Quiz file formats, all written from and read into the one Question model."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from lecturekit.errors import Diagnostics, UsageError
from lecturekit.models import Question, QuestionKind


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


SUFFIX_FORMAT = {".gift": ImportFormat.GIFT, ".txt": ImportFormat.AIKEN, ".aiken": ImportFormat.AIKEN,
                 ".md": ImportFormat.MARKDOWN, ".markdown": ImportFormat.MARKDOWN, ".json": ImportFormat.JSON}


def export_questions(questions: list[Question], fmt: ExportFormat, out: Path, title: str, diag: Diagnostics) -> int:
    """Write QUESTIONS to OUT in FMT; return how many were written (the rest skipped with a warning)."""
    if not questions:
        raise UsageError("no questions to export (empty quiz)", file=out)
    from lecturekit.quiz.formats import aiken, anki, gift, json_format, markdown, moodle_xml, qti

    writers = {ExportFormat.GIFT: gift.write, ExportFormat.AIKEN: aiken.write, ExportFormat.MOODLE_XML: moodle_xml.write,
               ExportFormat.QTI: qti.write, ExportFormat.ANKI: anki.write, ExportFormat.JSON: json_format.write,
               ExportFormat.MARKDOWN: markdown.write}
    if fmt in KEYED_FORMATS:
        for question in questions:
            if question.kind is QuestionKind.MCQ and not question.answer:
                diag.warn(str(out), f"{question.id}: exported without an answer key (every option scores 0)")
    if not out.parent.is_dir():
        raise UsageError("the folder to write into does not exist", file=out)
    try:
        return writers[fmt](questions, out, title, diag)
    except OSError as exc:
        raise UsageError(f"cannot write: {exc.strerror or exc}", file=out) from exc


def import_questions(path: Path, diag: Diagnostics, fmt: ImportFormat | None = None) -> list[Question]:
    """Questions read from a GIFT, Aiken, markdown task-list or JSON file; every problem reported."""
    from lecturekit.quiz.formats import aiken, gift, json_format, markdown

    fmt = fmt or SUFFIX_FORMAT.get(path.suffix.lower())
    if fmt is None:
        raise UsageError(f"unknown quiz format (use {', '.join(SUFFIX_FORMAT)})", file=path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read: {exc}", file=path) from exc
    readers = {ImportFormat.GIFT: gift.read, ImportFormat.AIKEN: aiken.read,
               ImportFormat.MARKDOWN: markdown.read, ImportFormat.JSON: json_format.read}
    questions = readers[fmt](text, path.name, diag)
    if not questions:
        diag.error(path.name, "no questions found (empty quiz)")
    return questions


def imported_id(source: str, title: str | None, stem: str) -> tuple[str, str]:
    """(id, lecture) of an imported question: the file's own id when it has one ("lecture/ice-1")."""
    from lecturekit.quiz.merge import stem_hash

    if title and "/" in title and " " not in title.strip():
        return title.strip(), title.strip().rsplit("/", 1)[0]
    lecture = Path(source).stem
    return f"{lecture}/q-{stem_hash(stem)}", lecture
