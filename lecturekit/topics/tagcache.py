"""Topic tags per (title, body) text from a content-hash cache; spaCy loads only when a text is new."""

from __future__ import annotations

import importlib.util
import json
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import TypeAdapter

from lecturekit.cache import Cache, content_key, tree_digest
from lecturekit.models import Topic, TopicTag
from lecturekit.topics.tagging import weigh

if TYPE_CHECKING:
    from lecturekit.topics.matcher import TopicMatcher

# matcher.TRAINED_PIPELINE, repeated: importing the matcher loads spaCy, which a full cache hit never needs.
TRAINED_PIPELINE = "en_core_web_sm"

_CODE_VERSION: list[str] = []


def _code_version() -> str:
    # The topics package's code (matcher, tagging, spelling) decides the tags: a change re-tags everything.
    if not _CODE_VERSION:
        _CODE_VERSION.append(tree_digest(Path(__file__).parent, "*.py"))
    return _CODE_VERSION[0]


def _installed(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def matcher_fingerprint(topics: list[Topic]) -> str:
    """A hash of everything a tag depends on besides the text: aliases, code, spaCy and its lemma tables."""
    aliases = json.dumps([[topic.id, topic.aliases] for topic in topics])
    trained = importlib.util.find_spec(TRAINED_PIPELINE) is not None
    return content_key(aliases, _code_version(), _installed("spacy"), _installed("spacy-lookups-data"),
                       f"{TRAINED_PIPELINE}={_installed(TRAINED_PIPELINE) if trained else '-'}")


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
