"""The terminal quiz: ask, check, explain, point to the slide; works with answers piped on stdin."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from enum import Enum
from pathlib import Path

from pydantic import Field

from lecturekit.cache import default_cache_dir
from lecturekit.controls import for_terminal
from lecturekit.errors import Diagnostics, UsageError
from lecturekit.models import Course, Model, Question, QuestionKind
from lecturekit.quiz.apply import option_key
from lecturekit.quiz.grading import TYPED_KINDS, grade_typed, typed_answer, typed_prompt
from lecturekit.quiz.text import to_terminal

HISTORY_FILE = "quiz-history.json"
MAX_TRIES = 3


class TakeOptions(Model):
    """Which questions, in which order."""

    lecture: str | None = None
    shuffle: bool = False
    wrong_first: bool = False
    seed: int = 0
    history: str | None = None  # path of the right/wrong history (default: in the cache folder)


class Unscored(str, Enum):
    """Why an answered question does not count towards the score."""

    DISCUSSION = "discussion prompt"
    SKIPPED = "skipped"
    KEY_PENDING = "key pending"


class Attempt(Model):
    question: str
    given: list[str] = Field(default_factory=list)
    correct: bool | None = None  # None: not scored (see unscored)
    unscored: Unscored | None = None


class QuizResult(Model):
    attempts: list[Attempt] = Field(default_factory=list)
    not_answered: int = 0  # questions never answered because the input ended

    @property
    def right(self) -> int:
        return sum(1 for a in self.attempts if a.correct)

    @property
    def scored(self) -> int:
        return sum(1 for a in self.attempts if a.correct is not None)


class History(Model):
    """Last result per question id, for --wrong-first."""

    last: dict[str, bool] = Field(default_factory=dict)


def history_path(options: TakeOptions) -> Path:
    return Path(options.history) if options.history else default_cache_dir() / HISTORY_FILE


def load_history(path: Path) -> History:
    try:
        return History.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return History()


def save_history(path: Path, history: History, result: QuizResult) -> None:
    last = dict(history.last)
    last.update({a.question: a.correct for a in result.attempts if a.correct is not None})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(History(last=dict(sorted(last.items()))).model_dump_json(indent=1), encoding="utf-8")


def choose_questions(
    course: Course, options: TakeOptions, history: History, diag: Diagnostics
) -> list[Question]:
    """The questions to ask: one lecture's or all, shuffled with a fixed seed, past mistakes first."""
    questions = [q for q in course.questions if options.lecture in (None, q.lecture)]
    if options.lecture and not questions:
        known = sorted({q.lecture for q in course.questions})
        raise UsageError(
            f"no questions for lecture {options.lecture!r} (lectures with questions: {', '.join(known)})",
            file=course.root,
        )
    if options.shuffle:
        random.Random(options.seed).shuffle(questions)
    if options.wrong_first:
        rank = {False: 0, None: 1, True: 2}
        questions.sort(key=lambda q: rank[history.last.get(q.id)])
    return questions


def run_quiz(
    course: Course,
    questions: list[Question],
    ask: Callable[[str], str | None],
    say: Callable[[str], None],
    ansi: bool = False,
) -> QuizResult:
    """Ask each question through ASK (None = input ended), report through SAY (ANSI strike-through when ANSI)."""
    result = QuizResult()
    say = _striking(say, ansi)
    for number, question in enumerate(questions, 1):
        say(_render(question, number, len(questions)))
        attempt = _attempt(question, ask, say)
        if attempt is None:
            say("(input ended)")
            result.not_answered = len(questions) - number + 1
            break
        result.attempts.append(attempt)
        say(_verdict(course, question, attempt))
    say(f"Score: {result.right}/{result.scored}" + _unscored_note(result))
    return result


def _striking(say: Callable[[str], None], ansi: bool) -> Callable[[str], None]:
    return lambda text: say(to_terminal(for_terminal(text), ansi))  # escapes in the text first, then our own


def _render(question: Question, number: int, total: int) -> str:
    lines = [f"\n[{number}/{total}] {question.label} — lecture {question.lecture}", question.stem]
    lines += [f"  {o.key}) {o.text}" for o in question.options]
    if question.kind in TYPED_KINDS:
        lines += typed_prompt(question)
    if question.multiple:
        lines.append("(select all that apply: give every key, e.g. 1,3)")
    return "\n".join(lines)


