"""Cleaned slide text (markdown-ish lines, $math$) → escaped HTML; nothing from the input is trusted."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from lecturekit.site.math import MathRenderer

DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.S)
INLINE = re.compile(
    r"""(?P<code>`[^`\n]+`)
    |(?P<math>\$(?![\s$])(?:\\\$|[^$\n])+?(?<![\s\\])\$(?!\d))
    |(?P<bold>\*\*(?=\S)[^*\n]+?(?<=\S)\*\*)
    |(?P<strike>~~(?=\S)[^~\n]+?(?<=\S)~~)
    |(?P<link>\[(?P<ltext>[^\]\n]+)\]\((?P<lurl>[^)\s]*)\))""",
    re.X,
)
BULLET = re.compile(r"^\s*(?:[-*•·●▪◦‣]|(?P<num>\d{1,2})[.)])\s+(?P<item>.*)$")
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
TABLE_RULE = re.compile(r"^\s*\|?[\s:|-]+\|?\s*$")
# A fenced code block as the cleaner keeps it: the ``` / ~~~ fence lines stay, the code keeps its indentation.
FENCED = re.compile(
    r"^(?P<fence>```|~~~)(?P<lang>[\w+-]*)[^\n]*\n(?P<code>.*?)^(?P=fence)[ \t]*$", re.S | re.M
)
SNIPPET_CHARS = 160
LEADING_BULLET = re.compile(r"^[-*•]\s+")


def snippet_text(text: str, limit: int = SNIPPET_CHARS) -> str:
    """The start of TEXT on one line for `TextRenderer.inline`, cut at a word boundary (with " …"), never inside a mark."""
    flat = LEADING_BULLET.sub("", " ".join(text.split()).replace("$$", "$"))
    if len(flat) <= limit:
        return flat
    cut = flat[: limit + 1].rsplit(" ", 1)[0]  # a word that ends at LIMIT stays
    # A cut inside $math$, `code`, **bold**, ~~struck~~ or a [link](url) would leave its marks as raw text: stop before it.
    for token in INLINE.finditer(flat):
        if token.start() < len(cut) < token.end():
            cut = flat[: token.start()].rstrip()
            break
    return cut + " …"


