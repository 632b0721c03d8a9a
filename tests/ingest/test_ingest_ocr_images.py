"""PNG/JPG/TIFF slides OCR'd by real tesseract; oversized and broken images; tesseract missing."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdfgen import lecture_deck, render_slide_png, slide_text, write_deck, write_slide_images
from PIL import Image, ImageFilter
from rapidfuzz.distance import Levenshtein

from lecturekit.errors import Diagnostics, ExitCode, MissingDependency, SourceError
from lecturekit.ingest import IngestOptions, OcrMode
from lecturekit.ingest.ocr import read_image
from lecturekit.ingest.pdf import read_pdf
from lecturekit.models import Method, SourceKind

MAX_CER = 0.05  # measured about 3 %: the bullet glyphs; JPEG artefacts add little at 120 dpi


def options(tmp_path: Path, **changes) -> IngestOptions:
    return IngestOptions(cache_dir=str(tmp_path / "cache"), **changes)


def normalised(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.ocr
@pytest.mark.parametrize(("suffix", "dpi"), [(".png", 200), (".jpg", 120)])
def test_slide_pictures_are_ocrd_with_titles_and_confidences(tmp_path, capsys, suffix, dpi):
    slides = lecture_deck(frames=1)[:3]
    paths = write_slide_images(tmp_path, slides, suffix=suffix, dpi=dpi)
    errors = []
    for number, (path, slide) in enumerate(zip(paths, slides, strict=False), start=1):
        source = read_image(path, options(tmp_path), Diagnostics())
        assert source.kind is SourceKind.IMAGE and source.name == path.name
        (page,) = source.pages
        assert page.method is Method.OCR and page.page == 1 and page.label is None
        assert page.title == slide.title
        assert 80 < page.confidence <= 100
        truth = slide_text(slide, number, len(slides))
        errors.append(Levenshtein.normalized_distance(normalised(page.text), normalised(truth)))
    mean = sum(errors) / len(errors)
    with capsys.disabled():
        print(f"\n{suffix} at {dpi} dpi: OCR character error rate {mean:.2%} over {len(errors)} slides")
    assert mean < MAX_CER


@pytest.mark.ocr
def test_every_frame_of_a_tiff_is_a_page(tmp_path):
    slides = lecture_deck(frames=1)[:3]
    frames = [render_slide_png(slide, n, 3, dpi=150).convert("L") for n, slide in enumerate(slides, start=1)]
    path = tmp_path / "scans.tiff"
    frames[0].save(path, save_all=True, append_images=frames[1:], compression="tiff_deflate")
    source = read_image(path, options(tmp_path), Diagnostics())
    assert [page.page for page in source.pages] == [1, 2, 3]
    assert [page.title for page in source.pages] == [slide.title for slide in slides]


def test_an_image_over_the_decompression_bomb_limit_is_one_clear_error(tmp_path):
    path = tmp_path / "huge.png"
    side = int((2 * Image.MAX_IMAGE_PIXELS) ** 0.5) + 100
    Image.new("1", (side, side), 1).save(path)  # all white: tiny on disk, huge in memory
    with pytest.raises(SourceError) as caught:
        read_image(path, options(tmp_path), Diagnostics())
    message = str(caught.value)
    assert message.startswith(
        f"{path}: image is too large to open safely (Image size ({side * side} pixels) exceeds"
    )
    assert "\n" not in message


def test_an_image_just_over_the_limit_is_refused_too(tmp_path):
    path = tmp_path / "big.png"
    side = int(Image.MAX_IMAGE_PIXELS**0.5) + 100  # Pillow would only warn here
    Image.new("1", (side, side), 1).save(path)
    with pytest.raises(SourceError, match="image is too large to open safely"):
        read_image(path, options(tmp_path), Diagnostics())


def test_a_truncated_image_is_one_clear_error(tmp_path):
    good = write_slide_images(tmp_path, lecture_deck(frames=1)[:1], suffix=".png")[0]
    cut = tmp_path / "cut.png"
    cut.write_bytes(good.read_bytes()[:2000])
    with pytest.raises(SourceError) as caught:
        read_image(cut, options(tmp_path), Diagnostics())
    assert str(caught.value).startswith(f"{cut}: image is truncated or corrupt")


def test_an_image_with_ocr_off_is_kept_empty_with_a_warning(tmp_path):
    path = write_slide_images(tmp_path, lecture_deck(frames=1)[:1], suffix=".png")[0]
    diag = Diagnostics()
    source = read_image(path, options(tmp_path, ocr=OcrMode.NEVER), diag)
    assert [page.text for page in source.pages] == [""]
    assert [str(item) for item in diag.items] == [
        f"{path}: warning: an image has no text without OCR and OCR is off; its pages are left empty"
    ]


def test_missing_tesseract_is_reported_only_when_ocr_is_needed(tmp_path, monkeypatch):
    text_deck = write_deck(tmp_path / "text.pdf", lecture_deck(frames=1))
    scan_deck = write_deck(tmp_path / "scan.pdf", lecture_deck(frames=1, image_only=True))
    picture = write_slide_images(tmp_path, lecture_deck(frames=1)[:1], suffix=".png")[0]
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools-here"))
    assert len(read_pdf(text_deck, options(tmp_path), Diagnostics()).pages) == 4
    for path in (scan_deck, picture):
        with pytest.raises(MissingDependency) as caught:
            (read_pdf if path.suffix == ".pdf" else read_image)(path, options(tmp_path), Diagnostics())
        assert str(caught.value).startswith(
            f"{path}: tesseract is needed to OCR this file but `tesseract` was not found"
        )
        assert "apt-get install tesseract-ocr" in str(caught.value)
        assert caught.value.exit_code is ExitCode.MISSING_DEPENDENCY


@pytest.mark.ocr
def test_blurred_and_blank_pictures_are_flagged_not_trusted(tmp_path):
    slide = lecture_deck(frames=1)[1]
    blurred = tmp_path / "blurred.png"
    render_slide_png(slide, 1, 1, dpi=100).filter(ImageFilter.GaussianBlur(1.6)).save(blurred)
    blank = tmp_path / "blank.png"
    Image.new("L", (1600, 1200), 255).save(blank)
    diag = Diagnostics()
    weak = read_image(blurred, options(tmp_path), diag).pages[0]
    empty = read_image(blank, options(tmp_path), diag).pages[0]
    assert weak.confidence < 60 and weak.text
    assert empty.text == "" and empty.confidence is None
    assert [str(item) for item in diag.items] == [
        f"{blurred}:p. 1: warning: OCR confidence is only {weak.confidence:.0f}/100; check this page's text",
        f"{blank}:p. 1: warning: OCR found no text on this page",
    ]


def test_without_tesseract_a_mixed_deck_keeps_its_text_pages_and_names_the_others(tmp_path, monkeypatch):
    slides = lecture_deck(frames=1)
    slides[2].image_only = True
    path = write_deck(tmp_path / "mixed.pdf", slides)
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools-here"))
    diag = Diagnostics()
    source = read_pdf(path, options(tmp_path), diag)
    assert [page.title for page in source.pages] == [slides[0].title, slides[1].title, None, slides[3].title]
    assert source.pages[2].text == "" and source.pages[2].method is Method.TEXT_LAYER
    assert [str(item) for item in diag.items] == [
        f"{path}: error: tesseract is needed to OCR this file but `tesseract` was not found; install it with "
        "`apt-get install tesseract-ocr` (or your system's tesseract package); page 3 keeps only its text layer"
    ]
