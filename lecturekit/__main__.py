"""`python -m lecturekit` runs the CLI."""

from lecturekit.cli import main

main()
