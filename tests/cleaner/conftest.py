"""Fixtures for the cleaner tests; helpers live in cleaner_support.py (a unique module name, so tests can import it)."""

from cleaner_support import *  # noqa: F401,F403  (registers the fixtures)
