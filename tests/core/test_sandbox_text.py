"""Clean text: control characters and bidi overrides in a source reach no title, page, search index or terminal."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from lecturekit.cli import main
from lecturekit.controls import TERMINAL_CONTROLS
from lecturekit.errors import Diagnostics
from lecturekit.ingest.dispatch import read_source
from lecturekit.ingest.options import IngestOptions
from lecturekit.models import Course, Option, Question, QuestionKind
from lecturekit.quiz.take import run_quiz

OSC_TITLE = "\x1b]0;owned\x07"  # sets the terminal's title
OSC_LINK = "\x1b]8;;https://evil.example/\x07click\x1b]8;;\x07"  # a hidden hyperlink
# The sniffer refuses a NUL in a file's first 8 kB as binary; later in a long dump it is only text to clean.
FILLER = " Introduction\n" + "".join(f"Optimisation notes, line {n}, about step sizes.\n" for n in range(250))
HOSTILE = FILLER + (
    f" Gradient\x00 Descent {OSC_TITLE}\n"
    "We step against the gradient.\n"
    "Download: \u202egpj.exe\u202c today\n"
    f"See {OSC_LINK} for more.\n"
    " שלום Momentum\n"
    "Momentum averages past gradients \u2066and\u2069 damps the zig-zag.\n"
)


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LECTUREKIT_RUN_EXAMPLES", "0")
    folder = tmp_path / "course"
    folder.mkdir()
    (folder / "lecture.txt").write_text(HOSTILE)
    return folder


def test_site_titles_pages_and_search_index_hold_no_control_characters(course: Path, tmp_path: Path):
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", str(course), "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    written = {
        p: p.read_text(encoding="utf-8") for p in out.rglob("*") if p.suffix in (".html", ".js", ".json")
    }
    ours = {p: text for p, text in written.items() if "katex" not in p.parts}
    assert any("Gradient Descent" in text for text in ours.values())
    assert any("שלום Momentum" in text for text in ours.values())  # right-to-left text is kept
    for path, text in ours.items():
        for bad in ("\x00", "\x1b", "\x07", "\u202e", "\u2066", "\u2069"):
            assert bad not in text, (path, repr(bad))


def test_ingest_prints_no_escape_sequences(course: Path):
    for args in (
        ["ingest", str(course)],
        ["ingest", "--raw", "--json", str(course)],
        ["ingest", "--json", str(course)],
    ):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.stderr
        assert not TERMINAL_CONTROLS.search(result.stdout), args
        assert "\u202e" not in result.stdout
    raw = CliRunner().invoke(main, ["ingest", "--raw", "--json", str(course)]).stdout
    assert "\\u001b]0;owned\\u0007" in raw  # the raw pages keep it, as a JSON escape that drives nothing


def test_diagnostics_escape_a_hostile_file_name(tmp_path: Path):
    folder = tmp_path / "course"
    folder.mkdir()
    (folder / f"evil{OSC_TITLE}.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["ingest", str(folder)])
    assert "\x1b" not in result.stderr and "\\x1b]0;owned\\x07" in result.stderr


def test_terminal_quiz_escapes_question_text_but_keeps_its_own_strike_through():
    question = Question(
        id="l/ice-1",
        lecture="l",
        label="ICE #1",
        kind=QuestionKind.MCQ,
        stem=f"Which is ~~not~~ a loss? {OSC_TITLE}",
        options=[Option(key="1", text=f"MSE {OSC_LINK}"), Option(key="2", text="ReLU")],
        answer=["2"],
    )
    said: list[str] = []
    run_quiz(Course(title="T", root="."), [question], lambda _: "2", said.append, ansi=True)
    shown = "\n".join(said)
    assert "\x1b]" not in shown and "\\x1b]0;owned\\x07" in shown
    assert "\x1b[9m" in shown  # lecturekit's own strike-through is still drawn


def test_mojibake_in_a_dump_is_repaired_before_normalising(tmp_path: Path):
    path = tmp_path / "dump.txt"
    path.write_text(
        " Itâ€™s a cafÃ© â€” gradients\nWe donâ€™t step blindly.\n Momentum\nIt damps.\n", encoding="utf-8"
    )
    diag = Diagnostics()
    source = read_source(path, IngestOptions(cache=False), diag)
    assert source.pages[0].text == "It’s a café — gradients\nWe don’t step blindly."
    assert [(d.location, d.message.split(" (")[0]) for d in diag.warnings] == [
        ("1", "mojibake repaired on 2 line(s)")
    ]


def test_course_toml_titles_lose_their_control_characters(tmp_path: Path):
    from lecturekit.course import load_config

    (tmp_path / "course.toml").write_text(
        'title = "Deep\\u0000 Learning\\u202e"\n[[lectures]]\nid = "l1"\ntitle = "Intro\\u001b[2J"\n'
    )
    config = load_config(tmp_path)
    assert (config.title, config.lectures[0].title) == ("Deep Learning", "Intro[2J")


def test_imported_quiz_text_loses_its_control_characters(tmp_path: Path):
    from lecturekit.quiz.formats import import_questions

    path = tmp_path / "quiz.gift"
    path.write_text(f"::q1:: Which is a loss?{OSC_TITLE} {{=MSE\u202e ~ReLU}}\n")
    diag = Diagnostics()
    questions = import_questions(path, diag)
    assert [(q.stem, [o.text for o in q.options]) for q in questions] == [
        ("Which is a loss?]0;owned", ["MSE", "ReLU"])
    ]
    assert diag.warnings[0].message.startswith("control characters taken out: U+001B, U+0007, U+202E")
