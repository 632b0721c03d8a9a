"""Sources grouped into lectures, aligned and merged; editions linked; ids from course.toml or the material."""

from __future__ import annotations

import datetime as dt

from cleaner_support import deck

from lecturekit.cleaner import clean_course
from lecturekit.cleaner.similarity import ordered_union
from lecturekit.course import CourseConfig, LectureConfig
from lecturekit.errors import Diagnostics
from lecturekit.models import Method, RemovalReason, SlideKind

FOOTER = "(Univ. of Somewhere) CS 101: Learning January 14, 2026 {}/6"
DECK = [
    ["Logistics", "Homework 2 due Friday", "Office hours moved to Zoom"],
    ["Gradient descent", "Start anywhere and follow the negative gradient", "Step size is the learning rate"],
    ["ICE #1", "Which step size diverges?", "1 0.001", "2 10"],
    ["Momentum", "Keeps a running average of past gradients"],
]


def text_layer():
    return deck("a_text.txt", DECK)


def ocr_copy():
    pages = [
        [page[0]] + [f"@ {line}" if not line[0].isdigit() else f"O {line[2:]}" for line in page[1:]]
        for page in DECK
    ]
    pages.insert(2, ["Learning rate schedules", "@ Step decay halves the rate every epoch"])
    pages[1][1] = "@ Start anywhere and fo1low the negative gradient"
    return deck("b_ocr.txt", [[*page, FOOTER.format(number)] for number, page in enumerate(pages, start=1)])


def test_two_readings_of_one_deck_make_one_lecture_with_the_best_text():
    diag = Diagnostics()
    lectures = clean_course([ocr_copy(), text_layer()], CourseConfig(), diag)
    assert not diag.items
    assert [lec.id for lec in lectures] == ["2026-01-14"]
    slides = lectures[0].slides
    assert [s.title for s in slides] == [
        "Logistics",
        "Gradient descent",
        "Learning rate schedules",
        "ICE #1",
        "Momentum",
    ]
    gd = slides[1]
    assert "Start anywhere and follow the negative gradient" in gd.text and "fo1low" not in gd.text
    assert [(p.source, p.page) for p in gd.pages] == [("a_text.txt", 2), ("b_ocr.txt", 2)]
    assert any(r.reason is RemovalReason.DUPLICATE and "fo1low" in r.text for r in gd.removed)
    assert slides[2].text == "Learning rate schedules\n- Step decay halves the rate every epoch"
    assert [p.source for p in slides[2].pages] == ["b_ocr.txt"]
    assert slides[0].kind is SlideKind.ADMIN and slides[3].kind is SlideKind.EXERCISE
    assert all("CS 101" not in s.text for s in slides)


def test_editions_of_different_years_are_linked_not_merged():
    older = deck("2024.txt", [["Intro", "January 9, 2024"], *DECK[1:], ["Dropout", "Randomly zero units"]])
    newer = deck(
        "2026.txt",
        [
            ["Intro", "January 14, 2026"],
            *DECK[1:3],
            ["Momentum", "Keeps a running average of past gradients and the velocity"],
        ],
    )
    lectures = clean_course([newer, older], CourseConfig(), Diagnostics())
    assert [lec.id for lec in lectures] == ["2024-01-09", "2026-01-14"]
    old, new = lectures
    assert [e.lecture for e in old.editions] == ["2026-01-14"] and [e.lecture for e in new.editions] == [
        "2024-01-09"
    ]
    status = {(d.slide, d.other): d.status.value for d in old.editions[0].slides}
    assert status[("2024-01-09/gradient-descent", "2026-01-14/gradient-descent")] == "unchanged"
    assert status[("2024-01-09/momentum", "2026-01-14/momentum")] == "edited"
    assert status[("2024-01-09/dropout", None)] == "removed"
    mirrored = {(d.slide, d.other): d.status.value for d in new.editions[0].slides}
    assert mirrored[("2026-01-14/momentum", "2024-01-09/momentum")] == "edited"
    assert mirrored[(None, "2024-01-09/dropout")] == "removed"


