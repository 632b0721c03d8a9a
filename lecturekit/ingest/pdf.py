"""PDF reader: text layer with layout (pdfplumber), page labels and OCR renders (pypdfium2), page by page."""

from __future__ import annotations

import contextlib
import hashlib
import io
import zlib
from collections import Counter
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream
from pdfplumber.page import Page as PlumberPage
from pdfplumber.utils.exceptions import PdfminerException
from PIL import Image

from lecturekit.errors import Diagnostics, MissingDependency, SourceError
from lecturekit.ingest import IngestOptions, OcrMode
from lecturekit.ingest.ocr import OcrTask, ocr_page, run_ocr
from lecturekit.ingest.tesseract import OcrResult
from lecturekit.ingest.titles import assign_titles
from lecturekit.models import Line, Method, Model, Page, Source, SourceKind

WORD_GAP_RATIO = 0.15  # a gap wider than 15 % of the font size splits words (pdfTeX writes no spaces)
LINE_OVERLAP = 0.5  # words whose boxes overlap vertically by half their height share a line
DEDUPE_TOLERANCE = 1.0  # points: a glyph repeated closer than this is an overprinted "bold" copy
MIN_USABLE_CHARS = 20  # fewer letters than this on a page mostly covered by pictures → OCR it
SCAN_COVERAGE = 0.5  # fraction of the page area covered by pictures that makes it look scanned
MAX_GARBLED = 0.1  # share of unmapped glyphs ((cid:N), U+FFFD) above which the text layer is unusable
BOLD_MARKERS = ("bold", "black", "heavy", "semibold", "demi", "cmbx", "cmssbx")


class TextLayer(Model):
    """What a page's text layer holds, and the facts that decide whether it can be used."""

    lines: list[Line]
    letters: int  # alphanumeric characters
    garbled: int  # glyphs without a Unicode mapping
    picture_coverage: float  # fraction of the page covered by images
    has_graphics: bool  # anything drawn at all (images, vector shapes, text)

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
        for index, plumber_page in enumerate(pdf.pages):
            page, task = _read_page(path, plumber_page, document, options, diag)
            if page is not None:
                pages[page.page] = page
            if task is not None:
                tasks.append(task)
        for number, result in _ocr_or_keep_text(path, tasks, len(pages), options, diag).items():
            pages[number] = ocr_page(source.name, number, result, label=pages[number].label)
    source.pages = [pages[number] for number in sorted(pages)]
    assign_titles(source.pages)
    return source


def _ocr_or_keep_text(path: Path, tasks: list[OcrTask], page_count: int, options: IngestOptions,
                      diag: Diagnostics) -> dict[int, OcrResult]:
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


def _read_page(path: Path, plumber_page: PlumberPage, document: pdfium.PdfDocument, options: IngestOptions,
               diag: Diagnostics) -> tuple[Page | None, OcrTask | None]:
    """One page's text-layer Page and, when it needs OCR, the task that will replace it."""
    index = plumber_page.page_number - 1
    number = plumber_page.page_number
    try:
        layer = read_text_layer(plumber_page)
        key = page_fingerprint(plumber_page)
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
        diag.warn(path, f"no usable text layer ({layer.letters} letters) and OCR is off; "
                  "the page keeps only that text", location=f"p. {number}")
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
        return SourceError("the PDF is encrypted and needs a password; save an unprotected copy "
                           "(e.g. `qpdf --decrypt --password=PW in.pdf out.pdf`)", file=path)
    detail = str(cause) or type(cause).__name__
    return SourceError(f"not a readable PDF, truncated or corrupt ({detail}); re-download or re-export it",
                       file=path)


class DamagedPage(ValueError):
    """A page whose drawing instructions cannot be decoded."""


def check_content_streams(page: PlumberPage) -> None:
    """Raise DamagedPage when a Flate content stream does not inflate (after decryption, if encrypted)."""
    # pdfminer quietly treats such a stream as empty, which would make the page vanish without a word.
    for number, stream in enumerate(page.page_obj.contents, start=1):
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


