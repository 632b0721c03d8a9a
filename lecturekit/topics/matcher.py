"""Find topic mentions in text with spaCy: lemmas from the lookup tables, a PhraseMatcher over them."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from lecturekit.models import Model, Topic
from lecturekit.topics.evidence import related_map
from lecturekit.topics.spelling import spelling_variants

# Line breaks and runs of spaces would split a phrase into extra tokens; a word broken over a line
# ("over-\nfitting") is one word again, its hyphen kept so hyphen variants match.
GAP = re.compile(r"(?<=\w)-[ \t]*\n\s*(?=\w)|\s+")
# Endings the lookup tables miss on technical words, tried only to reach a word an alias uses.
INFLECTIONS = (("s", ""), ("es", ""), ("d", ""), ("ed", ""), ("ing", ""), ("ing", "e"))


class Mention(Model):
    """One place a topic is mentioned: the topic id and the matched words."""

    topic: str
    start: int  # character offsets into the text given to find()
    end: int
    text: str


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """spaCy's blank English tokenizer with the lookup lemmatizer of spacy-lookups-data: nothing else, ever.

    A trained pipeline (en_core_web_sm) is not used even when installed: its lemmas differ from the
    tables', and a build must tag the same slides the same way on every machine.
    """
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


def flatten(text: str) -> tuple[str, list[int]]:
    """TEXT on one line with single spaces, and for each of its characters the offset it came from."""
    parts: list[str] = []
    origin: list[int] = []
    position = 0
    for gap in GAP.finditer(text):
        parts.append(text[position : gap.start()])
        origin.extend(range(position, gap.start()))
        parts.append("-" if gap.group().startswith("-") else " ")
        origin.append(gap.start())
        position = gap.end()
    parts.append(text[position:])
    origin.extend(range(position, len(text)))
    return "".join(parts), origin


class TopicMatcher:
    """Match every topic's aliases in a text on lower-cased lemmas, so inflected and hyphenated forms count."""

    def __init__(self, topics: list[Topic]) -> None:
        self.nlp = load_pipeline()
        self.related = related_map(topics)  # the context a weak word may lean on (tagging.weigh)
        self.table = self.nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")  # type: ignore[attr-defined]
        self.known: set[str] = set()
        phrases = {
            topic.id: [v for alias in topic.aliases for v in spelling_variants(alias)] for topic in topics
        }
        # Two passes: first learn the alias words, so that inflections the tables lack ("embeddings",
        # "LSTMs", "backpropagated") can fall back to a known alias word in the second.
        for texts in phrases.values():
            for doc in self.nlp.pipe(texts):
                self.known.update(w for token in doc for w in (token.lower_, self._base(token.lower_)))
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LEMMA")
        for topic_id, texts in phrases.items():
            if texts:
                self.matcher.add(topic_id, [self._lemmatize(doc) for doc in self.nlp.pipe(texts)])

    def _base(self, lower: str) -> str:
        """The dictionary lemma of a lower-case word, from the lookup table (the word itself when absent)."""
        return str(self.table.get(lower, lower))

    def _lemma(self, token: Token) -> str:
        lower = token.lower_
        lemma = self._base(lower)
        if lemma in self.known:
            return lemma
        for cut, add in INFLECTIONS:
            stem = lower[: -len(cut)] + add
            if lower.endswith(cut) and len(stem) > 2 and stem in self.known:
                return self._base(stem)
        return lemma

    def _lemmatize(self, doc: Doc) -> Doc:
        for token in doc:
            token.lemma_ = self._lemma(token)
        return doc

    def find(self, text: str) -> list[Mention]:
        """Every topic mention in TEXT in reading order; overlapping mentions of one topic count once."""
        flat, origin = flatten(text)
        doc = self._lemmatize(self.nlp(flat))
        spans = sorted(
            (
                (self.nlp.vocab.strings[match_id], doc[start:end])
                for match_id, start, end in self.matcher(doc)
            ),
            key=lambda item: (item[0], item[1].start_char, -item[1].end_char),
        )
        mentions: list[Mention] = []
        for topic, span in spans:
            last = mentions[-1] if mentions and mentions[-1].topic == topic else None
            if last is None or origin[span.start_char] >= last.end:  # the longest alias at a place wins
                start, end = origin[span.start_char], origin[span.end_char - 1] + 1
                mentions.append(Mention(topic=topic, start=start, end=end, text=text[start:end]))
        return sorted(mentions, key=lambda m: (m.start, m.topic))

    def count(self, text: str) -> Counter[str]:
        """How many times each topic is mentioned in TEXT."""
        return Counter(mention.topic for mention in self.find(text))
