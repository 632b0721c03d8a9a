"""Aiken: one-line stem, lettered options, ANSWER line; single-answer questions only."""

from __future__ import annotations

import re
import string
from pathlib import Path

from lecturekit.errors import Diagnostics
from lecturekit.models import Option, Question, QuestionKind
from lecturekit.quiz.imported import imported_id
from lecturekit.quiz.text import from_plain, to_plain

OPTION = re.compile(r"^(?P<letter>[A-Z])[.)]\s+(?P<text>\S.*)$")
ANSWER = re.compile(r"^ANSWER:\s*(?P<letter>[A-Z])\s*$")
LETTERS = string.ascii_uppercase


def write(questions: list[Question], out: Path, title: str, diag: Diagnostics) -> int:
    """Write the keyed single-answer questions; others are skipped with a warning each."""
    blocks = []
    for question in questions:
        if reason := _unsupported(question):
            diag.warn(str(out), f"{question.id} skipped in Aiken export: {reason}")
            continue
        blocks.append(_block(question))
    out.write_text("\n\n".join(blocks) + ("\n" if blocks else ""), encoding="utf-8")
    return len(blocks)


def _unsupported(question: Question) -> str | None:
    if question.kind is QuestionKind.DISCUSSION:
        return "a discussion prompt has no options"
    if question.kind not in (QuestionKind.MCQ, QuestionKind.TRUE_FALSE):
        return f"Aiken has no {question.kind.value} questions (GIFT, Moodle XML and QTI carry them)"
    if question.multiple:
        return "Aiken has no multi-select questions"
    if not question.answer:
        return "no answer key yet"
    if len(question.options) > len(LETTERS):
        return "too many options"
    return None


def _block(question: Question) -> str:
    lines = [to_plain(question.stem)]
    lines += [f"{LETTERS[i]}. {to_plain(o.text)}" for i, o in enumerate(question.options)]
    keys = [o.key for o in question.options]
    # keyed: _unsupported checked
    lines.append(f"ANSWER: {LETTERS[keys.index((question.answer or [keys[0]])[0])]}")
    return "\n".join(lines)


def read(text: str, source: str, diag: Diagnostics) -> list[Question]:
    """Every question of an Aiken file; each malformed one is reported with its line and skipped."""
    questions: list[Question] = []
    options: list[Option] = []
    stem: str | None = None
    start = 0
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if stem is None:
            stem, options, start = line, [], number
        elif found := OPTION.match(line):
            options.append(Option(key=str(len(options) + 1), text=from_plain(found["text"])))
        elif found := ANSWER.match(line):
            if question := _finish(stem, options, found["letter"], source, start, number, diag):
                questions.append(question)
            stem = None
        else:
            diag.error(source, f"expected an option 'A. …' or 'ANSWER: X', got {line[:40]!r}", number)
    if stem is not None:
        diag.error(source, "question without an ANSWER line; skipped", start)
    return questions


def _finish(
    stem: str, options: list[Option], letter: str, source: str, start: int, line: int, diag: Diagnostics
) -> Question | None:
    if len(options) < 2:
        diag.error(
            source, f"question has {len(options)} option(s); an Aiken question needs at least two", start
        )
        return None
    index = LETTERS.index(letter)
    if index >= len(options):
        diag.error(source, f"ANSWER: {letter} names no option (options A–{LETTERS[len(options) - 1]})", line)
        return None
    text = from_plain(stem)
    qid, lecture = imported_id(source, None, text)
    return Question(
        id=qid,
        lecture=lecture,
        label=qid.rsplit("/", 1)[1],
        kind=QuestionKind.MCQ,
        stem=text,
        options=options,
        answer=[str(index + 1)],
    )
