"""Collapse animation builds: consecutive pages that are steps of one slide become one draft slide."""

from __future__ import annotations

import re
from collections import Counter

from lecturekit.cleaner.draft import CleanPage, Draft
from lecturekit.cleaner.furniture import EDGE
from lecturekit.cleaner.kinds import assign_kinds
from lecturekit.cleaner.normalize import HYPHEN_BREAK, is_url_only
from lecturekit.cleaner.similarity import (
    line_key,
    numbers,
    ordered_union,
    same_line,
    title_similarity,
    word_containment,
)
from lecturekit.models import Method, Removal, RemovalReason, SourceKind

PICTURE_METHODS = (Method.TEXT_LAYER, Method.OCR)  # pages that are pictures: a slide even without text
FENCE_OR_MATH = re.compile(r"^\s*(```|~~~|\$\$)")
TITLE_MATCH = 0.9
LINE_CONTAINMENT = 0.9
MAX_SWEEPS = 4  # each sweep is linear; real decks settle after one
WORD_CONTAINMENT = 0.75  # OCR steps read the same figure text differently; words still overlap
TITLE_PLACE_TOLERANCE = 0.03  # share of the page height a build's title may move between steps
TITLE_SIZE_TOLERANCE = 0.1  # share of its size a build's title may change by between steps


def attach_leading_links(pages: list[CleanPage]) -> list[CleanPage]:
    """Move bare links at the top of a text page to the page before (where their slide is)."""
    for previous, page in zip(pages, pages[1:], strict=False):
        if page.lines and page.lines[0].top is None and previous.lines:
            while page.lines and is_url_only(page.lines[0].text):
                previous.lines.append(page.lines.pop(0))
            if not page.lines:
                page.removed.append(
                    Removal(
                        source=page.ref.source,
                        page=page.ref.page,
                        text="",
                        reason=RemovalReason.EMPTY,
                        detail=f"only a link, moved to the slide of page {previous.ref.page}",
                    )
                )
    return pages


def page_to_draft(page: CleanPage, kind: SourceKind) -> Draft:
    """A one-page draft: the reader's title when the page still has it, else the first line; the rest the body."""
    texts = page.texts
    title_line = page.lines[0]
    if page.title in texts[1:] and page.lines[texts.index(page.title)].top is not None:
        title_line = page.lines[texts.index(page.title)]
        texts.remove(page.title)  # layout pages only: in plain text the first line is the title
        texts.insert(0, page.title)
    place = (title_line.top, title_line.size) if title_line.top is not None and title_line.size else None
    if page.title is None and title_line.top is not None and title_line.top > 1 - EDGE:
        # Text only at the foot of the page (a footer under a figure) is no title: the slide is named by place.
        texts.insert(0, place_title(page))
        place = None
    return Draft(
        source=page.ref.source,
        source_kind=kind,
        title=texts[0],
        body=texts[1:],
        pages=[page.ref],
        removed=list(page.removed),
        label=page.label,
        slide_number=page.slide_number,
        title_place=place,
        drawn=page.drawn,
        ocr_like=page.ocr_like,
        confidence=page.confidence,
    )


def place_title(page: CleanPage) -> str:
    """The title of a slide that shows none: its place in the deck ("Slide 12")."""
    return f"Slide {page.label or page.ref.page}"


def figure_draft(page: CleanPage, kind: SourceKind) -> Draft:
    """A page of a PDF or image with no text left: a figure slide titled by its place ("Slide 12")."""
    return Draft(
        source=page.ref.source,
        source_kind=kind,
        title=place_title(page),
        pages=[page.ref],
        removed=list(page.removed),
        label=page.label,
        slide_number=page.slide_number,
        ocr_like=page.ocr_like,
        confidence=page.confidence,
        figure=True,
        drawn=page.drawn,
    )


