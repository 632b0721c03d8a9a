"""Grid search vs random search (and one Bayesian-optimisation step) for hyper-parameters.

A toy validation error depends strongly on the learning rate and hardly at all on the number of
hidden layers. A 3 × 3 grid spends 9 trials but tries only 3 learning rates; 9 random trials try
9 different learning rates, so random search usually finds a better one. Bayesian optimisation
then chooses the next trial adaptively: a Gaussian-process model of the trials so far proposes the
point with the lowest optimistic estimate (mean - κ·std).

Topics: hyperparameter-search, hyperparameters, learning-rate
"""

from __future__ import annotations

import itertools

import numpy as np

LOG_LR_RANGE, LAYERS_RANGE = (-5.0, -1.0), (1.0, 8.0)


def validation_error(log10_lr: float, hidden_layers: float) -> float:
    """The toy objective: best at lr ≈ 10^-2.7; the number of hidden layers barely matters."""
    return float((log10_lr + 2.7) ** 2 + 0.01 * np.sin(hidden_layers))


def grid_search(per_axis: int = 3) -> list[tuple[float, float, float]]:
    """Every (log10 lr, layers) pair on a uniform PER_AXIS × PER_AXIS grid, with its error."""
    lrs, layers = np.linspace(*LOG_LR_RANGE, per_axis), np.linspace(*LAYERS_RANGE, per_axis)
    return [(lr, n, validation_error(lr, n)) for lr, n in itertools.product(lrs, layers)]


def random_search(trials: int = 9, seed: int = 0) -> list[tuple[float, float, float]]:
    """TRIALS points drawn uniformly from the same box, with their errors."""
    rng = np.random.default_rng(seed)
    points = rng.uniform([LOG_LR_RANGE[0], LAYERS_RANGE[0]], [LOG_LR_RANGE[1], LAYERS_RANGE[1]], (trials, 2))
    return [(lr, n, validation_error(lr, n)) for lr, n in points]


def _scaled(points: np.ndarray) -> np.ndarray:
    lo = np.array([LOG_LR_RANGE[0], LAYERS_RANGE[0]])
    hi = np.array([LOG_LR_RANGE[1], LAYERS_RANGE[1]])
    return (points - lo) / (hi - lo)


def bayesian_step(trials: list[tuple[float, float, float]], kappa: float = 1.0, seed: int = 0) -> tuple[float, float, float]:
    """Fit a Gaussian process (RBF kernel) to TRIALS and evaluate the candidate with lowest mean - κ·std."""
    seen = np.array([[lr, n] for lr, n, _ in trials])
    errors = np.array([e for _, _, e in trials])
    rng = np.random.default_rng(seed)
    candidates = rng.uniform([LOG_LR_RANGE[0], LAYERS_RANGE[0]], [LOG_LR_RANGE[1], LAYERS_RANGE[1]], (2000, 2))

    def kernel(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        sq = np.sum((_scaled(a)[:, None, :] - _scaled(b)[None, :, :]) ** 2, axis=-1)
        return np.exp(-sq / (2 * 0.2 ** 2))

    center = errors.mean()
    K_inv = np.linalg.inv(kernel(seen, seen) + 1e-6 * np.eye(len(seen)))
    k_star = kernel(candidates, seen)
    mean = center + k_star @ K_inv @ (errors - center)
    std = np.sqrt(np.clip(1.0 - np.sum(k_star @ K_inv * k_star, axis=1), 0.0, None)) * errors.std()
    lr, n = candidates[np.argmin(mean - kappa * std)]
    return float(lr), float(n), validation_error(lr, n)


def bayesian_search(start: list[tuple[float, float, float]], steps: int = 6) -> list[tuple[float, float, float]]:
    """START followed by STEPS adaptively chosen trials."""
    trials = list(start)
    for step in range(steps):
        trials.append(bayesian_step(trials, seed=step))
    return trials


def best(trials: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    return min(trials, key=lambda trial: trial[2])


def main() -> None:
    grid, rand = grid_search(), random_search()
    for name, trials in (("grid search", grid), ("random search", rand)):
        lr, n, err = best(trials)
        distinct = len({round(t[0], 9) for t in trials})
        print(f"{name:13s}: {len(trials)} trials, {distinct} distinct learning rates, "
              f"best lr = 10^{lr:.2f}, layers = {n:.1f}, error = {err:.4f}")
    lr, n, err = best(bayesian_search(rand))
    print(f"random + 6 Bayesian-optimisation steps: best lr = 10^{lr:.2f}, error = {err:.4f}")


if __name__ == "__main__":
    main()
