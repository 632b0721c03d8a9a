"""Bounded resources: huge PDF pages rendered under a pixel cap, honest tesseract errors, refused huge texts."""

from __future__ import annotations

import resource
import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw
from reportlab.pdfgen import canvas

from lecturekit.errors import Diagnostics, SourceError
from lecturekit.ingest.dispatch import read_source
from lecturekit.ingest.limits import Limits, render_scale
from lecturekit.ingest.options import IngestOptions
from lecturekit.ingest.pdf import render_page
from lecturekit.ingest.tesseract import RENDER_DPI, OcrFailed, ocr_image

POSTER_PT = 14_400.0  # the largest page the PDF spec allows: 200 inches, 60,000 px a side at 300 dpi
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")


def poster_pdf(path: Path) -> Path:
    """A real one-page PDF of 14,400 x 14,400 pt with a big headline and a filled box (no text layer use)."""
    pdf = canvas.Canvas(str(path), pagesize=(POSTER_PT, POSTER_PT))
    pdf.rect(1000, 1000, 8000, 6000, fill=1)
    pdf.setFont("Helvetica", 900)
    pdf.drawString(1000, 11000, "Poster Session")
    pdf.showPage()
    pdf.save()
    return path


def test_huge_page_is_rendered_under_the_pixel_cap(tmp_path: Path):
    document = pdfium.PdfDocument(str(poster_pdf(tmp_path / "poster.pdf")))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    image = render_page(document, 0, 300)
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert image.width * image.height <= Limits().max_page_pixels
    assert image.width == image.height and image.width > 6000  # as big as the cap allows, not smaller
    assert image.info[RENDER_DPI] == 32  # what tesseract is told instead of 300
    assert grown_kb < 400 * 1024  # the 3.6-gigapixel bitmap at 300 dpi was never made


def test_pixel_cap_is_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("LECTUREKIT_MAX_PAGE_PIXELS", "1000000")
    document = pdfium.PdfDocument(str(poster_pdf(tmp_path / "poster.pdf")))
    image = render_page(document, 0, 300)
    assert 990_000 <= image.width * image.height <= 1_000_000


def test_ordinary_pages_keep_their_dpi():
    assert render_scale(720, 540, 300, Limits().max_page_pixels) == 300 / 72  # a 10 x 7.5 in slide


def slide_image(text: str = "Gradient descent") -> Image.Image:
    image = Image.new("L", (1600, 400), "white")
    ImageDraw.Draw(image).text((40, 150), text, fill="black", font_size=96)
    return image


@needs_tesseract
def test_tesseract_error_is_reported_as_itself_not_as_a_timeout():
    with pytest.raises(OcrFailed) as info:
        ocr_image(slide_image(), "no_such_language", 300, timeout=120)
    message = str(info.value)
    assert message.startswith("tesseract failed (status 1):") and "no_such_language" in message
    assert "took longer" not in message


@needs_tesseract
def test_a_real_timeout_is_reported_as_a_timeout():
    big = Image.new("L", (6000, 6000), "white")
    for row in range(40):
        ImageDraw.Draw(big).text(
            (40, 100 + row * 140), "Learning rates and momentum " * 6, fill="black", font_size=90
        )
    with pytest.raises(OcrFailed) as info:
        ocr_image(big, "eng", 300, timeout=0.05)
    assert str(info.value) == "OCR took longer than 0.05 s and was stopped"


@needs_tesseract
def test_bad_language_reaches_the_source_error_line(tmp_path: Path):
    path = tmp_path / "slide.png"
    slide_image().save(path)
    with pytest.raises(SourceError) as info:
        read_source(path, IngestOptions(lang="no_such_language", cache=False), Diagnostics())
    assert "tesseract failed (status 1)" in str(info.value) and "took longer" not in str(info.value)


def test_text_over_the_size_limit_is_refused_with_a_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("LECTUREKIT_MAX_TEXT_MB", "0.01")
    path = tmp_path / "dump.txt"
    path.write_text(" Slide\nA line of text about gradients.\n" * 400)
    with pytest.raises(SourceError) as info:
        read_source(path, IngestOptions(cache=False), Diagnostics())
    assert str(info.value) == (
        f"{path}: text file of 0.0149 MB is over the 0.01 MB limit for text sources; "
        "split it, or raise $LECTUREKIT_MAX_TEXT_MB"
    )
