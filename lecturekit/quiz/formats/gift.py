"""Moodle GIFT: export every question type; import every GIFT type, reporting each broken question by line."""

from __future__ import annotations

import re
from pathlib import Path

from lecturekit.errors import Diagnostics
from lecturekit.models import AcceptedAnswer, MatchPair, NumericAnswer, Option, Question, QuestionKind
from lecturekit.quiz.imported import imported_id
from lecturekit.quiz.text import from_html, to_html

SPECIAL = "\\~=#{}:"  # the backslash too, so TeX (\\theta) survives the round trip
META = re.compile(r"^//\s*lecturekit\s+(?P<field>label|lecture)\s*:\s*(?P<value>.*)$")
WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
TITLE = re.compile(r"^::(?P<title>(?:[^:\\]|\\.|:(?!:))*)::")
FORMAT = re.compile(r"^\s*\[(?P<fmt>html|markdown|plain|moodle)\]", re.IGNORECASE)
TRUTH = re.compile(r"^(?P<value>T|TRUE|F|FALSE)\s*(?P<feedback>(?<!\\)#.*)?$", re.IGNORECASE | re.DOTALL)
NUMBER = r"-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
NUMERIC_ITEM = re.compile(
    rf"^\s*(?P<a>{NUMBER})\s*(?:(?P<range>\.\.)\s*(?P<b>{NUMBER})|:\s*(?P<tol>{NUMBER}))?\s*$"
)


def escape(text: str) -> str:
    """GIFT escapes its special characters with a backslash."""
    return "".join("\\" + ch if ch in SPECIAL else ch for ch in text)


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m[1] == "n" else m[1], text)


def write(questions: list[Question], out: Path, title: str, diag: Diagnostics) -> int:
    """Write QUESTIONS as GIFT (HTML format so struck words and math survive, all text escaped)."""
    out.write_text(dumps(questions, diag), encoding="utf-8")
    return len(questions)


def dumps(questions: list[Question], diag: Diagnostics | None = None) -> str:
    return "\n\n".join(_question(q) for q in questions) + "\n"


def _html(text: str) -> str:
    return escape(to_html(text))


def _question(question: Question) -> str:
    head = [f"// lecturekit label: {question.label}", f"// lecturekit lecture: {question.lecture}"]
    if question.unkeyed:
        head.append("// key pending: no answer is marked correct yet")
    body = f"::{escape(question.id)}::[html]{_html(question.stem)} {{"
    lines = [f"\t{line}" for line in _answer_lines(question)]
    if question.explanation:
        lines.append(f"\t####{_html(question.explanation)}")
    return "\n".join([*head, body, *lines, "}"])


def _answer_lines(question: Question) -> list[str]:
    kind = question.kind
    if kind is QuestionKind.TRUE_FALSE and question.answer:
        right = next((o for o in question.options if o.key == question.answer[0]), None)
        wrong = next((o for o in question.options if o.key != question.answer[0]), None)
        notes = [o.feedback if o and o.feedback else "" for o in (wrong, right)]
        feedback = "".join(f"#{_html(note)}" for note in notes) if any(notes) else ""
        return [("TRUE" if right and right.text.casefold() == "true" else "FALSE") + feedback]
    if kind is QuestionKind.SHORT_ANSWER:
        return [f"={_weight(a.weight)}{_html(a.text)}{_feedback(a.feedback)}" for a in question.accepted]
    if kind is QuestionKind.NUMERIC:
        return ["#"] + [f"={_weight(n.weight)}{_number(n)}{_feedback(n.feedback)}" for n in question.numeric]
    if kind is QuestionKind.MATCHING:
        return [f"={_html(p.left)} -> {_html(p.right)}" for p in question.pairs]
    return [_option(question, o) for o in question.options]


def _weight(weight: float) -> str:
    return "" if weight == 100 else f"%{weight:g}%"


def _feedback(text: str | None) -> str:
    return f"#{_html(text)}" if text else ""


def _number(answer: NumericAnswer) -> str:
    if answer.as_range:
        return f"{answer.value - answer.tolerance:g}..{answer.value + answer.tolerance:g}"
    return f"{answer.value:g}:{answer.tolerance:g}"


def _option(question: Question, option: Option) -> str:
    correct = option.key in (question.answer or [])
    if question.multiple:
        share = (
            option.weight
            if option.weight is not None
            else (100 / len(question.answer or [1]) if correct else -100)
        )
        mark = f"~%{share:g}%"
    elif option.weight is not None and not correct and option.weight != 0:
        mark = f"~%{option.weight:g}%"  # partial credit (or a penalty) on a single-answer question
    else:
        mark = "=" if correct else "~"
    return f"{mark}{_html(option.text)}{_feedback(option.feedback)}"


