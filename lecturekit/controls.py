"""Characters that drive a display instead of showing text: C0/C1 controls, bidi overrides, invisible formats."""

from __future__ import annotations

import re
import unicodedata

# Kept: tab (tables and code), ZWNJ/ZWJ (Persian, Indic scripts, emoji sequences), the bidi marks
# LRM/RLM/ALM, which only place neutral characters and reorder nothing, and the visible "prepended"
# format characters (Arabic number signs and the like).
KEPT_FORMATS = (
    "\t\u200c\u200d\u200e\u200f\u061c\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\U000110bd\U000110cd"
)
_CONTROL_RANGES = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 (but tab and newline), DEL, C1: NUL, ESC (terminal sequences), CSI ...
    "\u00ad\u180e\u200b"  # soft hyphen, Mongolian vowel separator, zero-width space
    "\u2028\u2029"  # line and paragraph separators: line breaks no reader of a line expects
    "\u202a-\u202e\u2066-\u2069"  # bidi embeddings, overrides and isolates ("Trojan Source")
    "\u2060-\u2064\u206a-\u206f"  # word joiner, invisible operators, deprecated format characters
    "\ufeff\ufff9-\ufffb"  # zero-width no-break space (BOM), interlinear annotation
    "\U000e0001\U000e0020-\U000e007f"  # tag characters: invisible ASCII smuggled into text
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"  # hieroglyph, shorthand, music formats
)
CONTROLS = re.compile(f"[\n{_CONTROL_RANGES}]")
# On a terminal the newline must pass; everything else above is shown escaped.
TERMINAL_CONTROLS = re.compile(f"[{_CONTROL_RANGES}]")
JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")  # C0 are escaped by JSON itself


def char_name(char: str) -> str:
    """`U+202E RIGHT-TO-LEFT OVERRIDE`, or `U+0000` for a control without a Unicode name."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def strip_controls(text: str, keep_newlines: bool = False) -> tuple[str, list[str]]:
    """TEXT without control and invisible format characters, and the names of those taken out (in order).

    KEEP_NEWLINES: for a whole file's text, whose newlines (CRLF read as LF) are its structure.
    """
    pattern = TERMINAL_CONTROLS if keep_newlines else CONTROLS
    if not pattern.search(text):
        return text, []
    found = list(dict.fromkeys(char_name(m.group()) for m in pattern.finditer(text)))
    return pattern.sub("", text), found


def for_terminal(text: str) -> str:
    """TEXT safe to print on a terminal, each control written as a visible escape (`\\x1b`, `\\u202e`).

    Nothing left can move the cursor, set a title or a link, or reorder text; newlines and tabs stay.
    """
    return TERMINAL_CONTROLS.sub(_escape, text)


def json_for_terminal(text: str) -> str:
    """JSON text with C1 controls, line separators and bidi controls as `\\uXXXX` escapes (the same JSON value)."""
    return JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
