"""A tiny reverse-mode automatic differentiation engine over a computational graph.

Every operation creates a node that remembers its inputs and how to pass a gradient back to them
(the chain rule, one small local derivative per node). backward() visits the graph in reverse
topological order, so all parameters get their gradient in a single pass after the forward pass.
The gradients are checked against finite differences, the slow numeric oracle.

Topics: autodiff, backprop
"""

from __future__ import annotations

import math


class Node:
    """A scalar value in the graph, with its gradient and the rule that sends gradient to its inputs."""

    def __init__(self, value: float, inputs: tuple[Node, ...] = (), op: str = "") -> None:
        self.value, self.grad, self.inputs, self.op = float(value), 0.0, inputs, op
        self._backward = lambda: None

    def __add__(self, other: Node | float) -> Node:
        other = other if isinstance(other, Node) else Node(other)
        out = Node(self.value + other.value, (self, other), "+")

        def _backward() -> None:
            self.grad += out.grad
            other.grad += out.grad
        out._backward = _backward
        return out

    def __mul__(self, other: Node | float) -> Node:
        other = other if isinstance(other, Node) else Node(other)
        out = Node(self.value * other.value, (self, other), "*")

        def _backward() -> None:  # the multiplication node: each input gets the other's value
            self.grad += other.value * out.grad
            other.grad += self.value * out.grad
        out._backward = _backward
        return out

    def __sub__(self, other: Node | float) -> Node:
        return self + (other * -1.0 if isinstance(other, Node) else Node(-other))

    def square(self) -> Node:
        out = Node(self.value ** 2, (self,), "square")

        def _backward() -> None:
            self.grad += 2 * self.value * out.grad
        out._backward = _backward
        return out

    def sigmoid(self) -> Node:
        s = 1.0 / (1.0 + math.exp(-self.value))
        out = Node(s, (self,), "sigmoid")

        def _backward() -> None:
            self.grad += s * (1 - s) * out.grad
        out._backward = _backward
        return out

    def backward(self) -> list[Node]:
        """Reverse-mode sweep from this node; returns the nodes in topological order."""
        order: list[Node] = []
        seen: set[int] = set()

        def visit(node: Node) -> None:
            if id(node) not in seen:
                seen.add(id(node))
                for parent in node.inputs:
                    visit(parent)
                order.append(node)
        visit(self)
        self.grad = 1.0
        for node in reversed(order):
            node._backward()
        return order


def neuron_loss(w1: float, w2: float, b: float, x1: float = 1.5, x2: float = -0.5, y_star: float = 1.0):
    """The graph of one sigmoid neuron and its squared error: L = (σ(w1·x1 + w2·x2 + b) - y*)²."""
    params = [Node(w1), Node(w2), Node(b)]
    h = params[0] * x1 + params[1] * x2 + params[2]
    loss = (h.sigmoid() - y_star).square()
    return loss, params


def finite_difference(values: list[float], eps: float = 1e-6) -> list[float]:
    """Central-difference estimate of ∂L/∂(w1, w2, b), one parameter at a time."""
    grads = []
    for i in range(len(values)):
        plus, minus = list(values), list(values)
        plus[i] += eps
        minus[i] -= eps
        grads.append((neuron_loss(*plus)[0].value - neuron_loss(*minus)[0].value) / (2 * eps))
    return grads


def check(values: tuple[float, float, float] = (0.3, -0.8, 0.1)) -> tuple[list[float], list[float], int]:
    """Gradients from the engine, from finite differences, and the number of graph nodes."""
    loss, params = neuron_loss(*values)
    order = loss.backward()
    return [p.grad for p in params], finite_difference(list(values)), len(order)


def main() -> None:
    autodiff, numeric, nodes = check()
    print(f"graph of one neuron + squared error: {nodes} nodes, one backward pass")
    for name, a, n in zip(["w1", "w2", "b"], autodiff, numeric, strict=False):
        print(f"dL/d{name}: reverse mode {a:+.8f}   finite difference {n:+.8f}   |diff| {abs(a - n):.1e}")
    print("max |difference| =", f"{max(abs(a - n) for a, n in zip(autodiff, numeric, strict=False)):.1e}")


if __name__ == "__main__":
    main()
