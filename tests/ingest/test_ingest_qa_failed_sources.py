"""QA 16 and 21: a source whose every page failed counts as failed; empty or extra folders are reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pdfgen import Slide, lecture_deck, write_damaged_page, write_deck, write_slide_images

from lecturekit.errors import Diagnostics, SourceError
from lecturekit.ingest import IngestOptions
from lecturekit.ingest.dispatch import ingest_files, ingest_paths, read_source


def fully_damaged_deck(folder: Path, pages: int = 3) -> Path:
    """A real deck whose every page has a content stream that claims Flate but does not inflate."""
    path = write_deck(folder / "plain-for-damage.pdf", lecture_deck(frames=1)[:pages])
    for index in range(pages):
        path = write_damaged_page(folder / f"damaged-{index}.pdf", path, index)
    return path.rename(folder / "week3.pdf")


def lines_naming(stderr: str, path: Path) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith(str(path))]


def test_every_page_failing_makes_the_source_fail_with_one_line(tmp_path):
    bad = fully_damaged_deck(tmp_path)
    diag = Diagnostics()
    result = ingest_files([bad], IngestOptions(cache_dir=str(tmp_path / "cache")), diag)
    assert result.sources == [] and [f.file for f in result.failures] == [str(bad)]
    [error] = diag.errors
    assert error.file == str(bad) and error.message.startswith(
        "nothing usable: no page could be read (p. 1: "
    )
    assert "content stream 1 is damaged" in error.message and "2 more page error(s)" in error.message


def test_one_damaged_page_among_good_ones_stays_a_page_error(tmp_path):
    plain = write_deck(tmp_path / "plain.pdf", lecture_deck(frames=1))
    partly = write_damaged_page(tmp_path / "partly.pdf", plain, 1)
    diag = Diagnostics()
    source = read_source(partly, IngestOptions(cache_dir=str(tmp_path / "cache")), diag)
    assert [page.page for page in source.pages] == [1, 3, 4]
    assert [(d.location, "damaged" in d.message) for d in diag.errors] == [("p. 2", True)]


def test_an_image_whose_every_page_fails_ocr_is_a_failed_source(tmp_path):
    [scan] = write_slide_images(tmp_path, [Slide("Momentum", ["Smooths the path downhill"])], dpi=100)
    options = IngestOptions(cache_dir=str(tmp_path / "cache"), page_timeout=0.001)  # real tesseract, cut off
    diag = Diagnostics()
    with pytest.raises(
        SourceError, match=r"nothing usable: no page could be read \(p\. 1: OCR took longer than"
    ):
        read_source(scan, options, diag)
    assert diag.errors == []  # the page error is folded into the one raised line


def test_cli_exit_codes_for_a_source_with_no_usable_page(tmp_path, run_cli):
    bad = fully_damaged_deck(tmp_path)
    alone = run_cli("ingest", bad, "--raw", "--json")
    assert alone.returncode == 1, alone.stderr
    assert json.loads(alone.stdout) == {"sources": []}
    [line] = lines_naming(alone.stderr, bad)
    assert line.startswith(f"{bad}: error: nothing usable") and "Traceback" not in alone.stderr
    good = write_deck(tmp_path / "good.pdf", lecture_deck(frames=1))
    beside = run_cli("ingest", bad, good, "--raw", "--json")
    assert beside.returncode == 0, beside.stderr
    assert [s["name"] for s in json.loads(beside.stdout)["sources"]] == ["good.pdf"]
    assert len(lines_naming(beside.stderr, bad)) == 1
    strict = run_cli("--strict", "ingest", bad, good, "--raw", "--json")
    assert strict.returncode == 1


def test_an_empty_folder_beside_a_deck_is_named_in_a_warning(tmp_path, run_cli):
    empty = tmp_path / "dir.pdf"
    empty.mkdir()
    (empty / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    deck = write_deck(tmp_path / "deck.pdf", lecture_deck(frames=1))
    result = run_cli("ingest", empty, deck, "--raw", "--json")
    assert result.returncode == 0, result.stderr
    [line] = lines_naming(result.stderr, empty)
    assert line.startswith(f"{empty}: warning: folder holds no lecture sources")
    assert [s["name"] for s in json.loads(result.stdout)["sources"]] == ["deck.pdf"]
    alone = run_cli("ingest", empty)
    assert alone.returncode == 2 and "no lecture sources in it" in alone.stderr


def seed_folder(folder: Path, seeds: Path, names: list[str], title: str) -> Path:
    folder.mkdir()
    for name in names:
        (folder / name).write_bytes((seeds / name).read_bytes())
    (folder / "course.toml").write_text(f'title = "{title}"\n', encoding="utf-8")
    return folder


def test_two_folders_are_both_read_and_only_the_first_configures(tmp_path, seeds):
    first = seed_folder(tmp_path / "a", seeds, ["000_5e6f1afa6cbb3b19.txt"], "First course")
    second = seed_folder(
        tmp_path / "b", seeds, ["002_745afbbf775c3ef9.txt", "003_ac6d1436580ceec6.txt"], "Second"
    )
    diag = Diagnostics()
    result = ingest_paths([first, second], IngestOptions(cache_dir=str(tmp_path / "cache")), diag)
    assert [s.name for s in result.sources] == [
        "000_5e6f1afa6cbb3b19.txt",
        "002_745afbbf775c3ef9.txt",
        "003_ac6d1436580ceec6.txt",
    ]
    assert all(source.pages for source in result.sources)
    assert result.config.title == "First course"
    [warning] = diag.warnings
    assert warning.file == str(second / "course.toml") and "ignored" in warning.message
    assert str(first / "course.toml") in warning.message


def test_a_folder_with_only_course_toml_configures_the_files_given_beside_it(tmp_path, seeds):
    config_only = tmp_path / "course"
    config_only.mkdir()
    (config_only / "course.toml").write_text('title = "Deep Learning, winter"\n', encoding="utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_bytes((seeds / "003_ac6d1436580ceec6.txt").read_bytes())
    diag = Diagnostics()
    result = ingest_paths([config_only, notes], IngestOptions(cache_dir=str(tmp_path / "cache")), diag)
    assert result.config.title == "Deep Learning, winter" and [s.name for s in result.sources] == [
        "notes.txt"
    ]
    [warning] = diag.warnings
    assert warning.file == str(config_only) and warning.message.endswith("only its configuration is used")
