"""Weight initialization: why the variance of the initial weights should scale like 1/n.

A signal passes through 20 tanh layers of 256 units with weights drawn from a Gaussian N(0, σ²/n),
n the number of inputs of the layer. Too small a σ and the activations shrink towards 0 layer after
layer (gradients vanish); too large and every unit saturates at ±1 (tanh' ≈ 0, gradients vanish
too); with variance 1/n (σ = 1) the spread shrinks only slowly and no unit saturates.

Topics: initialization, activation-functions
"""

from __future__ import annotations

import numpy as np
from _svgplot import line_plot, save_figure

LAYERS, WIDTH = 20, 256
SCALES = {"too small (σ = 0.5)": 0.5, "variance 1/n (σ = 1)": 1.0, "too large (σ = 3)": 3.0}


def forward_stats(sigma: float, seed: int = 0) -> tuple[list[float], list[float]]:
    """Per layer: the std of the activations, and the fraction of saturated units (|g| > 0.99)."""
    rng = np.random.default_rng(seed)
    g = rng.normal(size=(500, WIDTH))  # a batch of inputs
    spreads, saturated = [], []
    for _ in range(LAYERS):
        n = g.shape[1]
        W = rng.normal(0.0, sigma / np.sqrt(n), (n, WIDTH))
        g = np.tanh(g @ W)
        spreads.append(float(g.std()))
        saturated.append(float(np.mean(np.abs(g) > 0.99)))
    return spreads, saturated


def main() -> None:
    runs = {label: forward_stats(sigma) for label, sigma in SCALES.items()}
    for label, (spreads, saturated) in runs.items():
        print(f"{label:22s}: activation std layer 1 = {spreads[0]:.3f}, layer {LAYERS} = {spreads[-1]:.2e}, "
              f"saturated units at layer {LAYERS} = {saturated[-1]:.0%}")
    layers = list(range(1, LAYERS + 1))
    save_figure(line_plot([(label, layers, spreads) for label, (spreads, _) in runs.items()],
                          "Spread of tanh activations through 20 layers", "layer", "std of activations", logy=True))


if __name__ == "__main__":
    main()
