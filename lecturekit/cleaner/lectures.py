"""The cleaner's recipe: each source to a deck of draft slides, decks to lectures with ids and links."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from lecturekit.cache import Cache, code_version, content_key
from lecturekit.cleaner.builds import collapse_builds
from lecturekit.cleaner.dates import dates_in, source_date
from lecturekit.cleaner.draft import CleanPage, Draft
from lecturekit.cleaner.editions import edition_links
from lecturekit.cleaner.furniture import forget_page_counters, learn_furniture, strip_furniture
from lecturekit.cleaner.group import Deck, LectureGroup, group_decks
from lecturekit.cleaner.groupcache import GroupingCache
from lecturekit.cleaner.ids import assign_ids, lecture_ids
from lecturekit.cleaner.kinds import slide_kind, strip_boilerplate
from lecturekit.cleaner.merge import merge_sources
from lecturekit.cleaner.normalize import normalize_page, source_is_ocr_like
from lecturekit.cleaner.reflow import reflow
from lecturekit.course import CourseConfig
from lecturekit.errors import Diagnostics
from lecturekit.models import Lecture, Model, Removal, RemovalReason, Slide, Source, SourceKind
from lecturekit.suggest import did_you_mean

AGENDA_TITLE = re.compile(r"^(today'?s lecture|today|agenda|this lecture)\b", re.IGNORECASE)
GENERIC_TITLES = re.compile(
    r"^(introduction|overview|logistics|outline|agenda|references|summary|quick recap|"
    r"next steps|questions\??)$",
    re.IGNORECASE,
)
DATE_ONLY = re.compile(r"^(date:?\s*)?[A-Za-z]*,?\s*[A-Za-z]+\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}$")


class BuiltLecture(Model):
    """One lecture as the cleaner builds it: its group, the Lecture, and the merged drafts of its slides.

    The drafts keep each slide's lines apart from its text, which the edition links compare line by line.
    """

    group: LectureGroup
    lecture: Lecture
    drafts: list[Draft]


def clean_source(source: Source) -> Deck:
    """One source's pages → draft slides: normalize, strip furniture (and boilerplate), collapse builds."""
    ocr_like = source_is_ocr_like(source)
    pages = [normalize_page(page, ocr_like) for page in source.pages]
    # Furniture goes before builds: a footer's changing page number would hide that two steps match.
    pages = forget_page_counters(strip_furniture(pages, learn_furniture(pages)))
    if source.kind is SourceKind.NOTES:
        pages = strip_boilerplate(pages)
    pages = [_drop_date_only(page) for page in pages]
    drafts, orphans = collapse_builds(pages, source.kind)
    if source.kind is SourceKind.NOTES:
        drafts = fold_heading_only(drafts)
    return Deck(name=source.name, drafts=drafts, date=source_date(source), removed=orphans)


def fold_heading_only(drafts: list[Draft]) -> list[Draft]:
    """Notes sections that are only a heading ("Summary") become the heading of the section after them.

    In notes a bare heading introduces what follows; as a slide of its own it would be empty.
    A heading repeated with more detail right under it ("Meeting summary for X (02/03/2025)" under
    "Meeting Summary for X") is kept once, the other recorded as a duplicate.
    """
    folded: list[Draft] = []
    for draft in reversed(drafts):
        if draft.body or not folded:
            folded.append(draft)
            continue
        folded.append(_fold_into(draft, folded.pop()))
    return list(reversed(folded))


def _fold_into(heading: Draft, section: Draft) -> Draft:
    body = section.lines
    removed = [*heading.removed, *section.removed]
    if section.title.casefold().startswith(heading.title.casefold()):
        removed.append(
            Removal(
                source=section.source,
                page=section.pages[0].page if section.pages else 0,
                text=section.title,
                reason=RemovalReason.DUPLICATE,
                detail=f"repeats the heading {heading.title!r} above it",
            )
        )
        body = section.body
    first = f"p{section.pages[0].page}" if section.pages else "?"
    return section.model_copy(
        update={
            "title": heading.title,
            "body": body,
            "pages": [*heading.pages, *section.pages],
            "removed": removed,
            "merged_by": [
                *heading.merged_by,
                f"heading: p{heading.pages[0].page}+{first}",
                *section.merged_by,
            ],
        }
    )


def clean_source_cached(source: Source, cache: Cache) -> Deck:
    """clean_source, reused from the cache while the source and the cleaner's code are unchanged.

    Cleaning one source is the costly part of cleaning and depends on nothing else, so adding a
    lecture to a course re-cleans only the new sources.
    """
    # Not the path: cleaning never reads it, and the same course given as "course" or "/abs/course" is one course.
    key = content_key(source.model_dump_json(exclude={"path"}), code_version("cleaner"))
    deck = cache.get_valid(key, Deck)
    if deck is None:
        deck = clean_source(source)
        cache.put(key, deck.model_dump(mode="json"))
    deck.key = key  # grouping keeps per-deck and per-pair results under it
    return deck


