"""Running headers, footers and page numbers, learned per deck and removed with a record."""

from __future__ import annotations

import re
import statistics

from rapidfuzz import fuzz, process

from lecturekit.cleaner.draft import CleanLine, CleanPage
from lecturekit.models import Model, Removal, RemovalReason

COUNTER_END = re.compile(r"(?<![\d/])(\d{1,4})\s*(?:/|of)\s*(\d{1,4})\s*$", re.IGNORECASE)
NUMBER_ONLY = re.compile(r"^(?:page|slide|p\.)?\s*\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$", re.IGNORECASE)
DIGITS = re.compile(r"\d+")
EDGE = 0.12  # top/bottom share of a page where headers and footers sit
RECUR_SHARE = 0.3  # a line under this share of a deck's slide titles (and at least MIN_PAGES) is furniture
MIN_PAGES = 4
# A line in small type at a page edge is furniture on fewer pages: half the slides (at least SMALL_MIN_PAGES),
# so a 5-page deck's 7 pt running header goes too. Small: at most SMALL_SHARE of the page's own body type.
SMALL_RECUR_SHARE = 0.5
SMALL_MIN_PAGES = 3
SMALL_SHARE = 0.8
CLUSTER_MATCH = 85.0
PARTIAL_MATCH = 90.0
PARTIAL_MIN_CHARS = 12


class FurnitureModel(Model):
    """What one deck's furniture looks like: digit-normalized keys of its running lines."""

    keys: list[str]


def furniture_key(text: str) -> str:
    """Digit-normalized key of a line ("3/22" and "14 /22" both become "#/#")."""
    lowered = DIGITS.sub("#", text.lower())
    return re.sub(r"\s+", " ", re.sub(r"\s*/\s*", "/", lowered)).strip()


def has_layout(page: CleanPage) -> bool:
    return any(line.top is not None for line in page.lines)


def learn_furniture(pages: list[CleanPage]) -> FurnitureModel:
    """The deck's running lines: candidates at page edges that recur across pages with other titles."""
    clusters: list[str] = []
    titles_of: list[set[str]] = []
    small_of: list[bool] = []  # whether every occurrence is in small type
    body_size = _body_size(pages)
    for page in pages:
        title = page_title(page)
        for line in _edge_lines(page, body_size):
            key = furniture_key(line.text)
            if len(key) < 3 or line.text.startswith("- "):
                continue  # list items are slide content, however often a deck repeats them
            found = (
                process.extractOne(key, clusters, scorer=fuzz.ratio, score_cutoff=CLUSTER_MATCH)
                if clusters
                else None
            )
            if found is None:
                clusters.append(key)
                titles_of.append(set())
                small_of.append(True)
                slot = len(clusters) - 1
            else:
                slot = found[2]
            titles_of[slot].add(title)
            small_of[slot] = small_of[slot] and _in_small_type(line, page)
    # Count slides by title, not pages: build steps repeat their lines on every step.
    distinct_titles = {page_title(page) for page in pages if page.lines}
    needed = max(MIN_PAGES, RECUR_SHARE * len(distinct_titles))
    needed_small = max(SMALL_MIN_PAGES, SMALL_RECUR_SHARE * len(distinct_titles))
    keys = [
        k
        for k, t, small in zip(clusters, titles_of, small_of, strict=True)
        if len(t) >= needed or (small and len(t) >= needed_small)
    ]
    keys += [
        furniture_key(line.text)
        for page in pages
        for line in page.lines
        if _counter_footer(line.text)
        and (_at_edge(line) or not has_layout(page))
        and furniture_key(line.text) not in keys
    ]
    return FurnitureModel(keys=sorted(set(keys)))


def _in_small_type(line: CleanLine, page: CleanPage) -> bool:
    """Whether LINE is set clearly smaller than the page's own text between its edges (layout pages only)."""
    middle = [
        other.size
        for other in page.lines
        if other.size is not None and other.top is not None and EDGE <= other.top <= 1 - EDGE
    ]
    return line.size is not None and bool(middle) and line.size <= SMALL_SHARE * min(middle)


def page_title(page: CleanPage) -> str:
    """The page's title line: the largest type in the top half (layout), else the first line."""
    if not page.lines:
        return ""
    top_half = [line for line in page.lines if line.top is not None and line.top < 0.5 and line.size]
    if top_half:
        return max(top_half, key=lambda line: (line.size, -(line.top or 0))).text
    return page.lines[0].text


def _body_size(pages: list[CleanPage]) -> float | None:
    sizes = [line.size for page in pages for line in page.lines if line.size]
    return statistics.median(sizes) if sizes else None


def _edge_lines(page: CleanPage, body_size: float | None) -> list[CleanLine]:
    """Lines where furniture can sit: page edges (layout) or first/last lines (plain text)."""
    if not page.lines:
        return []
    if has_layout(page):
        return [
            line
            for line in page.lines
            if line.top is not None
            and (line.top < EDGE or line.top > 1 - EDGE)
            and (body_size is None or line.size is None or line.size <= body_size)
        ]
    # The first line of a text page is its title; repeated titles are content, never furniture.
    return page.lines[1:][-2:]


