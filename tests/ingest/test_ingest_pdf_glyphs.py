"""Glyphs as plain text: TeX ligatures without a Unicode map, ToUnicode ligatures and math letters, symbol-font
bullets, small caps, PowerPoint's CJK junk and unmapped codes removed (and recorded); /Contents arrays of
indirect references read."""

from __future__ import annotations

from pathlib import Path

from pdfgen import canvas_deck, draw_text, text_op, to_unicode_font, write_ligature_deck, write_raw_pdf
from reportlab.pdfgen import canvas

from lecturekit.errors import Diagnostics
from lecturekit.ingest.options import IngestOptions
from lecturekit.ingest.pdf import read_pdf
from lecturekit.models import Page, RemovalReason

HELVETICA = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", None)


def read(path: Path, tmp_path: Path) -> list[Page]:
    return read_pdf(path, IngestOptions(cache_dir=str(tmp_path / "cache")), Diagnostics()).pages


def test_tex_ligature_codes_without_a_unicode_map_read_as_letters(tmp_path):
    # A T1-encoded TeX font with no glyph names for its ligature slots: pdfminer reports (cid:27).
    widths = b" ".join(b"500" for _ in range(27, 123))
    tex = (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /SFRM1000 /FirstChar 27 /LastChar 122 /Widths [%s] "
        b"/Encoding << /Type /Encoding /BaseEncoding /StandardEncoding /Differences [27 /a27 28 /a28] >> >>"
        % widths,
        None,
    )
    stream = (
        text_op("T", 28, 40, 330, b"Di\x1berentiable programming")
        + text_op("T", 16, 40, 270, b"\x1cne-tuning")
        + text_op("T", 16, 40, 240, b"of every layer at once")
    )
    pages = read(write_raw_pdf(tmp_path / "tex.pdf", [[stream]], {"T": tex}), tmp_path)
    assert pages[0].text.splitlines() == [
        "Differentiable programming",
        "fine-tuning",
        "of every layer at once",
    ]
    assert pages[0].title == "Differentiable programming"
    assert "(cid:" not in pages[0].text and pages[0].removed == []


def test_unicode_ligatures_math_letters_and_private_use_bullets_become_plain_text(tmp_path):
    font = to_unicode_font(
        "CambriaMath",
        {
            0x41: "\U0001d465",
            0x42: "\ufb01",
            0x43: "\uf0b7",
            0x44: "\u3407",
            0x61: "a",
            0x62: "n",
            0x63: "d",
            0x20: " ",
            0x3D: "=",
        },
    )
    stream = (
        text_op("F", 24, 40, 330, b"Title")
        + text_op("M", 16, 40, 280, b"C B")
        + text_op("M", 16, 40, 250, b"A = D")
        + text_op("F", 16, 40, 220, b"Body line")
    )
    path = write_raw_pdf(tmp_path / "ppt.pdf", [[stream]], {"F": HELVETICA, "M": font})
    page = read(path, tmp_path)[0]
    assert page.text.splitlines() == ["Title", "\u2022 fi", "x =", "Body line"]
    assert [(item.reason, item.text) for item in page.removed] == [(RemovalReason.UNREADABLE, "\u3407")]


def test_symbol_and_wingdings_bullets_map_to_unicode(tmp_path):
    fonts = {
        "F": HELVETICA,
        "S": (b"<< /Type /Font /Subtype /Type1 /BaseFont /Symbol >>", None),
        "W": (b"<< /Type /Font /Subtype /TrueType /BaseFont /Wingdings-Regular >>", None),
    }
    stream = (
        text_op("F", 24, 40, 330, b"Bullets")
        + text_op("S", 16, 40, 280, b"\xb7")
        + text_op("F", 16, 60, 280, b"Symbol item")
        + text_op("W", 16, 40, 250, b"\xa7")
        + text_op("F", 16, 60, 250, b"Wingdings item")
        + text_op("W", 16, 40, 220, b"\xfc")
        + text_op("F", 16, 60, 220, b"Checked item")
    )
    page = read(write_raw_pdf(tmp_path / "symbols.pdf", [[stream]], fonts), tmp_path)[0]
    assert page.text.splitlines() == [
        "Bullets",
        "\u2022 Symbol item",
        "\u25aa Wingdings item",
        "\u2713 Checked item",
    ]


def test_small_caps_are_read_as_one_word(tmp_path):
    def draw(pdf: canvas.Canvas) -> None:
        draw_text(pdf, 40, 50, "Sorting", size=30, font="DejaVuSans-Bold")
        pdf.setFont("DejaVuSans", 20)
        pdf.drawString(40, 405 - 120, "M")  # PowerPoint small caps: the capital full size, the rest smaller
        pdf.setFont("DejaVuSans", 15)
        pdf.drawString(40 + pdf.stringWidth("M", "DejaVuSans", 20), 405 - 120, "ERGESORT")
        pdf.setFont("DejaVuSans", 20)
        pdf.drawString(190, 405 - 120, "runs in n log n time")

    page = read(canvas_deck(tmp_path / "smallcaps.pdf", [draw]), tmp_path)[0]
    assert page.text.splitlines() == ["Sorting", "MERGESORT runs in n log n time"]


def test_contents_as_an_array_of_indirect_references_is_read(tmp_path):
    streams = [
        text_op("F", 24, 40, 330, b"Split content"),
        text_op("F", 16, 40, 280, b"second stream"),
        text_op("F", 16, 40, 250, b"third stream"),
    ]
    pages = read(write_raw_pdf(tmp_path / "array.pdf", [streams, streams[:1]], {"F": HELVETICA}), tmp_path)
    assert [page.text.splitlines() for page in pages] == [
        ["Split content", "second stream", "third stream"],
        ["Split content"],
    ]


def test_text_in_a_cjk_font_is_kept_while_a_math_font_s_cjk_is_junk(tmp_path):
    fonts = {
        "F": HELVETICA,
        "K": to_unicode_font("KaiTi", {0x41: "\u4e8e", 0x42: "\u4ed5", 0x43: "\u742a"}),
        "M": to_unicode_font("CambriaMath", {0x41: "\u3547", 0x42: "\u355b"}),
    }
    stream = (
        text_op("F", 24, 40, 330, b"Advanced Programming")
        + text_op("F", 16, 40, 280, b"Prof. Shiqi Yu")
        + text_op("K", 16, 160, 280, b"ABC")
        + text_op("F", 16, 40, 250, b"Case 1:")
        + text_op("M", 16, 100, 250, b"AB")
    )
    page = read(write_raw_pdf(tmp_path / "cjk.pdf", [[stream]], fonts), tmp_path)[0]
    assert page.text.splitlines() == ["Advanced Programming", "Prof. Shiqi Yu \u4e8e\u4ed5\u742a", "Case 1:"]
    assert [item.text for item in page.removed] == ["\u3547\u355b"]


def test_a_ligature_glyph_named_by_its_font_reads_as_letters_whatever_tounicode_claims(tmp_path):
    lines = ["Interaction models", "\ufb01nal \ufb02ow of \ufb01ve steps", "second body line here"]
    path = write_ligature_deck(tmp_path / "ligatures.pdf", lines, {"\ufb01": "[", "\ufb02": "]"})
    page = read(path, tmp_path)[0]
    assert page.text.splitlines() == [
        "Interaction models",
        "final flow of five steps",
        "second body line here",
    ]
    assert page.title == "Interaction models"
