"""Fixtures for the topics tests; helpers live in topics_support.py (a unique module name, so tests can import it)."""

from topics_support import *  # noqa: F401,F403  (registers the fixtures)
