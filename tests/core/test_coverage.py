"""Tests for estimation.coverage against brute-force sums over scipy's binomial pmf and simulation."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from estimation import bayes, coverage

P_GRID = np.linspace(0.005, 0.995, 199)


def test_intervals_by_outcome_rows_match_scalar_calls():
    n = 12
    for method, one in [
        ("wald", lambda k: bayes.wald_interval(k, n)),
        ("wilson", lambda k: bayes.wilson_interval(k, n)),
        ("equal_tailed", lambda k: bayes.equal_tailed_interval(0.5 + k, 0.5 + n - k)),
    ]:
        lo, hi = coverage.intervals_by_outcome(method, n, a=0.5, b=0.5)
        assert lo.shape == hi.shape == (n + 1,)
        for k in (0, 5, n):
            assert (lo[k], hi[k]) == one(k)


def test_exact_coverage_matches_brute_force_loop():
    n, p = 15, np.array([0.01, 0.1, 0.37, 0.5, 0.93])
    cov = coverage.coverage_exact(p, n, a=0.5, b=0.5)
    for method in coverage.INTERVAL_METHODS:
        lo, hi = coverage.intervals_by_outcome(method, n, a=0.5, b=0.5)
        expected = [
            sum(stats.binom.pmf(k, n, pi) for k in range(n + 1) if lo[k] <= pi <= hi[k])
            for pi in p
        ]
        np.testing.assert_allclose(cov.coverage[method], expected, rtol=1e-12)
    assert cov.se is None


@pytest.mark.parametrize("n", [10, 100])
def test_monte_carlo_coverage_within_4_se_of_exact(n):
    exact = coverage.coverage_exact(P_GRID, n)
    mc = coverage.coverage_monte_carlo(P_GRID, n, n_rep=4000, seed=12345)
    for method in coverage.INTERVAL_METHODS:
        c = exact.coverage[method]
        se = np.sqrt(c * (1 - c) / 4000)
        assert np.all(np.abs(mc.coverage[method] - c) <= 4 * se + 1e-12)
        np.testing.assert_allclose(
            mc.se[method], np.sqrt(mc.coverage[method] * (1 - mc.coverage[method]) / 4000)
        )


def test_monte_carlo_coverage_is_reproducible():
    a = coverage.coverage_monte_carlo(P_GRID[:5], 30, seed=7)
    b = coverage.coverage_monte_carlo(P_GRID[:5], 30, seed=7)
    for method in coverage.INTERVAL_METHODS:
        np.testing.assert_array_equal(a.coverage[method], b.coverage[method])


def test_wald_coverage_collapses_near_the_edges():
    cov = coverage.coverage_exact(np.array([0.005, 0.5, 0.995]), 100).coverage
    # P(k = 0) = 0.995^100 ≈ 0.606 and Wald's interval at k = 0 is {0}
    assert cov["wald"][0] < 0.4
    assert cov["wald"][2] == pytest.approx(cov["wald"][0], rel=1e-10)  # symmetric
    assert cov["wilson"][0] > 0.9 and cov["equal_tailed"][0] > 0.9
    assert abs(cov["wald"][1] - 0.95) < 0.02
    full = coverage.coverage_exact(P_GRID, 100).coverage
    assert full["wald"].mean() < full["wilson"].mean()


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: coverage.intervals_by_outcome("agresti", 10), "method"),
        (lambda: coverage.coverage_exact([0.5], 10**6), "n"),
        (lambda: coverage.coverage_exact([1.2], 10), "p"),
        (lambda: coverage.coverage_monte_carlo([0.5], 10, n_rep=0), "n_rep"),
        (lambda: coverage.coverage_monte_carlo([0.5], 10, seed=-1), "seed"),
    ],
)
def test_invalid_arguments_raise_value_error_naming_them(call, name):
    with pytest.raises(ValueError, match=rf"^{name}\b"):
        call()
