"""Which topics a course has: its own key phrases added, and only the topics its slides give evidence for."""

from __future__ import annotations

from collections import defaultdict

from lecturekit.models import Example, Lecture, Question, Topic
from lecturekit.topics.keyphrases import discover_topics, slug
from lecturekit.topics.spelling import spelling_variants
from lecturekit.topics.tagging import TITLE_WEIGHT, score

TITLE_SCORE = score(TITLE_WEIGHT)  # a tag at least this strong has its topic in the title (or said three times)
SHIPPED_SLIDES = 2  # a shipped topic with fewer tagged slides needs a title match and a related topic taught


def with_course_topics(lectures: list[Lecture], topics: list[Topic]) -> list[Topic]:
    """TOPICS (shipped and topics.toml) and after them the course's own key phrases that none of them covers."""
    return topics + discover_topics(lectures, topics)


def slides_per_topic(lectures: list[Lecture]) -> dict[str, list[float]]:
    """The scores of each topic's tagged slides."""
    found: dict[str, list[float]] = defaultdict(list)
    for lecture in lectures:
        for slide in lecture.slides:
            for tag in slide.topics:
                found[tag.topic].append(tag.score)
    return found


def taught(topics: list[Topic], lectures: list[Lecture], shipped: set[str]) -> list[Topic]:
    """The topics the course's slides give evidence for; a SHIPPED one needs two slides, or its title and a neighbour."""
    found = slides_per_topic(lectures)
    with_slides = {t for t, scores in found.items() if scores}

    def evident(topic: Topic) -> bool:
        scores = found.get(topic.id, [])
        if topic.id not in shipped or len(scores) >= SHIPPED_SLIDES:
            return bool(scores)
        return bool(scores) and max(scores) >= TITLE_SCORE and bool(set(topic.related) & with_slides)

    kept = [t for t in topics if evident(t)]
    ids = {t.id for t in kept}
    return [t.model_copy(update={"related": [r for r in t.related if r in ids]}) for t in kept]


def keep_tags(lectures: list[Lecture], questions: list[Question],
              topics: list[Topic]) -> tuple[list[Lecture], list[Question]]:
    """The slides' and questions' tags limited to TOPICS (a tag of a topic the course does not have goes)."""
    ids = {t.id for t in topics}
    kept_lectures = [lec.model_copy(update={"slides": [
        s.model_copy(update={"topics": [t for t in s.topics if t.topic in ids]}) for s in lec.slides]})
        for lec in lectures]
    kept_questions = [q.model_copy(update={"topics": [t for t in q.topics if t.topic in ids]}) for q in questions]
    return kept_lectures, kept_questions


def resolve_declared(examples: list[Example], topics: list[Topic]) -> list[Example]:
    """Each example's declared topics as ids: an instructor may write a topic's id, name or alias."""
    by_spelling: dict[str, str] = {}
    for topic in topics:
        for text in [topic.name, *topic.aliases]:
            for variant in spelling_variants(text):
                by_spelling.setdefault(slug(variant), topic.id)
        by_spelling[topic.id] = topic.id
    return [e.model_copy(update={"topics": list(dict.fromkeys(by_spelling.get(slug(d), d) for d in e.topics))})
            for e in examples]


def linked_examples(examples: list[Example], topics: list[Topic], own: set[str]) -> list[Example]:
    """The examples a topic of the course links to, and every example of the course's own folder (OWN names)."""
    linked = {name for t in topics for name in t.examples}
    return [e for e in examples if e.name in linked or e.name in own]
