"""Fixtures for the quiz tests; helpers live in quiz_support.py (a unique module name, so tests can import it)."""

from quiz_support import *  # noqa: F401,F403  (registers the fixtures)
