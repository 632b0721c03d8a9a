"""Slide titles from the deck's title placeholder: its title font band at the top of each page."""

from __future__ import annotations

from collections import Counter
from statistics import median
from typing import NamedTuple

from lecturekit.models import Line, Method, Page

TOP_REGION = 0.3  # a title starts in the top 30 % of the page
TITLE_RATIO = 1.15  # without a deck title band, a title is at least this much larger than the body text
SAME_BAND = 0.95  # lines within 5 % of the title size belong to the title band
FOOTER_ZONE = 0.9  # lines starting in the bottom 10 % are footers, not body text
CENTRED_TITLE_RATIO = 1.3  # section and title pages: a much larger line anywhere on the page
REPEATED = 0.5  # a top line on more than half the pages is a running header or navigation bar
MIN_LETTERS = 2  # a title has words: figure labels ("2 4 1 2") and symbols never are titles
MAX_TITLE_LINES = 4
PLACEHOLDER_SLACK = (
    0.04  # page heights: a first line this close to the deck's usual title top is in the placeholder
)
ALIGNED = 0.03  # page widths: title lines starting this close are one title wrapped over lines


def body_size(lines: list[Line]) -> float | None:
    """The size most of a deck's characters are set in (character-weighted median above the footer zone)."""
    # Footers repeat a long line on every page; on sparse slides they would outweigh the body text.
    above_footer = [line for line in lines if line.size and (line.top or 0.0) < FOOTER_ZONE]
    sized = sorted((line.size, len(line.text)) for line in above_footer)
    total = sum(weight for _, weight in sized)
    if not total:
        return None
    seen = 0
    for size, weight in sized:
        seen += weight
        if seen * 2 >= total:
            return size
    return sized[-1][0]


def _wordy(line: Line) -> bool:
    return sum(ch.isalpha() for ch in line.text) >= MIN_LETTERS


def _head(lines: list[Line], repeated: set[str], body: float) -> Line | None:
    """The page's first line at the top that could be its title (not a running header, not small print)."""
    for line in sorted(lines, key=lambda item: item.top or 0.0):
        if (line.top or 0.0) > TOP_REGION:
            return None
        if line.text.strip() in repeated or not line.size or line.size < body or not _wordy(line):
            continue
        return line
    return None


class Band(NamedTuple):
    """The deck's title placeholder: its size, its colour, and where its first line sits (top, left)."""

    size: float
    color: str | None
    top: float = 0.0
    x0: float = 0.0


def title_band(pages: list[list[Line]], body: float | None) -> Band | None:
    """The deck's title style: the most common style of the pages' first lines at the top, when above body."""
    if not body:
        return None
    repeated = running_lines(pages)
    heads = [head for lines in pages if (head := _head(lines, repeated, body)) is not None]
    styles = Counter(
        (round(head.size or 0.0, 1), head.color) for head in heads if (head.size or 0) > body or head.bold
    )
    if not styles:
        return None
    (size, color), count = styles.most_common(1)[0]
    if count * 3 < len(heads):
        return None
    placed = [head for head in heads if (round(head.size or 0.0, 1), head.color) == (size, color)]
    return Band(
        size, color, median(head.top or 0.0 for head in placed), median(head.x0 or 0.0 for head in placed)
    )


def _in_placeholder(line: Line, band: Band, body: float) -> bool:
    """A line where the title placeholder puts its first line, shrunk to fit or recoloured but above body."""
    return (
        abs((line.top or 0.0) - band.top) <= PLACEHOLDER_SLACK
        and abs((line.x0 or 0.0) - band.x0) <= ALIGNED
        and (line.size or 0.0) > body
    )


def running_lines(pages: list[list[Line]]) -> set[str]:
    """Texts of top lines on most pages above changing content (headers, navigation bars, section names)."""
    # A build's title repeats on its pages too, but always above the same first line.
    pages_with: Counter[str] = Counter()
    followers: dict[str, set[str]] = {}
    for lines in pages:
        seen: set[str] = set()
        for index, line in enumerate(lines):
            text = line.text.strip()
            if (line.top or 0.0) <= TOP_REGION and text not in seen:
                seen.add(text)
                pages_with[text] += 1
                followers.setdefault(text, set()).add(lines[index + 1].text if index + 1 < len(lines) else "")
    return {
        text
        for text, count in pages_with.items()
        if len(pages) >= 4
        and count > REPEATED * len(pages)
        and len(followers[text]) >= max(3, REPEATED * count)
    }


def title_lines(
    lines: list[Line],
    body: float | None,
    band: Band | None = None,
    repeated: frozenset[str] | set[str] = frozenset(),
) -> list[Line]:
    """The page's title lines: those in the deck's title band at the top, else the largest text (or none)."""
    if not body:
        return []
    sized = [line for line in lines if line.size and _wordy(line) and line.text.strip() not in repeated]
    if band is not None:
        in_band = [
            line
            for line in sized
            if (line.top or 0.0) <= TOP_REGION
            and line.color == band.color
            and abs((line.size or 0.0) - band.size) <= (1 - SAME_BAND) * band.size
        ]
        in_band = in_band or [line for line in sized if _in_placeholder(line, band, body)]
        if in_band:
            return _joined(in_band, lines)
    near_top = [
        line for line in sized if (line.top or 0.0) <= TOP_REGION and (line.size or 0.0) >= body * TITLE_RATIO
    ]
    candidates = near_top or [line for line in sized if (line.size or 0.0) >= body * CENTRED_TITLE_RATIO]
    if not candidates:
        return []
    largest = max(line.size or 0.0 for line in candidates)
    return _joined([line for line in candidates if (line.size or 0.0) >= largest * SAME_BAND], lines)


def _joined(band: list[Line], lines: list[Line]) -> list[Line]:
    """The first title line and the band lines right after it, aligned with it (a title wrapped over lines)."""
    first = min(band, key=lambda line: line.top or 0.0)
    kept = [first]
    position = next(index for index, line in enumerate(lines) if line is first)
    for line in lines[position + 1 : position + MAX_TITLE_LINES]:
        aligned = line.block == first.block or abs((line.x0 or 0.0) - (first.x0 or 0.0)) <= ALIGNED
        same_style = line.size == first.size and _wordy(line)
        if not same_style or not aligned:
            break
        kept.append(line)
    return kept


def _one_title_line(page: Page, title: list[Line]) -> None:
    """PAGE with its wrapped title's lines made one line, so the title is a line of the page as it reads."""
    if len(title) < 2:
        return
    merged = title[0].model_copy(update={"text": " ".join(line.text.strip() for line in title)})
    page.lines = [merged if line is title[0] else line for line in page.lines if not _among(line, title[1:])]
    page.text = "\n".join(line.text for line in page.lines)


def _among(line: Line, others: list[Line]) -> bool:
    return any(line is other for other in others)


def assign_titles(pages: list[Page]) -> None:
    """Set every page's title against the body size of the pages read the same way (points vs pixels)."""
    for method in Method:
        same_kind = [page for page in pages if page.method is method]
        body = body_size([line for page in same_kind for line in page.lines])
        layout = [page.lines for page in same_kind]
        band = title_band(layout, body) if method is Method.TEXT_LAYER else None
        repeated = running_lines(layout) if method is Method.TEXT_LAYER else set()
        for page in same_kind:
            title = title_lines(page.lines, body, band, repeated)
            page.title = " ".join(line.text.strip() for line in title) if title else None
            if method is Method.TEXT_LAYER:
                _one_title_line(page, title)
