"""Tag slides and questions with topics, a title mention weighing more than a passing word."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from lecturekit.models import Lecture, Question, Slide, SlideKind, TopicTag
from lecturekit.topics.evidence import is_label, is_weak

if TYPE_CHECKING:  # importing the matcher loads spaCy; a tagger answering from its cache needs none
    from lecturekit.topics.matcher import TopicMatcher

TITLE_WEIGHT = 3.0  # a topic in a slide's title (or a question's stem) is what the slide is about
BODY_WEIGHT = 1.0
TAG_WEIGHT = 2.0  # a title mention, or two in the body
LABEL_SHARE = 0.5  # under a label title, a topic needs more than this share of the mentions
LABEL_TAG_WEIGHT = 3.0  # ... and three mentions: a summary lists each topic once or twice
HALF_SCORE = 2.0  # the weight at which the score reaches 0.5; scores stay in (0, 1)
UNTAGGED_KINDS = {SlideKind.ADMIN}


def score(weight: float) -> float:
    """Map a mention weight to a relevance score in (0, 1): more mentions, higher, with diminishing returns."""
    return round(weight / (weight + HALF_SCORE), 3)


@runtime_checkable
class Tagger(Protocol):
    """Anything that tags a batch of (title, body) texts itself, e.g. tagcache.CachedTagger."""

    def tag_texts(self, texts: list[tuple[str, str]]) -> list[list[TopicTag]]: ...


def tags_for(matcher: TopicMatcher | Tagger, title: str, body: str) -> list[TopicTag]:
    """Topic tags for a text with a title part and a body part, best first."""
    return tag_texts(matcher, [(title, body)])[0]


def tag_texts(matcher: TopicMatcher | Tagger, texts: list[tuple[str, str]]) -> list[list[TopicTag]]:
    """tags_for of each (title, body) text; a Tagger (the cache) answers a batch at once."""
    if isinstance(matcher, Tagger):
        return matcher.tag_texts(texts)
    return [weigh(matcher, title, body) for title, body in texts]


def weigh(
    matcher: TopicMatcher, title: str, body: str, related: Mapping[str, Collection[str]] | None = None
) -> list[TopicTag]:
    """Tags from the matcher's mentions, kept only with evidence in the text's own words.

    A title mention weighs TITLE_WEIGHT, a body mention BODY_WEIGHT, and a topic needs TAG_WEIGHT: one
    passing word in the body is not what a text is about. A weak mention (one common word such as
    "activation", a structure word such as "Warm-up") counts only beside a specific mention of its topic
    (in a title, also of a RELATED one). Under a label title ("Outline", "Summary", "ICE #2") a topic must also carry
    most of the mentions, and three of them: an outline lists topics, it does not teach them. An empty title
    (an exercise's, whose label says nothing) leaves the body to speak alone.
    """
    related = matcher.related if related is None else related
    found = [(TITLE_WEIGHT, m) for m in matcher.find(title)] + [(BODY_WEIGHT, m) for m in matcher.find(body)]
    specific = {m.topic for _, m in found if not is_weak(m.text)}
    near = specific | {r for t in specific for r in related.get(t, ())}
    weights: defaultdict[str, float] = defaultdict(float)
    for weight, mention in found:
        # A weak word in the title may lean on a related topic; in the body only on its own topic.
        context = near if weight == TITLE_WEIGHT else specific
        if mention.topic in context or not is_weak(mention.text):
            weights[mention.topic] += weight
    total = sum(weights.values())
    label = bool(title.strip()) and is_label(title)
    kept = {
        t: w for t, w in weights.items() if w >= TAG_WEIGHT and (not label or labelled_evidence(w, total))
    }
    return [
        TopicTag(topic=topic, score=score(weight))
        for topic, weight in sorted(kept.items(), key=lambda item: (-item[1], item[0]))
    ]


def labelled_evidence(weight: float, total: float) -> bool:
    """Under a label title ("Summary", "Outline"), whether a topic is discussed rather than listed."""
    return weight >= LABEL_TAG_WEIGHT and weight > LABEL_SHARE * total


def slide_body(slide: Slide) -> str:
    """The slide text without its first line when that line is the title (the cleaner puts it there)."""
    lines = slide.text.splitlines()
    if lines and lines[0].strip() == slide.title.strip():
        return "\n".join(lines[1:])
    return slide.text


def slide_texts(slide: Slide) -> tuple[str, str]:
    """The (title, body) a slide is tagged on; an exercise titled by its label ("ICE #2") by its body alone."""
    label = slide.kind is SlideKind.EXERCISE and is_label(slide.title)
    return ("" if label else slide.title), slide_body(slide)


def tag_slide(matcher: TopicMatcher | Tagger, slide: Slide) -> Slide:
    """The slide with its topics filled in; admin slides (logistics, office hours) get none."""
    if slide.kind in UNTAGGED_KINDS:
        return slide.model_copy(update={"topics": []})
    return slide.model_copy(update={"topics": tags_for(matcher, *slide_texts(slide))})


def tag_question(matcher: TopicMatcher | Tagger, question: Question) -> Question:
    """The question with topics from its stem (weighted like a title) and its options and explanation."""
    return question.model_copy(update={"topics": tags_for(matcher, question.stem, question_body(question))})


def question_body(question: Question) -> str:
    """What a question says besides its stem: the options and the explanation."""
    return "\n".join([o.text for o in question.options] + [question.explanation or ""])


def tag_lecture(matcher: TopicMatcher | Tagger, lecture: Lecture) -> Lecture:
    """The lecture with every slide tagged as tag_slide does, its slides' texts tagged as one batch."""
    taggable = [s for s in lecture.slides if s.kind not in UNTAGGED_KINDS]
    found = iter(tag_texts(matcher, [slide_texts(s) for s in taggable]))
    slides = [
        s.model_copy(update={"topics": [] if s.kind in UNTAGGED_KINDS else next(found)})
        for s in lecture.slides
    ]
    return lecture.model_copy(update={"slides": slides})


def tag_lectures(matcher: TopicMatcher | Tagger, lectures: list[Lecture]) -> list[Lecture]:
    """Every lecture tagged (one batch per lecture: a cache answers an unchanged lecture at once)."""
    return [tag_lecture(matcher, lecture) for lecture in lectures]


def tag_questions(matcher: TopicMatcher | Tagger, questions: list[Question]) -> list[Question]:
    """Every question tagged as tag_question does, one batch per lecture, in the order given."""
    by_lecture: dict[str, list[int]] = {}
    for index, question in enumerate(questions):
        by_lecture.setdefault(question.lecture, []).append(index)
    tagged = list(questions)
    for indexes in by_lecture.values():
        texts = [(questions[i].stem, question_body(questions[i])) for i in indexes]
        for i, tags in zip(indexes, tag_texts(matcher, texts), strict=True):
            tagged[i] = questions[i].model_copy(update={"topics": tags})
    return tagged
