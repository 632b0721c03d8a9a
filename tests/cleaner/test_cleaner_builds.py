"""Build collapsing on generated decks, one per build style (Page/Line models as the readers make them)."""

from __future__ import annotations

from cleaner_support import deck, text_page

from lecturekit.cleaner import clean_source
from lecturekit.cleaner.builds import collapse_builds
from lecturekit.cleaner.draft import CleanPage
from lecturekit.cleaner.normalize import normalize_page
from lecturekit.models import Line, Method, Page, RemovalReason, SourceKind


def slides(source):
    return clean_source(source).drafts


def test_incremental_bullets_become_one_slide():
    pages = [
        ["Gradient descent", "- pick a start"],
        ["Gradient descent", "- pick a start", "- step downhill"],
        ["Gradient descent", "- pick a start", "- step downhill", "- repeat until flat"],
        ["Momentum", "- remembers the last step"],
    ]
    drafts = slides(deck("inc.txt", pages))
    assert [d.title for d in drafts] == ["Gradient descent", "Momentum"]
    assert drafts[0].body == ["- pick a start", "- step downhill", "- repeat until flat"]
    assert [p.page for p in drafts[0].pages] == [1, 2, 3]
    assert drafts[0].merged_by == ["containment: p1+p2", "containment: p1+p3"]
    builds = [r for r in drafts[0].removed if r.reason is RemovalReason.BUILD]
    assert [r.page for r in builds] == [2, 3]


def test_swapped_content_with_page_labels_keeps_every_step():
    pages = [
        ["Two views", "- first: the loss surface"],
        ["Two views", "- second: the update rule"],
        ["Next frame", "- something else"],
    ]
    drafts = slides(deck("swap.txt", pages, labels=["4", "4", "5"]))
    assert len(drafts) == 2
    assert drafts[0].body == ["- first: the loss surface", "- second: the update rule"]
    assert drafts[0].merged_by == ["page-label: p1+p2"]


def test_swapped_content_without_any_signal_stays_two_slides():
    pages = [["Two views", "- first: the loss surface"], ["Two views", "- second: the update rule"]]
    assert len(slides(deck("swap-nolabel.txt", pages))) == 2


def test_transparent_covering_identical_steps_collapse():
    page = ["Attention", "- queries meet keys", "- values are mixed"]
    drafts = slides(deck("cover.txt", [page, page, page]))
    assert len(drafts) == 1 and drafts[0].lines == page
    assert drafts[0].merged_by == ["identical: p1+p2", "identical: p1+p3"]


def test_different_page_labels_are_different_slides_even_when_contained():
    pages = [["Recap", "- perceptron"], ["Recap", "- perceptron", "- XOR"]]
    assert len(slides(deck("labels.txt", pages, labels=["1", "2"]))) == 2
    assert len(slides(deck("nolabels.txt", pages))) == 1


def test_footer_slide_numbers_join_steps_and_are_removed():
    footer = "Intro to ML  January 14, 2026  {}/10"
    pages = [
        ["Loss", "- squared error", footer.format(3)],
        ["Loss", "- cross entropy", footer.format(3)],
        ["Risk", "- expected loss", footer.format(4)],
        ["Bias", "- a constant term", footer.format(5)],
    ]
    drafts = slides(deck("footer.txt", pages))
    assert [d.title for d in drafts] == ["Loss", "Risk", "Bias"]
    assert drafts[0].body == ["- squared error", "- cross entropy"]
    assert drafts[0].merged_by == ["slide-number: p1+p2"]
    assert all("January" not in line for d in drafts for line in d.lines)
    furniture = [r for d in drafts for r in d.removed if r.reason is RemovalReason.FURNITURE]
    assert len(furniture) == 4


def test_a_tiny_page_is_not_swallowed_by_an_unrelated_slide():
    pages = [["Backprop", "- chain rule", "- local gradients"], ["Questions?"], ["chain rule"]]
    drafts = slides(deck("tiny.txt", pages))
    assert [d.title for d in drafts] == ["Backprop", "Questions?", "chain rule"]


def test_a_build_interrupted_by_another_page_is_not_joined_across_it():
    pages = [
        ["Outline", "- one"],
        ["Outline", "- one", "- two"],
        ["Office hours", "- Monday 5pm"],
        ["Outline", "- one", "- two", "- three"],
        ["Quiz", "Which of these is one?", "- one", "- two"],
        ["Outline", "A summary of the day", "- four"],
    ]
    drafts = slides(deck("outline.md", pages, kind=SourceKind.MARKDOWN))
    # Only neighbours are steps of one slide: joining page 4 to pages 1-2 would move it before page 3.
    assert [d.title for d in drafts] == ["Outline", "Office hours", "Outline", "Quiz", "Outline"]
    assert drafts[0].body == ["- one", "- two"]
    assert [[p.page for p in d.pages] for d in drafts] == [[1, 2], [3], [4], [5], [6]]


