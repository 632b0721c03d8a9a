"""Real Beamer-like PDFs for the cleaner tests (reportlab): one page per overlay step, only visible text drawn."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import reportlab
from PIL import Image, ImageDraw
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import registerFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

PAGE = (363.0, 272.0)  # Beamer's 4:3 frame in points
MARGIN = 20.0
TITLE_SIZE = 14.4
DIVIDER_SIZE = 20.7
BODY_SIZE = 11.0
SMALL_SIZE = 6.0
FONTS = Path("/usr/share/fonts/truetype/dejavu")
VERA = Path(reportlab.__file__).parent / "fonts"


def _register(name: str, file: str, fallback: str) -> str:
    registerFont(TTFont(name, str(FONTS / file if (FONTS / file).is_file() else VERA / fallback)))
    return name


SANS = _register("CleanerSans", "DejaVuSans.ttf", "Vera.ttf")
BOLD = _register("CleanerSans-Bold", "DejaVuSans-Bold.ttf", "VeraBd.ttf")


@dataclass
class Page:
    """One page: a title at the top (or centred, for a section divider), body lines, a label, extras."""

    title: str
    body: list[str] = field(default_factory=list)
    label: str | None = None
    divider: bool = False  # a section divider: the title alone, large, in the middle of the page
    picture: bool = False  # a picture filling the page (a figure or a meme), drawn under any text
    caption: str | None = None  # small text at the top edge, over the picture
    counter: str | None = None  # a frame counter in the footer ("Course 3 / 12")
    axis: list[str] = field(default_factory=list)  # a figure's tick labels along the bottom edge


def write(path: Path, pages: list[Page], header: str | None = "Deep Learning 101") -> Path:
    """Write PAGES as a PDF with /PageLabels where pages carry labels, a small running header on each."""
    pdf = canvas.Canvas(str(path), pagesize=PAGE, invariant=1)
    for index, page in enumerate(pages):
        if page.label is not None:
            pdf.addPageLabel(index, prefix=page.label)
        _draw(pdf, page, header)
        pdf.showPage()
    pdf.save()
    return path


def _draw(pdf: canvas.Canvas, page: Page, header: str | None) -> None:
    width, height = PAGE
    if page.picture:
        pdf.drawImage(ImageReader(_picture()), 0, 0, width=width, height=height)
    if header and not page.picture:
        _text(pdf, MARGIN, height - 9, header, SANS, SMALL_SIZE)
    if page.caption:
        _text(pdf, MARGIN, height - 16, page.caption, SANS, SMALL_SIZE + 1)
    if page.divider:
        _text(pdf, MARGIN * 3, height / 2, page.title, BOLD, DIVIDER_SIZE)
    elif page.title:
        _text(pdf, MARGIN, height - MARGIN - TITLE_SIZE, page.title, BOLD, TITLE_SIZE)
    y = height - MARGIN - TITLE_SIZE - 2.2 * BODY_SIZE
    for line in page.body:
        _text(pdf, MARGIN, y, line, SANS, BODY_SIZE)
        y -= 1.7 * BODY_SIZE
    if page.counter:
        _text(pdf, width - 9 * MARGIN, 6, page.counter, SANS, SMALL_SIZE)
    for index, tick in enumerate(page.axis):
        _text(pdf, MARGIN + index * 40, 18, tick, SANS, BODY_SIZE)


def _text(pdf: canvas.Canvas, x: float, y: float, text: str, font: str, size: float) -> None:
    pdf.setFont(font, size)
    pdf.drawString(x, y, text)


def _picture() -> Image.Image:
    """A drawing with no text in it: shapes only, as a plot or a meme picture."""
    image = Image.new("RGB", (363, 272), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse((60, 60, 200, 200), outline="navy", width=6)
    draw.rectangle((210, 90, 320, 220), fill="orange")
    return image


def overlays(title: str, steps: list[list[str]], label: str | None) -> list[Page]:
    """One frame as its overlay pages: each step's visible lines, every page with LABEL."""
    return [Page(title, body, label=label) for body in steps]


def growing(title: str, lines: list[str], label: str | None) -> list[Page]:
    """A frame built with \\pause: one more line visible on each page."""
    return overlays(title, [lines[: n + 1] for n in range(len(lines))], label)
