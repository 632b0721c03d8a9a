"""A tiny deterministic SVG line-plot helper shared by the examples (plain string building, no numpy)."""

from __future__ import annotations

import math
import os
from pathlib import Path

WIDTH, HEIGHT, PAD, FONT = 640, 360, 12, 12
COLORS = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#000000", "#e69f00"]  # colour-blind safe on white
DASHES = ["", "8 4", "2 3", "12 3 2 3", "12 3 2 3 2 3", "16 6"]
SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
Box = tuple[float, float, float, float]  # x, y, width, height


def _escape(text: str) -> str:
    """TEXT made safe for SVG element content and attribute values."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _width(text: str, size: float = FONT) -> float:
    """A generous estimate of how many px TEXT takes at font SIZE in a sans-serif face."""
    narrow, wide = " .,:;'!|()[]ijlftr", "mwMW"
    return size * sum(0.36 if c in narrow else 1.0 if c in wide else 0.74 if c.isupper() else 0.64
                      for c in text)


def _steps(span: float) -> list[float]:
    """The 1, 2, 5 × 10^k steps around SPAN / 5."""
    k = math.floor(math.log10(span))
    return [m * 10.0 ** e for e in range(k - 1, k + 1) for m in (1, 2, 5)]


def _multiples(lo: float, hi: float, step: float) -> list[float]:
    """Multiples of STEP from just below LO to just above HI."""
    return [i * step for i in range(math.floor(lo / step) - 1, math.ceil(hi / step) + 2)]


def _ladders(lo: float, hi: float, logscale: bool) -> list[list[float]]:
    """Candidate ticks: nice multiples, or on a log10 axis whole decades and 1-2-5 or 1..9 mantissas."""
    if not logscale:
        return [_multiples(lo, hi, step) for step in _steps(hi - lo)]
    decades = range(math.floor(lo) - 1, math.ceil(hi) + 2)
    mantissas = [[e + math.log10(m) for e in decades for m in ms] for ms in ((1, 2, 5), range(1, 10))]
    return [_multiples(lo, hi, step) for step in sorted({1.0, *_steps(hi - lo)}) if step >= 1] + mantissas


def nice_ticks(lo: float, hi: float, logscale: bool = False) -> tuple[list[float], float, float]:
    """4-6 nice ticks for data in [LO, HI] (log10 units on a log axis) and axis limits leaving least blank."""
    eps, best = 1e-9 * (hi - lo), None
    for ladder in _ladders(lo, hi, logscale):
        inside = [t for t in ladder if lo - eps <= t <= hi + eps]
        below, above = [t for t in ladder if t < lo - eps][-1:], [t for t in ladder if t > hi + eps][:1]
        for ticks in (inside, below + inside, inside + above, below + inside + above):
            low, high = min([lo, *ticks]), max([hi, *ticks])
            valid = 4 <= len(ticks) <= 6
            score = (valid, (hi - lo) / (high - low) if valid else 0.0, -abs(len(ticks) - 5))
            if best is None or score > best[0]:
                best = (score, ticks, low, high)
    assert best is not None  # the loop always scores at least one candidate
    return best[1], best[2], best[3]


def tick_label(tick: float, ticks: list[float], logscale: bool = False) -> str:
    """A tick's label: 10ᵏ or m×10ᵏ on a log10 axis, else a decimal with the places its spacing needs."""
    if logscale:
        exponent = math.floor(tick + 1e-9)
        mantissa = round(10 ** (tick - exponent))
        power = "10" + str(exponent).translate(SUPERSCRIPT)
        return power if mantissa == 1 else f"{mantissa}×{power}"
    places = max(0, -math.floor(math.log10(ticks[1] - ticks[0]) + 1e-6))
    text = f"{tick:.{places}f}"
    return text.lstrip("-") if float(text) == 0 else text.replace("-", "−")


def _axis(values: list[float], logscale: bool, pad: float = 0.0) -> tuple:
    """Limits, ticks and tick labels of an axis over VALUES (log10 on a log axis), PAD × range spare."""
    lo, hi = (min(values), max(values)) if values else (0.0, 1.0)
    if hi - lo <= 1e-9 * max(1.0, abs(hi)):
        lo, hi = lo - 0.5, hi + 0.5
    lo, hi = lo - pad * (hi - lo), hi + pad * (hi - lo)
    ticks, low, high = nice_ticks(lo, hi, logscale)
    return low, high, ticks, [tick_label(t, ticks, logscale) for t in ticks]


def _layout(labels: list[str], ytick_labels: list[str]) -> tuple[Box, Box | None, float]:
    """The plot area, the legend box (beside or below it, never over it) and the figure height."""
    left = PAD + FONT + 14 + max(_width(label) for label in ytick_labels)
    top, bottom = 40, 2 * FONT + 30
    full = (left, top, WIDTH - left - 3 * PAD, HEIGHT - top - bottom)
    if len(labels) < 2:  # one series: the title and axis titles already name it
        return full, None, HEIGHT
    legend_w, legend_h = 56 + max(_width(label) for label in labels), 8 + 18 * len(labels)
    if legend_w > 0.4 * WIDTH:  # long labels: a legend below the figure, which grows to hold it
        return full, (left, HEIGHT, min(legend_w, WIDTH - left - PAD), legend_h), HEIGHT + legend_h + PAD
    legend = (WIDTH - PAD - legend_w, top, legend_w, legend_h)
    return (left, top, legend[0] - 2 * PAD - left, HEIGHT - top - bottom), legend, HEIGHT


