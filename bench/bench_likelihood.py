"""Benchmark: the 200 x 200 Gaussian log-likelihood surface costs O(grid), not O(N).

Run from the repository root::

    python bench/bench_likelihood.py

Prints a markdown table of the time to evaluate the surface with the
sufficient statistics precomputed (what a page does with a cached
``gaussian_stats``) and including the O(N) statistics pass, for N = 100,
10^4 and 10^6, and the ratio N = 10^6 / N = 100 (target for the cached column:
within 2x).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from estimation.likelihood import gaussian_loglik, gaussian_stats  # noqa: E402

GRID = 200
SIZES = (100, 10_000, 1_000_000)


def best_time(fn, repeat: int = 7, number: int = 5) -> float:
    """Best mean wall time of ``fn`` over ``repeat`` rounds of ``number`` calls, in seconds."""
    best = np.inf
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        best = min(best, (time.perf_counter() - start) / number)
    return best


def main() -> None:
    rng = np.random.default_rng(0)
    # full meshgrid arrays (what a page turns into a DataFrame): 40,000 log() calls per surface
    mu, sigma2 = np.meshgrid(np.linspace(-1.0, 3.0, GRID), np.linspace(0.5, 8.0, GRID))
    rows = []
    for n in SIZES:
        x = rng.normal(1.0, 2.0, size=n)
        stats = gaussian_stats(x)
        cached = best_time(lambda: gaussian_loglik(stats, mu, sigma2))
        full = best_time(lambda: gaussian_loglik(x, mu, sigma2))
        rows.append((n, cached, full))

    print(f"Gaussian log-likelihood surface, {GRID} x {GRID} grid (best of 7 x 5 calls)\n")
    print("| N | stats cached (ms) | including stats (ms) |")
    print("|---:|---:|---:|")
    for n, cached, full in rows:
        print(f"| {n:,} | {cached * 1e3:.3f} | {full * 1e3:.3f} |")
    (_, c0, f0), (_, c1, f1) = rows[0], rows[-1]
    print(f"| ratio N={SIZES[-1]:,} / N={SIZES[0]} | {c1 / c0:.2f} | {f1 / f0:.2f} |")
    verdict = "met" if c1 / c0 <= 2.0 else "NOT met"
    print(f"\nTarget (cached surface at N=1e6 within 2x of N=100): {verdict}.")


if __name__ == "__main__":
    main()
