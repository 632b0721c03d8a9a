"""The five seed files, as they are, through the text readers (library API)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from lecturekit.errors import Diagnostics
from lecturekit.ingest import IngestOptions, read_sources
from lecturekit.models import Method, Source, SourceKind

DUMP_000 = "000_5e6f1afa6cbb3b19.txt"
OCR_001 = "001_9877fb9ea88e89b7.txt"
ZOOM_002 = "002_745afbbf775c3ef9.txt"
NOTES_003 = "003_ac6d1436580ceec6.txt"
MD_004 = "004_6907600352c4fa8e.txt"


def read_one(path: Path) -> Source:
    diag = Diagnostics()
    sources = read_sources([path], IngestOptions(), diag)
    assert diag.items == [], [str(d) for d in diag.items]
    assert len(sources) == 1
    return sources[0]


def single_space_starts(path: Path) -> list[tuple[int, str]]:
    """(line number, text) of every line that starts with exactly one space and then text."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return [(n, line[1:]) for n, line in enumerate(lines, start=1) if re.match(r"^ \S", line)]


@pytest.mark.parametrize("name", [DUMP_000, OCR_001])
def test_dump_has_one_page_per_single_space_start(seeds: Path, name: str) -> None:
    source = read_one(seeds / name)
    starts = single_space_starts(seeds / name)
    assert source.kind is SourceKind.TEXT_DUMP
    assert [p.page for p in source.pages] == list(range(1, len(starts) + 1))
    assert [p.first_line for p in source.pages] == [n for n, _ in starts]
    assert [p.lines[0].text for p in source.pages] == [text for _, text in starts]
    assert all(p.method is Method.TEXT and p.source == name for p in source.pages)


def test_dump_000_counts_and_titles(seeds: Path) -> None:
    source = read_one(seeds / DUMP_000)
    assert len(source.pages) == 20
    titles = [p.title for p in source.pages]
    assert titles[:6] == [
        "Logistics",
        "https://docs.google.com/spreadsheets/d/16GNu3uCUmUPfexsiQxN_lx6W0ItQZT48mx_kVuL-x7E/edit",
        "Coding Assignment 2 - Yelp Review Rating Prediction",
        "Last Lecture",
        "Today\u2019s Lecture",
        "Training a DNN",
    ]
    assert titles[8:10] == ["ICE #1", "ICE #2"]
    assert titles.count("Hyper-parameter tuning methods") == 2
    ice2 = source.pages[9]
    assert ice2.first_line == 95
    assert "2 Lower memory requirement" in ice2.text
    assert ice2.text.startswith("ICE #2\n\nWhat is the main advantage of SGD")


def test_dump_001_keeps_builds_footer_and_ocr_noise(seeds: Path) -> None:
    source = read_one(seeds / OCR_001)
    titles = [p.title for p in source.pages]
    assert len(source.pages) == 25
    assert titles.count("Hyper-parameters in Deep Learning") == 4  # four build steps, each a page
    assert titles[9] == "ICE 42"  # OCR's reading of "ICE #2", kept for the cleaner
    # A page that starts with OCR decoration ("-") takes its title from the first line with words.
    coding = next(p for p in source.pages if p.first_line == 256)
    assert coding.lines[0].text == "N" and coding.title == "More DL Architectures"
    footer = "(Univ. of Washington, Seattle) EEP 596: LLMs: From Transformers to GPT January 14, 2026 3/22"
    assert footer in source.pages[1].text


def test_line_numbers_point_at_the_source_lines(seeds: Path) -> None:
    for name in (DUMP_000, OCR_001, ZOOM_002, NOTES_003, MD_004):
        file_lines = (seeds / name).read_text(encoding="utf-8").split("\n")
        for page in read_one(seeds / name).pages:
            for line in page.lines:
                original = file_lines[line.number - 1].rstrip()
                assert original in (line.text, " " + line.text), (name, line.number)


@pytest.mark.parametrize("name", [DUMP_000, OCR_001, ZOOM_002, NOTES_003, MD_004])
def test_no_non_blank_line_is_lost_or_repeated(seeds: Path, name: str) -> None:
    file_lines = (seeds / name).read_text(encoding="utf-8").split("\n")
    expected = [n for n, line in enumerate(file_lines, start=1) if line.strip()]
    got = [line.number for page in read_one(seeds / name).pages for line in page.lines]
    assert got == expected


def test_identity_of_a_source(seeds: Path) -> None:
    source = read_one(seeds / NOTES_003)
    assert source.name == NOTES_003
    assert source.path == str(seeds / NOTES_003)
    assert source.sha256 == hashlib.sha256((seeds / NOTES_003).read_bytes()).hexdigest()


