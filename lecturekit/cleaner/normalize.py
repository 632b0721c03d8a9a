"""Normalize page text: Unicode, quotes, dashes, OCR bullet glyphs, hyphenation, decoration lines."""

from __future__ import annotations

import re
import unicodedata

from lecturekit.cleaner.draft import CleanLine, CleanPage
from lecturekit.cleaner.kinds import looks_like_exercise
from lecturekit.controls import CONTROLS, for_terminal, strip_controls
from lecturekit.models import Line, Method, Page, PageRef, Removal, RemovalReason, Source

CIRCLED = "".join(chr(c) for c in range(0x2460, 0x2474)) + "".join(chr(c) for c in range(0x2776, 0x2794))
SYMBOL_BULLETS = "•▶▪▸►■□◦‣●○·△▲◆◇➢➤✓✔"
# Glyphs OCR reads bullets as (tesseract reads "•" as "¢", "e", "«" or "»"), markdown list markers,
# and circled option numbers.
GLYPHS = "@©®¢oOQ°|e«»*+–-" + SYMBOL_BULLETS + CIRCLED
# Trailing "+", "*" and "-" can mean something ("papers +"), so only glyph-only junk is trimmed.
TRAILING_GLYPHS = set(GLYPHS + "}{\\'\".,~:;°™0()") - set("+*-–")
MARKDOWN_BULLETS = {"-", "*", "+", "–"}
GLYPH_CHAIN = re.compile(rf"^((?:[{re.escape(GLYPHS)}]+\s+)+)(.*)$")
SYMBOL_PREFIX = re.compile(rf"^[{re.escape(SYMBOL_BULLETS + CIRCLED)}]+\s*")
# A content token: a word, a number, or a term such as 3D, A/B, O(n), 2x, L2, GPT4o, e.g., don't.
WORD_TOKEN = re.compile(r"^[\"'(\[]?[A-Za-z0-9][A-Za-z0-9/()\[\].,:;!?+'&%*^_-]*$")
TWO_LETTERS = re.compile(r"[A-Za-z].*[A-Za-z]", re.S)
GLYPH_LIKE = set("oOQ0e")  # what OCR makes of a bullet or a radio button, alone or doubled ("o0", "OO")
GLUED_GLYPH = re.compile(r"^[oe][A-Z]")  # "oWe": a bullet glued to a word fragment
LEADING_ZERO = re.compile(r"^0\d")  # "07": dots of a figure, not a number
FIRST_WORD = re.compile(r"[A-Za-z]{2,}")
MATH_OR_CODE = re.compile(r"(\$\$.*?\$\$|\$[^$\n]+\$|`[^`\n]+`)")
FENCE = re.compile(r"^\s*(```|~~~)")
FENCE_MARK = "```"
SPACES = re.compile(r" {2,}")
# A label and then only lone capitals or glyphs; an answer key ("Answers: A C") is never junk.
LABEL_THEN_LETTERS = re.compile(
    r"^(?!.*\b(?i:answers?|keys?|solutions?|correct)\b)(.*[A-Za-z]{3}.*:)"
    r"\s+((?:[A-Z°©®@]{1,2}\s+)+[A-Z°©®@]{1,2})$"
)
HYPHEN_BREAK = re.compile(r"[a-z]-$")
TRAILING_NOISE = re.compile(r"\s+[|)\]}]+$")
THREE_LETTERS = re.compile(r"[A-Za-z]{3,}")
URL_ONLY = re.compile(r"^(https?://|www\.)\S+$")
OCR_BULLET_LINE = re.compile(r"^[@©®¢°«»]\s|^[QO]\s+[A-Za-z]")
# An option line of an exercise as OCR read it: a radio glyph (or two) and short text, or a glyph
# fused to the text ("Q138"). On exercise slides these are kept as read for the quiz stage to flag.
OPTION_GLYPHS = "@©®¢oOQ°e«»*+•"
GARBLED_OPTION = re.compile(
    rf"^(?:[{re.escape(OPTION_GLYPHS)}]{{1,2}}\s+\S.{{0,24}}|[@©®QO][0-9@©]\S{{0,12}})$"
)
EXERCISE_HEAD_LINES = 3  # an exercise marker ("ICE #1") sits among a page's first lines
OCR_SOURCE_SHARE = 0.05  # share of lines starting with an OCR bullet glyph that marks a source as OCR
# NFKC would turn these into plain letters and digits and change the meaning (ℓ_1 → l_1, x² → x2, ℝ → R).
KEEP_FROM_NFKC = "".join(
    chr(c) for c in range(0x2100, 0x2150) if unicodedata.category(chr(c)).startswith("L")
)
KEEP_FROM_NFKC += "\u00b2\u00b3\u00b9" + "".join(chr(c) for c in range(0x2070, 0x20A0))
NFKC_RUNS = re.compile(f"([{re.escape(KEEP_FROM_NFKC)}]+)")
ATX_MARKER = re.compile(r"^#{1,6}\s+")
CLOSING_HASHES = re.compile(r"(\s+#+)?\s*$")  # "## Reverse mode ##"
TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?$")  # "|----|:---:|": table structure
PUNCTUATION = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "—": "-",
        "–": "-",
        "‒": "-",
        "−": "-",
        "\u00a0": " ",
    }
)


