"""Shared fixtures for the cleaner tests: the seed course read and cleaned, and deck builders."""

from __future__ import annotations

from pathlib import Path

import pytest

from lecturekit.cleaner import clean_course
from lecturekit.course import CourseConfig, load_config
from lecturekit.errors import Diagnostics
from lecturekit.ingest import IngestOptions, read_sources
from lecturekit.models import Lecture, Line, Method, Page, Source, SourceKind

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def seed_sources() -> list[Source]:
    diag = Diagnostics()
    sources = read_sources(seed_files(), IngestOptions(cache=False), diag)
    assert not diag.errors
    return sources


@pytest.fixture(scope="session")
def seed_lectures(seed_sources) -> list[Lecture]:
    """The seeds cleaned with no course.toml: grouping is automatic."""
    diag = Diagnostics()
    lectures = clean_course(seed_sources, CourseConfig(), diag)
    assert not diag.errors
    return lectures


@pytest.fixture(scope="session")
def configured_lectures(seed_sources) -> list[Lecture]:
    """The seeds cleaned with the bundled course.toml."""
    diag = Diagnostics()
    return clean_course(seed_sources, load_config(SEEDS), diag)


def lecture(lectures: list[Lecture], lecture_id: str) -> Lecture:
    found = [lec for lec in lectures if lec.id == lecture_id]
    assert len(found) == 1, [lec.id for lec in lectures]
    return found[0]


def text_page(
    source: str,
    number: int,
    lines: list[str],
    label: str | None = None,
    method: Method = Method.TEXT,
    confidence: float | None = None,
) -> Page:
    """A plain-text page (no layout) the way the text readers make them."""
    return Page(
        source=source,
        page=number,
        label=label,
        method=method,
        title=lines[0] if lines else None,
        text="\n".join(lines),
        lines=[Line(text=t, number=i + 1) for i, t in enumerate(lines)],
        confidence=confidence,
    )


def deck(
    name: str,
    pages: list[list[str]],
    labels: list[str | None] | None = None,
    kind: SourceKind = SourceKind.TEXT_DUMP,
    method: Method = Method.TEXT,
) -> Source:
    """A source from lists of page lines."""
    labels = labels or [None] * len(pages)
    return Source(
        name=name,
        path=name,
        kind=kind,
        sha256="0" * 64,
        pages=[
            text_page(name, i + 1, lines, label, method)
            for i, (lines, label) in enumerate(zip(pages, labels, strict=True))
        ],
    )
