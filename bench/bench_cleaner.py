"""Cleaner benchmark: slides/s on a synthetic 2,000-page course and how time grows from 200 to 2,000 pages."""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lecturekit.cache import Cache  # noqa: E402
from lecturekit.cleaner import clean_course  # noqa: E402
from lecturekit.course import CourseConfig  # noqa: E402
from lecturekit.errors import Diagnostics  # noqa: E402
from lecturekit.models import Line, Method, Page, Source, SourceKind  # noqa: E402

SIZES = [200, 500, 1000, 2000]
FRAMES_PER_DECK = 24
COMMON = "the a of to and is in for with we model data loss gradient layer network training".split()
GLYPHS = ["@", "©", "o", "Q"]
REPEATS = 3


def topic_words(rng: random.Random, lecture: int) -> list[str]:
    """Words of one lecture's topic: lectures differ in vocabulary as real ones do."""
    return [
        f"{rng.choice('bcdfghklmnprstvz')}{rng.choice('aeiou')}{rng.choice('lmnrst')}{lecture}x{k}"
        for k in range(40)
    ]


def sentence(rng: random.Random, vocabulary: list[str]) -> str:
    return " ".join(
        rng.choice(vocabulary if rng.random() < 0.6 else COMMON) for _ in range(rng.randint(5, 12))
    )


def frames(rng: random.Random, lecture: int) -> list[tuple[str, list[str]]]:
    vocabulary = topic_words(rng, lecture)
    return [
        (
            f"{sentence(rng, vocabulary)[:40].title()} {n}",
            [sentence(rng, vocabulary) for _ in range(rng.randint(1, 5))],
        )
        for n in range(FRAMES_PER_DECK)
    ]


def deck_pages(name: str, deck: list[tuple[str, list[str]]], date: dt.date, ocr: bool) -> list[Page]:
    """Pages of a deck exported with builds (one page per bullet step) and a footer with slide numbers."""
    pages = []
    footer = f"(Univ. of Somewhere) CS 101: Synthetic {date:%B} {date.day}, {date.year}"
    for number, (title, bullets) in enumerate(deck, start=1):
        for step in range(1, len(bullets) + 1):
            body = [f"{GLYPHS[k % 4]} {b}" if ocr else f"- {b}" for k, b in enumerate(bullets[:step])]
            lines = [title, *body, f"{footer} {number}/{len(deck)}"]
            pages.append(
                Page(
                    source=name,
                    page=len(pages) + 1,
                    method=Method.OCR if ocr else Method.TEXT,
                    text="\n".join(lines),
                    lines=[Line(text=t) for t in lines],
                    confidence=90.0 if ocr else None,
                )
            )
    return pages


def synthetic_course(total_pages: int, seed: int = 7) -> list[Source]:
    """Decks until TOTAL_PAGES pages: every third lecture also comes as an OCR reading of the same deck."""
    rng = random.Random(seed)
    sources: list[Source] = []
    count, lecture = 0, 0
    while count < total_pages:
        deck = frames(rng, lecture)
        date = dt.date(2026, 1, 5) + dt.timedelta(days=7 * lecture)
        readings = [False, True] if lecture % 3 == 0 else [False]
        for ocr in readings:
            name = f"l{lecture:03d}_{'ocr' if ocr else 'text'}.txt"
            pages = deck_pages(name, deck, date, ocr)[: total_pages - count]
            if pages:
                sources.append(
                    Source(name=name, path=name, kind=SourceKind.TEXT_DUMP, sha256="0" * 64, pages=pages)
                )
                count += len(pages)
        lecture += 1
    return sources


def time_clean(sources: list[Source]) -> tuple[float, int, int]:
    """Best wall time of REPEATS cleanings, with the number of lectures and slides made."""
    best, lectures = float("inf"), []
    for _ in range(REPEATS):
        start = time.perf_counter()
        # No deck cache: the point is the cleaner's own work, not a cache hit from the last repeat.
        lectures = clean_course(sources, CourseConfig(), Diagnostics(), Cache("decks", enabled=False))
        best = min(best, time.perf_counter() - start)
    return best, len(lectures), sum(len(lec.slides) for lec in lectures)


def main() -> None:
    rows = []
    for size in SIZES:
        sources = synthetic_course(size)
        seconds, lectures, slides = time_clean(sources)
        rows.append((size, seconds, lectures, slides))
        print(
            f"{size:5d} pages, {len(sources):3d} sources -> {lectures:3d} lectures, {slides:4d} slides: "
            f"{seconds:6.2f} s  ({size / seconds:6.0f} pages/s, {slides / seconds:5.0f} slides/s, "
            f"{1000 * seconds / size:.2f} ms/page)"
        )
    base_pages, base_time = rows[0][0], rows[0][1]
    top_pages, top_time, _, top_slides = rows[-1]
    print(f"cleaner throughput at {top_pages} pages: {top_slides / top_time:.0f} slides/s")
    print(
        f"growth {base_pages}->{top_pages} pages: x{top_pages / base_pages:.0f} input, x{top_time / base_time:.1f} time "
        f"(linear would be x{top_pages / base_pages:.0f})"
    )


if __name__ == "__main__":
    main()
