"""Universal approximation: one hidden layer of sigmoids approximating a step, then any curve.

One sigmoid unit σ(s·(x - t)) is a soft step at t; as the steepness s grows it approaches the
jump, so the error away from the jump shrinks. Summing such steps, out(x) = w0 + Σₖ wₖ σ(s(x - tₖ)),
a single hidden layer follows any continuous target, and more hidden units give a smaller error.

Topics: universal-approximation, activation-functions, mlp-xor
"""

from __future__ import annotations

import numpy as np
from _svgplot import line_plot, save_figure

X = np.linspace(-1.0, 1.0, 401)


def sigmoid(h: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * h))  # the same σ, without overflow for steep units


def step(x: np.ndarray) -> np.ndarray:
    return (x > 0).astype(float)


def one_unit_step_error(steepness: float, gap: float = 0.05) -> float:
    """max |σ(s·x) - step(x)| for |x| ≥ GAP: how close one hidden unit gets to the jump."""
    away = np.abs(X) >= gap
    return float(np.max(np.abs(sigmoid(steepness * X[away]) - step(X[away]))))


def target(x: np.ndarray) -> np.ndarray:
    """A curve with a jump in it, the kind the lecture says neural networks handle."""
    return np.sin(3 * x) + step(x - 0.4)


def staircase_network(hidden: int, steepness: float = 200.0) -> tuple[np.ndarray, float]:
    """out(x) with HIDDEN sigmoid units at thresholds tₖ; weights wₖ = the target's rise over each step."""
    t = np.linspace(-1.0, 1.0, hidden + 1)
    w = np.diff(target(t))
    w0 = target(t[:1])[0]
    out = w0 + sigmoid(steepness * (X[:, None] - t[None, 1:] + 1e-9)) @ w
    return out, float(np.mean(np.abs(out - target(X))))


def figure() -> str:
    series = [("target", list(X), list(target(X)))]
    for hidden in (5, 40):
        series.append((f"{hidden} hidden units", list(X), list(staircase_network(hidden)[0])))
    return line_plot(series, "One hidden layer approximating sin(3x) + step(x - 0.4)", "x", "out(x)")


def main() -> None:
    for s in (1, 10, 100, 1000):
        print(f"one unit σ({s}·x) vs step: max error away from the jump = {one_unit_step_error(s):.4f}")
    for hidden in (5, 10, 20, 40, 80):
        print(f"{hidden:3d} hidden units: mean |out(x) - target(x)| = {staircase_network(hidden)[1]:.4f}")
    save_figure(figure())


if __name__ == "__main__":
    main()
