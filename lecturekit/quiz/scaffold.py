"""Write an answers.toml skeleton: each unkeyed question's stem and options as comments, never touching existing keys."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from pathlib import Path

import tomli_w

from lecturekit.errors import AnswerKeyError
from lecturekit.models import Course, Question, QuestionKind, Slide, SlideKind

HEADER = """\
# Answer keys for this course, one table per question id (lecturekit quiz keys --scaffold).
# answer: option keys (["2"], or ["1", "3"] for select-all) or option texts; leave [] while pending.
# explanation: a paragraph shown after answering; review: the id of the slide that teaches it.
# stem (optional): your wording of the question, replacing the slide's (write math as $TeX$).
# kind (optional): "true-false" (answer = true), "short-answer" (answer = ["Mars", "the red planet"]),
#   "numeric" (answer = 9.81 with tolerance = 0.05, or range = [1, 5]), "matching" (pairs = { newton = "force" }).
# weights (optional): partial credit per option of a select-all question, e.g. weights = { "1" = 50, "2" = 50, "3" = -100 }.
"""


def scaffold_answers(course: Course, path: Path) -> int:
    """Append a skeleton entry to PATH for every question it lacks; return how many were added."""
    existing = _existing_ids(path)
    pending = [q for q in course.questions if q.id not in existing and q.unkeyed]
    if not pending:
        return 0
    text = path.read_text(encoding="utf-8") if path.is_file() else HEADER
    blocks = [skeleton(q, review_candidates(course, q)) for q in pending]
    path.write_text(text.rstrip("\n") + "\n\n" + "\n\n".join(blocks) + "\n", encoding="utf-8")
    return len(pending)


def _existing_ids(path: Path) -> set[str]:
    if not path.is_file():
        return set()
    try:
        return set(tomllib.loads(path.read_text(encoding="utf-8")))
    except tomllib.TOMLDecodeError as exc:
        raise AnswerKeyError(f"not valid TOML, fix it before scaffolding: {exc}", file=path) from exc


def review_candidates(course: Course, question: Question, before: int = 3, after: int = 1) -> list[Slide]:
    """The content slides just before (and after) the slide asking QUESTION: where its answer is likely taught."""
    slides = next((lecture.slides for lecture in course.lectures if lecture.id == question.lecture), [])
    ids = [slide.id for slide in slides]
    if question.slide not in ids:
        return []
    at = ids.index(question.slide)
    near = slides[max(0, at - before) : at + after + 1]
    return [slide for slide in near if slide.id != question.slide and slide.kind is SlideKind.CONTENT]


def skeleton(question: Question, candidates: Sequence[Slide] = ()) -> str:
    """One commented entry: label, stem and options, review candidates as comments, then the fields to fill in."""
    comments = [
        f"{question.label} ({question.kind.value}{', select all that apply' if question.multiple else ''})"
    ]
    comments += [line for line in question.stem.splitlines() if line.strip()]
    comments += [f"  {o.key}) {o.text}" for o in question.options]
    if question.slide:
        comments.append(f"asked on slide {question.slide}")
    if candidates:
        comments.append("review candidates (slides near it; `lecturekit slides` lists them all):")
        comments += [f"  {slide.id}  {slide.title}" for slide in candidates]
    lines = [f"# {line}" for line in comments]
    lines.append(f"[{_toml_key(question.id)}]")
    if question.kind is QuestionKind.MCQ:
        lines.append('answer = []  # e.g. ["2"]')
    lines += [
        'explanation = ""',
        f'review = ""  # a slide id, e.g. "{question.slide or question.lecture + "/<slide-title>"}"',
    ]
    return "\n".join(lines)


def _toml_key(key: str) -> str:
    return tomli_w.dumps({key: 0}).split(" = ", 1)[0]
