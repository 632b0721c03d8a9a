"""A tiny deterministic SVG line-plot helper shared by the examples (plain string building, no numpy)."""

from __future__ import annotations

import math
import os
from pathlib import Path

WIDTH, HEIGHT, MARGIN = 560, 320, 48
COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _finite(values: list[float], logy: bool) -> list[float]:
    kept = [v for v in values if math.isfinite(v) and (v > 0 or not logy)]
    return [math.log10(v) for v in kept] if logy else kept


def line_plot(series: list[tuple[str, list[float], list[float]]], title: str, xlabel: str = "",
              ylabel: str = "", logy: bool = False) -> str:
    """An SVG line chart of (label, xs, ys) series; non-finite points are left out (a diverging run stops)."""
    xs_all = [float(x) for _, xs, _ in series for x in xs]
    ys_all = [y for _, _, ys in series for y in _finite([float(v) for v in ys], logy)]
    x_lo, x_hi = min(xs_all), max(xs_all)
    y_lo, y_hi = (min(ys_all), max(ys_all)) if ys_all else (0.0, 1.0)
    x_hi, y_hi = (x_hi if x_hi > x_lo else x_lo + 1), (y_hi if y_hi > y_lo else y_lo + 1)

    def px(x: float) -> float:
        return MARGIN + (x - x_lo) / (x_hi - x_lo) * (WIDTH - 2 * MARGIN)

    def py(y: float) -> float:
        return HEIGHT - MARGIN - (y - y_lo) / (y_hi - y_lo) * (HEIGHT - 2 * MARGIN)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
             f'width="{WIDTH}" height="{HEIGHT}" font-family="sans-serif" font-size="11">',
             f'<text x="{WIDTH / 2:.0f}" y="18" text-anchor="middle" font-size="13">{_escape(title)}</text>',
             f'<line x1="{MARGIN}" y1="{HEIGHT - MARGIN}" x2="{WIDTH - MARGIN}" y2="{HEIGHT - MARGIN}" stroke="#444"/>',
             f'<line x1="{MARGIN}" y1="{MARGIN}" x2="{MARGIN}" y2="{HEIGHT - MARGIN}" stroke="#444"/>',
             f'<text x="{WIDTH / 2:.0f}" y="{HEIGHT - 12}" text-anchor="middle">{_escape(xlabel)}</text>',
             f'<text x="14" y="{HEIGHT / 2:.0f}" text-anchor="middle" '
             f'transform="rotate(-90 14 {HEIGHT / 2:.0f})">{_escape(ylabel + (" (log10)" if logy else ""))}</text>',
             f'<text x="{MARGIN - 4}" y="{HEIGHT - MARGIN}" text-anchor="end">{y_lo:.3g}</text>',
             f'<text x="{MARGIN - 4}" y="{MARGIN + 4}" text-anchor="end">{y_hi:.3g}</text>',
             f'<text x="{MARGIN}" y="{HEIGHT - MARGIN + 14}" text-anchor="middle">{x_lo:.3g}</text>',
             f'<text x="{WIDTH - MARGIN}" y="{HEIGHT - MARGIN + 14}" text-anchor="middle">{x_hi:.3g}</text>']
    for index, (label, xs, ys) in enumerate(series):
        color = COLORS[index % len(COLORS)]
        points = [(px(float(x)), py(_finite([float(y)], logy)[0])) for x, y in zip(xs, ys)
                  if _finite([float(y)], logy)]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        parts.append(f'<polyline fill="none" stroke="{color}" stroke-width="1.8" points="{path}"/>')
        legend_y = MARGIN + 14 * index
        parts.append(f'<line x1="{WIDTH - MARGIN - 150}" y1="{legend_y}" x2="{WIDTH - MARGIN - 132}" '
                     f'y2="{legend_y}" stroke="{color}" stroke-width="3"/>')
        parts.append(f'<text x="{WIDTH - MARGIN - 128}" y="{legend_y + 4}">{_escape(label)}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def save_figure(svg: str) -> Path | None:
    """Write the SVG where the runner asked for it ($LECTUREKIT_FIGURE); do nothing when unset."""
    target = os.environ.get("LECTUREKIT_FIGURE")
    if not target:
        return None
    path = Path(target)
    path.write_text(svg, encoding="utf-8")
    return path
