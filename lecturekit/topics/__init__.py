"""Topics: the taxonomy, the spaCy matcher that tags slides and questions, and the runnable examples."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from lecturekit.course import CourseConfig, topics_file
from lecturekit.errors import Diagnostics
from lecturekit.models import Course, Diagnostic, Example, Model, Topic
from lecturekit.topics.examples import course_examples_dir, discover, examples_dir, run_all, to_notebook
from lecturekit.topics.selection import (
    add_course_topics,
    keep_tags,
    linked_examples,
    resolve_declared,
    taught,
)
from lecturekit.topics.taxonomy import check_references, load_shipped, merge_topics

RUN_EXAMPLES_ENV = "LECTUREKIT_RUN_EXAMPLES"  # "0" leaves examples un-run (output empty), for quick loads

__all__ = [
    "PreparedExamples",
    "link_examples",
    "load_topics",
    "prepare_examples",
    "tag_course",
    "to_notebook",
]


def load_topics(root: Path | None, config: CourseConfig, diag: Diagnostics) -> list[Topic]:
    """The shipped taxonomy with the course's topics.toml (if any) applied."""
    topics = load_shipped()
    path = topics_file(root, config) if root is not None else None
    if path is not None and path.is_file():
        topics = merge_topics(topics, path, diag)
    return topics


def link_examples(
    topics: list[Topic], examples: list[Example], taxonomy_file: str, diag: Diagnostics
) -> list[Topic]:
    """Each topic's examples: the ones its taxonomy entry names first, then those whose docstring declares it."""
    ids = {topic.id for topic in topics}
    for example in examples:
        for unknown in sorted(set(example.topics) - ids):
            diag.warn(example.path, f"example {example.name!r} declares unknown topic {unknown!r}")
    if examples:  # with no examples folder at all, discover() has said so once already
        topics = check_references(topics, {e.name for e in examples}, taxonomy_file, diag)
    else:
        topics = [t.model_copy(update={"examples": []}) for t in topics]
    linked = []
    for topic in topics:
        declaring = sorted(
            (e for e in examples if topic.id in e.topics), key=lambda e: (e.topics.index(topic.id), e.name)
        )
        names = list(topic.examples) + [e.name for e in declaring if e.name not in topic.examples]
        linked.append(topic.model_copy(update={"examples": names}))
    return linked


class PreparedExamples(Model):
    """The examples found and run, with the messages finding and running them gave (replayed in order)."""

    examples: list[Example]
    found: list[Diagnostic]  # from discovering the examples folder
    ran: list[Diagnostic]  # from running them


def prepare_examples(root: Path | None, jobs: int = 2, run: bool = True) -> PreparedExamples:
    """Discover the examples and, with RUN, run them (unless LECTUREKIT_RUN_EXAMPLES=0); needs only the course folder.

    It depends on no other stage, so the pipeline may run it in the background while it cleans.
    """
    found, ran = Diagnostics(), Diagnostics()
    examples = discover(examples_dir(), found)
    own = discover(course_examples_dir(root), found) if course_examples_dir(root) else []
    # The course's own example wins over a shipped one of the same name.
    examples = [e for e in examples if e.name not in {o.name for o in own}] + own
    if run and os.environ.get(RUN_EXAMPLES_ENV, "1") != "0":
        examples = run_all(examples, root, ran, jobs=jobs)
    return PreparedExamples(examples=examples, found=found.items, ran=ran.items)


def tag_course(
    course: Course,
    root: Path | None,
    config: CourseConfig,
    diag: Diagnostics,
    prepared: Callable[[], PreparedExamples] | None = None,
) -> Course:
    """Fill Course.topics and Course.examples and tag every slide and question with topics.

    PREPARED gives the examples when they were started elsewhere (the pipeline runs them in the
    background); it is asked for only after tagging, which needs the topics' aliases alone.
    """
    from lecturekit.topics.tagcache import CachedTagger  # spaCy loads only when a text is not cached
    from lecturekit.topics.tagging import tag_lectures, tag_questions

    known = load_topics(root, config, diag)
    tagger = CachedTagger(known)
    lectures, questions = tag_lectures(tagger, course.lectures), tag_questions(tagger, course.questions)
    topics, lectures, questions = add_course_topics(known, lectures, questions)
    examples = prepared() if prepared is not None else prepare_examples(root)
    diag.extend(examples.found)
    found = resolve_declared(examples.examples, topics)
    topics = link_examples(topics, found, str(topics_file(root, config)) if root else "taxonomy.toml", diag)
    diag.extend(examples.ran)
    # Only now, links checked against every known topic: the topics the slides give evidence for.
    shipped = {t.id for t in load_shipped()}
    topics = taught(topics, lectures, shipped)
    for missing in sorted({t.id for t in known} - shipped - {t.id for t in topics}):
        diag.warn(
            topics_file(root, config) if root else "topics.toml",
            f"topic {missing!r}: no slide names it in its title or twice in its text; it gets no page",
        )
    lectures, questions = keep_tags(lectures, questions, topics)
    own = {
        e.name
        for e in found
        if course_examples_dir(root) and Path(e.path).parent == course_examples_dir(root)
    }
    return course.model_copy(
        update={
            "topics": topics,
            "examples": linked_examples(found, topics, own),
            "lectures": lectures,
            "questions": questions,
        }
    )
