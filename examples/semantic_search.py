"""Semantic search over this course's own slides with embeddings from TF-IDF + SVD (numpy only).

Each passage of the lecture material becomes a TF-IDF vector; a truncated SVD of the passage ×
word matrix maps passages and queries into a small dense embedding space (latent semantic
analysis), where words that occur in similar passages end up close together. A query is embedded
the same way and passages are ranked by cosine similarity.
The course folder is $LECTUREKIT_COURSE when set, else the repository's seeds/.

Topics: embeddings
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import numpy as np

STOPWORDS = set("""a an and are as at be by can do does for from has have how if in is it its of on or
so than that the their them then there these this to was we what when which while who why will with
you your our not all any into more most also just one""".split())
QUERIES = ["how do we compute the gradient in a neural network",
           "how to handle over-fitting", "choosing hyper-parameters: grid or random search"]


def course_folder() -> Path:
    """$LECTUREKIT_COURSE, else the repository's seeds/ (else ./seeds when run as a notebook)."""
    if os.environ.get("LECTUREKIT_COURSE"):
        return Path(os.environ["LECTUREKIT_COURSE"])
    here = Path(globals()["__file__"]).resolve().parent.parent if "__file__" in globals() else Path.cwd()
    return here / "seeds"


def passages(folder: Path, min_words: int = 25) -> list[tuple[str, str]]:
    """(file name, passage) pairs: paragraphs joined until each has MIN_WORDS words, duplicates dropped."""
    found, seen = [], set()
    for path in sorted(folder.glob("*.txt")):
        paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", path.read_text(encoding="utf-8", errors="replace"))]
        current: list[str] = []
        for number, paragraph in enumerate(paragraphs, start=1):
            current.append(paragraph)
            text = " ".join(current).strip()
            if len(text.split()) >= min_words or (number == len(paragraphs) and text):  # the file's tail too
                if text.lower() not in seen:
                    seen.add(text.lower())
                    found.append((path.name, text))
                current = []
    return found


def tokens(text: str) -> list[str]:
    """Lower-case words without stop words; a trailing plural s is cut so 'rates' meets 'rate'."""
    words = re.findall(r"[a-z]+", text.lower().replace("-", ""))
    return [w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words if w not in STOPWORDS and len(w) > 1]


class Index:
    """TF-IDF vectors of the passages, reduced to K dimensions by a truncated SVD."""

    def __init__(self, docs: list[str], k: int = 40) -> None:
        self.vocab = {w: i for i, w in enumerate(sorted({w for d in docs for w in tokens(d)}))}
        counts = np.array([self._counts(d) for d in docs])
        self.idf = np.log((1 + len(docs)) / (1 + (counts > 0).sum(0))) + 1
        tfidf = self._normalize(counts * self.idf)
        u, s, vt = np.linalg.svd(tfidf, full_matrices=False)
        self.k = min(k, len(s))
        self.projection = vt[: self.k].T  # word space → embedding space
        self.embeddings = self._normalize(tfidf @ self.projection)

    def _counts(self, text: str) -> np.ndarray:
        row = np.zeros(len(self.vocab))
        for word in tokens(text):
            if word in self.vocab:
                row[self.vocab[word]] += 1
        return np.log1p(row)

    @staticmethod
    def _normalize(m: np.ndarray) -> np.ndarray:
        return m / np.maximum(np.linalg.norm(m, axis=-1, keepdims=True), 1e-12)

    def search(self, query: str, top: int = 3) -> list[tuple[int, float]]:
        """(passage index, cosine similarity) of the TOP passages closest to QUERY."""
        embedded = self._normalize(self._normalize(self._counts(query) * self.idf) @ self.projection)
        scores = self.embeddings @ embedded
        order = np.argsort(-scores, kind="stable")[:top]
        return [(int(i), float(scores[i])) for i in order]


def main() -> None:
    found = passages(course_folder())
    if len(found) < 2:
        print(f"{course_folder()}: too few text passages to search (it needs .txt lecture files)")
        return
    index = Index([text for _, text in found])
    print(f"{len(found)} passages from {course_folder().name}/, embedded in {index.k} dimensions")
    for query in QUERIES:
        print(f"\nquery: {query}")
        for i, score in index.search(query):
            name, text = found[i]
            print(f"  {score:.2f}  [{name}] {text[:110]}…")


if __name__ == "__main__":
    main()
