"""One set of options everywhere: summaries, --json, --strict, ingest options from course.toml, env vars, cache."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from lecturekit.cache import cache_info, trim_cache
from lecturekit.cli import main
from lecturekit.commands.common import progress_wanted
from lecturekit.ingest import OcrMode
from lecturekit.workflows import reading_options

DECK = """ Gradient descent

Step against the gradient
 ICE #1

Which optimiser adapts the learning rate per parameter?

1 SGD

2 ADAM
"""


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LECTUREKIT_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def course(tmp_path: Path) -> Path:
    root = tmp_path / "course"
    root.mkdir()
    (root / "deck.txt").write_text(DECK, encoding="utf-8")
    return root


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env)


def test_build_sums_up_the_course_and_says_where_the_site_is(course):
    result = run("build", str(course))
    assert result.exit_code == 0, result.output
    site = course / "_site"
    assert result.stdout.splitlines() == [
        "1 lecture(s), 2 slides, 1 question(s) (0 keyed, 1 unkeyed, 0 flagged), 0 topics",
        f"0 error(s), 1 warning(s): `lecturekit check {course}` lists them",
        f"site: {site} (4 pages, 4 rendered); open {site / 'index.html'} in a browser, or `lecturekit serve {site}`",
    ]
    data = json.loads(run("build", str(course), "--json").stdout)
    assert (data["lectures"], data["slides"], data["questions"], data["unkeyed"], data["warnings"]) == (
        1,
        2,
        1,
        1,
        1,
    )
    assert data["open"] == str(site / "index.html") and data["build"]["reused"] == 4
    assert run("-q", "build", str(course)).stdout == ""


def test_add_json_has_what_was_added_and_the_summary(course, tmp_path):
    notes = tmp_path / "more.txt"
    notes.write_text(" Momentum\n\nA running average of gradients\n", encoding="utf-8")
    result = run("add", str(notes), "--course", str(course), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (
        data["added"]["copied"] == ["more.txt"]
        and data["slides"] == 3
        and data["site"] == str(course / "_site")
    )


def test_strict_fails_build_add_check_and_export_on_warnings(course, tmp_path):
    assert run("build", str(course), "--strict").exit_code == 4
    assert run("check", str(course), "--strict").exit_code == 4
    export = run(
        "quiz", "export", str(course), "--format", "json", "-o", str(tmp_path / "q.json"), "--strict"
    )
    assert export.exit_code == 4 and (tmp_path / "q.json").is_file()
    assert run("check", str(course), env={"LECTUREKIT_STRICT": "1"}).exit_code == 4
    assert run("check", str(course)).exit_code == 0


def test_check_json(course):
    result = run("check", str(course), "--json")
    data = json.loads(result.stdout)
    assert data["needing_attention"] == 1
    assert data["questions"][0]["statuses"] == ["unkeyed"] and data["questions"][0]["label"] == "ICE #1"


def test_reading_options_command_line_over_course_toml_over_defaults(course):
    assert reading_options(course).ocr is OcrMode.AUTO and reading_options(course).lang == "eng"
    (course / "course.toml").write_text(
        '[build]\nocr = "never"\njobs = 3\nlang = "eng+deu"\n', encoding="utf-8"
    )
    configured = reading_options(course)
    assert (configured.ocr, configured.jobs, configured.lang) == (OcrMode.NEVER, 3, "eng+deu")
    given = reading_options(course, ocr="always", jobs=1)
    assert (given.ocr, given.jobs, given.lang) == (OcrMode.ALWAYS, 1, "eng+deu")
    (course / "course.toml").write_text('[build]\nocr = "sometimes"\n', encoding="utf-8")
    result = run("build", str(course))
    assert result.exit_code == 2 and "build.ocr" in result.stderr


def test_ingest_options_come_from_the_environment_too(course):
    result = run("build", str(course), env={"LECTUREKIT_BUILD_OCR": "bogus"})
    assert result.exit_code == 2 and "Invalid value for '--ocr': 'bogus'" in result.output
    assert run("build", str(course), env={"LECTUREKIT_BUILD_JOBS": "2"}).exit_code == 0


def test_progress_bar_only_at_a_terminal_outside_ci(monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("CI", raising=False)
    with click.Context(main):
        assert progress_wanted(as_json=False) and not progress_wanted(as_json=True)
        monkeypatch.setenv("CI", "true")
        assert not progress_wanted(as_json=False)


def test_cache_info_clear_and_size_cap(course, private_cache, monkeypatch):
    assert run("build", str(course)).exit_code == 0
    info = json.loads(run("cache", "info", "--json").stdout)
    assert info["path"] == str(private_cache) and info["bytes"] > 0
    assert {"site-pages", "sources"} <= {space["name"] for space in info["namespaces"]}
    entries = sorted(private_cache.rglob("*.json"), key=lambda p: p.stat().st_mtime_ns)
    for age, path in enumerate(entries):  # oldest first, one second apart
        os.utime(path, ns=(age * 10**9, age * 10**9))
    newest = entries[-1].stat().st_size
    assert trim_cache(private_cache, cap=newest) > 0
    assert [p for p in private_cache.rglob("*.json")] == [entries[-1]]  # only the newest entry fits the cap
    (private_cache / "quiz-history.json").write_text("{}", encoding="utf-8")
    cleared = run("cache", "clear")
    assert cleared.exit_code == 0 and cleared.stdout.startswith("freed ")
    assert cache_info(private_cache).bytes == 0 and (private_cache / "quiz-history.json").is_file()
