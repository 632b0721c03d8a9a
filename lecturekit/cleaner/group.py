"""Group sources into lectures: course.toml when it says so, else by dates and slide-sequence similarity."""

from __future__ import annotations

import datetime as dt
import functools

from pydantic import Field

from lecturekit.cleaner.align import alignment_score
from lecturekit.cleaner.draft import Draft
from lecturekit.cleaner.groupcache import GroupingCache
from lecturekit.cleaner.similarity import WORD
from lecturekit.cleaner.sketch import NUM_PERM, SCHEME, LshIndex, jaccard, signature
from lecturekit.course import CourseConfig
from lecturekit.errors import Diagnostics
from lecturekit.models import Model, Removal

SAME_LECTURE = 0.6  # share of slides aligned strongly: two readings of one deck
EDITION = 0.3  # enough shared slides to be another year's edition of the lecture
MAX_PARTNERS = 4


class Deck(Model):
    """One source after cleaning, with what grouping needs to know about it."""

    name: str
    drafts: list[Draft] = Field(default_factory=list)
    date: dt.date | None = None
    removed: list[Removal] = Field(default_factory=list)  # pages that left nothing to make a slide of
    key: str = ""  # content hash of the source and the cleaner's code ("" when not cleaned through the cache)


class LectureGroup(Model):
    """Which sources make one lecture, and what course.toml says about it."""

    sources: list[str]
    id: str | None = None
    title: str | None = None
    date: dt.date | None = None
    edition_of: str | None = None  # lecture id (course.toml) of the edition this one is linked to
    edition_group: int | None = None  # index of the group this one is an edition of (automatic)


def group_decks(
    decks: list[Deck], config: CourseConfig, diag: Diagnostics, cache: GroupingCache | None = None
) -> list[LectureGroup]:
    """Lectures from course.toml, then automatic groups for every source it does not name."""
    known = {d.name for d in decks}
    groups: list[LectureGroup] = []
    named: set[str] = set()
    for lecture in config.lectures:
        present = [s for s in lecture.sources if s in known]
        for missing in sorted(set(lecture.sources) - known):
            diag.warn(
                "course.toml", f"lecture {lecture.id or lecture.title or '?'}: source {missing} was not read"
            )
        if present or lecture.id:
            groups.append(
                LectureGroup(
                    sources=present,
                    id=lecture.id,
                    title=lecture.title,
                    date=lecture.date,
                    edition_of=lecture.edition_of,
                )
            )
            named.update(present)
    rest = [d for d in decks if d.name not in named]
    return groups + auto_groups(rest, cache) if rest else groups


def auto_groups(decks: list[Deck], cache: GroupingCache | None = None) -> list[LectureGroup]:
    """Sources joined when their slides align and their dates agree; other years linked as editions."""
    cache = cache or GroupingCache()
    decks = sorted(decks, key=lambda d: d.name)
    # The same decks group the same way: a rebuild that changed no source (an answer key, the site)
    # skips hashing and aligning altogether.
    found = cache.groups(
        [deck.key for deck in decks],
        lambda: [group.model_dump(mode="json") for group in _auto_groups(decks, cache)],
    )
    return [LectureGroup.model_validate(group) for group in found]


def _auto_groups(decks: list[Deck], cache: GroupingCache) -> list[LectureGroup]:
    parent = list(range(len(decks)))
    dates: list[set[dt.date]] = [{d.date} if d.date else set() for d in decks]

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    scored = sorted((-_alignment(decks[i], decks[j], cache), i, j) for i, j in candidate_pairs(decks, cache))
    editions: list[tuple[int, int]] = []
    for negative, i, j in scored:
        ri, rj = root(i), root(j)
        if ri == rj:
            continue
        if -negative >= SAME_LECTURE and len(dates[ri] | dates[rj]) <= 1:
            parent[rj] = ri
            dates[ri] |= dates[rj]
        elif -negative >= EDITION and dates[ri] and dates[rj] and dates[ri] != dates[rj]:
            editions.append((i, j))
    roots = sorted({root(i) for i in range(len(decks))})
    groups = [
        LectureGroup(
            sources=[d.name for k, d in enumerate(decks) if root(k) == r],
            date=min(dates[r]) if dates[r] else None,
        )
        for r in roots
    ]
    for i, j in editions:
        gi, gj = roots.index(root(i)), roots.index(root(j))
        older, newer = (gi, gj) if (groups[gi].date, gi) < (groups[gj].date, gj) else (gj, gi)
        if groups[older].edition_group is None:
            groups[older].edition_group = newer
    return groups


def _alignment(first: Deck, second: Deck, cache: GroupingCache) -> float:
    return cache.score(first.key, second.key, lambda: alignment_score(first.drafts, second.drafts))


def candidate_pairs(decks: list[Deck], cache: GroupingCache | None = None) -> list[tuple[int, int]]:
    """Pairs of decks worth aligning: MinHash LSH over word trigrams, the closest few per deck."""
    cache = cache or GroupingCache()
    lsh = LshIndex()
    hashes = []
    for index, deck in enumerate(decks):
        values = cache.signature(deck.key, f"{SCHEME}/{NUM_PERM}", functools.partial(_signature, deck))
        hashes.append(values)
        lsh.insert(str(index), values)
    pairs: set[tuple[int, int]] = set()
    for index, values in enumerate(hashes):
        others = [int(o) for o in lsh.query(values) if int(o) != index]
        # Bounding the partners per deck keeps grouping linear in the number of decks.
        closest = sorted(others, key=lambda o: (-jaccard(values, hashes[o]), o))[:MAX_PARTNERS]
        pairs.update((min(index, o), max(index, o)) for o in closest)
    return sorted(pairs)


def _signature(deck: Deck) -> list[int]:
    """The deck's MinHash hash values over its word trigrams."""
    return signature(shingle.encode() for shingle in sorted(_shingles(deck)))


def _shingles(deck: Deck) -> set[str]:
    """Word trigrams of a deck's slides (single words would make every deck of a course look alike)."""
    tokens = [w for d in deck.drafts for line in d.lines for w in WORD.findall(line.lower())]
    return {" ".join(tokens[i : i + 3]) for i in range(max(0, len(tokens) - 2))}
