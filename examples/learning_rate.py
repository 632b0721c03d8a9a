"""Impact of the learning rate: too small, about right, and too large.

Gradient descent w ← w - lr ∇f(w) on the lecture's f(w) = w₁² + w₂², whose gradient is ∇f = 2w.
Each step multiplies w by (1 - 2·lr): a tiny rate crawls, a good rate converges in a few steps,
and a rate above 1 makes |1 - 2·lr| > 1 so every step overshoots further — the run diverges.

Topics: learning-rate, gradient-descent
"""

from __future__ import annotations

import numpy as np
from _svgplot import line_plot, save_figure

RATES = {"too small (0.01)": 0.01, "about right (0.3)": 0.3, "too large (1.05)": 1.05}


def f(w: np.ndarray) -> float:
    return float(w[0] ** 2 + w[1] ** 2)


def grad_f(w: np.ndarray) -> np.ndarray:
    return 2 * w


def gradient_descent(lr: float, steps: int = 40, w0: tuple[float, float] = (3.0, -2.0)) -> list[float]:
    """f(w) after each of STEPS updates w ← w - lr ∇f(w), starting at w0 (f(w0) first)."""
    w = np.array(w0, dtype=float)
    losses = [f(w)]
    for _ in range(steps):
        w = w - lr * grad_f(w)
        losses.append(f(w))
    return losses


def figure(runs: dict[str, list[float]]) -> str:
    series = [(label, list(range(len(losses))), losses) for label, losses in runs.items()]
    return line_plot(series, "Gradient descent on f(w) = w1² + w2²", "step", "f(w)", logy=True)


def main() -> None:
    runs = {label: gradient_descent(lr) for label, lr in RATES.items()}
    for label, losses in runs.items():
        trend = "diverges" if losses[-1] > losses[0] else "crawls" if losses[-1] > 1e-2 else "converges"
        print(f"lr {label:18s}: f = {losses[0]:.3g} → {losses[10]:.3g} (step 10) → {losses[-1]:.3g} (step 40), {trend}")
    save_figure(figure(runs))


if __name__ == "__main__":
    main()
