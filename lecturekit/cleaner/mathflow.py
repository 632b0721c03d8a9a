"""Reflow formulas a PDF text layer broke over lines: join math runs; rebuild a sum with limits as $TeX$."""

from __future__ import annotations

import re

from lecturekit.models import Model

MAX_MATH_LINE = 24  # a formula fragment is short; a longer line is prose around it
# Math symbols the text layer keeps: Greek letters, operators, relations, big operators.
MATH_SYMBOL = re.compile(r"[=+\-−*/^<>≤≥≠≈∈∑∏∫∂∇√∞·×\u0370-\u03ff]")
PROSE_WORD = re.compile(r"[A-Za-z]{3,}")
BIG_OPERATOR = re.compile(r"^(?P<upper>[\w\u0370-\u03ff]{0,3})\s*(?P<op>[∑∏])\s*(?P<rest>.*)$")
LOWER_LIMIT = re.compile(r"^(?P<var>[A-Za-z])\s*=\s*(?P<start>[\w\u0370-\u03ff]{1,3})$")
EXPONENT = re.compile(r"[0-9]{1,2}")
LEADING_SUBSCRIPT = re.compile(r"^(?P<sub>[A-Za-z])(?=[\s+\-−=),]|$)\s*(?P<rest>.*)$")
TEX_NAMES = {
    "α": r"\alpha",
    "β": r"\beta",
    "γ": r"\gamma",
    "δ": r"\delta",
    "ε": r"\epsilon",
    "η": r"\eta",
    "θ": r"\theta",
    "λ": r"\lambda",
    "μ": r"\mu",
    "π": r"\pi",
    "σ": r"\sigma",
    "τ": r"\tau",
    "φ": r"\phi",
    "ω": r"\omega",
    "∑": r"\sum",
    "∏": r"\prod",
    "∇": r"\nabla",
    "∂": r"\partial",
    "≤": r"\le",
    "≥": r"\ge",
    "≠": r"\ne",
    "≈": r"\approx",
    "∈": r"\in",
    "·": r"\cdot",
    "×": r"\times",
    "∞": r"\infty",
    "−": "-",
}
SYMBOL_CHAR = re.compile(r"[A-Za-z\u0370-\u03ff]")


class MathRun(Model):
    """Lines [start, end) of a text (a slide, a question's stem) that hold one formula broken over lines."""

    start: int
    end: int


def reflow_math(lines: list[str]) -> list[str]:
    """LINES with each run of formula fragments made one line: $TeX$ for a sum with limits, else joined."""
    result: list[str] = []
    position = 0
    for run in math_runs(lines):
        result += lines[position : run.start]
        fragments = [line.strip() for line in lines[run.start : run.end] if line.strip()]
        tex = sum_to_tex(fragments)
        result.append(f"${tex}$" if tex else " ".join(fragments))
        position = run.end
    return result + lines[position:]


def is_math_fragment(line: str) -> bool:
    """A short line without prose words: "f (θ) =", "d∑", "i=1", "(aiθ", "2"."""
    text = line.strip()
    return (
        0 < len(text) <= MAX_MATH_LINE
        and "$" not in text
        and "\\" not in text
        and not PROSE_WORD.search(text)
    )


def math_runs(lines: list[str]) -> list[MathRun]:
    """Runs of two or more formula fragments (blank lines inside allowed) with at least one math symbol."""
    runs: list[MathRun] = []
    start = None
    for number, line in enumerate([*lines, "end of the lines"]):  # prose: it closes a run at the end
        if is_math_fragment(line) or (start is not None and not line.strip()):
            start = number if start is None else start
            continue
        if start is not None:
            end = number
            while end > start and not lines[end - 1].strip():
                end -= 1
            fragments = [text for text in lines[start:end] if text.strip()]
            if len(fragments) >= 2 and any(MATH_SYMBOL.search(f) for f in fragments):
                runs.append(MathRun(start=start, end=end))
        start = None
    return runs


def sum_to_tex(fragments: list[str]) -> str | None:
    """TeX for fragments holding a sum with limits as a text layer lays it out, or None when they do not.

    Reading order puts a raised part first: the upper limit before ∑ ("d∑"), an exponent on a line of
    its own ("2"), then the lowered parts: the lower limit ("i=1") and a subscript starting the next
    line ("i + …"). Inside the sum a letter glued to its index variable ("aiθ") is subscripted by it.
    """
    if any(mark in fragment for fragment in fragments for mark in "^_{}%&#~"):
        return None  # TeX-like or TeX-special text: a rebuilt formula might not parse
    for number, fragment in enumerate(fragments[:-1]):
        operator, lower = BIG_OPERATOR.match(fragment), LOWER_LIMIT.match(fragments[number + 1])
        if operator and lower and operator["upper"]:
            head = " ".join(fragments[:number])
            body = _body([f for f in [operator["rest"], *fragments[number + 2 :]] if f], lower["var"])
            limits = (
                f"{TEX_NAMES[operator['op']]}_{{{lower['var']}={lower['start']}}}^{{{operator['upper']}}}"
            )
            return _tidy(" ".join(filter(None, [_symbols(head, None), limits, body])))
    return None


def _body(fragments: list[str], index: str) -> str:
    """The summand: a lone exponent line raised onto what precedes it, index letters made subscripts.

    "(aiθ" / "2" / "i + biθi" is (a_i θ_i^2 + b_i θ_i): the exponent line comes first, then the line
    that starts with the lowered index; a lone exponent with no index after it raises the piece before.
    """
    pieces: list[str] = []
    rest = list(fragments)
    while rest:
        fragment = rest.pop(0)
        if EXPONENT.fullmatch(fragment) and pieces:
            sub = LEADING_SUBSCRIPT.match(rest[0]) if rest else None
            if sub is not None and sub["sub"] == index:
                pieces[-1] += f"_{index}^{fragment}"
                rest[0] = sub["rest"]
            else:
                pieces[-1] += f"^{fragment}"
            continue
        pieces.append(_symbols(fragment, index))
    return " ".join(p for p in pieces if p)


def _symbols(text: str, index: str | None) -> str:
    """TeX for plain math text: Greek and operators as commands, INDEX glued to a symbol as its subscript."""
    out: list[str] = []
    for position, char in enumerate(text):
        previous = text[position - 1] if position else ""
        if index and char == index and SYMBOL_CHAR.fullmatch(previous or " "):
            out.append(f"_{index}")
            continue
        name = TEX_NAMES.get(char, char)
        if out and out[-1][-1:].isalpha() and out[-1].startswith("\\") and name[:1].isalpha():
            name = " " + name  # "\theta x", not "\thetax"
        out.append(name)
    return "".join(out)


def _tidy(tex: str) -> str:
    """One space between tokens; "f (" as "f(" and "( " / " )" closed up, as a person would write it."""
    tex = re.sub(r"\s+", " ", tex).strip()
    tex = re.sub(r"(?<=\b[A-Za-z]) \(", "(", tex)
    return tex.replace("( ", "(").replace(" )", ")")
