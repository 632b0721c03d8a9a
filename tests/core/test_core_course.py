"""course.toml loading and source discovery in a course folder."""

import datetime as dt

import pytest

from lecturekit.course import discover_sources, load_config
from lecturekit.errors import UsageError
from lecturekit.pipeline import bundled_seeds


def test_bundled_seed_course_config_names_every_seed():
    root = bundled_seeds()
    config = load_config(root)
    named = {name for lecture in config.lectures for name in lecture.sources}
    on_disk = {p.name for p in root.glob("*.txt")}
    assert named == on_disk and len(on_disk) == 5
    edition = next(lec for lec in config.lectures if lec.edition_of)
    assert (edition.id, edition.edition_of) == ("2024-01-11", "2026-01-14")


def test_discovery_skips_config_hidden_and_readme(tmp_path):
    for name in ["b.txt", "a.pdf", "course.toml", "answers.toml", ".hidden", "README.md", "_draft.txt"]:
        (tmp_path / name).write_text("x")
    root, files = discover_sources([tmp_path])
    assert root == tmp_path
    assert [f.name for f in files] == ["a.pdf", "b.txt"]


def test_missing_path_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError) as info:
        discover_sources([tmp_path / "nope.pdf"])
    assert "nope.pdf" in str(info.value)


def test_course_toml_syntax_error_names_line(tmp_path):
    (tmp_path / "course.toml").write_text('title = "x"\n[[lectures]]\nid = \n')
    with pytest.raises(UsageError) as info:
        load_config(tmp_path)
    assert "course.toml:3" in str(info.value)


def test_course_toml_wrong_field_is_reported(tmp_path):
    (tmp_path / "course.toml").write_text('[[lectures]]\ndate = "not a date"\n')
    with pytest.raises(UsageError) as info:
        load_config(tmp_path)
    assert "lectures.0.date" in str(info.value)


def test_course_toml_dates_parse(tmp_path):
    (tmp_path / "course.toml").write_text('[[lectures]]\nid = "l1"\ndate = 2026-01-14\n')
    assert load_config(tmp_path).lectures[0].date == dt.date(2026, 1, 14)
