"""A learning-rate schedule: SGD's step size should taper down as training goes on.

Mini-batch SGD on least-squares linear regression. With a constant learning rate the sampling
noise keeps θ bouncing around the optimum at a floor set by the rate; decaying the rate
(step decay, or ηₜ = η₀ / (1 + t/τ)) averages that noise away and ends much closer.

Topics: lr-schedule, learning-rate, sgd
"""

from __future__ import annotations

import numpy as np
from _svgplot import line_plot, save_figure

N, D, BATCH, EPOCHS = 512, 5, 8, 30
ETA0 = 0.05


def make_data(seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Inputs X, noisy targets y = X θ_true + noise, and θ_true."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(N, D))
    theta_true = rng.normal(size=D)
    return X, X @ theta_true + 0.5 * rng.normal(size=N), theta_true


SCHEDULES = {
    "constant": lambda epoch: ETA0,
    "step decay (÷2 every 5 epochs)": lambda epoch: ETA0 * 0.5 ** (epoch // 5),
    "1/t decay (τ = 2 epochs)": lambda epoch: ETA0 / (1 + epoch / 2),
}


def train(schedule: str, seed: int = 0) -> list[float]:
    """Distance ‖θ - θ̂‖ to the least-squares solution at the end of every epoch."""
    X, y, _ = make_data(seed)
    theta_hat = np.linalg.lstsq(X, y, rcond=None)[0]
    rng = np.random.default_rng(seed + 1)
    theta, distances = np.zeros(D), []
    for epoch in range(EPOCHS):
        eta = SCHEDULES[schedule](epoch)
        for rows in np.array_split(rng.permutation(N), N // BATCH):  # shuffle, then chunk into batches
            grad = 2 * X[rows].T @ (X[rows] @ theta - y[rows]) / len(rows)
            theta = theta - eta * grad
        distances.append(float(np.linalg.norm(theta - theta_hat)))
    return distances


def final_distances(seed: int = 0) -> dict[str, float]:
    """Mean distance to the optimum over the last 5 epochs, per schedule."""
    return {name: float(np.mean(train(name, seed)[-5:])) for name in SCHEDULES}


def main() -> None:
    print(f"mini-batch SGD, batch size {BATCH}, {EPOCHS} epochs, η₀ = {ETA0}")
    for name, distance in final_distances().items():
        print(f"{name:32s}: ‖θ - θ*‖ at the end ≈ {distance:.4f}")
    runs = {name: train(name) for name in SCHEDULES}
    save_figure(line_plot([(n, list(range(1, EPOCHS + 1)), d) for n, d in runs.items()],
                          "Distance to the optimum per epoch", "epoch", "‖θ - θ*‖", logy=True))


if __name__ == "__main__":
    main()
