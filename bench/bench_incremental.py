"""Incremental build benchmark: a 40 × 50-slide course on disk built cold end to end (ingest → site), then
rebuilt with warm caches after adding one lecture; per-stage times show where the time goes.

Each build runs in a fresh process (as `lecturekit build` does), so imports and start-up count too. The
same pair is measured again without running the examples (the pipeline alone), and once in one process
(as `lecturekit serve --watch` rebuilds).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pydantic import BaseModel, Field

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from synthetic_sources import write_course, write_lecture  # noqa: E402

from lecturekit.topics import RUN_EXAMPLES_ENV  # noqa: E402

LECTURES = 40
SLIDES = 50
WAITING = "waiting for examples"
STAGES = ("ingest", "clean", "quiz", "topics", WAITING, "site")
BACKGROUND = (
    "examples"  # runs alongside ingest, clean and quiz (pipeline.load_course): not added to the total
)
REPEATS = 2  # the machine is shared: the better of two runs of each measurement


class BuildTimes(BaseModel):
    """Wall seconds of one build: the whole process, and each stage inside it."""

    process: float = 0.0
    stages: dict[str, float] = Field(default_factory=dict)
    lectures: int = 0
    slides: int = 0
    pages: int = 0
    rendered: int = 0
    files: int = 0
    linked: int = 0  # files equal to the previous site's, hard-linked instead of written


@contextlib.contextmanager
def stage_timer(times: dict[str, float]):
    """Wrap the pipeline's stage functions so each adds its wall time to TIMES (restored on exit)."""
    import lecturekit.pipeline as pipeline
    import lecturekit.topics as topics

    targets = [
        (pipeline, "ingest", "ingest"),
        (pipeline, "clean", "clean"),
        (pipeline, "extract_questions", "quiz"),
        (pipeline if hasattr(pipeline, "tag_course") else topics, "tag_course", "topics"),
        (pipeline, "prepare_examples", "examples"),
    ]
    targets = [target for target in targets if hasattr(target[0], target[1])]  # older pipelines: fewer stages
    saved = [(module, name, getattr(module, name)) for module, name, _ in targets]

    def timed(function, stage):
        def wrapper(*args, **kwargs):
            if stage == "topics" and callable(args[-1]):  # tag_course's last argument waits for the examples
                args = (*args[:-1], timed(args[-1], WAITING))
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                times[stage] = times.get(stage, 0.0) + time.perf_counter() - start

        return wrapper

    for module, name, stage in targets:
        setattr(module, name, timed(getattr(module, name), stage))
    try:
        yield
    finally:
        for module, name, function in saved:
            setattr(module, name, function)


def one_build(course: Path, out: Path) -> BuildTimes:
    """load_course + build_site, exactly as `lecturekit build COURSE --out OUT` runs them, timed by stage."""
    from lecturekit.errors import Diagnostics
    from lecturekit.ingest import IngestOptions
    from lecturekit.pipeline import load_course
    from lecturekit.site import build_site

    times: dict[str, float] = {}
    diag = Diagnostics()
    with stage_timer(times):
        loaded = load_course([course], IngestOptions(), diag)
    start = time.perf_counter()
    report = build_site(loaded, out, diag)
    times["site"] = time.perf_counter() - start
    times["topics"] -= times.get(WAITING, 0.0)  # tagging alone; the wait is shown on its own
    slides = sum(len(lec.slides) for lec in loaded.lectures)
    return BuildTimes(
        stages=times,
        lectures=len(loaded.lectures),
        slides=slides,
        pages=report.pages,
        rendered=report.rendered,
        files=report.files,
        linked=report.linked,
    )


def build_in_process(course: Path, out: Path, cache: Path, examples: bool = True) -> BuildTimes:
    """Run one_build in a fresh Python with LECTUREKIT_CACHE=CACHE; the process's own wall time included.

    EXAMPLES False sets LECTUREKIT_RUN_EXAMPLES=0: the pipeline alone, without the example runs.
    """
    env = {**os.environ, "LECTUREKIT_CACHE": str(cache), **({} if examples else {RUN_EXAMPLES_ENV: "0"})}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--one-build", str(course), str(out)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    times = BuildTimes.model_validate_json(done.stdout.strip().splitlines()[-1])
    times.process = time.perf_counter() - start
    return times


