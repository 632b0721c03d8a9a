"""Pydantic models shared by every pipeline stage: pages, slides, lectures, questions, topics, course."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field


class Model(BaseModel):
    """Base for every lecturekit model: strict field names, enums serialised as values."""

    model_config = ConfigDict(extra="forbid", use_enum_values=False, validate_assignment=False)


# ---------------------------------------------------------------- ingest


class SourceKind(str, Enum):
    PDF = "pdf"
    IMAGE = "image"
    TEXT_DUMP = "text-dump"  # slide text extracted or OCR'd into a .txt (seeds 000, 001)
    NOTES = "notes"  # prose notes, summaries, e-mails (seeds 002, 003)
    MARKDOWN = "markdown"  # markdown-like slide conversions (seed 004)


class Method(str, Enum):
    TEXT_LAYER = "text-layer"
    OCR = "ocr"
    TEXT = "text"


class Line(Model):
    """One line of a page with the layout hints the cleaner learns furniture and titles from."""

    text: str
    size: float | None = None  # font size in points (PDF) or glyph height in px (OCR)
    top: float | None = None  # distance from the page top, as a fraction of page height (0..1)
    x0: float | None = None  # left edge as a fraction of page width (0..1)
    bold: bool = False
    confidence: float | None = None  # mean OCR word confidence of this line, 0..100
    number: int | None = None  # 1-based line number in a text source (for messages)


class Page(Model):
    """A page of a source as read, before cleaning."""

    source: str
    page: int  # 1-based
    label: str | None = None  # PDF /PageLabels entry, or a printed slide number when known
    method: Method
    title: str | None = None
    text: str
    lines: list[Line] = Field(default_factory=list)
    confidence: float | None = None  # mean OCR word confidence of the page, 0..100
    first_line: int | None = None  # 1-based line in a text source where the page starts


class Source(Model):
    """One input file and the pages read from it."""

    name: str  # file name as given in messages and provenance
    path: str
    kind: SourceKind
    sha256: str
    pages: list[Page] = Field(default_factory=list)


# ---------------------------------------------------------------- cleaner


class SlideKind(str, Enum):
    CONTENT = "content"
    ADMIN = "admin"
    EXERCISE = "exercise"
    NOTES = "notes"


class RemovalReason(str, Enum):
    FURNITURE = "furniture"  # running header/footer, page number, course/date line
    DECORATION = "decoration"  # OCR noise: lone glyphs, rules
    BUILD = "build"  # a page merged into the next step of the same slide
    DUPLICATE = "duplicate"  # the same slide again (identical page, or another source's copy)
    BOILERPLATE = "boilerplate"  # e-mail / meeting-tool chrome around notes
    EMPTY = "empty"


class PageRef(Model):
    """Provenance: one source page a slide was made from."""

    source: str
    page: int
    method: Method


class Removal(Model):
    """A trace of text the cleaner took out, and why, so nothing disappears silently."""

    source: str
    page: int
    text: str
    reason: RemovalReason
    detail: str = ""


class TopicTag(Model):
    topic: str  # topic id
    score: float


class Slide(Model):
    id: str  # "<lecture-id>/<title slug>" (-2, -3 … among equal titles): survives added slides
    title: str
    text: str  # cleaned; the title is the first line
    kind: SlideKind = SlideKind.CONTENT
    pages: list[PageRef] = Field(default_factory=list)
    merged_by: list[str] = Field(default_factory=list)  # build / merge signals used
    removed: list[Removal] = Field(default_factory=list)
    topics: list[TopicTag] = Field(default_factory=list)


class SlideStatus(str, Enum):
    UNCHANGED = "unchanged"
    EDITED = "edited"
    NEW = "new"
    REMOVED = "removed"


class SlideDiff(Model):
    """How one slide of a lecture relates to the other edition."""

    slide: str | None  # slide id in this lecture (None when removed)
    other: str | None  # slide id in the other edition (None when new)
    status: SlideStatus


class EditionLink(Model):
    lecture: str  # id of the other edition
    slides: list[SlideDiff] = Field(default_factory=list)


class Lecture(Model):
    id: str
    title: str
    date: dt.date | None = None
    sources: list[str] = Field(default_factory=list)
    slides: list[Slide] = Field(default_factory=list)
    editions: list[EditionLink] = Field(default_factory=list)
    removed: list[Removal] = Field(default_factory=list)  # removals of pages that made no slide (empty, boilerplate-only)


# ---------------------------------------------------------------- quiz


class QuestionKind(str, Enum):
    MCQ = "mcq"
    DISCUSSION = "discussion"


class Option(Model):
    key: str  # "1", "2", ... as shown to students
    text: str
    garbled: bool = False  # kept as read; flagged for the instructor
    feedback: str | None = None


class Question(Model):
    id: str  # stable across rebuilds: "<lecture-id>/ice-2" or a content-hash fallback
    lecture: str
    label: str  # e.g. "ICE #2"
    kind: QuestionKind
    stem: str  # markdown-ish: ~~struck~~ and $math$ kept
    options: list[Option] = Field(default_factory=list)
    multiple: bool = False
    answer: list[str] | None = None  # option keys; None while no key is known
    explanation: str | None = None
    pages: list[PageRef] = Field(default_factory=list)
    slide: str | None = None  # id of the slide that poses it
    review_slide: str | None = None  # id of the slide that teaches it (from answers.toml)
    flags: list[str] = Field(default_factory=list)  # "garbled", "ambiguous", ...
    topics: list[TopicTag] = Field(default_factory=list)


# ---------------------------------------------------------------- topics


class Example(Model):
    name: str  # file stem in examples/, e.g. "backprop_xor"
    title: str
    path: str
    topics: list[str] = Field(default_factory=list)
    output: str = ""  # captured stdout, filled at build time
    figure: str | None = None  # SVG markup produced by the example, if any
    description: str = ""  # the module docstring after its title line (what the example shows)
    exit_code: int | None = None  # of the build-time run; None when it was not run


class Topic(Model):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    summary: str = ""
    related: list[str] = Field(default_factory=list)
    examples: list[str] = Field(default_factory=list)


# ---------------------------------------------------------------- diagnostics and course


class Severity(str, Enum):
    WARNING = "warning"
    ERROR = "error"


class Diagnostic(Model):
    """One problem found in an input, located by file and line or page."""

    severity: Severity
    file: str
    location: str | None = None  # "12" (line) or "p. 3" (page)
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.location}" if self.location else self.file
        return f"{where}: {self.severity.value}: {self.message}"


class Course(Model):
    """Everything read and validated from a course folder, ready to render."""

    title: str
    root: str
    lectures: list[Lecture] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)
    topics: list[Topic] = Field(default_factory=list)
    examples: list[Example] = Field(default_factory=list)
    diagnostics: list[Diagnostic] = Field(default_factory=list)
