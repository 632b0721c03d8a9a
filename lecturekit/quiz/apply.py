"""Check answer keys against the questions and overlay them: every problem reported, valid keys applied."""

from __future__ import annotations

from lecturekit.errors import Diagnostics
from lecturekit.models import AcceptedAnswer, Lecture, NumericAnswer, Option, Question, QuestionKind
from lecturekit.quiz.grading import TYPED_KINDS
from lecturekit.quiz.markers import read_option
from lecturekit.quiz.model import AnswerEntry, AnswerFile
from lecturekit.suggest import did_you_mean


def apply_answers(
    questions: list[Question], keys: AnswerFile, lectures: list[Lecture], diag: Diagnostics
) -> list[Question]:
    """Questions with keys, explanations, review slides and feedback from KEYS; problems go to DIAG."""
    by_id = {q.id: q for q in questions}
    slide_ids = {s.id for lecture in lectures for s in lecture.slides}
    keyed: dict[str, Question] = {}
    for entry in keys.entries:
        question = by_id.get(entry.id)
        if question is None:
            diag.error(
                keys.path, f"key for unknown question {entry.id!r}{did_you_mean(entry.id, by_id)}", entry.line
            )
            continue
        keyed[entry.id] = _apply(question, entry, keys.path, slide_ids, diag)
    result = [keyed.get(q.id, q) for q in questions]
    for question in result:
        if question.unkeyed:
            diag.warn(
                keys.path, f"{question.id} ({question.label}): no answer key yet (practice, key pending)"
            )
    return result


def _apply(
    question: Question, entry: AnswerEntry, path: str, slide_ids: set[str], diag: Diagnostics
) -> Question:
    update: dict[str, object] = {}
    kind = entry.kind or question.kind
    if kind in TYPED_KINDS or entry.kind is QuestionKind.TRUE_FALSE:
        update.update(typed_update(question, entry, kind, path, diag))
        question = question.model_copy(update=update)
        entry = entry.model_copy(update={"answer": None})
    if entry.weights:
        options = _weighted(question, entry, path, diag)
        positive = [o.key for o in options if (o.weight or 0) > 0]
        update.update(options=options, multiple=question.multiple or len(positive) > 1)
        question = question.model_copy(update=update)
        if entry.answer is None and positive:
            update["answer"] = positive
    if entry.answer is not None:
        answer = resolve_keys(question, entry.answer, path, entry.answer_line, diag)
        if answer is not None:
            update["answer"] = answer
    if entry.explanation is not None:
        update["explanation"] = entry.explanation
    if entry.stem is not None:
        update["stem"] = entry.stem
    if entry.review is not None:
        if slide_ids and entry.review not in slide_ids:
            hint = did_you_mean(entry.review, slide_ids)
            diag.warn(
                path,
                f"{entry.id}: review slide {entry.review!r} is not a slide of this course{hint}",
                entry.line,
            )
        update["review_slide"] = entry.review
    if entry.feedback:
        update["options"] = _with_feedback(question.model_copy(update=update), entry, path, diag)
    if update.get("answer") or update.get("accepted") or update.get("numeric") or update.get("pairs"):
        update["key_source"] = "answers.toml"
    return question.model_copy(update=update)


def resolve_keys(
    question: Question, written: list[str], path: str, line: int | None, diag: Diagnostics
) -> list[str] | None:
    """Option keys for WRITTEN (keys like "2", "b", "②", or option texts); None after reporting a problem."""
    if question.kind is QuestionKind.DISCUSSION:
        diag.error(
            path, f"{question.id} is a discussion prompt: it takes an explanation, not an answer", line
        )
        return None
    keys: list[str] = []
    for item in written:
        key = option_key(question, item)
        if key is None:
            shown = ", ".join(f"{o.key}={o.text!r}" for o in question.options)
            diag.error(path, f"{question.id}: option {item!r} does not exist (options: {shown})", line)
            return None
        keys.append(key)
    keys = sorted(set(keys), key=lambda k: [o.key for o in question.options].index(k))
    if len(keys) > 1 and not question.multiple:
        diag.error(
            path, f"{question.id}: {len(keys)} answers on a single-answer question ({', '.join(keys)})", line
        )
        return None
    return keys