def test_zoom_summary_002_is_notes_with_its_sections_and_email_header(seeds: Path) -> None:
    source = read_one(seeds / ZOOM_002)
    assert source.kind is SourceKind.NOTES
    titles = [p.title for p in source.pages]
    for title in (
        "Quick recap",
        "Next steps",
        "Summary",
        "Neural Networks and Universal Approximation",
        "Stochastic Gradient Descent Explained",
        "Optimization Techniques in Deep Learning",
    ):
        assert title in titles
    all_lines = [line.text for p in source.pages for line in p.lines]
    assert "Chinmay Hegde <chinmayhegde@gmail.com>" in all_lines
    assert "Mon, Feb 3, 2025 at 1:07 PM" in all_lines
    assert "Meeting Summary with Al Companion <no-reply@zoom.us> To: ch3773@nyu.edu" in all_lines
    recap = source.pages[titles.index("Quick recap")]
    assert recap.text.startswith("Quick recap\n\nChinmay discussed the concept of neural networks")
    assert [p.page for p in source.pages] == list(range(1, len(source.pages) + 1))


def test_presenter_notes_003_sections(seeds: Path) -> None:
    source = read_one(seeds / NOTES_003)
    assert source.kind is SourceKind.NOTES
    assert [p.title for p in source.pages] == [
        "October 13, 2020",
        "Introduction",
        "Using vectors",
        "Auto-diff",
        "Fit",
        "References",
    ]
    auto_diff = source.pages[3]
    assert auto_diff.first_line == 16
    assert "Reverse mode exploits chain rule" in auto_diff.text
    assert "It is important that you follow the graph carefully." in auto_diff.text
    assert source.pages[5].text.count("\n- ") == 6  # all six references stay together


def test_markdown_004_builds_are_separate_sections(seeds: Path) -> None:
    source = read_one(seeds / MD_004)
    assert source.kind is SourceKind.MARKDOWN
    outlines = [p for p in source.pages if p.title == "Outline for Lecture"]
    assert len(outlines) == 5
    # Each build step adds one bullet: 1, 2, 3, 4, 5 bullets.
    assert [sum(1 for line in p.lines if line.text.startswith("- ")) for p in outlines] == [1, 2, 3, 4, 5]
    assert [p.title for p in source.pages].count("Over-fitting in DNNs") == 6
    assert source.pages[0].title == "EEP 596: LLMs: From Transformers to GPT || Lecture 3"
    assert source.pages[-1].title == "Breakouts Time #1"
    assert "Auto-complete \u2014 5 mins" in source.pages[-1].text


def test_markdown_004_keeps_math_blocks_and_tables_whole(seeds: Path) -> None:
    source = read_one(seeds / MD_004)
    math_lines = [
        line.strip() for line in (seeds / MD_004).read_text(encoding="utf-8").split("\n") if "$$" in line
    ]
    assert len(math_lines) == 13
    page_lines = [line.text.strip() for p in source.pages for line in p.lines]
    for math in math_lines:
        assert math in page_lines
    for page in source.pages:
        assert page.text.count("$$") % 2 == 0, page.title
    truth_tables = next(p for p in source.pages if p.title == "OR and AND Functions")
    assert "x_1\tx_2\ty\n0\t0\t0\n0\t1\t1\n1\t0\t1\n1\t1\t1" in truth_tables.text
    assert "x_1\tx_2\ty\n0\t0\t0\n0\t1\t0\n1\t0\t0\n1\t1\t1" in truth_tables.text


def test_markdown_004_ice_and_subtitles_stay_on_their_slide(seeds: Path) -> None:
    source = read_one(seeds / MD_004)
    ice = next(p for p in source.pages if "ICE #1" in p.text)
    assert ice.title == "Hyper-parameters in Deep Learning"
    assert "ICE #1: Which of the following is ~~not~~ a hyper-parameter in deep learning?" in ice.text
    assert "- \u2463 All of the above" in ice.text
    # "Hyper-parameters" one blank line under the slide title is its subtitle, not a new section.
    build = next(
        p
        for p in source.pages
        if p.title == "Hyper-parameters in Deep Learning" and "Anything else?" in p.text
    )
    assert build.lines[1].text == "Hyper-parameters"
    # "Example" repeats inside one slide and never opens a section of its own.
    assert "Example" not in [p.title for p in source.pages]
    nlp = [p for p in source.pages if p.title == "Sequence structure in NLP"]
    assert [p.text.count("Example") for p in nlp] == [1, 2, 3, 4]


def test_all_seeds_together_in_input_order(seeds: Path) -> None:
    diag = Diagnostics()
    names = [DUMP_000, OCR_001, ZOOM_002, NOTES_003, MD_004]
    sources = read_sources([seeds / n for n in reversed(names)], IngestOptions(), diag)
    assert [s.name for s in sources] == list(reversed(names))
    assert [s.kind for s in sources] == [
        SourceKind.MARKDOWN,
        SourceKind.NOTES,
        SourceKind.NOTES,
        SourceKind.TEXT_DUMP,
        SourceKind.TEXT_DUMP,
    ]
    assert diag.items == []
