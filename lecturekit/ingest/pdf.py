"""PDF reader: text layer with layout (pdfplumber), page labels and OCR renders (pypdfium2), page by page."""

from __future__ import annotations

import contextlib
import hashlib
import io
import zlib
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream, stream_value
from pdfplumber.page import Page as PlumberPage
from pdfplumber.utils.exceptions import PdfminerException
from PIL import Image
from pydantic import Field

from lecturekit.errors import Diagnostics, MissingDependency, SourceError
from lecturekit.ingest.drawn import drawn_items
from lecturekit.ingest.glyphs import FontRepair
from lecturekit.ingest.layout import page_lines
from lecturekit.ingest.ocr import OcrTask, ocr_page, run_ocr
from lecturekit.ingest.options import IngestOptions, OcrMode
from lecturekit.ingest.tesseract import OcrResult
from lecturekit.ingest.titles import assign_titles
from lecturekit.ingest.visibility import Collector, Drawing, FontManager, Glyph, Hidden, read_drawing
from lecturekit.models import Line, Method, Model, Page, Removal, RemovalReason, Source, SourceKind

MIN_USABLE_CHARS = 20  # fewer letters than this on a page mostly covered by pictures → OCR it
SCAN_COVERAGE = 0.5  # fraction of the page area covered by pictures that makes it look scanned
MAX_GARBLED = 0.1  # share of unmapped glyphs ((cid:N), U+FFFD) above which the text layer is unusable


class Removed(Model):
    """Text of the page's text layer that is left out, and why."""

    text: str
    reason: Hidden


class TextLayer(Model):
    """What a page's text layer holds, and the facts that decide whether it can be used."""

    lines: list[Line]
    removed: list[Removed]
    letters: int  # alphanumeric characters
    garbled: int  # glyphs without a Unicode mapping
    picture_coverage: float  # fraction of the page covered by images
    has_graphics: bool  # anything drawn at all (images, vector shapes, text)
    drawn: list[str] = Field(default_factory=list)  # digests of the shapes and images, for telling builds

    def usable(self) -> bool:
        """True when this text is the page's content and OCR would add nothing."""
        if self.garbled > MAX_GARBLED * max(1, self.letters + self.garbled):
            return False
        if self.letters >= MIN_USABLE_CHARS:
            return True
        return self.letters > 0 and self.picture_coverage < SCAN_COVERAGE


def read_pdf(path: Path, options: IngestOptions, diag: Diagnostics) -> Source:
    """Read every page of a PDF: its text layer where usable, OCR where not (decided per page)."""
    data = _read_bytes(path)
    digest = hashlib.sha256(data).hexdigest()
    source = Source(name=path.name, path=str(path), kind=SourceKind.PDF, sha256=digest)
    with _open_pdf(path, data) as (pdf, document):
        pages: dict[int, Page] = {}
        tasks: list[OcrTask] = []
        reader = PageReader()
        for plumber_page in pdf.pages:
            page, task = _read_page(path, plumber_page, document, reader, options, diag)
            if page is not None:
                pages[page.page] = page
            if task is not None:
                tasks.append(task)
        for number, result in _ocr_or_keep_text(path, tasks, len(pages), options, diag).items():
            pages[number] = ocr_page(source.name, number, result, label=pages[number].label)
    source.pages = [pages[number] for number in sorted(pages)]
    assign_titles(source.pages)
    return source


def _ocr_or_keep_text(
    path: Path, tasks: list[OcrTask], page_count: int, options: IngestOptions, diag: Diagnostics
) -> dict[int, OcrResult]:
    """OCR the tasks; without tesseract, a deck that still has text-layer pages keeps them with an error."""
    try:
        return run_ocr(str(path), tasks, options, diag)
    except MissingDependency as exc:
        if len(tasks) == page_count:
            raise  # nothing readable without OCR: the whole file fails with the install hint
        numbers = ", ".join(str(task.page) for task in tasks)
        which = f"pages {numbers} keep only their" if len(tasks) > 1 else f"page {numbers} keeps only its"
        diag.error(path, f"{exc.message}; {which} text layer")
        return {}


