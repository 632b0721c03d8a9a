"""Tag slides and questions with topics, a title mention weighing more than a passing word."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from lecturekit.models import Lecture, Question, Slide, SlideKind, TopicTag

if TYPE_CHECKING:  # importing the matcher loads spaCy; a tagger answering from its cache needs none
    from lecturekit.topics.matcher import TopicMatcher

TITLE_WEIGHT = 3.0  # a topic in a slide's title (or a question's stem) is what the slide is about
BODY_WEIGHT = 1.0
HALF_SCORE = 2.0  # the weight at which the score reaches 0.5; scores stay in (0, 1)
UNTAGGED_KINDS = {SlideKind.ADMIN}


def score(weight: float) -> float:
    """Map a mention weight to a relevance score in (0, 1): more mentions, higher, with diminishing returns."""
    return round(weight / (weight + HALF_SCORE), 3)


@runtime_checkable
class Tagger(Protocol):
    """Anything that tags a (title, body) text itself, e.g. tagcache.CachedTagger."""

    def tags(self, title: str, body: str) -> list[TopicTag]: ...


def tags_for(matcher: TopicMatcher | Tagger, title: str, body: str) -> list[TopicTag]:
    """Topic tags for a text with a title part and a body part, best first."""
    if isinstance(matcher, Tagger):
        return matcher.tags(title, body)
    return weigh(matcher, title, body)


def weigh(matcher: TopicMatcher, title: str, body: str) -> list[TopicTag]:
    """Tags from the matcher's mentions: a title mention weighs TITLE_WEIGHT, a body mention BODY_WEIGHT."""
    weights: Counter[str] = Counter()
    for topic, count in matcher.count(title).items():
        weights[topic] += TITLE_WEIGHT * count
    for topic, count in matcher.count(body).items():
        weights[topic] += BODY_WEIGHT * count
    return [TopicTag(topic=topic, score=score(weight))
            for topic, weight in sorted(weights.items(), key=lambda item: (-item[1], item[0]))]


def slide_body(slide: Slide) -> str:
    """The slide text without its first line when that line is the title (the cleaner puts it there)."""
    lines = slide.text.splitlines()
    if lines and lines[0].strip() == slide.title.strip():
        return "\n".join(lines[1:])
    return slide.text


def tag_slide(matcher: TopicMatcher | Tagger, slide: Slide) -> Slide:
    """The slide with its topics filled in; admin slides (logistics, office hours) get none."""
    if slide.kind in UNTAGGED_KINDS:
        return slide.model_copy(update={"topics": []})
    return slide.model_copy(update={"topics": tags_for(matcher, slide.title, slide_body(slide))})


def tag_question(matcher: TopicMatcher | Tagger, question: Question) -> Question:
    """The question with topics from its stem (weighted like a title) and its options and explanation."""
    body = "\n".join([o.text for o in question.options] + [question.explanation or ""])
    return question.model_copy(update={"topics": tags_for(matcher, question.stem, body)})


def tag_lectures(matcher: TopicMatcher | Tagger, lectures: list[Lecture]) -> list[Lecture]:
    return [lecture.model_copy(update={"slides": [tag_slide(matcher, s) for s in lecture.slides]})
            for lecture in lectures]
