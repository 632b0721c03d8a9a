"""SGD vs momentum vs Adam on an ill-conditioned problem.

f(θ) = ½(θ₁² + κ θ₂²) with κ = 100 is a long narrow valley: the steep direction θ₂ caps the
learning rate of plain SGD (lr < 2/κ), so progress along the flat direction θ₁ is slow.
Momentum accumulates the consistent θ₁ gradient; Adam divides each parameter's step by a running
estimate of its own gradient size, so both directions move at a similar pace. Each optimizer gets
noisy (stochastic) gradients and its own well-chosen learning rate.

Topics: adam, momentum, sgd
"""

from __future__ import annotations

import numpy as np
from _svgplot import line_plot, save_figure

KAPPA = 100.0
CURVATURE = np.array([1.0, KAPPA])
THETA0 = np.array([-8.0, 1.0])


def f(theta: np.ndarray) -> float:
    return float(0.5 * np.sum(CURVATURE * theta ** 2))


def noisy_gradient(theta: np.ndarray, rng: np.random.Generator, noise: float = 0.1) -> np.ndarray:
    """∇f(θ) = (θ₁, κθ₂) plus Gaussian noise, as a mini-batch would give."""
    return CURVATURE * theta + noise * rng.normal(size=2)


def sgd(grad: np.ndarray, state: dict, lr: float = 0.019) -> np.ndarray:
    return -lr * grad


def momentum(grad: np.ndarray, state: dict, lr: float = 0.019, beta: float = 0.9) -> np.ndarray:
    state["v"] = beta * state.get("v", 0.0) + grad  # velocity: past gradients, decayed
    return -lr * state["v"]


def adam(grad: np.ndarray, state: dict, lr: float = 0.3, beta1: float = 0.9, beta2: float = 0.999,
         eps: float = 1e-8) -> np.ndarray:
    t = state["t"] = state.get("t", 0) + 1
    state["m"] = beta1 * state.get("m", 0.0) + (1 - beta1) * grad
    state["s"] = beta2 * state.get("s", 0.0) + (1 - beta2) * grad ** 2
    m_hat, s_hat = state["m"] / (1 - beta1 ** t), state["s"] / (1 - beta2 ** t)
    return -lr * m_hat / (np.sqrt(s_hat) + eps)  # per-parameter step size


OPTIMIZERS = {"SGD": sgd, "momentum": momentum, "Adam": adam}


def run(name: str, steps: int = 150, seed: int = 0) -> list[float]:
    """f(θ) after each step of the named optimizer from θ0 (f(θ0) first)."""
    rng = np.random.default_rng(seed)
    state: dict[str, np.ndarray] = {}
    theta, losses = THETA0.copy(), [f(THETA0)]
    for _ in range(steps):
        theta = theta + OPTIMIZERS[name](noisy_gradient(theta, rng), state)
        losses.append(f(theta))
    return losses


def final_losses(steps: int = 150) -> dict[str, float]:
    """Mean f(θ) over the last 20 steps of each optimizer (the noise makes single steps jumpy)."""
    return {name: float(np.mean(run(name, steps)[-20:])) for name in OPTIMIZERS}


def main() -> None:
    print(f"f(θ) = ½(θ₁² + {KAPPA:.0f}·θ₂²) from θ0 = {THETA0.tolist()}, f(θ0) = {f(THETA0):.1f}")
    for name, loss in final_losses().items():
        print(f"{name:9s}: f(θ) after 150 steps ≈ {loss:.2e}")
    runs = {name: run(name) for name in OPTIMIZERS}
    save_figure(line_plot([(n, list(range(len(losses))), losses) for n, losses in runs.items()],
                          "Ill-conditioned valley (κ = 100)", "step", "f(θ)", logy=True))


if __name__ == "__main__":
    main()
