"""Properties of the cleaner on arbitrary decks (hypothesis): no crash, idempotent, nothing lost untraced."""

from __future__ import annotations

from cleaner_support import deck
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from lecturekit.cleaner import clean_course
from lecturekit.cleaner.normalize import normalize_line, normalize_page
from lecturekit.course import CourseConfig
from lecturekit.errors import Diagnostics
from lecturekit.models import Line, Method, Page, RemovalReason, SourceKind

TITLES = ["Training a DNN", "ICE #1", "Logistics", "Back Prop", "Hyper-parameters"]
REALISTIC = [
    "@ Learning rate",
    "© Number of neurons",
    "o Batch-Size",
    "-",
    "|",
    "N",
    "Q138",
    "(Univ. of Somewhere) CS 101 January 14, 2026 3/22",
    "SGD mini-batch is the staple diet.",
    "$$f(x) = x^2$$",
    "- $x$ is small",
    "back-propa-",
    "gation",
    "1 8,8",
    "https://example.org/x",
    "January 14, 2026",
    "Office hours Monday",
    "Chinmay <c@example.com>",
    "Learn More",
    "  ",
]
ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
LINES = st.one_of(
    st.sampled_from(REALISTIC), st.text(alphabet=ALPHABET, max_size=30), st.sampled_from(TITLES)
)
PAGES = st.lists(st.tuples(st.sampled_from(TITLES), st.lists(LINES, max_size=6)), min_size=1, max_size=8)
KINDS = st.sampled_from([SourceKind.TEXT_DUMP, SourceKind.MARKDOWN, SourceKind.NOTES])
METHODS = st.sampled_from([Method.TEXT, Method.OCR])
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def make_sources(decks):
    return [
        deck(f"{index:03d}.txt", [[title, *lines] for title, lines in pages], kind=kind, method=method)
        for index, (pages, kind, method) in enumerate(decks)
    ]


SOURCES = st.lists(st.tuples(PAGES, KINDS, METHODS), min_size=1, max_size=3).map(make_sources)


@FAST
@given(SOURCES)
def test_the_cleaner_never_raises_and_reports_no_error(sources):
    diag = Diagnostics()
    lectures = clean_course(sources, CourseConfig(), diag)
    assert not diag.errors
    assert sorted(s for lec in lectures for s in lec.sources) == sorted(s.name for s in sources)
    for lec in lectures:
        assert len({s.id for s in lec.slides}) == len(lec.slides)


@FAST
@given(SOURCES)
def test_every_content_line_is_in_a_slide_or_in_a_removal_record(sources):
    lectures = clean_course(sources, CourseConfig(), Diagnostics())
    kept = [s.text for lec in lectures for s in lec.slides]
    traced = [r.text for lec in lectures for s in lec.slides for r in s.removed]
    traced += [r.text for lec in lectures for r in lec.removed]
    corpus = "\n".join(kept + traced)
    for source in sources:
        for line in source.pages[0].lines + [line for page in source.pages[1:] for line in page.lines]:
            for token in normalize_line(line.text).split():
                assert token.rstrip("-") in corpus, (line.text, token)


@FAST
@given(st.lists(LINES, max_size=12))
def test_normalizing_twice_changes_nothing(lines):
    for line in lines:
        assert normalize_line(normalize_line(line)) == normalize_line(line)
    page = Page(
        source="p.txt", page=1, method=Method.TEXT, text="\n".join(lines), lines=[Line(text=t) for t in lines]
    )
    once = normalize_page(page, False)
    again = normalize_page(page.model_copy(update={"lines": [Line(text=t) for t in once.texts]}), False)
    assert again.texts == once.texts


# Printed slide numbers and page labels are build signals that the cleaned text no longer carries, so
# the round trip is checked on decks without footers.
NO_FOOTER = st.one_of(
    st.sampled_from([t for t in REALISTIC if "3/22" not in t]),
    st.text(alphabet=ALPHABET, max_size=30),
    st.sampled_from(TITLES),
)
PLAIN_PAGES = st.lists(
    st.tuples(st.sampled_from(TITLES), st.lists(NO_FOOTER, max_size=6)), min_size=1, max_size=8
)


@FAST
@given(
    st.lists(
        st.tuples(PLAIN_PAGES, st.just(SourceKind.TEXT_DUMP), st.just(Method.TEXT)), min_size=1, max_size=2
    ).map(make_sources)
)
def test_cleaning_the_cleaned_slides_again_changes_nothing(sources):
    first = clean_course(sources, CourseConfig(), Diagnostics())
    # Two neighbouring slides alike but for their printed numbers ("1", "0") are a slide shown twice on
    # purpose; the cleaned text no longer carries the numbers, so a second pass cannot tell them apart.
    assume(
        not any(a.text == b.text for lec in first for a, b in zip(lec.slides, lec.slides[1:], strict=False))
    )
    again_sources = [
        deck(f"{lec.id}.txt", [s.text.splitlines() for s in lec.slides]) for lec in first if lec.slides
    ]
    second = clean_course(again_sources, CourseConfig(), Diagnostics())
    # Furniture is learned from how often a line recurs per deck: merged builds and sources put a line
    # that was rare among the first pass's pages ("0 A") on most pages of the cleaned deck, where it is
    # then fairly read as a running footer. Such lines are the one allowed difference, and only as furniture.
    learned = {
        r.text for lec in second for s in lec.slides for r in s.removed if r.reason is RemovalReason.FURNITURE
    }
    expected = [
        "\n".join(line for i, line in enumerate(s.text.splitlines()) if i == 0 or line not in learned)
        for lec in first
        for s in lec.slides
    ]
    assert sorted(s.text for lec in second for s in lec.slides) == sorted(expected)