def layout_page(
    source: str, number: int, lines: list[tuple[str, float, float]], label: str | None = None
) -> Page:
    """A PDF-style page: (text, top fraction, font size) per line."""
    return Page(
        source=source,
        page=number,
        label=label,
        method=Method.TEXT_LAYER,
        text="\n".join(t for t, _, _ in lines),
        lines=[Line(text=t, top=top, size=size, x0=0.05) for t, top, size in lines],
    )


def test_template_deck_header_and_footer_removed_titles_kept():
    titles = ["Linear models", "Loss functions", "Linear models", "Regularization", "Validation"]
    pages = []
    for n, title in enumerate(titles, start=1):
        pages.append(
            layout_page(
                "tpl.pdf",
                n,
                [
                    ("Deep Learning 101 - Module 2", 0.03, 7.0),
                    (title, 0.12, 20.0),
                    (f"- point {n} about {title.lower()}", 0.4, 12.0),
                    ("- same template bullet text", 0.5, 12.0),
                    (f"Dr. Example, Spring 2026 {n}", 0.95, 7.0),
                ],
            )
        )
    from lecturekit.models import Source

    source = Source(name="tpl.pdf", path="tpl.pdf", kind=SourceKind.PDF, sha256="0" * 64, pages=pages)
    drafts = slides(source)
    assert [d.title for d in drafts] == titles  # the repeated title is content, its slides stay apart
    assert all("Module 2" not in t and "Spring 2026" not in t for d in drafts for t in d.lines)
    assert all("- same template bullet text" in d.body for d in drafts)


def test_empty_and_decoration_pages_leave_a_record():
    pages = [["Intro", "- hello"], ["-", "|", "N"], []]
    drafts, orphans = collapse_builds(
        [normalize_page(p, False) for p in deck("deco.txt", pages).pages], SourceKind.TEXT_DUMP
    )
    assert len(drafts) == 1
    assert sorted(r.text for r in orphans if r.reason is RemovalReason.DECORATION) == ["-", "N", "|"]
    assert any(r.reason is RemovalReason.EMPTY and r.page == 3 for r in orphans)


def test_ocr_build_steps_with_different_figure_noise_still_merge():
    pages = [
        ["Tuning", "@ Grid search: © 0°Q 0", "Hyperparameters on a grid"],
        [
            "Tuning",
            "@ Grid search: O T FO",
            "Hyperparameters on a grid",
            "@ Random search: ° .,.'",
            "Hyperparameters randomly chosen",
        ],
    ]
    drafts = slides(deck("ocr.txt", pages, method=Method.OCR))
    assert len(drafts) == 1
    assert "- Random search:" in drafts[0].body and "Hyperparameters randomly chosen" in drafts[0].body


def test_clean_page_model_round_trips():
    page = normalize_page(text_page("x.txt", 1, ["Title", "@ item one"]), True)
    assert CleanPage.model_validate(page.model_dump()) == page
    assert page.texts == ["Title", "- item one"]


def test_reader_title_of_a_layout_page_wins_over_a_line_above_it():
    page = layout_page(
        "one.pdf",
        1,
        [
            ("Draft - do not circulate", 0.02, 9.0),
            ("Attention is all you need", 0.1, 22.0),
            ("- queries, keys, values", 0.4, 12.0),
        ],
    )
    page.title = "Attention is all you need"
    from lecturekit.models import Source

    source = Source(name="one.pdf", path="one.pdf", kind=SourceKind.PDF, sha256="0" * 64, pages=[page])
    draft = slides(source)[0]
    assert draft.title == "Attention is all you need"
    assert draft.body == ["Draft - do not circulate", "- queries, keys, values"]


def test_non_latin_slides_are_compared_by_their_own_letters():
    pages = [
        ["Градиентный спуск", "- выбрать начальную точку"],
        ["Метод моментов", "- помнит последний шаг"],
        ["Скорость обучения", "- слишком большая расходится"],
    ]
    drafts = slides(deck("ru.txt", pages))
    assert [d.title for d in drafts] == ["Градиентный спуск", "Метод моментов", "Скорость обучения"]
