"""Whether an OCR line reads as words: an English word list (spacy-lookups-data) plus the lecture's own words."""

from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache
from importlib import resources

TOKEN = re.compile(r"[A-Za-z]{2,}")
ACRONYM = re.compile(r"[A-Z]{2,5}s?")
KNOWN_SHARE = 0.5


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case English word forms: spaCy's lemma lookup table (forms and lemmas) and its stop words."""
    from spacy.lang.en.stop_words import STOP_WORDS  # imported late: spaCy takes a second to load

    table = resources.files("spacy_lookups_data") / "data" / "en_lemma_lookup.json.gz"
    with table.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
        lookup: dict[str, str] = json.load(text)
    return frozenset(w.lower() for pair in lookup.items() for w in pair) | frozenset(STOP_WORDS)


def reads_as_words(text: str, vocabulary: set[str]) -> bool:
    """Whether at least half of TEXT's words are English or already used in the lecture."""
    tokens = TOKEN.findall(text)
    if not tokens:
        return False
    known = english_words()
    # Slides are full of acronyms (VAE, SGD, RNN): short all-capital tokens count as words.
    hits = [t for t in tokens if t.lower() in known or t.lower() in vocabulary or ACRONYM.fullmatch(t)]
    return len(hits) >= KNOWN_SHARE * len(tokens) and any(len(t) >= 3 for t in hits)
