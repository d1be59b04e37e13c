"""Process start-up: the lab's only side effects, in one explicit function.

:func:`start` is called first thing by :func:`lab.shell.page_shell`, which the
entry point and every page call before anything else; importing a ``lab``
module changes nothing.
"""

from __future__ import annotations

import functools
import gc
import importlib
import pkgutil

from threadpoolctl import threadpool_limits

import estimation


@functools.cache
def start() -> None:
    """Set up the process once: one BLAS thread, every core module loaded, the start-up heap frozen.

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
    """
    for module in pkgutil.walk_packages(estimation.__path__, f"{estimation.__name__}."):
        importlib.import_module(module.name)
    # after the imports, so that every BLAS they load (numpy's and scipy's own) is limited
    threadpool_limits(limits=1, user_api="blas")
    gc.freeze()

