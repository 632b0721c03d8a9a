"""What counts as evidence that a slide is about a topic: weak words, course-structure words, label-only titles."""

from __future__ import annotations

import re
from functools import lru_cache

from lecturekit.models import Topic


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words of a course's structure, not of its subject: a title made of them says where the slide sits
# ("Outline", "Summary", "Warm-up", "Today's lecture"), and such a word alone tags nothing.
STRUCTURE_WORDS = _words("""
warm warmup up summary summaries outline outlines agenda recap overview review introduction intro
conclusion conclusions reference references bibliography reading readings logistics announcement
announcements question questions exercise exercises quiz quizzes poll clicker ice breakout breakouts
activity break today todays lecture lectures class session week part next step steps last previous
contents acknowledgement acknowledgements thanks motivation goal goals objective objectives plan
homework assignment assignments example examples demo discussion think pair share time wrap
""")
# Words that head or tail a title without naming its subject ("Analysis of Merge Sort", "Big-O Notation").
GENERIC_WORDS = _words("""
analysis proof proofs definition definitions property properties application applications notation
algorithm algorithms problem problems solution solutions method methods idea ideas basic basics detail
details implementation code case cases result results intuition background setup note notes remark
remarks more good bad new simple main key important general common vs versus explained explanation
understanding using use based approach approaches technique techniques concept concepts model models
type types kind kinds way ways step overview continued cont revisited further version versions
""")
# A single word this common in English (log probability in spaCy's web word list) has other senses
# ("activation", "gradient", "momentum", "warm"): it is a topic's word only beside other words of it.
COMMON_LOG_PROB = -13.5
SHORT_ALIAS = 2  # "GD", "L1": too short to stand alone
WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=1)
def _log_probs() -> dict[str, float]:
    from lecturekit.cleaner import lookup_table

    table: dict[str, float] = lookup_table("en_lexeme_prob.json.gz")
    return table


@lru_cache(maxsize=1)
def _lemmas() -> dict[str, str]:
    from lecturekit.cleaner import lookup_table

    table: dict[str, str] = lookup_table("en_lemma_lookup.json.gz")
    return table


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from lecturekit.cleaner import stop_words

    return stop_words()


def content_words(text: str) -> list[str]:
    """The lower-case words of TEXT that are not stop words (hyphens and punctuation split words)."""
    stops = _stop_words()
    return [w for w in WORD.findall(text.lower()) if w not in stops]


def is_common(word: str) -> bool:
    """Whether WORD (or its dictionary form) is a frequent English word."""
    probs = _log_probs()
    forms = {word, _lemmas().get(word, word)}
    return any(probs.get(form, -100.0) >= COMMON_LOG_PROB for form in forms)


@lru_cache(maxsize=4096)
def is_weak(mention: str) -> bool:
    """Whether a matched phrase is too ambiguous to tag on its own: one common, short or structure word."""
    words = content_words(mention)
    if not words or all(w in STRUCTURE_WORDS or w in GENERIC_WORDS for w in words):
        return True
    if len(words) > 1 or len("".join(WORD.findall(mention.lower()))) > len(words[0]) + 2:
        return False  # a phrase ("learning rate") is specific even when each word is common
    word = words[0]
    return len(word) <= SHORT_ALIAS or is_common(word)


def is_label(title: str) -> bool:
    """Whether a title only says where the slide sits ("ICE #2", "Summary", "Outline for Lecture 3")."""
    words = [w for w in content_words(title) if len(w) > 1 and not w.isdigit()]
    return all(w in STRUCTURE_WORDS for w in words)


def related_map(topics: list[Topic]) -> dict[str, set[str]]:
    """Each topic id with the ids it is related to, both ways (the context a weak word may lean on)."""
    found: dict[str, set[str]] = {t.id: set(t.related) for t in topics}
    for topic in topics:
        for other in topic.related:
            found.setdefault(other, set()).add(topic.id)
    return found
