"""`lecturekit ingest` dispatching PDFs and images beside text, and the progress bar only on a terminal."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from pdfgen import Slide, lecture_deck, render_slide_png, write_deck


def test_text_deck_pdf_and_seed_together(seeds: Path, tmp_path: Path, run_cli) -> None:
    deck = write_deck(tmp_path / "week2.pdf", lecture_deck(frames=2))
    notes = seeds / "003_ac6d1436580ceec6.txt"
    result = run_cli("ingest", deck, notes, "--raw", "--json")
    assert result.returncode == 0, result.stderr
    pdf, text = json.loads(result.stdout)["sources"]
    assert (pdf["name"], pdf["kind"], text["kind"]) == ("week2.pdf", "pdf", "notes")
    assert [p["method"] for p in pdf["pages"]] == ["text-layer"] * len(pdf["pages"])
    assert [p["label"] for p in pdf["pages"]] == ["1", "2", "2", "2", "3", "3"]  # builds share a label
    assert [p["title"] for p in pdf["pages"]][:2] == ["Logistics", "Training a DNN"]


def run_with_terminal_stderr(args: list[str], cache: Path, ci: bool = False) -> tuple[int, str, str]:
    """Run the CLI with stderr on a pseudo-terminal (as in an interactive shell); return code, stdout, stderr."""
    master, slave = pty.openpty()
    env = {name: value for name, value in os.environ.items() if name != "CI"}  # CI=true hides every bar
    env |= {"LECTUREKIT_CACHE": str(cache)} | ({"CI": "true"} if ci else {})
    proc = subprocess.run(
        [sys.executable, "-m", "lecturekit", *args],
        stdout=subprocess.PIPE,
        stderr=slave,
        env=env,
        timeout=180,
        text=True,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the terminal's other side is closed and drained
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    return proc.returncode, proc.stdout, b"".join(chunks).decode(errors="replace")


@pytest.mark.ocr
def test_progress_bar_only_on_a_terminal_and_never_with_json(tmp_path: Path, run_cli) -> None:
    scan = tmp_path / "scan.png"
    render_slide_png(Slide("Semantic Search", ["Embed the query"]), 1, 1).save(scan)
    code, out, err = run_with_terminal_stderr(["ingest", str(scan), "--raw"], tmp_path / "cache-a")
    assert code == 0 and f"OCR {scan}" in err
    assert out.startswith("scan.png: image, 1 page(s) (ocr: 1; mean OCR confidence")
    code, out, err = run_with_terminal_stderr(["ingest", str(scan), "--raw", "--json"], tmp_path / "cache-b")
    assert code == 0 and err == ""
    assert "Semantic Search" in json.loads(out)["sources"][0]["pages"][0]["text"]
    piped = run_cli("ingest", scan, "--raw", "--no-cache")  # stderr is a pipe: no bar either
    assert piped.returncode == 0 and piped.stderr == ""
    code, out, err = run_with_terminal_stderr(["ingest", str(scan), "--raw"], tmp_path / "cache-c", ci=True)
    assert code == 0 and err == ""  # a CI log is a terminal to no one


def test_strict_after_the_subcommand_fails_on_a_warning_like_the_global_flag(tmp_path: Path, run_cli) -> None:
    latin1 = tmp_path / "notes.txt"
    latin1.write_bytes("Café lecture\n\nGradient descent takes small steps downhill.\n".encode("latin-1"))
    assert run_cli("ingest", latin1).returncode == 0  # a warning alone does not fail ingest
    local, global_ = run_cli("ingest", latin1, "--strict"), run_cli("--strict", "ingest", latin1)
    assert local.returncode == global_.returncode == 4
    assert "Windows-1252" in local.stderr or "Latin-1" in local.stderr
