"""MinHash signatures and the LSH index that picks which decks to align: estimates, candidates, determinism."""

from __future__ import annotations

import subprocess
import sys

from lecturekit.cleaner import sketch

WORDS = [f"word{i}" for i in range(400)]


def _signature(words: list[str]) -> list[int]:
    return sketch.signature(word.encode() for word in words)


def test_the_estimate_follows_the_true_jaccard_similarity():
    first, second = WORDS[:300], WORDS[100:400]  # 200 shared of 400: Jaccard 0.5
    estimate = sketch.jaccard(_signature(first), _signature(second))
    assert abs(estimate - 0.5) < 0.2
    assert sketch.jaccard(_signature(first), _signature(list(reversed(first)))) == 1.0
    assert sketch.jaccard(_signature(WORDS[:200]), _signature(WORDS[200:])) < 0.1


def test_the_index_finds_a_similar_deck_and_not_an_unrelated_one():
    index = sketch.LshIndex()
    index.insert("lecture", _signature(WORDS[:300]))
    index.insert("other", _signature([f"other{i}" for i in range(300)]))
    assert index.query(_signature(WORDS[50:350])) == ["lecture"]


def test_signatures_are_the_same_in_every_process_and_load_no_scipy():
    probe = (
        "import sys\n"
        "from lecturekit.cleaner import sketch\n"
        "print(sketch.signature([b'gradient descent step', b'descent step size'])[:8])\n"
        "assert 'scipy' not in sys.modules and 'datasketch' not in sys.modules\n"
    )
    runs = [subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True) for _ in range(2)]
    assert all(run.returncode == 0 for run in runs), runs[0].stderr
    here = sketch.signature([b"gradient descent step", b"descent step size"])[:8]
    assert runs[0].stdout == runs[1].stdout == f"{here}\n"
