"""Topics found in the course itself: key phrases of slide titles, notes headings and slide bodies, by TF-IDF.

No parser is installed (spaCy's trained English pipelines are not PyPI packages), so there are no noun
chunks: a key phrase is a run of words between stop words and punctuation, its words put in dictionary
form with spaCy's lookup tables. A phrase becomes a topic when the course gives it weight: in a title
and on two slides or more, or on three slides when only bodies use it; a phrase in most lectures of a
longer course is its subject, not a topic.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from lecturekit.models import Lecture, Model, Slide, SlideKind, Topic
from lecturekit.topics.evidence import (
    GENERIC_WORDS,
    STRUCTURE_WORDS,
    _lemmas,
    _stop_words,
    is_common,
    is_weak,
)
from lecturekit.topics.tagging import BODY_WEIGHT, TITLE_WEIGHT, slide_texts

TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:['’\-][A-Za-z0-9]+)*")
MATH_OR_CODE = re.compile(r"\$\$.*?\$\$|\$[^$\n]*\$|`[^`\n]*`", re.DOTALL)
LINK = re.compile(r"\]\([^)]*\)|https?://\S+")
BREAKS = frozenset({"vs", "v", "versus", "etc", "ie", "eg"})
ACRONYMS = re.compile(r"[A-Z]{2,}s")
# A line of code ("let mut x: i32 = 5;", "void setBorn(bool male)") names no topic, nor does an identifier.
CODE_LINE = re.compile(
    r";\s*$|[{}]|::|->|^\s*(#include|//|import |from \S+ import|def |return |let |fn |void |int |"
    r"char |bool |const |auto |struct |class |public:|private:)"
)
IDENTIFIER = re.compile(r"\d|_|^[a-z]+[A-Z]")  # "i32", "set_born", "setBorn"; not "DataFrame"
# inside a name: "Conservation of Momentum", "Divide and Conquer"
CONNECTORS = frozenset({"of", "and", "the"})
TAUGHT_KINDS = {SlideKind.CONTENT, SlideKind.NOTES, SlideKind.EXERCISE}
MAX_TITLE_WORDS = 4  # a longer title run is a sentence, not a name
MAX_BODY_WORDS = 3
TITLED_SLIDES = 2  # a title phrase needs this many slides that use it
BODY_SLIDES = 3  # a phrase only bodies use needs this many
GENERAL_SHARE = 0.6  # in titles of more lectures than this share (of three or more): the course's subject
PER_LECTURE = 8  # at most this many new topics are found in one lecture
MAX_ALIASES = 6


@dataclass
class Phrase:
    """One key phrase of the course while it is collected: how it is written and where it is used."""

    key: str  # its words in dictionary form, space-separated
    forms: Counter[str] = field(default_factory=Counter)  # as written in titles (for the name)
    slides: set[str] = field(default_factory=set)
    titled: set[str] = field(default_factory=set)  # slides whose title uses it
    lectures: Counter[str] = field(default_factory=Counter)  # slides per lecture
    titled_lectures: set[str] = field(default_factory=set)
    body_forms: Counter[str] = field(default_factory=Counter)  # as written in bodies, lower-cased
    # slide id → title and body mentions, weighed
    weights: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    alone: bool = (
        False  # ends a title run somewhere ("Merge Sort"), not only leads one ("Recursive Factorial")
    )
    named: bool = False  # a body phrase specific enough to name a topic no title names


def _lemma(word: str) -> str:
    if ACRONYMS.fullmatch(word):
        word = word[:-1]  # "DNNs": the tables know no acronym's plural
    lower = word.lower().replace("’", "'").removesuffix("'s")
    lemma = _lemmas().get(lower, lower)
    return lemma if lemma.isalpha() else lower  # the tables turn "first" into "1"


def _runs(line: str) -> Iterator[list[str]]:
    """Runs of words in LINE between stop words, structure words, punctuation and numbers ("of", "and" join)."""
    stops = _stop_words()
    run: list[str] = []
    end = 0
    for match in TOKEN.finditer(line):
        word, gap = match.group(), line[end : match.start()]
        end = match.end()
        lower = word.lower()
        joins = lower in CONNECTORS
        stop = not joins and (
            lower in stops
            or lower in BREAKS
            or lower in STRUCTURE_WORDS
            or IDENTIFIER.search(word) is not None
        )
        if (gap.strip() or stop) and run:
            yield run
            run = []
        if not stop:
            run.append(word)
    if run:
        yield run


def _edge(word: str) -> bool:
    lower = word.lower()
    return lower in CONNECTORS or lower in GENERIC_WORDS or _lemma(word) in GENERIC_WORDS or len(word) < 2


def _trim(words: list[str]) -> list[str]:
    """WORDS without generic words ("analysis", "notation"), joining words or single letters at either end."""
    start, stop = 0, len(words)
    while start < stop and _edge(words[start]):
        start += 1
    # "Dijkstra's Algorithm": after a possessive the generic word is part of the name
    while (
        stop > start
        and _edge(words[stop - 1])
        and not (stop - start > 1 and words[stop - 2].endswith(("'s", "’s")))
    ):
        stop -= 1
    return words[start:stop]


def _size(words: list[str]) -> int:
    return sum(1 for w in words if w.lower() not in CONNECTORS)


def _grams(run: list[str], most: int) -> Iterator[list[str]]:
    """The parts of RUN with at most MOST words besides joining words, none starting or ending badly."""
    for start in range(len(run)):
        for stop in range(start + 1, len(run) + 1):
            gram = run[start:stop]
            if _size(gram) > most:
                break
            if _trim(gram) == gram:
                yield gram


def _plain(text: str) -> str:
    return LINK.sub(" ", MATH_OR_CODE.sub(" | ", text))


def title_phrases(title: str) -> Iterator[tuple[list[str], bool]]:
    """Key phrases of a title, each with whether it ends its run, where the head of a name stands."""
    for run in _runs(_plain(title)):
        trimmed = _trim(run)
        for gram in _grams(run, MAX_TITLE_WORDS):
            # English puts the head of a name last: "Rise of Napoleon", "Big-O Notation", not "Recursive
            # Factorial" or "Stochastic Gradient" of "Stochastic Gradient Descent".
            yield gram, gram[-1] is (run[-1] if len(gram) == 1 else trimmed[-1] if trimmed else None)


def body_phrases(body: str) -> Iterator[tuple[list[str], bool]]:
    """Phrases of a body, each with whether it may name a topic no title names: two or three words, one rare."""
    for line in _plain(body).splitlines():
        if CODE_LINE.search(line):
            continue
        for run in _runs(line):
            for gram in _grams(run, MAX_BODY_WORDS):
                lowered = [w.lower() for w in gram if w.lower() not in CONNECTORS]
                named = (
                    len(lowered) > 1
                    and not any(w.endswith(("ed", "ly")) for w in lowered)
                    and not all(is_common(w) for w in lowered)
                )
                yield gram, named  # "Chinmay discussed", "quickly": verbs and adverbs name nothing


def phrase_key(words: list[str]) -> str:
    """The words in dictionary form, hyphens as spaces: "Merge-Sorts" and "merge sort" share a key."""
    return " ".join(_lemma(part) for word in words for part in word.replace("’", "'").split("-") if part)


def collect(lectures: list[Lecture]) -> dict[str, Phrase]:
    """Every key phrase of the taught slides (content, notes, exercises) with where it is used."""
    phrases: dict[str, Phrase] = {}
    for lecture in lectures:
        for slide in lecture.slides:
            if slide.kind in TAUGHT_KINDS:
                _collect_slide(slide, lecture.id, phrases)
    return {key: p for key, p in phrases.items() if p.titled or p.named}


def mentions(title: str, body: str) -> Iterator[tuple[list[str], bool, bool]]:
    """Each phrase of a text: its words, whether it is in the title, and whether it may name a topic."""
    yield from ((words, True, alone) for words, alone in title_phrases(title))
    yield from ((words, False, named) for words, named in body_phrases(body))


def text_weights(title: str, body: str) -> dict[str, float]:
    """How much each phrase key weighs in a text: TITLE_WEIGHT a title mention, BODY_WEIGHT one in the body."""
    weights: defaultdict[str, float] = defaultdict(float)
    for words, titled, _ in mentions(title, body):
        weights[phrase_key(words)] += TITLE_WEIGHT if titled else BODY_WEIGHT
    return weights


def _collect_slide(slide: Slide, lecture: str, phrases: dict[str, Phrase]) -> None:
    title, body = slide_texts(slide)
    for words, titled, flag in mentions(title, body):
        key = phrase_key(words)
        phrase = phrases.setdefault(key, Phrase(key=key))
        if slide.id not in phrase.slides:
            phrase.lectures[lecture] += 1
            phrase.slides.add(slide.id)
        phrase.weights[slide.id] += TITLE_WEIGHT if titled else BODY_WEIGHT
        if titled:
            phrase.titled.add(slide.id)
            phrase.titled_lectures.add(lecture)
            phrase.forms[" ".join(words)] += 1
            phrase.alone |= flag
        else:
            phrase.named |= flag
            phrase.body_forms[" ".join(words).lower()] += 1


def _accepted(phrase: Phrase, lectures: int) -> bool:
    if any(word.endswith("ly") for word in phrase.key.split()):
        return False  # an adverb ("represented graphically") names nothing
    if phrase.titled and not phrase.alone and not phrase.named:
        return False  # "Recursive Factorial" names no "recursive"; "Stochastic Gradient" is part of a name
    if len(phrase.key.split()) == 1 and any(is_weak(form) for form in [phrase.key, *phrase.forms]):
        return False  # one common word ("heap", "data" read as "datum") would tag only beside a specific one
    if lectures >= 3 and len(phrase.titled_lectures) > GENERAL_SHARE * lectures:
        return False
    if phrase.titled:
        return len(phrase.slides) >= TITLED_SLIDES
    return len(phrase.slides) >= BODY_SLIDES


def _score(phrase: Phrase, lectures: int) -> float:
    """TF-IDF over lectures: slides using it in its busiest lecture (a title counts twice) × rarity."""
    idf = math.log((1 + lectures) / (1 + len(phrase.lectures))) + 1
    return (max(phrase.lectures.values()) + len(phrase.titled)) * idf


def _contains(longer: str, shorter: str) -> bool:
    return f" {shorter} " in f" {longer} " and longer != shorter


def _known_keys(known: list[Topic]) -> tuple[set[str], set[str]]:
    """Keys of the known topics' ids, names and aliases; and those specific enough to absorb a longer phrase."""
    keys, specific = set(), set()
    for topic in known:
        for text in [topic.id.replace("-", " "), topic.name, *topic.aliases]:
            key = phrase_key(TOKEN.findall(text))
            keys.add(key)
            if not is_weak(text):
                specific.add(key)
    return keys, specific


