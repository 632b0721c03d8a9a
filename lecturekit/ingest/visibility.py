"""One pass over a page's drawing operators: the glyphs a viewer sees, the text left out and why, pictures."""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from enum import Enum
from typing import Any, NamedTuple

from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFGraphicState, PDFPageInterpreter, PDFResourceManager, PDFTextState
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import PDFStream, dict_value, resolve1
from pdfminer.psparser import literal_name
from pdfminer.utils import Matrix, apply_matrix_pt

from lecturekit.ingest.glyphs import FontRepair, base_name, plain

log = logging.getLogger(__name__)

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in device space (y up)
INVISIBLE_MODES = (3, 7)  # text render modes that paint nothing
UPRIGHT = 0.05  # a text matrix whose shear or rotation terms are this small against its scale is upright
MIN_SIZE = 0.5  # points: text smaller than this cannot be seen
MIN_ALPHA = 0.1  # fill opacity below which text is not shown (Beamer's covered overlays, fully faded)
BOLD_MARKERS = ("bold", "black", "heavy", "semibold", "demi", "cmbx", "cmssbx")
MONO_MARKERS = ("mono", "courier", "consol", "cmtt", "typewriter", "menlo", "inconsolata", "code", "lmtt")


class Hidden(str, Enum):
    """Why a glyph is not part of what a viewer sees."""

    RENDER_MODE = "invisible render mode"
    TRANSPARENT = "fully transparent"
    ZERO_SIZE = "zero-sized"
    OFF_PAGE = "outside the page"
    CLIPPED = "clipped"
    COVERED = "covered by an opaque fill"
    UNREADABLE = "unreadable glyph"


class Glyph(NamedTuple):
    """One drawn character in page space: points from the visible box's top-left corner."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    size: float
    font: str  # base name, subset tag removed
    bold: bool
    mono: bool
    color: object  # the fill colour as pdfminer reads it (a number or a tuple)
    upright: bool  # drawn left to right, not rotated (axis labels often are)


class Drawing(NamedTuple):
    """Everything one page draws that the reader needs."""

    glyphs: list[Glyph]  # visible, in drawing order
    hidden: list[tuple[Glyph, Hidden]]
    width: float
    height: float
    picture_area: float  # visible area covered by images, in square points
    has_graphics: bool
    images: list[PDFStream]


class _State(PDFGraphicState):
    """The graphics state plus what pdfminer leaves out: the clip box and the fill opacity."""

    clip: Box | None = None
    alpha: float = 1.0

    def copy(self) -> _State:
        obj = _State()
        obj.__dict__.update(self.__dict__)
        return obj


class FontManager(PDFResourceManager):
    """pdfminer's resource manager that also remembers each font's dictionary for the glyph repair."""

    def __init__(self, repair: FontRepair) -> None:
        super().__init__(caching=True)
        self.repair = repair

    def get_font(self, objid: object, spec: Any) -> PDFFont:
        font = super().get_font(objid, spec)
        self.repair.specs.setdefault(id(font), spec)
        return font


class Interpreter(PDFPageInterpreter):
    """pdfminer's interpreter with clip paths, opacity, and one bad object costing only that object."""

    inherited: tuple[Box | None, float] = (None, 1.0)

    def dup(self) -> Interpreter:
        child = self.__class__(self.rsrcmgr, self.device)
        child.inherited = (getattr(self.graphicstate, "clip", None), getattr(self.graphicstate, "alpha", 1.0))
        return child

    def init_state(self, ctm: Matrix) -> None:
        super().init_state(ctm)
        state = _State()
        state.clip, state.alpha = self.inherited
        self.graphicstate = state

    def do_W(self) -> None:
        box = _path_box(self.curpath, self.ctm)
        if box is not None:
            current = self.graphicstate.clip  # type: ignore[attr-defined]
            self.graphicstate.clip = box if current is None else _intersect(current, box)  # type: ignore[attr-defined]

    do_W_a = do_W

    def do_gs(self, name: object) -> None:
        try:
            states = dict_value(self.resources.get("ExtGState"))
            alpha = resolve1(dict_value(states.get(literal_name(name))).get("ca"))
            if isinstance(alpha, (int, float)):
                self.graphicstate.alpha = float(alpha)  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 — a broken ExtGState changes nothing
            return

    def do_Do(self, xobjid_arg: object) -> None:
        self.device.state = self.graphicstate  # type: ignore[attr-defined]
        try:
            super().do_Do(xobjid_arg)  # type: ignore[arg-type]
        except Exception as exc:  # noqa: BLE001 — one bad XObject must not cost the page
            log.debug("XObject %r skipped: %s", xobjid_arg, exc)

    def do_EI(self, obj: object) -> None:
        self.device.state = self.graphicstate  # type: ignore[attr-defined]
        try:
            super().do_EI(obj)  # type: ignore[arg-type]
        except Exception as exc:  # noqa: BLE001
            log.debug("inline image skipped: %s", exc)

    def do_Tf(self, fontid: object, fontsize: object) -> None:
        try:
            super().do_Tf(fontid, fontsize)  # type: ignore[arg-type]
        except Exception as exc:  # noqa: BLE001 — an unreadable font loses only its text
            log.debug("font %r unreadable: %s", fontid, exc)
            self.textstate.font = None


