"""Question formats instructors use: marker words, Q./A. pairs, unmarked questions, keys in speaker notes."""

from __future__ import annotations

from pathlib import Path

from quiz_support import slide

from lecturekit.errors import Diagnostics
from lecturekit.ingest import IngestOptions
from lecturekit.models import Lecture, Method, QuestionKind
from lecturekit.pipeline import clean, ingest
from lecturekit.quiz import extract_questions
from lecturekit.quiz.find import read_heading

REVEAL_DECK = """---
layout: slide
---

<section data-markdown>
## Forces

Newton's laws describe how things move.
</section>

<section data-markdown>

<img src="./images/ball.png" align="right"/>

A ball is thrown straight up. At the top of its flight, what is its acceleration?

1. Zero
2. $g$ downward
3. $g$ upward

Note:
* CORRECT ANSWER: B
* Gravity never switches off.
</section>

<!--<section data-markdown>
Which is hidden?

1. This one
2. That one

Note:
CORRECT ANSWER: A
</section> -->

<section data-markdown>
Which of these is a vector?

1. Mass
2. Velocity
3. Time
4. Energy
5. Charge

Note:
Correct answer: E (charge is a scalar, so this key is wrong on purpose)
</section>

<section data-markdown>
What do you think happens when the cart stops?
</section>
"""


def lecture_of(*texts: str) -> Lecture:
    return Lecture(
        id="L1",
        title="t",
        slides=[slide("L1", i, t, [("deck.pdf", i, Method.TEXT_LAYER)]) for i, t in enumerate(texts, 1)],
    )


def extract(*texts: str) -> list:
    return extract_questions([lecture_of(*texts)], Diagnostics())


def test_marker_words_instructors_use_are_headings() -> None:
    for line in [
        "Think-Pair-Share",
        "Think, Pair, Share: why does it fall?",
        "Clicker question #5",
        "**Clicker Question 13-1**",
        "Check your understanding",
        "Exercise 3",
        "Poll:",
        "Question: what is g?",
        "Q: What is g?",
        "Q. Why?",
        "Q3. Why?",
        "ConcepTest 2",
        "Discussion question",
    ]:
        assert read_heading(line) is not None, line
    assert read_heading("Clicker Question 13-1").word == "Clicker Question 13-1"  # a compound number names it
    for line in [
        "Quick question about the homework",
        "Questions?",
        "Quantum",
        "Q-learning converges",
        "Checklist",
    ]:
        assert read_heading(line) is None, line


def test_q_and_a_pair_keeps_the_written_answer_as_the_explanation() -> None:
    questions = extract(
        "Search trees\n**Q:** How many nodes does the search visit?\n**A:** Three: dog, flat, glut."
    )
    assert len(questions) == 1 and questions[0].kind is QuestionKind.DISCUSSION
    assert questions[0].stem == "How many nodes does the search visit?"
    assert questions[0].explanation == "Three: dog, flat, glut."
    # "A." over "B." is an option list, not an answer.
    options = extract("Quiz\nQ. Which sort is stable?\nA. Merge sort\nB. Quicksort\nAnswer: A")
    assert [o.text for o in options[0].options] == ["Merge sort", "Quicksort"] and options[0].answer == ["1"]


def test_think_pair_share_without_options_stays_a_discussion_prompt() -> None:
    questions = extract("Recursion\nThink-Pair-Share: why does merge sort need a base case?")
    assert [(q.label, q.kind) for q in questions] == [("Think-Pair-Share", QuestionKind.DISCUSSION)]


def test_unmarked_question_is_a_stem_ending_in_a_question_mark_over_options() -> None:
    questions = extract(
        "Sorting\nWhich algorithm runs in O(n log n) in the worst case?\na) Quicksort\nb) Merge sort\nc) Bubble sort",
        "Sorting recap\nWhy does this matter?\n- Large inputs are common in practice and quadratic time hurts a lot there too",
    )
    assert (
        len(questions) == 1 and questions[0].stem == "Which algorithm runs in O(n log n) in the worst case?"
    )
    assert questions[0].label == "Question" and len(questions[0].options) == 3


def test_answer_revealed_on_a_later_build_keys_the_question() -> None:
    questions = extract(
        "Stability\nWhich sort is stable?\n(a) Heapsort\n(b) Merge sort", "Stability\nAnswer: (b)"
    )
    assert questions[0].answer == ["2"] and questions[0].key_source == "answer line (deck.pdf p. 1)"


def test_check_mark_on_the_last_build_is_a_key_that_says_where_it_came_from() -> None:
    questions = extract("Poll: Which is a vector?\n1. Mass\n2. Velocity ✓\n3. Time")
    assert questions[0].answer == ["2"] and questions[0].key_source == "marked option (deck.pdf p. 1)"


