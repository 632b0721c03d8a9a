"""Real PDFs generated with fpdf2, read by the PDF reader, then cleaned: labels, footers, builds, template."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from lecturekit.cleaner import clean_source
from lecturekit.errors import Diagnostics
from lecturekit.ingest import IngestOptions, OcrMode
from lecturekit.models import RemovalReason

pdf_reader = pytest.importorskip("lecturekit.ingest.pdf")

FRAMES = [
    ("Gradient descent", ["Start anywhere", "Follow the negative gradient", "Stop when flat"]),
    ("Learning rate", ["Too small: slow", "Too large: diverges"]),
    ("Momentum", ["Average past gradients"]),
    ("Questions?", []),
]


def write_deck(path: Path, labels: bool, page_counter: bool = False) -> None:
    """A Beamer-like deck: one page per build step, a running header and a footer with slide numbers.

    PAGE_COUNTER: the footer counts pages instead ("2/7" on the second step), as PowerPoint exports do.
    """
    pdf = FPDF(orientation="L", unit="pt", format=(272, 363))
    pdf.set_auto_page_break(False)
    total = sum(max(1, len(bullets)) for _, bullets in FRAMES) if page_counter else len(FRAMES)
    for number, (title, bullets) in enumerate(FRAMES, start=1):
        for step in range(max(1, len(bullets))):
            pdf.add_page()
            if labels:
                pdf.set_page_label(label_prefix=str(number))
            pdf.set_font("Helvetica", size=6)
            pdf.text(20, 14, "CS 101: Optimization for Learning")
            pdf.set_font("Helvetica", "B", 16)
            pdf.text(20, 45, title)
            pdf.set_font("Helvetica", size=11)
            for row, bullet in enumerate(bullets[: step + 1]):
                pdf.text(30, 80 + 20 * row, f"- {bullet}")
            pdf.set_font("Helvetica", size=6)
            counter = pdf.page_no() if page_counter else number
            pdf.text(20, 262, f"Univ. of Somewhere   January 14, 2026   {counter}/{total}")
    pdf.output(str(path))


@pytest.mark.parametrize("labels", [True, False])
def test_pdf_deck_builds_collapse_and_furniture_goes(tmp_path, labels):
    path = tmp_path / "deck.pdf"
    write_deck(path, labels)
    diag = Diagnostics()
    source = pdf_reader.read_pdf(path, IngestOptions(ocr=OcrMode.NEVER, cache=False), diag)
    assert len(source.pages) == 7 and not diag.errors
    drafts = clean_source(source).drafts
    assert [d.title for d in drafts] == [title for title, _ in FRAMES]
    assert drafts[0].body == ["- Start anywhere", "- Follow the negative gradient", "- Stop when flat"]
    assert [p.page for p in drafts[0].pages] == [1, 2, 3]
    signal = "page-label" if labels else "slide-number"
    assert drafts[0].merged_by == [f"{signal}: p1+p2", f"{signal}: p1+p3"]
    for draft in drafts:
        assert not any("CS 101" in line or "January" in line for line in draft.lines)
        assert {r.reason for r in draft.removed} >= {RemovalReason.FURNITURE}


def test_pdf_deck_with_a_page_counter_still_collapses_its_builds(tmp_path):
    path = tmp_path / "deck.pdf"
    write_deck(path, labels=False, page_counter=True)  # "1/7", "2/7", "3/7" on the three steps of one slide
    source = pdf_reader.read_pdf(path, IngestOptions(ocr=OcrMode.NEVER, cache=False), Diagnostics())
    drafts = clean_source(source).drafts
    assert [d.title for d in drafts] == [title for title, _ in FRAMES]
    assert [p.page for p in drafts[0].pages] == [1, 2, 3] and [p.page for p in drafts[1].pages] == [4, 5]
    assert drafts[0].merged_by == ["containment: p1+p2", "containment: p1+p3"]
    assert all(r.detail == "footer with page counter" for r in drafts[0].removed if "7" in r.text)
