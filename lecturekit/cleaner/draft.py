"""Working models the cleaner passes between its steps (pages after normalizing, slides before ids)."""

from __future__ import annotations

from pydantic import Field

from lecturekit.models import Method, Model, PageRef, Removal, SlideKind, SourceKind


class CleanLine(Model):
    """One normalized content line with the layout hints furniture detection uses."""

    text: str
    size: float | None = None
    top: float | None = None
    number: int | None = None  # line number in a text source


class CleanPage(Model):
    """A page after normalizing: content lines, what was taken out, and the signals builds use."""

    ref: PageRef
    label: str | None = None  # PDF page label, when the reader found one
    title: str | None = None  # the reader's title (largest type near the top), normalized
    slide_number: int | None = None  # printed slide number read from the footer ("3/22" -> 3)
    ocr_like: bool = False  # OCR text (by method, confidence or glyph bullets): loses to cleaner text
    confidence: float | None = None
    lines: list[CleanLine] = Field(default_factory=list)
    removed: list[Removal] = Field(default_factory=list)
    drawn: list[str] = Field(default_factory=list)  # digests of the page's shapes and images (PDF pages)

    @property
    def texts(self) -> list[str]:
        return [line.text for line in self.lines]


class Draft(Model):
    """A slide being built: title, body lines and full provenance, before it gets its id."""

    source: str
    source_kind: SourceKind
    title: str
    body: list[str] = Field(default_factory=list)
    pages: list[PageRef] = Field(default_factory=list)
    merged_by: list[str] = Field(default_factory=list)
    removed: list[Removal] = Field(default_factory=list)
    label: str | None = None
    slide_number: int | None = None
    title_place: tuple[float, float] | None = None  # (top, size) of the title line on a laid-out page
    figure: bool = False  # a page with no text: its picture is the slide, its title only its place
    drawn: list[str] = Field(default_factory=list)  # shapes and images of its latest step (PDF pages)
    ocr_like: bool = False
    confidence: float | None = None
    kind: SlideKind | None = None

    @property
    def lines(self) -> list[str]:
        return [self.title, *self.body] if self.title else list(self.body)

    def rank(self) -> tuple[int, int, float]:
        """Sort key of text quality: text layer, then plain text, then OCR; higher confidence first."""
        method_rank = {Method.TEXT_LAYER: 0, Method.TEXT: 1, Method.OCR: 2}
        best_method = min((method_rank[ref.method] for ref in self.pages), default=2)
        return (int(self.ocr_like), best_method, -(self.confidence or 0.0))