def _drop_date_only(page: CleanPage) -> CleanPage:
    """A page that only states a date is a title card: the date goes to the lecture, the line to a record."""
    if page.lines and all(DATE_ONLY.match(line.text) for line in page.lines):
        page.removed.extend(
            Removal(
                source=page.ref.source,
                page=page.ref.page,
                text=line.text,
                reason=RemovalReason.FURNITURE,
                detail="date line",
            )
            for line in page.lines
        )
        page.lines = []
    return page


def clean_course(
    sources: list[Source], config: CourseConfig, diag: Diagnostics, cache: Cache | None = None
) -> list[Lecture]:
    """Clean every source and group the results into lectures (course.toml first, then automatically)."""
    cache = cache or Cache("decks")
    decks = []
    for source in sorted(sources, key=lambda s: s.name):
        try:
            decks.append(clean_source_cached(source, cache))
        except Exception as exc:  # one source the cleaner cannot handle must not stop the others
            diag.error(
                source.name, f"cleaner failed on this source ({type(exc).__name__}: {exc}); it is left out"
            )
            continue
        if not decks[-1].drafts:
            reasons = sorted({r.reason.value for r in decks[-1].removed}) or ["no pages"]
            diag.warn(
                source.name,
                f"no slide left after cleaning ({', '.join(reasons)}); see the lecture's removals",
            )
    groups = group_decks(
        decks, config, diag, GroupingCache(Cache("grouping", cache.dir.parent, cache.enabled))
    )
    by_name = {deck.name: deck for deck in decks}
    built = [_build_lecture(group, [by_name[s] for s in group.sources]) for group in groups]
    ids = lecture_ids([b.lecture for b in built], [b.group.id for b in built])
    for lecture_built, lecture_id in zip(built, ids, strict=True):
        assign_ids(lecture_built.lecture, lecture_id)
    _link_editions(built, diag)
    return sorted((b.lecture for b in built), key=lambda lec: (lec.date or dt.date.max, lec.id))


def _build_lecture(group: LectureGroup, decks: list[Deck]) -> BuiltLecture:
    # Reflowed only now: the merge matches the sources' lines as each one laid them out.
    drafts = [
        draft.model_copy(update={"body": reflow(draft.body)})
        for draft in merge_sources([d.drafts for d in decks])
    ]
    date = group.date or _lecture_date(decks)
    lecture = Lecture(
        id="",
        title=group.title or lecture_title(drafts, decks),
        date=date,
        sources=[deck.name for deck in decks],
        removed=[r for deck in decks for r in deck.removed],
    )
    lecture.slides = [
        Slide(
            id="",
            title=d.title,
            text="\n".join(d.lines),
            kind=slide_kind(d),
            pages=d.pages,
            merged_by=d.merged_by,
            removed=d.removed,
        )
        for d in drafts
    ]
    return BuiltLecture(group=group, lecture=lecture, drafts=drafts)


def _lecture_date(decks: list[Deck]) -> dt.date | None:
    counts = Counter(deck.date for deck in decks if deck.date)
    return min(counts, key=lambda d: (-counts[d], d)) if counts else None


def lecture_title(drafts: list[Draft], decks: list[Deck]) -> str:
    """A lecture's title from its material: today's agenda, a title card, or its main slide."""
    for draft in drafts:
        if AGENDA_TITLE.match(draft.title) and draft.body:
            return ", ".join(line.removeprefix("- ") for line in draft.body)
    if drafts and any(dates_in(line) for line in drafts[0].body):
        return drafts[0].title
    specific = [d for d in drafts if not GENERIC_TITLES.match(d.title.strip())]
    if specific and specific[0] is drafts[0] and any(m.startswith("heading:") for m in drafts[0].merged_by):
        return drafts[0].title  # notes that open with a standalone heading (the subject), now folded
    if drafts and drafts[0].source_kind is SourceKind.NOTES and specific:
        # Notes open with a standalone heading (the subject) when they have one; else their main section.
        if not specific[0].body:
            return specific[0].title
        return max(specific, key=lambda d: (sum(len(t) for t in d.body), -drafts.index(d))).title
    if specific:
        return specific[0].title
    return drafts[0].title if drafts else (decks[0].name if decks else "Lecture")


def _link_editions(built: list[BuiltLecture], diag: Diagnostics) -> None:
    """Link each lecture to its other edition (course.toml's edition_of, else the one grouping found)."""
    index_of = {b.lecture.id: i for i, b in enumerate(built)}
    for i, item in enumerate(built):
        target = item.group.edition_group
        if item.group.edition_of is not None:
            target = index_of.get(item.group.edition_of)
            if target is None:
                diag.warn(
                    "course.toml",
                    f"lecture {item.lecture.id}: edition_of {item.group.edition_of} is not a lecture"
                    f"{did_you_mean(item.group.edition_of, index_of)}",
                )
                continue
        if target is None or target == i:
            continue
        first, second = sorted((i, target), key=lambda k: (built[k].lecture.date or dt.date.min, k))
        older, newer = built[first], built[second]
        link_old, link_new = edition_links(older.lecture, older.drafts, newer.lecture, newer.drafts)
        older.lecture.editions.append(link_old)
        newer.lecture.editions.append(link_new)