def normalize_line(text: str) -> str:
    """One line normalized outside its math and code spans; applying it twice changes nothing."""
    text = CONTROLS.sub("", text).strip()
    chain = GLYPH_CHAIN.match(text)
    if chain and not _is_table_row(text):
        glyphs, rest = chain.group(1).split(), chain.group(2)
        rest = SYMBOL_PREFIX.sub("", rest)
        if rest and (
            starts_with_word(rest) or all(g in MARKDOWN_BULLETS for g in glyphs) or rest.startswith("$")
        ):
            return "- " + _normalize_spans(rest)
    symbol = SYMBOL_PREFIX.match(text)
    if symbol and len(text) > symbol.end() and starts_with_word(text[symbol.end() :]):
        return "- " + _normalize_spans(text[symbol.end() :])
    return _normalize_spans(text)


def starts_with_word(text: str) -> bool:
    """Whether TEXT opens with a content token (a glyph before it is a bullet), not with OCR junk."""
    tokens = text.split()
    if not tokens or not TWO_LETTERS.search(text):
        return False
    return is_word_token(tokens[0], tokens[1] if len(tokens) > 1 else "")


def is_word_token(token: str, following: str = "") -> bool:
    """Whether TOKEN is content: "3D", "A/B", "O(n)", "2x", "L2", "GPT4o", "e.g." yes; "0", "o0", "O=URO" no."""
    if not WORD_TOKEN.match(token) or GLUED_GLYPH.match(token) or LEADING_ZERO.match(token):
        return False
    alnum = [ch for ch in token if ch.isalnum()]
    if all(ch in GLYPH_LIKE for ch in alnum):
        return False
    if len(alnum) == 1:  # one letter or digit is a word only before a real word ("A model", "3 minute")
        return sum(ch.isalpha() for ch in following) >= 2 and following.strip("\"'(),.:;").isalpha()
    return True


def _is_table_row(text: str) -> bool:
    return text.startswith("|") and text.endswith("|") and len(text) > 1


def _normalize_spans(text: str) -> str:
    # Math and inline code are kept byte for byte; only the prose between them is normalized.
    parts = MATH_OR_CODE.split(text)
    out = []
    for index, part in enumerate(parts):
        if index % 2 == 1:
            out.append(part)
        else:
            # NFKC and the punctuation map leave ASCII as it is.
            prose = part if part.isascii() else _nfkc(part).translate(PUNCTUATION)
            out.append(SPACES.sub(" ", prose) if "  " in prose else prose)
    return "".join(out).strip()


def _nfkc(text: str) -> str:
    """NFKC (ligatures, full-width forms) except for math letters and super/subscripts, which keep their meaning."""
    runs = NFKC_RUNS.split(text)
    return "".join(run if index % 2 else unicodedata.normalize("NFKC", run) for index, run in enumerate(runs))


def is_decoration(text: str) -> bool:
    """Whether a line is only decoration: rules, bars, a lone glyph or letter."""
    stripped = text.strip()
    if "$" in stripped or FENCE.match(stripped) or TABLE_RULE.match(stripped):
        return False
    if not stripped.isascii() and any(unicodedata.category(ch) == "Sm" for ch in stripped if ord(ch) > 127):
        return False  # a math fragment from a text layer ("d∑"), not a rule or a bullet
    if len(stripped) > 3:
        return not any(map(str.isalnum, stripped))  # stops at the first letter: most lines are words
    alnum = [ch for ch in stripped if ch.isalnum()]
    return not alnum or (len(alnum) == 1 and not alnum[0].isdigit())


def is_ocr_noise(text: str) -> bool:
    """Whether an OCR line carries no word at all (figure fragments, garbled glyph runs)."""
    return "$" not in text and not THREE_LETTERS.search(text)


