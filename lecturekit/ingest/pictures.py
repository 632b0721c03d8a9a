"""Pictures of slides: the final build page of every slide from a PDF or an image, as a small WebP, cached by content."""

from __future__ import annotations

import base64
import hashlib
import io
import math
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from lecturekit.cache import Cache, content_key
from lecturekit.errors import Diagnostics, LecturekitError
from lecturekit.ingest.ocr import available_cores, load_frames, on_white
from lecturekit.ingest.options import IngestOptions
from lecturekit.ingest.pdf import render_page
from lecturekit.models import Diagnostic, ImageFormat, Lecture, Model, PageRef, SlideImage, Source, SourceKind

# Measured on 29 real decks (bench/bench_images.py): WebP at quality 80 keeps small text sharp (PSNR 40 dB) at
# 48 kB a slide; JPEG q80 of the same pages is 1.65x the size. A 64-colour PNG averages 38 kB but bands photos
# and gradients, is no smaller on photo-heavy decks and encodes 3x slower.
MAX_WIDTH = 1280  # px: a 16:9 slide fills a 1280-px screen when enlarged
MAX_PIXELS = 1280 * 720  # a 4:3 slide gets the same area (1108 x 831), not a larger picture
QUALITY = 80
EFFORT = 2  # libwebp's method: 4 saves 4 % of the bytes at twice the encoding time
PICTURE_VERSION = "1"  # bump when rendering or encoding changes (the cache then misses)
SETTINGS = (
    PICTURE_VERSION,
    ImageFormat.WEBP.value,
    str(MAX_WIDTH),
    str(MAX_PIXELS),
    str(QUALITY),
    str(EFFORT),
)
PICTURED = (SourceKind.PDF, SourceKind.IMAGE)


class PictureTarget(Model):
    """A slide and the source page that shows it as the audience last saw it."""

    slide: str
    source: str
    page: int


class CachedPicture(Model):
    """The cache entry of one picture (the cache stores JSON, so the bytes are base64)."""

    width: int
    height: int
    data: str


class Pictures(Model):
    """What the picture step made: the slide images, and the problems it met (reported by the caller)."""

    images: list[SlideImage]
    diagnostics: list[Diagnostic]

    def report(self, diag: Diagnostics) -> list[SlideImage]:
        """The images, once the problems met are added to DIAG (by the caller's thread: messages keep their order)."""
        diag.extend(self.diagnostics)
        return self.images


class Picture(Model):
    """One encoded picture of a page."""

    width: int
    height: int
    data: bytes


def picture_targets(sources: list[Source], lectures: list[Lecture]) -> list[PictureTarget]:
    """Each slide's last page from a PDF or an image (its final build), in lecture and slide order."""
    pictured = {source.name for source in sources if source.kind in PICTURED}
    targets = []
    for lecture in lectures:
        for slide in lecture.slides:
            pages = [ref for ref in slide.pages if ref.source in pictured]
            if pages:
                last: PageRef = pages[-1]
                targets.append(PictureTarget(slide=slide.id, source=last.source, page=last.page))
    return targets


def slide_pictures(sources: list[Source], targets: list[PictureTarget], options: IngestOptions) -> Pictures:
    """A picture for every target: from the cache, else rendered (pages in parallel); a failed page is a warning."""
    diag = Diagnostics()
    by_name = {source.name: source for source in sources}
    cache = Cache("pictures", Path(options.cache_dir) if options.cache_dir else None, enabled=options.cache)
    found: dict[tuple[str, int], Picture] = {}
    missing: dict[str, list[int]] = {}
    for place in dict.fromkeys((t.source, t.page) for t in targets):
        cached = cache.get_valid(_key(by_name[place[0]], place[1]), CachedPicture)
        if cached is not None:
            found[place] = Picture(
                width=cached.width, height=cached.height, data=base64.b64decode(cached.data)
            )
        else:
            missing.setdefault(place[0], []).append(place[1])
    for name, pages in missing.items():
        for page, picture in _render_source(by_name[name], pages, options, diag):
            found[(name, page)] = picture
            entry = CachedPicture(
                width=picture.width, height=picture.height, data=base64.b64encode(picture.data).decode()
            )
            cache.put(_key(by_name[name], page), entry.model_dump(mode="json"))
    images = [_slide_image(t, found[(t.source, t.page)]) for t in targets if (t.source, t.page) in found]
    return Pictures(images=images, diagnostics=diag.items)


