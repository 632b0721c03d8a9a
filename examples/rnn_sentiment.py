"""A recurrent network carries context: hand-set RNN weights read sentiment through a negation.

The 2024 slides' examples: "I love this car!" is positive, "I am not sure I love this car!" negative,
"I don't think its a bad car at all!" positive. A bag of words (sum of word polarities, order lost)
gets the last two wrong. An Elman RNN, hₜ = ReLU(W hₜ₋₁ + U xₜ + b), keeps a state: one unit
remembers that a "not" was read, so the next sentiment word counts with its sign flipped; two
units accumulate the positive and negative evidence, and the output is y = P - N.

Topics: rnn
"""

from __future__ import annotations

import re

import numpy as np

SENTENCES = {"I love this car!": 1, "I am not sure I love this car!": -1, "I don't think its a bad car at all!": 1}
POSITIVE, NEGATIVE, NEGATION = {"love", "like", "good", "great"}, {"bad", "hate", "awful"}, {"not", "don't", "never"}
# state h = [neg, plus1, plus2, minus1, minus2, P, N]; input x = [positive word, negative word, negation]
W = np.array([[1, 0, 0, 0, 0, 0, 0],    # neg    = ReLU(neg + not - sentiment word): "not" waits for its word
              [-1, 0, 0, 0, 0, 0, 0],   # plus1  = ReLU(pos - neg): a positive word, not negated
              [1, 0, 0, 0, 0, 0, 0],    # plus2  = ReLU(negw + neg - 1): a negated negative word
              [-1, 0, 0, 0, 0, 0, 0],   # minus1 = ReLU(negw - neg)
              [1, 0, 0, 0, 0, 0, 0],    # minus2 = ReLU(pos + neg - 1): a negated positive word
              [0, 1, 1, 0, 0, 1, 0],    # P      = ReLU(P + plus1 + plus2): positive evidence so far
              [0, 0, 0, 1, 1, 0, 1]],   # N      = ReLU(N + minus1 + minus2)
             dtype=float)
U = np.array([[-1, -1, 1], [1, 0, 0], [0, 1, 0], [0, 1, 0], [1, 0, 0], [0, 0, 0], [0, 0, 0]], dtype=float)
b = np.array([0, 0, -1, 0, -1, 0, 0], dtype=float)


def words(sentence: str) -> list[str]:
    return re.findall(r"[a-z']+", sentence.lower())


def encode(word: str) -> np.ndarray:
    """xₜ: one-hot-ish features of a word (positive, negative, negation)."""
    return np.array([word in POSITIVE, word in NEGATIVE, word in NEGATION], dtype=float)


def rnn(sentence: str) -> tuple[float, list[np.ndarray]]:
    """Run the RNN over the words (plus one empty step to flush the last word); returns y and the states."""
    h, states = np.zeros(7), []
    for x in [encode(w) for w in words(sentence)] + [np.zeros(3)]:
        h = np.maximum(0.0, W @ h + U @ x + b)
        states.append(h)
    return float(h[5] - h[6]), states


def bag_of_words(sentence: str) -> float:
    """The order-blind baseline: + for each positive word, - for each negative one."""
    return float(sum(encode(w)[0] - encode(w)[1] for w in words(sentence)))


def main() -> None:
    for sentence, label in SENTENCES.items():
        y, _ = rnn(sentence)
        bag = bag_of_words(sentence)
        print(f"{sentence:38s} truth {label:+d}   RNN y = {y:+.0f} {'ok' if np.sign(y) == label else 'WRONG'}"
              f"   bag of words = {bag:+.0f} {'ok' if np.sign(bag) == label else 'WRONG'}")
    _, states = rnn("I am not sure I love this car!")
    print("state unit 'neg' word by word:", [int(h[0]) for h in states[:-1]])


if __name__ == "__main__":
    main()
