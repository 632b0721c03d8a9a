"""QA 13: a running header in small type is furniture even on a 5-page deck; repeated titles stay content."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from lecturekit.cleaner import clean_source
from lecturekit.errors import Diagnostics
from lecturekit.ingest import IngestOptions, OcrMode
from lecturekit.models import RemovalReason

pdf_reader = pytest.importorskip("lecturekit.ingest.pdf")

HEADER = "Deep Learning 101 - Week 3"
# (title, body lines, header drawn): like QA's deck2l.pdf, the header sits on 4 pages under only 3 distinct titles.
SMALL_DECK = [
    ("Regularization", ["Penalize large weights", "L2 adds lambda times w squared"], True),
    ("Recap", ["Weights shrink towards zero"], True),
    ("Swap Demo", ["Version A of the picture caption"], False),
    ("Recap", ["Dropout zeroes random units in training"], True),
    ("Title Only", [], True),
]


def write_small_deck(path: Path, caption_pages: tuple[int, ...] = ()) -> None:
    """Five pages: a 7 pt header at the top, 22 pt titles, 13 pt body, and optionally a small caption at the bottom."""
    pdf = FPDF(orientation="L", unit="mm", format=(90, 160))
    pdf.set_auto_page_break(False)
    for number, (title, body, header) in enumerate(SMALL_DECK, start=1):
        pdf.add_page()
        if header:
            pdf.set_font("Helvetica", size=7)
            pdf.text(10, 5, HEADER)
        pdf.set_font("Helvetica", "B", 22)
        pdf.text(10, 18, title)
        pdf.set_font("Helvetica", size=13)
        for row, line in enumerate(body):
            pdf.text(12, 36 + 9 * row, line)
        if number in caption_pages:
            pdf.set_font("Helvetica", size=7)
            pdf.text(10, 86, "Figure adapted from Goodfellow et al.")
    pdf.output(str(path))


def clean_pdf(path: Path):
    diag = Diagnostics()
    source = pdf_reader.read_pdf(path, IngestOptions(ocr=OcrMode.NEVER, cache=False), diag)
    assert len(source.pages) == len(SMALL_DECK) and not diag.errors
    return clean_source(source).drafts


def test_small_type_running_header_goes_on_a_five_page_deck(tmp_path):
    path = tmp_path / "deck2l.pdf"
    write_small_deck(path)
    drafts = clean_pdf(path)
    assert [d.title for d in drafts] == [title for title, _, _ in SMALL_DECK]
    assert not any(HEADER in line for d in drafts for line in d.lines)
    removed = [r for d in drafts for r in d.removed if r.reason is RemovalReason.FURNITURE]
    assert sorted(r.page for r in removed) == [1, 2, 4, 5] and {r.text for r in removed} == {HEADER}
    assert drafts[0].body == ["Penalize large weights", "L2 adds lambda times w squared"]


def test_repeated_titles_and_a_caption_on_two_slides_stay_content(tmp_path):
    path = tmp_path / "captions.pdf"
    write_small_deck(path, caption_pages=(3, 4))
    drafts = clean_pdf(path)
    assert [d.title for d in drafts].count("Recap") == 2  # a repeated title in large type is content
    captions = [d.title for d in drafts if "Figure adapted from Goodfellow et al." in d.body]
    assert captions == ["Swap Demo", "Recap"]  # small type on 2 of 5 slides: not running
