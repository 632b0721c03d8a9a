"""Parse an exercise's text into stem, options and any key written in the source; never raises."""

from __future__ import annotations

import re

from lecturekit.cleaner import reflow_math
from lecturekit.models import Option
from lecturekit.quiz.markers import (
    OptionLine,
    holds_a_word,
    is_ocr_radio,
    read_option,
    split_inline,
    split_stem_inline,
)
from lecturekit.quiz.model import MarkerStyle, ParsedExercise

MULTI_SELECT = re.compile(
    r"select all|choose all|check all|mark all|pick all|all that apply|all which apply|"
    r"one or more (?:answers?|options?|choices?)|more than one (?:answer|option)|multiple answers|"
    r"select (?:two|three|2|3)\b",
    re.IGNORECASE,
)
# A key in speaker notes: "CORRECT ANSWER: E", "Correct answer: (b) because …", "Answer is C".
NOTES_KEY = re.compile(
    r"^\s*(?:[-*+•]\s+)?[*_]*(?:the\s+)?(?:correct\s+)?(?:answers?|key|solution)[*_]*(?:\s*[:=]|\s+is\b)\s*[*_]*"
    r"\(?(?P<key>[A-Za-z]|\d{1,2})\)?(?=$|[\s.,;:)*_])(?P<rest>.*)$",
    re.IGNORECASE,
)
ANSWER_LINE = re.compile(
    r"^\s*(?:correct\s+)?(?:answers?|key|solution)\s*[:=]\s*(?P<value>\S.*?)\s*$", re.IGNORECASE
)
COMBINING_STRIKE = re.compile(r"((?:\S\u0336)+)")
QUESTION_MARK_END = re.compile(r"\?[\s$*_)\]\"'”’]*$")
ORDERED_ITEM = re.compile(r"^\s*\d{1,2}\.\s+\S")  # "1. text": a markdown ordered-list item
BARE_DIGIT_MIN_RUN = 2  # "1 foo" alone is too often a stem line ("1 million …") to start options


def parse_exercise(text: str, ocr_source: bool = False) -> ParsedExercise:
    """Read stem, options, multi-select wording and in-source keys from an exercise's text (OCR_SOURCE: read by OCR)."""
    lines = _options_off_stem_lines([_struck_to_markdown(line.rstrip()) for line in text.splitlines()])
    start, run, used = _find_option_run(lines)
    bullets = bool(run) and run[0].style is MarkerStyle.GLYPH and not any(is_ocr_radio(o) for o in run)
    if bullets and (
        all(QUESTION_MARK_END.search(o.text) for o in run) or not any(line.strip() for line in lines[:start])
    ):
        # "- What is x?" "- Why?" are sub-questions; bullets with no stem above them are the prompt itself.
        start, run, used = len(lines), [], 0
    stem = _join(reflow_math(lines[:start]))
    # Only after the options is "Answer: 2" a key; in a stem or a prompt it is text to keep.
    answer_text = _answer_value(lines[start + used :])
    garbled = _garbled_marks(run, ocr_source)
    options = [
        Option(key=str(i), text=line.text, garbled=bad)
        for i, (line, bad) in enumerate(zip(run, garbled, strict=True), 1)
    ]
    marked = _marked_answer(run)
    answer = marked or _resolve_answer(answer_text, options)
    key_source = "marked option" if marked else "answer line" if answer else None
    flags = ["garbled"] if any(o.garbled for o in options) else []
    if answer_text and answer is None:
        flags.append("ambiguous")
    return ParsedExercise(
        stem=stem,
        options=options,
        style=run[0].style if run else MarkerStyle.NONE,
        multiple=bool(MULTI_SELECT.search(stem)) or (answer is not None and len(answer) > 1),
        answer=answer,
        key_source=key_source,
        flags=flags,
    )


def notes_key(notes: str, options: list[Option]) -> tuple[list[str] | None, str | None]:
    """(option key, explanation) from speaker notes: "CORRECT ANSWER: E" names option 5; the rest explains it."""
    lines = notes.splitlines()
    for number, line in enumerate(lines):
        found = NOTES_KEY.match(line)
        if found is None:
            continue
        key = _token_key(found["key"], len(options))
        if key is None:
            return None, None
        rest = "\n".join([found["rest"].strip(" .:;-"), *lines[number + 1 :]]).strip()
        return [key], rest or None
    return None, None


def _struck_to_markdown(line: str) -> str:
    # PDF text sometimes carries strike-through as combining U+0336; keep it visible as ~~…~~.
    return COMBINING_STRIKE.sub(lambda m: "~~" + m[1].replace("\u0336", "") + "~~", line)


def _options_off_stem_lines(lines: list[str]) -> list[str]:
    """LINES with options written on a stem line ("Pick one: a) x b) y") put on lines of their own.

    Only stem lines before the first option line are split: after it, "a) … b) …" is option text. When a
    list of two or more options follows, "(1) … (2) …" in the stem are the stem's own cases, not options.
    """
    result: list[str] = []
    for number, line in enumerate(lines):
        if _first_option(line) is not None:
            if len(_walk_run(lines, number)[0]) > 1:
                return lines
            return result + lines[number:]
        result += split_stem_inline(line)
    return result


