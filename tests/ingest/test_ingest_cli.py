"""The `lecturekit ingest` command on the seeds: the raw-pages JSON contract, summaries, usage errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

from lecturekit.errors import Diagnostics
from lecturekit.ingest import IngestOptions, read_sources

RAW_PAGE_KEYS = {"page", "label", "method", "title", "text", "confidence"}


def seed_files(seeds: Path) -> list[Path]:
    return sorted(seeds.glob("*.txt"))


def test_raw_json_returns_every_page_of_every_seed(seeds: Path, run_cli) -> None:
    files = seed_files(seeds)
    result = run_cli("ingest", *files, "--raw", "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # quiet on success in --json mode: no progress, no diagnostics
    output = json.loads(result.stdout)
    assert set(output) == {"sources"}
    assert [s["name"] for s in output["sources"]] == [f.name for f in files]
    assert [s["kind"] for s in output["sources"]] == ["text-dump", "text-dump", "notes", "notes", "markdown"]
    library = read_sources(files, IngestOptions(), Diagnostics())
    for source, read in zip(output["sources"], library, strict=True):
        assert set(source) == {"name", "kind", "pages"}
        assert [p["page"] for p in source["pages"]] == list(range(1, len(read.pages) + 1))
        assert [p["text"] for p in source["pages"]] == [p.text for p in read.pages]
        for page in source["pages"]:
            assert set(page) == RAW_PAGE_KEYS
            assert page["method"] == "text" and page["label"] is None and page["confidence"] is None


def test_raw_json_page_counts_match_the_single_space_starts(seeds: Path, run_cli) -> None:
    result = run_cli("ingest", *seed_files(seeds)[:2], "--raw", "--json")
    output = json.loads(result.stdout)
    for source in output["sources"]:
        text = (seeds / source["name"]).read_text(encoding="utf-8")
        starts = [line[1:] for line in text.split("\n") if re.match(r"^ \S", line)]
        assert len(source["pages"]) == len(starts)
        assert [p["text"].split("\n", 1)[0] for p in source["pages"]] == starts


def test_a_course_folder_reads_its_sources_but_not_course_toml(seeds: Path, run_cli) -> None:
    result = run_cli("ingest", seeds, "--raw", "--json")
    assert result.returncode == 0, result.stderr
    names = [s["name"] for s in json.loads(result.stdout)["sources"]]
    assert names == [f.name for f in seed_files(seeds)]


def test_human_summary_lists_kind_pages_and_methods(seeds: Path, run_cli) -> None:
    result = run_cli("ingest", *seed_files(seeds), "--raw")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "000_5e6f1afa6cbb3b19.txt: text-dump, 20 page(s) (text: 20)",
        "001_9877fb9ea88e89b7.txt: text-dump, 25 page(s) (text: 25)",
        "002_745afbbf775c3ef9.txt: notes, 22 page(s) (text: 22)",
        "003_ac6d1436580ceec6.txt: notes, 6 page(s) (text: 6)",
        "004_6907600352c4fa8e.txt: markdown, 67 page(s) (text: 67)",
    ]


def test_output_is_deterministic(seeds: Path, run_cli) -> None:
    first = run_cli("ingest", *seed_files(seeds), "--raw", "--json")
    second = run_cli("ingest", *seed_files(seeds), "--raw", "--json")
    assert first.stdout == second.stdout and first.stdout


def test_missing_path_is_a_usage_error(tmp_path: Path, run_cli) -> None:
    missing = tmp_path / "nowhere.pdf"
    result = run_cli("ingest", missing, "--raw", "--json")
    assert result.returncode == 2
    assert result.stderr.strip() == f"lecturekit: {missing}: no such file or folder"


def test_bad_options_are_usage_errors(seeds: Path, run_cli) -> None:
    files = seed_files(seeds)[:1]
    assert run_cli("ingest", *files, "--jobs", "0").returncode == 2
    assert run_cli("ingest", *files, "--ocr", "sometimes").returncode == 2
    assert run_cli("ingest").returncode == 2


def test_an_empty_course_folder_is_reported(tmp_path: Path, run_cli) -> None:
    (tmp_path / "course").mkdir()
    result = run_cli("ingest", tmp_path / "course", "--raw", "--json")
    assert result.returncode == 2
    assert "course: no lecture sources in it" in result.stderr and "Traceback" not in result.stderr


def test_json_without_raw_prints_cleaned_lectures_grouped_by_course_toml(
    seeds: Path, tmp_path: Path, run_cli
) -> None:
    course = tmp_path / "course"
    course.mkdir()
    for name in ("000_5e6f1afa6cbb3b19.txt", "003_ac6d1436580ceec6.txt"):
        (course / name).write_bytes((seeds / name).read_bytes())
    (course / "course.toml").write_text(
        'title = "Demo"\n[[lectures]]\nid = "week-2"\nsources = ["000_5e6f1afa6cbb3b19.txt"]\n'
        '[[lectures]]\nid = "autodiff-talk"\nsources = ["003_ac6d1436580ceec6.txt"]\n',
        encoding="utf-8",
    )
    result = run_cli("ingest", course, "--json")
    assert result.returncode == 0, result.stderr
    lectures = json.loads(result.stdout)["lectures"]
    by_id = {lecture["id"]: lecture for lecture in lectures}
    assert set(by_id) == {"week-2", "autodiff-talk"}
    assert by_id["week-2"]["sources"] == ["000_5e6f1afa6cbb3b19.txt"]
    raw = json.loads(run_cli("ingest", course, "--raw", "--json").stdout)
    pages = {(s["name"], p["page"]) for s in raw["sources"] for p in s["pages"]}
    for lecture in lectures:
        for slide in lecture["slides"]:
            assert slide["pages"], slide["id"]
            for ref in slide["pages"]:
                assert (ref["source"], ref["page"]) in pages and ref["method"] == "text"


def test_human_summary_after_cleaning_names_each_lecture(seeds: Path, run_cli) -> None:
    result = run_cli("ingest", seeds)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "000_5e6f1afa6cbb3b19.txt: text-dump, 20 page(s) (text: 20)"
    lecture_lines = lines[5:]
    assert len(lecture_lines) == 4
    assert any(
        line.startswith("2026-01-14 (2026-01-14): ")
        and line.endswith("from 000_5e6f1afa6cbb3b19.txt, 001_9877fb9ea88e89b7.txt")
        for line in lecture_lines
    )