def watch_builds(course: Path, out: Path) -> tuple[BuildTimes, BuildTimes]:
    """A cold build then, in the same process, the rebuild after adding a lecture (as `serve --watch` does)."""
    full = one_build(course, out)
    write_lecture(course, LECTURES + 1, SLIDES)
    start = time.perf_counter()
    rebuild = one_build(course, out)
    rebuild.process = time.perf_counter() - start
    full.process = sum(full.stages.get(stage, 0.0) for stage in STAGES)
    return full, rebuild


def watch_in_process(work: Path) -> tuple[BuildTimes, BuildTimes]:
    """watch_builds in a fresh Python with an empty cache, on a fresh course."""
    course, cache, out = work / "course", work / "cache", work / "site"
    write_course(course, LECTURES, SLIDES)
    env = {**os.environ, "LECTUREKIT_CACHE": str(cache)}
    done = subprocess.run(
        [sys.executable, __file__, "--watch-builds", str(course), str(out)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    full, rebuild = done.stdout.strip().splitlines()[-2:]
    return BuildTimes.model_validate_json(full), BuildTimes.model_validate_json(rebuild)


def stage_list(times: BuildTimes) -> str:
    return ", ".join(f"{stage} {times.stages.get(stage, 0.0):.2f}" for stage in [*STAGES, BACKGROUND])


def breakdown(times: BuildTimes) -> str:
    parts = [f"{stage} {times.stages.get(stage, 0.0):.2f}" for stage in STAGES]
    other = times.process - sum(times.stages.get(stage, 0.0) for stage in STAGES)
    background = f"{BACKGROUND} {times.stages.get(BACKGROUND, 0.0):.2f} in the background"
    return ", ".join(parts + [f"start-up/imports {other:.2f}", background])


def measure(work: Path, examples: bool = True) -> tuple[BuildTimes, BuildTimes]:
    """(cold full build, warm rebuild after adding one lecture) of the synthetic course, in a fresh WORK."""
    course, cache, out = work / "course", work / "cache", work / "site"
    write_course(course, LECTURES, SLIDES)
    full = build_in_process(course, out, cache, examples)
    write_lecture(course, LECTURES + 1, SLIDES)
    rebuild = build_in_process(course, out, cache, examples)
    return full, rebuild


def best_of(runs: list[tuple[BuildTimes, BuildTimes]]) -> tuple[BuildTimes, BuildTimes]:
    return min((r[0] for r in runs), key=lambda t: t.process), min(
        (r[1] for r in runs), key=lambda t: t.process
    )


def main() -> None:
    runs = []
    for run in range(REPEATS):
        with tempfile.TemporaryDirectory(prefix=f"bench-incremental-{run}-") as tmp:
            runs.append(measure(Path(tmp)))
    full, rebuild = best_of(runs)
    print(
        f"course on disk: {LECTURES} lectures x {SLIDES} slides (text dumps with builds, every 13th a PDF) "
        f"-> {full.lectures} lectures, {full.slides} slides, {full.pages} pages"
    )
    print(f"full cold build: {full.process:.2f} s ({breakdown(full)})")
    print(
        f"rebuild after adding one lecture: {rebuild.process:.2f} s ({breakdown(rebuild)}); "
        f"{rebuild.rendered} of {rebuild.pages} pages rendered, {rebuild.linked} of {rebuild.files} files linked from the previous site"
    )
    print(f"rebuild / full = {rebuild.process / full.process:.3f}")
    with tempfile.TemporaryDirectory(prefix="bench-incremental-no-examples-") as tmp:
        bare_full, bare_rebuild = measure(Path(tmp), examples=False)
    print(
        f"without running the examples ({RUN_EXAMPLES_ENV}=0): full {bare_full.process:.2f} s, rebuild "
        f"{bare_rebuild.process:.2f} s = {bare_rebuild.process / bare_full.process:.3f} of it"
    )
    with tempfile.TemporaryDirectory(prefix="bench-incremental-watch-") as tmp:
        watch_full, watch_rebuild = watch_in_process(Path(tmp))
    print(
        f"in one process (lecturekit serve --watch): full {watch_full.process:.2f} s, rebuild after adding a lecture "
        f"{watch_rebuild.process:.2f} s = {watch_rebuild.process / watch_full.process:.3f} of it (imports, spaCy and "
        f"KaTeX already loaded; rebuild: {stage_list(watch_rebuild)})"
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one-build"]:
        print(one_build(Path(sys.argv[2]), Path(sys.argv[3])).model_dump_json())
    elif sys.argv[1:2] == ["--watch-builds"]:
        print("\n".join(t.model_dump_json() for t in watch_builds(Path(sys.argv[2]), Path(sys.argv[3]))))
    else:
        main()
