"""Every export format read back (round trip), XML validated, bad import files reported by line."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import genanki
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from quiz_support import TEXT_2026, dump_lecture, exercise_lecture_2024

from lecturekit.errors import Diagnostics, UsageError
from lecturekit.models import Method, Option, Question, QuestionKind
from lecturekit.quiz import extract_questions
from lecturekit.quiz.formats import (
    ExportFormat,
    ImportFormat,
    anki,
    export_questions,
    gift,
    import_questions,
    moodle_xml,
    qti,
)
from lecturekit.quiz.formats.json_format import schema, schema_path
from lecturekit.quiz.text import same_text

CONTENT = ("id", "lecture", "label", "kind", "stem", "options", "answer", "multiple", "explanation")
HOSTILE = "<script>alert('x')</script> & {braces} = #hash ~tilde :colon"


@pytest.fixture(scope="module")
def questions() -> list[Question]:
    """The seed questions (2026 text copy + 2024), keyed, plus one with hostile text and feedback."""
    found = extract_questions(
        [dump_lecture("2026-01-14", [(TEXT_2026, Method.TEXT_LAYER)]), exercise_lecture_2024()], Diagnostics()
    )
    answers = {"2026-01-14/ice-1": ["4"], "2026-01-14/ice-2": ["1"], "2026-01-14/ice-3": ["1", "2", "4"]}
    keyed = [
        q.model_copy(update={"answer": answers.get(q.id), "explanation": f"Because of slide {i}."})
        for i, q in enumerate(found)
    ]
    hostile = Question(
        id="X/ice-1",
        lecture="X",
        label="ICE #1",
        kind=QuestionKind.MCQ,
        stem=f"Is {HOSTILE} ~~not~~ text?",
        options=[Option(key="1", text=HOSTILE, feedback="<b>no</b>"), Option(key="2", text="plain")],
        answer=["2"],
        explanation="Markup stays text: <i>x</i>",
    )
    return [*keyed, hostile]


def content(question: Question, fields: tuple[str, ...] = CONTENT) -> dict:
    return question.model_dump(include=set(fields))


def assert_same(back: list[Question], original: list[Question], fields: tuple[str, ...] = CONTENT) -> None:
    assert [content(q, fields) for q in back] == [content(q, fields) for q in original]


def export(questions: list[Question], fmt: ExportFormat, path: Path) -> Diagnostics:
    diag = Diagnostics()
    export_questions(questions, fmt, path, "EEP 596 demo", diag)
    return diag


def test_gift_round_trip(questions: list[Question], tmp_path: Path) -> None:
    export(questions, ExportFormat.GIFT, tmp_path / "q.gift")
    diag = Diagnostics()
    assert_same(import_questions(tmp_path / "q.gift", diag), questions, CONTENT + ("options",))
    assert diag.items == []
    text = (tmp_path / "q.gift").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in text and "<script>" not in text and "<del>not</del>" in text


def test_markdown_round_trip(questions: list[Question], tmp_path: Path) -> None:
    export(questions, ExportFormat.MARKDOWN, tmp_path / "q.md")
    back = import_questions(tmp_path / "q.md", Diagnostics())
    assert_same(back, questions, tuple(f for f in CONTENT if f != "options") + ())
    assert [[o.text for o in q.options] for q in back] == [[o.text for o in q.options] for q in questions]


def test_moodle_xml_round_trip_and_schema(questions: list[Question], tmp_path: Path) -> None:
    export(questions, ExportFormat.MOODLE_XML, tmp_path / "q.xml")
    data = (tmp_path / "q.xml").read_bytes()
    assert_same(moodle_xml.loads(data), questions)
    root = etree.fromstring(data)
    assert root.find("question/questiontext/text").text.startswith("Assume you")
    assert "<script>" not in data.decode() and "&amp;lt;script&amp;gt;" in data.decode()
    root.find("question").set("type", "cloze")
    with pytest.raises(Exception, match="does not validate"):
        moodle_xml.validate(root)


def test_moodle_xml_multi_answer_grades_sum_to_100_and_a_wrong_tick_costs_everything(questions, tmp_path):
    export(questions, ExportFormat.MOODLE_XML, tmp_path / "q.xml")
    root = etree.fromstring((tmp_path / "q.xml").read_bytes())
    ice3 = next(q for q in root.iterfind("question") if q.findtext("idnumber") == "2026-01-14/ice-3")
    fractions = [a.get("fraction") for a in ice3.iterfind("answer")]
    assert ice3.findtext("single") == "false"
    assert fractions == ["33.33333", "33.33333", "-100", "33.33333"]  # keys 1, 2, 4 right; 3 (GPUs) wrong
    single = next(q for q in root.iterfind("question") if q.findtext("idnumber") == "2026-01-14/ice-2")
    assert sorted(a.get("fraction") for a in single.iterfind("answer")) == ["0", "0", "0", "100"]


def test_qti_zip_as_canvas_imports_it(questions: list[Question], tmp_path: Path) -> None:
    export(questions, ExportFormat.QTI, tmp_path / "q.zip")
    assert_same(qti.read(tmp_path / "q.zip"), questions)
    with zipfile.ZipFile(tmp_path / "q.zip") as archive:
        names = sorted(archive.namelist())
        manifest = etree.fromstring(archive.read("imsmanifest.xml"))
        quiz_id = names[0].split("/")[0]
        body = archive.read(f"{quiz_id}/{quiz_id}.xml").decode()
    assert names == [f"{quiz_id}/assessment_meta.xml", f"{quiz_id}/{quiz_id}.xml", "imsmanifest.xml"]
    assert manifest.find(f".//{{{qti.CP_NS}}}resource").get("type") == "imsqti_xmlv1p2"
    assert "multiple_answers_question" in body and "essay_question" in body and "<script>" not in body
    export(questions, ExportFormat.QTI, tmp_path / "again.zip")
    assert (tmp_path / "again.zip").read_bytes() == (tmp_path / "q.zip").read_bytes()  # deterministic
    broken = etree.fromstring(body.encode())
    broken.find(f".//{{{qti.QTI_NS}}}response_lid").set("rcardinality", "Some")
    with pytest.raises(Exception, match="QTI does not validate"):
        qti.validate(broken)


def test_anki_round_trip_with_stable_guids(questions: list[Question], tmp_path: Path) -> None:
    export(questions, ExportFormat.ANKI, tmp_path / "q.apkg")
    notes = anki.read(tmp_path / "q.apkg")
    assert [guid for guid, _ in notes] == [genanki.guid_for(q.id) for q in questions]
    assert_same([q for _, q in notes], questions)
    export(questions, ExportFormat.ANKI, tmp_path / "same.apkg")
    assert (tmp_path / "same.apkg").read_bytes() == (tmp_path / "q.apkg").read_bytes()  # deterministic
    with zipfile.ZipFile(tmp_path / "q.apkg") as archive:  # entry times fixed, not the temp files' mtimes
        assert {info.date_time for info in archive.infolist()} == {anki.ZIP_TIME}
    export(questions[:2], ExportFormat.ANKI, tmp_path / "again.apkg")  # re-export: same deck, model, guids
    with zipfile.ZipFile(tmp_path / "again.apkg") as archive:
        archive.extract("collection.anki2", tmp_path)
    with sqlite3.connect(tmp_path / "collection.anki2") as db:
        decks = json.loads(db.execute("select decks from col").fetchone()[0])
        models = json.loads(db.execute("select models from col").fetchone()[0])
    assert str(anki.stable_id("lecturekit deck EEP 596 demo")) in decks
    assert str(anki.MODEL.model_id) in models


def test_aiken_round_trip_of_single_answer_keyed_questions(questions: list[Question], tmp_path: Path) -> None:
    diag = export(questions, ExportFormat.AIKEN, tmp_path / "q.txt")
    kept = [q for q in questions if q.kind is QuestionKind.MCQ and not q.multiple and q.answer]
    skipped = {d.message.split()[0] for d in diag.warnings}
    assert skipped == {q.id for q in questions} - {q.id for q in kept}
    written = (tmp_path / "q.txt").read_text(encoding="utf-8")
    # QA 25: plain "~~not~~", no combining strokes
    assert "~~not~~ text?" in written and "\u0336" not in written
    back = import_questions(tmp_path / "q.txt", Diagnostics())
    assert len(back) == len(kept)
    for one, other in zip(back, kept, strict=True):
        assert same_text(one.stem, other.stem) and one.answer == other.answer
        assert [o.text for o in one.options] == [o.text for o in other.options]


def test_json_export_validates_against_its_schema(questions: list[Question], tmp_path: Path) -> None:
    export(questions, ExportFormat.JSON, tmp_path / "q.json")
    data = json.loads((tmp_path / "q.json").read_text(encoding="utf-8"))
    written = json.loads(schema_path(tmp_path / "q.json").read_text(encoding="utf-8"))
    assert written == schema()
    jsonschema.validate(data, written)
    assert_same(import_questions(tmp_path / "q.json", Diagnostics()), questions)
    data["questions"][0]["kind"] = "essay"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, written)


def test_unkeyed_questions_are_named_when_exported_to_graded_formats(
    questions: list[Question], tmp_path: Path
) -> None:
    diag = export(questions, ExportFormat.GIFT, tmp_path / "q.gift")
    assert [d.message for d in diag.warnings] == [
        "2024-01-11/ice-1: exported without an answer key (every option scores 0)"
    ]
    assert export(questions, ExportFormat.JSON, tmp_path / "q.json").items == []


def test_empty_quiz_cannot_be_exported_or_imported(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="empty quiz"):
        export_questions([], ExportFormat.GIFT, tmp_path / "q.gift", "t", Diagnostics())
    (tmp_path / "empty.gift").write_text("// nothing here\n\n", encoding="utf-8")
    diag = Diagnostics()
    assert import_questions(tmp_path / "empty.gift", diag) == []
    assert [d.message for d in diag.errors] == ["no questions found (empty quiz)"]


def test_gift_with_unbalanced_braces_reports_each_bad_question(tmp_path: Path) -> None:
    text = "::a:: Good one? {=yes ~no}\n\n::b:: Broken {=yes ~no\n\n::c:: Also broken =yes}\n\n::d:: Fine? {~a =b}\n"
    (tmp_path / "q.gift").write_text(text, encoding="utf-8")
    diag = Diagnostics()
    back = import_questions(tmp_path / "q.gift", diag)
    assert [q.answer for q in back] == [["1"], ["2"]]
    assert [(d.file, d.location) for d in diag.errors] == [("q.gift", "3"), ("q.gift", "5")]


def test_gift_short_answer_questions_are_read_and_one_option_questions_reported_by_line(
    tmp_path: Path,
) -> None:
    # QA 18: `::q3:: Only one option {=yes}` was imported silently as a one-option MCQ; GIFT reads it as short answer.
    text = "::q1:: Pick one {=yes ~no}\n\n::q2:: Capital of France? {=Paris =paris}\n\n::q3:: Only one option {=yes}\n\n::q4:: Lonely {~maybe}\n"
    (tmp_path / "q.gift").write_text(text, encoding="utf-8")
    diag = Diagnostics()
    back = import_questions(tmp_path / "q.gift", diag)
    assert [(q.label, q.kind) for q in back] == [
        ("q1", QuestionKind.MCQ),
        ("q2", QuestionKind.SHORT_ANSWER),
        ("q3", QuestionKind.SHORT_ANSWER),
        ("q4", QuestionKind.DISCUSSION),
    ]
    assert [a.text for a in back[1].accepted] == ["Paris", "paris"] and back[2].accepted[0].text == "yes"
    assert back[3].flags == ["one-option"] and back[3].stem == "Lonely\n\nmaybe"  # the option is kept as text
    assert [(d.file, d.location) for d in diag.warnings] == [("q.gift", "7")]
    assert "single option" in diag.warnings[0].message and diag.errors == []


def test_gift_import_features(tmp_path: Path) -> None:
    text = """$CATEGORY: demo