def read(text: str, source: str, diag: Diagnostics) -> list[Question]:
    """Every question of a GIFT file; a broken one is reported with its line and skipped."""
    questions = []
    for line, chunk, meta in _chunks(text):
        question = _parse_chunk(chunk, meta, source, line, diag)
        if question is not None:
            questions.append(question)
    return questions


def _chunks(text: str) -> list[tuple[int, str, dict[str, str]]]:
    """(first line, text, lecturekit comments) of each blank-line separated question, as Moodle splits them."""
    chunks: list[tuple[int, str, dict[str, str]]] = []
    current: list[str] = []
    meta: dict[str, str] = {}
    start = 1
    for number, line in enumerate([*text.splitlines(), ""], 1):
        stripped = line.strip()
        if found := META.match(stripped):
            meta[found["field"]] = found["value"].strip()
        elif not stripped:
            if current:
                chunks.append((start, "\n".join(current), meta))
            current, meta = [], {}
        elif not stripped.startswith(("//", "$CATEGORY")):
            start = number if not current else start
            current.append(line)
    return chunks


def _parse_chunk(
    chunk: str, meta: dict[str, str], source: str, line: int, diag: Diagnostics
) -> Question | None:
    body = chunk.strip()
    title_match = TITLE.match(body)
    title = unescape(title_match["title"]).strip() if title_match else None
    body = body[title_match.end() :].lstrip() if title_match else body
    is_html = bool((fmt := FORMAT.match(body)) and fmt["fmt"].lower() == "html")
    body = body[fmt.end() :] if fmt else body
    span = _braces(body)
    if span is None and not _positions(body, "{}"):
        span = (len(body), len(body))  # a description: text with no answer block
        body += " "
    elif span is None:
        diag.error(source, "unbalanced braces { } in this question; skipped", line)
        return None
    before, answers, after = body[: span[0]], body[span[0] + 1 : span[1]], body[span[1] + 1 :]
    stem = _text(before.strip() + (" _____ " + after.strip() if after.strip() else ""), is_html)
    answers, _, general = answers.partition("####")
    fields, problem = _answers(answers.strip(), is_html)
    if problem:
        diag.error(source, f"{problem}; question skipped", line)
        return None
    if span[0] == span[1] and not answers.strip():
        fields["flags"] = ["description"]
    if fields["kind"] is QuestionKind.MCQ and len(fields["options"]) == 1:
        lone = fields["options"][0].text
        diag.warn(source, f"question has a single option ({lone!r}); kept as a discussion prompt", line)
        stem, fields = f"{stem}\n\n{lone}", {"kind": QuestionKind.DISCUSSION, "flags": ["one-option"]}
    qid, lecture = imported_id(source, title, stem)
    return Question(
        id=qid,
        lecture=meta.get("lecture", lecture),
        label=meta.get("label", title or qid.rsplit("/", 1)[1]),
        stem=stem,
        explanation=_text(general, is_html) or None,
        **fields,
    )


def _braces(body: str) -> tuple[int, int] | None:
    """Positions of the one unescaped { … } pair, or None when braces do not balance."""
    opens, closes = _positions(body, "{"), _positions(body, "}")
    if len(opens) != 1 or len(closes) != 1 or closes[0] < opens[0]:
        return None
    return opens[0], closes[0]


def _text(raw: str, is_html: bool) -> str:
    text = unescape(FORMAT.sub("", raw, count=1)).strip()
    return from_html(text) if is_html else text


def _split_feedback(part: str, is_html: bool) -> tuple[str, str | None]:
    marks = _positions(part, "#")
    text, feedback = (part[: marks[0]], part[marks[0] + 1 :]) if marks else (part, "")
    return _text(text, is_html), _text(feedback, is_html) or None