def _key(source: Source, page: int) -> str:
    return content_key("picture", source.sha256, str(page), *SETTINGS)


def _slide_image(target: PictureTarget, picture: Picture) -> SlideImage:
    return SlideImage(
        slide=target.slide,
        source=target.source,
        page=target.page,
        digest=hashlib.sha256(picture.data).hexdigest(),
        width=picture.width,
        height=picture.height,
        data=picture.data,
    )


def _render_source(
    source: Source, pages: list[int], options: IngestOptions, diag: Diagnostics
) -> Iterator[tuple[int, Picture]]:
    """Render PAGES of SOURCE in this thread and encode them in worker threads; a bad source or page is a warning."""
    try:
        renders = _page_renders(source, pages)
    except (OSError, LecturekitError, pdfium.PdfiumError) as exc:
        diag.warn(source.path, f"no page pictures: {getattr(exc, 'message', None) or exc}")
        return
    workers = max(1, min(options.jobs or available_cores(), len(pages)))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="picture") as pool:
        pending: list[tuple[int, Future[Picture]]] = []
        for page, render in renders:
            try:
                image = render()
            except Exception as exc:  # noqa: BLE001 — pdfium/Pillow failures cost this page only
                diag.warn(
                    source.path,
                    f"page cannot be rendered for its picture ({exc or type(exc).__name__})",
                    location=f"p. {page}",
                )
                continue
            pending.append((page, pool.submit(encode, image)))
            # Renders wait in memory for an encoder: keep at most two per worker.
            while len(pending) > 2 * workers:
                yield from _encoded(source, *pending.pop(0), diag)
        for page, future in pending:
            yield from _encoded(source, page, future, diag)


def _encoded(
    source: Source, page: int, future: Future[Picture], diag: Diagnostics
) -> Iterator[tuple[int, Picture]]:
    try:
        yield page, future.result()
    except Exception as exc:  # noqa: BLE001 — an encoder failure costs this page only
        diag.warn(
            source.path,
            f"page picture cannot be encoded ({exc or type(exc).__name__})",
            location=f"p. {page}",
        )


def _page_renders(source: Source, pages: list[int]) -> Iterator[tuple[int, Callable[[], Image.Image]]]:
    """How to draw each page of SOURCE, opened once (pdfium is not thread-safe: renders stay in one thread)."""
    data = Path(source.path).read_bytes()
    if hashlib.sha256(data).hexdigest() != source.sha256:
        raise OSError("the file changed since it was read")
    if source.kind is SourceKind.IMAGE:
        frames = load_frames(Path(source.path), data)
        return iter(
            [(page, lambda frame=frames[page - 1]: fit(frame)) for page in pages if page <= len(frames)]
        )
    document = pdfium.PdfDocument(data)
    return iter([(page, lambda index=page - 1: render_pdf_page(document, index)) for page in pages])


def render_pdf_page(document: pdfium.PdfDocument, index: int) -> Image.Image:
    """Page INDEX in colour at the picture size: MAX_WIDTH wide at most, and at most MAX_PIXELS."""
    width, _ = document.get_page_size(index)
    dpi = max(1, math.floor(72 * MAX_WIDTH / width))
    return render_page(document, index, dpi, grayscale=False, max_pixels=MAX_PIXELS)


def _scale(width: float, height: float) -> float:
    """The factor that brings a WIDTH x HEIGHT page to at most MAX_WIDTH wide and MAX_PIXELS in area."""
    return min(MAX_WIDTH / width, math.sqrt(MAX_PIXELS / (width * height)))


def fit(frame: Image.Image) -> Image.Image:
    """An image file's frame on white (transparency flattened), shrunk to the pixel cap (never enlarged)."""
    frame = on_white(frame)
    scale = min(1.0, _scale(frame.width, frame.height))
    size = (max(1, round(frame.width * scale)), max(1, round(frame.height * scale)))
    return (
        frame.convert("RGB").resize(size, Image.Resampling.LANCZOS) if scale < 1.0 else frame.convert("RGB")
    )


def encode(image: Image.Image) -> Picture:
    """IMAGE as WebP with fixed settings and no metadata: the same pixels always give the same bytes."""
    rgb = image.convert("RGB")
    buffer = io.BytesIO()
    rgb.save(buffer, "WEBP", quality=QUALITY, method=EFFORT)
    return Picture(width=rgb.width, height=rgb.height, data=buffer.getvalue())
