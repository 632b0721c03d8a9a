"""The topic → slides / questions / examples table of a course, its coverage gaps, and `lecturekit run` lookup."""

from __future__ import annotations

import json

from pydantic import Field

from lecturekit.errors import UsageError
from lecturekit.models import Course, Example, Model, Topic
from lecturekit.topics.keyphrases import slug
from lecturekit.topics.spelling import spelling_variants


class TopicRow(Model):
    """One topic and everything in the course that is about it (slides and questions best first)."""

    id: str
    name: str
    slides: list[str] = Field(default_factory=list)
    questions: list[str] = Field(default_factory=list)
    examples: list[str] = Field(default_factory=list)


class Coverage(Model):
    """Gaps worth an instructor's look."""

    taught_without_example: list[str] = Field(default_factory=list)  # topic ids on slides with no example
    examples_not_in_slides: list[str] = Field(default_factory=list)  # example names no slide's topics reach


def topic_rows(course: Course) -> list[TopicRow]:
    """Every topic of the course with the ids of its slides, questions and examples."""
    slide_hits: dict[str, list[tuple[float, str]]] = {t.id: [] for t in course.topics}
    for lecture in course.lectures:
        for slide in lecture.slides:
            for tag in slide.topics:
                slide_hits.setdefault(tag.topic, []).append((tag.score, slide.id))
    question_hits: dict[str, list[tuple[float, str]]] = {t.id: [] for t in course.topics}
    for question in course.questions:
        for tag in question.topics:
            question_hits.setdefault(tag.topic, []).append((tag.score, question.id))

    def best_first(hits: list[tuple[float, str]]) -> list[str]:
        return [ident for _, ident in sorted(hits, key=lambda hit: (-hit[0], hit[1]))]

    return [
        TopicRow(
            id=t.id,
            name=t.name,
            slides=best_first(slide_hits[t.id]),
            questions=best_first(question_hits[t.id]),
            examples=list(t.examples),
        )
        for t in course.topics
    ]


def coverage(course: Course, rows: list[TopicRow]) -> Coverage:
    taught = {row.id for row in rows if row.slides}
    return Coverage(
        taught_without_example=[row.id for row in rows if row.slides and not row.examples],
        examples_not_in_slides=[
            e.name for e in course.examples if not taught & set(_example_topics(e, course.topics))
        ],
    )


def _example_topics(example: Example, topics: list[Topic]) -> list[str]:
    return [t.id for t in topics if example.name in t.examples]


def to_json(rows: list[TopicRow], gaps: Coverage) -> str:
    """{"topics": [{"id", "name", "slides", "questions", "examples"}], "coverage": {...}} as stable JSON."""
    return json.dumps(
        {"topics": [row.model_dump() for row in rows], "coverage": gaps.model_dump()},
        indent=2,
        ensure_ascii=False,
    )


def to_table(rows: list[TopicRow], gaps: Coverage) -> str:
    """A plain-text table, one topic a line, then the coverage flags."""
    width = max([len(row.id) for row in rows] + [5])
    lines = [f"{'topic':{width}}  slides  questions  examples"]
    for row in rows:
        flag = "  ! no example" if row.id in gaps.taught_without_example else ""
        lines.append(
            f"{row.id:{width}}  {len(row.slides):6d}  {len(row.questions):9d}  "
            f"{', '.join(row.examples) or '-'}{flag}"
        )
    if gaps.taught_without_example:
        lines.append(f"\ntaught in the slides but no example: {', '.join(gaps.taught_without_example)}")
    if gaps.examples_not_in_slides:
        lines.append(f"examples no slide mentions: {', '.join(gaps.examples_not_in_slides)}")
    return "\n".join(lines)


def resolve_example(name: str, topics: list[Topic], examples: list[Example]) -> Example:
    """The example NAME means: an example's name, the first example of a topic, or one that declares that topic."""
    wanted = name.strip().lower()
    by_name = {e.name.lower(): e for e in examples}
    if wanted in by_name or wanted.replace("-", "_") in by_name:
        return by_name.get(wanted) or by_name[wanted.replace("-", "_")]
    exampleless = None
    for topic in topics:
        spellings = {topic.id} | {v.lower() for alias in topic.aliases for v in spelling_variants(alias)}
        if wanted in spellings or wanted.replace("_", "-") in spellings:
            if topic.examples:
                return by_name[topic.examples[0].lower()]
            exampleless = topic
    # A course's own topic ("# Topics: merge sort") is in no taxonomy: the examples say it themselves.
    declaring = [e for e in examples if slug(wanted) in {slug(t) for t in e.topics}]
    if declaring:
        return declaring[0]
    if exampleless is not None:
        raise UsageError(f"topic {exampleless.id!r} has no runnable example yet")
    known = ", ".join(sorted(by_name))
    raise UsageError(f"no example or topic called {name!r}; examples: {known}")
