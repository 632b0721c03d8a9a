"""OCR of page images (cached by content, tesseract in parallel) and the reader for PNG/JPG/TIFF files."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import sys
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import click
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from lecturekit.cache import Cache, content_key
from lecturekit.errors import Diagnostics, MissingDependency, SourceError
from lecturekit.ingest import tesseract
from lecturekit.ingest.limits import Limits
from lecturekit.ingest.options import IngestOptions, OcrMode
from lecturekit.ingest.tesseract import OcrFailed, OcrResult
from lecturekit.ingest.titles import assign_titles
from lecturekit.models import Method, Page, Source, SourceKind

LAYOUT_VERSION = "1"  # bump when the way lines are rebuilt from tesseract output changes
LOW_CONFIDENCE = 60.0  # below this mean word confidence the text is mostly guesswork
MIN_OCR_WIDTH = 1600  # smaller pictures are upscaled: tesseract wants glyphs 20+ px tall


@dataclass(frozen=True)
class OcrTask:
    """One page to OCR: its number, a key naming its pixels without rendering them, and how to render."""

    page: int
    key: str
    render: Callable[[], Image.Image]
    dpi: int | None = None


def available_cores() -> int:
    """The cores this process may run on (respects CPU affinity, unlike os.cpu_count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def ocr_cache(options: IngestOptions) -> Cache:
    """The OCR namespace of lecturekit's content cache, as the options configure it."""
    root = Path(options.cache_dir) if options.cache_dir else None
    return Cache("ocr", root=root, enabled=options.cache)


def run_ocr(
    file: str, tasks: list[OcrTask], options: IngestOptions, diag: Diagnostics
) -> dict[int, OcrResult]:
    """OCR every task (cache first, then tesseract in parallel); a failed page becomes a diagnostic."""
    if not tasks:
        return {}
    try:
        return _run_ocr(file, tasks, options, diag)
    except MissingDependency as exc:
        if exc.file is not None:
            raise
        raise MissingDependency(exc.message, file=file) from exc


def _run_ocr(
    file: str, tasks: list[OcrTask], options: IngestOptions, diag: Diagnostics
) -> dict[int, OcrResult]:
    version = tesseract.tesseract_version()  # MissingDependency here, only when OCR is really needed
    cache = ocr_cache(options)
    # The pixel cap is in the key: it decides the dpi a huge page is rendered at.
    settings = (
        options.lang,
        version,
        str(tesseract.PSM),
        LAYOUT_VERSION,
        str(Limits.from_env().max_page_pixels),
    )
    keys = {task.page: content_key(task.key, str(task.dpi), *settings) for task in tasks}
    results: dict[int, OcrResult] = {}
    misses = []
    for task in tasks:
        cached = _cached_result(cache, keys[task.page])
        if cached is not None:
            results[task.page] = cached
        else:
            misses.append(task)
    with _progress(file, len(misses), options.progress) as advance:
        for page, outcome in _ocr_in_parallel(misses, options):
            advance()
            if isinstance(outcome, OcrFailed):
                diag.error(file, f"{outcome.message}; the page is left without text", location=f"p. {page}")
                continue
            results[page] = outcome
            cache.put(keys[page], outcome.model_dump(mode="json"))
    report_weak_pages(file, results, diag)
    return results


def _cached_result(cache: Cache, key: str) -> OcrResult | None:
    """The cached OCR of a page, or None when absent or not in the shape this version writes."""
    return cache.get_valid(key, OcrResult)  # an entry damaged on disk is a miss: OCR'd again and overwritten


def report_weak_pages(file: str, results: dict[int, OcrResult], diag: Diagnostics) -> None:
    """Warn about OCR pages with no text or a low mean confidence, so nobody trusts them blindly."""
    for page, result in sorted(results.items()):
        if not result.lines:
            diag.warn(file, "OCR found no text on this page", location=f"p. {page}")
        elif result.confidence is not None and result.confidence < LOW_CONFIDENCE:
            diag.warn(
                file,
                f"OCR confidence is only {result.confidence:.0f}/100; check this page's text",
                location=f"p. {page}",
            )


def _ocr_in_parallel(
    tasks: list[OcrTask], options: IngestOptions
) -> Iterator[tuple[int, OcrResult | OcrFailed]]:
    """Render in this thread (pdfium is not thread-safe) while worker threads each run one tesseract."""
    if not tasks:
        return
    tesseract.single_threaded_env()
    workers = max(1, min(options.jobs or available_cores(), len(tasks)))
    pending: dict[Future, int] = {}
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ocr")
    try:
        for task in tasks:
            # Keep at most two images per worker in memory: a 300 dpi page is several megabytes.
            while len(pending) >= 2 * workers:
                yield from _collect(pending, FIRST_COMPLETED)
            try:
                image = task.render()
            except Exception as exc:  # noqa: BLE001 — pdfium/Pillow failures on one page only
                yield task.page, OcrFailed(f"page cannot be rendered for OCR ({exc or type(exc).__name__})")
                continue
            future = pool.submit(tesseract.ocr_image, image, options.lang, task.dpi, options.page_timeout)
            pending[future] = task.page
        while pending:
            yield from _collect(pending, FIRST_COMPLETED)
    finally:
        # On Ctrl-C or an error, queued pages must not start new tesseract runs after we have given up.
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(pending: dict[Future, int], when: str) -> Iterator[tuple[int, OcrResult | OcrFailed]]:
    done, _ = wait(list(pending), return_when=when)
    for future in sorted(done, key=lambda f: pending[f]):
        page = pending.pop(future)
        try:
            yield page, future.result()
        except OcrFailed as exc:
            yield page, exc


@contextlib.contextmanager
def _progress(file: str, total: int, enabled: bool) -> Iterator[Callable[[], None]]:
    """A click progress bar on stderr over the pages being OCR'd, or nothing."""
    if not enabled or total == 0:
        yield lambda: None
        return
    with click.progressbar(length=total, label=f"OCR {file}", file=sys.stderr) as bar:
        yield lambda: bar.update(1)


def ocr_page(source: str, page: int, result: OcrResult, label: str | None = None) -> Page:
    """A Page built from one OCR result (title is set later from the deck's size bands)."""
    text = "\n".join(line.text for line in result.lines)
    return Page(
        source=source,
        page=page,
        label=label,
        method=Method.OCR,
        text=text,
        lines=result.lines,
        confidence=result.confidence,
    )


def unread_page(source: str, page: int) -> Page:
    """The place of a page whose OCR failed (already reported), kept so numbering stays true."""
    return Page(source=source, page=page, method=Method.OCR, text="")


def on_white(frame: Image.Image) -> Image.Image:
    """FRAME with its transparency flattened onto white, as a viewer shows it."""
    if frame.mode not in ("RGBA", "LA", "P", "PA"):
        return frame
    rgba = frame.convert("RGBA")
    flat = Image.new("RGBA", rgba.size, "white")
    flat.alpha_composite(rgba)
    return flat


def prepare_image(frame: Image.Image) -> Image.Image:
    """Grayscale on white (transparency flattened), upscaled when too small for tesseract."""
    frame = on_white(frame)
    gray = frame.convert("L")
    if gray.width < MIN_OCR_WIDTH:
        factor = MIN_OCR_WIDTH / gray.width
        gray = gray.resize((MIN_OCR_WIDTH, round(gray.height * factor)), Image.Resampling.LANCZOS)
    return gray


def load_frames(path: Path, data: bytes) -> list[Image.Image]:
    """Every frame of an image file (a multi-page TIFF has several), or one clear SourceError."""
    with warnings.catch_warnings():
        # Pillow only warns between its limit and twice the limit; a huge image is an error either way.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as image:
                frames = [ImageOps.exif_transpose(frame.copy()) for frame in ImageSequence.Iterator(image)]
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            message = f"image is too large to open safely ({exc}); scale it down first"
            raise SourceError(message, file=path) from exc
        except UnidentifiedImageError as exc:
            message = "not an image format Pillow can read (PNG, JPEG, TIFF, ...)"
            raise SourceError(message, file=path) from exc
        except (OSError, ValueError, SyntaxError) as exc:
            raise SourceError(f"image is truncated or corrupt ({exc})", file=path) from exc
    return frames


def read_image(path: Path, options: IngestOptions, diag: Diagnostics) -> Source:
    """OCR a PNG/JPG/TIFF (each frame a page) into a Source with word confidences."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}", file=path) from exc
    frames = load_frames(path, data)
    digest = hashlib.sha256(data).hexdigest()
    source = Source(name=path.name, path=str(path), kind=SourceKind.IMAGE, sha256=digest)
    if options.ocr is OcrMode.NEVER:
        diag.warn(path, "an image has no text without OCR and OCR is off; its pages are left empty")
        source.pages = [unread_page(path.name, n + 1) for n in range(len(frames))]
        return source
    tasks = [
        OcrTask(page=n + 1, key=_pixels_key(frame), render=partial(prepare_image, frame))
        for n, frame in enumerate(frames)
    ]
    results = run_ocr(str(path), tasks, options, diag)
    source.pages = [
        ocr_page(path.name, n, results[n]) if n in results else unread_page(path.name, n)
        for n in range(1, len(frames) + 1)
    ]
    assign_titles(source.pages)
    return source


def _pixels_key(frame: Image.Image) -> str:
    pixels = hashlib.sha256(frame.tobytes()).hexdigest()
    return content_key(frame.mode, f"{frame.width}x{frame.height}", pixels)
