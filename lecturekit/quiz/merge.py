"""Turn exercise blocks into questions: one per exercise across builds and sources, with stable ids."""

from __future__ import annotations

import hashlib
import re

from rapidfuzz import fuzz

from lecturekit.errors import Diagnostics
from lecturekit.models import Method, Option, PageRef, Question, QuestionKind
from lecturekit.quiz.model import ExerciseBlock, ExerciseKind, ParsedExercise
from lecturekit.quiz.parse import notes_key, parse_exercise

SAME_STEM = 55  # token-set ratio above which two blocks with one label are the same question
HEADING_ONLY_WORDS = 3  # a stem this short is a bare heading ("(cont.)"), not a different question
ID_WORDS = 12  # a content-hash id reads only the stem's first words, so later edits keep it


class Candidate:
    """A block and what was parsed from it."""

    def __init__(self, block: ExerciseBlock, parsed: ParsedExercise):
        self.block = block
        self.parsed = parsed

    def quality(self) -> tuple[int, int, int, int]:
        """Clean options first, then a non-OCR source, then more options (a later build), then stem length."""
        clean = sum(1 for o in self.parsed.options if not o.garbled)
        not_ocr = int(any(p.method is not Method.OCR for p in self.block.pages) or not self.block.pages)
        return clean, not_ocr, len(self.parsed.options), len(self.parsed.stem)


def build_questions(blocks: list[ExerciseBlock], diag: Diagnostics) -> list[Question]:
    """One question per exercise: group blocks by lecture and label, split groups whose stems differ."""
    groups: dict[str, list[Candidate]] = {}
    empty: list[Candidate] = []
    for block in blocks:
        parsed = parse_exercise(block.text, ocr_source=_ocr_only(block))
        if not parsed.stem and not parsed.options:
            empty.append(Candidate(block, parsed))
            continue
        groups.setdefault(base_id(block, parsed), []).append(Candidate(block, parsed))
    _attach_bare_headings(empty, groups, diag)
    questions: list[Question] = []
    for qid, group in groups.items():
        clusters = _clusters(group)
        for number, cluster in enumerate(clusters, 1):
            suffix = "" if number == 1 else f"-{number}"
            question = _question(qid + suffix, cluster, diag)
            if len(clusters) > 1:
                question.flags.append("ambiguous")
                _warn(
                    diag,
                    cluster[0].block,
                    f"{question.label} appears with {len(clusters)} different stems; ids {qid}, {qid}-2…",
                )
            questions.append(question)
    return questions


def _ocr_only(block: ExerciseBlock) -> bool:
    return bool(block.pages) and all(page.method is Method.OCR for page in block.pages)


def _attach_bare_headings(
    empty: list[Candidate], groups: dict[str, list[Candidate]], diag: Diagnostics
) -> None:
    # A heading alone ("ICE #2" above the OCR copy's "ICE 42", or a title-only build) adds its
    # pages to the question of the same label; with no such question it is reported, not invented.
    for candidate in empty:
        block = candidate.block
        group = groups.get(base_id(block, candidate.parsed)) if block.number is not None else None
        if group is None:
            diag.warn(
                block.file,
                f"exercise heading {block.heading!r} has no question text; skipped",
                block.location,
            )
            continue
        pages = [p for p in block.pages if p not in group[0].block.pages]
        group[0].block.pages += pages


def base_id(block: ExerciseBlock, parsed: ParsedExercise) -> str:
    """ "<lecture>/<kind>-<n>", or "<lecture>/<kind>-<hash of the stem's first words>" without a number."""
    if block.number is not None:
        return f"{block.lecture}/{block.kind.value}-{block.number}"
    if block.unmarked:  # no label ties its builds together: two questions alike in their first words stay two
        words = " ".join([*re.findall(r"\w+", parsed.stem)[:ID_WORDS], *(o.text for o in parsed.options)])
        return f"{block.lecture}/{block.kind.value}-{stem_hash(words, None)}"
    return f"{block.lecture}/{block.kind.value}-{stem_hash(parsed.stem or ''.join(o.text for o in parsed.options))}"


