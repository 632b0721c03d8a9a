"""Markdown task-list quizzes: a heading per question, `- [x]` / `- [ ]` options, `> ` explanation."""

from __future__ import annotations

import re
from pathlib import Path

from lecturekit.errors import Diagnostics
from lecturekit.models import Option, Question, QuestionKind
from lecturekit.quiz.formats import imported_id
from lecturekit.quiz.parse import MULTI_SELECT

HEADING = re.compile(r"^#{1,6}\s+(?P<label>.+?)\s*$")
TASK = re.compile(r"^[-*+]\s+\[(?P<mark>[ xX])\]\s+(?P<text>.*)$")
ID_COMMENT = re.compile(r"^<!--\s*id:\s*(?P<id>\S+)\s*-->$")
EXPLANATION = re.compile(r"^>\s?(?P<text>.*)$")


def write(questions: list[Question], out: Path, title: str, diag: Diagnostics) -> int:
    """Write QUESTIONS as a markdown quiz that `read` (and people) can read back."""
    out.write_text(dumps(questions, title), encoding="utf-8")
    return len(questions)


def dumps(questions: list[Question], title: str = "Quiz") -> str:
    blocks = [f"# {title}"]
    for question in questions:
        lines = [f"## {question.label}", f"<!-- id: {question.id} -->", "", question.stem, ""]
        lines += [f"- [{'x' if o.key in (question.answer or []) else ' '}] {o.text}" for o in question.options]
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
    qid = next((m["id"] for l in body if (m := ID_COMMENT.match(l.strip()))), None)
    tasks = [m for l in body if (m := TASK.match(l.strip()))]
    notes = [m["text"] for l in body if (m := EXPLANATION.match(l.strip()))]
    stem_lines = [l for l in body if not (ID_COMMENT.match(l.strip()) or TASK.match(l.strip()) or EXPLANATION.match(l.strip()))]
    stem = re.sub(r"\n{3,}", "\n\n", "\n".join(stem_lines)).strip()
    if not stem and not tasks:
        return None  # a title heading, not a question
    flags = []
    if len(tasks) == 1:
        diag.warn(source, f"{label!r} has a single option; kept as a discussion prompt", line)
        stem, tasks, flags = f"{stem}\n\n{tasks[0]['text']}".strip(), [], ["one-option"]
    options = [Option(key=str(i), text=m["text"].strip()) for i, m in enumerate(tasks, 1)]
    answer = [o.key for o, m in zip(options, tasks) if m["mark"] != " "]
    new_id, lecture = imported_id(source, qid, stem)
    return Question(
        id=new_id, lecture=lecture, label=label, kind=QuestionKind.MCQ if options else QuestionKind.DISCUSSION,
        stem=stem, options=options, multiple=len(answer) > 1 or bool(MULTI_SELECT.search(stem)),
        answer=answer or None, explanation="\n".join(notes).strip() or None, flags=flags,
    )
