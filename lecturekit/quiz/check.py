"""`lecturekit check`: which questions are unkeyed, ambiguous or garbled, as one line each."""

from __future__ import annotations

from enum import Enum

from lecturekit.models import Course, Model, Question, QuestionKind


class QuestionStatus(str, Enum):
    OK = "ok"
    UNKEYED = "unkeyed"  # practice, key pending
    AMBIGUOUS = "ambiguous"
    GARBLED = "garbled"
    ONE_OPTION = "one option"  # read as a discussion prompt; its lone option is in the stem
    DISCUSSION = "discussion"


class CheckRow(Model):
    question: str
    label: str
    statuses: list[QuestionStatus]


FLAG_STATUS = (
    ("ambiguous", QuestionStatus.AMBIGUOUS),
    ("garbled", QuestionStatus.GARBLED),
    ("one-option", QuestionStatus.ONE_OPTION),
)


def question_statuses(question: Question) -> list[QuestionStatus]:
    """Everything an instructor should look at in one question (OK when nothing)."""
    found = []
    if question.unkeyed:
        found.append(QuestionStatus.UNKEYED)
    for flag, status in FLAG_STATUS:
        if flag in question.flags:
            found.append(status)
    if question.kind is QuestionKind.DISCUSSION and not found:
        found.append(QuestionStatus.DISCUSSION)
    return found or [QuestionStatus.OK]


def check_course(course: Course) -> list[CheckRow]:
    return [CheckRow(question=q.id, label=q.label, statuses=question_statuses(q)) for q in course.questions]


def format_rows(rows: list[CheckRow]) -> str:
    """One line per question and a summary line."""
    width = max((len(r.question) for r in rows), default=0)
    lines = [f"{r.question:<{width}}  {', '.join(s.value for s in r.statuses):<20} {r.label}" for r in rows]
    lines.append(f"{len(rows)} question(s), {needing_attention(rows)} needing attention")
    return "\n".join(lines)


def needing_attention(rows: list[CheckRow]) -> int:
    """How many questions have a status other than OK or a plain discussion prompt."""
    return sum(1 for r in rows if set(r.statuses) - {QuestionStatus.OK, QuestionStatus.DISCUSSION})
