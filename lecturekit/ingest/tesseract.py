"""The one wrapper around the tesseract program: version, OCR of one image into lines with confidences."""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
from pathlib import Path

import pytesseract
from PIL import Image

from lecturekit.errors import LecturekitError, MissingDependency
from lecturekit.models import Line, Model

PSM = 3  # fully automatic page segmentation: slides mix titles, bullets and footers
INSTALL_HINT = "install it with `apt-get install tesseract-ocr` (or your system's tesseract package)"
WORD_LEVEL = 5
LINE_LEVEL = 4
RENDER_DPI = "lecturekit-dpi"  # key in a rendered image's info: the dpi it was really rendered at
# pytesseract raises RuntimeError("Tesseract process timeout") and nothing else like it.
TIMEOUT_MESSAGE = "timeout"


class OcrFailed(LecturekitError):
    """Tesseract ran but could not OCR one page (timeout or a tesseract error)."""


class OcrResult(Model):
    """What tesseract read on one image: lines in reading order and the mean word confidence."""

    lines: list[Line]
    confidence: float | None
    width: int
    height: int


def tesseract_command() -> str:
    """The tesseract executable pytesseract will run, or MissingDependency when it is not installed."""
    command = pytesseract.pytesseract.tesseract_cmd
    found = shutil.which(command)
    if not found:
        raise MissingDependency(
            f"tesseract is needed to OCR this file but `{command}` was not found; {INSTALL_HINT}"
        )
    return found


@functools.lru_cache(maxsize=4)
def _version_of(executable: str) -> str:
    return str(pytesseract.get_tesseract_version())


def tesseract_version() -> str:
    """The installed tesseract's version string (part of every OCR cache key)."""
    executable = tesseract_command()
    try:
        return _version_of(executable)
    except (pytesseract.TesseractNotFoundError, OSError) as exc:
        raise MissingDependency(f"tesseract at {executable} cannot run ({exc}); {INSTALL_HINT}") from exc


def single_threaded_env() -> None:
    """Make every tesseract pytesseract spawns single-threaded: we run pages in parallel instead."""
    # OpenMP threads inside each tesseract would only fight the page-level workers for the same cores.
    # pytesseract passes its module-level `environ` to the child and takes no env argument; giving it
    # its own copy keeps the limit away from everything else this process runs.
    pytesseract.pytesseract.environ = {**os.environ, "OMP_THREAD_LIMIT": "1"}


def ocr_image(image: Image.Image, lang: str, dpi: int | None, timeout: float) -> OcrResult:
    """OCR one grayscale image with tesseract's TSV output and rebuild its lines (DPI: unless the render says)."""
    dpi = image.info.get(RENDER_DPI, dpi)  # a huge page is rendered below the dpi asked for
    config = f"--psm {PSM}" + (f" --dpi {dpi}" if dpi else "")
    with tempfile.TemporaryDirectory(prefix="lecturekit-ocr-") as folder:
        # A fast PNG (level 1) instead of pytesseract's default: the encode is pure overhead here.
        png = Path(folder) / "page.png"
        image.save(png, compress_level=1)
        try:
            data = pytesseract.image_to_data(
                str(png), lang=lang, config=config, timeout=timeout, output_type=pytesseract.Output.DICT
            )
        except pytesseract.TesseractNotFoundError as exc:
            raise MissingDependency(f"tesseract is needed to OCR this file; {INSTALL_HINT}") from exc
        except pytesseract.TesseractError as exc:  # a RuntimeError too: it must be caught first
            message = " ".join(str(exc.message).split())[:200]
            raise OcrFailed(f"tesseract failed (status {exc.status}): {message}") from exc
        except RuntimeError as exc:
            if TIMEOUT_MESSAGE not in str(exc):
                raise
            # pytesseract's timeout, after it has killed the process.
            raise OcrFailed(f"OCR took longer than {timeout:g} s and was stopped") from exc
    return lines_from_data(data, image.width, image.height)


def lines_from_data(data: dict[str, list], width: int, height: int) -> OcrResult:
    """Group tesseract's words by block/paragraph/line number into Lines with box and confidence."""
    boxes: dict[tuple[int, int, int], tuple[int, int, int]] = {}
    words: dict[tuple[int, int, int], list[tuple[str, float]]] = {}
    for i, level in enumerate(data["level"]):
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        if level == LINE_LEVEL:
            boxes[key] = (data["top"][i], data["left"][i], data["height"][i])
        elif level == WORD_LEVEL and str(data["text"][i]).strip():
            words.setdefault(key, []).append((str(data["text"][i]).strip(), float(data["conf"][i])))
    lines = [_line(boxes.get(key, (0, 0, 0)), found, width, height) for key, found in words.items()]
    confidences = [conf for found in words.values() for _, conf in found if conf >= 0]
    mean = round(sum(confidences) / len(confidences), 2) if confidences else None
    return OcrResult(lines=lines, confidence=mean, width=width, height=height)


def _line(box: tuple[int, int, int], words: list[tuple[str, float]], width: int, height: int) -> Line:
    top, left, line_height = box
    confidences = [conf for _, conf in words if conf >= 0]
    return Line(
        text=" ".join(text for text, _ in words),
        size=float(line_height),
        top=round(top / height, 4) if height else None,
        x0=round(left / width, 4) if width else None,
        confidence=round(sum(confidences) / len(confidences), 2) if confidences else None,
    )
