"""Collapse animation builds: consecutive pages that are steps of one slide become one draft slide."""

from __future__ import annotations

import re

from lecturekit.cleaner.draft import CleanPage, Draft
from lecturekit.cleaner.normalize import HYPHEN_BREAK, is_url_only
from lecturekit.cleaner.similarity import (
    containment,
    line_key,
    numbers,
    ordered_union,
    same_line,
    title_similarity,
    word_containment,
)
from lecturekit.models import Method, Removal, RemovalReason, SourceKind

FENCE_OR_MATH = re.compile(r"^\s*(```|~~~|\$\$)")
TITLE_MATCH = 0.9
LINE_CONTAINMENT = 0.9
LOOKBACK = 3  # how many slides back a build interrupted by other pages is still joined
PARAGRAPH_CHARS = 40
MAX_SWEEPS = 4  # each sweep is linear; real decks settle after one
WORD_CONTAINMENT = 0.75  # OCR steps read the same figure text differently; words still overlap


def attach_leading_links(pages: list[CleanPage]) -> list[CleanPage]:
    """Move bare links at the top of a text page to the page before (where their slide is)."""
    for previous, page in zip(pages, pages[1:]):
        if page.lines and page.lines[0].top is None and previous.lines:
            while page.lines and is_url_only(page.lines[0].text):
                previous.lines.append(page.lines.pop(0))
            if not page.lines:
                page.removed.append(Removal(source=page.ref.source, page=page.ref.page, text="",
                                            reason=RemovalReason.EMPTY,
                                            detail=f"only a link, moved to the slide of page {previous.ref.page}"))
    return pages


def page_to_draft(page: CleanPage, kind: SourceKind) -> Draft:
    """A one-page draft: the reader's title when the page still has it, else the first line; the rest the body."""
    texts = page.texts
    if page.title in texts[1:] and page.lines[texts.index(page.title)].top is not None:
        texts.remove(page.title)  # layout pages only: in plain text the first line is the title
        texts.insert(0, page.title)
    return Draft(source=page.ref.source, source_kind=kind, title=texts[0], body=texts[1:], pages=[page.ref],
                 removed=list(page.removed), label=page.label, slide_number=page.slide_number,
                 ocr_like=page.ocr_like, confidence=page.confidence)


def build_signal(previous: Draft, step: Draft, group: Draft) -> str | None:
    """The signal saying STEP continues the slide PREVIOUS belongs to, or None for a new slide."""
    if previous.label is not None and step.label is not None and previous.label == step.label:
        return "identical" if previous.lines == step.lines else "page-label"
    if _numbers_differ(previous.slide_number, step.slide_number):
        return None  # two printed slide numbers: identical text on both is a repeated slide, not a step
    if previous.lines == step.lines:
        return "identical"
    if previous.label is not None and step.label is not None:
        return None
    if previous.slide_number is not None and step.slide_number is not None:
        return "slide-number"
    # Containment only between steps with the same title: a tiny page never joins an unrelated slide.
    if not same_title(previous.title, step.title):
        return None
    fuzzy = read_fuzzily(previous, step)
    if contains_step(previous.body, step.body, fuzzy) or contains_step(group.body, step.body, fuzzy):
        return "containment"
    if fuzzy and word_containment(previous.body, step.body) >= WORD_CONTAINMENT:
        return "containment"
    return None


def same_title(a: str, b: str) -> bool:
    """Whether two steps carry one title: close text and the same numbers ("Slide 2" is not "Slide 3")."""
    return title_similarity(a, b) >= TITLE_MATCH and numbers(a) == numbers(b)


def read_fuzzily(*drafts: Draft) -> bool:
    """Whether lines of DRAFTS may be one line read two ways: OCR text, not a PDF text layer."""
    # A text layer repeats a line exactly on every step, even in a source with some OCR'd pages.
    return any(d.ocr_like and any(ref.method is not Method.TEXT_LAYER for ref in d.pages) for d in drafts)


def _numbers_differ(a: int | None, b: int | None) -> bool:
    return a is not None and b is not None and a != b


def contains_step(a: list[str], b: list[str], fuzzy: bool = True) -> bool:
    """Whether one body holds the other, list items and other lines compared as separate classes."""
    if a and b and containment(a, b, fuzzy) == 0:
        return False  # two bodies with no line in common are two slides, whatever their shapes
    for part_a, part_b in zip(_line_classes(a), _line_classes(b)):
        if max(containment(part_a, part_b, fuzzy), containment(part_b, part_a, fuzzy)) < LINE_CONTAINMENT:
            return False
    return True


def _line_classes(body: list[str]) -> tuple[list[str], list[str]]:
    # A build may drop an intro line while it adds bullets: each class must nest on its own.
    return [t for t in body if t.startswith("- ")], [t for t in body if not t.startswith("- ")]


def interrupted_signal(group: Draft, step: Draft) -> str | None:
    """The signal joining STEP to an earlier slide of the same title after other pages came between."""
    if group.label is not None and step.label is not None:
        return None
    if group.slide_number is not None and step.slide_number is not None:
        return "slide-number after interruption" if group.slide_number == step.slide_number else None
    fuzzy = read_fuzzily(group, step)
    if same_title(group.title, step.title) and contains_step(group.body, step.body, fuzzy):
        return "containment after interruption"
    return None


