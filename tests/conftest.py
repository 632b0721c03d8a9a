"""Suite-wide fixtures: every test gets its own lecturekit cache, so no test sees another's results."""

import pytest


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Point LECTUREKIT_CACHE (inherited by CLI subprocesses too) at a fresh folder for this test."""
    cache = tmp_path_factory.mktemp("lecturekit-cache")
    monkeypatch.setenv("LECTUREKIT_CACHE", str(cache))
    return cache
