"""Bad inputs through the real `lecturekit ingest` command: one line each, exit code, good sources still out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ingest_badfiles import BAD_CASES, good_notes, latin1_text, scanned_png


def error_lines(stderr: str, path: Path) -> list[str]:
    return [line for line in stderr.splitlines() if str(path) in line]


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_input_alone_fails_with_one_line(case: str, tmp_path: Path, run_cli) -> None:
    bad = BAD_CASES[case].make(tmp_path)
    result = run_cli("ingest", bad, "--raw", "--json")
    assert result.returncode == BAD_CASES[case].exit_code, result.stderr
    assert "Traceback" not in result.stderr
    [line] = error_lines(result.stderr, bad)
    assert line.startswith(f"{bad}: error: ") and BAD_CASES[case].says in line
    assert json.loads(result.stdout) == {"sources": []}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_input_beside_a_good_one_exits_zero_with_output(case: str, tmp_path: Path, run_cli) -> None:
    bad = BAD_CASES[case].make(tmp_path)
    good = good_notes(tmp_path)
    result = run_cli("ingest", bad, good, "--raw", "--json")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert len(error_lines(result.stderr, bad)) == 1
    [source] = json.loads(result.stdout)["sources"]
    assert source["name"] == good.name and [p["title"] for p in source["pages"]] == [
        "Introduction",
        "Summary",
    ]


def test_missing_tesseract_exits_3_alone_and_0_beside_text(tmp_path: Path, run_cli) -> None:
    scan = scanned_png(tmp_path)
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()  # PATH holds no tesseract: the program is really absent for this run
    alone = run_cli("ingest", scan, "--raw", "--json", path_env=str(empty_bin))
    assert alone.returncode == 3, alone.stderr
    [line] = error_lines(alone.stderr, scan)
    assert "tesseract is needed to OCR this file" in line and "apt-get install tesseract-ocr" in line
    good = good_notes(tmp_path)
    mixed = run_cli("ingest", scan, good, "--raw", "--json", path_env=str(empty_bin))
    assert mixed.returncode == 0 and "Traceback" not in mixed.stderr
    assert [s["name"] for s in json.loads(mixed.stdout)["sources"]] == [good.name]


def test_latin1_text_reads_with_a_warning_and_exit_zero(tmp_path: Path, run_cli) -> None:
    path = latin1_text(tmp_path)
    result = run_cli("ingest", path, "--raw", "--json")
    assert result.returncode == 0
    [page] = json.loads(result.stdout)["sources"][0]["pages"]
    assert page["title"] == "Caf\u00e9 discussion" and "caf\u00e9 to review" in page["text"]
    assert f"{path}:1: warning: not UTF-8; read as Windows-1252/Latin-1" in result.stderr


def test_strict_turns_a_partial_failure_into_exit_1(tmp_path: Path, run_cli) -> None:
    result = run_cli(
        "--strict", "ingest", BAD_CASES["empty"].make(tmp_path), good_notes(tmp_path), "--raw", "--json"
    )
    assert result.returncode == 1
    assert len(json.loads(result.stdout)["sources"]) == 1


def test_every_bad_input_at_once_reports_each_and_keeps_the_good(tmp_path: Path, run_cli) -> None:
    bad = []
    for index, case in enumerate(sorted(BAD_CASES)):
        folder = tmp_path / f"{index:02d}"
        folder.mkdir()
        bad.append(BAD_CASES[case].make(folder))
    good = good_notes(tmp_path)
    result = run_cli("ingest", *bad, good, "--raw", "--json")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert all(len(error_lines(result.stderr, path)) == 1 for path in bad), result.stderr
    assert f"{len(bad)} error(s), 0 warning(s)" in result.stderr
    assert [s["name"] for s in json.loads(result.stdout)["sources"]] == [good.name]
