"""Benchmark of the Bayesian-updating and activation-function cores.

Prints one markdown table with the median and 95th-percentile wall time of:

* the exact coverage curve (``coverage_exact``: 199 true p, the three
  interval recipes) at N = 10, 100, 1000;
* its Monte Carlo check (``coverage_monte_carlo``, 2000 replications per p)
  at the same N;
* one highest-density interval (``hdi``), for a skewed and a U-shaped posterior;
* the vanishing-gradient profile (``gradient_profile``) at its maximum size
  (100 layers, width 512, batch 64) for sigmoid and ReLU, with the peak
  traced memory (tracemalloc sees numpy's buffers).

Run with ``python bench/bench_bayes.py``. Times depend on the machine's load
and on BLAS threads (``OPENBLAS_NUM_THREADS=1`` is steadier on a busy box).
"""

from __future__ import annotations

import tracemalloc

import numpy as np
from _util import median, p95, table, timeit  # also puts the repo root on sys.path

from estimation import bayes, coverage, depth

P_GRID = np.linspace(0.005, 0.995, 199)


def peak_mb(fn) -> float:
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    cases = []
    for n in (10, 100, 1000):
        cases.append((f"coverage_exact, 199 p × 3 methods, N = {n}",
                      lambda n=n: coverage.coverage_exact(P_GRID, n), 10))
    for n in (10, 100, 1000):
        cases.append((f"coverage_monte_carlo, 199 p × 2000 reps, N = {n}",
                      lambda n=n: coverage.coverage_monte_carlo(P_GRID, n, n_rep=2000, seed=0), 5))
    cases.append(("hdi(1.5, 200)", lambda: bayes.hdi(1.5, 200.0), 50))
    cases.append(("hdi(0.3, 0.9) (U-shaped)", lambda: bayes.hdi(0.3, 0.9), 50))
    for name, scale in (("sigmoid", 1.0), ("relu", np.sqrt(2.0))):
        cases.append((
            f"gradient_profile({name}), L = 100, width = 512, batch = 64",
            lambda name=name, scale=scale: depth.gradient_profile(
                name, depth.MAX_LAYERS, depth.MAX_WIDTH,
                init_scale=scale, batch_size=depth.MAX_BATCH, seed=0,
            ),
            3,
        ))

    rows = []
    for label, fn, repeat in cases:
        ms = timeit(fn, repeat=repeat)
        rows.append([label, f"{median(ms):.1f}", f"{p95(ms):.1f}", repeat])
    print(table(["computation", "median ms", "p95 ms", "runs"], rows))

    mem = peak_mb(lambda: depth.gradient_profile(
        "relu", depth.MAX_LAYERS, depth.MAX_WIDTH,
        init_scale=np.sqrt(2.0), batch_size=depth.MAX_BATCH, seed=0,
    ))
    mem_cov = peak_mb(lambda: coverage.coverage_exact(P_GRID, 1000))
    print()
    print(table(["computation", "peak traced MB"], [
        ["gradient_profile at maximum size", f"{mem:.0f}"],
        ["coverage_exact, 199 p, N = 1000", f"{mem_cov:.0f}"],
    ]))


if __name__ == "__main__":
    main()
