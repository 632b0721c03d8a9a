"""Bad inputs through the library: one diagnostic naming the file, and the good sources still read."""

from __future__ import annotations

import os
from pathlib import Path

import pytesseract
import pytest
from ingest_badfiles import BAD_CASES, good_notes, latin1_text, scanned_png

from lecturekit.errors import Diagnostics, ExitCode
from lecturekit.ingest import IngestOptions, read_sources
from lecturekit.ingest.dispatch import ingest_files
from lecturekit.models import Severity, SourceKind


@pytest.fixture
def options(tmp_path: Path) -> IngestOptions:
    return IngestOptions(cache_dir=str(tmp_path / "cache"))


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_source_is_one_error_and_the_good_one_is_read(
    case: str, tmp_path: Path, options: IngestOptions
) -> None:
    bad = BAD_CASES[case].make(tmp_path)
    good = good_notes(tmp_path)
    diag = Diagnostics()
    sources = read_sources([bad, good], options, diag)
    assert [s.name for s in sources] == [good.name]
    assert [p.title for p in sources[0].pages] == ["Introduction", "Summary"]
    assert len(diag.errors) == 1, [str(d) for d in diag.items]
    error = diag.errors[0]
    assert error.file == str(bad)
    assert BAD_CASES[case].says in error.message
    assert "please report" not in error.message  # a known bad input, not an unforeseen failure


def test_failures_carry_their_exit_code(tmp_path: Path, options: IngestOptions) -> None:
    result = ingest_files(
        [BAD_CASES["empty"].make(tmp_path), BAD_CASES["fifo"].make(tmp_path)], options, Diagnostics()
    )
    assert result.sources == []
    assert [(Path(f.file).name, f.exit_code) for f in result.failures] == [
        ("lecture-05.txt", ExitCode.INPUT_ERRORS),
        ("stream.txt", ExitCode.INPUT_ERRORS),
    ]


def test_latin1_text_is_read_with_a_warning(tmp_path: Path, options: IngestOptions) -> None:
    path = latin1_text(tmp_path)
    diag = Diagnostics()
    [source] = read_sources([path], options, diag)
    assert source.pages[0].title == "Caf\u00e9 discussion"
    assert "We met at the caf\u00e9 to review back-propagation." in source.pages[0].text
    assert [(d.severity, d.file, d.location) for d in diag.items] == [(Severity.WARNING, str(path), "1")]
    assert "not UTF-8" in diag.items[0].message


def test_utf8_bom_is_dropped_without_a_warning(tmp_path: Path, options: IngestOptions) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffCaf\u00e9 notes\n\nbody line\n".encode("utf-8"))
    diag = Diagnostics()
    [source] = read_sources([path], options, diag)
    assert source.pages[0].title == "Caf\u00e9 notes"
    assert diag.items == []


def test_blank_only_text_is_an_error(tmp_path: Path, options: IngestOptions) -> None:
    path = tmp_path / "blank.txt"
    path.write_text("\n   \n\n", encoding="utf-8")
    diag = Diagnostics()
    assert read_sources([path], options, diag) == []
    assert "no text in the file" in diag.errors[0].message


def test_missing_tesseract_is_a_missing_dependency(
    tmp_path: Path, options: IngestOptions, monkeypatch
) -> None:
    # A real condition, not a mock: pytesseract is pointed at a program that does not exist.
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", str(tmp_path / "no-such-tesseract"))
    good = good_notes(tmp_path)
    diag = Diagnostics()
    result = ingest_files([scanned_png(tmp_path), good], options.model_copy(update={"cache": False}), diag)
    assert [s.name for s in result.sources] == [good.name]
    assert [f.exit_code for f in result.failures] == [ExitCode.MISSING_DEPENDENCY]
    assert "tesseract is needed" in diag.errors[0].message and diag.errors[0].file.endswith("scan.png")


def test_same_file_twice_is_read_once(tmp_path: Path, options: IngestOptions) -> None:
    good = good_notes(tmp_path)
    diag = Diagnostics()
    sources = read_sources([good, Path(os.path.relpath(good))], options, diag)
    assert len(sources) == 1
    assert "given twice" in diag.warnings[0].message


def test_content_decides_not_the_name(tmp_path: Path, options: IngestOptions) -> None:
    notes = tmp_path / "slides.pdf"  # a text file with a misleading name
    notes.write_text(" Slide one\nbody\n Slide two\nmore\n", encoding="utf-8")
    diag = Diagnostics()
    [source] = read_sources([notes], options, diag)
    assert source.kind is SourceKind.TEXT_DUMP
    assert [p.title for p in source.pages] == ["Slide one", "Slide two"]


def test_a_folder_named_like_a_file_is_an_error(tmp_path: Path, options: IngestOptions) -> None:
    folder = tmp_path / "week1.pdf"
    folder.mkdir()
    diag = Diagnostics()
    assert read_sources([folder, good_notes(tmp_path)], options, diag)[0].name == "good-notes.txt"
    assert [(d.file, d.message.split(";")[0]) for d in diag.errors] == [
        (str(folder), "is a folder, not a file")
    ]


def test_utf16_with_bom_is_text(tmp_path: Path, options: IngestOptions) -> None:
    path = tmp_path / "exported.txt"
    path.write_bytes(" Logistics\nAssignment 2\n Training a DNN\nSGD\n".encode("utf-16"))
    diag = Diagnostics()
    [source] = read_sources([path], options, diag)
    assert [p.title for p in source.pages] == ["Logistics", "Training a DNN"]
    assert diag.items == []


def test_text_starting_with_bm_is_not_a_bitmap(tmp_path: Path, options: IngestOptions) -> None:
    path = tmp_path / "bmw.txt"
    path.write_text("BMW case study\n\nWhy the plant retrained its vision model.\n", encoding="utf-8")
    [source] = read_sources([path], options, Diagnostics())
    assert source.kind is SourceKind.NOTES and source.pages[0].title == "BMW case study"


def test_notes_that_mention_the_pdf_header_stay_text(tmp_path: Path, options: IngestOptions) -> None:
    path = tmp_path / "formats.txt"
    path.write_text("File formats\n\nA PDF starts with %PDF-1.7 and ends with a trailer.\n", encoding="utf-8")
    [source] = read_sources([path], options, Diagnostics())
    assert source.kind is SourceKind.NOTES and source.pages[0].title == "File formats"


def test_pdf_with_junk_before_its_header_is_still_a_pdf(tmp_path: Path, options: IngestOptions) -> None:
    from pdfgen import lecture_deck, write_deck

    deck = write_deck(tmp_path / "deck.pdf", lecture_deck(frames=1))
    prefixed = tmp_path / "mailed.pdf"
    prefixed.write_bytes(b"Content-Type: application/pdf\r\n\r\n" + deck.read_bytes())
    diag = Diagnostics()
    sources = read_sources([prefixed], options, diag)
    assert [s.kind for s in sources] == [SourceKind.PDF], [str(d) for d in diag.items]
    assert sources[0].pages[0].title == "Logistics"