class TextRenderer:
    """Renders slide text to HTML; KaTeX errors are collected in `errors` (one message per bad formula)."""

    def __init__(self, math: MathRenderer | Callable[[], MathRenderer | None] | None) -> None:
        # A callable gives the renderer on demand: V8 starts only when a page really has a formula.
        self._math = math
        self.errors: list[str] = []

    @property
    def math(self) -> MathRenderer | None:
        if self._math is not None and not isinstance(self._math, MathRenderer):
            self._math = self._math()
        return self._math

    def formula(self, tex: str, display: bool, source: str) -> str:
        """One formula as KaTeX HTML, or as code when it does not parse (and an error is recorded)."""
        math = self.math
        if math is None:
            return f'<code class="tex">{escape(source)}</code>'
        result = math.render(tex.strip(), display)
        if result.ok:
            return result.html
        self.errors.append(f"bad TeX `{source}` ({result.error}); shown as code")
        return f'<code class="tex tex-error" title="{escape(result.error)}">{escape(source)}</code>'

    def inline(self, text: str) -> str:
        """Escape TEXT and render inline marks: `code`, $math$, **bold**, ~~struck~~, [link](url) as text."""
        out: list[str] = []
        pos = 0
        for match in INLINE.finditer(text):
            out.append(escape(text[pos : match.start()]))
            out.append(self._mark(match))
            pos = match.end()
        out.append(escape(text[pos:]))
        return "".join(out)

    def _mark(self, match: re.Match[str]) -> str:
        token = match.group(0)
        if match.group("code"):
            return f"<code>{escape(token[1:-1])}</code>"
        if match.group("math"):
            return self.formula(token[1:-1], False, token)
        if match.group("bold"):
            return f"<strong>{self.inline(token[2:-2])}</strong>"
        if match.group("strike"):
            return f"<del>{self.inline(token[2:-2])}</del>"
        # Links in slide text are shown as their text: no live URL from the input reaches the page.
        url = match.group("lurl")
        suffix = f" ({escape(url)})" if url and url != "#" else ""
        return f"{self.inline(match.group('ltext'))}{suffix}"

    def block(self, text: str) -> str:
        """Render a whole slide body: fenced code, $$display math$$, lists, tables and paragraphs."""
        parts: list[str] = []
        pos = 0
        # Code first: a `$` or a `- ` inside a code block is code, never math or a list.
        for match in FENCED.finditer(text):
            parts.append(self._prose(text[pos : match.start()]))
            lang = match.group("lang")
            css = f' class="language-{escape(lang)}"' if lang else ""
            parts.append(
                f'<pre tabindex="0"><code{css}>{escape(match.group("code").rstrip(chr(10)))}</code></pre>'
            )
            pos = match.end()
        parts.append(self._prose(text[pos:]))
        return "\n".join(p for p in parts if p)

    def _prose(self, text: str) -> str:
        """Render text outside code blocks: $$display math$$, lists, tables and paragraphs."""
        parts: list[str] = []
        pos = 0
        for match in DISPLAY_MATH.finditer(text):
            parts.append(self._lines(text[pos : match.start()]))
            parts.append(
                f'<div class="math-display" tabindex="0">{self.formula(match.group(1), True, match.group(0))}</div>'
            )
            pos = match.end()
        parts.append(self._lines(text[pos:]))
        return "\n".join(p for p in parts if p)

    def _lines(self, text: str) -> str:
        blocks: list[str] = []
        lines = text.split("\n")
        i = 0
        while i < len(lines):
            line = lines[i]
            if not line.strip():
                i += 1
            elif BULLET.match(line):
                i = self._list(lines, i, blocks)
            elif TABLE_ROW.match(line):
                i = self._table(lines, i, blocks)
            else:
                i = self._paragraph(lines, i, blocks)
        return "\n".join(blocks)

    def _list(self, lines: list[str], i: int, blocks: list[str]) -> int:
        items: list[str] = []
        first = BULLET.match(lines[i])
        ordered = bool(first and first.group("num"))
        while i < len(lines) and (m := BULLET.match(lines[i])):
            items.append(f"<li>{self.inline(m.group('item'))}</li>")
            i += 1
        tag = "ol" if ordered else "ul"
        blocks.append(f"<{tag}>{''.join(items)}</{tag}>")
        return i

    def _table(self, lines: list[str], i: int, blocks: list[str]) -> int:
        tables: list[list[str]] = [[]]
        while i < len(lines) and TABLE_ROW.match(lines[i]):
            line = lines[i]
            i += 1
            if not TABLE_RULE.match(line):
                tables[-1].append(line)
            elif len(tables[-1]) > 1:
                # A second |---| rule: the row above it is the header of a new table that touches this one.
                tables.append([tables[-1].pop()])
        for rows in tables:
            blocks.append(self._table_html(rows))
        return i

    def _table_html(self, rows: list[str]) -> str:
        """One table: the first row as header cells, the rest as data cells."""
        html_rows = []
        for number, row in enumerate(rows):
            cells = [c.strip() for c in row.strip().strip("|").split("|")]
            cell_tag = "td" if number else "th"
            html_rows.append(
                "<tr>" + "".join(f"<{cell_tag}>{self.inline(c)}</{cell_tag}>" for c in cells) + "</tr>"
            )
        return f'<div class="table-wrap" tabindex="0"><table>{"".join(html_rows)}</table></div>'

    def _paragraph(self, lines: list[str], i: int, blocks: list[str]) -> int:
        para: list[str] = []
        while (
            i < len(lines)
            and lines[i].strip()
            and not BULLET.match(lines[i])
            and not TABLE_ROW.match(lines[i])
        ):
            para.append(self.inline(lines[i].strip()))
            i += 1
        blocks.append(f"<p>{'<br>'.join(para)}</p>")
        return i
