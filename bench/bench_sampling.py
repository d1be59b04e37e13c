"""Cost of the sampling core at N = 1e3, 1e5, 1e6 (median of 20 calls, ms)."""

from __future__ import annotations

from _util import median, table, timeit

from estimation import sampling
from estimation.views import sampling as views

CASES = [("bernoulli", {"p": 0.3}), ("binomial", {"n": 10, "p": 0.3}), ("gaussian", {"mu": 0.0, "sigma": 1.0})]

SECTIONS = (views.histogram_view, views.running_mean_view, views.moments_view)


def main() -> None:
    rows = []
    for dist, params in CASES:
        for n in (1_000, 100_000, 1_000_000):
            x = sampling.draw(dist, params, n, 0)
            rows.append([
                dist, f"{n:,}",
                f"{median(timeit(lambda: sampling.draw(dist, params, n, 0))):.2f}",
                f"{median(timeit(lambda: views.histogram(x, dist, params))):.2f}",
                f"{median(timeit(lambda: sampling.running_mean(x))):.2f}",
                f"{median(timeit(lambda: [f(dist, params, n, 0) for f in SECTIONS])):.2f}",
            ])
    print(table(["distribution", "N", "draw ms", "histogram ms", "running mean ms", "three section views ms"], rows))


if __name__ == "__main__":
    main()
