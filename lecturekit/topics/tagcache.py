"""Topic tags per (title, body) text from a content-hash cache; spaCy loads only when a text is new."""

from __future__ import annotations

import json
from importlib import metadata
from typing import TYPE_CHECKING

from pydantic import TypeAdapter

from lecturekit.cache import Cache, code_version, content_key
from lecturekit.models import Topic, TopicTag
from lecturekit.topics.tagging import weigh

if TYPE_CHECKING:
    from lecturekit.topics.matcher import TopicMatcher


def _installed(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def matcher_fingerprint(topics: list[Topic]) -> str:
    """A hash of everything a tag depends on besides the text: aliases, related ids, code, spaCy and its lemma tables."""
    aliases = json.dumps([[topic.id, topic.aliases, sorted(topic.related)] for topic in topics])
    return content_key(aliases, code_version("topics"), _installed("spacy"), _installed("spacy-lookups-data"))


class CachedTagger:
    """Tags batches of texts like tagging.weigh, reusing earlier batches; spaCy is loaded on the first miss.

    A batch is one lecture's slides (or questions): a rebuild after adding a lecture tags only its texts,
    and an unchanged lecture costs one cache read rather than one per slide.
    """

    def __init__(self, topics: list[Topic], cache: Cache | None = None) -> None:
        self.topics = topics
        self.cache = cache or Cache("topic-tags")
        self.fingerprint = matcher_fingerprint(topics)
        self._matcher: TopicMatcher | None = None
        self.tagged = 0  # texts run through spaCy in this build (the rest came from the cache)

    @property
    def matcher(self) -> TopicMatcher:
        if self._matcher is None:
            from lecturekit.topics.matcher import TopicMatcher

            self._matcher = TopicMatcher(self.topics)
        return self._matcher

    def tag_texts(self, texts: list[tuple[str, str]]) -> list[list[TopicTag]]:
        """Topic tags of each (title, body) text, best first (see tagging.weigh)."""
        if not texts:
            return []
        key = content_key(self.fingerprint, *(part for text in texts for part in text))
        if (hit := self.cache.get_valid(key, _BATCH)) is not None:
            return hit
        found = [weigh(self.matcher, title, body) for title, body in texts]
        self.tagged += len(texts)
        self.cache.put(key, _BATCH.dump_python(found, mode="json"))
        return found


_BATCH = TypeAdapter(list[list[TopicTag]])
