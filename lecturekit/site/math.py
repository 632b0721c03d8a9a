"""TeX → HTML at build time with the vendored KaTeX, run in mini-racer's embedded V8."""

from __future__ import annotations

import functools
from pathlib import Path

from lecturekit.models import Model

KATEX_DIR = Path(__file__).parent / "static" / "katex"
_RENDER_FN = """
function lkRender(tex, display) {
  try {
    return [true, katex.renderToString(tex, {displayMode: display, throwOnError: true, output: "htmlAndMathml", trust: false, strict: "ignore"})];
  } catch (e) {
    return [false, String(e && e.message ? e.message : e)];
  }
}
"""


class MathResult(Model):
    """The HTML for one formula, or the KaTeX error message when the TeX does not parse."""

    ok: bool
    html: str = ""
    error: str = ""


class MathRenderer:
    """One V8 context with KaTeX loaded; renders formulas and memoises them per build."""

    def __init__(self) -> None:
        from py_mini_racer import MiniRacer

        self._ctx = MiniRacer()
        self._ctx.eval((KATEX_DIR / "katex.min.js").read_text(encoding="utf-8"))
        self._ctx.eval(_RENDER_FN)
        self._memo: dict[tuple[str, bool], MathResult] = {}

    def render(self, tex: str, display: bool) -> MathResult:
        """Render TEX (display or inline); never raises on bad TeX."""
        key = (tex, display)
        if key not in self._memo:
            ok, payload = self._ctx.call("lkRender", tex, display)
            self._memo[key] = MathResult(ok=True, html=payload) if ok else MathResult(ok=False, error=payload)
        return self._memo[key]


@functools.lru_cache(maxsize=1)
def shared_renderer() -> MathRenderer:
    """The process-wide renderer (loading KaTeX into V8 costs ~0.1 s, so do it once)."""
    return MathRenderer()
