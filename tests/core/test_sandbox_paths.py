"""A course folder is a sandbox: every path a course names stays inside it, and a course is consistent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lecturekit.cli import main
from lecturekit.course import answers_file, load_config, outside_allowed, topics_file
from lecturekit.errors import Diagnostics, ExitCode, UsageError
from lecturekit.ingest import IngestOptions
from lecturekit.ingest.dispatch import ingest_paths

DECK = (
    " Gradient Descent\nWe step against the gradient.\nThe learning rate sets the step.\n"
    " Momentum\nMomentum averages past gradients.\nIt damps the zig-zag.\n"
)
NOTES = "# Dropout\n\nDropout removes units at random while training.\n"
SECRET = "root:x:0:0:secret-marker:/root:/bin/bash\n"


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """A course folder with one dump and one notes file, and a sibling folder that must stay untouched."""
    folder = tmp_path / "course"
    folder.mkdir()
    (folder / "lecture-1.txt").write_text(DECK)
    (folder / "notes.md").write_text(NOTES)
    other = tmp_path / "other"
    other.mkdir()
    (other / "victim.toml").write_text('["x/ice-1"]\nanswer = ["1"]\n')
    (other / "secret.txt").write_text(SECRET)
    return folder


def _raw_json(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, args)
    return result.exit_code, result.stdout, result.stderr


def test_answers_outside_the_course_is_refused_with_its_line_and_never_written(course: Path):
    (course / "course.toml").write_text('title = "T"\n\nanswers = "../other/victim.toml"\n')
    before = (course.parent / "other" / "victim.toml").read_bytes()
    code, _, err = _raw_json(["quiz", "keys", "--scaffold", str(course)])
    assert code == ExitCode.USAGE
    assert f'{course / "course.toml"}:3: answers = "../other/victim.toml"' in err
    assert "outside the course folder" in err and "Traceback" not in err
    assert (course.parent / "other" / "victim.toml").read_bytes() == before


def test_absolute_topics_path_is_refused(course: Path):
    (course / "course.toml").write_text('topics = "/etc/passwd"\n')
    with pytest.raises(UsageError) as info:
        load_config(course)
    assert str(info.value).startswith(f'{course / "course.toml"}:1: topics = "/etc/passwd"')


def test_default_answers_file_that_links_out_is_refused(course: Path):
    (course / "answers.toml").symlink_to(course.parent / "other" / "victim.toml")
    with pytest.raises(UsageError) as info:
        load_config(course)
    assert f"{course / 'answers.toml'}: is a link to" in str(info.value)


def test_allow_outside_is_the_explicit_opt_in(course: Path):
    (course / "course.toml").write_text('answers = "../other/victim.toml"\n')
    with outside_allowed():
        config = load_config(course)
    assert answers_file(course, config).resolve() == (course.parent / "other" / "victim.toml").resolve()


def test_every_command_uses_one_resolved_answers_file(course: Path):
    (course / "course.toml").write_text('answers = "keys/answers.toml"\ntopics = "keys/topics.toml"\n')
    config = load_config(course)
    assert answers_file(course, config) == course / "keys" / "answers.toml"
    assert topics_file(course, config) == course / "keys" / "topics.toml"


def test_symlink_out_of_the_course_is_not_published(course: Path):
    (course / "passwd.txt").symlink_to(course.parent / "other" / "secret.txt")
    code, out, err = _raw_json(["ingest", "--raw", "--json", str(course)])
    assert "secret-marker" not in out
    assert [s["name"] for s in json.loads(out)["sources"]] == ["lecture-1.txt", "notes.md"]
    assert f"{course / 'passwd.txt'}: error: is a link to" in err and "outside the course folder" in err


def test_symlink_out_is_read_with_allow_outside(course: Path):
    (course / "passwd.txt").symlink_to(course.parent / "other" / "secret.txt")
    code, out, _ = _raw_json(["--allow-outside", "ingest", "--raw", "--json", str(course)])
    assert "secret-marker" in out


def test_symlink_inside_the_course_is_fine(course: Path):
    (course / "sub").mkdir()
    (course / "sub" / "deck.txt").write_text(DECK.replace("Momentum", "Nesterov"))
    (course / "linked.txt").symlink_to(course / "sub" / "deck.txt")
    diag = Diagnostics()
    result = ingest_paths([course], IngestOptions(cache=False), diag)
    assert "linked.txt" in [s.name for s in result.sources] and not diag.errors


def test_broken_symlink_gets_the_error_line(course: Path):
    (course / "gone.txt").symlink_to(course / "nowhere.txt")
    diag = Diagnostics()
    result = ingest_paths([course], IngestOptions(cache=False), diag)
    assert [str(d) for d in diag.errors] == [
        f"{course / 'gone.txt'}: error: broken link to {course / 'nowhere.txt'}; point it at an existing file"
    ]
    assert len(result.sources) == 2


def test_course_toml_source_escaping_is_refused_and_the_rest_read(course: Path):
    (course / "course.toml").write_text(
        '[[lectures]]\nid = "l1"\nsources = [\n  "lecture-1.txt",\n  "../other/secret.txt",\n]\n'
    )
    diag = Diagnostics()
    result = ingest_paths([course], IngestOptions(cache=False), diag)
    errors = [d for d in diag.errors if d.file.endswith("course.toml")]
    assert (
        len(errors) == 1
        and errors[0].location == "5"
        and 'sources: "../other/secret.txt"' in errors[0].message
    )
    assert "secret.txt" not in [s.name for s in result.sources]
    assert result.config.lectures[0].sources == ["lecture-1.txt"]


def test_shared_source_is_read_with_allow_outside(course: Path):
    (course / "course.toml").write_text(
        '[[lectures]]\nid = "l1"\nsources = ["lecture-1.txt", "../other/secret.txt"]\n'
    )
    diag = Diagnostics()
    with outside_allowed():
        result = ingest_paths([course], IngestOptions(cache=False), diag)
    assert "secret.txt" in [s.name for s in result.sources]
    assert result.config.lectures[0].sources == ["lecture-1.txt", "secret.txt"]


def test_duplicate_lecture_ids_name_both_lines(course: Path):
    (course / "course.toml").write_text(
        '[[lectures]]\nid = "week-1"\nsources = ["lecture-1.txt"]\n\n'
        '[[lectures]]\nid = "week-1"\nsources = ["notes.md"]\n'
    )
    code, _, err = _raw_json(["ingest", str(course)])
    assert code == ExitCode.USAGE
    path = course / "course.toml"
    assert f"{path}:6: lecture id 'week-1' is used twice (also at {path}:2)" in err


def test_source_under_two_lectures_is_a_warning(course: Path):
    (course / "course.toml").write_text(
        '[[lectures]]\nid = "a"\nsources = ["lecture-1.txt"]\n\n'
        '[[lectures]]\nid = "b"\nsources = ["notes.md", "lecture-1.txt"]\n'
    )
    diag = Diagnostics()
    load_config(course, diag)
    assert [(d.location, d.message) for d in diag.warnings] == [
        (
            "7",
            "source lecture-1.txt is listed under lecture b and under lecture a (line 3); both lectures show its slides",
        )
    ]


def test_quiz_folder_linking_out_is_refused_for_imports(course: Path, tmp_path: Path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (course / "quiz").symlink_to(outside, target_is_directory=True)
    gift = tmp_path / "extra.gift"
    gift.write_text("::q1:: Which is a loss? {=MSE ~ReLU}\n")
    result = CliRunner().invoke(main, ["quiz", "import", str(gift), "--course", str(course)])
    assert result.exit_code == ExitCode.USAGE and "outside the course folder" in result.stderr
    assert list(outside.iterdir()) == []


def test_imported_question_file_linking_out_is_not_read(course: Path, tmp_path: Path):
    from lecturekit.quiz.imported import load_imported

    (course / "quiz").mkdir()
    (course / "quiz" / "stolen.json").symlink_to(tmp_path / "other" / "secret.txt")
    diag = Diagnostics()
    assert load_imported(course, diag) == []
    assert "secret-marker" not in str(diag.items) and "outside the course folder" in diag.errors[0].message
