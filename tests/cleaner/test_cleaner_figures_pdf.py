"""Figure slides of office exports on real PDFs: builds are told by what the pages draw, not by a shared footer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from beamergen import BOLD, SANS
from PIL import Image, ImageDraw
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from lecturekit.cleaner import clean_source
from lecturekit.cleaner.draft import Draft
from lecturekit.errors import Diagnostics
from lecturekit.ingest import IngestOptions, OcrMode
from lecturekit.models import SlideKind

pdf_reader = pytest.importorskip("lecturekit.ingest.pdf")

PAGE = (960.0, 540.0)  # a 16:9 PowerPoint slide in points
FOOTER = "This work is subject to a Creative Commons licence. (C) The Press."


@dataclass
class Slide:
    title: str = ""
    lines: tuple[str, ...] = ()
    image: str | None = None  # colour of a picture (a plot exported as an image)
    shape: str | None = None  # "box" or "disc": a vector figure
    crop: float = 1.0  # share of the picture's height shown (a cropped copy of one picture)


def picture(colour: str) -> Image.Image:
    image = Image.new("RGB", (200, 120), "white")
    ImageDraw.Draw(image).ellipse((20, 20, 180, 100), fill=colour)
    return image


def write(path: Path, slides: list[Slide]) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=PAGE)
    width, height = PAGE
    for slide in slides:
        if slide.image:
            pdf.saveState()
            clip = pdf.beginPath()
            clip.rect(300, 120, 400, 240 * slide.crop)
            pdf.clipPath(clip, stroke=0, fill=0)
            pdf.drawImage(ImageReader(picture(slide.image)), 300, 120, width=400, height=240)
            pdf.restoreState()
        if slide.shape == "box":
            pdf.rect(100, 150, 200, 150, fill=1)
        elif slide.shape == "disc":
            pdf.circle(200, 220, 80, fill=1)
        if slide.title:
            pdf.setFont(BOLD, 40)
            pdf.drawString(70, height - 80, slide.title)
        pdf.setFont(SANS, 24)
        for n, line in enumerate(slide.lines):
            pdf.drawString(70, height - 150 - 36 * n, line)
        pdf.setFont(SANS, 9)
        pdf.drawString(70, 12, FOOTER)
        pdf.showPage()
    pdf.save()
    return path


def cleaned(tmp_path: Path, slides: list[Slide]) -> list[Draft]:
    diag = Diagnostics()
    source = pdf_reader.read_pdf(
        write(tmp_path / "deck.pdf", slides), IngestOptions(ocr=OcrMode.NEVER, cache=False), diag
    )
    assert not diag.errors and len(source.pages) == len(slides)
    return clean_source(source).drafts


def page_groups(drafts: list[Draft]) -> list[list[int]]:
    return [[ref.page for ref in draft.pages] for draft in drafts]


def test_figure_slides_sharing_only_a_footer_stay_apart(tmp_path):
    colours = ["red", "green", "blue", "orange"]
    slides = [Slide("Shallow networks", ("A network with one hidden layer",))]
    slides += [Slide(image=colour) for colour in colours]
    drafts = cleaned(tmp_path, slides)
    assert page_groups(drafts) == [[1], [2], [3], [4], [5]]
    # A line at the foot of a page is no title: the figure slides are named by their place.
    assert [d.title for d in drafts] == ["Shallow networks", "Slide 2", "Slide 3", "Slide 4", "Slide 5"]
    assert all(d.body == [FOOTER] for d in drafts[1:])


def test_same_title_over_another_figure_is_another_slide(tmp_path):
    slides = [
        Slide("Variance", shape="box"),
        Slide("Variance", shape="disc"),  # the same title, another figure
        Slide("Variance", ("Reduce it with more data",), shape="disc"),  # a build: the disc stays
        Slide("Reducing bias", image="red", crop=0.5),
        Slide("Reducing bias", image="red"),  # the same picture shown larger: another slide
        Slide("Noise", image="blue"),
        Slide("Noise", ("Measurements are noisy",)),  # the picture is gone: another slide
    ]
    drafts = cleaned(tmp_path, slides)
    assert page_groups(drafts) == [[1], [2, 3], [4], [5], [6], [7]]


def test_a_build_that_keeps_its_picture_is_one_slide(tmp_path):
    slides = [
        Slide("Need test data", image="green"),
        Slide("Need test data", ("The model has not generalized",), image="green"),
    ]
    drafts = cleaned(tmp_path, slides)
    assert page_groups(drafts) == [[1, 2]]
    assert drafts[0].lines[:2] == ["Need test data", "The model has not generalized"]


def test_a_topic_named_by_an_admin_word_is_content(tmp_path):
    slides = [
        Slide(
            "Scheduling with Deadlines",
            ("Each job has a deadline and a profit", "A late job earns nothing", "Submit jobs by profit"),
        ),
        Slide("Homework 3", ("Due on Friday at noon", "Submit on Gradescope")),
    ]
    kinds = [d.kind for d in cleaned(tmp_path, slides)]
    assert kinds == [SlideKind.CONTENT, SlideKind.ADMIN]
