"""Moodle XML: multichoice and essay questions, written with lxml and validated against a schema."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from lecturekit.errors import AnswerKeyError, Diagnostics
from lecturekit.models import Option, Question, QuestionKind
from lecturekit.quiz.text import from_html, to_html

SCHEMA = Path(__file__).with_name("moodle_xml.xsd")


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
    mcq = question.kind is QuestionKind.MCQ
    node = etree.Element("question", type="multichoice" if mcq else "essay")
    _text(node, "name", question.label, fmt=None)
    _text(node, "questiontext", to_html(question.stem))
    _text(node, "generalfeedback", to_html(question.explanation or ""))
    for tag, value in (("defaultgrade", "1"), ("penalty", "0"), ("hidden", "0"), ("idnumber", question.id)):
        etree.SubElement(node, tag).text = value
    if mcq:
        _choices(node, question)
    else:
        for tag, value in (("responseformat", "editor"), ("responserequired", "0"), ("responsefieldlines", "10")):
            etree.SubElement(node, tag).text = value
        _text(node, "graderinfo", "")
    return node


def _choices(node: etree._Element, question: Question) -> None:
    etree.SubElement(node, "single").text = "false" if question.multiple else "true"
    etree.SubElement(node, "shuffleanswers").text = "0"
    etree.SubElement(node, "answernumbering").text = "123"
    correct = question.answer or []
    for option in question.options:
        answer = etree.SubElement(node, "answer", fraction=_fraction(option, correct, question.multiple), format="html")
        etree.SubElement(answer, "text").text = to_html(option.text)
        if option.feedback:
            _text(answer, "feedback", to_html(option.feedback))


def _fraction(option: Option, correct: list[str], multiple: bool) -> str:
    """The option's grade in percent, written as Moodle's own grade list writes it (33.33333, 12.5)."""
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
    options, answer = [], []
    for index, item in enumerate(node.iterfind("answer"), 1):
        feedback = item.findtext("feedback/text")
        options.append(Option(key=str(index), text=from_html(item.findtext("text") or ""), feedback=from_html(feedback) if feedback else None))
        if float(item.get("fraction", "0")) > 0:
            answer.append(str(index))
    qid = node.findtext("idnumber") or ""
    return Question(
        id=qid, lecture=qid.rsplit("/", 1)[0], label=node.findtext("name/text") or "",
        kind=QuestionKind.MCQ if node.get("type") == "multichoice" else QuestionKind.DISCUSSION,
        stem=from_html(node.findtext("questiontext/text") or ""), options=options,
        multiple=node.findtext("single") == "false", answer=answer or None,
        explanation=from_html(node.findtext("generalfeedback/text") or "") or None,
    )
