"""datasketch loaded without scipy.integrate, with the LSH band layout datasketch itself would choose."""

from __future__ import annotations

import subprocess
import sys

from lecturekit.cleaner import sketch


def test_the_fixed_band_layout_is_the_one_datasketch_optimises_to():
    from datasketch.lsh import _optimal_param

    assert _optimal_param(sketch.LSH_THRESHOLD, sketch.NUM_PERM, 0.5, 0.5) == sketch.LSH_PARAMS
    index = sketch.lsh_index()
    assert (index.b, index.r) == sketch.LSH_PARAMS


def test_loading_datasketch_leaves_scipy_integrate_unloaded_and_importable():
    probe = (
        "import sys\n"
        "from lecturekit.cleaner import sketch\n"
        "a, b = sketch.minhash(), sketch.minhash()\n"
        "a.update(b'x'); b.update(b'x'); index = sketch.lsh_index(); index.insert('a', a)\n"
        "assert index.query(b) == ['a']\n"
        "assert 'scipy.integrate' not in sys.modules, 'scipy.integrate was loaded'\n"
        "import scipy.integrate\n"
        "assert hasattr(scipy.integrate, 'solve_ivp'), 'a later import must get the real module'\n"
        "import datasketch.lsh\n"
        "assert abs(datasketch.lsh.integrate(lambda x: x, 0.0, 1.0)[0] - 0.5) < 1e-12\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_a_restored_minhash_equals_the_one_it_was_saved_from():
    original = sketch.minhash()
    original.update_batch([b"gradient descent step", b"descent step size", b"step size schedule"])
    restored = sketch.minhash([int(value) for value in original.hashvalues])
    assert restored == original and restored.jaccard(original) == 1.0
