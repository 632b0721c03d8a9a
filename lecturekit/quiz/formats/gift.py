"""Moodle GIFT: export every question; import GIFT files, reporting each broken question by line."""

from __future__ import annotations

import re
from pathlib import Path

from lecturekit.errors import Diagnostics
from lecturekit.models import Option, Question, QuestionKind
from lecturekit.quiz.formats import imported_id
from lecturekit.quiz.text import from_html, to_html

SPECIAL = "\\~=#{}:"  # the backslash too, so TeX (\\theta) survives the round trip
META = re.compile(r"^//\s*lecturekit\s+(?P<field>label|lecture)\s*:\s*(?P<value>.*)$")
WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
TITLE = re.compile(r"^::(?P<title>(?:[^:\\]|\\.|:(?!:))*)::")
FORMAT = re.compile(r"^\[(?P<fmt>html|markdown|plain|moodle)\]")


def escape(text: str) -> str:
    """GIFT escapes its special characters with a backslash."""
    return "".join("\\" + ch if ch in SPECIAL else ch for ch in text)


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def write(questions: list[Question], out: Path, title: str, diag: Diagnostics) -> int:
    """Write QUESTIONS as GIFT (HTML format so struck words and math survive, all text escaped)."""
    out.write_text(dumps(questions, diag), encoding="utf-8")
    return len(questions)


def dumps(questions: list[Question], diag: Diagnostics | None = None) -> str:
    return "\n\n".join(_question(q, diag) for q in questions) + "\n"


def _question(question: Question, diag: Diagnostics | None) -> str:
    head = [f"// lecturekit label: {question.label}", f"// lecturekit lecture: {question.lecture}"]
    if question.kind is QuestionKind.MCQ and question.answer is None:
        head.append("// key pending: no option is marked correct yet")
    body = f"::{escape(question.id)}::[html]{escape(to_html(question.stem))} {{"
    lines = [f"\t{_option(question, o)}" for o in question.options]
    if question.explanation:
        lines.append(f"\t####{escape(to_html(question.explanation))}")
    return "\n".join([*head, body, *lines, "}"])


def _option(question: Question, option: Option) -> str:
    correct = option.key in (question.answer or [])
    if question.multiple:
        share = 100 / len(question.answer or [1])
        mark = f"~%{share:g}%" if correct else "~%-100%"
    else:
        mark = "=" if correct else "~"
    feedback = f"#{escape(to_html(option.feedback))}" if option.feedback else ""
    return f"{mark}{escape(to_html(option.text))}{feedback}"


def read(text: str, source: str, diag: Diagnostics) -> list[Question]:
    """Every question of a GIFT file; a broken one is reported with its line and skipped."""
    questions = []
    for line, chunk, meta in _chunks(text):
        question = _parse_chunk(chunk, meta, source, line, diag)
        if question is not None:
            questions.append(question)
    return questions


def _chunks(text: str) -> list[tuple[int, str, dict[str, str]]]:
    """(first line, text, lecturekit comments) of each blank-line separated question."""
    chunks, current, meta, start = [], [], {}, 1
    for number, line in enumerate([*text.splitlines(), ""], 1):
        if found := META.match(line.strip()):
            meta[found["field"]] = found["value"].strip()
        elif not line.strip():
            if current:
                chunks.append((start, "\n".join(current), meta))
            current, meta = [], {}
        elif not line.lstrip().startswith(("//", "$CATEGORY")):
            start = number if not current else start
            current.append(line)
    return chunks


def _parse_chunk(chunk: str, meta: dict[str, str], source: str, line: int, diag: Diagnostics) -> Question | None:
    body = chunk.strip()
    title_match = TITLE.match(body)
    title = unescape(title_match["title"]).strip() if title_match else None
    body = body[title_match.end() :].lstrip() if title_match else body
    is_html = bool((fmt := FORMAT.match(body)) and fmt["fmt"] == "html")
    body = body[fmt.end() :] if fmt else body
    span = _braces(body)
    if span is None:
        diag.error(source, "unbalanced braces { } in this question; skipped", line)
        return None
    before, answers, after = body[: span[0]], body[span[0] + 1 : span[1]], body[span[1] + 1 :]
    stem = _text(before.strip() + (" _____ " + after.strip() if after.strip() else ""), is_html)
    options, answer, explanation, problem = _answers(answers, is_html)
    if problem:
        diag.warn(source, f"{problem}; question skipped", line)
        return None
    flags = []
    if len(options) == 1:
        diag.warn(source, f"question has a single option ({options[0].text!r}); kept as a discussion prompt", line)
        stem, options, answer, flags = f"{stem}\n\n{options[0].text}", [], [], ["one-option"]
    qid, lecture = imported_id(source, title, stem)
    return Question(
        id=qid, lecture=meta.get("lecture", lecture), label=meta.get("label", title or qid.rsplit("/", 1)[1]),
        kind=QuestionKind.MCQ if options else QuestionKind.DISCUSSION, stem=stem, options=options,
        multiple=len(answer) > 1 or "%" in answers.split("####")[0], answer=answer or None,
        explanation=explanation, flags=flags,
    )


def _braces(body: str) -> tuple[int, int] | None:
    """Positions of the one unescaped { … } pair, or None when braces do not balance."""
    opens = [m.start() for m in re.finditer(r"(?<!\\)\{", body)]
    closes = [m.start() for m in re.finditer(r"(?<!\\)\}", body)]
    if len(opens) != 1 or len(closes) != 1 or closes[0] < opens[0]:
        return None
    return opens[0], closes[0]


def _text(raw: str, is_html: bool) -> str:
    text = unescape(raw).strip()
    return from_html(text) if is_html else text


def _answers(block: str, is_html: bool) -> tuple[list[Option], list[str], str | None, str | None]:
    """(options, correct keys, general feedback, unsupported-kind message) of an answer block."""
    block, _, general = block.partition("####")
    explanation = _text(general, is_html) or None
    stripped = block.strip()
    if not stripped:
        return [], [], explanation, None
    if stripped.upper() in {"T", "TRUE", "F", "FALSE"}:
        truth = "1" if stripped.upper().startswith("T") else "2"
        return [Option(key="1", text="True"), Option(key="2", text="False")], [truth], explanation, None
    if stripped.startswith("#"):
        return [], [], explanation, "numeric GIFT questions are not supported"
    if "->" in stripped:
        return [], [], explanation, "matching GIFT questions are not supported"
    parts = re.split(r"(?<!\\)(?=[=~])", stripped)
    marks = [p for p in parts if p.strip()]
    if marks and all(p.startswith("=") for p in marks):
        # No "~" wrong answer: GIFT reads {=yes} and {=a =b} as short-answer, not a one-option MCQ.
        return [], [], explanation, "short-answer GIFT question ({=…} with no ~wrong answer) not supported"
    options, answer = [], []
    for index, part in enumerate(marks, 1):
        correct, text = _mark(part)
        text, feedback = (re.split(r"(?<!\\)#", text, maxsplit=1) + [""])[:2]
        options.append(Option(key=str(index), text=_text(text, is_html), feedback=_text(feedback, is_html) or None))
        if correct:
            answer.append(str(index))
    return options, answer, explanation, None


def _mark(part: str) -> tuple[bool, str]:
    """Whether an answer is correct (= or a positive %weight%) and its text."""
    sign, rest = part[0], part[1:]
    if weight := WEIGHT.match(rest):
        return float(weight[1]) > 0, rest[weight.end() :]
    return sign == "=", rest
