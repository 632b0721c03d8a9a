"""Which course a command works on and where its site goes: the current folder, never the demo by surprise."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from lecturekit.cli import main

DECK = """ Gradient descent

Step against the gradient
 ICE #1

Which optimiser adapts the learning rate per parameter?

1 SGD

2 ADAM
"""
NO_COURSE = "no course here (no course.toml, no lecture sources); pass COURSE"


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LECTUREKIT_CACHE", str(tmp_path / "cache"))


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """A course folder of one text deck, no course.toml: the sources alone make it a course."""
    root = tmp_path / "course"
    root.mkdir()
    (root / "deck.txt").write_text(DECK, encoding="utf-8")
    return root


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize(
    "command",
    [
        ["build"],
        ["check"],
        ["quiz", "export", "--format", "json", "-o", "q.json"],
        ["topics"],
        ["serve"],
        ["add", "deck.pdf"],
        ["slides"],
    ],
)
def test_no_course_in_the_current_folder_is_one_line_saying_what_to_pass(tmp_path, monkeypatch, command):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "_site").mkdir()  # an earlier site is not a course either
    monkeypatch.chdir(empty)
    result = run(*command)
    assert result.exit_code == 2 and "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and NO_COURSE in lines[0] and "lecturekit init COURSE" in lines[0]
    assert sorted(p.name for p in empty.iterdir()) == ["_site"]  # nothing written, the demo not built here


def test_build_with_no_course_builds_the_current_folder_into_its_site(course, monkeypatch):
    monkeypatch.chdir(course)
    result = run("build")
    assert result.exit_code == 0, result.output
    assert "site: _site (4 pages, 4 rendered); open _site/index.html in a browser" in result.stdout
    lectures = [p.read_text(encoding="utf-8") for p in (course / "_site").glob("lecture-*.html")]
    assert len(lectures) == 1 and "Gradient descent" in lectures[0]  # this course, not the demo's lectures
    check = run("check")
    assert check.exit_code == 0 and "unkeyed" in check.stdout


def test_build_and_add_share_one_site_location(course, tmp_path):
    built = run("build", str(course))
    assert built.exit_code == 0, built.output
    assert (course / "_site" / ".lecturekit-site").is_file()
    notes = tmp_path / "notes.txt"
    notes.write_text(" Momentum\n\nA running average of gradients\n", encoding="utf-8")
    added = run("add", str(notes), "--course", str(course))
    assert added.exit_code == 0, added.output
    assert f"site: {course / '_site'} " in added.stdout and not (tmp_path / "_site").exists()


def test_demo_only_by_name_and_never_into_its_own_folder(tmp_path, course):
    result = run("build", "--demo")
    assert result.exit_code == 2 and "--demo: say where its site goes with --out DIR" in result.stderr
    both = run("build", str(course), "--demo", "--out", str(tmp_path / "x"))
    assert both.exit_code == 2 and "not both" in both.stderr and not (tmp_path / "x").exists()


def test_a_folder_lecturekit_did_not_make_is_replaced_only_with_force(course, tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "thesis.tex").write_text("my work", encoding="utf-8")
    refused = run("build", str(course), "--out", str(mine))
    assert refused.exit_code == 2
    assert "was not written by lecturekit; choose another --out, or pass --force" in refused.stderr
    assert (mine / "thesis.tex").read_text(encoding="utf-8") == "my work"
    forced = run("build", str(course), "--out", str(mine), "--force")
    assert forced.exit_code == 0, forced.output
    assert not (mine / "thesis.tex").exists() and (mine / "index.html").is_file()
    assert run("build", str(course), "--out", str(mine)).exit_code == 0  # now it is a lecturekit site


def test_help_documents_the_site_location():
    for command in ("build", "add", "serve"):
        assert "COURSE/_site" in run(command, "--help").output
