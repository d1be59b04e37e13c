"""Benchmark of the estimator Monte Carlo (estimation.estimators.simulate).

Prints two markdown tables:

1. time of ``simulate("gaussian", ...)`` against the time numpy needs just to
   draw the same R·N numbers with the same generator
   (``numpy.random.default_rng(seed).standard_normal(R * N)``), and their
   ratio (target ≤ 1.5), at R·N = 1e6 and 1e7 for several N, plus the
   smallest N (2, 3) where R ≤ 200,000 keeps R·N below 1e6;
2. peak traced memory (tracemalloc, which sees numpy's buffers) of one
   simulation, against the 100 MB budget.

Times are the best of several interleaved repeats, so background load
inflates them less; the CPU-time ratio (``time.process_time``; all the work
is single-threaded) is steadier still on a busy machine.

Run with ``python bench/bench_estimators.py``.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from estimation.estimators import MAX_DRAWS  # noqa: E402
from estimation.monte_carlo import simulate  # noqa: E402

SEED = 12345


def best_times(fns, repeats: int, clock=time.perf_counter) -> list[float]:
    """Smallest ``clock`` time of each function over ``repeats`` interleaved rounds.

    Interleaving exposes every function to the same background load.
    """
    best = [np.inf] * len(fns)
    for _ in range(repeats):
        for i, fn in enumerate(fns):
            t0 = clock()
            fn()
            best[i] = min(best[i], clock() - t0)
    return best


# (N, R) pairs: R·N = 1e6 and 1e7 (the target), then the smallest N, where
# R·N < 1e6 because R <= MAX_REPS and the per-replication output work (five
# estimates and their summaries) outweighs the N draws per replication.
TIMING_CASES = (
    (5, 200_000), (10, 100_000), (100, 10_000), (10_000, 100),
    (50, 200_000), (100, 100_000), (1_000, 10_000), (100_000, 100),
    (2, 200_000), (3, 200_000),
)


def timing_table() -> list[str]:
    rows = [
        "| R·N | N | R | simulate (ms) | bare standard_normal (ms) | ratio | CPU-time ratio |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, reps in TIMING_CASES:
        repeats = 15 if n * reps <= 10**6 else 5
        fns = [
            lambda: simulate("gaussian", None, n, reps, SEED),
            lambda: np.random.default_rng(SEED).standard_normal(reps * n),
        ]
        t_sim, t_bare = best_times(fns, repeats)
        c_sim, c_bare = best_times(fns, repeats, time.process_time)
        rows.append(
            f"| {n * reps:.0e} | {n} | {reps} | {1e3 * t_sim:.1f} | {1e3 * t_bare:.1f} "
            f"| {t_sim / t_bare:.2f} | {c_sim / c_bare:.2f} |"
        )
    return rows


def memory_table() -> list[str]:
    rows = [
        "| population | R·N | N | R | peak traced memory (MB) | budget (MB) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    cases = (("gaussian", 1_000, 100_000), ("student_t", 1_000, 100_000), ("gaussian", 5_000_000, 20))
    for population, n, reps in cases:
        assert n * reps <= MAX_DRAWS
        tracemalloc.start()
        simulate(population, None, n, reps, SEED)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        rows.append(f"| {population} | {n * reps:.0e} | {n} | {reps} | {peak / 1e6:.1f} | 100 |")
    return rows


def main() -> None:
    print("## simulate vs. bare draws (gaussian)\n")
    print("\n".join(timing_table()))
    print("\n## peak memory\n")
    print("\n".join(memory_table()))


if __name__ == "__main__":
    main()
