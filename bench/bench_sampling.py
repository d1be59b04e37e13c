"""Cost of the sampling core at N = 1e3, 1e5, 1e6 (median of 20 calls, ms)."""

from __future__ import annotations

from _util import median, table, timeit

from estimation import sampling

CASES = [("bernoulli", {"p": 0.3}), ("binomial", {"n": 10, "p": 0.3}), ("gaussian", {"mu": 0.0, "sigma": 1.0})]


def main() -> None:
    rows = []
    for dist, params in CASES:
        for n in (1_000, 100_000, 1_000_000):
            x = sampling.draw(dist, params, n, 0)
            rows.append([
                dist, f"{n:,}",
                f"{median(timeit(lambda: sampling.draw(dist, params, n, 0))):.2f}",
                f"{median(timeit(lambda: sampling.histogram(x, dist, params))):.2f}",
                f"{median(timeit(lambda: sampling.running_mean(x))):.2f}",
                f"{median(timeit(lambda: sampling.summarize(dist, params, n, 0))):.2f}",
            ])
    print(table(["distribution", "N", "draw ms", "histogram ms", "running mean ms", "summarize (all) ms"], rows))


if __name__ == "__main__":
    main()