def collapse_builds(pages: list[CleanPage], kind: SourceKind) -> tuple[list[Draft], list[Removal]]:
    """Drafts for a deck's pages with build steps merged; removals of pages that left no content."""
    steps: list[Draft] = []
    orphans: list[Removal] = []
    for page in attach_leading_links(pages):
        if page.lines:
            steps.append(page_to_draft(page, kind))
        else:
            orphans.extend(_page_gone(page))
    return collapse_steps(steps), orphans


def collapse_steps(steps: list[Draft]) -> list[Draft]:
    """Consecutive (or briefly interrupted) steps of one slide merged into one draft each.

    Merged slides are swept again until nothing joins: a slide that grew by a later step may now
    hold its neighbour, and cleaning the output again must not merge what this pass left apart.
    """
    drafts = _collapse_once(steps)
    for _ in range(MAX_SWEEPS):
        if len(swept := _collapse_once(drafts)) == len(drafts):
            break
        drafts = swept
    return drafts


def _collapse_once(steps: list[Draft]) -> list[Draft]:
    drafts: list[Draft] = []
    previous: tuple[Draft, int] | None = None
    for step in steps:
        target, signal = _find_group(drafts, previous, step)
        if target is None or signal is None:
            drafts.append(step)
            target = len(drafts) - 1
        else:
            drafts[target] = merge_step(drafts[target], step, signal)
        previous = (step, target)
    return merge_shared_text(drafts)


def _find_group(drafts: list[Draft], previous: tuple[Draft, int] | None, step: Draft) -> tuple[int | None, str | None]:
    """Which draft STEP belongs to (the previous step's slide, or a recent one with its title)."""
    if previous is not None:
        last_step, index = previous
        if signal := build_signal(last_step, step, drafts[index]):
            return index, signal
    for index in range(len(drafts) - 1, max(-1, len(drafts) - 1 - LOOKBACK), -1):
        if previous is not None and index == previous[1]:
            continue
        if signal := interrupted_signal(drafts[index], step):
            return index, signal
    return None, None


def merge_shared_text(drafts: list[Draft]) -> list[Draft]:
    """Neighbouring drafts that share a whole paragraph are one slide split by the reader."""
    out: list[Draft] = []
    for draft in drafts:
        if out and _shares_paragraph(out[-1], draft):
            out[-1] = merge_step(out[-1], draft, "shared-text")
        else:
            out.append(draft)
    return out


def _shares_paragraph(a: Draft, b: Draft) -> bool:
    long_a = [t for t in a.body if len(line_key(t)) >= PARAGRAPH_CHARS]
    return any(same_line(x, y) for x in long_a for y in b.body if len(line_key(y)) >= PARAGRAPH_CHARS)


def _page_gone(page: CleanPage) -> list[Removal]:
    if page.removed:
        return page.removed
    return [Removal(source=page.ref.source, page=page.ref.page, text="", reason=RemovalReason.EMPTY,
                    detail="page without text")]


def join_hyphen_breaks(lines: list[str]) -> list[str]:
    """LINES (title first, never joined) with a word broken at a line end ("back-propa-", "gation") joined.

    A union can bring a step's continuation under another step's broken word; joining it here keeps
    a second cleaning of the output from joining it then.
    """
    if any(FENCE_OR_MATH.match(line) for line in lines):
        return lines  # code and math blocks are kept as written
    joined: list[str] = []
    for line in lines:
        if len(joined) > 1 and HYPHEN_BREAK.search(joined[-1]) and line[:1].islower() \
                and "$" not in joined[-1]:
            joined[-1] = joined[-1][:-1] + line
        else:
            joined.append(line)
    return joined


def merge_step(group: Draft, step: Draft, signal: str) -> Draft:
    """GROUP with STEP's lines added as an ordered union; STEP's page and signal go to provenance."""
    # Steps of a text layer repeat their lines exactly; only OCR steps read one line two ways.
    union = ordered_union(group.lines, step.lines, fuzzy=read_fuzzily(group, step))
    lines = union.lines
    if lines[0] != group.title:  # a step with another title keeps the slide's first title on top
        lines.remove(group.title)
        lines.insert(0, group.title)
    lines = join_hyphen_breaks(lines)
    first_page = group.pages[0].page
    detail = f"build step merged into the slide of page {first_page} ({signal})"
    removed = [*group.removed, *step.removed]
    removed.append(Removal(source=step.source, page=step.pages[0].page, text="\n".join(union.variants),
                           reason=RemovalReason.BUILD, detail=detail))
    return group.model_copy(update={
        "title": lines[0],
        "body": lines[1:],
        "pages": [*group.pages, *step.pages],
        "merged_by": [*group.merged_by, f"{signal}: p{first_page}+p{step.pages[0].page}"],
        "removed": removed,
        "confidence": max(group.confidence or 0, step.confidence or 0) or None,
    })
