"""File names and anchors of the site: one flat folder, so every link is a plain relative path."""

from __future__ import annotations

import hashlib
import re

from lecturekit.models import Lecture, SlideImage, SlideKind

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def safe_name(text: str) -> str:
    """A file-name and anchor-safe form of an id or name as it is (a short hash when nothing safe is left).

    Not cleaner.ids.slug, which makes an id out of a title: this keeps case and underscores, so that two
    distinct ids ("L1" and "l1", "lr_schedule" and "lr-schedule") never share a file.
    """
    cleaned = _UNSAFE.sub("-", text).strip("-")
    return cleaned or hashlib.sha256(text.encode()).hexdigest()[:10]


def is_notes(lecture: Lecture) -> bool:
    """Whether a lecture is prose notes (rendered as a notes page) rather than slides."""
    kinds = [s.kind for s in lecture.slides if s.kind is not SlideKind.ADMIN]
    return bool(kinds) and all(k is SlideKind.NOTES for k in kinds)


def lecture_href(lecture: Lecture) -> str:
    prefix = "notes" if is_notes(lecture) else "lecture"
    return f"{prefix}-{safe_name(lecture.id)}.html"


def slide_anchor(slide_id: str) -> str:
    """The anchor of a slide on its lecture page: its id's last part ("2026-01-14/ice-1" → "ice-1")."""
    return "slide-" + safe_name(slide_id.rsplit("/", 1)[-1])


def quiz_href(lecture_id: str) -> str:
    return f"quiz-{safe_name(lecture_id)}.html"


def question_anchor(question_id: str) -> str:
    return "q-" + safe_name(question_id)


def topic_href(topic_id: str) -> str:
    return f"topic-{safe_name(topic_id)}.html"


def image_href(image: SlideImage) -> str:
    """A slide picture's file, named by its content: equal pictures share one file, a changed one gets a new name."""
    return f"img/{image.digest[:20]}.{image.format.value}"


PRACTICE_HREF = "practice.html"
TOPICS_HREF = "topics.html"
HOME_HREF = "index.html"