def _attempt(
    question: Question, ask: Callable[[str], str | None], say: Callable[[str], None]
) -> Attempt | None:
    if question.kind is QuestionKind.DISCUSSION:
        reply = ask("Your thoughts (Enter to go on)")
        return None if reply is None else Attempt(question=question.id, unscored=Unscored.DISCUSSION)
    for _ in range(MAX_TRIES):
        reply = ask("Your answer")
        if reply is None:
            return None
        if question.kind in TYPED_KINDS:
            right, problem = grade_typed(question, reply) if reply.strip() else (None, None)
            if problem is None:
                return _typed_attempt(question, reply, right)
            say(problem)
            continue
        given, problem = read_answer(question, reply)
        if problem is None:
            return _scored(question, given)
        say(problem)
    return Attempt(question=question.id, unscored=Unscored.SKIPPED)


def _typed_attempt(question: Question, reply: str, right: bool | None) -> Attempt:
    if not reply.strip():
        return Attempt(question=question.id, unscored=Unscored.SKIPPED)
    if question.unkeyed:
        return Attempt(question=question.id, given=[reply.strip()], unscored=Unscored.KEY_PENDING)
    return Attempt(question=question.id, given=[reply.strip()], correct=right)


def _scored(question: Question, given: list[str]) -> Attempt:
    if not given:
        return Attempt(question=question.id, unscored=Unscored.SKIPPED)
    if question.answer is None:
        return Attempt(question=question.id, given=given, unscored=Unscored.KEY_PENDING)
    return Attempt(question=question.id, given=given, correct=sorted(given) == sorted(question.answer))


def read_answer(question: Question, reply: str) -> tuple[list[str], str | None]:
    """Option keys in a reply like "2", "1,3", "b d"; or a message saying what is wrong with it."""
    tokens = [t for t in re.split(r"[\s,;]+", reply.strip()) if t]
    keys = []
    for token in tokens:
        key = option_key(question, token)
        if key is None:
            return [], f"{token!r} is not an option ({', '.join(o.key for o in question.options)})"
        keys.append(key)
    if len(set(keys)) > 1 and not question.multiple:
        return [], "choose one answer"
    return sorted(set(keys), key=[o.key for o in question.options].index), None


def _verdict(course: Course, question: Question, attempt: Attempt) -> str:
    if question.kind is QuestionKind.DISCUSSION:
        lines = ["(discussion prompt: not scored)"]
    elif not attempt.given:
        lines = ["(skipped)"]
    elif attempt.correct is None:
        lines = ["Key pending: this is a practice question without an answer key yet."]
    else:
        right = typed_answer(question) or ", ".join(
            f"{k}) {_option_text(question, k)}" for k in question.answer or []
        )
        lines = ["Right!" if attempt.correct else f"Wrong — the answer is {right}"]
    if question.explanation:
        lines.append(question.explanation)
    if question.review_slide:
        lines.append(review_line(course, question.review_slide))
    return "\n".join(lines)


def _option_text(question: Question, key: str) -> str:
    return next((o.text for o in question.options if o.key == key), "")


def review_line(course: Course, slide_id: str) -> str:
    """'Review slide 12 of lecture 2026-01-14 ("Understanding Batch Size")'."""
    lecture_id = slide_id.rpartition("/")[0]
    for lecture in course.lectures:
        for number, slide in enumerate(lecture.slides, start=1):
            if slide.id == slide_id:
                return f'Review slide {number} of lecture {lecture_id} ("{slide.title}")'
    return f"Review slide {slide_id}"


def _unscored_note(result: QuizResult) -> str:
    """ " (not scored: 1 discussion prompt, 1 skipped; 2 not answered)" — each count said apart."""
    counts = [(why, sum(1 for a in result.attempts if a.unscored is why)) for why in Unscored]
    parts = []
    if any(count for _, count in counts):
        parts.append("not scored: " + ", ".join(f"{count} {why.value}" for why, count in counts if count))
    if result.not_answered:
        parts.append(f"{result.not_answered} not answered")
    return f" ({'; '.join(parts)})" if parts else ""
