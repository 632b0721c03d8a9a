"""Run every bench/bench_*.py module's main() in one process, in name order, and print their figures."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent


def bench_modules() -> list[Path]:
    """The benchmark scripts next to this runner, sorted so the output order is stable."""
    return sorted(BENCH_DIR.glob("bench_*.py"))


def run_module(path: Path) -> None:
    """Import one benchmark script by path and call its main()."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    print(f"== {path.stem}", flush=True)
    module.main()


def main(selected: list[str] | None = None) -> None:
    """Run all benchmarks, or only those whose stem contains one of SELECTED."""
    for path in bench_modules():
        if selected and not any(name in path.stem for name in selected):
            continue
        run_module(path)


if __name__ == "__main__":
    main(sys.argv[1:])
