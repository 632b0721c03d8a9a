"""True/false, short answer, numeric, matching and weighted multi-answer: GIFT in and out, exports read back, math."""

from __future__ import annotations

import sqlite3
import tempfile
import zipfile
from pathlib import Path

import pytest

from lecturekit.errors import Diagnostics
from lecturekit.models import QuestionKind
from lecturekit.quiz.formats import (
    ExportFormat,
    ImportFormat,
    detect_format,
    export_questions,
    gift,
    import_questions,
    moodle_xml,
    qti,
)
from lecturekit.quiz.grading import grade_typed

# Our own fixture, one question of each GIFT form (Moodle's documented examples stay outside the repository).
EVERY_FORM = r"""// every GIFT form
$CATEGORY: physics

::tf::[plain] The Earth orbits the Sun. {TRUE#Look again.#Yes.}

::tf2:: Sound travels faster in vacuum. {F}

::short:: Which planet is the red one? {=Mars =%50%the red planet#half marks}

::num:: What is $g$ in m/s²? {#9.81:0.05}

::range:: Pick a number between 1 and 5. {#1..5}

::numlist:: When was the year of the Frankfurt book fair's start? {#=1451:0 =%50%1450:2}

::match:: Match the unit to the quantity. {=newton -> force =joule -> energy =watt -> power}

::weights:: Which are prime? {~%50%2 ~%50%3 ~%-50%4#not prime}

::mc::[markdown] Which escape is literal: \{ or \= ? {=\{ brace ~\= sign ####General feedback.}

::essay:: Write about energy. {}

A description with no answer block at all.

::missing:: Newton's {=first ~second} law says objects keep moving.
"""


def read_every_form(tmp_path: Path, name: str = "quiz.txt") -> tuple[list, Diagnostics]:
    path = tmp_path / name
    path.write_text(EVERY_FORM, encoding="utf-8")
    diag = Diagnostics()
    return import_questions(path, diag), diag


def test_a_gift_file_named_txt_is_read_as_gift_with_every_type(tmp_path: Path) -> None:
    questions, diag = read_every_form(tmp_path)
    assert detect_format(EVERY_FORM) is ImportFormat.GIFT and diag.items == []
    kinds = {q.label: q.kind for q in questions}
    assert kinds["tf"] is QuestionKind.TRUE_FALSE and kinds["short"] is QuestionKind.SHORT_ANSWER
    assert (
        kinds["num"] is kinds["range"] is kinds["numlist"] is QuestionKind.NUMERIC
        and kinds["match"] is QuestionKind.MATCHING
    )
    assert (
        kinds["essay"] is QuestionKind.DISCUSSION
        and kinds["weights"] is QuestionKind.MCQ
        and len(questions) == 12
    )
    by = {q.label: q for q in questions}
    assert (
        by["tf"].stem == "The Earth orbits the Sun."
        and by["tf"].answer == ["1"]
        and by["tf2"].answer == ["2"]
    )
    assert by["tf"].options[1].feedback == "Look again." and by["tf"].options[0].feedback == "Yes."
    assert [(a.text, a.weight, a.feedback) for a in by["short"].accepted] == [
        ("Mars", 100, None),
        ("the red planet", 50, "half marks"),
    ]
    assert (by["num"].numeric[0].value, by["num"].numeric[0].tolerance) == (9.81, 0.05)
    assert (
        by["range"].numeric[0].as_range
        and by["range"].numeric[0].accepts(4.9)
        and not by["range"].numeric[0].accepts(5.1)
    )
    assert [(n.value, n.weight) for n in by["numlist"].numeric] == [(1451, 100), (1450, 50)]
    assert [(p.left, p.right) for p in by["match"].pairs] == [
        ("newton", "force"),
        ("joule", "energy"),
        ("watt", "power"),
    ]
    assert [o.weight for o in by["weights"].options] == [50, 50, -50] and by["weights"].multiple
    assert by["mc"].stem == "Which escape is literal: { or = ?" and by["mc"].options[0].text == "{ brace"
    assert by["mc"].explanation == "General feedback." and "[markdown]" not in by["mc"].stem
    assert by["missing"].stem == "Newton's _____ law says objects keep moving."


