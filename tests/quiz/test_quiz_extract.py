"""Finding exercises in slides, merging builds and sources into one question each, stable ids."""

from __future__ import annotations

from quiz_support import OCR_2026, TEXT_2026, dump_lecture, seed_passage, slide

from lecturekit.errors import Diagnostics
from lecturekit.models import Course, Lecture, Method, QuestionKind
from lecturekit.quiz import extract_questions
from lecturekit.quiz.check import QuestionStatus, check_course, format_rows
from lecturekit.quiz.find import read_heading


def extract(*lectures: Lecture) -> tuple[list, Diagnostics]:
    diag = Diagnostics()
    return extract_questions(list(lectures), diag), diag


def lecture_of(*texts: str, lecture: str = "L1", method: Method = Method.TEXT) -> Lecture:
    slides = [slide(lecture, i, t, [("deck.txt", i, method)]) for i, t in enumerate(texts, 1)]
    return Lecture(id=lecture, title="t", slides=slides)


def test_2026_text_and_ocr_copies_give_three_questions_once_each(lecture_2026: Lecture) -> None:
    questions, diag = extract(lecture_2026)
    assert [q.id for q in questions] == ["2026-01-14/ice-1", "2026-01-14/ice-2", "2026-01-14/ice-3"]
    assert [q.label for q in questions] == ["ICE #1", "ICE #2", "ICE #3"]
    for question in questions:
        assert {p.source for p in question.pages} == {TEXT_2026, OCR_2026}  # provenance lists both copies
        assert question.kind is QuestionKind.MCQ and len(question.options) == 4
    assert [o.text for o in questions[0].options] == ["8,8", "d,8", "1,8", "d,d"]  # 000's clean options win
    assert questions[0].flags == [] and questions[0].slide == "2026-01-14/s09"
    assert [q.multiple for q in questions] == [False, False, True]
    assert diag.items == []


def test_ocr_only_copy_reads_ice_42_as_ice_2_and_flags_garbled_options() -> None:
    questions, diag = extract(dump_lecture("2026-01-14", [(OCR_2026, Method.OCR)]))
    assert [q.label for q in questions] == ["ICE #1", "ICE #2", "ICE #3"]
    assert questions[0].flags == ["garbled"] and [o.garbled for o in questions[0].options] == [
        True,
        True,
        True,
        True,
    ]
    assert [o.text for o in questions[0].options] == [
        "3838",
        "ds",
        "138",
        "dd",
    ]  # kept as read, never dropped
    assert len(diag.warnings) == 1 and "garbled" in diag.warnings[0].message
    assert diag.warnings[0].file == OCR_2026 and diag.warnings[0].location == "p. 9"


def test_ice_42_kept_when_the_sequence_does_not_vouch_for_2() -> None:
    questions, _ = extract(lecture_of("ICE 42\nWhich?\n1) a\n2) b"))
    assert questions[0].label == "ICE #42"


def test_2024_ice_with_struck_not_and_breakout(lecture_2024: Lecture) -> None:
    questions, diag = extract(lecture_2024)
    assert [(q.id, q.kind) for q in questions] == [
        ("2024-01-11/ice-1", QuestionKind.MCQ),
        ("2024-01-11/breakout-1", QuestionKind.DISCUSSION),
    ]
    ice = questions[0]
    assert ice.stem == "Which of the following is ~~not~~ a hyper-parameter in deep learning?"
    assert [o.text for o in ice.options][-1] == "All of the above" and len(ice.options) == 4
    assert questions[1].label == "Breakouts Time #1" and questions[1].stem.startswith(
        "Auto-complete — 5 mins"
    )
    assert diag.items == []


def test_builds_merged_into_one_slide_keep_the_ice_options_only() -> None:
    # The ordered union of the ICE page and the following build pages of the same title.
    ice = seed_passage(
        "004_6907600352c4fa8e.txt", "Hyper-parameters in Deep Learning", "Hyper-parameter tuning methods"
    )
    union = "\n".join(dict.fromkeys(line.strip() for line in ice.splitlines() if line.strip()))
    questions, _ = extract(lecture_of(union, lecture="2024-01-11"))
    assert len(questions) == 1 and [o.text for o in questions[0].options][-1] == "All of the above"


def test_unmerged_builds_become_one_question_with_every_page() -> None:
    questions, _ = extract(
        lecture_of(
            "ICE #2\nWhat is SGD's advantage?", "ICE #2\nWhat is SGD's advantage?\n1 Compute\n2 Memory"
        )
    )
    assert len(questions) == 1 and [o.text for o in questions[0].options] == ["Compute", "Memory"]
    assert [p.page for p in questions[0].pages] == [1, 2]


def test_options_on_the_following_slide_are_joined() -> None:
    slides = (
        "Hyper-parameters\nICE #1: Which is a hyper-parameter?",
        "Hyper-parameters\n- ① Learning rate\n- ② Weights",
        "Next",
    )
    questions, _ = extract(lecture_of(*slides))
    assert len(questions) == 1 and [o.text for o in questions[0].options] == ["Learning rate", "Weights"]
    assert [p.page for p in questions[0].pages] == [1, 2]


