"""Find exercise blocks in a lecture's cleaned slides: by heading word (ICE, Quiz, Clicker question …) or by shape."""

from __future__ import annotations

import re

from lecturekit.models import Lecture, PageRef, RemovalReason, Slide, SlideKind
from lecturekit.quiz.markers import OptionLine, is_ocr_radio, read_option
from lecturekit.quiz.model import ExerciseBlock, ExerciseKind, MarkerStyle
from lecturekit.quiz.parse import ANSWER_LINE, parse_exercise

# The heading word, optional filler ("Breakouts Time"), a number as OCR may read it ("#2", "42",
# "H2"), then a separator or the end of the line: "Quiz Section" is a heading of admin, not a quiz.
HEADING = re.compile(
    r"^\s*(?:[-*>#_]+\s*)?"
    r"(?P<word>ICE|(?i:in[- ]class exercise|clicker question|concep(?:t\s?)?test|concept question|"
    r"think[-, ]+pair[-, ]+share|check your understanding|discussion question|quiz|question|poll|exercise|breakouts?))"
    r"(?P<filler>(?i:\s+(?:time|room|session|activity))?)"
    r"(?:\s*(?P<hash>[#№H£]|(?i:no\.?))?\s*(?P<digits>[0-9lI|]{1,3})(?P<sub>[-.][0-9]{1,3})?(?![\w|]))?"
    r"(?:\s*(?P<part>\(?[a-h]\)))?"  # "Question a)", "Exercise 2 (b)": a part of an exercise sheet
    r"\s*[*_]*\s*(?P<sep>[:.)\-–—]|(?=\()|$)\s*[*_]*\s*(?P<rest>.*)$"
)
# "Q:", "Q.", "Q1." and "**Q:**": a question whose answer may follow as "A:" / "A." (not an option list).
ANSWER_LABEL = re.compile(
    r"^\s*(?:[-*•]\s*)?[*_]*(?:Answers?|Solution)(?:\s+\(?[a-h0-9]{1,2}\))?[*_]*\s*[:.]?[*_]*\s*$",
    re.IGNORECASE,
)
ANSWER_INLINE = re.compile(
    r"^\s*(?:[-*•]\s*)?[*_]*(?:Answers?|Solution)[*_]*\s*:[*_]*\s*(?P<text>\S.*)$", re.IGNORECASE
)
QUESTION_LABEL_PREFIX = re.compile(r"^\s*(?:[-*•]\s*)?[*_]*Questions?[*_]*\s*:[*_]*\s*", re.IGNORECASE)
WORKED_ANSWER_WORDS = 3
QUESTION_LABEL = re.compile(r"^\s*(?:[-*•]\s*)?[*_]*Questions?[*_]*\s*:[*_]*\s*$", re.IGNORECASE)
Q_HEADING = re.compile(r"^\s*(?:[-*>#_]+\s*)?Q(?P<digits>\d{1,3})?\s*[:.]\s*[*_]*\s*(?P<rest>\S.*)?$")
A_LINE = re.compile(r"^\s*[*_]*A\d{0,3}\s*[:.]\s*[*_]*\s*(?P<text>.*)$")
OPTION_B = re.compile(r"^\s*[-*+]?\s*\(?[Bb][.)]\s")
NOTES_START = re.compile(r"^\s*(?:Notes?|Speaker notes)\s*:\s*(?P<rest>.*)$", re.IGNORECASE)
ASIDE = re.compile(
    r"<aside\b[^>]*class=[\"'][^\"']*notes[^\"']*[\"'][^>]*>(?P<notes>.*?)</aside>", re.DOTALL | re.IGNORECASE
)
HTML_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
MARKUP_LINE = re.compile(r"^\s*(?:</?(?:section|div|span|p|br|aside|center)\b[^>]*>\s*)+$", re.IGNORECASE)
IMAGE_LINE = re.compile(r"^\s*(?:<img\b[^>]*>|!\[[^\]]*\]\([^)]*\))\s*$", re.IGNORECASE)
QUESTION_END = re.compile(r"\?[\s$*_)\]\"'”’]*$")
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
    "clicker question": ExerciseKind.CLICKER,
    "concept question": ExerciseKind.CLICKER,
    "check your understanding": ExerciseKind.CHECK,
    "discussion question": ExerciseKind.DISCUSSION,
}
MAX_BULLET_WORDS = 14  # a plain bullet longer than this under a "?" is an answer being given, not an option
MAX_BULLET_OPTIONS = 8
TITLE_PAGE_WORDS = 6  # a title page's lines under the title: names, affiliations, dates
BUILD_SIGNALS = ("page-label", "slide-number")  # merge signals that say the deck showed a slide in steps