def build_signal(previous: Draft, step: Draft) -> str | None:
    """The signal saying STEP is a build of PREVIOUS, the page (or slide) right before it, or None.

    Page labels decide when both carry one (Beamer gives every overlay of a frame its label), then
    printed frame counters; else STEP must repeat PREVIOUS's title, show all its lines, in order, and
    keep every shape and picture PREVIOUS draws.
    """
    if previous.label is not None and step.label is not None:
        if previous.label != step.label:
            return None
        if previous.lines == step.lines:
            return "identical"
        return "page-label" if _one_frame(previous, step) else None
    if previous.slide_number is not None and step.slide_number is not None:
        if previous.slide_number != step.slide_number:
            return None  # two printed numbers: identical text on both is a repeated slide, not a step
        return "identical" if previous.lines == step.lines else "slide-number"
    if not same_title(previous.title, step.title) or not _same_title_place(previous, step):
        return None
    if not keeps_drawing(previous, step):
        return None  # one title over another figure (or a crop of it) is another slide, however alike
    if previous.lines == step.lines:
        return "identical"
    if not previous.body and not _laid_out_alike(previous, step):
        return None  # a title alone (a section divider) says nothing about the slide that follows it
    return (
        "containment" if contained_in_order(previous.body, step.body, read_fuzzily(previous, step)) else None
    )


def _one_frame(previous: Draft, step: Draft) -> bool:
    """Whether two pages with one label show one frame: a shared title, or shared lines.

    Beamer gives an unnumbered frame (a title page, a section page) the label of the frame before
    it; such a page has its own title and nothing of that frame's text.
    """
    if previous.figure or step.figure or same_title(previous.title, step.title):
        return True  # a page showing only the frame's picture has no text to disagree with
    shown = {line_key(line) for line in step.body}
    return any(line_key(line) in shown for line in previous.body)


def same_title(a: str, b: str) -> bool:
    """Whether two steps carry one title: close text and the same numbers ("Slide 2" is not "Slide 3")."""
    return title_similarity(a, b) >= TITLE_MATCH and numbers(a) == numbers(b)


def _same_title_place(a: Draft, b: Draft) -> bool:
    # A build keeps its title where it was; a divider's centred title and a slide's top title differ.
    if a.title_place is None or b.title_place is None:
        return True
    (top_a, size_a), (top_b, size_b) = a.title_place, b.title_place
    return (
        abs(top_a - top_b) <= TITLE_PLACE_TOLERANCE and abs(size_a - size_b) <= TITLE_SIZE_TOLERANCE * size_a
    )


def keeps_drawing(previous: Draft, step: Draft) -> bool:
    """Whether STEP draws every shape and picture PREVIOUS draws (true when a page's drawing is unknown)."""
    # Pages of two sources (a deck and its other edition) are drawn apart even when they show one slide;
    # OCR'd and plain-text pages have no drawing to compare.
    known = all(ref.method is Method.TEXT_LAYER for ref in (previous.pages[-1], step.pages[0]))
    if previous.source != step.source or not known:
        return True
    return not Counter(previous.drawn) - Counter(step.drawn)


def _laid_out_alike(a: Draft, b: Draft) -> bool:
    """Whether both drafts come from laid-out pages (where a title-only first step keeps its title's place)."""
    return a.title_place is not None and b.title_place is not None


def read_fuzzily(*drafts: Draft) -> bool:
    """Whether lines of DRAFTS may be one line read two ways: OCR text, not a PDF text layer."""
    # A text layer repeats a line exactly on every step, even in a source with some OCR'd pages.
    return any(d.ocr_like and any(ref.method is not Method.TEXT_LAYER for ref in d.pages) for d in drafts)


def contained_in_order(inner: list[str], outer: list[str], fuzzy: bool = False) -> bool:
    """Whether OUTER shows every line of INNER in INNER's order (OCR: nearly every line, or its words).

    An OCR reading varies figure text and drops a glyph line from step to step, so a fuzzy check
    accepts LINE_CONTAINMENT of the lines in order, or WORD_CONTAINMENT of the words.
    """
    found = _in_order(inner, outer, fuzzy)
    if not fuzzy:
        return found == len(inner)
    if found >= LINE_CONTAINMENT * len(inner):
        return True
    return found > 0 and word_containment(inner, outer) >= WORD_CONTAINMENT


def _in_order(inner: list[str], outer: list[str], fuzzy: bool) -> int:
    """How many lines of INNER OUTER shows in INNER's order (greedy, each OUTER line used once)."""
    found, cursor = 0, 0
    for line in inner:
        match = next((i for i in range(cursor, len(outer)) if same_line(line, outer[i], fuzzy)), None)
        if match is not None:
            found, cursor = found + 1, match + 1
    return found


