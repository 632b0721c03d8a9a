"""The quiz commands end to end through the real pipeline: the seed course and small course folders."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from quiz_support import SEEDS

from lecturekit.cli import main
from lecturekit.models import QuestionKind
from lecturekit.quiz.model import QuestionSet

DECK = """ Intro

Welcome to the course
 ICE #1

Which optimiser adapts the learning rate per parameter?

1 SGD

2 ADAM
 ICE #2

What does <script>alert(1)</script> print? Select all that apply

1 nothing

2 an alert

3 the text
"""
COURSE_TOML = 'title = "Tiny"\n[[lectures]]\nid = "deck"\nsources = ["deck.txt"]\n'


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LECTUREKIT_CACHE", str(tmp_path / "cache"))


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A course folder with one text deck holding two ICEs."""
    root = tmp_path / "tiny"
    root.mkdir()
    (root / "deck.txt").write_text(DECK, encoding="utf-8")
    (root / "course.toml").write_text(COURSE_TOML, encoding="utf-8")
    return root


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.slow
def test_seed_course_has_four_mcqs_and_one_discussion_each_once_all_keyed() -> None:
    code, out, err = run("quiz", "extract", str(SEEDS), "--json")
    assert code == 0, err
    questions = QuestionSet.model_validate_json(out).questions
    assert sorted(q.id for q in questions) == [
        "2024-01-11/breakout-1",
        "2024-01-11/ice-1",
        "2026-01-14/ice-1",
        "2026-01-14/ice-2",
        "2026-01-14/ice-3",
    ]
    by_id = {q.id: q for q in questions}
    assert [o.text for o in by_id["2026-01-14/ice-1"].options] == ["8,8", "d,8", "1,8", "d,d"]
    assert {s.source for s in by_id["2026-01-14/ice-1"].pages} == {
        "000_5e6f1afa6cbb3b19.txt",
        "001_9877fb9ea88e89b7.txt",
    }
    assert by_id["2026-01-14/ice-2"].label == "ICE #2" and len(by_id["2026-01-14/ice-2"].options) == 4
    assert by_id["2026-01-14/ice-3"].multiple and len(by_id["2026-01-14/ice-3"].options) == 4
    assert "~~not~~" in by_id["2024-01-11/ice-1"].stem and len(by_id["2024-01-11/ice-1"].options) == 4
    assert by_id["2024-01-11/breakout-1"].kind is QuestionKind.DISCUSSION
    for question in questions:
        if question.kind is QuestionKind.MCQ:
            assert question.answer and question.explanation and question.review_slide
    assert "error" not in err and "review slide" not in err  # keys and review slides all resolve


@pytest.mark.slow
def test_check_on_the_seeds_passes_strict() -> None:
    code, out, err = run("--strict", "check", "--demo")
    assert code == 0, err
    assert "5 question(s), 0 needing attention" in out


def test_check_lists_unkeyed_and_fails_only_under_strict(tiny: Path) -> None:
    code, out, err = run("check", str(tiny))
    assert code == 0 and "deck/ice-1  unkeyed" in out and "no answer key yet" in err
    code, _, err = run("--strict", "check", str(tiny))
    assert code == 4 and "--strict" in err


def test_check_takes_strict_after_the_command_too(tiny: Path) -> None:
    # QA 10: `lecturekit check --strict COURSE` failed with "No such option '--strict'".
    code, out, err = run("check", "--strict", str(tiny))
    assert code == 4 and "deck/ice-1  unkeyed" in out and "--strict: warnings count as failure" in err
    code, _, _ = run("check", str(tiny), "--strict")
    assert code == 4


def test_check_fails_on_a_broken_answers_file_always(tiny: Path) -> None:
    (tiny / "answers.toml").write_text(
        '["deck/ice-1"]\nanswer = ["3"]\n\n["deck/ice-9"]\nanswer = ["1"\n', encoding="utf-8"
    )
    code, _, err = run("check", str(tiny))
    assert code == 1
    assert f"{tiny / 'answers.toml'}:2: error: deck/ice-1: option '3' does not exist" in err
    assert f"{tiny / 'answers.toml'}:5: error: not valid TOML" in err
    assert "Traceback" not in err


