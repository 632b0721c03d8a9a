"""The hand-set XOR network from the 2024 slides: a 2-layer perceptron with threshold units.

One perceptron g(w0 + w1 x[1] + w2 x[2]) can represent OR and AND but not XOR (no single line
separates the XOR table). Two hidden units do it, with the weights from the slide:
v[1] = g(-0.5 + x[1] - x[2])   (x[1] AND !x[2])
v[2] = g(-0.5 - x[1] + x[2])   (!x[1] AND x[2])
y    = g(-0.5 + v[1] + v[2])   (v[1] OR v[2])

Topics: mlp-xor, perceptron
"""

from __future__ import annotations

import itertools

import numpy as np

INPUTS = [(0, 0), (0, 1), (1, 0), (1, 1)]
TABLES = {"OR": [0, 1, 1, 1], "AND": [0, 0, 0, 1], "XOR": [0, 1, 1, 0]}


def g(score: float) -> int:
    """The threshold activation: 1 when the score is positive."""
    return int(score > 0)


def perceptron(w0: float, w1: float, w2: float, x: tuple[int, int]) -> int:
    """Score(x) = w0 + w1 x[1] + w2 x[2], thresholded."""
    return g(w0 + w1 * x[0] + w2 * x[1])


def xor_network(x: tuple[int, int]) -> tuple[int, int, int]:
    """The slide's weights; returns (v[1], v[2], y)."""
    v1 = g(-0.5 + x[0] - x[1])
    v2 = g(-0.5 - x[0] + x[1])
    return v1, v2, g(-0.5 + v1 + v2)


def best_single_perceptron(table: list[int]) -> int:
    """Most rows of TABLE any single perceptron gets right, searching weights in [-2, 2] by 0.25."""
    grid = np.arange(-2.0, 2.01, 0.25)
    return max(sum(perceptron(w0, w1, w2, x) == y for x, y in zip(INPUTS, table, strict=False))
               for w0, w1, w2 in itertools.product(grid, grid, grid))


def main() -> None:
    print("x[1] x[2] | v[1] v[2] | y = XOR")
    for x in INPUTS:
        v1, v2, y = xor_network(x)
        print(f"  {x[0]}    {x[1]}   |  {v1}    {v2}   |   {y}")
    solved = [xor_network(x)[2] for x in INPUTS] == TABLES["XOR"]
    print("the hand-set network computes XOR:", solved)
    for name, table in TABLES.items():
        print(f"best single perceptron on {name}: {best_single_perceptron(table)}/4 rows")


if __name__ == "__main__":
    main()
