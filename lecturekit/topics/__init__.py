"""Topics: the taxonomy, the spaCy matcher that tags slides and questions, and the runnable examples."""

from __future__ import annotations

import os
from pathlib import Path

from lecturekit.course import CourseConfig
from lecturekit.errors import Diagnostics
from lecturekit.models import Course, Example, Topic
from lecturekit.topics.examples import discover, examples_dir, run_all
from lecturekit.topics.taxonomy import check_references, load_shipped, merge_topics

RUN_EXAMPLES_ENV = "LECTUREKIT_RUN_EXAMPLES"  # "0" leaves examples un-run (output empty), for quick loads

__all__ = ["tag_course", "load_topics", "link_examples"]


def load_topics(root: Path | None, config: CourseConfig, diag: Diagnostics) -> list[Topic]:
    """The shipped taxonomy with the course's topics.toml (if any) applied."""
    topics = load_shipped()
    path = root / config.topics if root is not None else None
    if path is not None and path.is_file():
        topics = merge_topics(topics, path, diag)
    return topics


def link_examples(topics: list[Topic], examples: list[Example], taxonomy_file: str, diag: Diagnostics) -> list[Topic]:
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
        declaring = sorted((e for e in examples if topic.id in e.topics), key=lambda e: (e.topics.index(topic.id), e.name))
        names = list(topic.examples) + [e.name for e in declaring if e.name not in topic.examples]
        linked.append(topic.model_copy(update={"examples": names}))
    return linked


def tag_course(course: Course, root: Path | None, config: CourseConfig, diag: Diagnostics) -> Course:
    """Fill Course.topics and Course.examples and tag every slide and question with topics."""
    from lecturekit.topics.matcher import TopicMatcher  # spaCy loads only when tagging
    from lecturekit.topics.tagging import tag_lectures, tag_question

    topics = load_topics(root, config, diag)
    examples = discover(examples_dir(), diag)
    topics = link_examples(topics, examples, str(root / config.topics) if root else "taxonomy.toml", diag)
    matcher = TopicMatcher(topics)
    if os.environ.get(RUN_EXAMPLES_ENV, "1") != "0":
        has_text = root is not None and any(root.glob("*.txt"))
        examples = run_all(examples, root if has_text else None, diag)
    return course.model_copy(update={
        "topics": topics,
        "examples": examples,
        "lectures": tag_lectures(matcher, course.lectures),
        "questions": [tag_question(matcher, q) for q in course.questions],
    })
