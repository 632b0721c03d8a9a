"""Normalizing lines and pages: Unicode, punctuation, OCR bullets, hyphenation, decoration, math kept."""

from __future__ import annotations

import pytest
from cleaner_support import text_page

from lecturekit.cleaner.normalize import is_decoration, normalize_line, normalize_page
from lecturekit.models import Line, Method, Page, RemovalReason


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("@ Paper Presentation Slots Assignment", "- Paper Presentation Slots Assignment"),
        ("© Number of neurons per hidden layer", "- Number of neurons per hidden layer"),
        ("o Kaggle evaluation for a friendly match-up", "- Kaggle evaluation for a friendly match-up"),
        ("Q GPUs and TPUs", "- GPUs and TPUs"),
        ("- ③ Number of neurons per hidden layer", "- Number of neurons per hidden layer"),
        ("• a bullet", "- a bullet"),
        ("▪ a square bullet", "- a square bullet"),
        ("* markdown item", "- markdown item"),
        ("@ 1:1 connect for pet project", "- 1:1 connect for pet project"),
        ("O 3838", "O 3838"),  # no word follows: not a list item
        ("o o 0 o 7", "o o 0 o 7"),
        ("Today’s Lecture", "Today's Lecture"),
        ("“quoted” — dashed", '"quoted" - dashed'),
        ("ﬁne-tuning", "fine-tuning"),
        ("©2019 Fjodor van Veen", "©2019 Fjodor van Veen"),
        ("| a | b |", "| a | b |"),  # a table row is not a bullet
    ],
)
def test_normalize_line(raw, clean):
    assert normalize_line(raw) == clean
    assert normalize_line(clean) == clean


def test_math_and_code_are_untouched():
    line = "Update: $\\omega^{t+1} \\leftarrow \\omega^t — “lr”$ and `x  —  y` but “this” changes"
    assert (
        normalize_line(line)
        == 'Update: $\\omega^{t+1} \\leftarrow \\omega^t — “lr”$ and `x  —  y` but "this" changes'
    )
    page = normalize_page(
        text_page("m.md", 1, ["Math", "$$", "a — “b”  ﬁ", "$$", "```", "@ code line", "```"]), False
    )
    assert page.texts == ["Math", "$$", "a — “b”  ﬁ", "$$", "```", "@ code line", "```"]


def test_decoration_lines_are_recorded():
    page = normalize_page(text_page("d.txt", 4, ["Title", "-", "|", "N", "\\ |", "real line", "d∑"]), False)
    assert page.texts == ["Title", "real line", "d∑"]
    assert [r.text for r in page.removed] == ["-", "|", "N", "\\ |"]
    assert {r.reason for r in page.removed} == {RemovalReason.DECORATION} and {
        r.page for r in page.removed
    } == {4}


def test_hyphenated_line_breaks_are_joined():
    page = normalize_page(
        text_page("h.txt", 1, ["Title", "back-propa-", "gation works", "Pre-", "Record"]), False
    )
    assert page.texts == ["Title", "back-propagation works", "Pre-", "Record"]


def test_ocr_pages_drop_glyph_junk_and_noise_with_a_record():
    page = normalize_page(
        text_page(
            "o.txt",
            2,
            ["Tuning", "o © o <~ adaptively chosen", "Q138", "() 7", "Grid search: © 0°Q 0", "Back Prop |"],
            method=Method.OCR,
        ),
        True,
    )
    assert page.texts == ["Tuning", "adaptively chosen", "Grid search:", "Back Prop"]
    removed = {r.text: r.detail for r in page.removed}
    assert removed["Q138"] == "OCR noise" and "o © o <~" in removed


@pytest.mark.parametrize("text", ["-", "|", "N", "___", "\\ |", "()", "•"])
def test_is_decoration(text):
    assert is_decoration(text)


@pytest.mark.parametrize("text", ["$$", "2", "ok", "i=1", "d∑", "```"])
def test_not_decoration(text):
    assert not is_decoration(text)


def test_slug_drops_accents_instead_of_letters():
    from lecturekit.cleaner.ids import slug

    assert slug("Café lecture: Über-fitting") == "cafe-lecture-uber-fitting"
    assert slug("θ and ∑") == "th-and" and slug("∑") == "lecture"  # Greek spelled in Latin letters


def _pdf_page(lines: list[Line]) -> Page:
    return Page(
        source="code.pdf",
        page=1,
        method=Method.TEXT_LAYER,
        title=lines[0].text,
        text="\n".join(line.text for line in lines),
        lines=lines,
    )


def test_monospace_code_keeps_its_indentation_and_closing_brace_in_a_fence():
    page = _pdf_page(
        [
            Line(text="Loops", size=28),
            Line(text="The body is indented:", size=18),
            Line(text="while (x > 0) {", size=16, monospace=True),
            Line(text="    x = x - 1;", size=16, monospace=True),
            Line(text="}", size=16, monospace=True),
            Line(text="That is all.", size=18),
        ]
    )
    clean = normalize_page(page, ocr_like=False)
    assert [line.text for line in clean.lines] == [
        "Loops",
        "The body is indented:",
        "```",
        "while (x > 0) {",
        "    x = x - 1;",
        "}",
        "```",
        "That is all.",
    ]
    assert not clean.removed


def test_a_deck_wholly_in_a_fixed_pitch_font_is_not_all_code():
    page = _pdf_page(
        [
            Line(text="Typewriter theme", size=28, monospace=True),
            Line(text="- every line in one font", size=18, monospace=True),
        ]
    )
    assert "```" not in [line.text for line in normalize_page(page, ocr_like=False).lines]