def _read_page(
    path: Path,
    plumber_page: PlumberPage,
    document: pdfium.PdfDocument,
    reader: PageReader,
    options: IngestOptions,
    diag: Diagnostics,
) -> tuple[Page | None, OcrTask | None]:
    """One page's text-layer Page and, when it needs OCR, the task that will replace it."""
    index = plumber_page.page_number - 1
    number = plumber_page.page_number
    try:
        layer, key = read_text_layer(plumber_page, reader)
    except Exception as exc:  # noqa: BLE001 — one broken page must not lose the others
        reason = str(exc) or type(exc).__name__
        diag.error(path, f"page cannot be read ({reason}); skipped", location=f"p. {number}")
        return None, None
    finally:
        plumber_page.close()  # drop the parsed layout: long decks would otherwise hold every page
    page = text_page(path.name, number, document.get_page_label(index) or None, layer)
    if _wants_ocr(layer, options.ocr):
        render = partial(render_page, document, index, options.dpi)
        return page, OcrTask(page=number, key=key, render=render, dpi=options.dpi)
    if not layer.usable() and layer.has_graphics:
        diag.warn(
            path,
            f"no usable text layer ({layer.letters} letters) and OCR is off; the page keeps only that text",
            location=f"p. {number}",
        )
    return page, None


def _wants_ocr(layer: TextLayer, mode: OcrMode) -> bool:
    if mode is OcrMode.ALWAYS:
        return True
    return mode is OcrMode.AUTO and layer.has_graphics and not layer.usable()


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}", file=path) from exc


@contextlib.contextmanager
def _open_pdf(path: Path, data: bytes) -> Iterator[tuple[pdfplumber.PDF, pdfium.PdfDocument]]:
    """Open the bytes with pdfplumber (text) and pdfium (labels, renders), or raise one clear SourceError."""
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        count = len(pdf.pages)
    except Exception as exc:  # noqa: BLE001 — pdfminer raises many unrelated types for broken files
        raise _open_error(path, exc) from exc
    if count == 0:
        pdf.close()
        raise SourceError("the PDF has no pages; re-export it", file=path)
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        pdf.close()
        raise SourceError(f"not a readable PDF ({exc}); re-download or re-export it", file=path) from exc
    try:
        yield pdf, document
    finally:
        pdf.close()
        document.close()


def _open_error(path: Path, exc: Exception) -> SourceError:
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
        return SourceError(
            "the PDF is encrypted and needs a password; save an unprotected copy "
            "(e.g. `qpdf --decrypt --password=PW in.pdf out.pdf`)",
            file=path,
        )
    detail = str(cause) or type(cause).__name__
    return SourceError(
        f"not a readable PDF, truncated or corrupt ({detail}); re-download or re-export it", file=path
    )


class DamagedPage(ValueError):
    """A page whose drawing instructions cannot be decoded."""


def check_content_streams(page: PlumberPage) -> None:
    """Raise DamagedPage when a Flate content stream does not inflate (after decryption, if encrypted)."""
    # pdfminer quietly treats such a stream as empty, which would make the page vanish without a word.
    for number, stream in enumerate(content_streams(page), start=1):
        filters = [name for name, _ in stream.get_filters()]
        if filters and filters[0] in LITERALS_FLATE_DECODE and stream.rawdata is not None:
            try:
                zlib.decompressobj().decompress(_plain_bytes(stream))
            except zlib.error as exc:
                raise DamagedPage(f"content stream {number} is damaged: {exc}") from exc


def _plain_bytes(stream: PDFStream) -> bytes:
    """The stream's bytes before its filters, decrypted when the document is encrypted."""
    # An owner-password-only PDF opens with the empty user password, but its streams stay encrypted on
    # disk: inflating them raw would call every page damaged.
    if stream.decipher is None or stream.objid is None or stream.genno is None:
        return stream.rawdata or b""
    return stream.decipher(stream.objid, stream.genno, stream.rawdata or b"", stream.attrs)


def read_text_layer(page: PlumberPage, reader: PageReader) -> tuple[TextLayer, str]:
    """The page's visible text as lines in reading order, what was left out, its usability and fingerprint."""
    check_content_streams(page)
    drawing = reader.read(page.page_obj)
    lines = page_lines(drawing.glyphs, drawing.width, drawing.height)
    text = "".join(glyph.text for glyph in drawing.glyphs)
    area = drawing.width * drawing.height or 1.0
    layer = TextLayer(
        lines=lines,
        removed=_removed(drawing),
        letters=sum(ch.isalnum() for ch in text),
        garbled=sum(
            reason is Hidden.UNREADABLE and _unmapped(glyph.text) for glyph, reason in drawing.hidden
        ),
        picture_coverage=min(1.0, drawing.picture_area / area),
        has_graphics=drawing.has_graphics,
        drawn=drawn_items(
            (stream.get_data() for stream in content_streams(page)),
            (image.get_rawdata() or image.get_data() for image in drawing.images),
        ),
    )
    return layer, _fingerprint(page, drawing, text)


