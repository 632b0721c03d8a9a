"""Recognise one line as an option of a multiple-choice question: its marker, key and text."""

from __future__ import annotations

import re

from pydantic import Field

from lecturekit.models import Model
from lecturekit.quiz.model import MarkerStyle

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# Radio buttons as tesseract reads them, plus the bullets a cleaner or markdown may leave.
RADIO_GLYPHS = "@©®OoQ•●○◯◦▪■□‣–-+*"
OCR_RADIO = "@©®OoQ"
LIST_PREFIX = re.compile(r"^(?:[-*+•]\s+)(?=\S)")
CHECKBOX = re.compile(r"^[-*+]?\s*\[(?P<mark>[ xX✓✔])\]\s+(?P<text>\S.*)$")
STAR = re.compile(r"^\*\s*(?=(?:\d{1,2}|[a-hA-H])[.)]?\s|[" + CIRCLED + "])")
TRAILING_MARK = re.compile(r"\s*(?:\(correct\)|\*|✓|✔)\s*$", re.IGNORECASE)
CIRCLED_LINE = re.compile(r"^(?P<key>[" + CIRCLED + r"])\s*(?P<text>\S.*)$")
DIGIT_PUNCT = re.compile(r"^\(?(?P<key>\d{1,2})[.)]\s+(?P<text>\S.*)$")
DIGIT_BARE = re.compile(r"^(?P<key>\d{1,2})\s+(?P<text>\S.*)$")
LETTER = re.compile(r"^\(?(?P<key>[a-hA-H])[.)]\s+(?P<text>\S.*)$")
GLYPH = re.compile(r"^(?P<glyph>[" + re.escape(RADIO_GLYPHS) + r"]{1,2})\s+(?P<text>\S.*)$")
# "Q138": a radio glyph fused to the option text by OCR (glyph then digit or another glyph).
FUSED_GLYPH = re.compile(r"^(?P<glyph>[@©®Q])(?P<text>[0-9@©].*)$")
# The first marker of options written after the stem on the same line: " a) ", " (a) ", " A. ", " 1) ".
INLINE_FIRST = re.compile(r"(?<=\s)\(?(?P<key>[aA1])(?P<punct>[.)])(?=\s+\S)")
ORDINARY = re.compile(r"[\w\s,.;:'\"()\[\]{}+\-/%$?!&=<>*^_|~#\\`’“”—–…θ∑∇≤≥×·]")


class OptionLine(Model):
    """One option as read from a line: the marker's style and position, its text, marks and doubts."""

    style: MarkerStyle
    index: int | None = None  # 1-based position the marker names (None for glyphs and bullets)
    glyph: str = ""  # the glyph or bullet read as the marker, for GLYPH style
    text: str
    correct: bool = False
    doubts: list[str] = Field(default_factory=list)  # why the line may be garbled


def letter_index(letter: str) -> int:
    """Position of an option letter: a → 1, B → 2."""
    return ord(letter.lower()) - ord("a") + 1


def read_option(line: str) -> OptionLine | None:
    """The option a line holds, or None when it is not an option line."""
    text = line.strip()
    correct = False
    if box := CHECKBOX.match(text):
        return _finish(MarkerStyle.GLYPH, None, box["text"], box["mark"] != " ", [])
    if STAR.match(text):
        correct, text = True, STAR.sub("", text, count=1)
    text = LIST_PREFIX.sub("", text, count=1)
    for pattern, style in (
        (CIRCLED_LINE, MarkerStyle.CIRCLED),
        (DIGIT_PUNCT, MarkerStyle.DIGIT),
        (LETTER, MarkerStyle.LETTER),
    ):
        if found := pattern.match(text):
            return _finish(style, _index(style, found["key"]), found["text"], correct, [])
    if found := DIGIT_BARE.match(text):
        return _finish(MarkerStyle.DIGIT, int(found["key"]), found["text"], correct, ["bare"])
    if found := GLYPH.match(line.strip()):
        doubts = ["double glyph"] if len(found["glyph"]) == 2 else []
        return _finish(MarkerStyle.GLYPH, None, found["text"], False, doubts, found["glyph"])
    if found := FUSED_GLYPH.match(line.strip()):
        return _finish(MarkerStyle.GLYPH, None, found["text"], False, ["glyph fused to text"], found["glyph"])
    return None


