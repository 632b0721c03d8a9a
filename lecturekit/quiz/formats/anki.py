"""Anki .apkg via genanki: stable deck, model and note ids, so re-importing updates rather than duplicates."""

from __future__ import annotations

import hashlib
import re
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import genanki

from lecturekit.errors import Diagnostics
from lecturekit.models import Option, Question, QuestionKind
from lecturekit.quiz.grading import typed_answer
from lecturekit.quiz.text import from_html_math as from_html
from lecturekit.quiz.text import to_html_math as to_html

FIELDS = ["Id", "Label", "Question", "Options", "Answer", "Explanation", "Feedback", "Lecture"]
FIXED_TIME = 1_700_000_000.0  # the package's timestamps; fixed so one quiz gives one file
ZIP_TIME = (2023, 11, 14, 22, 13, 20)  # FIXED_TIME as a zip entry date
OPTION_LINE = re.compile(r"^(?P<key>[^)]+)\) (?P<text>.*)$")
CSS = ".card { font-family: sans-serif; font-size: 18px; text-align: left; } del { color: #a00; }"


def stable_id(name: str) -> int:
    """An Anki id (in genanki's suggested range) derived from NAME, the same on every run."""
    return (1 << 30) + int(hashlib.sha1(name.encode()).hexdigest()[:8], 16) % (1 << 30)


MODEL = genanki.Model(
    stable_id("lecturekit question model v1"),
    "lecturekit question",
    fields=[{"name": name} for name in FIELDS],
    templates=[
        {
            "name": "Question",
            "qfmt": "<div class=label>{{Label}}</div>{{Question}}<hr>{{Options}}",
            "afmt": "{{FrontSide}}<hr id=answer><b>{{Answer}}</b><p>{{Explanation}}</p><p>{{Feedback}}</p>",
        }
    ],
    css=CSS,
)


def write(questions: list[Question], out: Path, title: str, diag: Diagnostics) -> int:
    """Write one deck named TITLE with one note per question (guid = guid_for(question id))."""
    deck = genanki.Deck(stable_id("lecturekit deck " + title), title)
    for question in questions:
        deck.add_note(
            genanki.Note(
                model=MODEL,
                fields=fields(question),
                guid=genanki.guid_for(question.id),
                tags=[question.lecture.replace(" ", "_")],
            )
        )
    genanki.Package(deck).write_to_file(str(out), timestamp=FIXED_TIME)
    _fix_zip_times(out)
    return len(questions)


def _fix_zip_times(path: Path) -> None:
    # genanki stamps each zip entry with its temp file's mtime: rewrite them at a fixed time for one output.
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type, fixed.external_attr = info.compress_type, info.external_attr
            target.writestr(fixed, data)


def fields(question: Question) -> list[str]:
    """The note's fields; every text escaped as HTML so slide text never becomes markup."""
    options = "<br>".join(f"{o.key}) {to_html(o.text)}" for o in question.options)
    if question.kind is QuestionKind.DISCUSSION:
        answer = "Discussion prompt"
    elif typed := typed_answer(question):
        answer = "Answer: " + to_html(typed)
    elif question.answer:
        answer = "Answer: " + ", ".join(question.answer)
    else:
        answer = "Answer: key pending"
    feedback = "<br>".join(f"{o.key}) {to_html(o.feedback)}" for o in question.options if o.feedback)
    return [
        question.id,
        to_html(question.label),
        to_html(question.stem),
        options,
        answer,
        to_html(question.explanation or ""),
        feedback,
        question.lecture,
    ]


def read(path: Path) -> list[tuple[str, Question]]:
    """(note guid, question) for each note of an .apkg written by `write` (for round-trip checks)."""
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(path) as archive:
            archive.extract("collection.anki2", tmp)
        with sqlite3.connect(Path(tmp) / "collection.anki2") as db:
            rows = db.execute("select guid, flds from notes order by id").fetchall()
    return [(guid, _question(flds.split("\x1f"))) for guid, flds in rows]


def _question(values: list[str]) -> Question:
    qid, label, stem, options_html, answer, explanation, feedback_html, lecture = values
    feedback = {
        m["key"]: from_html(m["text"])
        for line in feedback_html.split("<br>")
        if (m := OPTION_LINE.match(line))
    }
    options = [
        Option(key=m["key"], text=from_html(m["text"]), feedback=feedback.get(m["key"]))
        for line in options_html.split("<br>")
        if (m := OPTION_LINE.match(line))
    ]
    keys = (
        answer.removeprefix("Answer: ").split(", ")
        if answer.startswith("Answer: ") and "pending" not in answer
        else None
    )
    return Question(
        id=qid,
        lecture=lecture,
        label=from_html(label),
        stem=from_html(stem),
        options=options,
        kind=QuestionKind.MCQ if options else QuestionKind.DISCUSSION,
        answer=keys,
        multiple=bool(keys and len(keys) > 1),
        explanation=from_html(explanation) or None,
    )
