"""Moodle XML: multichoice, truefalse, shortanswer, numerical, matching and essay, written with lxml and validated."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from lecturekit.errors import AnswerKeyError, Diagnostics
from lecturekit.models import AcceptedAnswer, MatchPair, NumericAnswer, Option, Question, QuestionKind
from lecturekit.quiz.text import from_html_math as from_html
from lecturekit.quiz.text import to_html_math as to_html

SCHEMA = Path(__file__).with_name("moodle_xml.xsd")
TYPES = {
    QuestionKind.MCQ: "multichoice",
    QuestionKind.DISCUSSION: "essay",
    QuestionKind.TRUE_FALSE: "truefalse",
    QuestionKind.SHORT_ANSWER: "shortanswer",
    QuestionKind.NUMERIC: "numerical",
    QuestionKind.MATCHING: "matching",
}
KINDS = {value: kind for kind, value in TYPES.items()}


def write(questions: list[Question], out: Path, title: str, diag: Diagnostics) -> int:
    """Write QUESTIONS as Moodle XML, after checking the document against the schema."""
    out.write_bytes(dumps(questions))
    return len(questions)


def dumps(questions: list[Question]) -> bytes:
    quiz = etree.Element("quiz")
    for question in questions:
        quiz.append(_question(question))
    validate(quiz)
    return etree.tostring(quiz, pretty_print=True, xml_declaration=True, encoding="UTF-8")


def validate(root: etree._Element) -> None:
    """Raise AnswerKeyError naming the first schema violation (a bug in the writer, never silent)."""
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    if not schema.validate(root):
        raise AnswerKeyError(f"Moodle XML does not validate: {schema.error_log.last_error}", file=SCHEMA.name)


def _question(question: Question) -> etree._Element:
    node = etree.Element("question", type=TYPES[question.kind])
    _text(node, "name", question.label, fmt=None)
    _text(node, "questiontext", to_html(question.stem))
    _text(node, "generalfeedback", to_html(question.explanation or ""))
    for tag, value in (("defaultgrade", "1"), ("penalty", "0"), ("hidden", "0"), ("idnumber", question.id)):
        etree.SubElement(node, tag).text = value
    if question.kind is QuestionKind.MCQ:
        _choices(node, question)
    elif question.kind in (
        QuestionKind.TRUE_FALSE,
        QuestionKind.SHORT_ANSWER,
        QuestionKind.NUMERIC,
        QuestionKind.MATCHING,
    ):
        _typed(node, question)
    else:
        for tag, value in (
            ("responseformat", "editor"),
            ("responserequired", "0"),
            ("responsefieldlines", "10"),
        ):
            etree.SubElement(node, tag).text = value
        _text(node, "graderinfo", "")
    return node


def _choices(node: etree._Element, question: Question) -> None:
    etree.SubElement(node, "single").text = "false" if question.multiple else "true"
    etree.SubElement(node, "shuffleanswers").text = "0"
    etree.SubElement(node, "answernumbering").text = "123"
    correct = question.answer or []
    for option in question.options:
        answer = etree.SubElement(
            node, "answer", fraction=_fraction(option, correct, question.multiple), format="html"
        )
        etree.SubElement(answer, "text").text = to_html(option.text)
        if option.feedback:
            _text(answer, "feedback", to_html(option.feedback))


def _typed(node: etree._Element, question: Question) -> None:
    """The answers of a true/false, short-answer, numerical or matching question."""
    if question.kind is QuestionKind.TRUE_FALSE:
        for option in question.options:
            correct = option.key in (question.answer or [])
            answer = etree.SubElement(
                node, "answer", fraction="100" if correct else "0", format="moodle_auto_format"
            )
            etree.SubElement(answer, "text").text = option.text.casefold()
            if option.feedback:
                _text(answer, "feedback", to_html(option.feedback))
    elif question.kind is QuestionKind.SHORT_ANSWER:
        etree.SubElement(node, "usecase").text = "0"
        for accepted in question.accepted:
            _graded(node, accepted.text, accepted.weight, accepted.feedback, fmt="moodle_auto_format")
    elif question.kind is QuestionKind.NUMERIC:
        for number in question.numeric:
            answer = _graded(
                node, f"{number.value:g}", number.weight, number.feedback, fmt="moodle_auto_format"
            )
            etree.SubElement(answer, "tolerance").text = f"{number.tolerance:g}"
    else:
        etree.SubElement(node, "shuffleanswers").text = "1"
        for pair in question.pairs:
            sub = etree.SubElement(node, "subquestion", format="html")
            etree.SubElement(sub, "text").text = to_html(pair.left)
            etree.SubElement(etree.SubElement(sub, "answer"), "text").text = pair.right


def _graded(node: etree._Element, text: str, weight: float, feedback: str | None, fmt: str) -> etree._Element:
    answer = etree.SubElement(node, "answer", fraction=_percent(weight), format=fmt)
    etree.SubElement(answer, "text").text = text
    if feedback:
        _text(answer, "feedback", to_html(feedback))
    return answer


def _percent(weight: float) -> str:
    return f"{weight:.5f}".rstrip("0").rstrip(".")


def _fraction(option: Option, correct: list[str], multiple: bool) -> str:
    """The option's grade in percent, written as Moodle's own grade list writes it (33.33333, 12.5)."""
    if multiple and option.weight is not None:
        return _percent(option.weight)
    if option.key in correct:
        return f"{100 / len(correct):.5f}".rstrip("0").rstrip(".") if multiple else "100"
    # A wrong tick in a multi-answer question costs everything: otherwise ticking all boxes scores 100%.
    return "-100" if multiple and correct else "0"


def _text(parent: etree._Element, tag: str, value: str, fmt: str | None = "html") -> None:
    node = etree.SubElement(parent, tag, format=fmt) if fmt else etree.SubElement(parent, tag)
    etree.SubElement(node, "text").text = value


def loads(data: bytes) -> list[Question]:
    """Questions read back from Moodle XML written by `dumps` (for round-trip checks)."""
    root = etree.fromstring(data)
    validate(root)
    return [_read_question(node) for node in root.iterfind("question")]


def _read_question(node: etree._Element) -> Question:
    kind = KINDS[node.get("type") or "essay"]
    options, answer, typed = [], [], _read_typed(node, kind)
    for index, item in enumerate(
        node.iterfind("answer") if kind in (QuestionKind.MCQ, QuestionKind.TRUE_FALSE) else [], 1
    ):
        feedback = item.findtext("feedback/text")
        text = item.findtext("text") or ""
        text = text.capitalize() if kind is QuestionKind.TRUE_FALSE else from_html(text)
        options.append(Option(key=str(index), text=text, feedback=from_html(feedback) if feedback else None))
        if float(item.get("fraction", "0")) > 0:
            answer.append(str(index))
    qid = node.findtext("idnumber") or ""
    return Question(
        id=qid,
        lecture=qid.rsplit("/", 1)[0],
        label=node.findtext("name/text") or "",
        kind=kind,
        **typed,
        stem=from_html(node.findtext("questiontext/text") or ""),
        options=options,
        multiple=node.findtext("single") == "false",
        answer=answer or None,
        explanation=from_html(node.findtext("generalfeedback/text") or "") or None,
    )


def _read_typed(node: etree._Element, kind: QuestionKind) -> dict:
    """The short-answer, numerical or matching keys of a question node (empty for other kinds)."""
    grade = lambda item: float(item.get("fraction", "0"))  # noqa: E731
    feedback = lambda item: from_html(item.findtext("feedback/text") or "") or None  # noqa: E731
    if kind is QuestionKind.SHORT_ANSWER:
        return {
            "accepted": [
                AcceptedAnswer(text=a.findtext("text") or "", weight=grade(a), feedback=feedback(a))
                for a in node.iterfind("answer")
            ]
        }
    if kind is QuestionKind.NUMERIC:
        return {
            "numeric": [
                NumericAnswer(
                    value=float(a.findtext("text") or 0),
                    tolerance=float(a.findtext("tolerance") or 0),
                    weight=grade(a),
                    feedback=feedback(a),
                )
                for a in node.iterfind("answer")
            ]
        }
    if kind is QuestionKind.MATCHING:
        return {
            "pairs": [
                MatchPair(left=from_html(s.findtext("text") or ""), right=s.findtext("answer/text") or "")
                for s in node.iterfind("subquestion")
            ]
        }
    return {}
