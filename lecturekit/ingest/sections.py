"""Split notes and markdown-like slide text into sections by headings and structure."""

from __future__ import annotations

import re
from collections import Counter

from pydantic import Field

from lecturekit.ingest.pages import make_page
from lecturekit.models import Model, Page, SourceKind

ATX_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$")
SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(=+|-{3,})\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
LIST_OR_SYMBOL_START = re.compile(r"^([-*+•>|=(\[$\\]|\d+[.)]\s|[a-z]\)\s)")
SENTENCE_BREAK = re.compile(r"[.!?]\s+\S")
DATE = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}\b"
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b\s*$|^\d{4}-\d{2}-\d{2}$",
    re.IGNORECASE,
)
NOT_IN_TITLES = ("<", "@", "://", "\t", "$$", "\\", ":-", "©", "copyright")
TITLE_MAX_CHARS = 70
TITLE_MAX_WORDS = 10
TITLE_END_PUNCTUATION = ".?!:;,"
SLIDE_GAP = 2  # blank lines before a title-like line that mark a new slide in converted decks
# reveal.js markdown: "---" (or "--" for a vertical slide) on its own between blank lines, or a <section> tag.
FRONT_MATTER_MAX_LINES = 40
REVEAL_SEPARATOR = re.compile(r"^(?:-{2,3}|\s*<section\b.*)$")


class Section(Model):
    """A section being collected: its heading (if it has one) and its numbered lines."""

    title: str | None = None
    heading_text: str | None = None  # the heading line as written, to spot build repeats
    start: int | None = None  # index of the heading line
    after_body: bool = False  # whether it was opened right after a section with body text
    label: str | None = None  # the reveal.js slide's ordinal: separated slides are never builds of each other
    lines: list[tuple[int, str]] = Field(default_factory=list)

    def body_count(self) -> int:
        return sum(1 for _, text in self.lines if text.strip()) - (1 if self.heading_text else 0)

    def contains(self, text: str) -> bool:
        return any(line.strip() == text for _, line in self.lines)


def split_sections(lines: list[str], name: str, kind: SourceKind) -> list[Page]:
    """Pages of a notes/markdown text, one per section; `$$` math and fenced blocks never split."""
    front = _front_matter_end(lines)
    # YAML front matter is the site generator's, not a slide
    sections = _collect([""] * front + lines[front:], kind)
    pages: list[Page] = []
    for section in sections:
        if not any(text.strip() for _, text in section.lines):
            continue
        first = next(number for number, text in section.lines if text.strip())
        pages.append(
            make_page(
                name,
                len(pages) + 1,
                section.lines,
                first_line=first,
                title=section.title,
                label=section.label,
            )
        )
    return pages


def _collect(lines: list[str], kind: SourceKind) -> list[Section]:
    # Two passes: a slide title shows itself where it follows body text ("Back Propagation Summary"
    # after the "Back Prop" paragraph); its earlier appearance under a title-only slide is then a
    # title too, not that slide's subtitle -- unless the pair recurs ("Back Propagation Summary"
    # over "Back Prop" on every build step: a title and its subtitle).
    first = _collect_pass(lines, kind, {}, Counter())
    known: dict[str, set[int]] = {}
    for section in first:
        if section.title is not None and section.after_body and section.start is not None:
            known.setdefault(section.title, set()).add(section.start)
    return _collect_pass(lines, kind, known, _line_pairs(lines)) if known else first


def _line_pairs(lines: list[str]) -> Counter[tuple[str, str]]:
    """How often each (previous non-blank line, line) pair occurs."""
    pairs: Counter[tuple[str, str]] = Counter()
    previous = ""
    for line in lines:
        if line.strip():
            pairs[(previous, line.strip())] += 1
            previous = line.strip()
    return pairs


def _collect_pass(
    lines: list[str], kind: SourceKind, known: dict[str, set[int]], pairs: Counter[tuple[str, str]]
) -> list[Section]:
    explicit = _has_atx_heading(lines)
    sections = [Section()]
    titles: set[str] = set()
    in_block: str | None = None  # "$$" or a fence while inside a block that must stay whole
    for index, line in enumerate(lines):
        stripped = line.strip()
        heading = None
        if in_block is None:
            shown_elsewhere = (
                bool(known.get(stripped, set()) - {index})
                and pairs[(sections[-1].heading_text or "", stripped)] < 2
            )
            heading = _heading(lines, index, explicit, kind, sections[-1], titles, shown_elsewhere)
        if in_block is None and _slide_separator(lines, index, kind):
            # the separator itself is markup, not slide text
            sections.append(Section(label=f"s{len(sections)}"))
            continue
        if heading is not None and kind is SourceKind.MARKDOWN and _untitled_blank(sections[-1]):
            sections[-1].title, sections[-1].heading_text, sections[-1].start = heading, stripped, index
            titles.add(heading)
        elif heading is not None:
            titles.add(heading)
            after_body = sections[-1].body_count() > 0 and sections[-1].title != heading
            sections.append(Section(title=heading, heading_text=stripped, start=index, after_body=after_body))
        sections[-1].lines.append((index + 1, line))
        in_block = _block_state(stripped, in_block)
    return sections


