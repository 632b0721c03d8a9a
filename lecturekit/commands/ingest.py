"""CLI commands for the ingest stage."""

COMMANDS: list = []