def select(phrases: dict[str, Phrase], lectures: int, known: list[Topic]) -> list[Phrase]:
    """The phrases that name topics of their own: accepted, not a known topic, not mostly part of a longer one."""
    keys, specific = _known_keys(known)
    accepted = [
        p
        for p in phrases.values()
        if _accepted(p, lectures)
        and p.key not in keys
        and not any(_contains(p.key, k) or _contains(k, p.key) for k in specific)
    ]
    kept = [p for p in accepted if not any(_inside(p, longer) for longer in accepted)]
    chosen: list[Phrase] = []
    per_lecture: Counter[str] = Counter()
    for phrase in sorted(kept, key=lambda p: (-_score(p, lectures), p.key)):
        home = max(sorted(phrase.lectures), key=lambda lec: phrase.lectures[lec])
        if per_lecture[home] < PER_LECTURE:
            per_lecture[home] += 1
            chosen.append(phrase)
    return chosen


def _inside(phrase: Phrase, longer: Phrase) -> bool:
    """Whether PHRASE is a part of LONGER used mostly where LONGER is ("Theorem" of "Master Theorem")."""
    return _contains(longer.key, phrase.key) and len(phrase.slides & longer.slides) >= 0.5 * len(
        phrase.slides
    )


def to_topic(phrase: Phrase) -> Topic:
    """A course topic from a phrase: named as its titles write it, matched by every way it is written."""
    written = phrase.forms or phrase.body_forms
    forms = sorted(written, key=lambda f: (-written[f], f)) or [phrase.key]
    name = forms[0] if any(c.isupper() for c in forms[0]) else forms[0].capitalize()
    aliases = list(dict.fromkeys([phrase.key, *(f.lower() for f in forms)]))[:MAX_ALIASES]
    return Topic(id=slug(name), name=name, aliases=aliases)


def slug(text: str) -> str:
    """A topic id: lower-case words joined by '-'."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())) or "topic"


class Found(Model):
    """A topic the course's own words give, and how much it weighs on each slide that uses it."""

    topic: Topic
    key: str
    weights: dict[str, float]  # slide id → weight


def discover_topics(lectures: list[Lecture], known: list[Topic]) -> list[Found]:
    """The course's own topics not already among KNOWN, best first, with their weight on each slide."""
    found: list[Found] = []
    ids = {t.id for t in known}
    for phrase in select(collect(lectures), len(lectures), known):
        topic = to_topic(phrase)
        if topic.id not in ids:
            ids.add(topic.id)
            found.append(Found(topic=topic, key=phrase.key, weights=dict(phrase.weights)))
    return found
