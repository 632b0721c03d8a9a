"""Glyph repair: a PDF glyph's text as plain Unicode (ligatures, small symbols, math letters), or None."""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from fontTools import agl
from fontTools.ttLib import TTFont
from pdfminer.pdffont import PDFCIDFont, PDFFont
from pdfminer.pdftypes import resolve1, stream_value

SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
# TeX fonts without a Unicode map: OT1 puts the f-ligatures at 11-15, T1 (Cork) at 27-31.
TEX_LIGATURES = {
    11: "ff",
    12: "fi",
    13: "fl",
    14: "ffi",
    15: "ffl",
    27: "ff",
    28: "fi",
    29: "fl",
    30: "ffi",
    31: "ffl",
}
BULLET = "\u2022"
# The symbol fonts' bullet and arrow codes that slides use, mapped to what they show.
WINGDINGS = {
    0x6C: "\u25cf",
    0x6E: "\u25a0",
    0x6F: "\u25a1",
    0x71: "\u2751",
    0x75: "\u25c6",
    0x76: "\u2756",
    0x77: "\u2b25",
    0xA7: "\u25aa",
    0xA8: "\u25fb",
    0x9F: BULLET,
    0xD8: "\u27a2",
    0xE0: "\u2192",
    0xE8: "\u2794",
    0xF0: "\u21e8",
    0xFB: "\u2717",
    0xFC: "\u2713",
    0xFE: "\u2611",
    0x6D: "\u274d",
}
SYMBOL = {
    0xB7: BULLET,
    0xAE: "\u2192",
    0xAC: "\u2190",
    0xDE: "\u21d2",
    0xDB: "\u21d4",
    0xA3: "\u2264",
    0xB3: "\u2265",
    0xB9: "\u2260",
    0xB4: "\u00d7",
    0xA5: "\u221e",
    0xB6: "\u2202",
    0xE5: "\u2211",
    0xD6: "\u221a",
    0xF2: "\u222b",
    0xCE: "\u2208",
    0xC8: "\u222a",
    0xC7: "\u2229",
    0xAB: "\u2194",
}
# Symbol's a..z as Greek
SYMBOL_LETTERS = (
    "\u03b1\u03b2\u03c7\u03b4\u03b5\u03c6\u03b3\u03b7\u03b9\u03d5\u03ba\u03bb\u03bc\u03bd\u03bf\u03c0"
    "\u03b8\u03c1\u03c3\u03c4\u03c5\u03d6\u03c9\u03be\u03c8\u03b6"
)
MATH_FONTS = ("math", "cambria", "symbol", "stix", "asana", "xits")
DINGBAT_FONTS = ("wingdings", "webdings", "zapfdingbats", "dingbats")


def base_name(fontname: str) -> str:
    """The font's name without its subset tag ("ABCDEF+Calibri" -> "calibri")."""
    return SUBSET_PREFIX.sub("", fontname).lower()


def is_symbol_font(name: str) -> bool:
    """Whether NAME (a base name) is the Symbol font, whose letters are Greek."""
    return name.startswith("symbol") or name in ("symbolmt", "standardsyml")


def wrong_script(char: str, name: str = "math") -> bool:
    """Whether CHAR is junk: private use, controls, or CJK ideographs from a math font (font base NAME)."""
    code = ord(char)
    if 0x3400 <= code <= 0x9FFF:  # PowerPoint's math fonts map their glyphs into CJK; real CJK fonts are fine
        return any(marker in name for marker in MATH_FONTS)
    return (
        0xE000 <= code <= 0xF8FF or code >= 0xF0000 or (code < 0x20 and char not in "\t\n") or code == 0xFFFD
    )


@lru_cache(maxsize=4096)
def plain(text: str, name: str) -> str | None:
    """TEXT as drawn by font NAME (base name) in plain Unicode; None when nothing readable is left."""
    if not text:
        return None
    if any(marker in name for marker in DINGBAT_FONTS):
        return _dingbat(text)
    if is_symbol_font(name):
        return "".join(_symbol(char) for char in text)
    out = []
    for char in text:
        code = ord(char)
        if 0xF020 <= code <= 0xF0FF:  # a symbol-encoded font's private-use copy of its byte codes
            low = code - 0xF000
            char = SYMBOL.get(low, chr(low)) if low >= 0x80 else chr(low)
        elif 0x1D400 <= code <= 0x1D7FF or 0xFB00 <= code <= 0xFB06:  # math letters, f-ligatures
            char = unicodedata.normalize("NFKC", char)
        elif wrong_script(char, name):
            return None
        out.append(char)
    return "".join(out)


