"""Fixtures for the site tests; helpers live in site_support.py (a unique module name, so tests can import it)."""

from site_support import *  # noqa: F401,F403  (registers the fixtures)