def collapse_builds(pages: list[CleanPage], kind: SourceKind) -> tuple[list[Draft], list[Removal]]:
    """Drafts for a deck's pages with build steps merged; removals of pages that left no content."""
    steps: list[Draft] = []
    orphans: list[Removal] = []
    for page in attach_leading_links(pages):
        if page.lines:
            steps.append(page_to_draft(page, kind))
        elif page.ref.method in PICTURE_METHODS:
            steps.append(figure_draft(page, kind))
        else:
            orphans.extend(_page_gone(page))
    return assign_kinds(collapse_steps(steps)), orphans


def collapse_steps(steps: list[Draft]) -> list[Draft]:
    """Neighbouring steps of one slide merged into one draft each; the order of STEPS is kept.

    Merged slides are swept again until nothing joins: a slide made of several steps may be held,
    whole and in order, by the slide after it, and cleaning the output again must not merge what
    this pass left apart.
    """
    drafts = _collapse_once(steps)
    for _ in range(MAX_SWEEPS):
        if len(swept := _collapse_once(drafts)) == len(drafts):
            break
        drafts = swept
    return drafts


def _collapse_once(steps: list[Draft]) -> list[Draft]:
    drafts: list[Draft] = []
    for previous, step in zip([None, *steps], steps, strict=False):
        signal = build_signal(previous, step) if previous is not None else None
        if signal is None:
            drafts.append(step)
        else:
            drafts[-1] = merge_step(drafts[-1], step, signal)
    return drafts


def _page_gone(page: CleanPage) -> list[Removal]:
    if page.removed:
        return page.removed
    return [
        Removal(
            source=page.ref.source,
            page=page.ref.page,
            text="",
            reason=RemovalReason.EMPTY,
            detail="page without text",
        )
    ]


def join_hyphen_breaks(lines: list[str]) -> list[str]:
    """LINES (title first, never joined) with a word broken at a line end ("back-propa-", "gation") joined.

    A union can bring a step's continuation under another step's broken word; joining it here keeps
    a second cleaning of the output from joining it then.
    """
    if any(FENCE_OR_MATH.match(line) for line in lines):
        return lines  # code and math blocks are kept as written
    joined: list[str] = []
    for line in lines:
        if (
            len(joined) > 1
            and HYPHEN_BREAK.search(joined[-1])
            and line[:1].islower()
            and "$" not in joined[-1]
        ):
            joined[-1] = joined[-1][:-1] + line
        else:
            joined.append(line)
    return joined


def merge_step(group: Draft, step: Draft, signal: str) -> Draft:
    """GROUP with STEP's lines added as an ordered union; STEP's page and signal go to provenance."""
    if group.figure and not step.figure:  # a frame that opens on its picture: its text brings the title
        group = group.model_copy(update={"title": step.title, "figure": False})
    # Steps of a text layer repeat their lines exactly; only OCR steps read one line two ways.
    step_lines = [group.title] if step.figure else step.lines  # a figure step adds a picture, no line
    union = ordered_union(group.lines, step_lines, fuzzy=read_fuzzily(group, step))
    lines = union.lines
    if lines[0] != group.title:  # a step with another title keeps the slide's first title on top
        lines.remove(group.title)
        lines.insert(0, group.title)
    lines = join_hyphen_breaks(lines)
    first_page = group.pages[0].page
    detail = f"build step merged into the slide of page {first_page} ({signal})"
    removed = [*group.removed, *step.removed]
    removed.append(
        Removal(
            source=step.source,
            page=step.pages[0].page,
            text="\n".join(union.variants),
            reason=RemovalReason.BUILD,
            detail=detail,
        )
    )
    return group.model_copy(
        update={
            "title": lines[0],
            "body": lines[1:],
            "pages": [*group.pages, *step.pages],
            "drawn": step.drawn or group.drawn,  # the latest step draws what the slide shows
            "merged_by": [*group.merged_by, f"{signal}: p{first_page}+p{step.pages[0].page}"],
            "removed": removed,
            "confidence": max(group.confidence or 0, step.confidence or 0) or None,
        }
    )
