"""Convolution: one small filter slid across the whole input, with far fewer weights than a dense layer.

A 1-D "image" row has two edges. A 3-tap filter k = [-1, 0, 1] applied at every position
(out[i] = Σⱼ k[j]·x[i + j]) responds exactly where the intensity jumps, wherever that is — shifting
the input shifts the response (translation equivariance). Max pooling then keeps the strongest
response per window. The same layer written as a dense matrix would need one weight per
input-output pair.

Topics: cnn
"""

from __future__ import annotations

import numpy as np

KERNEL = np.array([-1.0, 0.0, 1.0])


def conv1d(x: np.ndarray, k: np.ndarray) -> np.ndarray:
    """'Valid' convolution as deep-learning libraries define it (cross-correlation): out[i] = Σⱼ k[j] x[i+j]."""
    return np.array([float(k @ x[i:i + len(k)]) for i in range(len(x) - len(k) + 1)])


def max_pool(x: np.ndarray, size: int = 2) -> np.ndarray:
    return x[: len(x) // size * size].reshape(-1, size).max(axis=1)


def signal(shift: int = 0, length: int = 24) -> np.ndarray:
    """A row of pixels: dark, a bright band from 8 to 15, dark again, moved right by SHIFT."""
    x = np.zeros(length)
    x[8 + shift:16 + shift] = 1.0
    return x


def edges(x: np.ndarray) -> list[int]:
    """Positions where the filter responds (rising edge +1, falling edge -1)."""
    return [int(i) for i in np.flatnonzero(np.abs(conv1d(x, KERNEL)) > 0.5)]


def parameter_counts(length: int = 24) -> tuple[int, int]:
    """Weights of the convolution (the kernel) vs a dense layer with the same input and output sizes."""
    out = length - len(KERNEL) + 1
    return len(KERNEL), length * out


def main() -> None:
    x = signal()
    print("input       :", "".join("#" if v else "." for v in x))
    response = conv1d(x, KERNEL)
    print("filter out  :", " ".join(f"{v:+.0f}" for v in response))
    print("pooled      :", " ".join(f"{v:+.0f}" for v in max_pool(response)))
    for shift in (0, 3):
        print(f"edges found with the band shifted by {shift}: {edges(signal(shift))}")
    conv, dense = parameter_counts()
    print(f"weights: convolution {conv}, dense layer for the same sizes {dense}")


if __name__ == "__main__":
    main()
