"""CLI commands for the site stage: build, serve, add."""

from __future__ import annotations

from pathlib import Path

import click

from lecturekit.commands.common import guarded, report
from lecturekit.errors import Diagnostics, UsageError
from lecturekit.site.options import BuildReport, SiteOptions

DEFAULT_OUT = Path("_site")


def _say_built(built: BuildReport) -> None:
    click.echo(f"wrote {built.pages} pages ({built.rendered} rendered, {built.reused} reused) to {built.out}; "
               f"open {Path(built.out) / 'index.html'}", err=True)


@click.command("build")
@click.argument("course", required=False, type=click.Path(path_type=Path, file_okay=False))
@click.option("--out", type=click.Path(path_type=Path), default=DEFAULT_OUT, show_default=True, help="Site folder.")
@click.option("--no-cache", is_flag=True, help="Render every page again.")
@click.option("--no-images", is_flag=True, help="Leave out the slides' page pictures.")
@guarded
def build(course: Path | None, out: Path, no_cache: bool, no_images: bool) -> int:
    """Build the static study site of COURSE (default: the bundled demo course)."""
    from lecturekit.workflows import build_course

    diag = Diagnostics()
    _say_built(build_course(course, out, diag, SiteOptions(cache=not no_cache, images=not no_images)))
    return report(diag)


@click.command("serve")
@click.argument("site", required=False, type=click.Path(path_type=Path, file_okay=False), default=DEFAULT_OUT)
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--watch", "course", type=click.Path(path_type=Path, file_okay=False), help="Rebuild when this course changes.")
@guarded
def serve(site: Path, port: int, course: Path | None) -> int:
    """Serve a built site on 127.0.0.1 for preview."""
    from lecturekit.site.serve import serve as serve_site
    from lecturekit.workflows import build_course

    if not site.is_dir() and course is None:
        raise UsageError("no site here; run `lecturekit build` first or give --watch COURSE", file=site)
    rebuild = (lambda: _say_built(build_course(course, site, Diagnostics()))) if course else None
    if rebuild and not site.is_dir():
        rebuild()
    serve_site(site, port, course, rebuild, announce=lambda line: click.echo(line, err=True))
    return 0


@click.command("add")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--course", "course_dir", type=click.Path(path_type=Path, file_okay=False), default=Path("."), show_default=True)
@click.option("--lecture", "lecture_id", help="Put the files into this lecture (course.toml).")
@click.option("--out", type=click.Path(path_type=Path), help="Site folder (default: COURSE/_site).")
@click.option("--no-images", is_flag=True, help="Leave out the slides' page pictures.")
@guarded
def add(files: tuple[Path, ...], course_dir: Path, lecture_id: str | None, out: Path | None, no_images: bool) -> int:
    """Copy lecture sources into a course, report what was found, scaffold answer keys, rebuild the site."""
    from lecturekit.workflows import add_sources

    diag = Diagnostics()
    found, built = add_sources(list(files), course_dir, lecture_id, out or course_dir / DEFAULT_OUT, diag,
                               SiteOptions(images=not no_images))
    click.echo(f"added {', '.join(found.copied)} → lectures {', '.join(found.lectures) or '(none)'}: {found.slides} slides, "
               f"{found.builds_collapsed} build pages collapsed, {found.questions} questions ({found.unkeyed} unkeyed), "
               f"{found.ocr_pages} OCR'd pages; answer keys scaffolded: {found.keys_scaffolded}")
    _say_built(built)
    return report(diag)


COMMANDS = [build, serve, add]
