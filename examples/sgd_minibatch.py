"""SGD with mini-batches vs full-batch gradient descent on f(θ) = Σᵢ aᵢθᵢ² + bᵢθᵢ + cᵢ.

The lecture's function (ICE #1) is an average over N data points: point n brings its own
coefficients aₙᵢ, bₙᵢ, cₙᵢ, and aᵢ, bᵢ, cᵢ are their means. A mini-batch of B points gives an
estimate of the gradient with 2āᵢθᵢ + b̄ᵢ in every coordinate — the gradient is d-dimensional
whatever the batch size (answer: d, d). SGD reaches the minimum θᵢ* = -bᵢ / 2aᵢ while touching
far fewer data points per step than full-batch GD.

Topics: sgd, batch-size, gradient-descent
"""

from __future__ import annotations

import numpy as np

D, N = 20, 2000  # d parameters, N data points


def make_data(seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per-point coefficients a (positive), b, c, each of shape (N, d)."""
    rng = np.random.default_rng(seed)
    a = rng.uniform(0.5, 2.0, (N, D))
    b = rng.normal(1.0, 1.0, (N, D))
    c = rng.normal(0.0, 1.0, (N, D))
    return a, b, c


def f(theta: np.ndarray, a: np.ndarray, b: np.ndarray, c: np.ndarray) -> float:
    """f(θ) = Σᵢ aᵢθᵢ² + bᵢθᵢ + cᵢ with the coefficients averaged over the given points."""
    return float(np.sum(a.mean(0) * theta ** 2 + b.mean(0) * theta + c.mean(0)))


def gradient(theta: np.ndarray, a: np.ndarray, b: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """∇f estimated on the points in ROWS: component i is 2āᵢθᵢ + b̄ᵢ; shape (d,)."""
    return 2 * a[rows].mean(0) * theta + b[rows].mean(0)


def optimum(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """θᵢ* = -bᵢ / 2aᵢ, where every component of the full gradient is zero."""
    return -b.mean(0) / (2 * a.mean(0))


def descend(batch_size: int, steps: int = 300, lr: float = 0.05, seed: int = 0) -> tuple[np.ndarray, list[float], int]:
    """Run (mini-batch) gradient descent; returns θ, f per step, and data points touched."""
    a, b, c = make_data(seed)
    rng = np.random.default_rng(seed + 1)
    theta, history, touched = np.zeros(D), [], 0
    for _ in range(steps):
        rows = np.arange(N) if batch_size >= N else rng.choice(N, batch_size, replace=False)
        theta = theta - lr * gradient(theta, a, b, rows)
        touched += len(rows)
        history.append(f(theta, a, b, c))
    return theta, history, touched


def gradient_shapes(batch_sizes: tuple[int, ...] = (N, 8, 1)) -> dict[int, tuple[int, ...]]:
    """The shape of the gradient for each batch size."""
    a, b, _ = make_data()
    theta = np.zeros(D)
    return {size: gradient(theta, a, b, np.arange(size)).shape for size in batch_sizes}


def main() -> None:
    print(f"d = {D} parameters, N = {N} data points")
    for size, shape in gradient_shapes().items():
        print(f"batch size {size:4d}: gradient shape {shape}")
    a, b, c = make_data()
    f_star = f(optimum(a, b), a, b, c)
    for size in (N, 8):
        _, history, touched = descend(size)
        print(f"batch size {size:4d}: f(θ) - f* after 300 steps = {history[-1] - f_star:.4f}, "
              f"data points touched = {touched}")
    print("answer to ICE #1: (d, d) — option 4")


if __name__ == "__main__":
    main()