def _counter_footer(text: str) -> bool:
    """A footer carrying a page counter: words and then "3/22" at the end of the line."""
    match = COUNTER_END.search(text)
    return match is not None and len(re.findall(r"[A-Za-z]{2,}", text[: match.start()])) >= 2


def strip_furniture(pages: list[CleanPage], model: FurnitureModel) -> list[CleanPage]:
    """Pages without furniture; a text page whose footer sits mid-page is split there (two slides)."""
    out: list[CleanPage] = []
    for page in pages:
        out.extend(_strip_page(page, model))
    return out


def _strip_page(page: CleanPage, model: FurnitureModel) -> list[CleanPage]:
    kept: list[CleanLine] = []
    parts: list[CleanPage] = []
    layout = has_layout(page)
    # A page number stands alone at an edge; several lone numbers there label a figure (a table, an axis).
    figure_numbers = (
        layout
        and sum(1 for line in page.lines if _at_edge(line) and NUMBER_ONLY.match(line.text.strip())) > 1
    )
    for position, line in enumerate(page.lines):
        why = _furniture_reason(line, position, len(page.lines), model, layout, figure_numbers)
        if why is None:
            kept.append(line)
            continue
        page.removed.append(
            Removal(
                source=page.ref.source,
                page=page.ref.page,
                text=line.text,
                reason=RemovalReason.FURNITURE,
                detail=why,
            )
        )
        if COUNTER_END.search(line.text):  # a "8 / 11" counter outranks a lone number read before it
            page.slide_number = int(DIGITS.findall(line.text)[-2])
        elif NUMBER_ONLY.match(line.text.strip()) and page.slide_number is None and DIGITS.search(line.text):
            page.slide_number = int(DIGITS.findall(line.text)[0])
        # Text dumps lose some page breaks; a footer followed by more content ends a page.
        if not layout and kept and _counter_footer(line.text) and position < len(page.lines) - 1:
            parts.append(page.model_copy(update={"lines": kept, "removed": page.removed}))
            page = page.model_copy(update={"lines": [], "removed": [], "slide_number": None})
            kept = []
    parts.append(page.model_copy(update={"lines": kept}))
    # A page without text is kept (a figure); only an empty piece split off a text page goes.
    return [p for p in parts if p.lines or p.removed or len(parts) == 1]


def forget_page_counters(pages: list[CleanPage]) -> list[CleanPage]:
    """PAGES without their printed numbers when those only count pages (one more on every page).

    A frame counter (Beamer's "3/22") repeats on every build step of a slide, which tells builds apart
    from new slides; a page counter (PowerPoint's page numbers) changes on every step and says nothing
    about builds, so it must not keep the steps of one slide apart.
    """
    numbered = [(page.ref.page, page.slide_number) for page in pages if page.slide_number is not None]
    if len(numbered) < 2 or len({number - position for position, number in numbered}) != 1:
        return pages
    return [page.model_copy(update={"slide_number": None}) for page in pages]


def _furniture_reason(
    line: CleanLine,
    position: int,
    count: int,
    model: FurnitureModel,
    layout: bool,
    figure_numbers: bool = False,
) -> str | None:
    """Why LINE is furniture, or None when it is content (FIGURE_NUMBERS: lone numbers are a figure's)."""
    text = line.text.strip()
    at_edge = _at_edge(line) if layout else position in (count - 1, count - 2)
    if NUMBER_ONLY.match(text) and at_edge and position > 0 and not figure_numbers:
        return "page number"
    if _counter_footer(text) and (at_edge or not layout):  # mid-page, "(x - y)2 /2" is a formula
        return "footer with page counter"
    if position == 0 and not layout:
        return None
    key = furniture_key(text)
    if not model.keys:
        return None
    best = process.extractOne(key, model.keys, scorer=fuzz.ratio)
    if best and best[1] >= CLUSTER_MATCH:
        return "running header/footer"
    if len(key) >= PARTIAL_MIN_CHARS and at_edge and _part_of_furniture(key, model):
        return "running header/footer (partly read)"
    return None


def _at_edge(line: CleanLine) -> bool:
    return line.top is not None and (line.top < EDGE or line.top > 1 - EDGE)


def _part_of_furniture(key: str, model: FurnitureModel) -> bool:
    """Whether KEY reads as a piece of a running line (a footer OCR read in part), not a line holding one.

    A caption that quotes the deck's header ("Me after Deep Learning 101") is the slide's own text.
    """
    found = process.extractOne(key, model.keys, scorer=fuzz.partial_ratio, score_cutoff=PARTIAL_MATCH)
    return found is not None and len(key) <= len(found[0])