def _find_option_run(lines: list[str]) -> tuple[int, list[OptionLine], int]:
    """Where the first run of options starts, the run, and how many lines it spans.

    A lone bullet ("- **True or False** …") above a numbered list is part of the stem: a run of two or more
    options later on wins over a single-option run before it.
    """
    single: tuple[int, list[OptionLine], int] | None = None
    for start, line in enumerate(lines):
        if _first_option(line) is None:
            continue
        run, used = _walk_run(lines, start)
        if run and not (run[0].doubts == ["bare"] and len(run) < BARE_DIGIT_MIN_RUN):
            if len(run) > 1:
                return start, run, used
            single = single or (start, run, used)
    return single or (len(lines), [], 0)


def _first_option(line: str) -> OptionLine | None:
    option = read_option(split_inline(line)[0]) if line.strip() else None
    if option is None or (option.index is not None and option.index != 1):
        return None
    return option


def _walk_run(lines: list[str], start: int) -> tuple[list[OptionLine], int]:
    """Options from START on, and how many lines they span (continuations and blanks included)."""
    run: list[OptionLine] = []
    used = 0
    for offset, line in enumerate(lines[start:]):
        if not line.strip():
            continue
        parts = [read_option(part) for part in split_inline(line)]
        if (
            run
            and ORDERED_ITEM.match(lines[start])
            and ORDERED_ITEM.match(line)
            and len(parts) == 1
            and parts[0]
        ):
            # A markdown ordered list renders 1. 2. 5. as 1, 2, 3: its numbers after the first say nothing.
            parts = [parts[0].model_copy(update={"index": len(run) + 1})]
        extended = _extend(run, parts)
        if extended is not None:
            run, used = extended, offset + 1
        elif run and _is_continuation(line, lines[start + offset - 1]):
            run[-1] = run[-1].model_copy(update={"text": f"{run[-1].text} {line.strip()}"})
            used = offset + 1
        else:
            break
    return run, used


def _extend(run: list[OptionLine], parts: list[OptionLine | None]) -> list[OptionLine] | None:
    """RUN with every part of one line appended, or None when any part does not continue it."""
    extended = list(run)
    for part in parts:
        if part is None or not _continues(extended, part):
            return None
        extended.append(part)
    return extended


def _continues(run: list[OptionLine], option: OptionLine | None) -> bool:
    """Whether OPTION is the next one of RUN: same style, next position, no repeated key."""
    if option is None:
        return False
    if not run:
        return option.index in (None, 1)
    if option.style is not run[0].style:
        return False
    return option.index is None or option.index == len(run) + 1


def _is_continuation(line: str, previous: str) -> bool:
    # A wrapped option: the next line goes on in lower case right below it (no blank between).
    return bool(previous.strip()) and line.strip()[:1].islower()


def _garbled_marks(run: list[OptionLine], ocr_source: bool) -> list[bool]:
    """Which options look garbled: a doubt of their own, or, in an OCR reading with a doubtful option, no word."""
    doubted = [bool(_real_doubts(option)) for option in run]
    ocr_read = ocr_source or any(is_ocr_radio(option) for option in run)
    if not (ocr_read and any(doubted)):
        return doubted
    # "O 3838" beside "Q138" and "Q@ ds": once OCR mangled some options, wordless siblings are suspect too.
    return [bad or not holds_a_word(option.text) for bad, option in zip(doubted, run, strict=True)]


def _real_doubts(option: OptionLine) -> list[str]:
    return [d for d in option.doubts if d != "bare"]


def _answer_value(lines: list[str]) -> str | None:
    """The value of the first "Answer: …" line after the options (the rest stays on the slide)."""
    return next((found["value"] for line in lines if (found := ANSWER_LINE.match(line))), None)


def _marked_answer(run: list[OptionLine]) -> list[str] | None:
    keys = [str(i) for i, option in enumerate(run, 1) if option.correct]
    return keys or None


def answer_keys(value: str, options: list[Option]) -> list[str] | None:
    """Option keys an "Answer: …" value names: keys (2, b, ②, "1, 3") or an option's text."""
    return _resolve_answer(value.strip().strip("*_ "), options)


def _resolve_answer(value: str | None, options: list[Option]) -> list[str] | None:
    """Option keys named by an "Answer: …" value: keys (2, b, ②, "1, 3") or an option's text."""
    if not value or not options:
        return None
    by_text = {o.text.casefold(): o.key for o in options}
    if value.casefold() in by_text:
        return [by_text[value.casefold()]]
    keys = []
    for token in re.split(r"\s*(?:,|;|\band\b|&|\s)\s*", value.strip().rstrip(".")):
        key = _token_key(token, len(options))
        if key is None:
            return None
        keys.append(key)
    return sorted(set(keys), key=int) or None


def _token_key(token: str, count: int) -> str | None:
    option = read_option(f"{token.strip('()')}) x") if token else None
    if option is None:
        option = read_option(f"{token} x")
    if option is None or option.index is None or not 1 <= option.index <= count:
        return None
    return str(option.index)


def _join(lines: list[str]) -> str:
    """Lines as read, blank-line runs collapsed to one, ends trimmed (math layout kept)."""
    text = "\n".join(line.strip() for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
