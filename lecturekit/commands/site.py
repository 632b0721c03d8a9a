"""CLI commands for the site stage."""

COMMANDS: list = []
