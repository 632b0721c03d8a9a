"""Slide pictures on the site: written once by content, shown beside the text, the slide itself for a figure,
enlarged on click (real Chromium from file://), left out with --no-images."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html
from PIL import Image, ImageDraw
from reportlab.pdfgen import canvas
from site_support import build, load_fixture_course

from lecturekit.cli import main
from lecturekit.errors import Diagnostics
from lecturekit.ingest.pictures import MAX_PIXELS, encode
from lecturekit.models import Course, SlideImage
from lecturekit.site import SiteOptions, build_site
from lecturekit.site.viewbuild import FIGURE_ONLY

LECTURE = "lecture-2026-01-14.html"
TEXT_SLIDE = "2026-01-14/s02"  # Back-propagation: text and a formula
FIGURE_SLIDE = "2026-01-14/s04"  # made a figure here: only its title is text


def diagram(label: str, size: tuple[int, int] = (1108, 831)) -> bytes:
    """A slide-like picture (title bar, boxes and arrows) encoded as lecturekit encodes page renders."""
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, size[0], 90), fill="#1f4e8c")
    draw.text((40, 30), label, fill="white")
    for n in range(4):
        x = 120 + n * 230
        draw.rectangle((x, 380, x + 150, 480), outline="black", width=4)
        if n:
            draw.line((x - 80, 430, x, 430), fill="#b3261e", width=6)
    return encode(image).data


def slide_image(slide: str, data: bytes, page: int) -> SlideImage:
    with Image.open(io.BytesIO(data)) as image:
        width, height = image.size
    return SlideImage(
        slide=slide,
        source="deck.pdf",
        page=page,
        digest=hashlib.sha256(data).hexdigest(),
        width=width,
        height=height,
        data=data,
    )


def pictured_course() -> Course:
    course = load_fixture_course()
    lecture = next(lec for lec in course.lectures if lec.id == "2026-01-14")
    figure = next(s for s in lecture.slides if s.id == FIGURE_SLIDE)
    figure.text = figure.title
    course.images = [
        slide_image(TEXT_SLIDE, diagram("Back-propagation"), 2),
        slide_image(FIGURE_SLIDE, diagram("Broken formula"), 4),
    ]
    return course


@pytest.fixture(scope="module")
def pictured_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pictured") / "site"
    build(pictured_course(), out)
    return out


def section(doc, slide_id: str):
    return doc.get_element_by_id("slide-" + slide_id.rsplit("/", 1)[1])


def test_pictures_are_written_once_by_content_and_shown_beside_the_text(pictured_site):
    course = pictured_course()
    doc = lxml_html.fromstring((pictured_site / LECTURE).read_bytes())
    for image in course.images:
        [link] = section(doc, image.slide).xpath(".//a[contains(@class, 'slide-image')]")
        href = link.get("href")
        assert href.startswith("img/") and href.endswith(".webp") and image.digest.startswith(Path(href).stem)
        assert (pictured_site / href).read_bytes() == image.data
        [img] = link.xpath("img")
        assert img.get("src") == href and (img.get("width"), img.get("height")) == (
            str(image.width),
            str(image.height),
        )
        assert img.get("alt").startswith("Slide ") and img.get("loading") == "lazy"
        assert link.get("aria-label").startswith("Enlarge slide")
    assert len(list((pictured_site / "img").iterdir())) == 2
    beside = section(doc, TEXT_SLIDE)
    assert (
        "has-image" in beside.get("class") and "slide-image-large" not in lxml_html.tostring(beside).decode()
    )
    # Slides without a picture are as before.
    assert not section(doc, "2026-01-14/s05").xpath(".//a[contains(@class, 'slide-image')]")
    assert (
        doc.xpath("//script[@src='static/lightbox.js']")
        and (pictured_site / "static" / "lightbox.js").is_file()
    )


def test_a_figure_slide_is_its_picture(pictured_site):
    doc = lxml_html.fromstring((pictured_site / LECTURE).read_bytes())
    figure = section(doc, FIGURE_SLIDE)
    assert figure.xpath(".//a[contains(@class, 'slide-image-large')]/img")
    assert FIGURE_ONLY not in figure.text_content()


def test_no_images_leaves_the_site_as_without_pictures(tmp_path):
    plain_out, pictured_out = tmp_path / "plain", tmp_path / "off"
    course = pictured_course()
    course.images = []
    build(course, plain_out)  # the same text as the pictured course, no pictures
    build_site(pictured_course(), pictured_out, Diagnostics(), SiteOptions(cache=False, images=False))
    assert not (pictured_out / "img").exists()
    assert (pictured_out / LECTURE).read_text(encoding="utf-8") == (plain_out / LECTURE).read_text(
        encoding="utf-8"
    )
    assert "lightbox.js" not in (pictured_out / LECTURE).read_text(encoding="utf-8")


def test_a_changed_picture_renders_the_page_again(tmp_path):
    cache = tmp_path / "cache"
    build(pictured_course(), tmp_path / "a", cache_dir=cache)
    course = pictured_course()
    course.images[0] = slide_image(TEXT_SLIDE, diagram("Back-propagation, revised"), 2)
    build(course, tmp_path / "b", cache_dir=cache)
    assert f"img/{course.images[0].digest[:20]}.webp" in (tmp_path / "b" / LECTURE).read_text(
        encoding="utf-8"
    )
    assert len(list((tmp_path / "b" / "img").iterdir())) == 2  # the old picture is gone with the old site


def write_figure_deck(path: Path) -> Path:
    """A two-page PDF: a text slide, and a slide that is a drawn figure under its title."""
    pdf = canvas.Canvas(str(path), pagesize=(720, 405), invariant=1)
    pdf.setFont("Helvetica-Bold", 28)
    pdf.drawString(40, 350, "Gradient descent")
    pdf.setFont("Helvetica", 18)
    for n, line in enumerate(
        [
            "Start from a guess of the weights",
            "Step against the gradient of the loss",
            "Repeat until the loss stops falling",
        ]
    ):
        pdf.drawString(60, 290 - 34 * n, "\u2022 " + line)
    pdf.showPage()
    pdf.setFont("Helvetica-Bold", 28)
    pdf.drawString(40, 350, "Level sets of the loss")
    pdf.setStrokeColorRGB(0.1, 0.3, 0.6)
    pdf.setLineWidth(3)
    for n in range(10):
        pdf.circle(360, 180, 15 + 14 * n)
    pdf.setFillColorRGB(0.7, 0.15, 0.1)
    for n in range(6):
        pdf.circle(360 + 40 * (5 - n), 180 + 25 * (5 - n), 6, fill=1)
    pdf.showPage()
    pdf.save()
    return path


def test_cli_build_shows_page_pictures_and_no_images_leaves_them_out(tmp_path, monkeypatch):
    import lecturekit.pipeline as pipeline

    unrun = pipeline.prepare_examples
    # not tested here
    monkeypatch.setattr(pipeline, "prepare_examples", lambda root, run=True: unrun(root, run=False))
    monkeypatch.setenv("LECTUREKIT_CACHE", str(tmp_path / "cache"))
    course = tmp_path / "course"
    course.mkdir()
    write_figure_deck(course / "week1.pdf")
    result = CliRunner().invoke(main, ["build", str(course), "--out", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    pictures = sorted((tmp_path / "site" / "img").iterdir())
    assert len(pictures) == 2
    for picture in pictures:
        with Image.open(picture) as image:
            assert image.format == "WEBP" and image.width * image.height <= MAX_PIXELS
    assert sum(p.stat().st_size for p in pictures) / len(pictures) < 60_000
    page = next((tmp_path / "site").glob("lecture-*.html")).read_text(encoding="utf-8")
    assert page.count('class="slide-image') == 2 and page.count("slide-image-large") == 1  # the figure slide
    assert FIGURE_ONLY not in page
    result = CliRunner().invoke(main, ["build", str(course), "--out", str(tmp_path / "site"), "--no-images"])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "site" / "img").exists()
    page = next((tmp_path / "site").glob("lecture-*.html")).read_text(encoding="utf-8")
    assert "slide-image" not in page and FIGURE_ONLY in page
    write_figure_deck(tmp_path / "week2.pdf")
    added = CliRunner().invoke(
        main, ["add", str(tmp_path / "week2.pdf"), "--course", str(course), "--no-images"]
    )
    assert added.exit_code == 0, added.output
    assert (course / "_site" / "index.html").is_file() and not (course / "_site" / "img").exists()


# ---------------------------------------------------------------- in the browser


@pytest.fixture
def context(chromium):
    ctx = chromium.new_context(viewport={"width": 1280, "height": 800})
    yield ctx
    ctx.close()


@pytest.mark.browser
def test_browser_picture_shows_beside_the_text_and_enlarges(context, pictured_site):
    page = context.new_page()
    page.goto((pictured_site / LECTURE).as_uri())
    link = page.locator("#slide-s02 a.slide-image")
    link.scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('#slide-s02 a.slide-image img').naturalWidth > 0")
    box, body = link.bounding_box(), page.locator("#slide-s02 .slide-body").bounding_box()
    assert (
        box["x"] > body["x"] + 100 and box["width"] < 0.6 * page.locator("#slide-s02").bounding_box()["width"]
    )
    link.click()
    dialog = page.locator("dialog.lightbox")
    assert dialog.is_visible()
    big = dialog.locator("img")
    assert big.get_attribute("src") == link.get_attribute("href")
    page.wait_for_function("document.querySelector('dialog.lightbox img').naturalWidth > 0")
    assert big.bounding_box()["width"] > 2 * box["width"]
    assert page.evaluate("document.activeElement.className") == "lightbox-close"
    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert page.evaluate("document.activeElement.getAttribute('href')") == link.get_attribute("href")
    page.keyboard.press("Enter")  # the focused picture opens again from the keyboard
    assert dialog.is_visible()
    page.mouse.click(5, 400)  # beside the picture: closes
    assert not dialog.is_visible()


@pytest.mark.browser
def test_browser_figure_slide_fills_the_column_on_a_phone(chromium, pictured_site):
    ctx = chromium.new_context(viewport={"width": 390, "height": 844})
    try:
        page = ctx.new_page()
        page.goto((pictured_site / LECTURE).as_uri())
        for slide in ("#slide-s04", "#slide-s02"):
            img = page.locator(f"{slide} a.slide-image img")
            img.scroll_into_view_if_needed()
            section = page.locator(slide).bounding_box()
            box = img.bounding_box()
            assert (
                box["width"] > 0.8 * section["width"]
                and box["x"] + box["width"] <= section["x"] + section["width"]
            )
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        ctx.close()


@pytest.mark.browser
def test_browser_pictures_and_the_enlarged_view_pass_axe(context, pictured_site):
    axe = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
    if not axe.is_file():
        pytest.skip("node_modules/axe-core is missing: run `npm ci` (scripts/setup.sh test does)")
    page = context.new_page()
    page.goto((pictured_site / LECTURE).as_uri())
    page.add_script_tag(path=str(axe))
    check = "axe.run({include: [%s]}, {resultTypes: ['violations']}).then(r => r.violations.map(v => v.id))"
    assert page.evaluate(check % "['a.slide-image']") == []
    page.locator("#slide-s04 a.slide-image").click()
    assert page.evaluate(check % "['dialog.lightbox']") == []