def is_ocr_radio(option: OptionLine) -> bool:
    """Whether the option's marker is a radio button as OCR reads it (@ © ® O o Q), not a typed bullet."""
    return (
        option.style is MarkerStyle.GLYPH
        and bool(option.glyph)
        and all(ch in OCR_RADIO for ch in option.glyph)
    )


def _index(style: MarkerStyle, key: str) -> int:
    if style is MarkerStyle.CIRCLED:
        return CIRCLED.index(key) + 1
    if style is MarkerStyle.LETTER:
        return letter_index(key)
    return int(key)


def _finish(
    style: MarkerStyle, index: int | None, text: str, correct: bool, doubts: list[str], glyph: str = ""
) -> OptionLine:
    if TRAILING_MARK.search(text) and len(TRAILING_MARK.sub("", text)) > 0:
        correct, text = True, TRAILING_MARK.sub("", text)
    if junk_ratio(text) > 0.34:
        doubts = [*doubts, "unusual characters"]
    return OptionLine(
        style=style, index=index, glyph=glyph, text=text.strip(), correct=correct, doubts=doubts
    )


def holds_a_word(text: str) -> bool:
    """Whether TEXT holds a word (3+ letters with a vowel) or an acronym (SGD), not only digits and "dd".

    Weaker than the cleaner's lexicon.reads_as_words on purpose: an option is often a number or a symbol
    ("8,8", "ReLU"), and only an option with no word-like token at all is suspect.
    """
    words = re.findall(r"[^\W\d_]{2,}", text)
    return any(word.isupper() or (len(word) >= 3 and re.search(r"[aeiouyAEIOUY]", word)) for word in words)


def junk_ratio(text: str) -> float:
    """Share of characters that ordinary option text does not contain (OCR noise)."""
    if not text:
        return 0.0
    return sum(1 for ch in text if not ORDINARY.match(ch)) / len(text)


def split_inline(line: str) -> list[str]:
    """Split "1 8,8 2 d,8 3 1,8" or "a) x b) y" or "① x ② y" into one string per option."""
    text = LIST_PREFIX.sub("", line.strip(), count=1)
    if text[:1] in CIRCLED:
        parts = re.split(r"\s*(?=[" + CIRCLED + "])", text)
        return [p for p in parts if p.strip()]
    if found := re.match(r"^\(?([aA1])([.)])\s", text):
        return _split_sequence(text, found[1], found[2])
    if re.match(r"^1\s+\S", text):
        return _split_sequence(text, "1", "")
    return [line]


def split_stem_inline(line: str) -> list[str]:
    """Split "Pick the loss: a) MSE b) Cross-entropy" into the stem and one string per option; [line] when none.

    Only a sequence of two or more markers starting at a) / A. / 1) / (a) counts; "." markers ("A. x B. y")
    also need the stem to end in "?" or ":", since "Plan A. Then B. …" is prose.
    """
    for first in INLINE_FIRST.finditer(line):
        stem = line[: first.start()].rstrip()
        if not stem or (first["punct"] == "." and not stem.endswith(("?", ":"))):
            continue
        options = _split_sequence(line[first.start() :], first["key"], first["punct"])
        if len(options) >= 2:
            return [stem, *options]
    return [line]


def _split_sequence(text: str, first: str, punct: str) -> list[str]:
    """Cut TEXT before each next marker of the sequence that starts with FIRST."""
    starts, expected = [], first
    for found in re.finditer(r"(?:^|\s)\(?(\w{1,2})" + re.escape(punct) + r"(?=\s+\S)", text):
        if found[1] == expected:
            starts.append(found.start(1) - (1 if text[found.start(1) - 1 : found.start(1)] == "(" else 0))
            expected = _next_key(expected)
    if len(starts) < 2:
        return [text]
    return [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


def _next_key(key: str) -> str:
    return str(int(key) + 1) if key.isdigit() else chr(ord(key) + 1)
