"""The real-deck fixtures of issue #11 (scripts/make_test_decks.py) through the real read phase.

Each tests/fixtures/decks/DECK.pdf is ingested and cleaned as a user's deck is, and compared with
DECK.expected.json: slide count, titles in order, the pages that make each slide, kinds, text that
must be present (in order) or absent, code lines kept exactly, and build pages that hold only what
they show. A true slide is found in the output by its final page, so that a grouping error does not
hide a text error.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from lecturekit import pipeline
from lecturekit.errors import Diagnostics
from lecturekit.ingest import IngestOptions, OcrMode
from lecturekit.models import Lecture, Slide, Source

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "decks"
DECKS = sorted(p.name.removesuffix(".expected.json") for p in FIXTURES.glob("*.expected.json"))
FALLBACK_TITLE = re.compile(r"Slide \d+")

# Cases that fail until the ingest and cleaner work of #11 lands; strict, so a fix shows up as XPASS.
XFAIL: dict[str, str] = {}


def expected(deck: str) -> dict:
    return json.loads((FIXTURES / f"{deck}.expected.json").read_text())


@cache
def read(deck: str) -> tuple[list[Source], list[Lecture]]:
    """Sources and lectures of one fixture deck, read once per session (no cache, no OCR)."""
    diag = Diagnostics()
    options = IngestOptions(ocr=OcrMode.NEVER, cache=False)
    config, sources = pipeline.ingest([FIXTURES / f"{deck}.pdf"], options, diag)
    return sources, pipeline.clean(sources, config, diag)


def slides(deck: str) -> list[Slide]:
    return [slide for lecture in read(deck)[1] for slide in lecture.slides]


def holder(deck: str, page: int) -> Slide | None:
    """The output slide made from PAGE of DECK."""
    return next((s for s in slides(deck) if page in [ref.page for ref in s.pages]), None)


def flat(text: str) -> str:
    return " ".join(text.split())


def case(name: str, *values: object) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=XFAIL[name])] if name in XFAIL else []
    return pytest.param(*values, id=name, marks=marks)


def deck_cases(what: str) -> list[object]:
    return [case(f"{deck}-{what}", deck) for deck in DECKS]


def slide_cases(what: str, key: str) -> list[object]:
    return [
        case(f"{deck}-s{n}-{what}", deck, n)
        for deck in DECKS
        for n, s in enumerate(expected(deck)["slides"], start=1)
        if s[key]
    ]


def page_cases() -> list[object]:
    return [
        case(f"{deck}-p{page}-hidden", deck, page)
        for deck in DECKS
        for page in expected(deck)["hidden_on_page"]
    ]


@pytest.mark.parametrize("deck", deck_cases("count"))
def test_slide_count(deck: str) -> None:
    assert len(slides(deck)) == len(expected(deck)["slides"])


@pytest.mark.parametrize("deck", deck_cases("titles"))
def test_titles_in_order(deck: str) -> None:
    got = [s.title for s in slides(deck)]
    want = [s["title"] for s in expected(deck)["slides"]]
    assert len(got) == len(want), got
    for title, wanted in zip(got, want, strict=True):
        assert FALLBACK_TITLE.fullmatch(title) if wanted is None else title == wanted, (got, want)


@pytest.mark.parametrize("deck", deck_cases("grouping"))
def test_pages_of_each_slide(deck: str) -> None:
    got = [[ref.page for ref in s.pages] for s in slides(deck)]
    assert got == [s["pages"] for s in expected(deck)["slides"]]


@pytest.mark.parametrize("deck", deck_cases("kinds"))
def test_kinds(deck: str) -> None:
    want = expected(deck)["slides"]
    for s in want:
        made = holder(deck, s["pages"][-1])
        assert made is not None and made.kind.value == s["kind"], (s["title"], made and made.kind)


@pytest.mark.parametrize(("deck", "n"), slide_cases("present", "present"))
def test_text_present_in_order(deck: str, n: int) -> None:
    want = expected(deck)["slides"][n - 1]
    made = holder(deck, want["pages"][-1])
    assert made is not None
    text, at = flat(made.text), 0
    for line in want["present"]:
        found = text.find(flat(line), at)
        assert found >= 0, f"{line!r} missing or out of order in {made.text!r}"
        at = found + len(flat(line))


@pytest.mark.parametrize(("deck", "n"), slide_cases("absent", "absent"))
def test_text_absent(deck: str, n: int) -> None:
    want = expected(deck)["slides"][n - 1]
    made = holder(deck, want["pages"][-1])
    assert made is not None
    for line in want["absent"]:
        assert flat(line) not in flat(made.text), f"{line!r} should not be in {made.text!r}"


@pytest.mark.parametrize(("deck", "n"), slide_cases("code", "code"))
def test_code_lines_kept_exactly(deck: str, n: int) -> None:
    want = expected(deck)["slides"][n - 1]
    made = holder(deck, want["pages"][-1])
    assert made is not None
    lines, at = [line.rstrip() for line in made.text.splitlines()], 0
    for line in want["code"]:
        assert line in lines[at:], (
            f"code line {line!r} not kept (in order, with its indentation) in {lines!r}"
        )
        at = lines.index(line, at) + 1


@pytest.mark.parametrize(("deck", "page"), page_cases())
def test_build_page_holds_only_what_it_shows(deck: str, page: str) -> None:
    (source,) = read(deck)[0]
    text = flat(next(p.text for p in source.pages if p.page == int(page)))
    for line in expected(deck)["hidden_on_page"][page]:
        assert flat(line) not in text, f"page {page} holds hidden text {line!r}"


@pytest.mark.parametrize("deck", deck_cases("furniture"))
def test_running_footer_never_in_slides(deck: str) -> None:
    for s in slides(deck):
        for line in expected(deck)["absent_anywhere"]:
            assert flat(line) not in flat(s.text), (s.title, line)
