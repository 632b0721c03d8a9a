"""Slide kinds (content, exercise, admin, notes) and the e-mail / meeting-tool boilerplate of notes."""

from __future__ import annotations

import re

from lecturekit.cleaner.draft import CleanPage, Draft
from lecturekit.models import Removal, RemovalReason, SlideKind, SourceKind

EXERCISE_TITLE = re.compile(r"\b(ICE|in[- ]class exercises?|quiz(?!\s+section)|breakouts?|poll|exercises?|"
                            r"check your understanding)\b", re.IGNORECASE)
ADMIN_TITLE = re.compile(r"\b(logistics?|lesistics|office hours?|quiz section|assignments?|homework|"
                         r"announcements?|syllabus|grading|deadlines?|presentation (slots|pointers)|"
                         r"course (info|information|logistics))\b", re.IGNORECASE)
EXERCISE_LINE = re.compile(r"^(ICE|in[- ]class exercise|breakouts?(\s+time)?|quiz|poll)\s*#?\s*\d", re.IGNORECASE)
ADMIN_BODY = re.compile(r"\b(due (this|next|on|by)|deadline|office hours|calendly|zoom|spreadsheet|"
                        r"submit|grade!?|review session|kaggle|assigned today)\b", re.IGNORECASE)
BOILERPLATE = [re.compile(p, re.IGNORECASE) for p in (
    r"^[^<>]{0,60}<[^@\s>]+@[^>\s]+>\s*$",  # "Name <address>" e-mail header
    r"^\d+ messages?$",
    r"\bto:\s*\S+@\S+",
    r"^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,\s+\w+\s+\d{1,2},\s+\d{4}\s+at\s+\d",  # mail date line
    r"^learn more$", r"^share summary$", r"^edit$", r"^(best|regards|thanks|cheers),?$", r"^zoom$",
    r"now supports additional languages",
    r"^a[il]-generated content may be inaccurate",
    r"^please rate the accuracy of this summary",
    r"^\+?\d[\d .-]{7,}\d$",  # phone number
    r"^©\s*\d{4}\s+.*\b(inc|llc|ltd|communications)\b",
    r"^visit \S+\.(com|org|net)\b",
)]
ADMIN_BODY_HITS = 2


def is_boilerplate(text: str) -> bool:
    """Whether a notes line is e-mail or meeting-tool chrome rather than lecture content."""
    return any(p.search(text.strip()) for p in BOILERPLATE)


def strip_boilerplate(pages: list[CleanPage]) -> list[CleanPage]:
    """Notes pages without their e-mail / meeting-tool chrome (each line recorded as removed)."""
    for page in pages:
        kept = []
        for line in page.lines:
            if is_boilerplate(line.text):
                page.removed.append(Removal(source=page.ref.source, page=page.ref.page, text=line.text,
                                            reason=RemovalReason.BOILERPLATE, detail="e-mail / meeting-tool text"))
            else:
                kept.append(line)
        page.lines = kept
    return pages


def looks_like_exercise(head_lines: list[str]) -> bool:
    """Whether a page's first lines mark it as an exercise ("ICE #1", "Quiz 4", "Poll", "ICE 42" as OCR read it)."""
    return any(EXERCISE_TITLE.search(line) or EXERCISE_LINE.match(line) for line in head_lines)


def slide_kind(draft: Draft) -> SlideKind:
    """What a slide is for: an exercise, course admin, prose notes, or teaching content."""
    if EXERCISE_TITLE.search(draft.title) or any(EXERCISE_LINE.match(line) for line in draft.body[:2]):
        return SlideKind.EXERCISE
    body = "\n".join(draft.body)
    # A notes section may mention logistics in passing; only slides are titled by their admin purpose.
    admin_title = ADMIN_TITLE.search(draft.title) and draft.source_kind is not SourceKind.NOTES
    if admin_title or len(ADMIN_BODY.findall(body)) >= ADMIN_BODY_HITS:
        return SlideKind.ADMIN
    if draft.source_kind is SourceKind.NOTES:
        return SlideKind.NOTES
    return SlideKind.CONTENT