def source_is_ocr_like(source: Source) -> bool:
    """Whether a source reads like OCR output (method, confidences, or many glyph bullets)."""
    pages = source.pages
    if any(p.method is Method.OCR or p.confidence is not None for p in pages):
        return True
    texts = [line.text.strip() for page in pages for line in _page_lines(page)]
    glyph_lines = sum(1 for t in texts if OCR_BULLET_LINE.match(t))
    return glyph_lines >= 3 and glyph_lines >= OCR_SOURCE_SHARE * max(len(texts), 1)


def _page_lines(page: Page) -> list[Line]:
    if page.lines:
        return page.lines
    return [Line(text=t) for t in page.text.splitlines() if t.strip()]


def fence_code_runs(lines: list[Line], title: str | None) -> list[Line]:
    """LINES with each run of monospace lines fenced as a code block, so code keeps its shape."""
    if all(line.monospace for line in lines):
        return lines  # a deck set wholly in a fixed-pitch font: its font says nothing about code
    fenced: list[Line] = []
    in_code = False
    for line in lines:
        code = line.monospace and line.text.strip() != (title or "").strip()
        if code != in_code:
            fenced.append(Line(text=FENCE_MARK, size=line.size, top=line.top))
            in_code = code
        fenced.append(line)
    if in_code:
        fenced.append(Line(text=FENCE_MARK, size=lines[-1].size, top=lines[-1].top))
    return fenced


def record_decoration(page: CleanPage, text: str, detail: str) -> None:
    """Record TEXT as removed from PAGE as decoration, saying why (DETAIL)."""
    page.removed.append(
        Removal(
            source=page.ref.source,
            page=page.ref.page,
            text=text,
            reason=RemovalReason.DECORATION,
            detail=detail,
        )
    )


def normalize_page(page: Page, ocr_like: bool) -> CleanPage:
    """A page with every line normalized, hyphenated breaks joined and decoration recorded as removed."""
    ocr_like = ocr_like or page.method is Method.OCR
    ref = PageRef(source=page.source, page=page.page, method=page.method)
    clean = CleanPage(
        ref=ref,
        label=page.label,
        ocr_like=ocr_like,
        confidence=page.confidence,
        title=normalize_line(page.title) if page.title else None,
        drawn=page.drawn,
    )
    lines = fence_code_runs(_page_lines(page), page.title)
    exercise = ocr_like and looks_like_exercise([line.text.strip() for line in lines[:EXERCISE_HEAD_LINES]])
    in_block = False
    for line in lines:
        raw = _without_controls(line.text, clean).rstrip()
        if in_block or FENCE.match(raw) or raw.strip().startswith("$$"):
            # Code keeps its indentation; the fence lines stay so the site can show a code block.
            clean.lines.append(
                CleanLine(
                    text=raw if in_block and not FENCE.match(raw) else raw.strip(),
                    size=line.size,
                    top=line.top,
                    number=line.number,
                )
            )
            in_block = _block_after(raw, in_block)
            continue
        raw = _without_heading_marker(raw, page.title)
        if exercise and GARBLED_OPTION.match(raw.strip()) and is_ocr_noise(normalize_line(raw)):
            # A garbled option ("O 3838", "Q138") is kept as read: the quiz stage flags it.
            clean.lines.append(
                CleanLine(text=_normalize_spans(raw), size=line.size, top=line.top, number=line.number)
            )
            continue
        text = _clean_ocr_line(raw, clean) if ocr_like else normalize_line(raw)
        if text is None:
            continue
        if is_decoration(text) or (ocr_like and is_ocr_noise(text)):
            record_decoration(clean, text, "decoration" if is_decoration(text) else "OCR noise")
            continue
        if clean.lines and joins_hyphenated(clean.lines[-1].text, text):
            clean.lines[-1].text = clean.lines[-1].text[:-1] + text
            continue
        clean.lines.append(CleanLine(text=text, size=line.size, top=line.top, number=line.number))
    clean.lines = tab_tables(clean.lines)
    return clean


def _without_controls(text: str, page: CleanPage) -> str:
    """TEXT without control and invisible format characters (code and math too), recorded as removed."""
    kept, found = strip_controls(text)
    if found:
        # The record shows where they were as visible escapes, so the record itself drives no display.
        page.removed.append(
            Removal(
                source=page.ref.source,
                page=page.ref.page,
                text=for_terminal(text),
                reason=RemovalReason.CONTROL,
                detail=", ".join(found),
            )
        )
    return kept