class Heading:
    """A matched exercise heading line."""

    def __init__(self, word: str, kind: ExerciseKind, digits: str | None, hash_read: str, rest: str):
        self.word = word
        self.kind = kind
        self.digits = digits
        self.hash = hash_read
        self.rest = rest


def read_heading(line: str) -> Heading | None:
    """The exercise heading a line holds, or None."""
    if found := Q_HEADING.match(line):
        return Heading("Q", ExerciseKind.QUESTION, found["digits"], "", found["rest"] or "")
    found = HEADING.match(line)
    if found is None or (found["digits"] is None and found["sep"] in (".", ")")):
        return None
    word = found["word"]
    kind = (
        ExerciseKind.THINK_PAIR_SHARE
        if word.lower().startswith("think")
        else WORD_KIND.get(word.lower(), ExerciseKind.CLICKER)
    )
    if kind is ExerciseKind.THINK_PAIR_SHARE:
        word = "Think-Pair-Share"
    # OCR reads a 1 as l, I or |; a heading number has no letters, so read them back as 1.
    digits = found["digits"].translate(OCR_ONE) if found["digits"] else None
    if (
        found["sub"] or found["part"]
    ):  # "Clicker Question 13-1", "Question a)": the label names it, it is no sequence
        name = " ".join(
            p
            for p in (word + found["filler"], (digits or "") + (found["sub"] or ""), found["part"] or "")
            if p
        )
        return Heading(name, kind, None, "", found["rest"] or "")
    return Heading(word + found["filler"], kind, digits, found["hash"] or "", found["rest"] or "")


def visible_and_notes(text: str) -> tuple[str, str]:
    """A slide's text split into what students see and its speaker notes (reveal.js `Note:`, `<aside class=notes>`)."""
    notes = [m["notes"].strip() for m in ASIDE.finditer(text)]
    text = HTML_COMMENT.sub("", ASIDE.sub("", text))
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if NOTES_START.match(line)), None)
    if start is not None:
        rest = NOTES_START.match(lines[start])["rest"]  # type: ignore[index]
        notes.append(
            "\n".join(line for line in [rest, *lines[start + 1 :]] if not MARKUP_LINE.match(line)).strip()
        )
        lines = lines[:start]
    shown = [line for line in lines if not MARKUP_LINE.match(line)]
    return "\n".join(shown), "\n".join(n for n in notes if n)


def find_blocks(lecture: Lecture) -> list[ExerciseBlock]:
    """Every exercise block in the lecture's slides, in slide order."""
    blocks: list[ExerciseBlock] = []
    for index, slide in enumerate(lecture.slides):
        shown, notes = visible_and_notes(slide.text)
        found = _slide_blocks(shown) or _slide_blocks(
            "\n".join([_lost_heading(slide), *shown.splitlines()[1:]])
        )
        for line, heading, text, answer in found:
            if index == 0 and _names_the_deck(heading, text):
                continue  # "Exercise 01: ML Basics" on a deck's title slide names the sheet; it asks nothing
            block = _block(lecture, slide, index, line, heading, text)
            block.notes, block.answer_text = notes if len(found) == 1 else "", answer
            _join_next_build(block, lecture.slides, index)
            blocks.append(block)
        if not found and (unmarked := _unmarked_block(lecture, slide, index, shown, notes)) is not None:
            _join_next_build(unmarked, lecture.slides, index)
            blocks.append(unmarked)
        elif not found and _built_up(slide):
            blocks += _revealed_blocks(lecture, slide, index, shown)
    return blocks


def _built_up(slide: Slide) -> bool:
    """Whether the deck itself says the slide was shown step by step (page labels or printed slide numbers of builds).

    Text containment alone also joins two readings of one slide, which reveal nothing.
    """
    return slide.kind is not SlideKind.ADMIN and any(m.startswith(BUILD_SIGNALS) for m in slide.merged_by)