def stem_hash(stem: str, limit: int | None = ID_WORDS) -> str:
    """Eight hex digits over the stem's first LIMIT words (all when None), case, punctuation and spacing ignored."""
    words = re.findall(r"\w+", stem.casefold())[:limit]
    return hashlib.sha1(" ".join(words).encode()).hexdigest()[:8]


def _clusters(group: list[Candidate]) -> list[list[Candidate]]:
    clusters: list[list[Candidate]] = []
    for candidate in group:
        for cluster in clusters:
            if _same_stem(cluster[0].parsed.stem, candidate.parsed.stem):
                cluster.append(candidate)
                break
        else:
            clusters.append([candidate])
    return clusters


def _same_stem(one: str, other: str) -> bool:
    # A build or continuation slide may carry the options under a bare heading like "(cont.)".
    if min(len(one.split()), len(other.split())) < HEADING_ONLY_WORDS:
        return True
    return fuzz.token_set_ratio(one, other) >= SAME_STEM


def _question(qid: str, cluster: list[Candidate], diag: Diagnostics) -> Question:
    best = max(cluster, key=lambda c: c.quality())
    block, parsed = best.block, best.parsed
    options, stem, flags = parsed.options, _stem(best, cluster), list(parsed.flags)
    if len(options) == 1:
        stem = f"{stem}\n\n{options[0].key} {options[0].text}".strip()
        options, flags = [], [*flags, "one-option"]
        _warn(diag, block, f"{_label(block)} has a single option; kept as a discussion prompt")
    if "garbled" in flags:
        _warn(
            diag, block, f"{_label(block)}: options look garbled (kept as read): " + _garbled_texts(options)
        )
    keyed = next((c for c in [best, *cluster] if c.parsed.answer), None)
    answer, key_source = (keyed.parsed.answer, keyed.parsed.key_source) if keyed else (None, None)
    explanation = block.answer_text or None
    if answer is None and options:
        answer, notes_text = notes_key(block.notes, options)
        key_source, explanation = (
            ("speaker notes", notes_text or explanation) if answer else (None, explanation)
        )
    return Question(
        id=qid,
        lecture=block.lecture,
        label=_label(block),
        kind=QuestionKind.MCQ if options else QuestionKind.DISCUSSION,
        stem=stem,
        options=options,
        multiple=parsed.multiple,
        answer=answer if options else None,
        explanation=explanation,
        key_source=_where(key_source, keyed.block if keyed else block) if answer and options else None,
        pages=_pages(cluster),
        slide=block.slide,
        flags=sorted(set(flags)),
    )


def _where(source: str | None, block: ExerciseBlock) -> str | None:
    """ "speaker notes (deck.md p. 4)": a key read from the slides says where, for the instructor to confirm."""
    return f"{source} ({block.file} {block.location})" if source and block.location else source


def _stem(best: Candidate, cluster: list[Candidate]) -> str:
    """The best block's stem, or the longest in the cluster when the best carries only a bare heading."""
    if len(best.parsed.stem.split()) >= HEADING_ONLY_WORDS:
        return best.parsed.stem
    return max((c.parsed.stem for c in cluster), key=len)


def _label(block: ExerciseBlock) -> str:
    word = "ICE" if block.kind is ExerciseKind.ICE else block.word.strip()
    return f"{word} #{block.number}" if block.number is not None else word


def _pages(cluster: list[Candidate]) -> list[PageRef]:
    seen = {(p.source, p.page, p.method.value): p for c in cluster for p in c.block.pages}
    return [seen[key] for key in sorted(seen)]


def _garbled_texts(options: list[Option]) -> str:
    return ", ".join(repr(o.text) for o in options if o.garbled)


def _warn(diag: Diagnostics, block: ExerciseBlock, message: str) -> None:
    diag.warn(block.file, message, block.location)