def test_gift_round_trip_keeps_every_supported_question(tmp_path: Path) -> None:
    questions, _ = read_every_form(tmp_path)
    text = gift.dumps(questions)
    again = gift.read(text, "quiz.gift", Diagnostics())
    fields = ("kind", "stem", "options", "answer", "accepted", "numeric", "pairs", "multiple", "explanation")
    assert [q.model_dump(include=set(fields)) for q in again] == [
        q.model_dump(include=set(fields)) for q in questions
    ]


def test_unreadable_gift_gets_file_line_and_reason(tmp_path: Path) -> None:
    path = tmp_path / "bad.gift"
    path.write_text("::a:: Fine? {T}\n\n::b:: Value? {#ten}\n\n::c:: Loose {=yes ~no\n", encoding="utf-8")
    diag = Diagnostics()
    back = import_questions(path, diag)
    assert [q.label for q in back] == ["a"]
    assert [(d.file, d.location) for d in diag.errors] == [("bad.gift", "3"), ("bad.gift", "5")]
    assert "not a number" in diag.errors[0].message and "braces" in diag.errors[1].message


def test_exports_carry_every_type_and_math_and_read_back(tmp_path: Path) -> None:
    questions, _ = read_every_form(tmp_path)
    diag = Diagnostics()
    export_questions(questions, ExportFormat.MOODLE_XML, tmp_path / "q.xml", "Physics", diag)
    data = (tmp_path / "q.xml").read_bytes()
    assert b"\\(g\\)" in data and b"$g$" not in data
    back = moodle_xml.loads(data)  # parsed and validated against the schema
    assert [q.kind for q in back] == [q.kind for q in questions]
    assert [q.stem for q in back] == [q.stem for q in questions]  # \( \) read back as $ $
    assert [(n.value, n.tolerance) for n in back[3].numeric] == [(9.81, 0.05)] and len(back[6].pairs) == 3
    export_questions(questions, ExportFormat.QTI, tmp_path / "q.zip", "Physics", diag)
    kinds = [q.kind for q in qti.read(tmp_path / "q.zip")]
    assert kinds == [q.kind for q in questions]
    export_questions(questions, ExportFormat.ANKI, tmp_path / "q.apkg", "Physics", diag)
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(tmp_path / "q.apkg") as archive:
        archive.extract("collection.anki2", tmp)
        with sqlite3.connect(Path(tmp) / "collection.anki2") as db:
            fields = [row[0].split("\x1f") for row in db.execute("select flds from notes")]
    assert any("\\(g\\)" in f[2] for f in fields) and any(
        "Answer: Mars or the red planet" in f[4] for f in fields
    )


def test_aiken_skips_what_it_cannot_carry_with_one_line_each(tmp_path: Path) -> None:
    questions, _ = read_every_form(tmp_path)
    diag = Diagnostics()
    written = export_questions(questions, ExportFormat.AIKEN, tmp_path / "q.aiken", "Physics", diag)
    skipped = [d.message for d in diag.warnings]
    assert written == 4 and len(skipped) == len(questions) - 4  # two true/false, two single-answer MCQs
    assert any("Aiken has no numeric questions" in m for m in skipped)


def test_typed_answers_are_graded() -> None:
    questions, _ = read_every_form(Path(tempfile.mkdtemp()))
    by = {q.label: q for q in questions}
    assert grade_typed(by["short"], "  mars ") == (True, None) and grade_typed(by["short"], "Venus") == (
        False,
        None,
    )
    assert grade_typed(by["num"], "9,83") == (True, None) and grade_typed(by["num"], "ten")[1] is not None
    assert grade_typed(by["match"], "b a c") == (True, None)  # choices offered sorted: energy, force, power
    assert grade_typed(by["match"], "a b c") == (False, None)


