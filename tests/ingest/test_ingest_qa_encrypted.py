"""QA 3: a PDF with only an owner password opens like any other; one that needs a user password is one error."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from pdfgen import footer_text, lecture_deck, write_damaged_page, write_deck, write_encrypted

from lecturekit.errors import Diagnostics, SourceError
from lecturekit.ingest import IngestOptions
from lecturekit.ingest.pdf import read_pdf
from lecturekit.models import Method


def owner_only(path: Path, source: Path, algorithm: str | None) -> Path:
    """A copy of SOURCE with an owner password and an empty user password (opens without asking)."""
    writer = pypdf.PdfWriter(clone_from=str(source))
    if algorithm is None:
        writer.encrypt(user_password="", owner_password="own")
    else:
        writer.encrypt(user_password="", owner_password="own", algorithm=algorithm)
    writer.write(str(path))
    return path


@pytest.mark.parametrize("algorithm", [None, "AES-128", "AES-256"], ids=["rc4-default", "aes128", "aes256"])
def test_owner_password_only_pdf_reads_like_the_plain_one(tmp_path, algorithm):
    slides = lecture_deck(frames=3)
    plain = write_deck(tmp_path / "plain.pdf", slides)
    locked = owner_only(tmp_path / "locked.pdf", plain, algorithm)
    assert pypdf.PdfReader(str(locked)).is_encrypted
    diag = Diagnostics()
    source = read_pdf(locked, IngestOptions(cache_dir=str(tmp_path / "cache")), diag)
    assert diag.items == []
    assert [page.method for page in source.pages] == [Method.TEXT_LAYER] * len(slides)
    assert [page.title for page in source.pages] == [slide.title for slide in slides]
    assert [page.label for page in source.pages] == [slide.label for slide in slides]
    assert source.pages[3].lines[-1].text == footer_text(4, len(slides))
    reference = read_pdf(plain, IngestOptions(cache_dir=str(tmp_path / "cache2")), Diagnostics())
    assert [page.text for page in source.pages] == [page.text for page in reference.pages]


def test_a_damaged_stream_in_an_owner_locked_pdf_is_still_reported(tmp_path):
    slides = lecture_deck(frames=2)
    plain = write_deck(tmp_path / "plain.pdf", slides)
    damaged = write_damaged_page(tmp_path / "damaged.pdf", plain, index=2)
    locked = owner_only(tmp_path / "locked.pdf", damaged, "AES-128")
    diag = Diagnostics()
    source = read_pdf(locked, IngestOptions(cache_dir=str(tmp_path / "cache")), diag)
    assert [page.page for page in source.pages] == [n for n in range(1, len(slides) + 1) if n != 3]
    assert [(d.location, "content stream 1 is damaged" in d.message) for d in diag.errors] == [("p. 3", True)]


def test_a_pdf_needing_a_user_password_is_one_error(tmp_path):
    plain = write_deck(tmp_path / "plain.pdf", lecture_deck(frames=1))
    locked = write_encrypted(tmp_path / "locked.pdf", plain, password="secret")
    with pytest.raises(SourceError, match="encrypted and needs a password"):
        read_pdf(locked, IngestOptions(cache_dir=str(tmp_path / "cache")), Diagnostics())


def test_cli_reads_an_owner_locked_deck_and_exits_zero(tmp_path, run_cli):
    plain = write_deck(tmp_path / "plain.pdf", lecture_deck(frames=2))
    locked = owner_only(tmp_path / "locked.pdf", plain, None)
    result = run_cli("ingest", locked, "--raw", "--json")
    assert result.returncode == 0, result.stderr
    assert "damaged" not in result.stderr and "error" not in result.stderr
    assert '"title": "Training a DNN"' in result.stdout
