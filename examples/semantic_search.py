"""Semantic search over this course's own cleaned slides with embeddings from TF-IDF + SVD in numpy.

lecturekit reads and cleans the course first (builds merged, OCR glyphs, footers and duplicate pages
removed), so each slide is searched once, as the site shows it. Every teaching slide (content and
notes; admin slides and exercises left out) becomes a TF-IDF vector; a truncated SVD maps slides and
queries into a small dense embedding space (latent semantic analysis) where words used on similar
slides end up close; slides are ranked by cosine similarity to the query. The top singular vectors
come from a randomized range finder (Halko et al. 2011), not a full SVD of the slides x words matrix.
The course folder is $LECTUREKIT_COURSE when set, else the demo course (seeds/) that comes with lecturekit;
run it where lecturekit is installed (`pip install lecturekit`), since lecturekit does the reading.

Topics: embeddings
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import numpy as np

from lecturekit.errors import Diagnostics
from lecturekit.ingest import IngestOptions
from lecturekit.models import Slide, SlideKind
from lecturekit.pipeline import bundled_seeds, clean, ingest

TEACHING = (SlideKind.CONTENT, SlideKind.NOTES)
MIN_WORDS = 8  # fewer words is a title over a picture: too little text to place it in the embedding space
STOPWORDS = set("""a an and are as at be by can do does for from has have how if in is it its of on or
so than that the their them then there these this to was we what when which while who why will with
you your our not all any into more most also just one""".split())
QUERIES = ["how are the gradients of the weights computed",
           "how to handle over-fitting", "choosing hyper-parameters: grid or random search"]


def course_folder() -> Path:
    """$LECTUREKIT_COURSE, else the demo course installed with lecturekit (a download or notebook has no seeds/)."""
    if os.environ.get("LECTUREKIT_COURSE"):
        return Path(os.environ["LECTUREKIT_COURSE"])
    return bundled_seeds()


def teaching_slides(folder: Path) -> tuple[list[Slide], int]:
    """The cleaned teaching slides of MIN_WORDS words or more, each text once, and how many were shorter."""
    diag = Diagnostics()  # the course's own warnings are `lecturekit check`'s business, not this example's
    config, sources = ingest([folder], IngestOptions(), diag)
    found, short, seen = list[Slide](), list[Slide](), set[str]()
    for slide in (slide for lecture in clean(sources, config, diag) for slide in lecture.slides):
        key = " ".join(slide.text.lower().split())  # an unchanged slide in two editions is one result
        if slide.kind in TEACHING and key not in seen:
            seen.add(key)
            (found if len(tokens(slide.text)) >= MIN_WORDS else short).append(slide)
    return found, len(short)


def tokens(text: str) -> list[str]:
    """Lower-case words without stop words; a trailing plural s is cut so 'rates' meets 'rate'."""
    words = re.findall(r"[a-z]+", text.lower().replace("-", ""))
    return [w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words if w not in STOPWORDS and len(w) > 1]


class Index:
    """TF-IDF vectors of the documents, reduced to K dimensions by a truncated SVD."""

    def __init__(self, docs: list[str], k: int = 40) -> None:
        self.vocab = {w: i for i, w in enumerate(sorted({w for d in docs for w in tokens(d)}))}
        counts = np.array([self._counts(d) for d in docs])
        self.idf = np.log((1 + len(docs)) / (1 + (counts > 0).sum(0))) + 1
        tfidf = self._normalize(counts * self.idf)
        self.k = min(k, *tfidf.shape)
        self.projection = truncated_svd(tfidf, self.k)[1].T  # word space → embedding space
        self.embeddings = self._normalize(tfidf @ self.projection)

    def _counts(self, text: str) -> np.ndarray:
        row = np.zeros(len(self.vocab))
        np.add.at(row, [self.vocab[word] for word in tokens(text) if word in self.vocab], 1)
        return np.log1p(row)

    @staticmethod
    def _normalize(m: np.ndarray) -> np.ndarray:
        return m / np.maximum(np.linalg.norm(m, axis=-1, keepdims=True), 1e-12)

    def search(self, query: str, top: int = 3) -> list[tuple[int, float]]:
        """(document index, cosine similarity) of the TOP documents closest to QUERY."""
        embedded = self._normalize(self._normalize(self._counts(query) * self.idf) @ self.projection)
        scores = self.embeddings @ embedded
        order = np.argsort(-scores, kind="stable")[:top]
        return [(int(i), float(scores[i])) for i in order]


def truncated_svd(m: np.ndarray, k: int, oversample: int = 10, power: int = 4) -> tuple[np.ndarray, np.ndarray]:
    """The top K singular values of M and their right singular vectors (rows), by a randomized range finder."""
    sketch = m @ np.random.default_rng(0).standard_normal((m.shape[1], min(k + oversample, *m.shape)))
    for _ in range(power):  # power iterations sharpen the gap between the top K and the rest
        sketch = m @ (m.T @ np.linalg.qr(sketch)[0])
    basis = np.linalg.qr(sketch)[0]  # orthonormal columns spanning (nearly) M's top-K column space
    _, values, vt = np.linalg.svd(basis.T @ m, full_matrices=False)  # a small matrix: (K + oversample) x words
    return values[:k], vt[:k]


def main() -> None:
    folder = course_folder()
    slides, short = teaching_slides(folder)
    if len(slides) < 2:
        print(f"{folder}: too few slides to search (it needs lecture sources lecturekit can read)")
        return
    index = Index([slide.text for slide in slides])
    print(f"{len(slides)} cleaned slides from {folder.name}/ ({short} with under {MIN_WORDS} words left out), "
          f"embedded in {index.k} dimensions")
    for query in QUERIES:
        print(f"\nquery: {query}")
        for i, score in index.search(query):
            body = " ".join(slides[i].text.split("\n", 1)[-1].split())
            first = slides[i].pages[0]  # where the slide starts; the site lists all its pages
            print(f"  {score:.2f}  {slides[i].id}  [{first.source} p. {first.page}]\n        {body[:100]}…")


if __name__ == "__main__":
    main()