def _at(value: float, axis: tuple, start: float, length: float) -> float:
    """Where VALUE falls on an axis drawn from START over LENGTH px (negative LENGTH runs upwards)."""
    return start + (value - axis[0]) / (axis[1] - axis[0]) * length


def _stroke(index: int) -> str:
    """The stroke attributes of series INDEX: its own colour and dash pattern."""
    dash = DASHES[index % len(DASHES)]
    return (f'fill="none" stroke="{COLORS[index % len(COLORS)]}" stroke-width="2.2" stroke-linejoin="round"'
            + (f' stroke-dasharray="{dash}"' if dash else ""))


def _legend(labels: list[str], box: Box) -> list[str]:
    """A framed legend inside BOX: one line sample (colour and dash) and label per series."""
    x, y, w, h = box
    parts = [(f'<rect class="legend" x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" '
              f'fill="#ffffff" stroke="#bbbbbb"/>')]
    for index, label in enumerate(labels):
        row = y + 13 + 18 * index
        parts.append(f'<line x1="{x + 8:.1f}" y1="{row:.1f}" x2="{x + 42:.1f}" y2="{row:.1f}" '
                     f'{_stroke(index)}/>')
        parts.append(_text(x + 48, row + 4, label))
    return parts


def _text(x: float, y: float, text: str, attributes: str = "") -> str:
    """A <text> element at (X, Y) holding TEXT, escaped."""
    attributes = f" {attributes}" if attributes else ""
    return f'<text x="{x:.1f}" y="{y:.1f}"{attributes}>{_escape(text)}</text>'


def _frame(plot: Box, xaxis: tuple, yaxis: tuple, xlabel: str, ylabel: str) -> list[str]:
    """Grid lines, tick labels and titles of both axes, and the outline of the plot area."""
    x, y, w, h = plot
    parts = []
    for tick, label in zip(xaxis[2], xaxis[3], strict=False):
        at = _at(tick, xaxis, x, w)
        parts += [f'<line x1="{at:.1f}" y1="{y:.1f}" x2="{at:.1f}" y2="{y + h + 4:.1f}" stroke="#dddddd"/>',
                  _text(at, y + h + 6 + FONT, label, 'text-anchor="middle"')]
    for tick, label in zip(yaxis[2], yaxis[3], strict=False):
        at = _at(tick, yaxis, y + h, -h)
        parts += [f'<line x1="{x - 4:.1f}" y1="{at:.1f}" x2="{x + w:.1f}" y2="{at:.1f}" stroke="#dddddd"/>',
                  _text(x - 7, at + 4, label, 'text-anchor="end"')]
    return [*parts, (f'<rect class="plot" x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" '
                     f'fill="none" stroke="#666666"/>'),
            _text(x + w / 2, y + h + 2 * FONT + 20, xlabel, 'text-anchor="middle"'),
            _text(0, 0, ylabel, f'text-anchor="middle" transform="translate({PAD + FONT} {y + h / 2:.1f}) '
                                f'rotate(-90)"')]


def _finite(values: list[float], logy: bool) -> list[float]:
    """The finite VALUES (positive ones as log10 on a log axis)."""
    kept = [v for v in values if math.isfinite(v) and (v > 0 or not logy)]
    return [math.log10(v) for v in kept] if logy else kept


def _points(xs: list[float], ys: list[float], logy: bool) -> list[tuple[float, float]]:
    """The (x, y) pairs that can be drawn: finite, and y > 0 on a log axis (then as log10 y)."""
    pairs = [(float(x), _finite([float(y)], logy)) for x, y in zip(xs, ys, strict=False)]
    return [(x, y[0]) for x, y in pairs if y and math.isfinite(x)]


def line_plot(series: list[tuple[str, list[float], list[float]]], title: str, xlabel: str = "",
              ylabel: str = "", logy: bool = False) -> str:
    """An SVG line chart of (label, xs, ys) series; non-finite points are left out (a diverging run stops)."""
    curves = [_points(xs, ys, logy) for _, xs, ys in series]
    xaxis = _axis([x for curve in curves for x, _ in curve], False)
    yaxis = _axis([y for curve in curves for _, y in curve], logy, pad=0.03)
    labels = [label for label, _, _ in series]
    (x, y, w, h), legend, height = _layout(labels, yaxis[3])
    size = min(15.0, 15.0 * (WIDTH - 2 * PAD) / max(1.0, _width(title, 15.0)))  # a long title shrinks
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" width="{WIDTH}" '
              f'height="{height:.0f}" font-family="sans-serif" font-size="{FONT}" fill="#222222">'),
             f'<rect width="{WIDTH}" height="{height:.0f}" fill="#ffffff"/>',
             _text(WIDTH / 2, 24, title, f'text-anchor="middle" font-weight="bold" font-size="{size:.1f}"'),
             *_frame((x, y, w, h), xaxis, yaxis, xlabel, ylabel)]
    for index, curve in enumerate(curves):
        points = " ".join(f"{_at(px, xaxis, x, w):.1f},{_at(py, yaxis, y + h, -h):.1f}" for px, py in curve)
        parts.append(f'<polyline {_stroke(index)} points="{points}"/>')
    parts += _legend(labels, legend) if legend else []
    return "\n".join([*parts, "</svg>"]) + "\n"


def save_figure(svg: str) -> Path | None:
    """Write the SVG where the runner asked for it ($LECTUREKIT_FIGURE); do nothing when unset."""
    target = os.environ.get("LECTUREKIT_FIGURE")
    if not target:
        return None
    path = Path(target)
    path.write_text(svg, encoding="utf-8")
    return path