def test_unrelated_undated_sources_get_title_slugs():
    a = deck("a.txt", [["Convolutions", "Kernels slide over images"]])
    b = deck("b.txt", [["Attention", "Queries meet keys"]])
    lectures = clean_course([a, b], CourseConfig(), Diagnostics())
    assert sorted(lec.id for lec in lectures) == ["attention", "convolutions"]
    assert all(lec.date is None for lec in lectures)


def test_course_toml_groups_ids_titles_and_dates_win():
    config = CourseConfig(
        lectures=[
            LectureConfig(
                id="week-1", title="Week one", date=dt.date(2026, 1, 5), sources=["a_text.txt", "b_ocr.txt"]
            ),
            LectureConfig(id="old", sources=["old.txt", "missing.txt"], edition_of="week-1"),
        ]
    )
    old = deck("old.txt", [["Intro", "January 9, 2024"], *DECK[1:]])
    diag = Diagnostics()
    lectures = clean_course([text_layer(), ocr_copy(), old], config, diag)
    assert [(lec.id, lec.title, str(lec.date)) for lec in lectures] == [
        ("old", "Intro", "2024-01-09"),
        ("week-1", "Week one", "2026-01-05"),
    ]
    assert lectures[1].sources == ["a_text.txt", "b_ocr.txt"]
    assert [e.lecture for e in lectures[0].editions] == ["week-1"]
    assert [str(d) for d in diag.warnings] == [
        "course.toml: warning: lecture old: source missing.txt was not read"
    ]


def test_ordered_union_keeps_order_and_reports_variants():
    union = ordered_union(["T", "a line here", "c"], ["T", "a llne here", "b", "c", "d"])
    assert union.lines == ["T", "a line here", "b", "c", "d"]
    assert union.variants == ["a llne here"] and union.added == ["b", "d"]


def test_ocr_method_loses_to_text_layer_even_when_listed_first():
    ocr = deck("x_scan.txt", [["Momentum", "Keeps a runnlng average of past gradients"]], method=Method.OCR)
    text = deck(
        "y_text.txt", [["Momentum", "Keeps a running average of past gradients"]], method=Method.TEXT_LAYER
    )
    slide = clean_course([ocr, text], CourseConfig(), Diagnostics())[0].slides[0]
    assert slide.text == "Momentum\nKeeps a running average of past gradients"
    assert [p.method for p in slide.pages] == [Method.TEXT_LAYER, Method.OCR]


def test_a_source_the_cleaner_cannot_handle_is_reported_and_the_others_go_through(monkeypatch):
    import lecturekit.cleaner.lectures as lectures_module

    real = lectures_module.normalize_page

    def broken_for_b(page, ocr_like):
        if page.source == "b.txt":
            raise ValueError("simulated bug")
        return real(page, ocr_like)

    monkeypatch.setattr(lectures_module, "normalize_page", broken_for_b)
    diag = Diagnostics()
    lectures = clean_course([deck("a.txt", DECK), deck("b.txt", DECK)], CourseConfig(), diag)
    assert [str(d) for d in diag.errors] == [
        "b.txt: error: cleaner failed on this source (ValueError: simulated bug); it is left out"
    ]
    assert [lec.sources for lec in lectures] == [["a.txt"]]


def test_a_source_with_nothing_left_is_a_warning_with_its_removals_kept():
    diag = Diagnostics()
    lectures = clean_course([deck("rules.txt", [["-", "|"], ["N"]])], CourseConfig(), diag)
    assert [str(d) for d in diag.warnings] == [
        "rules.txt: warning: no slide left after cleaning (decoration); see the lecture's removals"
    ]
    assert [lec.slides for lec in lectures] == [[]]
    assert sorted(r.text for r in lectures[0].removed) == ["-", "N", "|"]
