"""Good vs bad local minima: where gradient descent ends depends on where it starts.

The loss f(w) = w⁴/4 - 2w² + w/2 + 0.5·sin(6w) is non-convex with several minima. Plain gradient
descent only follows the local slope, so from each starting point it stops in the nearest basin.
Restarting from several random initializations and keeping the best result finds the good
(global) minimum — at the price of one full training run per restart.

Topics: loss-landscape, initialization, gradient-descent
"""

from __future__ import annotations

import numpy as np
from _svgplot import line_plot, save_figure


def f(w: np.ndarray | float) -> np.ndarray | float:
    return w ** 4 / 4 - 2 * w ** 2 + w / 2 + 0.5 * np.sin(6 * w)


def grad_f(w: float) -> float:
    return w ** 3 - 4 * w + 0.5 + 3.0 * np.cos(6 * w)


def descend(w0: float, lr: float = 0.01, steps: int = 2000) -> float:
    """Gradient descent from w0; returns where it stops."""
    w = w0
    for _ in range(steps):
        w -= lr * grad_f(w)
    return float(w)


def minima_found(starts: np.ndarray) -> list[float]:
    """The distinct end points (rounded) of gradient descent from each start, lowest loss first."""
    ends = sorted({round(descend(float(w0)), 3) for w0 in starts}, key=f)
    return ends


def random_restarts(restarts: int, seed: int = 0) -> float:
    """Best end point over RESTARTS random initializations in [-3, 3]."""
    rng = np.random.default_rng(seed)
    return min((descend(float(w0)) for w0 in rng.uniform(-3, 3, restarts)), key=f)


def main() -> None:
    ends = minima_found(np.linspace(-3, 3, 25))
    print(f"{len(ends)} different minima reached from 25 starting points:")
    for w in ends:
        print(f"  w = {w:+.3f}   f(w) = {f(w):+.4f}")
    for restarts in (1, 3, 10):
        w = random_restarts(restarts)
        print(f"best of {restarts:2d} random restart(s): w = {w:+.3f}, f(w) = {f(w):+.4f}")
    grid = np.linspace(-3, 3, 301)
    save_figure(line_plot([("f(w)", list(grid), [float(v) for v in np.atleast_1d(f(grid))])], "A non-convex loss", "w", "f(w)"))


if __name__ == "__main__":
    main()