def _answers(block: str, is_html: bool) -> tuple[dict, str | None]:
    """The Question fields an answer block gives (kind, options, keys …), or a reason it cannot be read."""
    if not block:
        return {"kind": QuestionKind.DISCUSSION}, None
    if truth := TRUTH.match(block):
        feedback = truth["feedback"].split("#")[1:] if truth["feedback"] else []
        options = [Option(key="1", text="True"), Option(key="2", text="False")]
        if feedback:  # GIFT: the first feedback shows for a wrong answer, the second for a right one
            right = "1" if truth["value"][0].upper() == "T" else "2"
            wrong = "2" if right == "1" else "1"
            notes = {wrong: feedback[0], right: feedback[1] if len(feedback) > 1 else None}
            options = [
                o.model_copy(update={"feedback": _text(notes[o.key] or "", is_html) or None}) for o in options
            ]
        key = "1" if truth["value"][0].upper() == "T" else "2"
        return {"kind": QuestionKind.TRUE_FALSE, "options": options, "answer": [key]}, None
    if block.startswith("#"):
        return _numeric(block[1:], is_html)
    parts = [p for p in _answer_parts(block) if p.strip()]
    if parts and not parts[0].lstrip().startswith(("=", "~")):
        return {}, f"answer text {parts[0].strip()[:30]!r} has no = or ~ before it"
    if parts and all(p.startswith("=") and re.search(r"(?<!-)->", p) for p in parts):
        pairs = [
            MatchPair(left=_text(left, is_html), right=_text(right, is_html))
            for left, right in (p[1:].split("->", 1) for p in parts)
        ]
        return {"kind": QuestionKind.MATCHING, "pairs": pairs}, None
    if parts and all(p.startswith("=") for p in parts):
        accepted = []
        for part in parts:
            weight, rest = _weighted(part[1:], 100.0)
            text, feedback = _split_feedback(rest, is_html)
            accepted.append(AcceptedAnswer(text=text, weight=weight, feedback=feedback))
        return {"kind": QuestionKind.SHORT_ANSWER, "accepted": accepted}, None
    return _choices(parts, is_html), None


def _weighted(text: str, default: float) -> tuple[float, str]:
    if weight := WEIGHT.match(text.strip()):
        return float(weight[1]), text.strip()[weight.end() :]
    return default, text


def _choices(parts: list[str], is_html: bool) -> dict:
    """A multiple-choice block: one full-credit answer makes a single-answer question (other weights partial
    credit); with none, the positively weighted answers are the keys of a multi-answer question, as Moodle reads it."""
    options, weighted = [], False
    for index, part in enumerate(parts, 1):
        sign = part[0]
        weight, rest = _weighted(part[1:], 100.0 if sign == "=" else 0.0)
        weighted = weighted or WEIGHT.match(part[1:].strip()) is not None
        text, feedback = _split_feedback(rest, is_html)
        options.append(Option(key=str(index), text=text, feedback=feedback, weight=weight))
    full = [o.key for o in options if (o.weight or 0) >= 100]
    positive = [o.key for o in options if (o.weight or 0) > 0]
    multiple = len(full) != 1 and len(positive) > 1
    answer = positive if multiple else full or positive
    keep = (
        weighted
        and not (multiple and _default_weights(options, answer))
        and any(0 < (o.weight or 0) < 100 or (o.weight or 0) < 0 for o in options)
    )
    options = [o.model_copy(update={"weight": o.weight if keep else None}) for o in options]
    return {"kind": QuestionKind.MCQ, "options": options, "answer": answer or None, "multiple": multiple}


def _numeric(block: str, is_html: bool) -> tuple[dict, str | None]:
    items = [p for p in _answer_parts(block) if p.strip()] or [block]
    answers = []
    for item in items:
        weight, rest = _weighted(item[1:] if item[:1] == "=" else item, 100.0)
        number, feedback = _split_feedback(rest, False)
        found = NUMERIC_ITEM.match(number)
        if found is None:
            return (
                {},
                f"numeric answer {number.strip()[:30]!r} is not a number, number:tolerance or low..high",
            )
        a = float(found["a"])
        if found["range"]:
            low, high = sorted((a, float(found["b"])))
            value, tolerance, as_range = (low + high) / 2, (high - low) / 2, True
        else:
            value, tolerance, as_range = a, abs(float(found["tol"] or 0)), False
        answers.append(
            NumericAnswer(
                value=value,
                tolerance=tolerance,
                weight=weight,
                as_range=as_range,
                feedback=_text(feedback or "", is_html) or None,
            )
        )
    return {"kind": QuestionKind.NUMERIC, "numeric": answers}, None


def _default_weights(options: list[Option], answer: list[str]) -> bool:
    """Whether the weights are what lecturekit writes by default: an equal share per right option, -100 per wrong one."""
    share = 100 / len(answer) if answer else 0
    return all(abs((o.weight or 0) - (share if o.key in answer else -100)) < 0.01 for o in options)


def _positions(text: str, chars: str) -> list[int]:
    """Where the unescaped CHARS are in TEXT (a backslash escapes the character after it, a backslash too)."""
    found, index = [], 0
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text[index] in chars:
            found.append(index)
        index += 1
    return found


def _answer_parts(block: str) -> list[str]:
    """The answers of a block, each starting with its unescaped = or ~ (text before the first one kept as a part)."""
    starts = _positions(block, "=~")
    cuts = [0, *starts] if starts[:1] != [0] else starts
    return [block[a:b] for a, b in zip(cuts, [*cuts[1:], len(block)], strict=True) if block[a:b].strip()]
