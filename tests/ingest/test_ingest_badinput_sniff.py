"""Content sniffing: real files of each format are recognised by their bytes, whatever their names."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pdfgen import lecture_deck, write_deck
from PIL import Image

from lecturekit.errors import Diagnostics, SourceError
from lecturekit.ingest.sniff import SourceFormat, decode_text, sniff


def image_bytes(fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(buffer, format=fmt)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("fmt", "detail"),
    [("PNG", "png"), ("JPEG", "jpeg"), ("TIFF", "tiff"), ("GIF", "gif"), ("WEBP", "webp"), ("BMP", "bmp")],
)
def test_images_are_recognised_by_their_magic_bytes(fmt: str, detail: str) -> None:
    sniffed = sniff(image_bytes(fmt), "picture.txt")  # the name lies; the bytes decide
    assert (sniffed.format, sniffed.detail) == (SourceFormat.IMAGE, detail)


def test_a_generated_pdf_is_a_pdf(tmp_path: Path) -> None:
    deck = write_deck(tmp_path / "deck.bin", lecture_deck(frames=1))
    assert sniff(deck.read_bytes(), "deck.bin").format is SourceFormat.PDF


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("caf\u00e9\n".encode(), "utf-8"),
        ("\ufeffcaf\u00e9\n".encode(), "utf-8-sig"),
        ("caf\u00e9 \u2019quoted\u2019\n".encode("cp1252"), "cp1252"),
        ("caf\u00e9\n".encode("utf-16"), "utf-16"),
    ],
)
def test_text_encodings(data: bytes, encoding: str) -> None:
    sniffed = sniff(data, "notes.txt")
    assert (sniffed.format, sniffed.detail) == (SourceFormat.TEXT, encoding)
    assert decode_text(data, sniffed, "notes.txt", Diagnostics()).startswith("caf\u00e9")


def test_cp1252_smart_quotes_and_undefined_bytes_decode_without_loss() -> None:
    data = b"It\x92s a caf\xe9 \x81 note\n"
    diag = Diagnostics()
    text = decode_text(data, sniff(data, "n.txt"), "n.txt", diag)
    assert text == "It\u2019s a caf\u00e9 \x81 note\n"
    assert len(diag.warnings) == 1


def test_elf_binary_without_text_name_is_an_unknown_type() -> None:
    with pytest.raises(SourceError, match="unknown file type"):
        sniff(b"\x7fELF\x02\x01\x01\x00" + bytes(100), "tool")
