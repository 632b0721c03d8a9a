"""CLI commands for the quiz stage."""

COMMANDS: list = []