def tab_tables(lines: list[CleanLine]) -> list[CleanLine]:
    """Runs of tab-separated rows (a truth table pasted from a slide) as pipe tables the site renders."""
    out: list[CleanLine] = []
    run: list[CleanLine] = []
    for line in [*lines, None]:
        if line is not None and _continues_tab_run(run, line):
            run.append(line)
            continue
        out.extend(_as_pipe_table(run) if len(run) >= 2 else run)
        run = [line] if line is not None and "\t" in line.text else []
        if line is not None and not run:
            out.append(line)
    return out


def _continues_tab_run(run: list[CleanLine], line: CleanLine) -> bool:
    # Same number of columns, and no blank line between (two tables one under the other stay two).
    if not run or "\t" not in line.text or line.text.count("\t") != run[-1].text.count("\t"):
        return False
    return line.number is None or run[-1].number is None or line.number == run[-1].number + 1


def _as_pipe_table(run: list[CleanLine]) -> list[CleanLine]:
    rows = [
        line.model_copy(
            update={"text": "| " + " | ".join(cell.strip() for cell in line.text.split("\t")) + " |"}
        )
        for line in run
    ]
    rule = run[0].model_copy(update={"text": "|" + "---|" * (run[0].text.count("\t") + 1), "number": None})
    return [rows[0], rule, *rows[1:]]


def _without_heading_marker(raw: str, title: str | None) -> str:
    """A markdown heading line ("## Forward mode") without its marker when it is the page's title."""
    marker = ATX_MARKER.match(raw.strip())
    if marker is None or title is None:
        return raw
    heading = CLOSING_HASHES.sub("", raw.strip()[marker.end() :])
    return heading if heading == title.strip() else raw


def _block_after(raw: str, in_block: bool) -> bool:
    """Whether we are inside a fenced code or $$ math block after RAW."""
    stripped = raw.strip()
    if FENCE.match(stripped):
        return not in_block
    if stripped.count("$$") % 2 == 1:
        return not in_block
    return in_block


def joins_hyphenated(previous: str, text: str) -> bool:
    """TEXT finishes a word PREVIOUS broke with a hyphen at the line end ("back-propa-" / "gation")."""
    return bool(HYPHEN_BREAK.search(previous)) and text[:1].islower() and "$" not in previous


def _clean_ocr_line(raw: str, page: CleanPage) -> str | None:
    """Normalize an OCR line; leading glyph junk before the first content token goes to the removal record."""
    text = normalize_line(raw)
    text = (
        TRAILING_NOISE.sub("", text) if text.count("(") <= text.count(")") - 1 or text.endswith("|") else text
    )
    text = _strip_trailing_glyphs(text, page)
    chain = GLYPH_CHAIN.match(text)
    if not chain or text.startswith("- "):
        return text
    tokens = chain.group(2).split(" ")
    # After junk, a lone letter or digit is more junk ("o o 0 o 7 on 2d uniform grid"), so it must be a longer token.
    first = next(
        (
            i
            for i in range(len(tokens))
            if is_word_token(tokens[i]) and TWO_LETTERS.search(" ".join(tokens[i:]))
        ),
        None,
    )
    if first is None:
        record_decoration(page, text, "OCR noise")
        return None
    junk = " ".join([chain.group(1).strip(), *tokens[:first]]).strip()
    record_decoration(page, junk, "OCR glyphs before the first word")
    return normalize_line(" ".join(tokens[first:]))


def _strip_trailing_glyphs(text: str, page: CleanPage) -> str:
    """Drop glyph junk after an OCR line's last word ("Grid search: © 0°Q 0"), keeping a record."""
    if label := LABEL_THEN_LETTERS.match(text):
        # "Grid search: O T FO": a label over a figure whose dots OCR read as capital letters.
        record_decoration(page, label.group(2), "OCR glyphs after the last word")
        return label.group(1)
    tokens = text.split(" ")
    end = len(tokens)
    while end > 1 and all(ch in TRAILING_GLYPHS for ch in tokens[end - 1]):
        end -= 1
    if end == len(tokens) or not FIRST_WORD.search(" ".join(tokens[:end])):
        return text
    record_decoration(page, " ".join(tokens[end:]), "OCR glyphs after the last word")
    return " ".join(tokens[:end])


def is_url_only(text: str) -> bool:
    """Whether a line is a bare link (PDF link annotations land on the next page in text dumps)."""
    return bool(URL_ONLY.match(text.strip()))
