"""Tests of estimation.likelihood_intervals: relative log-likelihood, the parabola, Wald and LR intervals.

Oracles: scipy.stats log-densities and quantiles, closed forms, estimation.bayes.wald_interval.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose
from scipy import stats

from estimation import likelihood as lk
from estimation import likelihood_intervals as li
from tests.core.test_likelihood import GOOD_X, Q95, Z95, gaussian_sample

# ------------------------------------------------------------------ relative and quadratic


@pytest.mark.parametrize("k,n", [(0, 12), (5, 12), (12, 12)])
def test_binomial_relative_loglik(k, n):
    theta = np.linspace(0, 1, 41)
    rel = li.binomial_relative_loglik(k, n, theta)
    expected = stats.binom.logpmf(k, n, theta) - stats.binom.logpmf(k, n, k / n)
    assert_allclose(rel, expected, rtol=1e-9, atol=1e-12)
    assert np.all(rel <= 0.0) and not np.any(np.isnan(rel))


def test_gaussian_relative_loglik_and_exact_quadratic_in_mu():
    x = gaussian_sample(2, n=30)
    mu_hat, s2_hat = lk.gaussian_mle(x)
    mu, s2 = np.meshgrid(np.linspace(0, 3, 7), np.linspace(1, 9, 5))
    rel = li.gaussian_relative_loglik(x, mu, s2)
    max_ll = stats.norm.logpdf(x, mu_hat, np.sqrt(s2_hat)).sum()
    assert_allclose(rel, lk.gaussian_loglik(x, mu, s2) - max_ll, rtol=1e-9, atol=1e-10)
    assert np.all(rel <= 0.0)
    assert li.gaussian_relative_loglik(x, mu_hat, s2_hat) == 0.0
    # With sigma2 fixed, l is exactly quadratic in mu, with curvature N / sigma2.
    grid = np.linspace(mu_hat - 3, mu_hat + 3, 13)
    q = li.quadratic_loglik(grid, mu_hat, x.size / s2_hat, loglik_max=max_ll)
    assert_allclose(q, lk.gaussian_loglik(x, grid, s2_hat), rtol=1e-12)


def test_quadratic_loglik_curvature_and_infinite_information():
    t = np.linspace(-1, 1, 5)
    q = li.quadratic_loglik(t, 0.25, 8.0, loglik_max=-3.0)
    assert_allclose(q, -3.0 - 4.0 * (t - 0.25) ** 2, rtol=1e-15)
    assert_allclose(li.quadratic_loglik([0.0, 0.3, 1.0], 0.0, np.inf), [0.0, -np.inf, -np.inf])


# ------------------------------------------------------------------ intervals


@pytest.mark.parametrize("k,n", [(8, 10), (1, 30), (450, 1000)])
@pytest.mark.parametrize("level", [0.8, 0.95, 0.99])
def test_binomial_intervals(k, n, level):
    p = k / n
    lo, hi = li.binomial_wald_interval(k, n, level)
    z = stats.norm.ppf((1 + level) / 2)
    se = np.sqrt(p * (1 - p) / n)
    assert_allclose((lo, hi), (p - z * se, p + z * se), rtol=1e-12)
    lo, hi = li.binomial_lr_interval(k, n, level)
    assert 0.0 < lo < p < hi < 1.0
    # 2 (l(p_hat) - l(end)) = chi2_1(level), scipy's logpmf as the oracle; brentq
    # puts the endpoint within 4 eps relative, so the ratio is exact to ~1e-12.
    for end in (lo, hi):
        lr = 2 * (stats.binom.logpmf(k, n, p) - stats.binom.logpmf(k, n, end))
        assert_allclose(lr, stats.chi2.ppf(level, 1), rtol=1e-9)


def test_wald_interval_is_estimate_plus_minus_1_96_se():
    lo, hi = li.binomial_wald_interval(8, 10)
    se = lk.binomial_se(8, 10)
    assert_allclose((lo, hi), (0.8 - 1.96 * se, 0.8 + 1.96 * se), atol=1e-4 * se)  # z = 1.95996...
    x = gaussian_sample(5)
    mu_hat, _ = lk.gaussian_mle(x)
    se_mu, _ = lk.gaussian_se(x)
    assert_allclose(li.gaussian_wald_interval(x, "mu"), (mu_hat - Z95 * se_mu, mu_hat + Z95 * se_mu), rtol=1e-12)


@pytest.mark.parametrize("n", [1, 7, 100])
def test_binomial_lr_interval_at_the_boundaries(n):
    # k = 0: l(theta) - l(0) = n log(1 - theta), so the upper end is 1 - exp(-q / (2n)).
    upper = 1 - np.exp(-Q95 / (2 * n))
    assert_allclose(li.binomial_lr_interval(0, n), (0.0, upper), rtol=1e-12)
    assert_allclose(li.binomial_lr_interval(n, n), (1 - upper, 1.0), rtol=1e-12)
    assert li.binomial_wald_interval(0, n) == (0.0, 0.0)  # SE = 0: the Wald interval collapses
    assert li.binomial_wald_interval(n, n) == (1.0, 1.0)


@pytest.mark.parametrize("seed", range(3))
def test_gaussian_mu_interval_lr_equals_wald_closed_form(seed):
    x = gaussian_sample(seed, n=12)
    mu_hat, s2_hat = lk.gaussian_mle(x)
    for fixed, s2 in ((None, s2_hat), (2.5, 2.5)):
        half = Z95 * np.sqrt(s2 / x.size)
        assert_allclose(li.gaussian_lr_interval(x, "mu", fixed=fixed), (mu_hat - half, mu_hat + half), rtol=1e-12)
        assert_allclose(li.gaussian_wald_interval(x, "mu", fixed=fixed), (mu_hat - half, mu_hat + half), rtol=1e-12)


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("fixed", [None, 0.0])
def test_gaussian_sigma2_lr_interval(seed, fixed):
    x = gaussian_sample(seed, n=20)
    mu = np.mean(x) if fixed is None else fixed
    peak = np.mean((x - mu) ** 2)  # maximiser of the sigma2 slice at this mu
    lo, hi = li.gaussian_lr_interval(x, "sigma2", 0.95, fixed=fixed)
    assert 0.0 < lo < peak < hi
    for end in (lo, hi):
        lr = 2 * (stats.norm.logpdf(x, mu, np.sqrt(peak)).sum() - stats.norm.logpdf(x, mu, np.sqrt(end)).sum())
        assert_allclose(lr, Q95, rtol=1e-9)
    w_lo, w_hi = li.gaussian_wald_interval(x, "sigma2", 0.95, fixed=fixed)
    half = Z95 * peak * np.sqrt(2 / x.size)
    assert_allclose((w_lo, w_hi), (peak - half, peak + half), rtol=1e-12)


def test_intervals_sharpen_with_more_data():
    # Same proportion, 4x the data: both intervals about halve (SE ~ 1/sqrt(n)).
    for interval in (li.binomial_wald_interval, li.binomial_lr_interval):
        lo1, hi1 = interval(30, 100)
        lo4, hi4 = interval(120, 400)
        assert 0.45 < (hi4 - lo4) / (hi1 - lo1) < 0.55


def test_a_non_converging_endpoint_search_is_reported_as_value_error(monkeypatch):
    """brentq's RuntimeError (no convergence) surfaces as ValueError naming the level, never escapes."""

    def fail(*args, **kwargs):
        raise RuntimeError("Failed to converge after 500 iterations")

    monkeypatch.setattr(li.optimize, "brentq", fail)
    with pytest.raises(ValueError, match=r"^level\b.*did not converge"):
        li.binomial_lr_interval(3, 10)


