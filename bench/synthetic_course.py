"""A synthetic Course model of any size, built in memory (for the site benchmark and the search-index size test)."""

from __future__ import annotations

import datetime as dt
import functools
import random
import re

from lecturekit.models import (
    Course,
    Lecture,
    Method,
    Option,
    PageRef,
    Question,
    QuestionKind,
    Slide,
    SlideKind,
    TopicTag,
)

WORDS = [
    "gradient",
    "descent",
    "learning",
    "rate",
    "batch",
    "size",
    "momentum",
    "adam",
    "loss",
    "landscape",
    "minimum",
    "overfitting",
    "dropout",
    "regularization",
    "activation",
    "sigmoid",
    "relu",
    "perceptron",
    "layer",
    "network",
    "weight",
    "bias",
    "backpropagation",
    "chain",
    "rule",
    "embedding",
    "vector",
    "search",
    "transformer",
    "attention",
    "token",
    "sequence",
    "recurrent",
    "convolution",
    "kernel",
    "pooling",
    "epoch",
    "validation",
    "test",
    "error",
    "variance",
    "noise",
    "schedule",
    "warmup",
    "decay",
    "initialization",
    "xavier",
    "softmax",
    "logits",
]


@functools.lru_cache(maxsize=1)
def vocabulary() -> tuple[str, ...]:
    """The words of the bundled seed lectures (a real lecture vocabulary), else a built-in list."""
    from lecturekit.pipeline import bundled_seeds

    words: set[str] = set()
    for path in sorted(bundled_seeds().glob("*.txt")):
        words |= {
            w
            for w in re.findall(r"[A-Za-z][A-Za-z-]{2,}", path.read_text(encoding="utf-8", errors="replace"))
        }
    return tuple(sorted(words)) if len(words) > 200 else tuple(WORDS)


def synthetic_lecture(number: int, slides: int, seed: int = 0) -> Lecture:
    """Lecture NUMBER with SLIDES slides of lecture-like text, a formula every fifth slide."""
    rng = random.Random(seed * 100003 + number)
    words = vocabulary()
    lecture_id = f"L{number:03d}"
    items = []
    for s in range(1, slides + 1):
        title = " ".join(rng.choice(words) for _ in range(3)).capitalize()
        bullets = [
            "- " + " ".join(rng.choice(words) for _ in range(rng.randint(6, 14)))
            for _ in range(rng.randint(3, 6))
        ]
        if s % 5 == 0:
            bullets.append(f"$$\\frac{{\\partial L}}{{\\partial w_{{{s}}}}} = \\sum_i x_i^{{{s % 7}}}$$")
        items.append(
            Slide(
                id=f"{lecture_id}/s{s:02d}",
                title=title,
                text="\n".join([title, *bullets]),
                kind=SlideKind.ADMIN if s == 1 else SlideKind.CONTENT,
                pages=[PageRef(source=f"{lecture_id}.pdf", page=s, method=Method.TEXT_LAYER)],
                topics=[TopicTag(topic="backprop", score=1.0)] if s % 10 == 2 else [],
            )
        )
    date = dt.date(2026, 1, 5) + dt.timedelta(days=2 * number)
    return Lecture(
        id=lecture_id,
        title=f"Lecture {number}: {items[1].title if slides > 1 else ''}",
        date=date,
        sources=[f"{lecture_id}.pdf"],
        slides=items,
    )


def synthetic_questions(lecture: Lecture, count: int = 3) -> list[Question]:
    """COUNT keyed multiple-choice questions posed in LECTURE."""
    return [
        Question(
            id=f"{lecture.id}/ice-{n}",
            lecture=lecture.id,
            label=f"ICE #{n}",
            kind=QuestionKind.MCQ,
            stem=f"Which statement about {lecture.slides[n].title.lower()} is right?",
            options=[Option(key=str(k), text=f"statement {k}") for k in range(1, 5)],
            answer=[str(1 + n % 4)],
            slide=lecture.slides[n].id,
        )
        for n in range(1, count + 1)
    ]


def synthetic_course(lectures: int, slides: int) -> Course:
    """A course of LECTURES lectures × SLIDES slides with three questions each."""
    items = [synthetic_lecture(n, slides) for n in range(1, lectures + 1)]
    questions = [q for lec in items for q in synthetic_questions(lec)]
    return Course(title="Synthetic course", root=".", lectures=items, questions=questions)
