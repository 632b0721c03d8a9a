"""Suite-wide fixtures: every test gets its own lecturekit cache, so no test sees another's results."""

import pytest

# Example runs are deterministic and keyed by their code: sharing them across tests changes no
# outcome and saves re-running every example in each test that loads the seed course.
SHARED_NAMESPACES = ("examples",)


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Point LECTUREKIT_CACHE (inherited by CLI subprocesses too) at a fresh folder for this test."""
    cache = tmp_path_factory.mktemp("lecturekit-cache")
    shared = tmp_path_factory.getbasetemp() / "shared-cache"
    for namespace in SHARED_NAMESPACES:
        (shared / namespace).mkdir(parents=True, exist_ok=True)
        (cache / namespace).symlink_to(shared / namespace, target_is_directory=True)
    monkeypatch.setenv("LECTUREKIT_CACHE", str(cache))
    return cache