def test_keys_scaffold_then_fill_in(tiny: Path) -> None:
    code, out, _ = run("quiz", "keys", "--scaffold", str(tiny))
    assert code == 0 and "added 2 skeleton entries" in out and "0 of 2 multiple-choice questions keyed" in out
    text = (tiny / "answers.toml").read_text(encoding="utf-8")
    assert "# Which optimiser adapts the learning rate per parameter?\n#   1) SGD\n#   2) ADAM" in text
    (tiny / "answers.toml").write_text(text.replace("answer = []", 'answer = ["2"]', 1), encoding="utf-8")
    code, out, _ = run("quiz", "keys", "--scaffold", str(tiny))
    assert (
        "added 0 skeleton entries" in out
        and "1 of 2 multiple-choice questions keyed; pending: deck/ice-2" in out
    )
    questions = QuestionSet.model_validate_json(run("quiz", "extract", str(tiny), "--json")[1]).questions
    assert [q.answer for q in questions] == [["2"], None]


@pytest.mark.slow
def test_export_from_the_seeds(tmp_path: Path) -> None:
    # Each format's content is checked by the round-trip tests; here the command itself (two seed loads).
    code, _, err = run("quiz", "export", "--demo", "--format", "json", "-o", str(tmp_path / "q.json"))
    assert code == 0, err
    back = json.loads((tmp_path / "q.json").read_text(encoding="utf-8"))
    assert len(back["questions"]) == 5 and (tmp_path / "q.schema.json").is_file()
    code, _, err = run("quiz", "export", "--demo", "--format", "aiken", "-o", str(tmp_path / "q.txt"))
    assert code == 0 and "skipped in Aiken export: Aiken has no multi-select questions" in err
    assert (tmp_path / "q.txt").read_text(encoding="utf-8").count("ANSWER:") == 3


def test_export_to_a_missing_folder_is_one_clear_line(tiny: Path, tmp_path: Path) -> None:
    code, _, err = run("quiz", "export", str(tiny), "--format", "gift", "-o", str(tmp_path / "no" / "q.gift"))
    assert code != 0 and "Traceback" not in err and "q.gift" in err


def test_import_into_a_course_then_extract_and_key(tiny: Path, tmp_path: Path) -> None:
    gift = tmp_path / "old.gift"
    gift.write_text(
        "::Backprop:: Back-prop computes {=gradients ~losses ~data}\n\n::Broken:: oops {=a\n",
        encoding="utf-8",
    )
    code, _, err = run("quiz", "import", str(gift), "--course", str(tiny))
    assert code == 1 and "old.gift:3: error: unbalanced braces" in err
    saved = QuestionSet.model_validate_json(
        (tiny / "quiz" / "old.json").read_text(encoding="utf-8")
    ).questions
    assert len(saved) == 1 and saved[0].answer == ["1"] and saved[0].stem == "Back-prop computes"
    questions = QuestionSet.model_validate_json(run("quiz", "extract", str(tiny), "--json")[1]).questions
    assert saved[0].id in {q.id for q in questions}


def test_import_prints_json_without_a_course(tmp_path: Path) -> None:
    md = tmp_path / "mine.md"
    md.write_text("## Q1\nPick one\n- [ ] a\n- [x] b\n", encoding="utf-8")
    code, out, _ = run("quiz", "import", str(md))
    assert code == 0 and QuestionSet.model_validate_json(out).questions[0].answer == ["2"]


@pytest.mark.slow
def test_take_the_seed_quiz_through_stdin(tmp_path: Path) -> None:
    answers = "4\n\n4\n1\n1,2,4\n"  # 2024 ICE #1, breakout, 2026 ICE #1..#3
    code, out, _ = run("quiz", "take", "--demo", input=answers)
    assert code == 0
    assert out.count("Right!") == 4 and out.rstrip().endswith("Score: 4/4 (not scored: 1 discussion prompt)")
    assert (
        "Review slide 8 of lecture 2026-01-14" in out
        and "is ~~not~~ a hyper-parameter" in out
        and "\x1b[" not in out
    )


@pytest.mark.slow
def test_take_with_stdin_ending_early_says_what_was_not_answered() -> None:
    # QA 22: "1 2 3 1 foo" answered 2024 ICE #1 (wrong), the breakout, 2026 ICE #1 (wrong), ICE #2 (right);
    # "foo" is rejected for ICE #3 and the input ends, so ICE #3 is not answered (was "1 not scored").
    code, out, _ = run("quiz", "take", "--demo", input="1\n2\n3\n1\nfoo\n")
    assert code == 0 and "'foo' is not an option (1, 2, 3, 4)" in out
    assert out.rstrip().endswith("Score: 1/3 (not scored: 1 discussion prompt; 1 not answered)")


