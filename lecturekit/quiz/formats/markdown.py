"""Markdown task-list quizzes: a heading per question, `- [x]` / `- [ ]` options, `> ` explanation."""

from __future__ import annotations

import re
from pathlib import Path

from lecturekit.errors import Diagnostics
from lecturekit.models import Option, Question, QuestionKind
from lecturekit.quiz.imported import imported_id
from lecturekit.quiz.parse import ANSWER_LINE, MULTI_SELECT, NOTES_KEY, answer_keys, notes_key, parse_exercise

HEADING = re.compile(r"^#{1,6}\s+(?P<label>.+?)\s*$")
TASK = re.compile(r"^[-*+]\s+\[(?P<mark>[ xX])\]\s+(?P<text>.*)$")
ID_COMMENT = re.compile(r"^<!--\s*id:\s*(?P<id>\S+)\s*-->$")
EXPLANATION = re.compile(r"^>\s?(?P<text>.*)$")
HEADING_QUESTION = re.compile(r"^(?P<label>(?:Q|Question)\s*\d+)[.:)]\s+(?P<text>\S.*)$", re.IGNORECASE)
EXPLANATION_HEAD = re.compile(r"^(?:explanation|solution|reference)s?\s*:", re.IGNORECASE)


def write(questions: list[Question], out: Path, title: str, diag: Diagnostics) -> int:
    """Write QUESTIONS as a markdown quiz that `read` (and people) can read back."""
    out.write_text(dumps(questions, title), encoding="utf-8")
    return len(questions)


def dumps(questions: list[Question], title: str = "Quiz") -> str:
    blocks = [f"# {title}"]
    for question in questions:
        lines = [f"## {question.label}", f"<!-- id: {question.id} -->", "", question.stem, ""]
        lines += [
            f"- [{'x' if o.key in (question.answer or []) else ' '}] {o.text}" for o in question.options
        ]
        if question.explanation:
            lines += ["", *[f"> {line}" for line in question.explanation.splitlines()]]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def read(text: str, source: str, diag: Diagnostics) -> list[Question]:
    """Every question (a heading followed by text and task-list options) in a markdown file."""
    sections: list[tuple[int, str, list[str]]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if found := HEADING.match(line):
            sections.append((number, found["label"], []))
        elif sections:
            sections[-1][2].append(line)
    questions = [_question(label, body, source, line, diag) for line, label, body in sections]
    return [q for q in questions if q is not None]


def _question(label: str, body: list[str], source: str, line: int, diag: Diagnostics) -> Question | None:
    qid = next((m["id"] for text in body if (m := ID_COMMENT.match(text.strip()))), None)
    tasks = [m for text in body if (m := TASK.match(text.strip()))]
    notes = [m["text"] for text in body if (m := EXPLANATION.match(text.strip()))]
    stem_lines = [
        text
        for text in body
        if not (ID_COMMENT.match(text.strip()) or TASK.match(text.strip()) or EXPLANATION.match(text.strip()))
    ]
    first_task = next((i for i, text in enumerate(body) if TASK.match(text.strip())), len(body))
    after = [
        text for text in body[first_task:] if text in stem_lines
    ]  # under the options: a key, a reference, a note
    if tasks:
        stem_lines = [text for text in body[:first_task] if text in stem_lines]
    stem = re.sub(r"\n{3,}", "\n\n", "\n".join(stem_lines)).strip()
    if not stem and not tasks:
        return None  # a title heading, not a question
    flags = []
    if len(tasks) == 1:
        diag.warn(source, f"{label!r} has a single option; kept as a discussion prompt", line)
        stem, tasks, flags = f"{stem}\n\n{tasks[0]['text']}".strip(), [], ["one-option"]
    options = [Option(key=str(i), text=m["text"].strip()) for i, m in enumerate(tasks, 1)]
    answer = [o.key for o, m in zip(options, tasks, strict=True) if m["mark"] != " "]
    explanation = "\n".join(notes).strip() or None
    if not tasks and (written := _written_question(stem_lines)) is not None:
        stem, options, answer, written_explanation = written
        explanation = explanation or written_explanation
    elif tasks and not answer:
        written_keys, written_explanation = _written_key(after, options)
        answer, explanation = written_keys or [], explanation or written_explanation
    if tasks and not explanation and any(text.strip() for text in after):
        explanation = "\n".join(_plain(text) for text in after if text.strip())
    if heading := HEADING_QUESTION.match(
        label
    ):  # "#### Q2. Which layer routes packets?": the heading asks it
        label, stem = heading["label"], f"{heading['text']}\n\n{stem}".strip()
    new_id, lecture = imported_id(source, qid, stem)
    return Question(
        id=new_id,
        lecture=lecture,
        label=label,
        kind=QuestionKind.MCQ if options else QuestionKind.DISCUSSION,
        stem=stem,
        options=options,
        multiple=len(answer) > 1 or bool(MULTI_SELECT.search(stem)),
        answer=answer or None,
        explanation=explanation,
        flags=flags,
    )


def _written_question(lines: list[str]) -> tuple[str, list[Option], list[str], str | None] | None:
    """(stem, options, keys, explanation) of a question written with lettered or numbered options and a written key."""
    key_at = next((i for i, line in enumerate(lines) if _key_line(line)), len(lines))
    parsed = parse_exercise(
        "\n".join(line for line in lines[:key_at] if not EXPLANATION_HEAD.match(_plain(line)))
    )
    if len(parsed.options) < 2:
        return None
    keys, explanation = _written_key(lines, parsed.options)
    return parsed.stem, parsed.options, parsed.answer or keys or [], explanation


def _written_key(lines: list[str], options: list[Option]) -> tuple[list[str] | None, str | None]:
    """The key a line like "Answer: b" or "The correct answer is b) …" names, and the text that explains it."""
    plain = [_plain(line) for line in lines]
    start = next((i for i, line in enumerate(plain) if _key_line(line)), None)
    if start is None:
        return None, None
    found = ANSWER_LINE.match(plain[start])
    if found and (keys := answer_keys(found["value"], options)):
        return keys, "\n".join(plain[start + 1 :]).strip() or None
    return notes_key("\n".join(plain[start:]), options)


def _key_line(line: str) -> bool:
    plain = _plain(line)
    return bool(NOTES_KEY.match(plain) or ANSWER_LINE.match(plain))


def _plain(line: str) -> str:
    """A line without markdown emphasis markers ("**Answer:** b" → "Answer: b")."""
    return re.sub(r"\*\*|__", "", line).strip()
