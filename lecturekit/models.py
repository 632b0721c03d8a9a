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
    block: int | None = None  # text-layer PDFs: the layout block (column part, box, table) in reading order
    monospace: bool = False  # set in a fixed-pitch font (code); its leading spaces are measured indentation
    color: str | None = (
        None  # text-layer PDFs: the fill colour most of the line is drawn in, e.g. "0.2,0.2,0.7"
    )


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
    drawn: list[str] = Field(default_factory=list)  # digests of the shapes and images drawn (PDF pages)
    # text in the file a viewer never sees, or unreadable
    removed: list[Removal] = Field(default_factory=list)


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
    CONTROL = (
        "control"  # control or invisible format characters (NUL, ESC, bidi overrides) taken out of a line
    )
    HIDDEN = "hidden"  # in the PDF's text layer but not shown (off the page, clipped, invisible, covered)
    UNREADABLE = "unreadable"  # glyphs without a Unicode meaning ((cid:N), private use, wrong script)


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
    # removals of pages that made no slide (empty, boilerplate-only)
    removed: list[Removal] = Field(default_factory=list)


# ---------------------------------------------------------------- quiz


class QuestionKind(str, Enum):
    MCQ = "mcq"
    DISCUSSION = "discussion"
    TRUE_FALSE = "true-false"  # options "True" and "False", answer one of their keys
    SHORT_ANSWER = "short-answer"  # typed answer checked against `accepted`
    NUMERIC = "numeric"  # typed number checked against `numeric`
    MATCHING = "matching"  # each left item matched to one right item (`pairs`)


class Option(Model):
    key: str  # "1", "2", ... as shown to students
    text: str
    garbled: bool = False  # kept as read; flagged for the instructor
    feedback: str | None = None
    weight: float | None = None  # percent of the marks a multi-answer option is worth (negative: a penalty)


class AcceptedAnswer(Model):
    """One accepted answer of a short-answer question (case ignored when checking)."""

    text: str
    weight: float = 100.0  # percent of the marks
    feedback: str | None = None


class NumericAnswer(Model):
    """One accepted value of a numeric question: VALUE ± TOLERANCE (a range lo..hi is its midpoint ± half-width)."""

    value: float
    tolerance: float = 0.0
    weight: float = 100.0
    feedback: str | None = None
    as_range: bool = False  # written as a range (GIFT `lo..hi`): written back the same way

    def accepts(self, number: float) -> bool:
        return abs(number - self.value) <= self.tolerance + 1e-9 * max(1.0, abs(self.value))


class MatchPair(Model):
    """One row of a matching question: a prompt and the answer it goes with."""

    left: str
    right: str


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
    key_source: str | None = (
        None  # where the key came from: "speaker notes", "check mark (deck.pdf p. 4)", "answers.toml"
    )
    accepted: list[AcceptedAnswer] = Field(default_factory=list)  # short-answer keys
    numeric: list[NumericAnswer] = Field(default_factory=list)  # numeric keys
    pairs: list[MatchPair] = Field(default_factory=list)  # matching keys (the right column is shown shuffled)

    @property
    def unkeyed(self) -> bool:
        """A gradable question without an answer key yet: practice, key pending (not an error)."""
        if self.kind in (QuestionKind.MCQ, QuestionKind.TRUE_FALSE):
            return not self.answer
        keys = {
            QuestionKind.SHORT_ANSWER: self.accepted,
            QuestionKind.NUMERIC: self.numeric,
            QuestionKind.MATCHING: self.pairs,
        }
        return self.kind in keys and not keys[self.kind]


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


# ---------------------------------------------------------------- pictures


class ImageFormat(str, Enum):
    WEBP = "webp"


class SlideImage(Model):
    """A picture of the final build page of a slide, for the site; its bytes stay in memory, never in JSON."""

    slide: str  # slide id
    source: str  # the page it shows (the last PDF or image page in the slide's provenance)
    page: int
    digest: str  # sha256 of the encoded bytes: names the site's file, keys the pages that show it
    format: ImageFormat = ImageFormat.WEBP
    width: int
    height: int
    data: bytes = Field(default=b"", exclude=True, repr=False)


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
    # page pictures of slides, in lecture and slide order
    images: list[SlideImage] = Field(default_factory=list)
