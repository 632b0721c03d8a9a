"""Ids of lectures and slides, made from their dates and titles so that they survive added slides."""

from __future__ import annotations

from collections import Counter

from slugify import slugify

from lecturekit.models import Lecture

LECTURE_SLUG_LENGTH = 60
SLIDE_SLUG_LENGTH = 48


def slug(text: str, fallback: str = "lecture", max_length: int = LECTURE_SLUG_LENGTH) -> str:
    """A lower-case, dash-separated id made from TEXT, other scripts spelled in Latin letters, else FALLBACK.

    "Café" → "cafe", "Градиентный спуск" → "gradientnyi-spusk", "梯度下降" → "ti-du-xia-jiang": a title
    in any script keeps a readable id of its own instead of a number that shifts when a slide is added.
    """
    return slugify(text, max_length=max_length) or fallback


def lecture_ids(lectures: list[Lecture], fixed: list[str | None]) -> list[str]:
    """Ids: FIXED's (course.toml), else the ISO date if no other lecture shares it, else the title's slug."""
    date_counts = Counter(
        lec.date for lec, given in zip(lectures, fixed, strict=True) if not given and lec.date
    )
    taken = {given for given in fixed if given}
    ids = []
    for lecture, given in zip(lectures, fixed, strict=True):
        if given:
            ids.append(given)
            continue
        base = (
            lecture.date.isoformat()
            if lecture.date and date_counts[lecture.date] == 1
            else slug(lecture.title)
        )
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        taken.add(candidate)
        ids.append(candidate)
    return ids


def assign_ids(lecture: Lecture, lecture_id: str) -> Lecture:
    """Slide ids from titles ("2026-01-14/understanding-batch-size"), numbered only among equal titles.

    Positions would shift whenever a source adds a slide, silently re-pointing every link and every
    answer key's review slide; a title-based id survives that.
    """
    lecture.id = lecture_id
    seen: Counter[str] = Counter()
    for slide in lecture.slides:
        base = slug(slide.title, "slide", SLIDE_SLUG_LENGTH)
        seen[base] += 1
        slide.id = f"{lecture_id}/{base}" if seen[base] == 1 else f"{lecture_id}/{base}-{seen[base]}"
    return lecture
