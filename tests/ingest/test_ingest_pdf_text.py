"""PDF text layer: titles from font-size bands, page labels of Beamer builds, footers, fake bold, bad PDFs."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdfgen import (
    Slide,
    footer_text,
    lecture_deck,
    write_damaged_page,
    write_deck,
    write_encrypted,
    write_truncated,
    write_zero_pages,
)

from lecturekit.errors import Diagnostics, SourceError
from lecturekit.ingest import IngestOptions, OcrMode
from lecturekit.ingest.pdf import read_pdf
from lecturekit.models import Method, SourceKind


def options(tmp_path: Path, **changes) -> IngestOptions:
    return IngestOptions(cache_dir=str(tmp_path / "cache"), **changes)


@pytest.fixture
def deck(tmp_path: Path) -> tuple[Path, list[Slide]]:
    slides = lecture_deck(frames=3)
    slides[2].fake_bold = True
    return write_deck(tmp_path / "lecture.pdf", slides), slides


def test_every_page_is_read_from_the_text_layer_with_its_title(tmp_path, deck):
    path, slides = deck
    diag = Diagnostics()
    source = read_pdf(path, options(tmp_path), diag)
    assert source.kind is SourceKind.PDF and source.name == "lecture.pdf"
    assert [page.page for page in source.pages] == list(range(1, len(slides) + 1))
    assert {page.method for page in source.pages} == {Method.TEXT_LAYER}
    assert [page.title for page in source.pages] == [slide.title for slide in slides]
    assert all(page.confidence is None for page in source.pages)
    assert diag.items == []


def test_beamer_overlays_share_their_frame_label(tmp_path, deck):
    path, slides = deck
    source = read_pdf(path, options(tmp_path), Diagnostics())
    assert [page.label for page in source.pages] == [slide.label for slide in slides]
    assert [page.label for page in source.pages] == ["1", "2", "2", "2", "3", "3", "4", "4", "4"]


def test_a_pdf_without_page_labels_has_none(tmp_path):
    path = write_deck(
        tmp_path / "plain.pdf", [Slide("Plain", ["no labels here"]), Slide("Again", ["still none"])]
    )
    source = read_pdf(path, options(tmp_path), Diagnostics())
    assert [page.label for page in source.pages] == [None, None]


def test_build_pages_add_one_bullet_each(tmp_path, deck):
    path, slides = deck
    source = read_pdf(path, options(tmp_path), Diagnostics())
    frame = [page for page in source.pages if page.label == "2"]
    bodies = [[line.text for line in page.lines if line.text.startswith("\u2022")] for page in frame]
    assert bodies == [["\u2022 " + b for b in slide.bullets] for slide in slides[1:4]]


def test_small_footer_words_are_not_glued_together(tmp_path, deck):
    path, slides = deck
    source = read_pdf(path, options(tmp_path), Diagnostics())
    for page in source.pages:
        footer = page.lines[-1]
        assert footer.text == footer_text(page.page, len(slides))
        assert footer.size == pytest.approx(5.0)
        assert footer.top > 0.9
        assert page.text.splitlines()[-1] == footer.text


def test_overprinted_bold_title_is_read_once_and_marked_bold(tmp_path, deck):
    path, slides = deck
    source = read_pdf(path, options(tmp_path), Diagnostics())
    page = source.pages[2]
    assert slides[2].fake_bold
    assert page.lines[0].text == "Training a DNN"
    assert page.title == "Training a DNN"
    assert page.lines[0].bold
    assert "TTrr" not in page.text


def test_lines_carry_font_size_and_position_as_page_fractions(tmp_path, deck):
    path, _ = deck
    page = read_pdf(path, options(tmp_path), Diagnostics()).pages[1]
    title, bullet = page.lines[0], page.lines[1]
    assert title.size == pytest.approx(14.4) and bullet.size == pytest.approx(11.0)
    assert 0 < title.top < bullet.top < 0.5
    assert 0.03 < title.x0 < 0.1 and 0.03 < bullet.x0 < 0.1
    assert not bullet.bold


def test_a_centred_section_page_gets_its_large_text_as_title(tmp_path):
    slides = [Slide("LLMs: From Transformers to GPT", centred=True), *lecture_deck(frames=1)]
    path = write_deck(tmp_path / "short.pdf", slides)
    source = read_pdf(path, options(tmp_path), Diagnostics())
    assert source.pages[0].lines[0].top > 0.3
    assert [page.title for page in source.pages] == [slide.title for slide in slides]


def test_image_only_pages_are_reported_when_ocr_is_off(tmp_path):
    slides = lecture_deck(frames=1)
    slides[1].image_only = True
    path = write_deck(tmp_path / "scan.pdf", slides)
    diag = Diagnostics()
    source = read_pdf(path, options(tmp_path, ocr=OcrMode.NEVER), diag)
    assert [str(item) for item in diag.items] == [
        f"{path}:p. 2: warning: no usable text layer (0 letters) and OCR is off; the page keeps only that text"
    ]
    assert source.pages[1].method is Method.TEXT_LAYER and source.pages[1].text == ""
    assert source.pages[0].title == "Logistics"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda tmp, good: write_encrypted(tmp / "locked.pdf", good),
            "the PDF is encrypted and needs a password",
        ),
        (
            lambda tmp, good: write_truncated(tmp / "cut.pdf", good),
            "not a readable PDF, truncated or corrupt",
        ),
        (lambda tmp, good: write_zero_pages(tmp / "empty.pdf"), "the PDF has no pages"),
    ],
    ids=["encrypted", "truncated", "zero-pages"],
)
def test_unusable_pdfs_give_one_clear_line_naming_the_file(tmp_path, deck, make, message):
    bad = make(tmp_path, deck[0])
    with pytest.raises(SourceError) as caught:
        read_pdf(bad, options(tmp_path), Diagnostics())
    text = str(caught.value)
    assert text.startswith(f"{bad}: {message}")
    assert "\n" not in text


def test_a_damaged_page_is_reported_and_the_others_still_read(tmp_path, deck):
    damaged = write_damaged_page(tmp_path / "damaged.pdf", deck[0], index=2)
    diag = Diagnostics()
    source = read_pdf(damaged, options(tmp_path), diag)
    assert [page.page for page in source.pages] == [1, 2, 4, 5, 6, 7, 8, 9]
    assert len(diag.errors) == 1
    assert str(diag.errors[0]).startswith(
        f"{damaged}:p. 3: error: page cannot be read (content stream 1 is damaged"
    )
    assert source.pages[2].title == "Training a DNN"


def test_sparse_slides_with_long_footers_still_find_titles_and_no_false_ones(tmp_path):
    slides = [Slide("Logistics", ["Quiz"]), Slide("Adam", ["Adaptive steps"]), Slide("", ["Questions?"])]
    path = write_deck(tmp_path / "sparse.pdf", slides)
    source = read_pdf(path, options(tmp_path), Diagnostics())
    assert [page.title for page in source.pages] == ["Logistics", "Adam", None]
    assert source.pages[2].lines[0].text == "\u2022 Questions?"
