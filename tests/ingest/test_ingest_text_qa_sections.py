"""QA 6: slide-like markdown (seed 004) split where its titles are, not at its subtitles or figure gaps."""

from __future__ import annotations

from pathlib import Path

from lecturekit.ingest.text import classify_text, read_text_pages
from lecturekit.models import SourceKind

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
MD_004 = "004_6907600352c4fa8e.txt"


def seed_004_pages():
    text = (SEEDS / MD_004).read_text(encoding="utf-8")
    assert classify_text(text) is SourceKind.MARKDOWN
    return read_text_pages(text, MD_004, SourceKind.MARKDOWN)


def body_lines(page) -> list[str]:
    return [line.text.strip() for line in page.lines[1:]]


def test_a_title_that_later_follows_body_text_is_a_title_not_a_subtitle():
    pages = seed_004_pages()
    titles = [p.title for p in pages]
    autograd = titles.index("AutoGrad uses BackProp")
    assert body_lines(pages[autograd]) == []  # a figure slide: "Back Propagation Summary" is the next slide
    summary = [p for p in pages if p.title == "Back Propagation Summary"]
    # its subtitle on both steps
    assert len(summary) == 2 and all(body_lines(p)[0] == "Back Prop" for p in summary)
    assert "Back Prop" not in titles
    assert titles[autograd : autograd + 4] == [
        "AutoGrad uses BackProp",
        "Back Propagation Summary",
        "Back Propagation Summary",
        "Back Prop as information flow",
    ]


def test_more_dl_architectures_is_not_folded_into_the_demo_slide():
    pages = seed_004_pages()
    demo = [p for p in pages if p.title == "Tensorflow Playground Demo"]
    assert all(body_lines(p) == [] for p in demo[-2:])
    architectures = [p for p in pages if p.title == "More DL Architectures"]
    assert [body_lines(p)[0] for p in architectures] == [
        "Neural Networks Zoo Zoo Reference",
        "Neural Networks Zoo",
    ]


def test_a_line_repeated_after_a_wide_gap_opens_the_next_slide():
    pages = seed_004_pages()
    feed_forward = [p for p in pages if "Feed-forward Deep Learning Architecture Example" in p.text]
    assert [p.title for p in feed_forward] == ["Feed-forward Deep Learning Architecture Example"] * 2
    assert all(p.text.count("Feed-forward") == 1 for p in feed_forward)


def test_subtitles_and_repeated_sub_headings_still_stay_on_their_slide():
    pages = seed_004_pages()
    titles = [p.title for p in pages]
    for subtitle in (
        "Hyper-parameters",
        "How to handle over-fitting in DNNs",
        "Example",
        "SGD with mini-batch",
    ):
        assert subtitle not in titles
    assert titles.count("Outline for Lecture") == 5 and titles.count("Over-fitting in DNNs") == 6


def test_a_generated_deck_with_the_same_shape():
    text = (
        "Intro Slide\n\n- welcome\n\nFigure Only Slide\n\nSummary Of Ideas\n\nKey Point\n\n"
        "A long paragraph explaining the key point in detail.\n\nSummary Of Ideas\n\nKey Point\n\n"
        "A long paragraph explaining the key point in detail.\n\nNext Topic\n\nmore text here.\n"
    )
    pages = read_text_pages(text, "deck.md", SourceKind.MARKDOWN)
    assert [p.title for p in pages] == [
        "Intro Slide",
        "Figure Only Slide",
        "Summary Of Ideas",
        "Summary Of Ideas",
        "Next Topic",
    ]
