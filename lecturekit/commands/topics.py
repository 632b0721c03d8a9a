"""CLI commands for the topics stage."""

COMMANDS: list = []
