"""CLI commands for the cache of expensive results (OCR, sources, rendered pages): cache info, cache clear."""

from __future__ import annotations

import click

from lecturekit.commands.common import guarded


def _size(count: int) -> str:
    return f"{count / (1024 * 1024):.1f} MB"


@click.group("cache")
def cache_group() -> None:
    """The cache in the platform's cache folder ($LECTUREKIT_CACHE to move it, $LECTUREKIT_CACHE_MAX_MB to cap it)."""


@cache_group.command("info")
@click.option("--json", "as_json", is_flag=True, help="Print where the cache is and its size as JSON.")
@guarded
def info_command(as_json: bool) -> int:
    """Where the cache is, its size per kind of result, and its size cap."""
    from lecturekit.cache import cache_info

    info = cache_info()
    if as_json:
        click.echo(info.model_dump_json(indent=2))
        return 0
    click.echo(
        f"{info.path}: {_size(info.bytes)} of {_size(info.cap_bytes)} (the oldest entries go past the cap)"
    )
    for space in info.namespaces:
        click.echo(f"  {space.name:<12} {space.entries:>7} entries  {_size(space.bytes)}")
    return 0


@cache_group.command("clear")
@guarded
def clear_command() -> int:
    """Delete every cached result; the next build reads and renders everything again."""
    from lecturekit.cache import clear_cache, default_cache_dir

    click.echo(f"freed {_size(clear_cache())} in {default_cache_dir()}")
    return 0


COMMANDS: list[click.Command] = [cache_group]