def test_continuation_slide_with_the_same_heading_merges() -> None:
    questions, _ = extract(
        lecture_of("Quiz 1\nWhich optimiser adapts rates?", "Quiz 1 (cont.)\n1) SGD\n2) ADAM")
    )
    assert len(questions) == 1 and [o.text for o in questions[0].options] == ["SGD", "ADAM"]
    assert questions[0].stem == "Which optimiser adapts rates?"


def test_headings_are_read_but_admin_words_are_not() -> None:
    for line in [
        "ICE #2",
        "ICE 42",
        "ICE #1: Which of the following",
        "Quiz 3",
        "Quiz:",
        "Poll",
        "Exercise 2.",
        "Breakouts Time #1",
        "Question 4: why?",
        "- ICE #3",
        "Breakout Room 2",
    ]:
        assert read_heading(line) is not None, line
    assert (
        read_heading("ICE #l").digits == "1"
        and read_heading("ICE #I2").digits == "12"
        and read_heading("ICE |").digits == "1"
    )
    for line in [
        "Quiz Section",
        "Questions?",
        "ICE land",
        "Quiz Island",
        "Exercises are in the book",
        "ice cream",
        "Breakfast",
        "Question everything",
    ]:
        assert read_heading(line) is None, line
    questions, _ = extract(lecture_of("Quiz Section\nEvery Friday :- 5pm - 5:30PM"))
    assert questions == []


def test_one_option_becomes_a_flagged_discussion_prompt() -> None:
    questions, diag = extract(lecture_of("ICE #4\nIs SGD noisy?\n1) Yes"))
    assert questions[0].kind is QuestionKind.DISCUSSION and questions[0].flags == ["one-option"]
    assert "1 Yes" in questions[0].stem  # nothing dropped
    assert "single option" in diag.warnings[0].message and diag.warnings[0].location == "p. 1"
    rows = check_course(Course(title="t", root="/tmp", questions=questions))
    assert rows[0].statuses == [QuestionStatus.ONE_OPTION]  # `check` lists it as needing attention
    assert format_rows(rows).endswith("1 question(s), 1 needing attention")


def test_empty_exercise_heading_is_reported_not_invented() -> None:
    questions, diag = extract(lecture_of("Title\nICE #5"))
    assert questions == [] and "no question text" in diag.warnings[0].message


def test_ids_survive_re_extraction_and_small_edits() -> None:
    first, _ = extract(lecture_of("Intro", "ICE #2\nWhat is SGD's main advantage?\n1 Compute\n2 Memory"))
    edited, _ = extract(
        lecture_of("Intro", "New slide", "ICE #2\nWhat is SGD's MAIN advantage ?\n1 Compute\n2 Memory use")
    )
    assert first[0].id == edited[0].id == "L1/ice-2"
    plain, _ = extract(lecture_of("Quiz\nWhat is the main advantage of SGD over GD?\n1 Compute\n2 Memory"))
    reworded, _ = extract(
        lecture_of("x", "Quiz:\nWhat is the main advantage of SGD over GD ??\n1 Compute\n2 Memory\n3 Speed")
    )
    assert plain[0].id == reworded[0].id and plain[0].id.startswith("L1/quiz-")


def test_same_label_with_different_stems_stays_two_questions() -> None:
    questions, diag = extract(
        lecture_of(
            "ICE #1\nWhat is a gradient?\n1) a\n2) b",
            "ICE #1\nName two optimisers used for transformers.\n1) c\n2) d",
        )
    )
    assert [q.id for q in questions] == ["L1/ice-1", "L1/ice-1-2"]
    assert all("ambiguous" in q.flags for q in questions) and diag.warnings


def test_html_in_slides_stays_text() -> None:
    questions, _ = extract(
        lecture_of("ICE #1\nWhat does <script>alert('x')</script> print?\n1) <b>x</b>\n2) nothing")
    )
    assert "<script>alert('x')</script>" in questions[0].stem and questions[0].options[0].text == "<b>x</b>"


def test_merged_slide_with_both_sources_headings_is_one_question() -> None:
    # The cleaner's union of 000 and 001 keeps both readings of the heading: "ICE #2" and "ICE 42".
    text = "ICE #1\nFirst?\n1 a\n2 b"
    merged = "ICE #2\nICE 42\nWhat is the main advantage of SGD as compared to full-batch GD?\n1 Lower compute requirement\n2 Lower memory requirement"
    questions, diag = extract(lecture_of(text, merged, lecture="2026-01-14"))
    assert [q.id for q in questions] == ["2026-01-14/ice-1", "2026-01-14/ice-2"] and questions[
        1
    ].label == "ICE #2"
    assert diag.items == []


def test_title_only_build_adds_its_page_to_the_question() -> None:
    questions, diag = extract(lecture_of("ICE #3", "ICE #3\nWhich apply? Select all that apply\n1 a\n2 b"))
    assert [p.page for p in questions[0].pages] == [1, 2] and diag.items == []


def test_a_prompt_does_not_swallow_the_next_slides_bullets() -> None:
    questions, _ = extract(
        lecture_of("Breakout #1\nDiscuss how you would build auto-complete.", "Summary\n- point a\n- point b")
    )
    assert questions[0].kind is QuestionKind.DISCUSSION and questions[0].options == []
