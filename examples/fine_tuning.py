"""Fine-tuning: reuse what a pre-trained model learned, and adapt it to a new task with little data.

Eight related classification tasks (task A) share a hidden 3-dimensional structure in 50-dimensional
inputs. Pre-training a model on all of them with plenty of data yields features — the 3 directions
its weights span. A new task B from the same family has only 20 labelled examples. Trained from
scratch on 50 inputs, 20 examples are far too few; fine-tuning a new small head on top of the
pre-trained features needs only those 20 and generalizes much better.

Topics: fine-tuning, overfitting
"""

from __future__ import annotations

import numpy as np

D, K, TASKS_A = 50, 3, 8  # input dimension, hidden structure, pre-training tasks


def sigmoid(h: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(h, -30, 30)))


def train(x: np.ndarray, y: np.ndarray, w0: np.ndarray, steps: int = 300, lr: float = 0.5) -> np.ndarray:
    """Gradient descent on the logistic loss; y may hold one column per task."""
    w = w0.copy()
    for _ in range(steps):
        w -= lr * x.T @ (sigmoid(x @ w) - y) / len(y)
    return w


def accuracy(w: np.ndarray, x: np.ndarray, y: np.ndarray) -> float:
    return float(np.mean((x @ w > 0) == (y > 0.5)))


def experiment(seed: int = 0, few: int = 20) -> dict[str, float]:
    """Test accuracy on task B: trained from scratch vs a new head fine-tuned on the pre-trained features."""
    rng = np.random.default_rng(seed)
    basis = np.linalg.qr(rng.normal(size=(D, K)))[0]  # the structure all tasks share
    x_a = rng.normal(size=(4000, D))
    y_a = (x_a @ basis @ rng.normal(size=(K, TASKS_A)) > 0).astype(float)
    pretrained = train(x_a, y_a, np.zeros((D, TASKS_A)))  # pre-training on task A
    features = np.linalg.svd(pretrained, full_matrices=False)[0][:, :K]  # what it learned: K directions

    w_b = basis @ rng.normal(size=K)
    x_few, x_test = rng.normal(size=(few, D)), rng.normal(size=(5000, D))
    y_few, y_test = (x_few @ w_b > 0).astype(float), (x_test @ w_b > 0).astype(float)
    scratch = train(x_few, y_few, np.zeros(D))
    head = train(x_few @ features, y_few, np.zeros(K))  # a new head on frozen features
    return {"from scratch": accuracy(scratch, x_test, y_test),
            "pre-trained features + new head": accuracy(features @ head, x_test, y_test)}


def main() -> None:
    print("task B, trained on 20 labelled examples; test accuracy on 5000:")
    for name, value in experiment().items():
        print(f"  {name:32s} {value:.3f}")


if __name__ == "__main__":
    main()