class Collector(PDFTextDevice):
    """A pdfminer device that keeps every glyph with its visibility, the opaque fills and the pictures."""

    def __init__(self, rsrcmgr: FontManager) -> None:
        super().__init__(rsrcmgr)
        self.repair = rsrcmgr.repair
        self.state: PDFGraphicState = _State()
        self._fonts: dict[int, tuple[str, bool, bool]] = {}
        self.reset((0.0, 0.0, 1.0, 1.0))

    def reset(self, visible: Box) -> None:
        """Start a page whose visible box (crop box in device space) is VISIBLE."""
        self.visible = visible
        self.glyphs: list[tuple[Glyph, Hidden | None, Box]] = []
        self.covers: list[tuple[Box, int]] = []  # opaque fills and the number of glyphs drawn before each
        self.picture_area = 0.0
        self.paths = 0
        self.images: list[PDFStream] = []
        self._render = 0

    def render_string(
        self, textstate: PDFTextState, seq: Any, ncs: Any, graphicstate: PDFGraphicState
    ) -> None:
        if textstate.font is None:
            return
        self._render = textstate.render
        try:
            super().render_string(textstate, seq, ncs, graphicstate)
        except Exception as exc:  # noqa: BLE001 — a string the font cannot decode is lost alone
            log.debug("string skipped: %s", exc)

    def render_char(
        self,
        matrix: Matrix,
        font: PDFFont,
        fontsize: float,
        scaling: float,
        rise: float,
        cid: int,
        ncs: Any,
        graphicstate: PDFGraphicState,
    ) -> float:
        try:
            mapped: str | None = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            mapped = None
        except Exception:  # noqa: BLE001 — a broken ToUnicode map
            mapped = None
        name, bold, mono = self._font(font)
        raw = self.repair.text(font, cid, mapped)
        text = plain(raw, name) if raw else None
        adv = font.char_width(cid) * fontsize * scaling
        descent = font.get_descent() * fontsize
        x0, y0 = apply_matrix_pt(matrix, (0, descent + rise))
        x1, y1 = apply_matrix_pt(matrix, (adv, descent + rise + fontsize))
        _, base = apply_matrix_pt(matrix, (0, rise))
        x0, x1 = min(x0, x1), max(x0, x1)
        y0, y1 = min(y0, y1), max(y0, y1)
        size = fontsize * math.hypot(matrix[2], matrix[3])
        top = self.visible[3]
        glyph = Glyph(
            text or (mapped or f"(cid:{cid})"),
            x0 - self.visible[0],
            x1 - self.visible[0],
            top - y1,
            top - y0,
            top - base,
            round(size, 2),
            name,
            bold,
            mono,
            graphicstate.ncolor,
            matrix[0] > 0 and abs(matrix[1]) < UPRIGHT * matrix[0] and abs(matrix[2]) < UPRIGHT * matrix[0],
        )
        box = (x0, y0, x1, y1)
        reason = self._hidden(box, size, graphicstate) or (Hidden.UNREADABLE if text is None else None)
        self.glyphs.append((glyph, reason, box))
        return adv

    def _hidden(self, box: Box, size: float, state: PDFGraphicState) -> Hidden | None:
        if self._render in INVISIBLE_MODES:
            return Hidden.RENDER_MODE
        if size < MIN_SIZE:
            return Hidden.ZERO_SIZE
        if getattr(state, "alpha", 1.0) < MIN_ALPHA:
            return Hidden.TRANSPARENT
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        if not _inside(self.visible, cx, cy):
            return Hidden.OFF_PAGE
        clip = getattr(state, "clip", None)
        if clip is not None and not _inside(clip, cx, cy):
            return Hidden.CLIPPED
        return None

    def _font(self, font: PDFFont) -> tuple[str, bool, bool]:
        known = self._fonts.get(id(font))
        if known is None:
            name = base_name(str(getattr(font, "basefont", None) or getattr(font, "fontname", "")))
            flags = getattr(font, "flags", 0) or 0
            known = (
                name,
                any(m in name for m in BOLD_MARKERS),
                bool(flags & 1) or any(m in name for m in MONO_MARKERS),
            )
            self._fonts[id(font)] = known
        return known

    def paint_path(
        self, gstate: PDFGraphicState, stroke: bool, fill: bool, evenodd: bool, path: Sequence[Any]
    ) -> None:
        self.paths += 1
        if not fill or getattr(gstate, "alpha", 1.0) < 1.0 or not _is_rectangle(path):
            return
        box = _path_box(path, self.ctm)
        clip = getattr(gstate, "clip", None)
        if box is not None and self.glyphs:
            self.covers.append((_intersect(box, clip) if clip else box, len(self.glyphs)))

    def render_image(self, name: str, stream: PDFStream) -> None:
        box = _path_box([("m", 0, 0), ("l", 1, 0), ("l", 1, 1), ("l", 0, 1)], self.ctm)
        if box is None:
            return
        clip = getattr(self.state, "clip", None)
        shown = _intersect(_intersect(box, clip) if clip else box, self.visible)
        self.picture_area += max(0.0, shown[2] - shown[0]) * max(0.0, shown[3] - shown[1])
        self.images.append(stream)
        opaque = not any(key in stream for key in ("SMask", "Mask", "ImageMask"))
        if opaque and self.glyphs:
            self.covers.append((shown, len(self.glyphs)))

    def drawing(self) -> Drawing:
        """The page as a viewer sees it: covered glyphs moved to hidden."""
        visible: list[Glyph] = []
        hidden: list[tuple[Glyph, Hidden]] = []
        covered = self._covered()
        for index, (glyph, reason, _) in enumerate(self.glyphs):
            reason = reason or (Hidden.COVERED if index in covered else None)
            if reason is None:
                visible.append(glyph)
            else:
                hidden.append((glyph, reason))
        x0, y0, x1, y1 = self.visible
        return Drawing(
            glyphs=visible,
            hidden=hidden,
            width=x1 - x0,
            height=y1 - y0,
            picture_area=self.picture_area,
            has_graphics=bool(self.glyphs or self.paths or self.images),
            images=self.images,
        )

    def _covered(self) -> set[int]:
        covered: set[int] = set()
        for box, before in self.covers:
            for index in range(before):
                glyph_box = self.glyphs[index][2]
                if (
                    box[0] <= glyph_box[0] + 0.5
                    and glyph_box[2] <= box[2] + 0.5
                    and box[1] <= glyph_box[1] + 0.5
                    and glyph_box[3] <= box[3] + 0.5
                ):
                    covered.add(index)
        return covered


