"""Builds and kinds on real generated PDFs (overlays, \\only swaps, dividers, repeated slides, figures)."""

from __future__ import annotations

import pytest
from beamergen import Page, growing, overlays, write

from lecturekit.cleaner import clean_source
from lecturekit.cleaner.draft import Draft
from lecturekit.errors import Diagnostics
from lecturekit.ingest import IngestOptions, OcrMode
from lecturekit.models import SlideKind

pdf_reader = pytest.importorskip("lecturekit.ingest.pdf")


def cleaned(tmp_path, pages: list[Page], header: str | None = None) -> list[Draft]:
    diag = Diagnostics()
    source = pdf_reader.read_pdf(
        write(tmp_path / "deck.pdf", pages, header), IngestOptions(ocr=OcrMode.NEVER, cache=False), diag
    )
    assert not diag.errors and len(source.pages) == len(pages)
    return clean_source(source).drafts


def page_groups(drafts: list[Draft]) -> list[list[int]]:
    return [[ref.page for ref in draft.pages] for draft in drafts]


MOMENTUM = "Average the past gradients to smooth the noisy steps"


def lecture(labels: bool) -> list[Page]:
    """A short Beamer lecture: \\pause builds, an \\only swap, a frame continued under the same title."""
    label = iter(str(n) for n in range(1, 20))

    def next_label() -> str | None:
        return next(label) if labels else None

    return [
        Page(
            "Announcements",
            ["Assignment 2 is due on Friday", "Office hours move to Tuesday"],
            label=next_label(),
        ),
        *growing(
            "Gradient descent",
            ["Start anywhere", "Follow the negative gradient", "Stop when it is flat"],
            next_label(),
        ),
        *overlays(
            "Two views of one step",
            [
                ["One update of the weights, seen in two pictures:", "The loss surface from above"],
                ["One update of the weights, seen in two pictures:", "The update rule as an equation"],
            ],
            next_label(),
        ),
        # A second frame with the same title that shows all of the first one and more.
        Page("Momentum", [MOMENTUM], label=next_label()),
        Page("Momentum", [MOMENTUM, "Heavy ball on a surface"], label=next_label()),
    ]


def test_beamer_overlays_with_labels_are_one_slide_per_frame(tmp_path):
    drafts = cleaned(tmp_path, lecture(labels=True))
    assert page_groups(drafts) == [[1], [2, 3, 4], [5, 6], [7], [8]]
    assert drafts[1].body == ["Start anywhere", "Follow the negative gradient", "Stop when it is flat"]
    assert drafts[1].merged_by == ["page-label: p2+p3", "page-label: p2+p4"]
    # \only: the union keeps both versions, in the order they were shown.
    assert drafts[2].body == [
        "One update of the weights, seen in two pictures:",
        "The loss surface from above",
        "The update rule as an equation",
    ]
    # Labels are authoritative: two frames titled alike stay two slides though one holds the other.
    assert [d.title for d in drafts[3:]] == ["Momentum", "Momentum"]


def test_beamer_overlays_without_labels_collapse_by_containment_alone(tmp_path):
    drafts = cleaned(tmp_path, lecture(labels=False))
    assert [d.title for d in drafts] == [
        "Announcements",
        "Gradient descent",
        "Two views of one step",
        "Two views of one step",
        "Momentum",
    ]
    assert page_groups(drafts) == [[1], [2, 3, 4], [5], [6], [7, 8]]
    assert drafts[1].merged_by == ["containment: p2+p3", "containment: p2+p4"]


def test_frame_counters_say_which_pages_are_one_frame(tmp_path):
    pages = [
        Page("Two views", ["The loss surface"], counter="Optimization course 1 / 2"),
        Page(
            "Two views",
            ["The update rule"],
            counter="Optimization course 1 / 2",
            axis=["0", "10", "20", "30"],
        ),
        Page("Two views", ["The update rule", "and its cost"], counter="Optimization course 2 / 2"),
    ]
    drafts = cleaned(tmp_path, pages)
    assert page_groups(drafts) == [[1, 2], [3]]
    # A figure's tick labels at the bottom edge are content, not page numbers that hide the counter.
    assert drafts[0].body == ["The loss surface", "The update rule", "0", "10", "20", "30"]


def test_a_formula_ending_like_a_counter_is_content_mid_page(tmp_path):
    formula = "Consider the RBF kernel: k(x, y) = exp -(x - y)2 /2"
    pages = [
        Page(
            topic,
            [f"What {topic.lower()} means", formula if n == 3 else "More text"],
            counter=f"Kernel methods course {n} / 5",
        )
        for n, topic in enumerate(["Kernels", "Features", "RBF", "Ridge", "Duality"], start=1)
    ]
    drafts = cleaned(tmp_path, pages)
    assert formula in drafts[2].body
    assert not any("course" in line for d in drafts for line in d.lines)


def test_repeated_announcements_stay_separate_slides_in_deck_order(tmp_path):
    pages = [
        Page("Announcements", ["Quiz 1 is on Friday"]),
        Page("Backpropagation", ["The chain rule, applied backwards"]),
        Page("Announcements", ["Quiz 1 is on Friday", "Project teams are due Monday"]),
        Page("Dropout", ["Drop units at random while training"]),
    ]
    drafts = cleaned(tmp_path, pages)
    assert [d.title for d in drafts] == ["Announcements", "Backpropagation", "Announcements", "Dropout"]
    assert page_groups(drafts) == [[1], [2], [3], [4]]
    assert [d.kind for d in drafts] == [
        SlideKind.ADMIN,
        SlideKind.CONTENT,
        SlideKind.ADMIN,
        SlideKind.CONTENT,
    ]