def _revealed_blocks(lecture: Lecture, slide: Slide, index: int, shown: str) -> list[ExerciseBlock]:
    """Questions asked on one build and answered on a later one: a line ending in "?" with the answer below it."""
    lines = [line.strip() for line in shown.splitlines()[1:] if line.strip()]
    blocks = []
    for number, line in enumerate(lines):
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if (
            not QUESTION_END.search(line)
            or not following
            or QUESTION_END.search(following)
            or read_option(line)
        ):
            continue
        start = number
        while (
            start > 0
            and number - start < 2
            and not lines[start - 1].endswith((".", "?", ":", "!"))
            and not re.match(r"^(?:Example|Exercise|Note)\b", lines[start - 1])
        ):
            start -= 1  # a question that wraps over lines starts where the previous sentence ended
        end = next(
            (
                i
                for i in range(number + 1, len(lines))
                if QUESTION_END.search(lines[i]) or re.match(r"^(?:Example|Exercise)\s*\d", lines[i])
            ),
            len(lines),
        )
        block = _block(
            lecture,
            slide,
            index,
            line,
            Heading("Question", ExerciseKind.QUESTION, None, "", ""),
            "\n".join(lines[start : number + 1]),
        )
        block.answer_text = "\n".join(lines[number + 1 : end])
        blocks.append(block)
    return blocks


def _slide_blocks(text: str) -> list[tuple[str, Heading, str, str]]:
    """(heading line, heading, text from the heading's rest to the next heading, written answer) per heading."""
    lines = text.splitlines()
    headings = [(i, heading) for i, line in enumerate(lines) if (heading := read_heading(line))]
    # "- Question:" under "Question b)" labels the prompt inside that block; it opens no block of its own.
    headings = [(i, h) for n, (i, h) in enumerate(headings) if n == 0 or not QUESTION_LABEL.match(lines[i])]
    found = []
    for number, (start, heading) in enumerate(headings):
        end = headings[number + 1][0] if number + 1 < len(headings) else len(lines)
        body, answer = [heading.rest, *lines[start + 1 : end]], ""
        if heading.word == "Q":
            body, answer = _split_written_answer(body)
        if not answer:
            body, answer = _split_answer_label(body)
        found.append((lines[start], heading, "\n".join(body), answer))
    return found


def _lost_heading(slide: Slide) -> str:
    """An exercise heading the cleaner removed as a running header ("Question c)" atop every build), or ""."""
    return next(
        (r.text for r in slide.removed if r.reason is RemovalReason.FURNITURE and read_heading(r.text)), ""
    )


def _names_the_deck(heading: Heading, text: str) -> bool:
    """Whether a heading on the first slide titles the deck: a name after it, then only short title-page lines."""
    lines = [line for line in text.splitlines()[1:] if line.strip()]
    return (
        bool(heading.rest.strip())
        and "?" not in text
        and all(len(line.split()) <= TITLE_PAGE_WORDS for line in lines)
    )


def _split_answer_label(body: list[str]) -> tuple[list[str], str]:
    """A block's lines without what follows an "Answer:" label standing alone (a sheet's worked answer), and that answer."""
    at = next((i for i, line in enumerate(body) if ANSWER_LABEL.match(line) or _worked_answer(line)), None)
    if at is None:
        return [QUESTION_LABEL_PREFIX.sub("", line) for line in body if not QUESTION_LABEL.match(line)], ""
    kept = [QUESTION_LABEL_PREFIX.sub("", line) for line in body[:at] if not QUESTION_LABEL.match(line)]
    first = found["text"] if (found := _worked_answer(body[at])) else ""
    return kept, "\n".join(line.strip() for line in [first, *body[at + 1 :]] if line.strip())


def _worked_answer(line: str) -> re.Match[str] | None:
    """ "- Answer: Let x be …": a written answer (a short "Answer: 2" after options is a key, read by the parser)."""
    found = ANSWER_INLINE.match(line)
    return found if found and len(found["text"].split()) >= WORKED_ANSWER_WORDS else None


