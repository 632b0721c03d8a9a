"""Lines the layout broke put back together: sentences wrapped at the slide's width, formulas split over lines."""

from __future__ import annotations

import re

from lecturekit.cleaner.mathflow import is_math_fragment, reflow_math
from lecturekit.cleaner.normalize import joins_hyphenated

WRAP_WIDTH = 40  # a line this long that stops mid-sentence was wrapped by the layout, not ended by its author
SENTENCE_END = re.compile(r"[.:;?!]$")
LIST_ITEM = re.compile(r"^([-–•*+]\s|\d{1,2}[.)]\s|[a-zA-Z][.)]\s|\([a-zA-Z0-9]{1,3}\)\s)")
URL_START = re.compile(r"^(https?://|www\.)", re.IGNORECASE)
STRUCTURE = re.compile(r"^(\||```|~~~|\$\$|#|>)")  # tables, code fences, display math, headings, quotes


def reflow(body: list[str]) -> list[str]:
    """BODY with broken formulas made one line and wrapped sentences joined; code, math and tables untouched."""
    lines: list[str] = []
    for block, verbatim in _blocks(body):
        lines += block if verbatim else _join_wraps(_reflow_formulas(block))
    return lines


def _blocks(body: list[str]) -> list[tuple[list[str], bool]]:
    """BODY cut into (lines, verbatim) runs: fenced code and $$ displays are verbatim."""
    blocks: list[tuple[list[str], bool]] = []
    closing: str | None = None  # what ends the verbatim block we are in
    for line in body:
        text = line.strip()
        verbatim = closing is not None or text.startswith(("```", "~~~", "$$", "|"))  # "|": a table row
        if closing is not None:
            if text.endswith("$$") if closing == "$$" else text.startswith(closing):
                closing = None
        elif text.startswith(("```", "~~~")):
            closing = text[:3]
        elif text.startswith("$$") and (text == "$$" or not text.endswith("$$")):
            closing = "$$"
        if not blocks or blocks[-1][1] != verbatim:
            blocks.append(([], verbatim))
        blocks[-1][0].append(line)
    return blocks


def _reflow_formulas(lines: list[str]) -> list[str]:
    """reflow_math between short list items ("- x1", "- x2"), which stay as they are: a list is no formula."""
    done: list[str] = []
    stretch: list[str] = []
    for line in lines:
        if LIST_ITEM.match(line.strip()) and is_math_fragment(line):
            done += [*reflow_math(stretch), line]
            stretch = []
        else:
            stretch.append(line)
    return done + reflow_math(stretch)


def _join_wraps(lines: list[str]) -> list[str]:
    joined: list[str] = []
    for line in lines:
        if joined and joins_hyphenated(joined[-1], line.strip()):
            # Normalizing joins these within a page; a furniture line between them was only taken out later.
            joined[-1] = joined[-1].rstrip()[:-1] + line.strip()
        elif joined and _wrapped(joined[-1], line):
            joined[-1] = f"{joined[-1].rstrip()} {line.strip()}"
        else:
            joined.append(line)
    return joined


def _wrapped(previous: str, line: str) -> bool:
    """LINE continues PREVIOUS: that one is full-width and open, this one goes on in lower case."""
    before, after = previous.strip(), line.strip()
    return (
        len(before) >= WRAP_WIDTH
        and not SENTENCE_END.search(before)
        and not STRUCTURE.match(before)
        and not before.endswith("$")
        and after[:1].islower()
        and not LIST_ITEM.match(after)
        and not URL_START.match(after)
        and not STRUCTURE.match(after)
    )
