"""The `lecturekit` command: a click group whose commands are thin layers over the library."""

from __future__ import annotations

import click

from lecturekit import __version__
from lecturekit.commands import examples, ingest, quiz, site, topics
from lecturekit.commands.common import Settings
from lecturekit.course import outside_allowed


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lecturekit")
@click.option("-v", "--verbose", is_flag=True, help="Show tracebacks and more detail.")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
@click.option("--strict", is_flag=True, help="Treat warnings as failure (exit code 4).")
@click.option("--allow-outside", is_flag=True,
              help="Let course.toml name files outside the course folder (sources shared between courses).")
@click.pass_context
def main(ctx: click.Context, verbose: bool, quiet: bool, strict: bool, allow_outside: bool) -> None:
    """Turn messy lecture material into clean slides, quizzes and a static study site."""
    ctx.obj = Settings(verbose=verbose, strict=strict, quiet=quiet)
    ctx.with_resource(outside_allowed(allow_outside))  # for this invocation only


for module in (ingest, quiz, site, topics, examples):
    for command in module.COMMANDS:
        main.add_command(command)
