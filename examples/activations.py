"""Activation functions and their derivatives: sigmoid, tanh, ReLU, leaky ReLU, softplus.

Each g(x) comes with its derivative g'(x), checked against finite differences. The derivatives
show saturation: for large |x| sigmoid and tanh are flat, so g'(x) ≈ 0 and gradients vanish,
while ReLU keeps g'(x) = 1 for x > 0 (but 0 for x < 0: a neuron can "die"), leaky ReLU keeps a
small slope there, and softplus log(1 + eˣ) is a smooth ReLU whose derivative is the sigmoid.

Topics: activation-functions
"""

from __future__ import annotations

import numpy as np
from _svgplot import line_plot, save_figure

LEAK = 0.01


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


ACTIVATIONS = {
    "sigmoid": (lambda x: sigmoid(x), lambda x: sigmoid(x) * (1 - sigmoid(x))),
    "tanh": (lambda x: np.tanh(x), lambda x: 1 - np.tanh(x) ** 2),
    "relu": (lambda x: np.maximum(0.0, x), lambda x: (x > 0).astype(float)),
    "leaky_relu": (lambda x: np.where(x > 0, x, LEAK * x), lambda x: np.where(x > 0, 1.0, LEAK)),
    "softplus": (lambda x: np.log1p(np.exp(x)), lambda x: sigmoid(x)),
}


def derivative_error(name: str, eps: float = 1e-6) -> float:
    """Largest |g'(x) - finite difference| on a grid that avoids the kink of (leaky) ReLU at 0."""
    g, g_prime = ACTIVATIONS[name]
    x = np.linspace(-5, 5, 200) + 0.0123
    numeric = (g(x + eps) - g(x - eps)) / (2 * eps)
    return float(np.max(np.abs(g_prime(x) - numeric)))


def slopes_at(x: float) -> dict[str, float]:
    """g'(x) of every activation at one input: how much gradient gets through there."""
    return {name: float(g_prime(np.array([x]))[0]) for name, (_, g_prime) in ACTIVATIONS.items()}


def figure() -> str:
    x = np.linspace(-5, 5, 101)
    series = [(f"{name}'", list(x), list(g_prime(x))) for name, (_, g_prime) in ACTIVATIONS.items()]
    return line_plot(series, "Derivatives g'(x): sigmoid and tanh saturate", "x", "g'(x)")


def main() -> None:
    print("derivative check (max |analytic - finite difference|):")
    for name in ACTIVATIONS:
        print(f"  {name:10s} {derivative_error(name):.1e}")
    print("slope g'(x) at x = 0, 5, 10 and -5:")
    for x in (0.0, 5.0, 10.0, -5.0):
        row = "  ".join(f"{name}={value:.2e}" for name, value in slopes_at(x).items())
        print(f"  x = {x:+5.1f}: {row}")
    print("sigmoid and tanh saturate (slope → 0 for large |x|); ReLU passes slope 1 for x > 0")
    save_figure(figure())


if __name__ == "__main__":
    main()