def test_partial_credit_on_a_single_answer_question_and_escaped_backslashes() -> None:
    text = (
        "::pc:: Where is the library? {~Basement ~%50%Second floor#close =Third floor#yes}\n\n"
        "::esc:: Which is not special in GIFT? {~ \\~ # tilde is special\n= \\\\ # a backslash escapes, it is no control}\n"
    )
    pc, esc = gift.read(text, "q.gift", Diagnostics())
    assert not pc.multiple and pc.answer == ["3"] and [o.weight for o in pc.options] == [0, 50, 100]
    assert [o.text for o in esc.options] == ["~", "\\"] and esc.answer == ["2"]
    assert esc.options[1].feedback == "a backslash escapes, it is no control"
    again = gift.read(gift.dumps([pc, esc]), "q.gift", Diagnostics())
    assert [q.options for q in again] == [pc.options, esc.options] and [q.answer for q in again] == [
        ["3"],
        ["2"],
    ]


def test_answers_toml_turns_prompts_into_typed_questions(tmp_path: Path) -> None:
    from lecturekit.models import Lecture, Option, Question
    from lecturekit.quiz.apply import apply_answers
    from lecturekit.quiz.keys import load_answers

    def prompt(qid: str, options: int = 0) -> Question:
        return Question(
            id=qid,
            lecture="L1",
            label=qid,
            kind=QuestionKind.MCQ if options else QuestionKind.DISCUSSION,
            stem="?",
            options=[Option(key=str(i), text=f"o{i}") for i in range(1, options + 1)],
        )

    (tmp_path / "answers.toml").write_text(
        """
["L1/tf"]
kind = "true-false"
answer = false

["L1/short"]
kind = "short-answer"
answer = ["Mars", "the red planet"]

["L1/num"]
kind = "numeric"
answer = 9.81
tolerance = 0.05

["L1/range"]
kind = "numeric"
range = [1, 5]

["L1/match"]
kind = "matching"
pairs = { newton = "force", joule = "energy" }

["L1/weights"]
weights = { "1" = 50, "2" = 50, "3" = -100 }

["L1/bad"]
kind = "essay"
""",
        encoding="utf-8",
    )
    diag = Diagnostics()
    keys = load_answers(tmp_path / "answers.toml", diag)
    ids = ["L1/tf", "L1/short", "L1/num", "L1/range", "L1/match", "L1/bad"]
    questions = apply_answers(
        [*[prompt(i) for i in ids], prompt("L1/weights", 3)], keys, [Lecture(id="L1", title="t")], diag
    )
    by = {q.id: q for q in questions}
    assert by["L1/tf"].kind is QuestionKind.TRUE_FALSE and by["L1/tf"].answer == ["2"]
    assert [a.text for a in by["L1/short"].accepted] == ["Mars", "the red planet"]
    assert by["L1/num"].numeric[0].accepts(9.85) and by["L1/range"].numeric[0].accepts(1.0)
    assert [(p.left, p.right) for p in by["L1/match"].pairs] == [("newton", "force"), ("joule", "energy")]
    assert by["L1/weights"].multiple and by["L1/weights"].answer == ["1", "2"]
    assert [o.weight for o in by["L1/weights"].options] == [50, 50, -100]
    assert not any(q.unkeyed for q in questions) and by["L1/num"].key_source == "answers.toml"
    assert [d.location for d in diag.errors] == ["27"] and "unknown kind 'essay'" in diag.errors[0].message


MARKDOWN_QUIZ = """## Systems quiz

#### Q1. Which call frees memory?

```c
int *p = malloc(4 * sizeof *p);  /* { = braces in code say nothing } */
```

- [ ] release()
- [x] free()

#### Q2. Which layer routes packets?

a) Physical
b) Network
c) Session

**Answer:** b

#### Q3. What does a cache exploit?

A. Locality
B. Parallelism

**Explanation:**
The correct answer is A. Locality: recently used data is used again.
"""


