"""Guidance for a new course and its keys: init, the slide list, review candidates, "did you mean" with file:line."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from lecturekit.cli import main

DECK = """ Optimisers

Stochastic gradient descent updates every weight with one learning rate
 Adaptive learning rates

ADAM keeps a running estimate per parameter
 ICE #1

Which optimiser adapts the learning rate per parameter?

1 SGD

2 ADAM
 Regularisation

Dropout switches units off at random
"""


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LECTUREKIT_CACHE", str(tmp_path / "cache"))


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def course(tmp_path: Path) -> Path:
    root = tmp_path / "ml-101"
    assert run("init", str(root)).exit_code == 0
    (root / "week1.txt").write_text(DECK, encoding="utf-8")
    return root


def test_init_writes_a_commented_course_and_says_what_is_next(tmp_path):
    root = tmp_path / "ml-101"
    result = run("init", str(root))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in root.iterdir()) == ["README.md", "answers.toml", "course.toml"]
    assert f"next: lecturekit add LECTURE.pdf --course {root}" in result.stdout
    course_toml = (root / "course.toml").read_text(encoding="utf-8")
    assert "# [[lectures]]" in course_toml and "[build]" in course_toml and "# ocr = " in course_toml
    assert tomllib.loads(course_toml) == {
        "build": {}
    }  # every setting is a comment until the instructor sets it
    assert tomllib.loads((root / "answers.toml").read_text(encoding="utf-8")) == {}
    assert "lecturekit serve --watch" in (root / "README.md").read_text(encoding="utf-8")
    again = run("init", str(root))
    assert again.exit_code == 2 and "already a course (it has a course.toml); nothing written" in again.stderr


def test_slides_lists_ids_and_titles_and_suggests_a_lecture(course):
    result = run("slides", str(course))
    assert result.exit_code == 0, result.output
    rows = [line.split(None, 1) for line in result.stdout.splitlines()]
    ids = [row[0] for row in rows]
    assert [i.split("/")[1] for i in ids] == [
        "optimisers",
        "adaptive-learning-rates",
        "ice-1",
        "regularisation",
    ]
    assert rows[1][1] == "Adaptive learning rates"
    data = json.loads(run("slides", str(course), "--json").stdout)
    lecture = data["slides"][0]["lecture"]
    assert data["slides"][0] == {
        "id": ids[0],
        "title": "Optimisers",
        "lecture": lecture,
        "kind": "content",
        "pages": ["week1.txt p. 1"],
    }
    one = run("slides", str(course), "--lecture", lecture)
    assert one.exit_code == 0 and one.stdout == result.stdout
    wrong = run("slides", str(course), "--lecture", lecture[:-1] + "x")
    assert wrong.exit_code == 2 and f"(did you mean {lecture!r}?)" in wrong.stderr


def test_scaffold_lists_nearby_slides_as_review_candidates(course):
    result = run("quiz", "keys", "--scaffold", str(course))
    assert result.exit_code == 0, result.output
    text = (course / "answers.toml").read_text(encoding="utf-8")
    lecture = json.loads(run("slides", str(course), "--json").stdout)["slides"][0]["lecture"]
    assert "# Which optimiser adapts the learning rate per parameter?\n#   1) SGD\n#   2) ADAM" in text
    assert (
        f"# review candidates (slides near it; `lecturekit slides` lists them all):\n"
        f"#   {lecture}/optimisers  Optimisers\n"
        f"#   {lecture}/adaptive-learning-rates  Adaptive learning rates\n"
        f"#   {lecture}/regularisation  Regularisation\n"
    ) in text


def test_a_wrong_review_slide_or_setting_gets_did_you_mean_with_file_and_line(course):
    run("quiz", "keys", "--scaffold", str(course))
    answers = course / "answers.toml"
    text = answers.read_text(encoding="utf-8")
    lecture = json.loads(run("slides", str(course), "--json").stdout)["slides"][0]["lecture"]
    text = text.replace("answer = []", 'answer = ["2"]').replace(
        'review = ""', f'review = "{lecture}/adaptive-rates"'
    )
    answers.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith('["'))
    result = run("check", str(course))
    assert (
        f"{answers}:{line}: warning: {lecture}/ice-1: review slide '{lecture}/adaptive-rates' is not a slide "
        f"of this course (did you mean '{lecture}/adaptive-learning-rates'?)"
    ) in result.stderr
    (course / "course.toml").write_text('titel = "ML 101"\n', encoding="utf-8")
    result = run("check", str(course))
    assert result.exit_code == 2
    assert f"{course / 'course.toml'}:1: unknown setting 'titel' (did you mean 'title'?)" in result.stderr


def test_a_wrong_lecture_id_in_course_toml_gets_did_you_mean(course):
    (course / "week2.txt").write_text(DECK.replace("Optimisers", "Optimisers again"), encoding="utf-8")
    (course / "course.toml").write_text(
        '[[lectures]]\nid = "week-1"\nsources = ["week1.txt"]\n\n'
        '[[lectures]]\nid = "week-2"\nsources = ["week2.txt"]\nedition_of = "wek-1"\n',
        encoding="utf-8",
    )
    result = run("check", str(course))
    assert "lecture week-2: edition_of wek-1 is not a lecture (did you mean 'week-1'?)" in result.stderr
