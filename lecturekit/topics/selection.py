"""Which topics a course has: its own key phrases added, and only the topics its slides give evidence for."""

from __future__ import annotations

from collections import defaultdict
from typing import TypeVar

from lecturekit.models import Example, Lecture, Question, Slide, Topic, TopicTag
from lecturekit.topics.evidence import is_label
from lecturekit.topics.keyphrases import discover_topics, slug, text_weights
from lecturekit.topics.spelling import spelling_variants
from lecturekit.topics.tagging import TAG_WEIGHT, TITLE_WEIGHT, UNTAGGED_KINDS, labelled_evidence, score

_Tagged = TypeVar("_Tagged", Slide, Question)

# a tag at least this strong has its topic in the title (or said three times)
TITLE_SCORE = score(TITLE_WEIGHT)
SHIPPED_SLIDES = 2  # a shipped topic with fewer tagged slides needs a title match and a related topic taught


def add_course_topics(
    known: list[Topic], lectures: list[Lecture], questions: list[Question]
) -> tuple[list[Topic], list[Lecture], list[Question]]:
    """KNOWN (shipped and topics.toml) and after them the course's own key phrases that none of them covers,
    with the slides and questions tagged with those phrases too.

    The phrases tag without spaCy, from the weights found while collecting them: the cached tags of the
    known topics stay valid when a new lecture brings new phrases.
    """
    found = discover_topics(lectures, known)
    by_slide: dict[str, dict[str, float]] = defaultdict(dict)
    for item in found:
        for slide_id, weight in item.weights.items():
            by_slide[slide_id][item.topic.id] = weight
    tagged = [
        lec.model_copy(update={"slides": [_with(s, by_slide.get(s.id, {}), s.title) for s in lec.slides]})
        for lec in lectures
    ]
    keys = {item.key: item.topic.id for item in found}
    asked = []
    for question in questions:
        weights = text_weights(question.stem, "\n".join(o.text for o in question.options))
        asked.append(_with(question, {keys[k]: w for k, w in weights.items() if k in keys}, question.stem))
    return known + [item.topic for item in found], tagged, asked


def _with(item: _Tagged, weights: dict[str, float], title: str) -> _Tagged:
    """ITEM with the phrase topics its WEIGHTS give evidence for added to its tags, best first."""
    if not weights or getattr(item, "kind", None) in UNTAGGED_KINDS:
        return item
    label = bool(title.strip()) and is_label(title)
    total = sum(weights.values())
    added: list[TopicTag] = [
        TopicTag(topic=t, score=score(w))
        for t, w in weights.items()
        if w >= TAG_WEIGHT and (not label or labelled_evidence(w, total))
    ]
    if not added:
        return item
    tags = sorted([*item.topics, *added], key=lambda tag: (-tag.score, tag.topic))
    return item.model_copy(update={"topics": tags})


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


def keep_tags(
    lectures: list[Lecture], questions: list[Question], topics: list[Topic]
) -> tuple[list[Lecture], list[Question]]:
    """The slides' and questions' tags limited to TOPICS (a tag of a topic the course does not have goes)."""
    ids = {t.id for t in topics}
    kept_lectures = [
        lec.model_copy(
            update={
                "slides": [
                    s.model_copy(update={"topics": [t for t in s.topics if t.topic in ids]})
                    for s in lec.slides
                ]
            }
        )
        for lec in lectures
    ]
    kept_questions = [
        q.model_copy(update={"topics": [t for t in q.topics if t.topic in ids]}) for q in questions
    ]
    return kept_lectures, kept_questions


def resolve_declared(examples: list[Example], topics: list[Topic]) -> list[Example]:
    """Each example's declared topics as ids: an instructor may write a topic's id, name or alias."""
    by_spelling: dict[str, str] = {}
    for topic in topics:
        for text in [topic.name, *topic.aliases]:
            for variant in spelling_variants(text):
                by_spelling.setdefault(slug(variant), topic.id)
        by_spelling[topic.id] = topic.id
    return [
        e.model_copy(update={"topics": list(dict.fromkeys(by_spelling.get(slug(d), d) for d in e.topics))})
        for e in examples
    ]


def linked_examples(examples: list[Example], topics: list[Topic], own: set[str]) -> list[Example]:
    """The examples a topic of the course links to, and every example of the course's own folder (OWN names)."""
    linked = {name for t in topics for name in t.examples}
    return [e for e in examples if e.name in linked or e.name in own]
