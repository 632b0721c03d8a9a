"""Property tests of the text normaliser and the cleaner: never raise, idempotent, nothing lost without a record."""

from __future__ import annotations

import unicodedata

from fuzz_settings import FUZZ, lines, nasty_text
from hypothesis import given
from hypothesis import strategies as st

from lecturekit.cleaner.normalize import normalize_line, normalize_page
from lecturekit.controls import CONTROLS, TERMINAL_CONTROLS, for_terminal
from lecturekit.course import CourseConfig
from lecturekit.errors import Diagnostics
from lecturekit.models import Line, Method, Page, RemovalReason, Source, SourceKind

KEPT_FORMATS = set(
    "\t\u200c\u200d\u200e\u200f\u061c\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891"
    "\u08e2\U000110bd\U000110cd"
)


def text_page(texts: list[str], method: Method = Method.TEXT, page: int = 1) -> Page:
    numbered = [Line(text=t, number=n) for n, t in enumerate(texts, start=1) if t.strip()]
    return Page(
        source="fuzz.txt",
        page=page,
        method=method,
        text="\n".join(texts),
        lines=numbered,
        title=numbered[0].text.strip() if numbered else None,
    )


@FUZZ
@given(nasty_text)
def test_normalize_line_never_raises_and_is_idempotent(text: str):
    once = normalize_line(text)
    assert normalize_line(once) == once
    assert not CONTROLS.search(once)


@FUZZ
@given(lines, st.sampled_from([Method.TEXT, Method.OCR, Method.TEXT_LAYER]))
def test_normalize_page_loses_no_line_without_a_record(texts: list[str], method: Method):
    page = text_page(texts, method)
    clean = normalize_page(page, ocr_like=method is Method.OCR)
    kept = {line.number for line in clean.lines}
    joined = " ".join(line.text for line in clean.lines)
    records = [removal.text for removal in clean.removed]
    for line in page.lines:
        normalized = normalize_line(line.text)
        accounted = (
            line.number in kept
            or (normalized and normalized in joined.replace(" ", "") + joined)
            or any(normalized in record or record in normalized for record in records)
        )
        assert accounted, (line, clean)
    for line in clean.lines:
        assert not CONTROLS.search(line.text)
    for removal in clean.removed:
        assert not CONTROLS.search(removal.text)  # a record never carries what it records as raw bytes


@FUZZ
@given(lines)
def test_every_control_character_is_recorded(texts: list[str]):
    page = text_page(texts)
    clean = normalize_page(page, ocr_like=False)
    had_controls = any(CONTROLS.search(line.text) for line in page.lines)
    assert had_controls == any(r.reason is RemovalReason.CONTROL for r in clean.removed)


@FUZZ
@given(st.lists(lines, min_size=1, max_size=6))
def test_cleaning_a_source_never_raises(pages: list[list[str]]):
    from lecturekit.cleaner import clean_course

    source = Source(
        name="fuzz.txt",
        path="fuzz.txt",
        kind=SourceKind.TEXT_DUMP,
        sha256="0" * 64,
        pages=[text_page(texts, page=n) for n, texts in enumerate(pages, start=1)],
    )
    diag = Diagnostics()
    lectures = clean_course([source], CourseConfig(), diag)
    for lecture in lectures:
        for slide in lecture.slides:
            assert not CONTROLS.search(slide.title) and not TERMINAL_CONTROLS.search(slide.text)


def test_controls_cover_every_control_and_format_character_but_the_kept_ones():
    import sys

    missed = [
        f"U+{c:04X}"
        for c in range(sys.maxunicode + 1)
        if unicodedata.category(chr(c)) in ("Cc", "Cf")
        and chr(c) != "\n"
        and chr(c) not in KEPT_FORMATS
        and not CONTROLS.match(chr(c))
    ]
    assert missed == []


def test_rtl_text_is_kept_and_overrides_are_recorded():
    page = text_page(
        ["שלום עולם — مرحبا بالعالم", "Price: \u202eevil.exe\u202c now", "ok\x00line\x1b]0;title\x07"]
    )
    clean = normalize_page(page, ocr_like=False)
    assert [line.text for line in clean.lines] == [
        "שלום עולם - مرحبا بالعالم",
        "Price: evil.exe now",
        "okline]0;title",
    ]
    controls = [r for r in clean.removed if r.reason is RemovalReason.CONTROL]
    assert [(r.text, r.detail) for r in controls] == [
        (
            "Price: \\u202eevil.exe\\u202c now",
            "U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP DIRECTIONAL FORMATTING",
        ),
        ("ok\\x00line\\x1b]0;title\\x07", "U+0000, U+001B, U+0007"),
    ]
    assert for_terminal("\x1b]8;;http://x\x07link") == "\\x1b]8;;http://x\\x07link"