@pytest.mark.slow
def test_take_one_lecture_wrong_first_remembers_mistakes(tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "course")
    course = str(tmp_path / "course")
    code, out, _ = run("quiz", "take", course, "--lecture", "2026-01-14", input="1\n1\n1\n")
    assert "Score: 1/3" in out and out.count("Wrong") == 2
    code, out, _ = run(
        "quiz", "take", course, "--lecture", "2026-01-14", "--wrong-first", "--seed", "1", input="1\n1\n1\n"
    )
    # the two mistakes come first
    assert out.index("] ICE #1") < out.index("] ICE #3") < out.index("] ICE #2")


def test_take_rejects_invalid_answers_and_asks_again(tiny: Path) -> None:
    code, out, _ = run("quiz", "take", str(tiny), input="7\n1,2\n2\n1 3\n")
    assert "'7' is not an option (1, 2)" in out and "choose one answer" in out
    assert "Key pending" in out and "Score: 0/0" in out
    code, out, err = run("quiz", "take", str(tiny), "--lecture", "nope", input="")
    # a usage error: no quiz
    assert code == 2 and "no questions for lecture 'nope'" in err and "Score" not in out


def _read_until_exit(master: int) -> bytes:
    chunks = []
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def test_take_on_a_real_terminal_strikes_with_ansi_codes(tmp_path: Path) -> None:
    # QA 25: on a TTY the struck "not" is ESC[9m not ESC[0m, never combining strokes.
    root = tmp_path / "struck"
    root.mkdir()
    (root / "deck.txt").write_text(
        " Intro\nWelcome\n ICE #1\nWhich is ~~not~~ an optimiser?\n1 SGD\n2 ReLU\n", encoding="utf-8"
    )
    (root / "course.toml").write_text(COURSE_TOML, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | {
        "LECTUREKIT_CACHE": str(tmp_path / "cache")
    }
    master, slave = os.openpty()
    child = subprocess.Popen(
        [sys.executable, "-m", "lecturekit", "quiz", "take", str(root)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        close_fds=True,
    )
    os.close(slave)
    os.write(master, b"2\n")
    out = _read_until_exit(master).decode("utf-8", "replace")
    os.close(master)
    assert child.wait(timeout=60) == 0
    assert "Which is \x1b[9mnot\x1b[0m an optimiser?" in out and "\u0336" not in out
    assert "Score: 0/0 (not scored: 1 key pending)" in out


@pytest.mark.slow
def test_extract_the_ocr_seed_keeps_garbled_options_and_flags_them() -> None:
    # QA 9: 001's ICE #1 came out as a discussion with no options (the cleaner dropped "O 3838", "Q138").
    code, out, err = run("quiz", "extract", str(SEEDS / "001_9877fb9ea88e89b7.txt"), "--json")
    ice1 = next(q for q in QuestionSet.model_validate_json(out).questions if q.id == "2026-01-14/ice-1")
    assert ice1.kind is QuestionKind.MCQ and ice1.flags == ["garbled"]
    assert [(o.text, o.garbled) for o in ice1.options] == [
        ("3838", True),
        ("ds", True),
        ("138", True),
        ("dd", True),
    ]
    assert (
        "001_9877fb9ea88e89b7.txt:p. 9: warning: ICE #1: options look garbled (kept as read): '3838'" in err
    )


def test_extract_reads_options_written_on_the_stem_line(tmp_path: Path) -> None:
    # QA 8: the "Quiz 4" below was a discussion prompt with no options.
    deck = tmp_path / "quizstyles.txt"
    deck.write_text(
        " Quiz 4\nPick the loss for classification: a) MSE b) Cross-entropy c) Hinge\n"
        " ICE #5\nWhich one? A. SGD B. Adam\n",
        encoding="utf-8",
    )
    code, out, err = run("quiz", "extract", str(deck), "--json")
    questions = QuestionSet.model_validate_json(out).questions
    assert code == 0 and [q.kind for q in questions] == [QuestionKind.MCQ, QuestionKind.MCQ]
    assert questions[0].stem == "Pick the loss for classification:"
    assert [o.text for o in questions[0].options] == ["MSE", "Cross-entropy", "Hinge"]
    assert [o.text for o in questions[1].options] == ["SGD", "Adam"]


def test_quiz_commands_find_the_examples_but_never_run_them(monkeypatch) -> None:
    from lecturekit.topics import examples

    monkeypatch.setattr(
        examples, "run_example", lambda *args, **kwargs: pytest.fail("a quiz command ran an example")
    )
    for args in (
        ("quiz", "extract", str(SEEDS), "--json"),
        ("check", str(SEEDS)),
        ("topics", str(SEEDS), "--json"),
    ):
        code, _, err = run(*args)
        assert code == 0, (args, err)