def read_drawing(page: PDFPage, manager: FontManager, collector: Collector) -> Drawing:
    """Interpret PAGE once with COLLECTOR and return what it draws."""
    collector.reset(_visible_box(page))
    Interpreter(manager, collector).process_page(page)
    return collector.drawing()


def _visible_box(page: PDFPage) -> Box:
    """The crop box in the device space pdfminer draws into (origin at the media box corner, rotation applied)."""
    mx0, my0, mx1, my1 = page.mediabox
    if page.rotate in (90, 270):
        return (0.0, 0.0, abs(my1 - my0), abs(mx1 - mx0))
    cx0, cy0, cx1, cy1 = getattr(page, "cropbox", None) or page.mediabox
    box = (max(cx0, mx0) - mx0, max(cy0, my0) - my0, min(cx1, mx1) - mx0, min(cy1, my1) - my0)
    if page.rotate == 180:
        width, height = mx1 - mx0, my1 - my0
        box = (width - box[2], height - box[3], width - box[0], height - box[1])
    return box


def _inside(box: Box, x: float, y: float) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _intersect(a: Box, b: Box) -> Box:
    return (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))


def _path_box(path: Sequence[Any], ctm: Matrix | None) -> Box | None:
    """The bounding box of PATH's points after CTM, or None for an empty path."""
    points = [(float(seg[i]), float(seg[i + 1])) for seg in path for i in range(1, len(seg) - 1, 2)]
    if not points:
        return None
    if ctm is not None:
        points = [apply_matrix_pt(ctm, point) for point in points]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def _is_rectangle(path: Sequence[Any]) -> bool:
    """Whether PATH is one axis-aligned rectangle (what `re` writes, or four straight edges)."""
    if not 4 <= len(path) <= 6 or any(seg[0] not in "mlh" for seg in path):
        return False
    points = {(round(float(seg[1]), 1), round(float(seg[2]), 1)) for seg in path if seg[0] != "h"}
    return len({x for x, _ in points}) == 2 and len({y for _, y in points}) == 2