def _split_written_answer(body: list[str]) -> tuple[list[str], str]:
    """A "Q." block's lines without its "A." answer, and that answer ("A. x" over "B. y" is an option list)."""
    for number, line in enumerate(body):
        found = A_LINE.match(line)
        if found and not any(OPTION_B.match(later) for later in body[number + 1 :]):
            return body[:number], "\n".join([found["text"], *body[number + 1 :]]).strip()
    return body, ""


def _unmarked_block(
    lecture: Lecture, slide: Slide, index: int, shown: str, notes: str
) -> ExerciseBlock | None:
    """A question with no heading word: a stem ending in "?" (or a key in the notes) over two or more options."""
    lines = [line for line in shown.splitlines() if line.strip()]
    text = "\n".join("[figure]" if IMAGE_LINE.match(line) else line for line in lines)
    parsed = parse_exercise(text)
    body = lines[1:]
    if body and slide.kind is not SlideKind.ADMIN and all(QUESTION_END.search(line) for line in body):
        # A slide of nothing but questions ("- What does n-gram assume?" "- What is a bigram?") asks them.
        block = _block(
            lecture,
            slide,
            index,
            slide.title,
            Heading("Question", ExerciseKind.QUESTION, None, "", ""),
            "\n".join(body),
        )
        block.unmarked = True
        return block
    if len(parsed.options) < 2:
        return None
    stem_lines = [line for line in parsed.stem.splitlines() if line.strip() and line != "[figure]"]
    asks = (
        bool(stem_lines)
        and bool(QUESTION_END.search(stem_lines[-1]))
        or any(QUESTION_END.search(s) for s in stem_lines[-2:])
    )
    if not (asks or _notes_key_line(notes)):
        return None
    if parsed.style.value == "glyph" and not _short_list(parsed.options):
        return None
    if (
        len(lines) > 1
        and lines[0].strip() == slide.title.strip()
        and not QUESTION_END.search(lines[0])
        and len(stem_lines) > 1
    ):
        # the slide's title heads the question; the stem is what follows
        text = "\n".join(text.splitlines()[1:])
    block = _block(
        lecture, slide, index, slide.title, Heading("Question", ExerciseKind.QUESTION, None, "", ""), text
    )
    block.notes, block.unmarked = notes, True
    return block


def _short_list(options: list) -> bool:
    # Plain bullets under a question are options only when they read like choices, not like an answer.
    return len(options) <= MAX_BULLET_OPTIONS and all(
        len(o.text.split()) <= MAX_BULLET_WORDS for o in options
    )


def _notes_key_line(notes: str) -> bool:
    from lecturekit.quiz.parse import NOTES_KEY

    return any(NOTES_KEY.match(line) for line in notes.splitlines())


def _join_next_build(block: ExerciseBlock, slides: list[Slide], index: int) -> None:
    """Add the next build of the same slide: the options this block lacks, or the answer it reveals ("Answer: (b)")."""
    if (
        index + 1 >= len(slides)
        or slides[index].title.strip().casefold() != slides[index + 1].title.strip().casefold()
    ):
        return
    following = slides[index + 1]
    shown, notes = visible_and_notes(following.text)
    body = [line for line in shown.splitlines()[1:] if line.strip()]
    parsed = parse_exercise(block.text)
    if not body or any(read_heading(line) for line in body):
        return
    if not parsed.options and not block.answer_text and ANSWER_LABEL.match(body[0]):
        block.answer_text = "\n".join(body[1:])
    elif not parsed.options and (first := read_option(body[0])) is not None and not _plain_bullet(first):
        block.text += "\n" + "\n".join(body)
    elif parsed.options and parsed.answer is None and (reveal := _revealed_answer(body)):
        block.text += "\n" + reveal
    else:
        return
    block.notes = block.notes or notes
    block.pages += [p for p in following.pages if p not in block.pages]


def _plain_bullet(option: OptionLine) -> bool:
    # "- text" under a frame title that many slides share is the next slide's content, not this block's options.
    return option.style is MarkerStyle.GLYPH and not is_ocr_radio(option)


def _revealed_answer(body: list[str]) -> str | None:
    return next((line for line in body if ANSWER_LINE.match(line)), None)


def _block(
    lecture: Lecture, slide: Slide, index: int, line: str, heading: Heading, text: str
) -> ExerciseBlock:
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
