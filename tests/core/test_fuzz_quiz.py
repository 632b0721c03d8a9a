"""Property tests of the ICE parser and the GIFT/Aiken/markdown importers: never raise, stable round trips."""

from __future__ import annotations

from fuzz_settings import FUZZ, line, nasty_text, word
from hypothesis import given
from hypothesis import strategies as st

from lecturekit.errors import Diagnostics
from lecturekit.models import Question
from lecturekit.quiz.formats import aiken, gift, markdown
from lecturekit.quiz.parse import parse_exercise

# Quiz-shaped text: option markers, keys, GIFT braces and markdown task lists among arbitrary lines.
MARKERS = [
    "1. ",
    "2) ",
    "a) ",
    "(b) ",
    "A. ",
    "① ",
    "@ ",
    "© ",
    "- [x] ",
    "- [ ] ",
    "* ",
    "=",
    "~",
    "ANSWER: ",
    "Answer: ",
    "ICE #1 ",
    "::q1:: ",
    "{",
    "}",
    "// ",
    "# ",
    "## ",
    "> ",
    "$",
    "~~",
]
quiz_line = st.tuples(
    st.sampled_from(MARKERS), st.one_of(st.lists(word, max_size=6).map(" ".join), nasty_text)
).map(lambda pair: (pair[0] + pair[1]).replace("\n", " "))
quiz_text = st.lists(st.one_of(quiz_line, line), max_size=25).map("\n".join)


def _shape(questions: list[Question]) -> list[tuple]:
    """What an export must keep: stems, option texts and keys (ids and provenance may be renamed)."""
    return [(q.stem, [(o.key, o.text) for o in q.options], sorted(q.answer or [])) for q in questions]


@FUZZ
@given(st.one_of(quiz_text, nasty_text), st.booleans())
def test_ice_parser_never_raises(text: str, ocr: bool):
    parsed = parse_exercise(text, ocr_source=ocr)
    assert [o.key for o in parsed.options] == [str(i) for i in range(1, len(parsed.options) + 1)]
    assert set(parsed.answer or []) <= {o.key for o in parsed.options}


@FUZZ
@given(st.one_of(quiz_text, nasty_text))
def test_gift_import_never_raises_and_round_trips(text: str):
    questions = gift.read(text, "fuzz.gift", Diagnostics())
    again = gift.read(gift.dumps(questions), "fuzz.gift", Diagnostics())
    assert _shape(again) == _shape(questions)


@FUZZ
@given(st.one_of(quiz_text, nasty_text))
def test_aiken_import_never_raises_and_round_trips(text: str):
    questions = aiken.read(text, "fuzz.txt", Diagnostics())
    exportable = [q for q in questions if aiken._unsupported(q) is None]
    blocks = "\n\n".join(aiken._block(q) for q in exportable)
    again = aiken.read(blocks, "fuzz.txt", Diagnostics())
    assert _shape(again) == _shape(exportable)


@FUZZ
@given(st.one_of(quiz_text, nasty_text))
def test_markdown_import_never_raises_and_round_trips(text: str):
    questions = markdown.read(text, "fuzz.md", Diagnostics())
    again = markdown.read(markdown.dumps(questions), "fuzz.md", Diagnostics())
    assert _shape(again) == _shape(questions)
