"""Text readers on the other shapes a dump or notes file comes in, and a property: no line is ever lost."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from lecturekit.ingest.text import PAGE_MARKER, classify_text, read_text_pages, split_lines
from lecturekit.models import SourceKind


def titles(pages) -> list[str | None]:
    return [p.title for p in pages]


def test_form_feeds_split_pages_like_pdftotext_writes_them() -> None:
    text = "Intro\nwelcome\n\fAgenda\n- one\n- two\n\fSummary\nthat's all\n\f"
    assert classify_text(text) is SourceKind.TEXT_DUMP
    pages = read_text_pages(text, "deck.txt", SourceKind.TEXT_DUMP)
    assert titles(pages) == ["Intro", "Agenda", "Summary"]  # the trailing form feed opens no page
    assert [p.first_line for p in pages] == [1, 3, 6]
    assert pages[1].text == "Agenda\n- one\n- two"


def test_page_markers_split_pages_and_become_labels() -> None:
    text = "--- page 1 ---\nGradient descent\nstep downhill\n=== Page 2 ===\nMomentum\n-- Page 3 of 3 --\n"
    pages = read_text_pages(text, "dump.txt", classify_text(text))
    assert titles(pages) == ["Gradient descent", "Momentum", None]
    assert [p.label for p in pages] == ["1", "2", "3"]
    assert [p.page for p in pages] == [1, 2, 3]
    assert pages[2].text == "" and pages[2].lines == []  # a marked page with nothing on it stays


def test_text_before_the_first_page_start_is_page_one() -> None:
    text = "Course title\n Slide A\nbody a\n Slide B\nbody b\n"
    pages = read_text_pages(text, "d.txt", SourceKind.TEXT_DUMP)
    assert titles(pages) == ["Course title", "Slide A", "Slide B"]


def test_two_leading_spaces_do_not_start_a_page() -> None:
    text = " Slide A\n  indented code\n Slide B\nbody\n"
    pages = read_text_pages(text, "d.txt", SourceKind.TEXT_DUMP)
    assert titles(pages) == ["Slide A", "Slide B"]
    assert pages[0].lines[1].text == "  indented code"


def test_atx_headings_win_over_title_guessing() -> None:
    text = "# Week 1\n\nShort line\n\nmore\n\n## Loss functions\n\nBody text here.\n"
    assert classify_text(text) is SourceKind.MARKDOWN
    pages = read_text_pages(text, "n.md", SourceKind.MARKDOWN)
    assert titles(pages) == ["Week 1", "Loss functions"]
    assert pages[1].text == "## Loss functions\n\nBody text here."


def test_multiline_math_block_is_never_split() -> None:
    text = (
        "# Backprop\n\nThe chain rule:\n\n$$\n\\frac{\\partial E}{\\partial w}\n\n"
        "# Not a heading inside math\n\nChain Rule\n\n= g'(h) x\n$$\n\n# Next\n\nbody\n"
    )
    pages = read_text_pages(text, "m.md", SourceKind.MARKDOWN)
    assert titles(pages) == ["Backprop", "Next"]
    assert "# Not a heading inside math" in pages[0].text and pages[0].text.count("$$") == 2


def test_title_like_line_inside_a_fenced_block_stays_in_its_section() -> None:
    text = "Setup\n\nRun this:\n\n```\nTraining Loop\n\nfor x in data: step(x)\n```\n\nResults\n\nIt works.\n"
    pages = read_text_pages(text, "n.txt", SourceKind.NOTES)
    assert titles(pages) == ["Setup", "Results"]


def test_pipe_table_stays_in_one_section() -> None:
    text = (
        "Optimizers\n\n| name | lr |\n|---|---|\n| SGD | 0.1 |\n| Adam | 0.001 |\n\nSchedules\n\nstep decay\n"
    )
    assert classify_text(text) is SourceKind.MARKDOWN
    pages = read_text_pages(text, "t.md", SourceKind.MARKDOWN)
    assert titles(pages) == ["Optimizers", "Schedules"]
    assert "| Adam | 0.001 |" in pages[0].text and pages[0].text.count("|\n|") == 3


def test_prose_notes_are_notes_and_short_bullets_are_markdown() -> None:
    prose = "Summary\n\n" + "We covered gradient descent and why the learning rate matters so much here. " * 3
    assert classify_text(prose) is SourceKind.NOTES
    bullets = "Outline\n\n- Training\n- Over-fitting\n- Architectures\n"
    assert classify_text(bullets) is SourceKind.MARKDOWN


def test_crlf_line_endings_are_read_like_lf() -> None:
    pages = read_text_pages(" Slide A\r\nbody\r\n Slide B\r\n", "w.txt", SourceKind.TEXT_DUMP)
    assert titles(pages) == ["Slide A", "Slide B"]
    assert pages[0].text == "Slide A\nbody"


# ---------------------------------------------------------------- property: never raises, never loses a line

PIECES = [
    " Title line",
    "  two spaces",
    "",
    " ",
    "\f",
    "$$",
    "$$x^2$$",
    "- bullet point",
    "# Heading",
    "| a | b |",
    "Short Title",
    "A sentence that ends here.",
    "--- page 3 ---",
    "```",
    "x\ty",
    "\fAfter feed",
    "Example",
    "=====",
]
line_strategy = st.one_of(
    st.sampled_from(PIECES),
    st.text(alphabet=string.printable.replace("\n", "").replace("\r", "") + "é€①—", max_size=40),
)


def squash(text: str) -> str:
    return "".join(text.replace("\f", "").split())


@settings(max_examples=300, deadline=None)
@given(st.lists(line_strategy, max_size=40), st.sampled_from(list(SourceKind)))
def test_reader_never_raises_and_never_loses_a_non_blank_line(lines: list[str], forced: SourceKind) -> None:
    text = "\n".join(lines)
    for kind in {classify_text(text), forced} - {SourceKind.PDF, SourceKind.IMAGE}:
        pages = read_text_pages(text, "p.txt", kind)
        by_number: dict[int, str] = {}
        for page in pages:
            for line in page.lines:
                by_number[line.number] = by_number.get(line.number, "") + line.text
        for number, line in enumerate(split_lines(text), start=1):
            pieces = line.split("\f")
            if kind is SourceKind.TEXT_DUMP:
                pieces = [p for p in pieces if not PAGE_MARKER.match(p)]
            assert squash(by_number.get(number, "")) == squash("".join(pieces)), (kind, number, line)
        assert [p.page for p in pages] == list(range(1, len(pages) + 1))


def test_hash_comment_in_code_does_not_switch_off_title_detection() -> None:
    text = "Setup\n\n```\n# install first\npip install torch\n```\n\nTraining Loop\n\nRun it.\n"
    pages = read_text_pages(text, "n.txt", SourceKind.NOTES)
    assert titles(pages) == ["Setup", "Training Loop"]


def test_text_heavy_dump_is_still_a_dump_and_stray_indent_in_notes_is_not() -> None:
    body = "\n".join(f"line {n} of dense slide text about optimisation" for n in range(30))
    dump = "\n".join(f" Slide {k}\n{body}" for k in range(1, 4))
    assert classify_text(dump) is SourceKind.TEXT_DUMP
    assert [p.title for p in read_text_pages(dump, "d.txt", SourceKind.TEXT_DUMP)] == [
        "Slide 1",
        "Slide 2",
        "Slide 3",
    ]
    notes = "Summary\n\n" + "\n".join(
        f"Paragraph {n} of the meeting notes, written as prose." for n in range(60)
    )
    notes += "\n oops, one line indented by a space\n"
    assert classify_text(notes) is SourceKind.NOTES


def test_revealjs_markdown_with_one_space_indented_options_is_markdown_not_a_dump() -> None:
    deck = "\n".join(
        [
            "# Clicker question 1",
            "",
            "Which force does the work?",
            "",
            " 1. gravity",
            " 2. friction",
            " 3. the normal force",
            "",
            "Note:",
            "CORRECT ANSWER: B",
            "",
            "---",
            "",
            "# Clicker question 2",
            "",
            "Which quantity is conserved?",
            "",
            " 1. momentum",
            " 2. speed",
            " 3. kinetic energy",
            "",
            "---",
            "",
            "# Summary",
            "",
            "- work is force along the path",
        ]
    )
    assert classify_text(deck) is SourceKind.MARKDOWN
    assert titles(read_text_pages(deck, "clickers.md", SourceKind.MARKDOWN))[:3] == [
        "Clicker question 1",
        "Clicker question 2",
        "Summary",
    ]
