"""Slide kinds (content, exercise, admin, notes) and the e-mail / meeting-tool boilerplate of notes."""

from __future__ import annotations

import re
from collections import Counter

from lecturekit.cleaner.draft import CleanPage, Draft
from lecturekit.cleaner.similarity import line_key
from lecturekit.models import Removal, RemovalReason, SlideKind, SourceKind

EXERCISE_TITLE = re.compile(
    r"\b(ICE|in[- ]class exercises?|quiz(?!\s+section)|breakouts?|poll|exercises?|"
    r"check your understanding)\b",
    re.IGNORECASE,
)
ADMIN_TITLE = re.compile(
    r"\b(logistics?|lesistics|office hours?|quiz section|assignments?|homework|"
    r"announcements?|syllabus|grading|deadlines?|presentation (slots|pointers)|"
    r"course (info|information|logistics))\b",
    re.IGNORECASE,
)
ADMIN_HEAD = re.compile(rf"^\s*{ADMIN_TITLE.pattern}\s*#?\s*\d*\s*:", re.IGNORECASE)
EXERCISE_LINE = re.compile(
    r"^(ICE|in[- ]class exercise|breakouts?(\s+time)?|quiz|poll)\s*#?\s*\d", re.IGNORECASE
)
ADMIN_BODY = re.compile(
    r"\b(due (?:this|next|on|by)|deadlines?|office hours|calendly|zoom|spreadsheet|"
    r"submit|submissions?|grades?|grading|review session|kaggle|assigned today|piazza|"
    r"gradescope|late days?)\b",
    re.IGNORECASE,
)
BOILERPLATE = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^[^<>]{0,60}<[^@\s>]+@[^>\s]+>\s*$",  # "Name <address>" e-mail header
        r"^\d+ messages?$",
        r"\bto:\s*\S+@\S+",
        r"^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,\s+\w+\s+\d{1,2},\s+\d{4}\s+at\s+\d",  # mail date line
        r"^learn more$",
        r"^share summary$",
        r"^edit$",
        r"^(best|regards|thanks|cheers),?$",
        r"^zoom$",
        r"now supports additional languages",
        r"^a[il]-generated content may be inaccurate",
        r"^please rate the accuracy of this summary",
        r"^\+?\d[\d .-]{7,}\d$",  # phone number
        r"^©\s*\d{4}\s+.*\b(inc|llc|ltd|communications)\b",
        r"^visit \S+\.(com|org|net)\b",
    )
]
ADMIN_BODY_HITS = 2  # different admin cues a body needs
ADMIN_LINE_SHARE = 0.25  # share of a body's lines that must carry a cue: a passing "submit" is not admin
SHARED_MIN_SLIDES = 3  # a body line on this many slides of a deck is the deck's, not the slide's
TITLE_WORD = re.compile(r"[a-z]{3,}")
# Words an admin title may carry beside its admin words ("Course logistics for this week").
ADMIN_FILLER = frozenset(
    {
        "and",
        "the",
        "for",
        "this",
        "next",
        "week",
        "weeks",
        "today",
        "class",
        "course",
        "lecture",
        "reminder",
        "reminders",
        "info",
        "information",
        "update",
        "updates",
        "upcoming",
        "important",
        "due",
        "dates",
        "date",
        "policy",
        "policies",
        "new",
        "our",
        "your",
        "some",
        "few",
        "quick",
        "final",
        "midterm",
        "exam",
        "exams",
        "project",
        "projects",
        "schedule",
        "part",
        "paper",
        "papers",
        "team",
        "teams",
        "group",
        "groups",
    }
)


def is_boilerplate(text: str) -> bool:
    """Whether a notes line is e-mail or meeting-tool chrome rather than lecture content."""
    return any(p.search(text.strip()) for p in BOILERPLATE)


