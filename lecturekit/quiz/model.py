"""Models internal to the quiz stage: exercise blocks found in slides, parsed exercises, answer keys."""

from __future__ import annotations

from enum import Enum

from pydantic import Field

from lecturekit.models import MatchPair, Model, Option, PageRef, Question, QuestionKind


class ExerciseKind(str, Enum):
    """The heading word an exercise was announced with; it names the id slug."""

    ICE = "ice"
    QUIZ = "quiz"
    QUESTION = "question"
    POLL = "poll"
    EXERCISE = "exercise"
    BREAKOUT = "breakout"
    CLICKER = "clicker"
    THINK_PAIR_SHARE = "think-pair-share"
    CHECK = "check"  # "Check your understanding"
    DISCUSSION = "discussion"


class MarkerStyle(str, Enum):
    """How the options of an exercise were numbered on the slide."""

    DIGIT = "digit"  # 1  1.  1)
    LETTER = "letter"  # a)  A.
    CIRCLED = "circled"  # ①
    GLYPH = "glyph"  # OCR'd radio buttons @ © O Q o, or plain bullets
    NONE = "none"


class ExerciseBlock(Model):
    """The text of one exercise as found on one slide, before parsing."""

    lecture: str
    kind: ExerciseKind
    word: str  # the heading word(s) as read: "ICE", "Breakouts Time"
    number_text: str | None = None  # the number as read ("42" when OCR took "#" for "4")
    hash_read: str = ""  # the "#" (or what OCR made of it) before the number
    number: int | None = None  # the number after correction against the lecture's sequence
    heading: str  # the heading line as read, e.g. "ICE #1: Which of the following …"
    text: str  # everything after the heading word(s), the rest of the heading line included
    slide: str  # slide id
    slide_index: int  # position of the slide in its lecture, for sequence checks
    pages: list[PageRef] = Field(default_factory=list)
    file: str = "-"  # first source file, for messages
    location: str | None = None  # "p. N" of the first page, for messages
    notes: str = ""  # the slide's speaker notes (reveal.js "Note:"), where a key may be written
    answer_text: str = ""  # a written answer ("A. …" under "Q. …"), shown as the explanation
    unmarked: bool = False  # found by its shape (a stem ending in "?" over options), not a heading word


class ParsedExercise(Model):
    """Stem, options and keys read from an exercise's text."""

    stem: str
    options: list[Option] = Field(default_factory=list)
    style: MarkerStyle = MarkerStyle.NONE
    multiple: bool = False
    answer: list[str] | None = None  # keys written in the source itself (`*`, `[x]`, "Answer: 2")
    key_source: str | None = None  # where that key was read: "marked option", "answer line"
    flags: list[str] = Field(default_factory=list)


class QuestionSet(Model):
    """The JSON face of the quiz stage: `{"questions": [Question, ...]}`."""

    questions: list[Question] = Field(default_factory=list)


class AnswerEntry(Model):
    """One question's key as written in answers.toml, before it is checked against the question."""

    id: str
    answer: list[str] | None = None  # option keys or option texts, as written
    explanation: str | None = None
    review: str | None = None  # slide id that teaches it
    stem: str | None = (
        None  # the instructor's wording of the stem (e.g. a formula as $TeX$), replacing the slide's
    )
    feedback: list[Option] = Field(default_factory=list)  # per-option feedback: key + feedback text
    kind: QuestionKind | None = (
        None  # the instructor's question type (a prompt on a slide may become short-answer)
    )
    tolerance: float | None = None  # numeric: accepted ± around each answer
    range: list[float] | None = None  # numeric: [low, high] accepted
    pairs: list[MatchPair] = Field(default_factory=list)  # matching: left = right
    weights: list[Option] = Field(default_factory=list)  # multi-answer partial credit: option key + weight
    line: int | None = None  # line of the entry's table in the file
    answer_line: int | None = None  # line of its answer = …


class AnswerFile(Model):
    """An answers.toml as read: its entries and where it lives."""

    path: str
    entries: list[AnswerEntry] = Field(default_factory=list)
