"""Only what a viewer sees: hidden text of real decks (render mode 3, off the page, crop box, clip, zero size,
covered) is left out of the text and recorded as removed with its reason."""

from __future__ import annotations

from pathlib import Path

from pdfgen import SLIDE_PAGE, canvas_deck, draw_text, text_op, write_raw_pdf
from reportlab.pdfgen import canvas

from lecturekit.errors import Diagnostics
from lecturekit.ingest.options import IngestOptions
from lecturekit.ingest.pdf import read_pdf
from lecturekit.models import Page, RemovalReason

HEIGHT = SLIDE_PAGE[1]


def read(path: Path, tmp_path: Path) -> list[Page]:
    return read_pdf(path, IngestOptions(cache_dir=str(tmp_path / "cache")), Diagnostics()).pages


def removed(page: Page) -> dict[str, str]:
    return {item.text: item.detail for item in page.removed if item.reason is RemovalReason.HIDDEN}


def test_invisible_clipped_tiny_and_covered_text_is_left_out_and_recorded(tmp_path):
    def draw(pdf: canvas.Canvas) -> None:
        draw_text(pdf, 40, 50, "Gradient descent", size=32, font="DejaVuSans-Bold")
        draw_text(pdf, 40, 110, "Step against the gradient")
        pdf.saveState()  # the render mode is graphics state: it lasts until restored
        text = pdf.beginText(40, HEIGHT - 150)
        text.setFont("DejaVuSans", 18)
        text.setTextRenderMode(3)
        text.textOut("Invisible answer key")
        pdf.drawText(text)
        pdf.restoreState()
        # Beamer parks hidden overlays ~2000 pt away
        draw_text(pdf, 2040, 190, "Revealed on the next overlay")
        pdf.saveState()
        path = pdf.beginPath()
        path.rect(30, HEIGHT - 260, 200, 40)
        pdf.clipPath(path, stroke=0, fill=0)
        draw_text(pdf, 40, 240, "Inside the clip")
        draw_text(pdf, 400, 240, "Outside the clip")
        pdf.restoreState()
        draw_text(pdf, 40, 300, "Too small to see", size=0.1)
        draw_text(pdf, 40, 340, "Hidden under a sticker")
        pdf.setFillColorRGB(1, 1, 1)
        pdf.rect(30, HEIGHT - 350, 400, 30, stroke=0, fill=1)

    page = read(canvas_deck(tmp_path / "hidden.pdf", [draw]), tmp_path)[0]
    assert page.text.splitlines() == ["Gradient descent", "Step against the gradient", "Inside the clip"]
    assert removed(page) == {
        "Invisible answer key": "invisible render mode",
        "Revealed on the next overlay": "outside the page",
        "Outside the clip": "clipped",
        "Too small to see": "zero-sized",
        "Hidden under a sticker": "covered by an opaque fill",
    }
    assert page.title == "Gradient descent"


def test_text_outside_the_crop_box_is_not_read(tmp_path):
    stream = (
        text_op("F1", 24, 40, 330, b"Visible title")
        + text_op("F1", 14, 40, 280, b"Visible body line")
        + text_op("F1", 14, 600, 280, b"Cropped away")
    )
    fonts = {"F1": (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", None)}
    path = write_raw_pdf(tmp_path / "crop.pdf", [[stream]], fonts, crop=(0, 0, 500, 405))
    page = read(path, tmp_path)[0]
    assert page.text.splitlines() == ["Visible title", "Visible body line"]
    assert removed(page) == {"Cropped away": "outside the page"}


def test_each_beamer_overlay_page_holds_what_it_shows_in_order(tmp_path):
    bullets = ["First, define the loss", "Second, take its gradient", "Answer: (b)"]

    def overlay(shown: int):
        def draw(pdf: canvas.Canvas) -> None:
            draw_text(pdf, 40, 50, "A three-step list", size=28, font="DejaVuSans-Bold")
            # pdfTeX writes the later items first here, as \only and \uncover can: order comes from the layout
            for index in reversed(range(len(bullets))):
                x = 40 if index < shown else 40 + 2000
                draw_text(pdf, x, 120 + 40 * index, f"\u2022 {bullets[index]}")

        return draw

    pages = read(canvas_deck(tmp_path / "overlays.pdf", [overlay(n) for n in (1, 2, 3)]), tmp_path)
    assert [page.text.splitlines()[1:] for page in pages] == [
        ["\u2022 " + b for b in bullets[:n]] for n in (1, 2, 3)
    ]
    assert [len(page.removed) for page in pages] == [2, 1, 0]