def option_key(question: Question, item: str) -> str | None:
    """The key of the option ITEM names: its key, its position as a letter/circled digit, or its text."""
    keys = [o.key for o in question.options]
    if item in keys:
        return item
    marker = read_option(f"{item}) x") or read_option(f"{item} x")
    if marker is not None and marker.index is not None and 1 <= marker.index <= len(keys) and len(item) <= 2:
        return keys[marker.index - 1]
    for option in question.options:
        if option.text.casefold() == item.casefold():
            return option.key
    return None


def _with_feedback(question: Question, entry: AnswerEntry, path: str, diag: Diagnostics) -> list:
    options = list(question.options)
    for item in entry.feedback:
        key = option_key(question, item.key)
        if key is None:
            diag.error(
                path, f"{entry.id}: feedback for option {item.key!r}, which does not exist", entry.line
            )
            continue
        index = [o.key for o in options].index(key)
        options[index] = options[index].model_copy(update={"feedback": item.feedback})
    return options


def typed_update(
    question: Question, entry: AnswerEntry, kind: QuestionKind, path: str, diag: Diagnostics
) -> dict[str, object]:
    """The fields a typed key sets: true/false options and key, accepted texts, numbers with tolerance, pairs."""
    update: dict[str, object] = {"kind": kind, "multiple": False}
    written = entry.answer or []
    if kind is QuestionKind.TRUE_FALSE:
        update["options"] = [Option(key="1", text="True"), Option(key="2", text="False")]
        truth = {"true": "1", "t": "1", "1": "1", "false": "2", "f": "2", "2": "2"}
        keys = [truth.get(item.casefold()) for item in written]
        if written and (len(keys) != 1 or keys[0] is None):
            diag.error(
                path,
                f"{question.id}: a true/false answer is true or false, not {written!r}",
                entry.answer_line,
            )
        elif keys:
            update["answer"] = keys
    elif kind is QuestionKind.SHORT_ANSWER:
        update.update(options=[], answer=None, accepted=[AcceptedAnswer(text=item) for item in written])
    elif kind is QuestionKind.NUMERIC:
        update.update(options=[], answer=None, numeric=_numbers(question, entry, path, diag))
    else:
        update.update(options=[], answer=None, pairs=list(entry.pairs))
        if not entry.pairs:
            diag.error(
                path, f'{question.id}: a matching question needs pairs = {{ left = "right" }}', entry.line
            )
    return update


def _numbers(question: Question, entry: AnswerEntry, path: str, diag: Diagnostics) -> list[NumericAnswer]:
    if entry.range is not None:
        low, high = entry.range
        return [NumericAnswer(value=(low + high) / 2, tolerance=(high - low) / 2, as_range=True)]
    numbers = []
    for item in entry.answer or []:
        try:
            numbers.append(NumericAnswer(value=float(item), tolerance=entry.tolerance or 0.0))
        except ValueError:
            diag.error(path, f"{question.id}: numeric answer {item!r} is not a number", entry.answer_line)
    return numbers


def _weighted(question: Question, entry: AnswerEntry, path: str, diag: Diagnostics) -> list:
    """Options with the partial-credit weights of answers.toml; unnamed options weigh 0 (a wrong tick costs nothing)."""
    weights: dict[str, float] = {}
    for item in entry.weights:
        key = option_key(question, item.key)
        if key is None:
            diag.error(path, f"{entry.id}: weight for option {item.key!r}, which does not exist", entry.line)
            continue
        weights[key] = item.weight or 0.0
    return [o.model_copy(update={"weight": weights.get(o.key, 0.0)}) for o in question.options]