@given(st.integers(1, 10_000).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))),
       st.floats(0.5, 0.999))
@settings(max_examples=60)
def test_binomial_wald_interval_is_the_bayes_one_unclipped(kn, level):
    from estimation import bayes

    k, n = kn
    lo, hi = li.binomial_wald_interval(k, n, level)
    assert (lo, hi) == tuple(map(float, bayes.wald_interval(k, n, level, clip=False)))
    z = stats.norm.ppf(0.5 + 0.5 * level)  # closed form, independent of both modules
    half = z * math.sqrt(k / n * (1 - k / n) / n)
    assert_allclose([lo, hi], [k / n - half, k / n + half], rtol=1e-12, atol=1e-15)
    assert type(lo) is float and type(hi) is float


@pytest.mark.parametrize("k, n, name", [(np.array([1, 2]), 5, "k"), (6, 5, "k"), (1.5, 5, "k"), (1, 0, "n")])
def test_binomial_counts_are_single_integer_counts(k, n, name):
    with pytest.raises(ValueError, match=rf"^{name}\b"):
        li.binomial_wald_interval(k, n)


@pytest.mark.parametrize(
    "call,name",
    [
        (lambda: li.binomial_lr_interval(3, 10, level=1.0), "level"),
        (lambda: li.binomial_wald_interval(3, 10, level=0.0), "level"),
        (lambda: li.gaussian_lr_interval(GOOD_X, "tau"), "param"),
        (lambda: li.gaussian_lr_interval(GOOD_X, "mu", fixed=-1.0), "fixed"),
        (lambda: li.gaussian_lr_interval([2.0, 2.0], "sigma2", fixed=2.0), "fixed"),
        (lambda: li.gaussian_relative_loglik([2.0], 0.0, 1.0), "spread"),
        (lambda: li.quadratic_loglik(0.0, 0.0, -1.0), "information"),
    ],
)
def test_invalid_input_raises_value_error_naming_the_argument(call, name):
    with pytest.raises(ValueError, match=name):
        call()


@pytest.mark.parametrize("k,n", [(8, 10), (0, 7), (10, 10), (333, 1000)])
def test_slice_is_what_both_intervals_are_read_from(k, n):
    s = li.binomial_slice(k, n)
    assert s.theta_hat == k / n and (s.lo, s.hi) == (0.0, 1.0)
    assert s.wald() == li.binomial_wald_interval(k, n) and s.lr() == li.binomial_lr_interval(k, n)
    assert s.region(0.5 * Q95) == s.lr()
    inside = np.linspace(0.0, 1.0, 11)
    assert_allclose([s.rel(t) for t in inside], li.binomial_relative_loglik(k, n, inside), rtol=1e-12, atol=1e-12)


def test_docstring_examples_run():
    import doctest

    result = doctest.testmod(li, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0
