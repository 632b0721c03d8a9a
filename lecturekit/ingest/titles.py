"""Slide titles from a deck's own font-size bands: the largest text near the top of each page."""

from __future__ import annotations

from lecturekit.models import Line, Method, Page

TOP_REGION = 0.3  # a title starts in the top 30 % of the page
TITLE_RATIO = 1.15  # a title is at least this much larger than the deck's body text
SAME_BAND = 0.9  # lines within 10 % of the largest candidate belong to the same title band
FOOTER_ZONE = 0.9  # lines starting in the bottom 10 % are footers, not body text
CENTRED_TITLE_RATIO = 1.3  # section and title pages: a much larger line anywhere on the page


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


def title_of(lines: list[Line], body: float | None) -> str | None:
    """The page's title: the largest band above body size near the top, else a much larger line."""
    if not body:
        return None
    sized = [line for line in lines if line.size and line.text.strip()]
    near_top = [line for line in sized if (line.top or 0.0) <= TOP_REGION and line.size >= body * TITLE_RATIO]
    candidates = near_top or [line for line in sized if line.size >= body * CENTRED_TITLE_RATIO]
    if not candidates:
        return None
    largest = max(line.size for line in candidates)
    band = [line.text.strip() for line in candidates if line.size >= largest * SAME_BAND]
    return " ".join(band)


def assign_titles(pages: list[Page]) -> None:
    """Set every page's title against the body size of the pages read the same way (points vs pixels)."""
    for method in Method:
        same_kind = [page for page in pages if page.method is method]
        body = body_size([line for page in same_kind for line in page.lines])
        for page in same_kind:
            page.title = title_of(page.lines, body)
