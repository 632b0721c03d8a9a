"""The `lecturekit` command: a click group whose commands are thin layers over the library."""

from __future__ import annotations

import click

from lecturekit import __version__
from lecturekit.commands import cache, course, examples, ingest, quiz, site, topics
from lecturekit.commands.common import Settings
from lecturekit.course import outside_allowed


@click.group(context_settings={"help_option_names": ["-h", "--help"], "auto_envvar_prefix": "LECTUREKIT"})
@click.version_option(__version__, prog_name="lecturekit")
@click.option("-v", "--verbose", is_flag=True, help="Show tracebacks and more detail.")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
@click.option("--strict", is_flag=True, help="Treat warnings as failure (exit code 4).")
@click.option(
    "--allow-outside",
    is_flag=True,
    help="Let course.toml name files outside the course folder (sources shared between courses).",
)
@click.pass_context
def main(ctx: click.Context, verbose: bool, quiet: bool, strict: bool, allow_outside: bool) -> None:
    """Turn messy lecture material into clean slides, quizzes and a static study site.

    COURSE defaults to the current folder; a course's site goes to COURSE/_site unless --out says else.
    Every option can also be set as an environment variable: LECTUREKIT_<OPTION> for the options above
    (LECTUREKIT_STRICT=1), LECTUREKIT_<COMMAND>_<OPTION> for a command's (LECTUREKIT_BUILD_JOBS=2).
    """
    ctx.obj = Settings(verbose=verbose, strict=strict, quiet=quiet)
    ctx.with_resource(outside_allowed(allow_outside))  # for this invocation only


for module in (course, ingest, quiz, site, topics, examples, cache):
    for command in module.COMMANDS:
        main.add_command(command)
