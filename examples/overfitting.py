"""Over-fitting and three cures: L2 weight regularization, dropout, and early stopping.

A one-hidden-layer network with 100 tanh units (far more parameters than the 12 noisy training
points) is trained by full-batch gradient descent. Unregularized it fits the noise: the training
error keeps falling while the validation error grows. Each cure keeps the validation error lower:
an ℓ2 penalty λ‖w‖², dropping hidden units at random during training, or stopping at the epoch
where the validation error is lowest.

Topics: overfitting, regularization, dropout, early-stopping
"""

from __future__ import annotations

import numpy as np
from _svgplot import line_plot, save_figure

HIDDEN, STEPS, LR = 100, 6000, 0.02
SEED = 1  # the data draw shown; on most other draws every cure wins as well


def make_data(seed: int = SEED) -> tuple[np.ndarray, ...]:
    """12 noisy training points and 200 validation points of y = sin(3x)."""
    rng = np.random.default_rng(seed)
    x_train, x_val = rng.uniform(-1, 1, (12, 1)), np.linspace(-1, 1, 200)[:, None]
    return x_train, np.sin(3 * x_train) + 0.3 * rng.normal(size=(12, 1)), x_val, np.sin(3 * x_val)


def mse(params: dict, x: np.ndarray, y: np.ndarray) -> float:
    hidden = np.tanh(x @ params["W1"] + params["b1"])
    return float(np.mean((hidden @ params["W2"] + params["b2"] - y) ** 2))


def train(l2: float = 0.0, dropout: float = 0.0, seed: int = SEED) -> tuple[list[float], list[float], list[float]]:
    """Gradient descent; returns training error, validation error and the best validation so far, per step."""
    x, y, x_val, y_val = make_data(seed)
    rng = np.random.default_rng(seed + 1)
    params = {"W1": rng.normal(0, 3, (1, HIDDEN)), "b1": rng.normal(0, 1, HIDDEN),
              "W2": rng.normal(0, 1 / np.sqrt(HIDDEN), (HIDDEN, 1)), "b2": np.zeros(1)}
    train_err, val_err = [], []
    for _ in range(STEPS):
        hidden = np.tanh(x @ params["W1"] + params["b1"])
        keep = (rng.random(hidden.shape) >= dropout) / (1 - dropout)  # inverted dropout mask
        out = (hidden * keep) @ params["W2"] + params["b2"]
        d_out = 2 * (out - y) / len(x)
        d_hidden = (d_out @ params["W2"].T) * keep * (1 - hidden ** 2)
        grads = {"W2": (hidden * keep).T @ d_out + 2 * l2 * params["W2"], "b2": d_out.sum(0),
                 "W1": x.T @ d_hidden + 2 * l2 * params["W1"], "b1": d_hidden.sum(0)}
        for name, grad in grads.items():
            params[name] -= LR * grad
        train_err.append(mse(params, x, y))
        val_err.append(mse(params, x_val, y_val))
    return train_err, val_err, list(np.minimum.accumulate(val_err))


def compare(seed: int = SEED) -> dict[str, tuple[float, float]]:
    """(training error, validation error) at the end for each setting; early stopping keeps its best epoch."""
    plain_train, plain_val, best_val = train(seed=seed)
    stop = int(np.argmin(plain_val))
    results = {"no regularization": (plain_train[-1], plain_val[-1]),
               "early stopping": (plain_train[stop], plain_val[stop])}
    for name, kwargs in (("L2 (λ = 1e-3)", {"l2": 1e-3}), ("dropout (p = 0.5)", {"dropout": 0.5})):
        train_err, val_err, _ = train(seed=seed, **kwargs)
        results[name] = (train_err[-1], val_err[-1])
    return results


def main() -> None:
    train_err, val_err, _ = train()
    for name, (end_train, end_val) in compare().items():
        print(f"{name:18s}: training error {end_train:.4f}   validation error {end_val:.4f}")
    print(f"the training targets carry noise of variance {0.3 ** 2:.2f}: a lower training error means fitting noise")
    print(f"early stopping: validation error was lowest at step {int(np.argmin(val_err))} of {STEPS}")
    steps = list(range(0, STEPS, 50))
    save_figure(line_plot([("training", steps, train_err[::50]), ("validation", steps, val_err[::50])],
                          "Unregularized network: training vs validation error", "step", "MSE", logy=True))


if __name__ == "__main__":
    main()
