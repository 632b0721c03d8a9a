"""Stem text between forms: markdown-ish (~~struck~~, $math$), escaped HTML, plain text, the terminal."""

from __future__ import annotations

import html
import re

STRUCK = re.compile(r"~~(.+?)~~", re.DOTALL)
DEL_TAG = re.compile(r"<(del|s|strike)>(.*?)</\1>", re.DOTALL | re.IGNORECASE)
BREAK = re.compile(r"<br\s*/?>\n?", re.IGNORECASE)
COMBINING = re.compile(r"((?:[^\s\u0336]\u0336)+)")
STRIKE = "\u0336"


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
    """One line of plain text; struck words drawn with combining strokes so they still read as struck."""
    struck = STRUCK.sub(lambda m: "".join(ch + STRIKE for ch in m[1]), text)
    return re.sub(r"\s+", " ", struck).strip()


def from_plain(text: str) -> str:
    """Inverse of to_plain's striking: combining strokes back to ~~…~~."""
    return COMBINING.sub(lambda m: "~~" + m[1].replace(STRIKE, "") + "~~", text)


def same_text(one: str, other: str) -> bool:
    """Equal up to whitespace (formats that hold one line per stem reflow it)."""
    return " ".join(one.split()) == " ".join(other.split())


def to_terminal(text: str) -> str:
    """Text for a terminal: struck words drawn with combining strokes, line breaks kept."""
    return STRUCK.sub(lambda m: "".join(ch + STRIKE for ch in m[1]), text)
