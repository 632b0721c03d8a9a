"""Backpropagation from scratch on XOR, checked against finite differences.

A one-hidden-layer sigmoid network learns y = x[1] XOR x[2] by gradient descent. The gradient
that back-propagation computes layer by layer (feed forward, get the error (y - y*), send it back
through σ'(h) and the weights) is compared with a central finite-difference estimate of every
weight before training starts.

Topics: backprop, mlp-xor, gradient-descent
"""

from __future__ import annotations

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
Y_STAR = np.array([[0], [1], [1], [0]], dtype=float)


def sigmoid(h: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-h))


def init_params(seed: int = 0, hidden: int = 3) -> dict[str, np.ndarray]:
    """Weights u (input → hidden) and v (hidden → output) with biases u0, v0."""
    rng = np.random.default_rng(seed)
    return {"u": rng.normal(0, 1, (2, hidden)), "u0": np.zeros(hidden),
            "v": rng.normal(0, 1, (hidden, 1)), "v0": np.zeros(1)}


def forward(params: dict[str, np.ndarray], x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Feed forward: hidden units g = σ(u0 + x u), prediction y = σ(v0 + g v)."""
    g = sigmoid(params["u0"] + x @ params["u"])
    y = sigmoid(params["v0"] + g @ params["v"])
    return g, y


def error(params: dict[str, np.ndarray]) -> float:
    """E = ½ mean (y - y*)² over the four XOR rows."""
    _, y = forward(params, X)
    return float(0.5 * np.mean((y - Y_STAR) ** 2))


def backprop(params: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """∂E/∂(every weight), from the output error back to the first layer."""
    g, y = forward(params, X)
    dE_dy = (y - Y_STAR) / len(X)
    dE_dh_out = dE_dy * y * (1 - y)  # σ'(h) = σ(h)(1 - σ(h))
    dE_dg = dE_dh_out @ params["v"].T
    dE_dh = dE_dg * g * (1 - g)
    return {"u": X.T @ dE_dh, "u0": dE_dh.sum(0), "v": g.T @ dE_dh_out, "v0": dE_dh_out.sum(0)}


def finite_difference(params: dict[str, np.ndarray], eps: float = 1e-6) -> dict[str, np.ndarray]:
    """Central differences (E(w + ε) - E(w - ε)) / 2ε for every weight, one at a time."""
    grads = {}
    for name, w in params.items():
        grad = np.zeros_like(w)
        for index in np.ndindex(w.shape):
            saved = w[index]
            w[index] = saved + eps
            plus = error(params)
            w[index] = saved - eps
            minus = error(params)
            w[index] = saved
            grad[index] = (plus - minus) / (2 * eps)
        grads[name] = grad
    return grads


def gradient_check(params: dict[str, np.ndarray]) -> float:
    """Largest relative difference between back-propagation and finite differences."""
    exact, numeric = backprop(params), finite_difference(params)
    return max(float(np.max(np.abs(exact[k] - numeric[k]) / (np.abs(exact[k]) + np.abs(numeric[k]) + 1e-12)))
               for k in params)


def train(seed: int = 0, eta: float = 2.0, steps: int = 4000) -> tuple[dict[str, np.ndarray], list[float]]:
    """Gradient descent u ← u - η ∂E/∂u on every weight; returns the weights and E per step."""
    params = init_params(seed)
    errors = []
    for _ in range(steps):
        errors.append(error(params))
        for name, grad in backprop(params).items():
            params[name] -= eta * grad
    return params, errors


def main() -> None:
    params = init_params(seed=0)
    print(f"gradient check: max relative difference backprop vs finite differences = {gradient_check(params):.2e}")
    trained, errors = train()
    for step in range(0, len(errors), 1000):
        print(f"step {step:5d}  E = {errors[step]:.5f}")
    _, y = forward(trained, X)
    print("x[1] x[2]  y*   y")
    for x, target, out in zip(X, Y_STAR[:, 0], y[:, 0], strict=False):
        print(f"  {x[0]:.0f}    {x[1]:.0f}    {target:.0f}   {out:.3f}")
    solved = bool(np.all((y > 0.5) == (Y_STAR > 0.5)))
    print("XOR solved" if solved else "XOR not solved")


if __name__ == "__main__":
    main()