def read_text_layer(page: PlumberPage) -> TextLayer:
    """The page's text as lines (overprinted glyphs removed, words split by geometry) and its usability."""
    check_content_streams(page)
    deduped = page.dedupe_chars(tolerance=DEDUPE_TOLERANCE)
    kept = {id(char) for char in deduped.chars}
    overprinted = [char for char in page.chars if id(char) not in kept]
    words = deduped.extract_words(x_tolerance_ratio=WORD_GAP_RATIO, return_chars=True)
    lines = [_line(group, page, overprinted) for group in group_lines(words)]
    text = "".join(char["text"] for char in deduped.chars)
    garbled = text.count("(cid:") + text.count("\ufffd")
    area = float(page.width * page.height) or 1.0
    pictures = sum(_visible_area(image, page) for image in page.images)
    return TextLayer(
        lines=lines,
        letters=sum(ch.isalnum() for ch in text),
        garbled=garbled,
        picture_coverage=min(1.0, pictures / area),
        has_graphics=bool(page.chars or page.images or page.curves or page.rects or page.lines),
    )


def group_lines(words: list[dict]) -> list[list[dict]]:
    """Words in reading order grouped into lines by vertical overlap, each line sorted left to right."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"], 1), w["x0"])):
        if lines and _same_line(lines[-1], word):
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _same_line(line: list[dict], word: dict) -> bool:
    top = min(w["top"] for w in line)
    bottom = max(w["bottom"] for w in line)
    overlap = min(bottom, word["bottom"]) - max(top, word["top"])
    return overlap >= LINE_OVERLAP * min(bottom - top, word["bottom"] - word["top"])


def _line(words: list[dict], page: PlumberPage, overprinted: list[dict]) -> Line:
    chars = [char for word in words for char in word["chars"]]
    sizes = Counter(round(float(char["size"]), 1) for char in chars)
    bold_chars = sum(any(m in str(char.get("fontname", "")).lower() for m in BOLD_MARKERS) for char in chars)
    top = min(w["top"] for w in words)
    bottom = max(w["bottom"] for w in words)
    doubled = any(top - 1 <= char["top"] <= bottom for char in overprinted)
    return Line(
        text=" ".join(w["text"] for w in words),
        size=sizes.most_common(1)[0][0] if sizes else None,
        top=round((top - page.bbox[1]) / float(page.height), 4),
        x0=round((words[0]["x0"] - page.bbox[0]) / float(page.width), 4),
        bold=doubled or bold_chars * 2 >= len(chars),
    )


def _visible_area(image: dict, page: PlumberPage) -> float:
    x0, top, x1, bottom = page.bbox
    width = max(0.0, min(float(image["x1"]), x1) - max(float(image["x0"]), x0))
    height = max(0.0, min(float(image["bottom"]), bottom) - max(float(image["top"]), top))
    return width * height


def text_page(source: str, number: int, label: str | None, layer: TextLayer) -> Page:
    """A Page from a text layer (title set later from the deck's size bands)."""
    text = "\n".join(line.text for line in layer.lines)
    return Page(source=source, page=number, label=label, method=Method.TEXT_LAYER, text=text,
                lines=layer.lines)


def page_fingerprint(page: PlumberPage) -> str:
    """A hash of what the page draws (content streams, images, text, box) that names its pixels unrendered."""
    digest = hashlib.sha256(repr((page.bbox, page.page_obj.rotate)).encode())
    for stream in page.page_obj.contents:
        digest.update(stream.get_data())
    for image in page.images:
        digest.update(image["stream"].get_rawdata() or image["stream"].get_data())
    # Form XObjects keep their drawing outside the page stream; their text and images are covered here.
    digest.update("".join(char["text"] for char in page.chars).encode())
    return digest.hexdigest()


def render_page(document: pdfium.PdfDocument, index: int, dpi: int) -> Image.Image:
    """The page as a grayscale picture at DPI, as tesseract will see it."""
    page = document[index]
    try:
        return page.render(scale=dpi / 72.0, grayscale=True).to_pil()
    finally:
        page.close()
