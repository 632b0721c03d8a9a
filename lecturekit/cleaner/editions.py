"""Link two editions of a lecture (e.g. 2024 and 2026) slide by slide: unchanged, edited, new, removed."""

from __future__ import annotations

from lecturekit.cleaner.align import align
from lecturekit.cleaner.draft import Draft
from lecturekit.cleaner.similarity import line_key
from lecturekit.models import EditionLink, Lecture, SlideDiff, SlideStatus


def edition_links(older: Lecture, older_drafts: list[Draft], newer: Lecture,
                  newer_drafts: list[Draft]) -> tuple[EditionLink, EditionLink]:
    """The links (older → newer, newer → older); statuses read in time order in both."""
    diffs = []
    for pair in align(older_drafts, newer_drafts):
        old = older.slides[pair.a].id if pair.a is not None else None
        new = newer.slides[pair.b].id if pair.b is not None else None
        if old is None:
            status = SlideStatus.NEW
        elif new is None:
            status = SlideStatus.REMOVED
        else:
            same = _key(older_drafts[pair.a]) == _key(newer_drafts[pair.b])
            status = SlideStatus.UNCHANGED if same else SlideStatus.EDITED
        diffs.append((old, new, status))
    from_older = EditionLink(lecture=newer.id, slides=[SlideDiff(slide=o, other=n, status=s) for o, n, s in diffs])
    from_newer = EditionLink(lecture=older.id, slides=[SlideDiff(slide=n, other=o, status=s) for o, n, s in diffs])
    return from_older, from_newer


def _key(draft: Draft) -> list[str]:
    return [k for k in (line_key(t) for t in draft.lines) if k]
