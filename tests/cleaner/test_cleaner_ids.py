"""Slide and lecture ids from titles in any script: readable, unmoved when a slide is added before them."""

from __future__ import annotations

from lecturekit.cleaner.ids import assign_ids, lecture_ids
from lecturekit.models import Lecture, Slide, SlideKind

RUSSIAN = ["Градиентный спуск", "Скорость обучения"]
CHINESE = ["梯度下降", "学习率"]


def _lecture(titles: list[str]) -> Lecture:
    slides = [Slide(id="", title=t, text=t, kind=SlideKind.CONTENT) for t in titles]
    return Lecture(id="", title=titles[0], slides=slides)


def _slide_ids(titles: list[str]) -> list[str]:
    return [slide.id for slide in assign_ids(_lecture(titles), "week-1").slides]


def test_non_latin_titles_give_readable_ids_of_their_own():
    assert _slide_ids(RUSSIAN) == ["week-1/gradientnyi-spusk", "week-1/skorost-obucheniia"]
    assert _slide_ids(CHINESE) == ["week-1/ti-du-xia-jiang", "week-1/xue-xi-lu"]
    assert _slide_ids(["Gradient Descent", "Étape ¹"]) == ["week-1/gradient-descent", "week-1/etape-1"]


def test_an_added_slide_moves_no_other_id():
    assert _slide_ids(["Импульс", *RUSSIAN])[1:] == _slide_ids(RUSSIAN)


def test_a_title_with_no_letters_is_a_numbered_slide():
    assert _slide_ids(["∑ ∫ ∂", "∑ ∫ ∂"]) == ["week-1/slide", "week-1/slide-2"]


def test_undated_lectures_are_named_after_their_titles():
    lectures = [_lecture(RUSSIAN), _lecture(CHINESE), _lecture(RUSSIAN)]
    assert lecture_ids(lectures, [None, None, None]) == [
        "gradientnyi-spusk",
        "ti-du-xia-jiang",
        "gradientnyi-spusk-2",
    ]
    assert lecture_ids(lectures, ["week-1", None, None]) == ["week-1", "ti-du-xia-jiang", "gradientnyi-spusk"]