def _dingbat(text: str) -> str:
    code = ord(text[0]) & 0xFF if 0xF000 <= ord(text[0]) <= 0xF0FF or ord(text[0]) < 0x100 else -1
    return WINGDINGS.get(code, BULLET)


def _symbol(char: str) -> str:
    code = ord(char) & 0xFF if 0xF000 <= ord(char) <= 0xF0FF else ord(char)
    if code in SYMBOL:
        return SYMBOL[code]
    if 0x61 <= code <= 0x7A:
        return SYMBOL_LETTERS[code - 0x61]
    return chr(code) if code < 0x80 else char


class FontRepair:
    """Per-font corrections read once from the embedded font program: glyph names that say more than ToUnicode."""

    def __init__(self) -> None:
        self._fixes: dict[int, dict[int, str]] = {}
        self.specs: dict[int, dict] = {}  # id(font) -> its font dictionary, filled as fonts load

    def text(self, font: PDFFont, cid: int, mapped: str | None) -> str | None:
        """The best text for glyph CID of FONT, given what its Unicode map said (None when it said nothing)."""
        fixes = self._fixes.get(id(font))
        if fixes is None:
            fixes = self._fixes[id(font)] = _program_fixes(font, self.specs.get(id(font), {}))
        if cid in fixes:
            return fixes[cid]
        if mapped is None and not font.is_multibyte():
            return TEX_LIGATURES.get(cid)
        return mapped


def _program_fixes(font: PDFFont, spec: dict) -> dict[int, str]:
    """CID -> text where the font program names a ligature or maps a glyph its ToUnicode gets wrong."""
    if not isinstance(font, PDFCIDFont):
        return {}
    program = _font_program(font)
    if program is None:
        return {}
    try:
        order = program.getGlyphOrder()
        reverse = {gid_name: chr(code) for code, gid_name in (program.getBestCmap() or {}).items()}
    except Exception:  # noqa: BLE001 — a damaged font program only loses the repair
        return {}
    gids = _cid_to_gid(spec)
    fixes: dict[int, str] = {}
    for cid, gid in gids(len(order)):
        name = order[gid]
        mapped = _mapped(font, cid)
        from_name = agl.toUnicode(name) if "_" in name or name in agl.AGL2UV or name.startswith("uni") else ""
        truth = _unligated(reverse.get(name) or from_name)
        if len(_unligated(from_name)) > 1 and _unligated(from_name).isalpha():
            truth = _unligated(from_name)  # a ligature glyph: its letters, whatever ToUnicode says
        if (
            truth
            and truth != mapped
            and (
                mapped is None
                or len(truth) > 1
                and truth.isalpha()
                or any(wrong_script(char) for char in mapped)
            )
        ):
            fixes[cid] = truth
    return fixes


def _unligated(text: str) -> str:
    """The f-ligature characters (U+FB00-FB06) as their letters; other text unchanged."""
    return "".join(unicodedata.normalize("NFKC", c) if 0xFB00 <= ord(c) <= 0xFB06 else c for c in text)


def _mapped(font: PDFCIDFont, cid: int) -> str | None:
    try:
        return font.to_unichr(cid)
    except Exception:  # noqa: BLE001 — PDFUnicodeNotDefined and broken maps alike
        return None


def _font_program(font: PDFCIDFont) -> TTFont | None:
    descriptor = resolve1(getattr(font, "descriptor", None)) or {}
    for key in ("FontFile2", "FontFile3"):
        if key in descriptor:
            try:
                data = stream_value(descriptor[key]).get_data()
                return TTFont(io.BytesIO(data), lazy=True, fontNumber=0)
            except Exception:  # noqa: BLE001 — bare CFF or damaged program: no repair from it
                return None
    return None


def _cid_to_gid(spec: dict) -> Callable[[int], list[tuple[int, int]]]:
    """A function listing (cid, gid) pairs up to a glyph count, from /CIDToGIDMap (identity by default)."""
    table = resolve1(spec.get("CIDToGIDMap"))
    if table is not None and hasattr(table, "get_data"):
        data = table.get_data()
        pairs = [(cid, int.from_bytes(data[2 * cid : 2 * cid + 2], "big")) for cid in range(len(data) // 2)]
        return lambda count: [(cid, gid) for cid, gid in pairs if 0 < gid < count]
    return lambda count: [(gid, gid) for gid in range(1, count)]
