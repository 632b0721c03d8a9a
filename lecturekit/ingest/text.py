"""Readers for text sources: slide-text dumps (one page per single-space start) and notes/markdown."""

from __future__ import annotations

import re
from statistics import mean

from pydantic import Field

from lecturekit.ingest.pages import make_page
from lecturekit.ingest.sections import split_sections
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
    if starts >= DUMP_MIN_STARTS and starts >= DUMP_MIN_START_SHARE * len(nonblank):
        return SourceKind.TEXT_DUMP
    if _looks_like_markdown(nonblank):
        return SourceKind.MARKDOWN
    return SourceKind.NOTES


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
    chunks = [Chunk(first_line=1)]
    for number, raw in enumerate(split_lines(text), start=1):
        for piece_index, piece in enumerate(raw.split(FORM_FEED)):
            if piece_index > 0:  # a form feed ends the page before it
                chunks.append(Chunk(first_line=number))
            if marker := PAGE_MARKER.match(piece):
                chunks.append(Chunk(first_line=number, label=marker.group(1)))
                continue
            starts_page = PAGE_START.match(piece) is not None
            if starts_page and chunks[-1].has_text():
                chunks.append(Chunk(first_line=number))
            chunks[-1].lines.append((number, piece[1:] if starts_page else piece))
    return _number_pages(chunks, name)


def _number_pages(chunks: list[Chunk], name: str) -> list[Page]:
    # The text before the first page start is a page only when it holds something; a trailing
    # form feed (how pdftotext ends a file) opens no page. A marked page stays even when empty.
    while chunks and not chunks[-1].has_text() and chunks[-1].label is None:
        chunks.pop()
    if len(chunks) > 1 and not chunks[0].has_text() and chunks[0].label is None:
        chunks.pop(0)
    pages = []
    for index, chunk in enumerate(chunks, start=1):
        start = next((n for n, t in chunk.lines if t.strip()), chunk.first_line)
        pages.append(make_page(name, index, chunk.lines, first_line=start, label=chunk.label))
    return pages