// a comment
::Q1:: Which are optimisers? {
  ~%50%SGD#right
  ~%50%ADAM
  ~%-100%ReLU#an activation
  ####Both update weights.
}

The sky is blue. {T}

Write about SGD. {}

What is 2+2? {#4}
"""
    (tmp_path / "q.gift").write_text(text, encoding="utf-8")
    diag = Diagnostics()
    back = import_questions(tmp_path / "q.gift", diag)
    assert (
        back[0].multiple and back[0].answer == ["1", "2"] and back[0].options[2].feedback == "an activation"
    )
    assert back[0].explanation == "Both update weights." and back[0].label == "Q1"
    assert [o.text for o in back[1].options] == ["True", "False"] and back[1].answer == ["1"]
    assert back[2].kind is QuestionKind.DISCUSSION
    assert back[3].kind is QuestionKind.NUMERIC and back[3].numeric[0].value == 4 and diag.items == []


def test_aiken_errors_each_reported(tmp_path: Path) -> None:
    text = "Q one?\nA. x\nB. y\nANSWER: B\n\nQ two?\nA. only\nANSWER: A\n\nQ three?\nA. x\nB. y\nANSWER: D\n\nQ four?\nA. x\nB. y\n"
    (tmp_path / "q.txt").write_text(text, encoding="utf-8")
    diag = Diagnostics()
    back = import_questions(tmp_path / "q.txt", diag)
    assert [q.stem for q in back] == ["Q one?"]
    assert [d.location for d in diag.errors] == ["6", "13", "15"]


def test_markdown_task_list_import(tmp_path: Path) -> None:
    text = "# My quiz\n\n## Q1\nPick the optimiser.\n- [ ] ReLU\n- [x] ADAM\n\n## Q2\nSelect all that apply: losses\n- [x] MSE\n- [x] cross-entropy\n- [ ] tanh\n> Both are losses.\n\n## Q3\nOnly one?\n- [x] yes\n"
    (tmp_path / "q.md").write_text(text, encoding="utf-8")
    diag = Diagnostics()
    back = import_questions(tmp_path / "q.md", diag)
    assert [(q.label, q.answer, q.multiple) for q in back] == [
        ("Q1", ["2"], False),
        ("Q2", ["1", "2"], True),
        ("Q3", None, False),
    ]
    assert back[1].explanation == "Both are losses." and back[2].kind is QuestionKind.DISCUSSION
    assert "single option" in diag.warnings[0].message and diag.warnings[0].location == "15"


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_importers_never_raise_on_arbitrary_text(text: str) -> None:
    for reader in (gift.read,):
        reader(text, "x.gift", Diagnostics())
    from lecturekit.quiz.formats import aiken, markdown

    aiken.read(text, "x.txt", Diagnostics())
    markdown.read(text, "x.md", Diagnostics())


def test_unknown_import_suffix_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "q.docx").write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="unknown quiz format"):
        import_questions(tmp_path / "q.docx", Diagnostics())
    assert ImportFormat.GIFT.value == "gift"
