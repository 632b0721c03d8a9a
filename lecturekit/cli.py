"""The `lecturekit` command: a click group whose commands are thin layers over the library."""

from __future__ import annotations

import click

from lecturekit import __version__
from lecturekit.commands import ingest, quiz, site, topics
from lecturekit.commands.common import Settings


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lecturekit")
@click.option("-v", "--verbose", is_flag=True, help="Show tracebacks and more detail.")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
@click.option("--strict", is_flag=True, help="Treat warnings as failure (exit code 4).")
@click.pass_context
def main(ctx: click.Context, verbose: bool, quiet: bool, strict: bool) -> None:
    """Turn messy lecture material into clean slides, quizzes and a static study site."""
    ctx.obj = Settings(verbose=verbose, strict=strict, quiet=quiet)


for module in (ingest, quiz, site, topics):
    for command in module.COMMANDS:
        main.add_command(command)