def test_markdown_quiz_with_checkbox_and_written_keys_is_told_apart_from_gift(tmp_path: Path) -> None:
    path = tmp_path / "quiz.txt"
    path.write_text(MARKDOWN_QUIZ, encoding="utf-8")
    assert detect_format(MARKDOWN_QUIZ) is ImportFormat.MARKDOWN
    diag = Diagnostics()
    questions = import_questions(path, diag)
    assert [(q.label, q.answer) for q in questions] == [("Q1", ["2"]), ("Q2", ["2"]), ("Q3", ["1"])]
    assert questions[0].stem.startswith("Which call frees memory?\n\n```c")
    assert [o.text for o in questions[1].options] == ["Physical", "Network", "Session"]
    assert questions[1].stem == "Which layer routes packets?" and questions[2].explanation.startswith(
        "Locality"
    )
    assert diag.items == []


def test_terminal_quiz_asks_typed_questions() -> None:
    from lecturekit.models import Course
    from lecturekit.quiz.take import run_quiz

    questions, _ = read_every_form(Path(tempfile.mkdtemp()))
    by = {q.label: q for q in questions}
    asked = [by["tf"], by["short"], by["num"], by["match"]]
    replies = iter(["true", "mars", "ten", "9.7", "b a c"])
    said: list[str] = []
    result = run_quiz(Course(title="t", root="."), asked, lambda prompt: next(replies, None), said.append)
    assert [a.correct for a in result.attempts] == [True, True, False, True]
    assert any("is not a number" in line for line in said) and any("a) energy" in line for line in said)
    assert any("the answer is 9.81 ± 0.05" in line for line in said) and said[-1] == "Score: 3/4"


def test_anki_export_is_read_back_by_anki_itself(tmp_path: Path) -> None:
    anki_collection = pytest.importorskip("anki.collection")
    from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    questions, _ = read_every_form(tmp_path)
    export_questions(questions, ExportFormat.ANKI, tmp_path / "q.apkg", "Physics", Diagnostics())
    collection = anki_collection.Collection(str(tmp_path / "collection.anki2"))
    try:
        request = ImportAnkiPackageRequest(
            package_path=str(tmp_path / "q.apkg"), options=ImportAnkiPackageOptions()
        )
        assert len(collection.import_anki_package(request).log.new) == len(questions)
        notes = {note["Label"]: note for note in (collection.get_note(i) for i in collection.find_notes(""))}
    finally:
        collection.close()
    assert (
        notes["num"]["Question"] == "What is \\(g\\) in m/s²?"
        and notes["num"]["Answer"] == "Answer: 9.81 ± 0.05"
    )
    assert notes["tf"]["Answer"] == "Answer: True" and notes["match"]["Answer"].startswith(
        "Answer: newton → force"
    )


def test_markdown_checkbox_question_keyed_by_a_written_answer_keeps_its_reference_out_of_the_stem(
    tmp_path: Path,
) -> None:
    text = (
        "#### Q1. Which is a vector?\n\n- [ ] mass\n- [ ] velocity\n\n**Answer:** velocity\n\n"
        "#### Q2. Which is prime?\n\n- [x] 7\n- [ ] 8\n\n[Reference](https://example.org/primes)\n"
    )
    questions = import_questions_from(tmp_path, text)
    assert [(q.stem, q.answer) for q in questions] == [
        ("Which is a vector?", ["2"]),
        ("Which is prime?", ["1"]),
    ]
    assert questions[1].explanation == "[Reference](https://example.org/primes)"


def import_questions_from(tmp_path: Path, text: str) -> list:
    path = tmp_path / "quiz.md"
    path.write_text(text, encoding="utf-8")
    return import_questions(path, Diagnostics())
