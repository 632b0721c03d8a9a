"""Check a typed reply to a short-answer, numeric or matching question (terminal quiz; the browser quiz mirrors it)."""

from __future__ import annotations

import re
import string

from lecturekit.models import Question, QuestionKind

TYPED_KINDS = (QuestionKind.SHORT_ANSWER, QuestionKind.NUMERIC, QuestionKind.MATCHING)


def match_choices(question: Question) -> list[str]:
    """The right-hand items of a matching question, in the (sorted, stable) order they are offered as a, b, c …"""
    return sorted({pair.right for pair in question.pairs})


def normalise(text: str) -> str:
    """Case, surrounding space and inner runs of space ignored, as Moodle's short answer does without case."""
    return " ".join(text.casefold().split())


def grade_typed(question: Question, reply: str) -> tuple[bool | None, str | None]:
    """(right?, problem): None for right? with a problem when the reply cannot be read (e.g. not a number)."""
    if question.kind is QuestionKind.SHORT_ANSWER:
        return any(a.weight >= 100 and normalise(a.text) == normalise(reply) for a in question.accepted), None
    if question.kind is QuestionKind.NUMERIC:
        try:
            number = float(reply.strip().replace(",", "."))
        except ValueError:
            return None, f"{reply.strip()!r} is not a number"
        return any(n.weight >= 100 and n.accepts(number) for n in question.numeric), None
    letters = [t for t in re.split(r"[\s,;]+", reply.strip().lower()) if t]
    choices = match_choices(question)
    if len(letters) != len(question.pairs) or any(
        t not in string.ascii_lowercase[: len(choices)] for t in letters
    ):
        return (
            None,
            f"give one letter per row, e.g. {' '.join(string.ascii_lowercase[: len(question.pairs)])}",
        )
    return all(
        choices[string.ascii_lowercase.index(t)] == p.right
        for t, p in zip(letters, question.pairs, strict=True)
    ), None


def typed_prompt(question: Question) -> list[str]:
    """The lines that show a matching question's rows and choices in a terminal."""
    if question.kind is not QuestionKind.MATCHING:
        return ["(type your answer)"]
    rows = [f"  {i}. {p.left}" for i, p in enumerate(question.pairs, 1)]
    offered = [f"  {string.ascii_lowercase[i]}) {right}" for i, right in enumerate(match_choices(question))]
    return [*rows, "Choices:", *offered, "(one letter per row, e.g. b a c)"]


def typed_answer(question: Question) -> str:
    """The key of a true/false, short-answer, numeric or matching question as one line of text ("" for other kinds)."""
    if question.kind is QuestionKind.SHORT_ANSWER:
        return " or ".join(a.text for a in question.accepted if a.weight > 0)
    if question.kind is QuestionKind.NUMERIC:
        return " or ".join(
            f"{n.value:g} ± {n.tolerance:g}" if n.tolerance else f"{n.value:g}" for n in question.numeric
        )
    if question.kind is QuestionKind.MATCHING:
        return "; ".join(f"{p.left} → {p.right}" for p in question.pairs)
    if question.kind is QuestionKind.TRUE_FALSE and question.answer:
        return next((o.text for o in question.options if o.key == question.answer[0]), "")
    return ""


def typed_key(question: Question) -> list:
    """What the browser quiz checks a typed reply against: normalised texts, [low, high] ranges, or the right item per row."""
    if question.kind is QuestionKind.SHORT_ANSWER:
        return [normalise(a.text) for a in question.accepted if a.weight >= 100]
    if question.kind is QuestionKind.NUMERIC:
        return [[n.value - n.tolerance, n.value + n.tolerance] for n in question.numeric if n.weight >= 100]
    return [pair.right for pair in question.pairs]
