"""Real bad inputs for the ingest tests: each one a file a user could really hand to lecturekit."""

from __future__ import annotations

import gzip
import os
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pdfgen import (
    Slide,
    lecture_deck,
    render_slide_png,
    write_deck,
    write_encrypted,
    write_truncated,
    write_zero_pages,
)
from PIL import Image


def _deck(folder: Path) -> Path:
    return write_deck(folder / "_good_deck.pdf", lecture_deck(frames=1))


def empty_file(folder: Path) -> Path:
    path = folder / "lecture-05.txt"
    path.write_bytes(b"")
    return path


def truncated_pdf(folder: Path) -> Path:
    return write_truncated(folder / "cut-short.pdf", _deck(folder), keep=0.4)


def corrupt_pdf(folder: Path) -> Path:
    path = folder / "corrupt.pdf"
    noise = random.Random(7).randbytes(4000)
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + noise)
    return path


def encrypted_pdf(folder: Path) -> Path:
    return write_encrypted(folder / "locked.pdf", _deck(folder))


def zero_page_pdf(folder: Path) -> Path:
    return write_zero_pages(folder / "no-pages.pdf")


def bomb_png(folder: Path) -> Path:
    """A 16000 x 12000 PNG (192 Mpx, over twice Pillow's limit) that is only ~50 kB on disk."""
    path = folder / "poster.png"
    Image.new("1", (16000, 12000), 1).save(path)
    return path


def binary_named_txt(folder: Path) -> Path:
    """A gzip-compressed export saved with a .txt name."""
    path = folder / "notes.txt"
    path.write_bytes(gzip.compress(b"Gradient descent\n\nstep downhill\n" * 20, mtime=0))
    return path


def zip_archive(folder: Path) -> Path:
    path = folder / "slides.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("lecture1.txt", "Gradient descent\n")
    return path


def pptx_file(folder: Path) -> Path:
    path = folder / "deck.pptx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/presentation.xml", "<p:presentation/>")
    return path


def broken_link(folder: Path) -> Path:
    path = folder / "week3.pdf"
    path.symlink_to(folder / "moved-away.pdf")
    return path


def fifo(folder: Path) -> Path:
    """A named pipe with no writer: opening it for reading would block forever."""
    path = folder / "stream.txt"
    os.mkfifo(path)
    return path


def scanned_png(folder: Path) -> Path:
    """A slide picture with no text layer: it needs tesseract."""
    path = folder / "scan.png"
    render_slide_png(Slide("Gradient Descent", ["Step against the gradient"]), 1, 1, dpi=100).save(path)
    return path


def latin1_text(folder: Path) -> Path:
    path = folder / "cafe-notes.txt"
    path.write_bytes(
        "Caf\u00e9 discussion\n\nWe met at the caf\u00e9 to review back-propagation.\n".encode("latin-1")
    )
    return path


@dataclass(frozen=True)
class BadCase:
    """One bad input: how to make it, what its one error line says, and the exit code when alone."""

    make: Callable[[Path], Path]
    says: str
    exit_code: int


BAD_CASES: dict[str, BadCase] = {
    "empty": BadCase(empty_file, "empty file (0 bytes)", 1),
    "truncated-pdf": BadCase(truncated_pdf, "truncated or corrupt", 1),
    "corrupt-pdf": BadCase(corrupt_pdf, "not a readable PDF", 1),
    "encrypted-pdf": BadCase(encrypted_pdf, "encrypted and needs a password", 1),
    "zero-page-pdf": BadCase(zero_page_pdf, "has no pages", 1),
    "decompression-bomb": BadCase(bomb_png, "too large to open safely", 1),
    "binary-named-txt": BadCase(binary_named_txt, "binary data in a text file", 1),
    "zip": BadCase(zip_archive, "a ZIP archive of 1 file(s), not a lecture source", 1),
    "pptx": BadCase(pptx_file, "a PowerPoint file (.pptx)", 1),
    "broken-link": BadCase(broken_link, "broken link", 1),
    "fifo": BadCase(fifo, "not a regular file", 1),
}


def good_notes(folder: Path) -> Path:
    """A small, valid presenter-notes file to give alongside a bad one."""
    path = folder / "good-notes.txt"
    path.write_text(
        "Introduction\n\n- Why we train with SGD\n\nSummary\n\nMini-batches trade noise for speed.\n",
        encoding="utf-8",
    )
    return path
