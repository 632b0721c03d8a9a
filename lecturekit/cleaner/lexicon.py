"""English words (spacy-lookups-data) and whether an OCR line reads as words: theirs or the lecture's."""

from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache
from importlib import resources

from lecturekit.models import Model

EDGE_PUNCTUATION = "\"'()[]{},.;:!?"
LETTERS = re.compile(r"[A-Za-z]+")
COMPOUND = re.compile(r"[-/]")
CONTRACTION = re.compile(r"'(s|t|d|ll|re|ve|m)$", re.IGNORECASE)
ACRONYM = re.compile(r"[A-Z]{2,6}s?")
OPERATORS = set("=+-*/<>&:→")
LIST_MARKER = re.compile(r"^\(?([a-z]|[ivx]{1,4}|\d{1,2})[.)]$")
KNOWN_SHARE = 0.7  # most of a line's tokens must be words for a line the better source lacks to be kept
SLIDE_KNOWN_SHARE = 0.6  # lines of a slide only the OCR source has: the other source gives no reference
LIGHT_WEIGHT = 0.5  # a lone letter is a math variable as often as a misread glyph; a lone "~" or "%" is minor
SHORT_WORD_FLOOR = -13.0  # log probability a string of 1-3 letters needs in spaCy's web word list
MEDIUM_WORD_FLOOR = -17.0  # ... and one of 4-5 letters
URL = re.compile(r"^(https?://|www\.)\S+$")
CAMEL_PART = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
PLURAL_MARK = re.compile(r"\(s\)$")


class TokenCounts(Model):
    """How the tokens of one line read: words, non-words (garbled words, symbol runs), lone letters or symbols."""

    known: int = 0
    long_known: int = 0  # known words of three letters or more
    unknown: int = 0
    light: int = 0  # lone letters and lone symbols

    def share(self) -> float:
        """Share of the line's weighted tokens that are words."""
        weighted = self.known + self.unknown + LIGHT_WEIGHT * self.light
        return self.known / weighted if weighted else 0.0


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case English words: spaCy's lemma table, its stop words, and its web word list cut by frequency."""
    lemmas: dict[str, str] = lookup_table("en_lemma_lookup.json.gz")
    frequent = {
        word
        for word, log_prob in lookup_table("en_lexeme_prob.json.gz").items()
        if word.isalpha() and word.islower() and log_prob >= _frequency_floor(len(word))
    }
    return frozenset(w.lower() for pair in lemmas.items() for w in pair) | frequent | stop_words()


def _frequency_floor(length: int) -> float:
    # The web list holds every string seen often enough, OCR debris included ("uro", "hine"): short
    # strings must be common to count, long ones ("kohonen", "hyperparameters") need only be there.
    return SHORT_WORD_FLOOR if length <= 3 else MEDIUM_WORD_FLOOR if length <= 5 else -100.0


def lookup_table(name: str) -> dict:
    """One of spacy-lookups-data's English tables ("en_lemma_lookup.json.gz", "en_lexeme_prob.json.gz")."""
    table = resources.files("spacy_lookups_data") / "data" / name
    with table.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
        return json.load(text)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words ("the", "should", "how"): words that carry no content on their own."""
    from spacy.lang.en.stop_words import STOP_WORDS  # imported late: spaCy takes a second to load

    return frozenset(STOP_WORDS)


def count_tokens(text: str, vocabulary: set[str]) -> TokenCounts:
    """Classify TEXT's whitespace tokens as words, non-words or lone letters (numbers and operators are neutral)."""
    counts = TokenCounts()
    tokens = text.removeprefix("- ").split()
    # An acronym spelled out in parentheses vouches for its bare uses in the same line ("AE ... (AE)").
    defined = {
        t.strip(EDGE_PUNCTUATION).lower()
        for t in tokens
        if t.startswith("(") and ACRONYM.fullmatch(t.strip("(),"))
    }
    for token in tokens:
        kind = _token_kind(token, vocabulary | defined)
        if kind == "known":
            counts.known += 1
            counts.long_known += len(token.strip(EDGE_PUNCTUATION)) >= 3
        elif kind == "unknown":
            counts.unknown += 1
        elif kind == "light":
            counts.light += 1
    return counts


def _token_kind(token: str, vocabulary: set[str]) -> str:
    """One of known, unknown, light (a lone letter or symbol) or neutral (numbers, operators, list markers)."""
    if URL.match(token):
        return "known"
    core = PLURAL_MARK.sub("", token).strip(EDGE_PUNCTUATION)
    if (
        token in OPERATORS
        or LIST_MARKER.match(token)
        or (core and not LETTERS.search(core) and any(c.isdigit() for c in core))
    ):
        return "neutral"
    if not core or not LETTERS.search(core):
        return "light" if len(token) == 1 else "unknown"  # a run of symbols (">.", "()") is figure debris
    if any(c.isdigit() for c in core) and core.isalnum():
        return "neutral"  # "2d", "L2", "GPT4o": names and sizes, not misreads
    runs = LETTERS.findall(core)
    if len(runs) == 1 and len(runs[0]) == 1:
        return "known" if core in {"a", "A", "I"} else "light"
    return "known" if _is_word(core, token, vocabulary) else "unknown"


def _is_word(core: str, token: str, vocabulary: set[str]) -> bool:
    if ACRONYM.fullmatch(core):
        # Figure debris reads as short capitals ("IE", "FO", "URO"): a short acronym counts once it
        # is spelled out in parentheses ("(GAN)") or used elsewhere in the lecture; "BERT" always does.
        return token.startswith("(") or core.lower() in vocabulary or len(core.rstrip("s")) >= 4
    if core.lower() in vocabulary:
        return True
    if not core.islower() and not core.isupper() and any(len(p) == 1 for p in CAMEL_PART.findall(core)):
        return False  # case flipping inside a word ("oWe", "INoC") is a misread, unlike "PyTorch"
    parts = COMPOUND.split(core)  # "mini-batch", "higher/lower"
    parts[-1] = CONTRACTION.sub("", parts[-1])  # "don't", "model's"
    parts = [
        part for part in parts if not (part.isalnum() and any(c.isdigit() for c in part))
    ]  # "GPT4o-Nano"
    if not all(LETTERS.fullmatch(part) for part in parts):
        return False  # letters glued to symbols ("g>.", "g;changes", "uy,is")
    return all(part.lower() in english_words() or part.lower() in vocabulary for part in parts)


def reads_as_words(text: str, vocabulary: set[str], share: float = KNOWN_SHARE) -> bool:
    """Whether more than SHARE of TEXT's tokens are English words or the lecture's words (one of three letters)."""
    counts = count_tokens(text, vocabulary)
    return counts.long_known >= 1 and counts.share() > share