def strip_boilerplate(pages: list[CleanPage]) -> list[CleanPage]:
    """Notes pages without their e-mail / meeting-tool chrome (each line recorded as removed)."""
    for page in pages:
        kept = []
        for line in page.lines:
            if is_boilerplate(line.text):
                page.removed.append(
                    Removal(
                        source=page.ref.source,
                        page=page.ref.page,
                        text=line.text,
                        reason=RemovalReason.BOILERPLATE,
                        detail="e-mail / meeting-tool text",
                    )
                )
            else:
                kept.append(line)
        page.lines = kept
    return pages


def looks_like_exercise(head_lines: list[str]) -> bool:
    """Whether a page's first lines mark it as an exercise ("ICE #1", "Quiz 4", "Poll", "ICE 42" as OCR read it)."""
    return any(EXERCISE_TITLE.search(line) or EXERCISE_LINE.match(line) for line in head_lines)


def slide_kind(draft: Draft) -> SlideKind:
    """What a slide is for: an exercise, course admin, prose notes, or teaching content.

    The kind set for the slide's deck (assign_kinds) wins: only there are the deck's shared lines known.
    """
    if draft.kind is not None:
        return draft.kind
    return _kind(draft, set())


def assign_kinds(drafts: list[Draft]) -> list[Draft]:
    """DRAFTS of one deck with their kinds, judged on each slide's own words, not on lines the deck repeats."""
    shared = _shared_lines(drafts)
    return [draft.model_copy(update={"kind": _kind(draft, shared)}) for draft in drafts]


def _shared_lines(drafts: list[Draft]) -> set[str]:
    """Body lines on several slides of a deck (a footer or a boilerplate box): no slide's own words."""
    counts = Counter(line_key(line) for draft in drafts for line in {*draft.body})
    return {key for key, count in counts.items() if count >= SHARED_MIN_SLIDES}


def _kind(draft: Draft, shared: set[str]) -> SlideKind:
    if EXERCISE_TITLE.search(draft.title):
        return SlideKind.EXERCISE
    # A notes section may mention logistics in passing; only slides are titled by their admin purpose.
    if draft.source_kind is not SourceKind.NOTES and admin_title(draft.title):
        return SlideKind.ADMIN  # "Announcements" that open with "Quiz 1 is on Friday" announce a quiz
    if any(EXERCISE_LINE.match(line) for line in draft.body[:2]):
        return SlideKind.EXERCISE
    if admin_body([line for line in draft.body if line_key(line) not in shared], topic=draft.title):
        return SlideKind.ADMIN
    if draft.source_kind is SourceKind.NOTES:
        return SlideKind.NOTES
    return SlideKind.CONTENT


def admin_title(title: str) -> bool:
    """Whether TITLE names course admin and nothing else ("Logistics", "Homework 2", "Announcements (week 3)").

    "Variable assignment" or "Grading functions" name a topic: a word beyond the admin words is content,
    unless the admin word heads the title before a colon ("Homework 3: backpropagation").
    """
    if not ADMIN_TITLE.search(title):
        return False
    if ADMIN_HEAD.match(title):
        return True  # "Homework 3: backpropagation" heads its topic with the admin word
    rest = ADMIN_TITLE.sub(" ", title.lower())
    return not [w for w in TITLE_WORD.findall(rest) if w not in ADMIN_FILLER]


def admin_body(lines: list[str], topic: str = "") -> bool:
    """Whether LINES are about logistics: two different cues, on a good share of the lines.

    A cue the slide's title TOPIC names is its subject ("Scheduling with Deadlines" explains deadlines),
    not a sign of logistics.
    """
    topic_cues = {_cue_key(match) for match in ADMIN_BODY.findall(topic)}
    cues_of = [{_cue_key(m) for m in ADMIN_BODY.findall(line)} - topic_cues for line in lines]
    cued = [cues for cues in cues_of if cues]
    return len(set().union(*cued)) >= ADMIN_BODY_HITS and len(cued) >= ADMIN_LINE_SHARE * len(lines)


def _cue_key(cue: str) -> str:
    """One key for a cue's forms ("Deadlines", "deadline")."""
    return cue.lower().removesuffix("s")