def test_a_section_divider_does_not_swallow_the_slide_after_it(tmp_path):
    pages = [
        Page("Optimization", divider=True),
        Page("Optimization", ["Minimise the training loss", "Step by step"]),
        Page("Optimization", ["Minimise the training loss", "Step by step", "Until it stops improving"]),
    ]
    drafts = cleaned(tmp_path, pages)
    assert page_groups(drafts) == [[1], [2, 3]]
    assert drafts[0].body == [] and drafts[1].body[-1] == "Until it stops improving"


def test_three_proofs_under_one_title_stay_three_slides(tmp_path):
    statement = "Theorem 1: every bounded monotone sequence converges."
    pages = [
        Page("Proof of Theorem 1", [statement, "First proof: by the least upper bound property."]),
        Page("Proof of Theorem 1", [statement, "Second proof: by nested intervals."]),
        Page("Proof of Theorem 1", [statement, "Third proof: by Bolzano-Weierstrass."]),
    ]
    drafts = cleaned(tmp_path, pages)
    assert page_groups(drafts) == [[1], [2], [3]]
    assert [d.body[1].split(":")[0] for d in drafts] == ["First proof", "Second proof", "Third proof"]


def test_two_similar_algorithm_slides_stay_apart(tmp_path):
    common = ["Start from the source vertex and mark it as visited", "Repeat until no vertex is left:"]
    pages = [
        Page("Graph search", [*common, "take the oldest vertex from a queue"]),
        Page("Graph search", [*common, "take the newest vertex from a stack"]),
    ]
    drafts = cleaned(tmp_path, pages)
    assert page_groups(drafts) == [[1], [2]]


def test_a_figure_only_slide_is_kept_as_a_figure_slide(tmp_path):
    pages = [
        Page("Convolutions", ["Slide a small filter over the image"]),
        Page("", picture=True),
        Page("Pooling", ["Keep the largest value of each window"]),
    ]
    drafts = cleaned(tmp_path, pages)
    assert [d.title for d in drafts] == ["Convolutions", "Slide 2", "Pooling"]
    assert drafts[1].body == [] and drafts[1].kind is SlideKind.CONTENT


def test_a_meme_caption_quoting_the_running_header_is_kept(tmp_path):
    topics = ["Convolutions", "Pooling", "Dropout", "Batch norm", "Residual links"]
    pages = [Page(topic, [f"What {topic.lower()} does"]) for topic in topics]
    caption = "Me the night before the Deep Learning 101 final"
    pages.insert(3, Page("", picture=True, caption=caption))
    drafts = cleaned(tmp_path, pages, header="Deep Learning 101")
    assert len(drafts) == len(pages)
    assert drafts[3].lines == [caption]
    assert all("Deep Learning 101" not in line for d in drafts if d is not drafts[3] for line in d.lines)


def test_admin_only_on_the_slides_own_words(tmp_path):
    shared = "Submit questions on Piazza before the deadline"  # a box the deck repeats on every slide
    pages = [
        Page("Logistics", ["Assignment 2 is due on Friday", "Office hours: Tuesday 3pm"]),
        Page("Variable assignment", ["x = 1 binds the name x", "Grades of a class as a list", shared]),
        Page("Gradient clipping", ["Clip the norm of the gradient", shared]),
        Page("Evaluation", ["Hold out a test set", "Never tune on it", shared]),
        Page("Homework 3", ["Due on Friday at noon", "Submit on Gradescope"]),
        Page("Homework 4: backpropagation", ["Derive the gradients of a two-layer network"]),
    ]
    kinds = [d.kind for d in cleaned(tmp_path, pages)]
    assert kinds == [
        SlideKind.ADMIN,
        SlideKind.CONTENT,
        SlideKind.CONTENT,
        SlideKind.CONTENT,
        SlideKind.ADMIN,
        SlideKind.ADMIN,
    ]


def test_an_unnumbered_section_page_sharing_the_frames_label_is_its_own_slide(tmp_path):
    # \AtBeginSection{\frame[noframenumbering]{\sectionpage}}: the section page repeats the label before it.
    pages = [
        Page("This lecture", ["Terms", "Equational theories"], label="4"),
        Page("Terms", divider=True, label="4"),
        *growing("Messages", ["Bitstrings are too detailed", "Terms abstract from bits"], "5"),
    ]
    drafts = cleaned(tmp_path, pages)
    assert [d.title for d in drafts] == ["This lecture", "Terms", "Messages"]
    assert page_groups(drafts) == [[1], [2], [3, 4]]


def test_a_frame_whose_last_overlay_is_its_picture_alone_stays_one_slide(tmp_path):
    pages = [
        Page("Convolutions", ["Slide a small filter over the image"], label="3"),
        Page("", picture=True, label="3"),
        Page("Pooling", ["Keep the largest value of each window"], label="4"),
    ]
    drafts = cleaned(tmp_path, pages)
    assert page_groups(drafts) == [[1, 2], [3]]
    assert drafts[0].lines == ["Convolutions", "Slide a small filter over the image"]
