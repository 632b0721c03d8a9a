"""Line keys, fuzzy line matching and the ordered union of line lists (rapidfuzz does the scoring)."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from lecturekit.models import Model

LIST_PREFIX = re.compile(r"^(?:-\s+|\d{1,2}[.)]?\s+(?=\D))")
# Letters of every script count: a Cyrillic or CJK line must not reduce to an empty key.
NON_WORD = re.compile(r"[\W_]+")
WORD = re.compile(r"[^\W\d_]{3,}")
DIGITS = re.compile(r"\d+")
DIGITS_MATTER_BELOW = 40
LINE_MATCH = 86.0  # rapidfuzz ratio above which two lines are the same line read twice


@lru_cache(maxsize=1 << 16)
def line_key(text: str) -> str:
    """Comparison key of a line: lower case, list markers and option numbers off, punctuation dropped."""
    lowered = LIST_PREFIX.sub("", text.strip().lower(), count=1)
    return NON_WORD.sub(" ", lowered).strip()


def same_line(a: str, b: str, fuzzy: bool = True) -> bool:
    """Whether two lines are one line read twice (OCR variants tolerated only when FUZZY)."""
    key_a, key_b = line_key(a), line_key(b)
    if key_a == key_b:
        return True
    if not fuzzy or not key_a or not key_b:
        return False
    # In a short line a number is the point ("Assignment 1" vs "Assignment 2"); long ones tolerate OCR digits.
    if min(len(key_a), len(key_b)) < DIGITS_MATTER_BELOW and DIGITS.findall(key_a) != DIGITS.findall(key_b):
        return False
    return fuzz.ratio(key_a, key_b) >= LINE_MATCH


def words(lines: list[str]) -> set[str]:
    """The words of three letters or more in LINES, lower-cased."""
    return {w for line in lines for w in WORD.findall(line.lower())}


def numbers(text: str) -> list[str]:
    """The numbers written in TEXT, in order ("Slide 3: Momentum" -> ["3"])."""
    return DIGITS.findall(line_key(text))


def containment(inner: list[str], outer: list[str], fuzzy: bool = True) -> float:
    """Share of INNER's lines that OUTER also has (1.0 when INNER is empty)."""
    if not inner:
        return 1.0
    found = sum(1 for line in inner if any(same_line(line, other, fuzzy) for other in outer))
    return found / len(inner)


def word_containment(inner: list[str], outer: list[str]) -> float:
    """Share of INNER's words that OUTER also has (tolerates OCR lines read differently)."""
    inner_words = words(inner)
    if not inner_words:
        return 1.0
    return len(inner_words & words(outer)) / len(inner_words)


def text_similarity(a: list[str], b: list[str]) -> float:
    """Similarity 0..1 of two bodies of lines, insensitive to wrapping and order."""
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    return fuzz.token_set_ratio(body_key(tuple(a)), body_key(tuple(b))) / 100.0


@lru_cache(maxsize=1 << 14)
def body_key(lines: tuple[str, ...]) -> str:
    """The comparison key of a whole body (cached: alignments compare each body many times)."""
    return " ".join(map(line_key, lines))


def title_similarity(a: str, b: str) -> float:
    """Similarity 0..1 of two slide titles."""
    return fuzz.ratio(line_key(a), line_key(b)) / 100.0


class Union(Model):
    """Result of an ordered union: merged lines and the lines that matched but were read differently."""

    lines: list[str]
    variants: list[str]  # lines of the added list that matched an existing line with other text
    added: list[str]  # lines of the added list that were new


def ordered_union(base: list[str], extra: list[str], fuzzy: bool = True) -> Union:
    """BASE with EXTRA's new lines inserted where they stand relative to the lines both share.

    A new line goes just before the next shared line that follows it in EXTRA (at the end when none
    does), so a step that swaps content keeps the earlier content first. Without FUZZY only lines
    with the same key match: a text layer reproduces a line exactly, so "Version A" then "Version B"
    of one caption are two lines, not one line read twice.
    """
    matches: list[int | None] = []
    used: set[int] = set()  # each base line stands for one extra line: repeats ("Example", "Example") stay
    cursor = 0
    for line in extra:
        match = _find(base, line, cursor, used, fuzzy)
        matches.append(match)
        if match is not None:
            used.add(match)
            cursor = max(cursor, match + 1)
    inserts: dict[int, list[str]] = {}
    variants: list[str] = []
    added: list[str] = []
    floor = 0
    for index, line in enumerate(extra):
        if (match := matches[index]) is not None:
            floor = max(floor, match + 1)
            if base[match] != line:
                variants.append(line)
            continue
        following = next((m for m in matches[index + 1 :] if m is not None and m >= floor), len(base))
        inserts.setdefault(following, []).append(line)
        added.append(line)
    merged: list[str] = []
    for position in range(len(base) + 1):
        merged.extend(inserts.get(position, []))
        if position < len(base):
            merged.append(base[position])
    return Union(lines=merged, variants=variants, added=added)


def _find(lines: list[str], line: str, start: int, used: set[int], fuzzy: bool) -> int | None:
    # Search forward first (the usual order), then backward (a step that reorders lines).
    for index in [*range(start, len(lines)), *range(min(start, len(lines)) - 1, -1, -1)]:
        if index not in used and same_line(lines[index], line, fuzzy):
            return index
    return None
