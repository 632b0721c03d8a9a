"""Readers for text sources: slide-text dumps (one page per single-space start) and notes/markdown."""

from __future__ import annotations

import re
from statistics import mean

from pydantic import Field

from lecturekit.ingest.pages import make_page
from lecturekit.ingest.sections import REVEAL_SEPARATOR, split_sections
from lecturekit.models import Model, Page, SourceKind

FORM_FEED = "\f"
# "--- page 3 ---", "=== Page 12 ===", "-- Page 4 of 20 --"
PAGE_MARKER = re.compile(r"^\s*[-=]{2,}\s*page\s+(\d+)(?:\s+of\s+\d+)?\s*[-=]{2,}\s*$", re.IGNORECASE)
PAGE_START = re.compile(r"^ (?=\S)")  # exactly one space, then text
ATX_HEADING = re.compile(r"^#{1,6}\s+\S")
BULLET = re.compile(r"^\s*[-*+•]\s+\S")
EMAIL_HEADER = re.compile(r"^(from|to|subject|date|cc):\s|<[^<>\s]+@[^<>\s]+>", re.IGNORECASE)
DUMP_MIN_STARTS = 2
DUMP_MIN_START_SHARE = 0.02  # of non-blank lines; a stray indented line in long notes does not make a dump
SHORT_BULLET_CHARS = 60


def split_lines(text: str) -> list[str]:
    """The text's lines, with \\r\\n and \\r normalised; form feeds stay inside their line."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def classify_text(text: str) -> SourceKind:
    """Decide by content whether TEXT is a slide-text dump, markdown-like slides, or prose notes."""
    lines = split_lines(text)
    nonblank = [line for line in lines if line.strip()]
    starts = sum(1 for line in lines if PAGE_START.match(line))
    if FORM_FEED in text or any(PAGE_MARKER.match(line) for line in lines):
        return SourceKind.TEXT_DUMP
    if _looks_like_slide_markdown(nonblank):
        return SourceKind.MARKDOWN  # checked first: its options may be indented by one space, like dump pages
    if starts >= DUMP_MIN_STARTS and starts >= DUMP_MIN_START_SHARE * len(nonblank):
        return SourceKind.TEXT_DUMP
    if _looks_like_markdown(nonblank):
        return SourceKind.MARKDOWN
    return SourceKind.NOTES


def _looks_like_slide_markdown(nonblank: list[str]) -> bool:
    """Whether lines are markdown slides (reveal.js, Marp): headings between slide separators."""
    separators = sum(1 for line in nonblank if REVEAL_SEPARATOR.match(line))
    return separators >= 2 and any(ATX_HEADING.match(line) for line in nonblank)


def _looks_like_markdown(nonblank: list[str]) -> bool:
    if any(ATX_HEADING.match(line) for line in nonblank) or any("$$" in line for line in nonblank):
        return True
    table_rows = sum(1 for line in nonblank if line.lstrip().startswith("|") or "\t" in line)
    if table_rows >= 2:
        return True
    if any(EMAIL_HEADER.search(line) for line in nonblank):
        return False
    bullets = [len(line.strip()) for line in nonblank if BULLET.match(line)]
    return len(bullets) >= 3 and mean(bullets) < SHORT_BULLET_CHARS


def read_text_pages(text: str, name: str, kind: SourceKind) -> list[Page]:
    """Split TEXT into pages: by page starts for a dump, by headings and structure otherwise."""
    if kind is SourceKind.TEXT_DUMP:
        return read_dump(text, name)
    return split_sections(split_lines(text), name, kind)


class Chunk(Model):
    """The lines of one dump page while it is being collected."""

    first_line: int
    label: str | None = None  # the number a page marker printed
    lines: list[tuple[int, str]] = Field(default_factory=list)

    def has_text(self) -> bool:
        return any(text.strip() for _, text in self.lines)


def read_dump(text: str, name: str) -> list[Page]:
    """Pages of a slide-text dump: a single-space start, a form feed or a page marker opens a page."""
    pages = DumpPages(name)
    chunk = Chunk(first_line=1)
    for number, raw in enumerate(split_lines(text), start=1):
        for piece_index, piece in enumerate(raw.split(FORM_FEED)):
            if piece_index > 0:  # a form feed ends the page before it
                chunk = pages.close(chunk, Chunk(first_line=number))
            if marker := PAGE_MARKER.match(piece):
                chunk = pages.close(chunk, Chunk(first_line=number, label=marker.group(1)))
                continue
            starts_page = PAGE_START.match(piece) is not None
            if starts_page and chunk.has_text():
                chunk = pages.close(chunk, Chunk(first_line=number))
            chunk.lines.append((number, piece[1:] if starts_page else piece))
    return pages.finish(chunk)


class DumpPages:
    """The pages of a dump, each made as soon as its chunk closes, so that memory holds one chunk's raw lines."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.pages: list[Page] = []
        self.first = True
        self.held: list[Chunk] = []  # empty chunks: pages only if text follows them

    def close(self, chunk: Chunk, following: Chunk) -> Chunk:
        """Close CHUNK (a page, or held back while empty) and return FOLLOWING, the chunk now open."""
        first, self.first = self.first, False
        if _is_blank(chunk):
            # Text before the first page start is a page only when it holds something; an empty page in
            # the middle stays, but a trailing one (a final form feed, as pdftotext writes) opens no page.
            if not first:
                self.held.append(chunk)
            return following
        self._emit(chunk)
        return following

    def finish(self, chunk: Chunk) -> list[Page]:
        """The pages, after the last CHUNK; trailing empty chunks make none."""
        if not _is_blank(chunk):
            self._emit(chunk)
        return self.pages

    def _emit(self, chunk: Chunk) -> None:
        for held in [*self.held, chunk]:
            start = next((n for n, t in held.lines if t.strip()), held.first_line)
            self.pages.append(
                make_page(self.name, len(self.pages) + 1, held.lines, first_line=start, label=held.label)
            )
        self.held = []


def _is_blank(chunk: Chunk) -> bool:
    return chunk.label is None and not chunk.has_text()
