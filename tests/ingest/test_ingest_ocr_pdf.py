"""OCR of image-only PDF pages by real tesseract: text vs the known slide text (CER), cache, parallelism."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdfgen import Slide, lecture_deck, slide_text, write_deck
from rapidfuzz.distance import Levenshtein

from lecturekit.errors import Diagnostics
from lecturekit.ingest import IngestOptions, OcrMode, tesseract
from lecturekit.ingest.pdf import read_pdf
from lecturekit.models import Method

pytestmark = pytest.mark.ocr

MAX_CER = 0.05  # measured 3.0 % on these slides, nearly all of it the bullet glyph read as "¢" or "e"
MAX_WORD_CER = 0.01  # measured 0.0 % once the bullet glyphs are set aside


def options(tmp_path: Path, **changes) -> IngestOptions:
    return IngestOptions(cache_dir=str(tmp_path / "cache"), **changes)


def normalised(text: str) -> str:
    return " ".join(text.split())


def without_bullets(text: str) -> str:
    """Each line with a leading one-character bullet glyph dropped, whatever OCR read it as."""
    lines = [
        line.split(" ", 1)[1] if len(line) > 2 and line[1] == " " else line for line in text.splitlines()
    ]
    return normalised("\n".join(lines))


def cer(read: str, truth: str) -> float:
    return Levenshtein.normalized_distance(read, truth)


@pytest.fixture
def scan(tmp_path: Path) -> tuple[Path, list[Slide]]:
    slides = lecture_deck(frames=2, image_only=True)
    return write_deck(tmp_path / "scan.pdf", slides), slides


def counting_tesseract(monkeypatch) -> list[int]:
    """Count real tesseract runs (the real function still does the work)."""
    calls: list[int] = []
    real = tesseract.ocr_image

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(tesseract, "ocr_image", counted)
    return calls


def test_image_only_pages_are_ocrd_close_to_the_known_text(tmp_path, scan, capsys):
    path, slides = scan
    diag = Diagnostics()
    source = read_pdf(path, options(tmp_path), diag)
    assert diag.items == []
    assert [page.method for page in source.pages] == [Method.OCR] * len(slides)
    truth = "\n".join(slide_text(slide, n, len(slides)) for n, slide in enumerate(slides, start=1))
    read = "\n".join(page.text for page in source.pages)
    raw, words = cer(normalised(read), normalised(truth)), cer(without_bullets(read), without_bullets(truth))
    with capsys.disabled():
        print(
            f"\nOCR character error rate on {len(slides)} pages: {raw:.2%} raw, {words:.2%} without bullet glyphs"
        )
    assert raw < MAX_CER
    assert words < MAX_WORD_CER


def test_ocr_pages_keep_labels_titles_and_confidences(tmp_path, scan):
    path, slides = scan
    source = read_pdf(path, options(tmp_path), Diagnostics())
    assert [page.label for page in source.pages] == [slide.label for slide in slides]
    assert [page.title for page in source.pages] == [slide.title for slide in slides]
    for page in source.pages:
        assert 80 < page.confidence <= 100
        assert all(0 <= line.confidence <= 100 for line in page.lines)
        assert page.lines[0].size > 1.15 * page.lines[1].size  # title glyphs taller than the bullets
        assert 0 < page.lines[0].top < 0.2 and page.lines[-1].top > 0.9


def test_only_pages_without_a_text_layer_are_ocrd(tmp_path, monkeypatch):
    slides = lecture_deck(frames=1)
    slides[2].image_only = True  # one figure page in a text deck, as in a real export
    path = write_deck(tmp_path / "mixed.pdf", slides)
    calls = counting_tesseract(monkeypatch)
    source = read_pdf(path, options(tmp_path), Diagnostics())
    assert [page.method for page in source.pages] == [
        Method.TEXT_LAYER,
        Method.TEXT_LAYER,
        Method.OCR,
        Method.TEXT_LAYER,
    ]
    assert len(calls) == 1
    assert source.pages[2].title == slides[2].title
    assert source.pages[2].confidence is not None and source.pages[1].confidence is None


def test_ocr_always_reads_text_pages_by_ocr_too(tmp_path):
    slides = lecture_deck(frames=1)[:2]
    path = write_deck(tmp_path / "text.pdf", slides)
    source = read_pdf(path, options(tmp_path, ocr=OcrMode.ALWAYS, dpi=200), Diagnostics())
    assert [page.method for page in source.pages] == [Method.OCR, Method.OCR]
    assert [page.title for page in source.pages] == [slide.title for slide in slides]


def test_a_second_read_is_served_from_the_cache_without_tesseract(tmp_path, scan, monkeypatch):
    path, slides = scan
    calls = counting_tesseract(monkeypatch)
    first = read_pdf(path, options(tmp_path), Diagnostics())
    assert len(calls) == len(slides)
    second = read_pdf(path, options(tmp_path), Diagnostics())
    assert len(calls) == len(slides)  # not one more tesseract run
    assert second == first
    read_pdf(path, options(tmp_path, lang="eng+osd"), Diagnostics())
    assert len(calls) == 2 * len(slides)  # another language is another key


def test_parallel_ocr_gives_the_same_pages_as_sequential(tmp_path, scan):
    path, _ = scan
    sequential = read_pdf(path, options(tmp_path / "one", jobs=1), Diagnostics())
    parallel = read_pdf(path, options(tmp_path / "two", jobs=2), Diagnostics())
    assert parallel == sequential


def test_a_page_over_its_time_limit_is_reported_and_the_rest_read(tmp_path, scan):
    path, slides = scan
    diag = Diagnostics()
    source = read_pdf(path, options(tmp_path, page_timeout=0.001, jobs=1), diag)
    assert len(diag.errors) == len(slides)
    assert str(diag.errors[0]).startswith(f"{path}:p. 1: error: OCR took longer than 0.001 s and was stopped")
    assert [page.page for page in source.pages] == list(range(1, len(slides) + 1))
    assert all(page.method is Method.TEXT_LAYER and page.text == "" for page in source.pages)


def test_progress_bar_goes_to_stderr_only_when_asked(tmp_path, scan, capsys):
    path, _ = scan
    read_pdf(path, options(tmp_path / "quiet"), Diagnostics())
    assert capsys.readouterr().err == ""
    read_pdf(path, options(tmp_path / "loud", progress=True), Diagnostics())
    captured = capsys.readouterr()
    assert f"OCR {path}" in captured.err and captured.out == ""


def test_tesseract_children_get_one_thread_and_this_process_keeps_its_environment(monkeypatch):
    import os

    import pytesseract

    monkeypatch.delenv("OMP_THREAD_LIMIT", raising=False)
    monkeypatch.setattr(pytesseract.pytesseract, "environ", os.environ)
    tesseract.single_threaded_env()
    assert pytesseract.pytesseract.subprocess_args()["env"]["OMP_THREAD_LIMIT"] == "1"
    assert "OMP_THREAD_LIMIT" not in os.environ


def test_a_damaged_cache_entry_is_ocrd_again_not_trusted(tmp_path, scan, monkeypatch):
    path, slides = scan
    first = read_pdf(path, options(tmp_path), Diagnostics())
    entries = sorted((tmp_path / "cache" / "ocr").rglob("*.json"))
    assert len(entries) == len(slides)
    for entry in entries:
        entry.write_text('{"lines": "not a list"}', encoding="utf-8")
    calls = counting_tesseract(monkeypatch)
    again = read_pdf(path, options(tmp_path), Diagnostics())
    assert len(calls) == len(slides)
    assert again == first
