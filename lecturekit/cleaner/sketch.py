"""datasketch's MinHash and MinHashLSH, loaded without scipy.integrate, with the LSH bands fixed."""

from __future__ import annotations

import importlib
import sys
import threading
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
LSH_THRESHOLD = 0.15
# The bands x rows datasketch's own optimiser picks for LSH_THRESHOLD and NUM_PERM with equal weights
# (a test keeps the two in step). Given explicitly, the layout never depends on a numerical integration.
LSH_PARAMS = (32, 2)
SCHEME = "affine32"  # named, not defaulted: hash values restored from a cache must say how they were made
SEED = 1

_LOCK = threading.Lock()


def minhash(hashvalues: list[int] | None = None) -> MinHash:
    """An empty MinHash of NUM_PERM permutations, or one restored from its hash values."""
    datasketch = _datasketch()
    if hashvalues is None:
        return datasketch.MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    return datasketch.MinHash(seed=SEED, hashvalues=hashvalues, scheme=SCHEME)


def lsh_index() -> MinHashLSH:
    """An empty MinHashLSH for NUM_PERM-permutation MinHashes, banded as LSH_PARAMS."""
    return _datasketch().MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM, params=LSH_PARAMS)


def _datasketch() -> types.ModuleType:
    """Import datasketch; while it loads, scipy.integrate is a stand-in whose quad imports the real one.

    datasketch's lsh module imports scipy.integrate.quad at import time, only to choose a band layout
    when none is given (we always give one). Loading scipy.integrate takes about half a second, which is
    most of what grouping costs in a rebuild after adding one lecture. The stand-in is taken out of
    sys.modules right after, so any later `import scipy.integrate` gets the real module.
    """
    with _LOCK:
        if "datasketch" in sys.modules or "scipy.integrate" in sys.modules:
            return importlib.import_module("datasketch")
        stand_in = types.ModuleType("scipy.integrate", "lecturekit's stand-in while datasketch loads")
        stand_in.quad = _quad
        sys.modules["scipy.integrate"] = stand_in
        try:
            return importlib.import_module("datasketch")
        finally:
            if sys.modules.get("scipy.integrate") is stand_in:
                del sys.modules["scipy.integrate"]


def _quad(*args: Any, **kwargs: Any) -> Any:
    from scipy.integrate import quad

    return quad(*args, **kwargs)
