"""Peak memory and time of text ingest on a large dump, as a ratio against plain reading + splitlines.

Each measurement runs in a fresh Python process, so the peak RSS (ru_maxrss) is that reader's alone.
`python bench/bench_memory.py [MB]` (default 50 MB; issue #17 asks ≤ 20× the input plus a fixed base,
under 1 GB and under a minute for 50 MB).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

DEFAULT_MB = 50
WORDS = [
    "gradient",
    "descent",
    "moves",
    "against",
    "the",
    "gradient",
    "of",
    "the",
    "loss",
    "with",
    "a",
    "learning",
    "rate",
    "that",
    "sets",
    "the",
    "step",
    "momentum",
    "averages",
    "past",
    "gradients",
    "and",
    "damps",
    "the",
    "zig",
    "zag",
    "of",
    "plain",
    "stochastic",
    "updates",
]

PEER = """
import resource, sys, time
start = time.process_time()
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
print(len(lines), time.process_time() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
BASE = """
import resource, sys, time
import lecturekit.ingest.dispatch, lecturekit.ingest.text  # the code, without any input
print(0, 0.0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
LECTUREKIT = """
import resource, sys, time
from pathlib import Path
from lecturekit.errors import Diagnostics
from lecturekit.ingest.dispatch import read_source
from lecturekit.ingest.options import IngestOptions
start = time.process_time()
source = read_source(Path(sys.argv[1]), IngestOptions(cache=False), Diagnostics())
pages = len(source.pages)
print(pages, time.process_time() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def write_dump(path: Path, megabytes: float) -> int:
    """A slide-text dump of about MEGABYTES: a page start (one space, a title), then bullet lines."""
    target = int(megabytes * 1024 * 1024)
    size = page = 0
    with path.open("w", encoding="utf-8") as out:
        while size < target:
            page += 1
            lines = [
                f" Slide {page}: {WORDS[page % len(WORDS)].title()} and {WORDS[(page * 7) % len(WORDS)]}"
            ]
            for bullet in range(6):
                start = (page * 3 + bullet * 5) % len(WORDS)
                lines.append("- " + " ".join(WORDS[start : start + 9]))
            block = "\n".join(lines) + "\n\n"
            out.write(block)
            size += len(block.encode())
    return size


def measure(script: str, path: Path) -> tuple[int, float, int]:
    """(pages or lines, seconds, peak RSS in bytes) of SCRIPT run on PATH in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True
    )
    count, seconds, rss_kb = done.stdout.split()
    return int(count), float(seconds), int(rss_kb) * 1024


def main(megabytes: float = DEFAULT_MB) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "dump.txt"
        size = write_dump(path, megabytes)
        _, _, base = measure(BASE, path)
        lines, peer_s, peer_rss = measure(PEER, path)
        pages, ours_s, ours_rss = measure(LECTUREKIT, path)
    figures = {
        "input_mb": round(size / 2**20, 1),
        "pages": pages,
        "lines": lines,
        "lecturekit_peak_rss_mb": round(ours_rss / 2**20),
        "lecturekit_seconds": round(ours_s, 1),
        "peer_peak_rss_mb": round(peer_rss / 2**20),
        "peer_seconds": round(peer_s, 2),
        "base_rss_mb": round(base / 2**20),
        "lecturekit_over_input": round((ours_rss - base) / size, 1),
        "peer_over_input": round(peer_rss / size, 1),
        "memory_ratio_vs_peer": round(ours_rss / peer_rss, 1),
        "time_ratio_vs_peer": round(ours_s / max(peer_s, 1e-6), 1),
    }
    print(json.dumps(figures, indent=2))
    return figures


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_MB)
