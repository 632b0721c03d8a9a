"""CLI commands for the site stage: build, serve, add (the site goes to COURSE/_site unless --out says else)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from lecturekit.commands.common import (
    course_argument,
    guarded,
    is_strict,
    out_option,
    progress_wanted,
    reading_options,
    report,
    settings,
    strict_option,
)
from lecturekit.errors import Diagnostics, UsageError
from lecturekit.site.options import BuildReport, SiteOptions

if TYPE_CHECKING:  # the use cases load every stage: only once a command runs
    from lecturekit.workflows import AddReport, CourseSummary


def _say_built(built: BuildReport) -> None:
    click.echo(
        f"wrote {built.pages} pages ({built.rendered} rendered, {built.reused} reused) to {built.out}; "
        f"open {Path(built.out) / 'index.html'}",
        err=True,
    )


@click.command("build")
@course_argument()
@out_option
@reading_options
@strict_option
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
@click.option("--no-cache", is_flag=True, help="Render every page again.")
@click.option("--no-images", is_flag=True, help="Leave out the slides' page pictures.")
@guarded
def build(
    course: Path | None,
    demo: bool,
    out: Path | None,
    force: bool,
    ocr: str | None,
    jobs: int | None,
    lang: str | None,
    strict: bool,
    as_json: bool,
    no_cache: bool,
    no_images: bool,
) -> int:
    """Build the static study site of COURSE (default: the current folder) into COURSE/_site, or --out.

    `--demo --out DIR` builds the bundled demo course instead.
    """
    from lecturekit.workflows import build_course_summary, course_folder, reading_options, site_folder

    folder = course_folder(course, demo)
    if demo and out is None:
        raise UsageError("--demo: say where its site goes with --out DIR (e.g. --out demo-site)")
    diag = Diagnostics()
    options = SiteOptions(cache=not no_cache, images=not no_images)
    reading = reading_options(folder, ocr, jobs, lang, progress_wanted(as_json))
    summary = build_course_summary(folder, site_folder(folder, out), diag, options, reading, force)
    _say(summary, as_json)
    return report(diag, strict=is_strict(strict))


def _say(summary: CourseSummary, as_json: bool, added: AddReport | None = None) -> None:
    """The summary on stdout: JSON with --json, else a few lines (none with --quiet)."""
    from lecturekit.workflows import format_summary

    if as_json:
        data = summary.model_dump(mode="json")
        click.echo(json.dumps({**data, "added": added.model_dump(mode="json")} if added else data, indent=2))
    elif not settings().quiet:
        click.echo(format_summary(summary))


@click.command("serve")
@course_argument(demo=False)
@click.option("--out", type=click.Path(path_type=Path), help="Site folder (default: COURSE/_site).")
@click.option("--port", type=int, default=8000, show_default=True)
@click.option(
    "--watch",
    is_flag=True,
    help="Rebuild when a source, answers.toml, course.toml or topics.toml changes; reload the open page.",
)
@guarded
def serve(course: Path | None, out: Path | None, port: int, watch: bool) -> int:
    """Serve the site of COURSE (default: the current folder) on 127.0.0.1 for preview.

    COURSE may also be a site folder lecturekit built (served as it is).
    """
    from lecturekit.site import MARKER
    from lecturekit.site.serve import serve as serve_site
    from lecturekit.workflows import build_course, course_folder, site_folder

    if course is not None and out is None and not watch and (course / MARKER).is_file():
        folder, site = None, course  # a built site given by name: `lecturekit serve _site`
    else:
        folder = course_folder(course)
        site = site_folder(folder, out)

    def rebuild() -> None:
        assert folder is not None
        diag = Diagnostics()
        _say_built(build_course(folder, site, diag))
        report(diag)

    if watch and folder is not None:
        if not site.is_dir():
            rebuild()
        serve_site(site, port, folder, rebuild, announce=lambda line: click.echo(line, err=True))
        return 0
    if not site.is_dir():
        raise UsageError(
            "no site here; run `lecturekit build` first, or `lecturekit serve --watch`", file=site
        )
    serve_site(site, port, announce=lambda line: click.echo(line, err=True))
    return 0


@click.command("add")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--course",
    "course_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="The course folder the files are copied into (default: the current folder, when it is a course).",
)
@click.option("--lecture", "lecture_id", help="Put the files into this lecture (course.toml).")
@out_option
@reading_options
@strict_option
@click.option("--json", "as_json", is_flag=True, help="Print what was added and the course summary as JSON.")
@click.option("--no-images", is_flag=True, help="Leave out the slides' page pictures.")
@guarded
def add(
    files: tuple[Path, ...],
    course_dir: Path | None,
    lecture_id: str | None,
    out: Path | None,
    force: bool,
    ocr: str | None,
    jobs: int | None,
    lang: str | None,
    strict: bool,
    as_json: bool,
    no_images: bool,
) -> int:
    """Copy lecture sources into a course, report what was found, scaffold answer keys, rebuild COURSE/_site."""
    from lecturekit.workflows import add_sources, course_folder, reading_options, site_folder

    if course_dir is None:
        course_dir = course_folder(None)  # a new course is named: `--course DIR` or `lecturekit init DIR`
    diag = Diagnostics()
    reading = reading_options(course_dir, ocr, jobs, lang, progress_wanted(as_json))
    found, summary = add_sources(
        list(files),
        course_dir,
        lecture_id,
        site_folder(course_dir, out),
        diag,
        SiteOptions(images=not no_images),
        reading,
        force,
    )
    if not as_json:
        click.echo(
            f"added {', '.join(found.copied)} → lectures {', '.join(found.lectures) or '(none)'}: {found.slides} slides, "
            f"{found.builds_collapsed} build pages collapsed, {found.questions} questions ({found.unkeyed} unkeyed), "
            f"{found.ocr_pages} OCR'd pages; answer keys scaffolded: {found.keys_scaffolded}"
        )
    _say(summary, as_json, found)
    return report(diag, strict=is_strict(strict))


COMMANDS = [build, serve, add]
