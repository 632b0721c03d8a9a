"""Slide pictures: the final build page of each slide from a PDF or an image, small, deterministic and cached."""

from __future__ import annotations

import hashlib
import io
import shutil
from pathlib import Path

import pytest
from pdfgen import Slide, build_frames, lecture_deck, write_deck, write_slide_images
from PIL import Image, ImageChops, ImageStat

from lecturekit.errors import Diagnostics
from lecturekit.ingest import IngestOptions
from lecturekit.ingest import pictures as pictures_module
from lecturekit.ingest.pictures import (
    MAX_PIXELS,
    MAX_WIDTH,
    PictureTarget,
    fit,
    picture_targets,
    slide_pictures,
)
from lecturekit.models import Lecture, Method, PageRef, Source, SourceKind
from lecturekit.models import Slide as SlideModel
from lecturekit.pipeline import clean, ingest, load_course


def options(tmp_path: Path, cache: bool = True) -> IngestOptions:
    return IngestOptions(cache=cache, cache_dir=str(tmp_path / "cache"), jobs=2)


def pixels(data: bytes) -> Image.Image:
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "WEBP"
        assert not image.info.get("exif") and not image.info.get("icc_profile") and not image.info.get("xmp")
        return image.convert("RGB")


def difference(a: Image.Image, b: Image.Image) -> float:
    """Mean absolute pixel difference (0..255) of two pictures of one size."""
    return sum(ImageStat.Stat(ImageChops.difference(a, b)).mean) / 3


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    """A lecture deck: a logistics slide, then frames of 3 and 2 builds (labelled like Beamer overlays)."""
    folder = tmp_path / "course"
    folder.mkdir()
    return write_deck(folder / "week1.pdf", lecture_deck(frames=2))


def read(paths: list[Path], opts: IngestOptions) -> tuple[list, list[Lecture]]:
    diag = Diagnostics()
    config, sources = ingest(paths, opts, diag)
    return sources, clean(sources, config, diag)


def test_each_slide_shows_its_final_build_page(tmp_path, deck):
    sources, lectures = read([deck], options(tmp_path))
    slides = lectures[0].slides
    assert [s.title for s in slides] == ["Logistics", "Training a DNN", "Understanding Batch Size"]
    result = slide_pictures(sources, picture_targets(sources, lectures), options(tmp_path))
    assert result.diagnostics == []
    assert [(i.slide, i.page) for i in result.images] == [
        (s.id, p) for s, p in zip(slides, [1, 4, 6], strict=True)
    ]
    # The picture is page 4 (all three bullets shown), not an earlier build page.
    every = [PictureTarget(slide="x", source=deck.name, page=n) for n in (3, 4)]
    earlier, final = slide_pictures(sources, every, options(tmp_path, cache=False)).images
    assert result.images[1].data == final.data != earlier.data
    assert difference(pixels(final.data), pixels(earlier.data)) > 0.1  # the third bullet, drawn


def test_pictures_are_capped_small_webp_named_by_content(tmp_path, deck):
    sources, lectures = read([deck], options(tmp_path))
    images = slide_pictures(sources, picture_targets(sources, lectures), options(tmp_path)).images
    for image in images:
        assert image.digest == hashlib.sha256(image.data).hexdigest()
        assert image.width <= MAX_WIDTH and image.width * image.height <= MAX_PIXELS
        assert abs(image.width / image.height - 363 / 272) < 0.01  # the page's shape is kept
        assert pixels(image.data).size == (image.width, image.height)
        assert len(image.data) < 60_000
    assert "data" not in images[0].model_dump()  # the bytes never reach JSON


def test_same_input_gives_the_same_bytes(tmp_path, deck):
    sources, lectures = read([deck], options(tmp_path))
    targets = picture_targets(sources, lectures)
    first = slide_pictures(sources, targets, options(tmp_path / "a", cache=False)).images
    second = slide_pictures(sources, targets, options(tmp_path / "b", cache=False)).images
    assert [i.data for i in first] == [i.data for i in second]


