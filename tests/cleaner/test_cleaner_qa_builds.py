"""QA regressions on real generated PDFs: swapped build steps keep both, numbered look-alike slides stay apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from cleaner_support import deck
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

from lecturekit.cleaner import clean_course, clean_source
from lecturekit.course import CourseConfig
from lecturekit.errors import Diagnostics
from lecturekit.ingest import IngestOptions, OcrMode
from lecturekit.models import Method, RemovalReason

pdf_reader = pytest.importorskip("lecturekit.ingest.pdf")
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


def slide_image(path: Path, title: str, lines: list[str]) -> Path:
    """A 1600x900 picture of a slide (a scanned page: no text layer, tesseract must read it)."""
    image = Image.new("RGB", (1600, 900), "white")
    draw = ImageDraw.Draw(image)
    draw.text((80, 60), title, font=ImageFont.truetype(str(BOLD), 64), fill="black")
    for row, line in enumerate(lines):
        draw.text((100, 250 + 90 * row), line, font=ImageFont.truetype(str(FONT), 44), fill="black")
    image.save(path)
    return path


def text_page(pdf: FPDF, title: str, lines: list[str], label: str | None, number: int, total: int) -> None:
    pdf.add_page()
    if label is not None:
        pdf.set_page_label(label_prefix=label)
    pdf.set_font("Helvetica", size=7)
    pdf.text(20, 14, "Deep Learning 101 - Week 3")
    pdf.set_font("Helvetica", "B", 16)
    pdf.text(20, 45, title)
    pdf.set_font("Helvetica", size=11)
    for row, line in enumerate(lines):
        pdf.text(30, 80 + 20 * row, line)
    pdf.set_font("Helvetica", size=6)
    pdf.text(20, 262, f"Prof. X   Week 3   {number}/{total}")


def read(path: Path, ocr: OcrMode = OcrMode.AUTO):
    diag = Diagnostics()
    source = pdf_reader.read_pdf(path, IngestOptions(ocr=ocr, cache=False, jobs=1, dpi=150), diag)
    assert not diag.errors
    return source


def test_a_swapping_build_step_keeps_both_versions_in_a_deck_with_a_scanned_page(tmp_path):
    """QA 2: pages 2-3 share label "2" and swap a caption; a scanned page makes the deck OCR-like."""
    pdf = FPDF(orientation="L", unit="pt", format=(272, 363))
    pdf.set_auto_page_break(False)
    text_page(pdf, "Regularization", ["Penalize large weights", "L2 adds lambda times w squared"], "1", 1, 5)
    text_page(pdf, "Swap Demo", ["Version A of the picture caption"], "2", 2, 5)
    text_page(pdf, "Swap Demo", ["Version B of the picture caption"], "2", 2, 5)
    pdf.add_page()
    pdf.set_page_label(label_prefix="3")
    pdf.image(
        str(slide_image(tmp_path / "drop.png", "Dropout Explained", ["Randomly zero units during training"])),
        x=0,
        y=0,
        w=363,
        h=204,
    )
    text_page(pdf, "Summary", ["Regularize, then drop out"], "4", 5, 5)
    pdf.output(str(tmp_path / "swap.pdf"))
    source = read(tmp_path / "swap.pdf")
    assert source.pages[3].method is Method.OCR  # the deck really mixes a text layer and OCR
    drafts = clean_source(source).drafts
    swap = next(d for d in drafts if d.title == "Swap Demo")
    captions = [line for line in swap.body if "picture caption" in line]
    assert captions == ["Version A of the picture caption", "Version B of the picture caption"]
    assert swap.merged_by == ["page-label: p2+p3"]
    build = [r for r in swap.removed if r.reason is RemovalReason.BUILD]
    assert [r.page for r in build] == [3] and "Version B" not in build[0].text


def test_text_layer_steps_that_swap_a_word_without_labels_are_both_kept(tmp_path):
    """Same title, same numbers, one line rewritten: merged or not, neither version may be lost."""
    pdf = FPDF(orientation="L", unit="pt", format=(272, 363))
    pdf.set_auto_page_break(False)
    text_page(pdf, "Swap Demo", ["- shared intro line", "- Version A of the picture caption"], None, 1, 2)
    text_page(pdf, "Swap Demo", ["- shared intro line", "- Version B of the picture caption"], None, 1, 2)
    drafts = clean_source(read(_write(pdf, tmp_path / "nolabel.pdf"), OcrMode.NEVER)).drafts
    lines = [line for d in drafts for line in d.lines]
    assert "- Version A of the picture caption" in lines and "- Version B of the picture caption" in lines


def _write(pdf: FPDF, path: Path) -> Path:
    pdf.output(str(path))
    return path


def numbered_deck(path: Path, count: int, labels: list[str | None], scanned: bool, tmp_path: Path) -> Path:
    """Slides "Slide N: Momentum Methods" that differ only in their numbers (QA 15's deck)."""
    pdf = FPDF(orientation="L", unit="pt", format=(272, 363))
    pdf.set_auto_page_break(False)
    for n in range(1, count + 1):
        title = f"Slide {n}: Momentum Methods"
        lines = [f"Velocity accumulates gradient {3 * n - 2}", "Nesterov looks ahead before stepping"]
        if scanned:
            pdf.add_page()
            if labels[n - 1] is not None:
                pdf.set_page_label(label_prefix=labels[n - 1])
            pdf.image(str(slide_image(tmp_path / f"s{n}.png", title, lines)), x=0, y=0, w=363, h=204)
        else:
            text_page(pdf, title, lines, labels[n - 1], n, count)
    return _write(pdf, path)


def test_scanned_slides_differing_only_in_numbers_are_not_merged(tmp_path):
    """QA 15: OCR'd slides "Slide 1..4: Momentum Methods" used to merge into one by word containment."""
    path = numbered_deck(tmp_path / "img4.pdf", 4, [None] * 4, scanned=True, tmp_path=tmp_path)
    source = read(path)
    assert all(page.method is Method.OCR for page in source.pages)
    drafts = clean_source(source).drafts
    assert [d.title for d in drafts] == [f"Slide {n}: Momentum Methods" for n in range(1, 5)]
    assert all(not d.merged_by for d in drafts)
    assert [next(line for line in d.body if "Velocity" in line) for d in drafts] == [
        f"Velocity accumulates gradient {g}" for g in (1, 4, 7, 10)
    ]


def test_numbered_titles_split_unless_a_page_label_says_one_frame(tmp_path):
    apart = clean_source(
        read(numbered_deck(tmp_path / "a.pdf", 3, [None] * 3, False, tmp_path), OcrMode.NEVER)
    )
    assert len(apart.drafts) == 3
    one_frame = clean_source(
        read(numbered_deck(tmp_path / "b.pdf", 3, ["7", "7", "7"], False, tmp_path), OcrMode.NEVER)
    )
    assert len(one_frame.drafts) == 1
    assert one_frame.drafts[0].merged_by == ["page-label: p1+p2", "page-label: p1+p3"]
    assert sum("Velocity accumulates gradient" in line for line in one_frame.drafts[0].body) == 3


def _round_trip(sources):
    first = clean_course(sources, CourseConfig(), Diagnostics())
    again = [deck(f"{lec.id}.txt", [s.text.splitlines() for s in lec.slides]) for lec in first if lec.slides]
    second = clean_course(again, CourseConfig(), Diagnostics())
    return sorted(s.text for lec in first for s in lec.slides), sorted(
        s.text for lec in second for s in lec.slides
    )


def test_a_slide_grown_by_later_steps_absorbs_the_neighbour_it_now_contains():
    """Found by hypothesis: the first pass left two slides the second pass merged (now swept to a fixpoint)."""
    steps = [
        ["Training a DNN", "@ Learning rate", "@ Learning rate", "Training a DNN", "@ Learning rate"],
        ["Training a DNN", "gation", "@ Learning rate"],
        ["Training a DNN"],
        ["Training a DNN", "@ Learning rate", "@ Learning rate", "Training a DNN"],
    ]
    first, second = _round_trip([deck("000.txt", steps)])
    # No page shows all of the page before it, in order: four slides, and a second pass keeps them.
    assert first == second and len(first) == 4


def test_a_slide_made_of_steps_joins_the_next_slide_that_shows_it_all():
    steps = [
        ["Loss", "- squared error"],
        ["Loss", "- cross entropy"],
        ["Loss", "- squared error", "- cross entropy"],
    ]
    first, second = _round_trip([deck("000.txt", steps)])
    assert first == second == ["Loss\n- squared error\n- cross entropy"]


def test_a_union_that_puts_a_continuation_under_a_broken_word_joins_it():
    """Found by hypothesis: a merge put "gation" under "back-propa-"; cleaning the output again joined them."""
    ocr = deck(
        "000.txt",
        [
            ["Training a DNN", "@ Learning rate", "@ Learning rate", "AAA"],
            ["Training a DNN", "gation", "@ Learning rate"],
        ],
    )
    text = deck(
        "001.txt",
        [
            ["Training a DNN", "@ Learning rate", "@ Learning rate", "gation"],
            ["Training a DNN", "o Batch-Size", "back-propa-"],
        ],
    )
    first, second = _round_trip([ocr, text])
    assert first == second
    assert any("back-propagation" in slide.splitlines() for slide in first)
