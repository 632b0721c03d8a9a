"""Recognise a source by its content (magic bytes, decoding), never by its file name alone."""

from __future__ import annotations

import io
import re
import zipfile
from enum import Enum

from lecturekit.errors import Diagnostics, SourceError
from lecturekit.models import Model

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".notes")
SNIFF_BYTES = 8192
PDF_MAGIC_WINDOW = 1024  # the PDF spec lets %PDF- appear anywhere in the first 1024 bytes
SUPPORTED = "lecturekit reads PDF, PNG/JPEG/TIFF images and plain-text or markdown notes"


class SourceFormat(str, Enum):
    PDF = "pdf"
    IMAGE = "image"
    TEXT = "text"


class Sniffed(Model):
    """What a file's bytes say it is: its format and, for images, the container seen."""

    format: SourceFormat
    detail: str = ""  # e.g. "png", "utf-8", "gif"


IMAGE_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
)


def sniff(data: bytes, name: str) -> Sniffed:
    """Classify DATA (the file's bytes); raise SourceError for empty, binary or unknown content."""
    if not data:
        raise SourceError(
            "empty file (0 bytes): nothing to read; replace it with the real export or remove it", name
        )
    if _is_pdf(data):
        return Sniffed(format=SourceFormat.PDF, detail="pdf")
    if image := _image_container(data):
        return Sniffed(format=SourceFormat.IMAGE, detail=image)
    if data.startswith(b"PK\x03\x04"):
        raise SourceError(
            f"{_zip_description(data)}, not a lecture source; {SUPPORTED} (export it to PDF first)", name
        )
    if encoding := _text_encoding(data):
        return Sniffed(format=SourceFormat.TEXT, detail=encoding)
    offset = data.find(b"\x00")
    if name.lower().endswith(TEXT_SUFFIXES):
        where = f"NUL byte at offset {offset}" if offset >= 0 else "control bytes"
        raise SourceError(
            f"binary data in a text file ({where}); is it really a text export? re-export it as plain text",
            name,
        )
    raise SourceError(f"unknown file type (binary data starting {data[:8].hex(' ')}); {SUPPORTED}", name)


def _is_pdf(data: bytes) -> bool:
    offset = data.find(b"%PDF-", 0, PDF_MAGIC_WINDOW)
    if offset <= 0:
        return offset == 0
    # A header after some junk still counts, but not in notes that merely mention "%PDF-1.4".
    return b"%%EOF" in data[-2048:] or _text_encoding(data) is None


def _image_container(data: bytes) -> str | None:
    for magic, kind in IMAGE_MAGIC:
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    # "BM" alone would catch text starting with those letters; the BMP header's reserved words are zero.
    if data[:2] == b"BM" and data[6:10] == b"\x00\x00\x00\x00":
        return "bmp"
    return None


def _zip_description(data: bytes) -> str:
    # Office files are ZIP archives; naming the real format makes the fix obvious.
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return "a ZIP archive"
    if any(n.startswith("ppt/") for n in names):
        return "a PowerPoint file (.pptx)"
    if any(n.startswith("word/") for n in names):
        return "a Word file (.docx)"
    return f"a ZIP archive of {len(names)} file(s)"


def _text_encoding(data: bytes) -> str | None:
    """The encoding DATA decodes with as text, or None when it looks binary."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        return None
    controls = sum(1 for byte in head if byte < 32 and byte not in b"\t\n\r\f\v\x1b")
    if controls > len(head) * 0.05:
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def decode_text(data: bytes, sniffed: Sniffed, name: str, diag: Diagnostics) -> str:
    """Decode a text source (non-UTF-8 read as Windows-1252/Latin-1 with a warning), mojibake repaired."""
    return repair_mojibake(_decode(data, sniffed, name, diag), name, diag)


# A UTF-8 lead byte read as Windows-1252/Latin-1 (Â-ô) followed by a continuation byte read the same way:
# "â€™" for "’", "Ã©" for "é". Only lines with such a pair go to ftfy, which decides whether to re-decode.
MOJIBAKE_PAIR = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def repair_mojibake(text: str, name: str, diag: Diagnostics) -> str:
    """TEXT with lines whose UTF-8 was once read as Windows-1252 ("Itâ€™s") repaired by ftfy, with a warning."""
    if not MOJIBAKE_PAIR.search(text):
        return text
    import ftfy  # only for the rare text that needs it

    pieces: list[str] = []
    done = line = 0  # end of the text already handled; its line number (0-based)
    repaired: list[int] = []
    for match in MOJIBAKE_PAIR.finditer(text):
        if match.start() < done:
            continue  # a second pair on a line already handled
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        end = len(text) if end < 0 else end
        line += text.count("\n", done, start)
        fixed = ftfy.fix_encoding(text[start:end])
        if fixed != text[start:end]:
            pieces += [text[done:start], fixed]
            repaired.append(line + 1)
        else:
            pieces.append(text[done:end])
        done = end
    if not repaired:
        return text
    pieces.append(text[done:])
    diag.warn(
        name,
        f"mojibake repaired on {len(repaired)} line(s) (UTF-8 once read as Windows-1252, "
        '"Itâ€™s" for "It’s"); check the repaired text',
        repaired[0],
    )
    return "".join(pieces)


def _decode(data: bytes, sniffed: Sniffed, name: str, diag: Diagnostics) -> str:
    if sniffed.detail != "cp1252":
        return data.decode(sniffed.detail, errors="replace")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        diag.warn(
            name, "not UTF-8; read as Windows-1252/Latin-1 (re-save the file as UTF-8 to silence this)", line
        )
    # cp1252 leaves five bytes undefined; Latin-1 maps every byte, so fall back per byte.
    return (
        "".join(_cp1252_char(byte) for byte in data) if _has_undefined_cp1252(data) else data.decode("cp1252")
    )


CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


def _has_undefined_cp1252(data: bytes) -> bool:
    return any(byte in CP1252_UNDEFINED for byte in data)


def _cp1252_char(byte: int) -> str:
    return bytes([byte]).decode("latin-1" if byte in CP1252_UNDEFINED else "cp1252")