def test_cached_pictures_are_not_rendered_again(tmp_path, deck, monkeypatch):
    sources, lectures = read([deck], options(tmp_path))
    targets = picture_targets(sources, lectures)
    made = slide_pictures(sources, targets, options(tmp_path)).images

    def no_render(*args, **kwargs):
        raise AssertionError("rendered although cached")

    monkeypatch.setattr(pictures_module, "render_page", no_render)
    again = slide_pictures(sources, targets, options(tmp_path)).images
    assert [i.data for i in again] == [i.data for i in made]
    # Another copy of the same bytes under another path hits the same entries (keyed by content).
    copy = tmp_path / "elsewhere" / deck.name
    copy.parent.mkdir()
    shutil.copy(deck, copy)
    moved = [s.model_copy(update={"path": str(copy)}) for s in sources]
    assert [i.data for i in slide_pictures(moved, targets, options(tmp_path)).images] == [
        i.data for i in made
    ]


def test_picture_of_an_image_source_is_shrunk_to_the_cap(tmp_path):
    folder = tmp_path / "scans"
    folder.mkdir()
    [png] = write_slide_images(folder, [Slide("Backpropagation", ["Chain rule", "Local gradients"])], dpi=400)
    with Image.open(png) as original:
        assert original.width > MAX_WIDTH
        ratio = original.width / original.height
    sources, lectures = read([png], options(tmp_path))
    [image] = slide_pictures(sources, picture_targets(sources, lectures), options(tmp_path)).images
    assert image.width <= MAX_WIDTH and image.width * image.height <= MAX_PIXELS
    assert abs(image.width / image.height - ratio) < 0.01


def test_only_pdf_and_image_pages_are_pictured(tmp_path):
    """A slide merged from a PDF page and a text dump shows the PDF page; a text-only slide has no picture."""
    lecture = Lecture(
        id="w1",
        title="Week 1",
        slides=[
            SlideModel(
                id="w1/a",
                title="A",
                text="A",
                pages=[
                    PageRef(source="deck.pdf", page=2, method=Method.TEXT_LAYER),
                    PageRef(source="deck.pdf", page=3, method=Method.TEXT_LAYER),
                    PageRef(source="dump.txt", page=3, method=Method.TEXT),
                ],
            ),
            SlideModel(
                id="w1/b", title="B", text="B", pages=[PageRef(source="dump.txt", page=4, method=Method.TEXT)]
            ),
        ],
    )
    sources = [
        Source(name="deck.pdf", path="deck.pdf", kind=SourceKind.PDF, sha256="0"),
        Source(name="dump.txt", path="dump.txt", kind=SourceKind.TEXT_DUMP, sha256="1"),
    ]
    assert picture_targets(sources, [lecture]) == [PictureTarget(slide="w1/a", source="deck.pdf", page=3)]


def test_a_bad_page_or_changed_file_is_a_warning_not_a_stop(tmp_path, deck):
    sources, lectures = read([deck], options(tmp_path))
    targets = [*picture_targets(sources, lectures), PictureTarget(slide="x", source=deck.name, page=99)]
    result = slide_pictures(sources, targets, options(tmp_path, cache=False))
    assert len(result.images) == 3
    [warning] = result.diagnostics
    assert warning.location == "p. 99" and "cannot be rendered" in warning.message
    write_deck(deck, [Slide("Other", ["bytes"])])  # the file changes after it was read
    changed = slide_pictures(sources, picture_targets(sources, lectures), options(tmp_path, cache=False))
    assert changed.images == [] and "changed since it was read" in changed.diagnostics[0].message


def test_load_course_with_and_without_images(tmp_path, deck):
    frames = build_frames("Gradient descent", ["Step against the gradient", "Repeat"], label="1")
    write_deck(deck.parent / "week2.pdf", frames)
    (deck.parent / "notes.md").write_text("# Reading\n\nChapter 6 of the book.\n", encoding="utf-8")
    course = load_course([deck.parent], options(tmp_path), run_examples=False)
    pictured = {
        s.id for lec in course.lectures for s in lec.slides if any(p.source.endswith(".pdf") for p in s.pages)
    }
    assert {i.slide for i in course.images} == pictured and len(pictured) == 4
    assert load_course([deck.parent], options(tmp_path), run_examples=False, images=False).images == []


def test_a_transparent_scan_is_shown_on_white():
    scan = Image.new("RGBA", (2400, 1800), (0, 0, 0, 0))
    scan.paste((20, 40, 160, 255), (300, 300, 900, 700))
    shown = fit(scan)
    assert shown.mode == "RGB" and shown.width * shown.height <= MAX_PIXELS
    assert shown.getpixel((5, 5)) == (255, 255, 255)
    assert shown.getpixel((round(600 * shown.width / 2400), round(500 * shown.width / 2400))) == (20, 40, 160)