def test_reveal_markdown_deck_keys_in_speaker_notes(tmp_path: Path) -> None:
    deck = tmp_path / "lecture-03.md"
    deck.write_text(REVEAL_DECK, encoding="utf-8")
    diag = Diagnostics()
    config, sources = ingest([deck], IngestOptions(), diag)
    questions = extract_questions(clean(sources, config, diag), diag)
    mcq = [q for q in questions if q.options]
    assert [q.answer for q in mcq] == [["2"], ["5"]]  # the commented-out slide is not a question
    assert (
        mcq[0].stem.endswith("what is its acceleration?")
        and mcq[0].explanation == "- Gravity never switches off."
    )
    assert mcq[0].key_source.startswith("speaker notes") and "CORRECT" not in mcq[0].stem
    assert [o.text for o in mcq[0].options] == ["Zero", "$g$ downward", "$g$ upward"]


def test_question_answered_on_a_later_beamer_build_is_found_with_its_answer() -> None:
    built = slide(
        "L1",
        1,
        "Example 1\nAssume we roll a die and get a 1.\nWhat is the random process?\nRolling the die.\n"
        "What is the outcome?\nThe 1 that was rolled.",
        [("deck.pdf", 4, Method.TEXT_LAYER), ("deck.pdf", 5, Method.TEXT_LAYER)],
    )
    built.merged_by = ["page-label: p4+p5"]
    same_text_two_sources = built.model_copy(update={"id": "L1/s02", "merged_by": ["containment: p4+p5"]})
    questions = extract_questions(
        [Lecture(id="L1", title="t", slides=[built, same_text_two_sources])], Diagnostics()
    )
    assert [(q.stem, q.explanation, q.kind) for q in questions] == [
        ("What is the random process?", "Rolling the die.", QuestionKind.DISCUSSION),
        ("What is the outcome?", "The 1 that was rolled.", QuestionKind.DISCUSSION),
    ]


def test_dash_separated_reveal_slides_stay_apart_and_front_matter_is_no_slide(tmp_path: Path) -> None:
    deck = tmp_path / "forces.md"
    deck.write_text(
        "---\ntitle: Forces\ntheme: white\n---\n\n## Forces\n\nNewton's laws.\n\n---\n\n"
        "Which is a vector?\n\n1. Mass\n2. Velocity\n\nNote: CORRECT ANSWER: B\n\n---\n\n"
        "Which is heavier?\n\n1. Lead\n2. Feathers\n\nNote:\nCORRECT ANSWER: A\n",
        encoding="utf-8",
    )
    diag = Diagnostics()
    config, sources = ingest([deck], IngestOptions(), diag)
    lectures = clean(sources, config, diag)
    assert [s.title for s in lectures[0].slides] == ["Forces", "Which is a vector?", "Which is heavier?"]
    questions = extract_questions(lectures, diag)
    assert [(q.stem, q.answer) for q in questions] == [
        ("Which is a vector?", ["2"]),
        ("Which is heavier?", ["1"]),
    ]


def test_exercise_sheet_parts_with_question_and_answer_labels() -> None:
    questions = extract(
        "Advanced Methods\nExercise 01: ML Basics\nUniversity of Mannheim",
        "Machine Learning Basics\nQuestion b)\n- Question:\n- What are the common task types?\n"
        "- What does the output look like?\n- Answer:\n- Classification: a category.\n- Regression: a number.",
        "Log-linear Classifiers\nQuestion a)\n- Recall the logistic regression model.\n- Give a formal expression for it.",
        "Log-linear Classifiers\nAnswer a)\nWe have p(y|x) = sigma(w x).",
    )
    assert [(q.label, q.kind) for q in questions] == [
        ("Question b)", QuestionKind.DISCUSSION),
        ("Question a)", QuestionKind.DISCUSSION),
    ]
    assert questions[0].stem == "- What are the common task types?\n- What does the output look like?"
    assert questions[0].explanation == "- Classification: a category.\n- Regression: a number."
    assert questions[1].explanation == "We have p(y|x) = sigma(w x)."


def test_a_heading_the_cleaner_took_for_a_running_header_still_marks_the_question() -> None:
    from lecturekit.models import Removal, RemovalReason

    prompt = slide(
        "L1",
        1,
        "Language Modeling\n- What does an n-gram model assume?\n- Describe a bigram model.",
        [("deck.pdf", 7, Method.TEXT_LAYER)],
    )
    prompt.removed = [Removal(source="deck.pdf", page=7, text="Question c)", reason=RemovalReason.FURNITURE)]
    questions = extract_questions([Lecture(id="L1", title="t", slides=[prompt])], Diagnostics())
    assert [(q.label, q.kind) for q in questions] == [("Question c)", QuestionKind.DISCUSSION)]
    assert questions[0].stem.endswith("Describe a bigram model.")
