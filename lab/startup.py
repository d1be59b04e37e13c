"""Process start-up: the lab's only side effects, in one explicit function.

:func:`start` is called first thing by :func:`lab.shell.page_shell`, which the
entry point and every page call before anything else; importing a ``lab``
module changes nothing.
"""

from __future__ import annotations

import ctypes
import functools
import gc
import importlib
import pkgutil

from threadpoolctl import threadpool_limits

import estimation


#: glibc's ``mallopt`` parameter number of the mmap threshold (``M_MMAP_THRESHOLD`` in malloc.h).
M_MMAP_THRESHOLD = -3
#: Allocations of at least this many bytes get their own memory map, returned to the system when freed.
MMAP_THRESHOLD = 128 * 1024


def return_large_blocks() -> bool:
    """Fix glibc's mmap threshold at :data:`MMAP_THRESHOLD`; False where the C library has no ``mallopt``.

    glibc serves an allocation of 128 KiB or more with its own memory map
    and unmaps it when freed, but every such free *raises* the threshold to
    the freed size (up to 32 MiB): from then on, arrays of that size come
    from the heap, and a freed array below a live small object stays
    resident. A server that draws samples and trains on arrays of every size
    for a class then grows without bound in resident memory (a 10-minute
    soak at 30 sessions: 512 → 780 MB, still rising; with the threshold
    fixed: 313 → 341 MB, flat; ``bench/load.py --soak 600``). Setting the
    threshold explicitly turns the raising off (``mallopt(3)``).
    """
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:  # not glibc (macOS, musl): their allocators do not raise a threshold
        return False
    return bool(getattr(libc, "mallopt", lambda *_: 0)(M_MMAP_THRESHOLD, MMAP_THRESHOLD))


@functools.cache
def start() -> None:
    """Set up the process once: one BLAS thread, core modules loaded, start-up heap frozen, large frees returned.

    *One BLAS thread*: the lab's matrices are small, where OpenBLAS's thread
    start-up costs more than it saves (an L-BFGS fit: 144 ms → 1 ms), and a
    server shared by a class is better served by one core per session.

    *Frozen heap*: a full collection (Streamlit's ``gc.collect(2)`` after every
    run, ``runner.postScriptGC``, now off in ``.streamlit/config.toml``, or the
    interpreter's own when its thresholds say so) would walk every object of
    numpy, scipy, pandas, altair and Streamlit: ~165,000 objects, ~110 ms on a
    2-core machine, more than most pages' own work. :func:`gc.freeze` moves the
    objects alive at start-up (modules, classes, functions: they live as long
    as the process) to a permanent generation that collections skip; objects
    made by page runs are still collected. The core modules are imported first
    (~1 s, once per process) so that their imports are frozen too instead of
    being walked on every rerun.

    *Large frees returned* to the system: :func:`return_large_blocks`.
    """
    for module in pkgutil.walk_packages(estimation.__path__, f"{estimation.__name__}."):
        importlib.import_module(module.name)
    # after the imports, so that every BLAS they load (numpy's and scipy's own) is limited
    threadpool_limits(limits=1, user_api="blas")
    gc.freeze()
    return_large_blocks()

