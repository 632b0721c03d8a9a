"""The instructor's `add` use case (lecturekit.workflows): answer keys go where course.toml says."""

from __future__ import annotations

from pathlib import Path

from lecturekit.errors import Diagnostics
from lecturekit.topics import RUN_EXAMPLES_ENV
from lecturekit.workflows import add_sources

LECTURE = """Learning rate
- Too large a step diverges, too small a step crawls

ICE 1
Which learning rate diverges on this loss?
1. 0.001
2. 0.01
3. 10
"""


def test_add_scaffolds_keys_into_the_answers_file_course_toml_names(tmp_path: Path, monkeypatch):
    monkeypatch.setenv(RUN_EXAMPLES_ENV, "0")
    course = tmp_path / "course"
    course.mkdir()
    (course / "course.toml").write_text('title = "Optimisation"\nanswers = "keys.toml"\n', encoding="utf-8")
    source = tmp_path / "week1.txt"
    source.write_text(LECTURE, encoding="utf-8")
    found, _ = add_sources([source], course, None, tmp_path / "site", Diagnostics())
    assert found.unkeyed == 1 and found.keys_scaffolded == 1
    assert "Which learning rate diverges" in (course / "keys.toml").read_text(encoding="utf-8")
    assert not (course / "answers.toml").exists()
