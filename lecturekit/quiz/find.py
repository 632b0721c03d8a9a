"""Find exercise blocks (ICE, Quiz, Question, Poll, Exercise, Breakout) in a lecture's cleaned slides."""

from __future__ import annotations

import re

from lecturekit.models import Lecture, PageRef, Slide
from lecturekit.quiz.markers import read_option
from lecturekit.quiz.parse import parse_exercise
from lecturekit.quiz.model import ExerciseBlock, ExerciseKind

# The heading word, optional filler ("Breakouts Time"), a number as OCR may read it ("#2", "42",
# "H2"), then a separator or the end of the line: "Quiz Section" is a heading of admin, not a quiz.
HEADING = re.compile(
    r"^\s*(?:[-*>#]+\s*)?"
    r"(?P<word>ICE|(?i:in[- ]class exercise|quiz|question|poll|exercise|breakouts?))"
    r"(?P<filler>(?i:\s+(?:time|room|session|activity))?)"
    r"(?:\s*(?P<hash>[#№H£]|(?i:no\.?))?\s*(?P<digits>[0-9lI|]{1,3})(?![\w|]))?"
    r"\s*(?P<sep>[:.)\-–—]|(?=\()|$)\s*(?P<rest>.*)$"
)
OCR_ONE = str.maketrans({"l": "1", "I": "1", "|": "1"})
WORD_KIND = {
    "ice": ExerciseKind.ICE,
    "in-class exercise": ExerciseKind.ICE,
    "in class exercise": ExerciseKind.ICE,
    "quiz": ExerciseKind.QUIZ,
    "question": ExerciseKind.QUESTION,
    "poll": ExerciseKind.POLL,
    "exercise": ExerciseKind.EXERCISE,
    "breakout": ExerciseKind.BREAKOUT,
    "breakouts": ExerciseKind.BREAKOUT,
}


class Heading:
    """A matched exercise heading line."""

    def __init__(self, match: re.Match[str]):
        self.word = match["word"] + match["filler"]
        self.kind = WORD_KIND[match["word"].lower()]
        # OCR reads a 1 as l, I or |; a heading number has no letters, so read them back as 1.
        self.digits = match["digits"].translate(OCR_ONE) if match["digits"] else None
        self.hash = match["hash"] or ""
        self.rest = match["rest"] or ""


def read_heading(line: str) -> Heading | None:
    """The exercise heading a line holds, or None."""
    found = HEADING.match(line)
    if found is None or (found["digits"] is None and found["sep"] in (".", ")")):
        return None
    return Heading(found)


def find_blocks(lecture: Lecture) -> list[ExerciseBlock]:
    """Every exercise block in the lecture's slides, in slide order."""
    blocks: list[ExerciseBlock] = []
    for index, slide in enumerate(lecture.slides):
        for line, heading, text in _slide_blocks(slide):
            block = _block(lecture, slide, index, line, heading, text)
            following = _options_slide(block, lecture.slides, index)
            if following is not None:
                block.text += "\n" + "\n".join(following.text.splitlines()[1:])
                block.pages += [p for p in following.pages if p not in block.pages]
            blocks.append(block)
    return blocks


def _slide_blocks(slide: Slide) -> list[tuple[str, Heading, str]]:
    """(heading line, heading, text from the heading's rest to the next heading) for each heading on a slide."""
    lines = slide.text.splitlines()
    headings = [(i, heading) for i, line in enumerate(lines) if (heading := read_heading(line))]
    found = []
    for number, (start, heading) in enumerate(headings):
        end = headings[number + 1][0] if number + 1 < len(headings) else len(lines)
        found.append((lines[start], heading, "\n".join([heading.rest, *lines[start + 1 : end]])))
    return found


def _options_slide(block: ExerciseBlock, slides: list[Slide], index: int) -> Slide | None:
    """The next build of the same slide when it holds the options this block lacks."""
    if index + 1 >= len(slides) or parse_exercise(block.text).options:
        return None
    current, following = slides[index], slides[index + 1]
    body = [line for line in following.text.splitlines()[1:] if line.strip()]
    same_slide = following.title.strip().casefold() == current.title.strip().casefold()
    if same_slide and body and read_option(body[0]) is not None and not any(read_heading(line) for line in body):
        return following
    return None


def _block(lecture: Lecture, slide: Slide, index: int, line: str, heading: Heading, text: str) -> ExerciseBlock:
    pages: list[PageRef] = list(slide.pages)
    first = pages[0] if pages else None
    return ExerciseBlock(
        lecture=lecture.id,
        kind=heading.kind,
        word=heading.word,
        number_text=heading.digits or None,
        hash_read=heading.hash,
        heading=line.strip(),
        text=text,
        slide=slide.id,
        slide_index=index,
        pages=pages,
        file=first.source if first else lecture.id,
        location=f"p. {first.page}" if first else None,
    )
