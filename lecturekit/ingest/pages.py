"""Building text Pages from numbered lines, shared by the dump and notes readers."""

from __future__ import annotations

from lecturekit.models import Line, Method, Page

TITLE_MIN_WORD_CHARS = 2
# A text line is a str and an int, nothing to validate; one shared fields-set keeps a 50 MB dump's million
# Lines ~200 bytes each smaller (assigning a field later only adds its name, which no one reads).
TEXT_LINE_FIELDS = {"text", "number"}


def make_page(
    name: str,
    page: int,
    numbered: list[tuple[int, str]],
    first_line: int,
    label: str | None = None,
    title: str | None = None,
) -> Page:
    """A text Page from numbered lines: text keeps blank lines inside, `lines` holds the non-blank ones."""
    texts = [t.rstrip() for _, t in numbered]
    while texts and not texts[-1].strip():
        texts.pop()
    while texts and not texts[0].strip():
        texts.pop(0)
    lines = [
        Line.model_construct(TEXT_LINE_FIELDS, text=t.rstrip(), number=n) for n, t in numbered if t.strip()
    ]
    return Page(
        source=name,
        page=page,
        label=label,
        method=Method.TEXT,
        title=title if title is not None else first_title_line(lines),
        text="\n".join(texts),
        lines=lines,
        first_line=first_line,
    )


def first_title_line(lines: list[Line]) -> str | None:
    """The first line that reads like words (OCR decoration such as "-" or "|" is skipped)."""
    for line in lines:
        if sum(ch.isalnum() for ch in line.text) >= TITLE_MIN_WORD_CHARS:
            return line.text.strip()
    return lines[0].text.strip() if lines else None