def _front_matter_end(lines: list[str]) -> int:
    """How many leading lines are YAML front matter (`---`, `key: value` lines, `---`); 0 when there is none."""
    if not lines or lines[0].strip() != "---":
        return 0
    for index, line in enumerate(lines[1:FRONT_MATTER_MAX_LINES], 1):
        if line.strip() == "---":
            return index + 1 if index > 1 else 0
        if not re.match(r"^\s*(?:[\w-]+\s*:.*|-\s.*|#.*|)$", line):
            return 0
    return 0


def _slide_separator(lines: list[str], index: int, kind: SourceKind) -> bool:
    """Whether LINES[INDEX] separates reveal.js slides: a <section> tag, or in markdown a lone "---" / "--"."""
    line = lines[index]
    if not REVEAL_SEPARATOR.match(line) or index == 0:  # front matter's opening "---" separates nothing
        return False
    if line.lstrip().startswith("<section"):
        return True
    return (
        kind is SourceKind.MARKDOWN
        and _blank_before(lines, index)
        and index + 1 < len(lines)
        and not lines[index + 1].strip()
    )


def _untitled_blank(section: Section) -> bool:
    """Whether SECTION (opened by a slide separator) has no title and no text yet: a heading then titles it."""
    return section.title is None and all(not text.strip() for _, text in section.lines)


def _has_atx_heading(lines: list[str]) -> bool:
    """Whether `#` headings give the structure (a `# comment` inside a code fence does not count)."""
    in_block: str | None = None
    for line in lines:
        if in_block is None and ATX_HEADING.match(line):
            return True
        in_block = _block_state(line.strip(), in_block)
    return False


def _block_state(stripped: str, in_block: str | None) -> str | None:
    """Whether we are inside a `$$` math block or a code fence after this line."""
    if in_block == "fence":
        return None if FENCE.match(stripped) else in_block
    if in_block is None and FENCE.match(stripped):
        return "fence"
    if stripped.count("$$") % 2 == 1:
        return None if in_block == "$$" else "$$"
    return in_block


def _heading(
    lines: list[str],
    index: int,
    explicit: bool,
    kind: SourceKind,
    current: Section,
    titles: set[str],
    shown_elsewhere: bool = False,
) -> str | None:
    """The section title LINES[INDEX] opens, or None when it belongs to the current section."""
    stripped = lines[index].strip()
    if match := ATX_HEADING.match(lines[index]):
        return match.group(2).strip()
    if explicit:
        return None
    following = lines[index + 1] if index + 1 < len(lines) else ""
    if stripped and SETEXT_UNDERLINE.match(following) and _blank_before(lines, index):
        return stripped
    if not (_title_like(stripped) and _blank_before(lines, index) and not following.strip()):
        return None
    gap = _blank_run_before(lines, index)
    if (
        shown_elsewhere
        and kind is not SourceKind.NOTES
        and current.title != stripped
        and not current.contains(stripped)
    ):
        return stripped
    return stripped if _opens_section(stripped, current, kind, gap, stripped in titles) else None


def _opens_section(title: str, current: Section, kind: SourceKind, gap: int, seen_title: bool) -> bool:
    # Slides repeat their title on every build step: the same title again is a new page.
    if current.title == title or current.heading_text is None and current.body_count() == 0:
        return True
    if current.contains(title):
        # A sub-heading repeated inside one slide ("Example", "Example") stays; after a wide gap
        # (the slide's figure was an image) the line is the next slide's title.
        return gap >= SLIDE_GAP and kind is not SourceKind.NOTES
    if seen_title:
        return True
    if kind is SourceKind.NOTES:
        return True
    # In slide-like markdown a title-like line one blank line under the title is the slide's
    # subtitle; a wider gap after a title-only slide (its figure was an image) starts the next one.
    return current.body_count() > 0 or gap >= SLIDE_GAP


def _blank_run_before(lines: list[str], index: int) -> int:
    """Empty lines right before INDEX; a line of spaces (an image's trace in converted decks) counts 0."""
    empty = 0
    while index > 0 and not lines[index - 1].strip():
        index -= 1
        empty += lines[index] == ""
    return empty


def _blank_before(lines: list[str], index: int) -> bool:
    return index == 0 or not lines[index - 1].strip()


def _title_like(text: str) -> bool:
    """Whether TEXT reads like a heading: short, capitalised, no sentence or list or math."""
    if not text or len(text) > TITLE_MAX_CHARS or len(text.split()) > TITLE_MAX_WORDS:
        return False
    if not (text[0].isupper() or text[0].isdigit()) or text[-1] in TITLE_END_PUNCTUATION:
        return False
    lowered = text.lower()
    if any(mark in lowered for mark in NOT_IN_TITLES) or "$" in text:
        return False
    if LIST_OR_SYMBOL_START.match(text) or SENTENCE_BREAK.search(text) or DATE.search(text):
        return False
    return sum(ch.isalpha() for ch in text) >= 2