def _unmapped(text: str) -> bool:
    """A glyph with no Unicode at all ((cid:N), U+FFFD): many of them make a text layer unusable."""
    return text.startswith("(cid:") or "\ufffd" in text


class PageReader:
    """One document's fonts, repairs and drawing collector, shared by its pages (fonts load once)."""

    def __init__(self) -> None:
        self.manager = FontManager(FontRepair())
        self.collector = Collector(self.manager)

    def read(self, page: PDFPage) -> Drawing:
        """Interpret PAGE once: its visible glyphs, the hidden ones, its pictures."""
        return read_drawing(page, self.manager, self.collector)


def _removed(drawing: Drawing) -> list[Removed]:
    """The text a viewer does not see, one record per line and reason, in the order of the page."""
    by_reason: dict[Hidden, list[Glyph]] = {}
    for glyph, reason in drawing.hidden:
        by_reason.setdefault(reason, []).append(glyph)
    removed = []
    for reason, glyphs in by_reason.items():
        for line in page_lines(glyphs, drawing.width, drawing.height):
            if line.text.strip():
                removed.append(Removed(text=line.text, reason=reason))
    return removed


def _fingerprint(page: PlumberPage, drawing: Drawing, text: str) -> str:
    """A hash of what the page draws (content streams, images, text, box) that names its pixels unrendered."""
    digest = hashlib.sha256(repr((page.bbox, page.page_obj.rotate)).encode())
    for stream in content_streams(page):
        digest.update(stream.get_data())
    for image in drawing.images:
        digest.update(image.get_rawdata() or image.get_data())
    # Form XObjects keep their drawing outside the page stream; their text and images are covered here.
    digest.update(text.encode())
    return digest.hexdigest()


def content_streams(page: PlumberPage) -> list[PDFStream]:
    """The page's content streams, every indirect reference resolved (a /Contents array may hold references)."""
    streams = []
    for item in page.page_obj.contents:
        try:
            streams.append(stream_value(item))
        except Exception:  # noqa: BLE001 — a reference to nothing is an empty stream, as viewers treat it
            continue
    return streams


def text_page(source: str, number: int, label: str | None, layer: TextLayer) -> Page:
    """A Page from a text layer (title set later from the deck's size bands)."""
    text = "\n".join(line.text for line in layer.lines)
    removed = [
        Removal(
            source=source,
            page=number,
            text=item.text,
            reason=RemovalReason.UNREADABLE if item.reason is Hidden.UNREADABLE else RemovalReason.HIDDEN,
            detail=item.reason.value,
        )
        for item in layer.removed
    ]
    return Page(
        source=source,
        page=number,
        label=label,
        method=Method.TEXT_LAYER,
        text=text,
        lines=layer.lines,
        removed=removed,
        drawn=layer.drawn,
    )


def render_page(
    document: pdfium.PdfDocument, index: int, dpi: int, grayscale: bool = True, max_pixels: int | None = None
) -> Image.Image:
    """The page as a picture at DPI: grayscale as tesseract will see it, or in colour (GRAYSCALE False) for the site.

    A page so large that the bitmap would pass MAX_PIXELS (default: Limits, $LECTUREKIT_MAX_PAGE_PIXELS) is
    rendered at the dpi that fits, decided from its size before any bitmap is made; the image says which dpi.
    """
    from lecturekit.ingest.limits import Limits, render_scale
    from lecturekit.ingest.tesseract import RENDER_DPI

    page = document[index]
    try:
        width, height = page.get_size()
        scale = render_scale(width, height, dpi, max_pixels or Limits.from_env().max_page_pixels)
        image = page.render(scale=scale, grayscale=grayscale).to_pil()
        image.info[RENDER_DPI] = max(1, round(scale * 72))
        return image
    finally:
        page.close()
