"""Read exercise numbers through OCR noise against the lecture's own sequence ("ICE 42" is ICE #2)."""

from __future__ import annotations

from lecturekit.quiz.model import ExerciseBlock, ExerciseKind

# Tesseract reads "#" as "4"; the 4 is then glued to the real number ("ICE #2" → "ICE 42").
HASH_AS_DIGIT = "4"


def number_blocks(blocks: list[ExerciseBlock]) -> list[ExerciseBlock]:
    """Set each block's number (blocks in slide order), correcting a "#" read as "4" by the sequence."""
    clean = {(b.lecture, b.kind, int(b.number_text)) for b in blocks if b.number_text and b.hash_read}
    previous: dict[tuple[str, ExerciseKind], int] = {}
    numbered: list[ExerciseBlock] = []
    for block in blocks:
        series = (block.lecture, block.kind)
        number = _corrected(block, clean, previous.get(series, 0))
        if number is not None:
            previous[series] = number
        numbered.append(block.model_copy(update={"number": number}))
    return numbered


def _corrected(block: ExerciseBlock, clean: set[tuple[str, ExerciseKind, int]], previous: int) -> int | None:
    digits = block.number_text
    if not digits:
        return None
    read = int(digits)
    if block.hash_read or len(digits) < 2 or not digits.startswith(HASH_AS_DIGIT):
        return read
    alternative = int(digits[1:])
    # Only when the lecture itself vouches for it: a clean "#2" elsewhere, or "#1" just before.
    if (block.lecture, block.kind, alternative) in clean or (
        previous and alternative == previous + 1 != read
    ):
        return alternative
    return read
