"""Fixtures for the quiz tests: seed text as it is, and slides built from it the way the cleaner would."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lecturekit.models import Lecture, Method, PageRef, Slide, SlideKind

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TEXT_2026 = "000_5e6f1afa6cbb3b19.txt"
OCR_2026 = "001_9877fb9ea88e89b7.txt"
MD_2024 = "004_6907600352c4fa8e.txt"


def seed_text(name: str) -> str:
    """A seed file exactly as shipped."""
    return (SEEDS / name).read_text(encoding="utf-8")


def seed_passage(name: str, start: str, end: str | None = None) -> str:
    """The seed text from the first line starting with START up to the next line starting with END."""
    text = seed_text(name)
    begin = re.search(r"^\s?" + re.escape(start), text, re.MULTILINE)
    assert begin, f"{start!r} not in {name}"
    if end is None:
        return text[begin.start() :]
    finish = re.search(r"^\s?" + re.escape(end), text[begin.end() :], re.MULTILINE)
    assert finish, f"{end!r} not after {start!r} in {name}"
    return text[begin.start() : begin.end() + finish.start()]


def dump_pages(name: str) -> list[str]:
    """Pages of a text dump (000, 001): a new page starts at a line that begins with a single space."""
    pages = re.split(r"\n(?= \S)", seed_text(name))
    return [page.strip("\n") for page in pages if page.strip()]


def slide(lecture: str, number: int, text: str, refs: list[tuple[str, int, Method]]) -> Slide:
    """A slide as the cleaner hands it over: title first, provenance pages."""
    lines = [line.strip() for line in text.strip("\n").splitlines()]
    title = next((line for line in lines if line and line not in {"-", "|", "N"}), "")
    return Slide(
        id=f"{lecture}/s{number:02d}",
        title=title,
        text="\n".join(lines),
        kind=SlideKind.EXERCISE if re.search(r"ICE|Breakout", text) else SlideKind.CONTENT,
        pages=[PageRef(source=s, page=p, method=m) for s, p, m in refs],
    )


def dump_lecture(lecture: str, sources: list[tuple[str, Method]]) -> Lecture:
    """One slide per page of each dump, builds not merged, sources one after the other."""
    slides: list[Slide] = []
    for name, method in sources:
        for page_number, text in enumerate(dump_pages(name), 1):
            slides.append(slide(lecture, len(slides) + 1, text, [(name, page_number, method)]))
    return Lecture(
        id=lecture, title="Deep learning fundamentals", sources=[n for n, _ in sources], slides=slides
    )


@pytest.fixture
def lecture_2026() -> Lecture:
    """The 2026 lecture from its text-layer dump (000) and its OCR dump (001), unmerged."""
    return dump_lecture("2026-01-14", [(TEXT_2026, Method.TEXT_LAYER), (OCR_2026, Method.OCR)])


@pytest.fixture
def lecture_2024() -> Lecture:
    """The 2024 lecture's exercise slides as cut from 004 (the ICE, its builds, the breakout)."""
    return exercise_lecture_2024()


def exercise_lecture_2024() -> Lecture:
    """The 2024 lecture's exercise slides as cut from 004, one slide per build, as the cleaner might leave them."""
    ice = seed_passage(MD_2024, "Hyper-parameters in Deep Learning", "Hyper-parameter tuning methods")
    parts = [part for part in re.split(r"\n(?=\s*Hyper-parameters in Deep Learning)", ice) if part.strip()]
    breakout = seed_passage(MD_2024, "Breakouts Time #1")
    texts = [
        seed_passage(MD_2024, "Good vs Bad Local minima", "Hyper-parameters in Deep Learning"),
        *parts,
        breakout,
    ]
    slides = [slide("2024-01-11", i, t, [(MD_2024, i, Method.TEXT)]) for i, t in enumerate(texts, 1)]
    return Lecture(id="2024-01-11", title="Lecture 3", sources=[MD_2024], slides=slides)
