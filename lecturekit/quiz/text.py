"""Stem text between forms: markdown-ish (~~struck~~, $math$), escaped HTML, plain text, the terminal."""

from __future__ import annotations

import html
import re

STRUCK = re.compile(r"~~(.+?)~~", re.DOTALL)
DEL_TAG = re.compile(r"<(del|s|strike)>(.*?)</\1>", re.DOTALL | re.IGNORECASE)
BREAK = re.compile(r"<br\s*/?>\n?", re.IGNORECASE)
COMBINING = re.compile(r"((?:[^\s\u0336]\u0336)+)")
STRIKE = "\u0336"
ANSI_STRIKE = "\x1b[9m"
ANSI_RESET = "\x1b[0m"
# $$display$$ before $inline$; a "\$" is a dollar sign, not math.
DISPLAY_MATH = re.compile(r"(?<!\\)\$\$(.+?)(?<!\\)\$\$", re.DOTALL)
INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\s)([^$\n]+?)(?<![\\\s])\$(?!\d)")
DELIMITED_DISPLAY = re.compile(r"\\\[(.+?)\\\]", re.DOTALL)
DELIMITED_INLINE = re.compile(r"\\\((.+?)\\\)", re.DOTALL)


def math_delimited(text: str) -> str:
    """$…$ and $$…$$ as \\(…\\) and \\[…\\]: what Moodle's and Canvas's MathJax and Anki render."""
    text = DISPLAY_MATH.sub(lambda m: f"\\[{m[1]}\\]", text)
    return INLINE_MATH.sub(lambda m: f"\\({m[1]}\\)", text)


def math_dollars(text: str) -> str:
    """Inverse of math_delimited, for reading an export back."""
    text = DELIMITED_DISPLAY.sub(lambda m: f"$${m[1]}$$", text)
    return DELIMITED_INLINE.sub(lambda m: f"${m[1]}$", text)


def to_html_math(text: str) -> str:
    """to_html with the math delimited for MathJax (Moodle XML, QTI/Canvas, Anki)."""
    return to_html(math_delimited(text))


def from_html_math(markup: str) -> str:
    """Inverse of to_html_math."""
    return math_dollars(from_html(markup))


def to_html(text: str) -> str:
    """Escape everything (script stays text), then render ~~struck~~ as <del> and newlines as <br>."""
    escaped = html.escape(text, quote=False)
    return STRUCK.sub(r"<del>\1</del>", escaped).replace("\n", "<br>")


def from_html(markup: str) -> str:
    """Inverse of to_html: <del> back to ~~…~~, <br> to newlines, entities unescaped."""
    text = BREAK.sub("\n", markup)
    text = DEL_TAG.sub(lambda m: f"~~{m[2]}~~", text)
    return html.unescape(text)


def to_plain(text: str) -> str:
    """One line of plain text; struck words stay "~~not~~" (combining strokes read badly in many fonts)."""
    return re.sub(r"\s+", " ", text).strip()


def from_plain(text: str) -> str:
    """Plain text back to a stem: "~~…~~" kept, combining strokes (older exports, PDFs) turned into ~~…~~."""
    return COMBINING.sub(lambda m: "~~" + m[1].replace(STRIKE, "") + "~~", text)


def same_text(one: str, other: str) -> bool:
    """Equal up to whitespace (formats that hold one line per stem reflow it)."""
    return " ".join(one.split()) == " ".join(other.split())


def to_terminal(text: str, ansi: bool = False) -> str:
    """Text for a terminal, line breaks kept: struck words as ANSI strike-through when ANSI, else "~~not~~"."""
    if not ansi:
        return text
    return STRUCK.sub(lambda m: f"{ANSI_STRIKE}{m[1]}{ANSI_RESET}", text)
