"""The examples' SVG plot helper: nice ticks, a legend that never covers data, valid and deterministic SVG."""

from __future__ import annotations

import importlib.util
import itertools
import math
import random

import pytest
from lxml import etree

from lecturekit.topics.examples import examples_dir

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def plot():
    """examples/_svgplot.py, imported by path under a name no other test module uses."""
    spec = importlib.util.spec_from_file_location("lecturekit_test_svgplot", examples_dir() / "_svgplot.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _is_nice(step: float) -> bool:
    """True for 1, 2 or 5 × 10^k."""
    mantissa = step / 10 ** math.floor(math.log10(step) + 1e-9)
    return any(math.isclose(mantissa, m, rel_tol=1e-6) for m in (1, 2, 5))


def _check_ticks(ticks: list[float], low: float, high: float, lo: float, hi: float) -> None:
    assert 4 <= len(ticks) <= 6, ticks
    steps = [b - a for a, b in itertools.pairwise(ticks)]
    assert all(math.isclose(s, steps[0], rel_tol=1e-6) for s in steps) and _is_nice(steps[0]), ticks
    assert low <= lo and high >= hi  # the axis shows all the data
    assert low <= ticks[0] and ticks[-1] <= high  # and every tick


@pytest.mark.parametrize(
    ("lo", "hi", "expected"),
    [
        (0.0, 1.0, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        (0.0, 150.0, [0, 50, 100, 150]),
        (-5.0, 5.0, [-4, -2, 0, 2, 4]),
        (1.0, 30.0, [5, 10, 15, 20, 25, 30]),
        (-0.02, 0.03, [-0.02, -0.01, 0.0, 0.01, 0.02, 0.03]),
    ],
)
def test_linear_ticks_are_nice(plot, lo, hi, expected):
    ticks, low, high = plot.nice_ticks(lo, hi)
    assert ticks == pytest.approx(expected)
    _check_ticks(ticks, low, high, lo, hi)


def test_linear_ticks_are_nice_for_any_range(plot):
    rng = random.Random(0)
    for _ in range(3000):
        span = 10 ** rng.uniform(-6, 9)
        lo = rng.uniform(-1000, 1000) * span  # offsets up to 1000 spans: float ticks stay exact
        hi = lo + span
        _check_ticks(*plot.nice_ticks(lo, hi), lo, hi)


@pytest.mark.parametrize(
    ("lo", "hi", "labels"),
    [
        (1e-6, 0.86, ["10⁻⁶", "10⁻⁵", "10⁻⁴", "10⁻³", "10⁻²", "10⁻¹"]),
        (2e-31, 2.7e4, ["10⁻³⁰", "10⁻²⁰", "10⁻¹⁰", "10⁰"]),
        (1.5e-5, 81.0, ["10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "10⁰", "10¹"]),
        (8.7e-4, 0.126, ["10⁻³", "10⁻²", "10⁻¹", "10⁰"]),
    ],
)
def test_log_ticks_are_powers_of_ten(plot, lo, hi, labels):
    ticks, low, high = plot.nice_ticks(math.log10(lo), math.log10(hi), logscale=True)
    assert all(t == round(t) for t in ticks)
    assert [plot.tick_label(t, ticks, logscale=True) for t in ticks] == labels
    _check_ticks(ticks, low, high, math.log10(lo), math.log10(hi))


def test_log_ticks_over_one_decade_use_1_2_5_and_never_raw_log10(plot):
    ticks, _, _ = plot.nice_ticks(math.log10(0.0148), math.log10(0.0955), logscale=True)
    assert [plot.tick_label(t, ticks, logscale=True) for t in ticks] == ["10⁻²", "2×10⁻²", "5×10⁻²", "10⁻¹"]
    rng = random.Random(1)
    for _ in range(2000):
        lo = rng.uniform(-300, 300)
        hi = lo + rng.uniform(0.5, 600)
        ticks, low, high = plot.nice_ticks(lo, hi, logscale=True)
        assert 4 <= len(ticks) <= 6 and low <= lo and high >= hi
        assert hi - lo < 3 or all(t == round(t) for t in ticks)  # three decades or more: powers of ten only
        assert all("." not in plot.tick_label(t, ticks, logscale=True) for t in ticks)


def _svg(plot, labels: list[str], logy: bool = False, title: str = "A title") -> str:
    series = [
        (label, [float(x) for x in range(50)], [math.exp(-0.1 * k * x) * (1 + k) for x in range(50)])
        for k, label in enumerate(labels)
    ]
    return plot.line_plot(series, title, "step", "loss", logy=logy)


def _box(element) -> tuple[float, float, float, float]:
    x, y = float(element.get("x")), float(element.get("y"))
    return x, y, x + float(element.get("width")), y + float(element.get("height"))


def _check_legend_beside_data(svg: str) -> None:
    """The legend box is outside the plot area, every data point inside it, and both inside the figure."""
    root = etree.fromstring(svg.encode())
    canvas = [float(v) for v in root.get("viewBox").split()]
    [area] = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "plot"]
    px0, py0, px1, py1 = _box(area)
    points = [
        tuple(map(float, p.split(",")))
        for line in root.iter(f"{SVG}polyline")
        for p in line.get("points").split()
    ]
    assert points and all(px0 - 0.1 <= x <= px1 + 0.1 and py0 - 0.1 <= y <= py1 + 0.1 for x, y in points)
    legends = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "legend"]
    for legend in legends:
        lx0, ly0, lx1, ly1 = _box(legend)
        assert lx1 <= px0 or lx0 >= px1 or ly1 <= py0 or ly0 >= py1, "the legend overlaps the plot area"
        assert lx0 >= 0 and lx1 <= canvas[2] and ly0 >= 0 and ly1 <= canvas[3]


@pytest.mark.parametrize(
    "labels",
    [
        ["train", "validation"],
        ["too small (σ = 0.5)", "variance 1/n (σ = 1)", "too large (σ = 3)"],
        ["constant", "step decay (÷2 every 5 epochs)", "1/t decay (τ = 2 epochs)"],  # too wide: goes below
        [f"series {k}" for k in range(8)],
        ["one series only"],
    ],
)
def test_legend_never_covers_the_data(plot, labels):
    for logy in (False, True):
        _check_legend_beside_data(_svg(plot, labels, logy))


def test_example_figures_keep_the_legend_off_the_data(load_example):
    lr = load_example("learning_rate")
    runs = {label: lr.gradient_descent(rate) for label, rate in lr.RATES.items()}
    figures = [load_example(name).figure() for name in ("activations", "universal_approximation")]
    for svg in [*figures, lr.figure(runs)]:
        _check_legend_beside_data(svg)
        assert svg.count("<polyline") >= 3
    assert load_example("activations").figure() == figures[0]  # byte-identical on every build


def test_svg_parses_with_escaped_text_and_distinct_lines(plot):
    svg = _svg(plot, ["a < b", "x & y", 'say "hi"', "d", "e", "f"], title="<script>&</script>")
    root = etree.fromstring(svg.encode())
    assert root.tag == f"{SVG}svg"
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert "<script>&</script>" in texts and "a < b" in texts and 'say "hi"' in texts
    assert "<script>" not in svg
    styles = {(line.get("stroke"), line.get("stroke-dasharray")) for line in root.iter(f"{SVG}polyline")}
    assert len(styles) == 6  # every series its own colour and dash pattern
    [background] = [r for r in root.iter(f"{SVG}rect") if r.get("fill") == "#ffffff" and r.get("x") is None]
    assert background.get("width") == root.get("width")  # an opaque page behind it, readable in a dark theme


def test_axes_have_titles_ticks_and_grid(plot):
    root = etree.fromstring(_svg(plot, ["a", "b"], logy=True).encode())
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert {"A title", "step", "loss"} <= set(texts)
    assert sum(t.startswith("10") or "×10" in t for t in texts) >= 4  # log axis: powers of ten
    grid = [line for line in root.iter(f"{SVG}line") if line.get("stroke") == "#dddddd"]
    assert len(grid) >= 8


def test_output_is_deterministic(plot):
    assert _svg(plot, ["a", "b", "c"], logy=True) == _svg(plot, ["a", "b", "c"], logy=True)
    series = [
        ("diverges", [0, 1, 2, 3], [1.0, 10.0, float("inf"), float("nan")]),
        ("hits zero", [0, 1, 2, 3], [1, 0.1, 0, 0.01]),
    ]
    first = plot.line_plot(series, "t", "x", "y", logy=True)
    assert first == plot.line_plot(series, "t", "x", "y", logy=True)
    etree.fromstring(first.encode())
