"""Tests of estimation.likelihood against scipy.stats, closed forms and finite differences.

Intervals: tests/core/test_likelihood_intervals.py; the page's views: tests/core/test_views_likelihood.py.
"""

from __future__ import annotations

import math
import statistics

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose
from scipy import stats

from estimation import likelihood as lk
from estimation import sampling

Z95 = stats.norm.ppf(0.975)  # 1.959963984540054
Q95 = stats.chi2.ppf(0.95, 1)  # 3.841458820694124

SETTINGS = settings(max_examples=60, deadline=None)


def bernoulli_sample(seed, n=40, p=0.3):
    return np.random.default_rng(seed).binomial(1, p, size=n).astype(float)


def gaussian_sample(seed, n=30, mu=1.5, sigma=2.0):
    return np.random.default_rng(seed).normal(mu, sigma, size=n)


# ------------------------------------------------------------------ log-likelihood vs scipy brute force


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("shape", [(7,), (3, 4), (2, 1, 5)])
def test_bernoulli_loglik_matches_scipy_sum(seed, shape):
    rng = np.random.default_rng(seed)
    x = bernoulli_sample(seed, n=int(rng.integers(1, 80)), p=rng.uniform())
    p = rng.uniform(size=shape)
    p.flat[0], p.flat[-1] = 0.0, 1.0  # the boundaries are part of every grid
    expected = stats.bernoulli.logpmf(x.reshape((-1,) + (1,) * len(shape)), p).sum(axis=0)
    got = lk.bernoulli_loglik(x, p)
    assert got.shape == shape
    assert_allclose(got, expected, rtol=1e-9, atol=0)
    # the statistics give exactly the same numbers: a page computes them once
    assert_allclose(lk.bernoulli_loglik(lk.bernoulli_stats(x), p), got, rtol=0, atol=0)


@pytest.mark.parametrize("seed", range(5))
def test_binomial_loglik_matches_scipy(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 500))
    k = int(rng.integers(0, n + 1))
    theta = np.concatenate([[0.0, 1.0], rng.uniform(size=20)]).reshape(2, 11)
    assert_allclose(lk.binomial_loglik(k, n, theta), stats.binom.logpmf(k, n, theta), rtol=1e-9, atol=0)


@pytest.mark.parametrize("seed", range(5))
def test_gaussian_loglik_matches_scipy_sum_on_broadcast_grids(seed):
    rng = np.random.default_rng(seed)
    x = gaussian_sample(seed, n=int(rng.integers(1, 60)), mu=rng.normal(0, 5), sigma=rng.uniform(0.1, 4))
    mu = rng.normal(0, 5, size=(6, 1))
    sigma2 = rng.uniform(0.01, 20, size=(1, 9))
    terms = stats.norm.logpdf(x[:, None, None], mu, np.sqrt(sigma2))
    expected = terms.sum(axis=0)
    # A sum of N terms is only as accurate as eps x the sum of their magnitudes,
    # so the absolute slack scales with it (it matters only where l crosses 0).
    atol = 1e-12 * np.abs(terms).sum(axis=0)
    got = lk.gaussian_loglik(x, mu, sigma2)
    assert got.shape == (6, 9)
    assert_allclose(got, expected, rtol=1e-9, atol=atol.max())
    mm, ss = np.meshgrid(mu.ravel(), sigma2.ravel(), indexing="ij")  # meshgrid gives the same surface
    assert_allclose(lk.gaussian_loglik(lk.gaussian_stats(x), mm, ss), got, rtol=1e-15, atol=0)


@SETTINGS
@given(
    x=st.lists(st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False), min_size=1, max_size=50),
    mu=st.floats(-1e3, 1e3),
    sigma2=st.floats(1e-3, 1e4),
)
def test_gaussian_loglik_matches_scipy_sum_property(x, mu, sigma2):
    x = np.asarray(x)
    terms = stats.norm.logpdf(x, mu, np.sqrt(sigma2))
    assert_allclose(lk.gaussian_loglik(x, mu, sigma2), terms.sum(), rtol=1e-9, atol=1e-12 * np.abs(terms).sum())


def test_gaussian_stats_are_stable_with_a_large_offset():
    # Sigma x^2 - N xbar^2 would lose all 16 digits here; statistics.pvariance is exact (rational arithmetic).
    x = 1e9 + gaussian_sample(3, n=1000, mu=0.0, sigma=1.0)
    s = lk.gaussian_stats(x)
    assert s.n == 1000
    assert_allclose(s.mean, statistics.fmean(x), rtol=1e-15)
    # Two passes: x - x_bar is exact (Sterbenz), x_bar's error ~1e-7 only shifts S by
    # N * 1e-14, so S is right to ~1e-13 relative; the one-pass formula gives -100% here.
    assert_allclose(s.ss / s.n, statistics.pvariance(x), rtol=1e-12)
    one_pass = (np.sum(x**2) - x.size * np.mean(x) ** 2) / x.size
    assert abs(one_pass / statistics.pvariance(x) - 1) > 0.5


# ------------------------------------------------------------------ MLEs


@pytest.mark.parametrize("seed", range(5))
def test_gaussian_mle_matches_norm_fit_and_closed_form(seed):
    x = gaussian_sample(seed, n=25 + seed)
    mu_hat, s2_hat = lk.gaussian_mle(x)
    loc, scale = stats.norm.fit(x)
    assert_allclose(mu_hat, loc, rtol=1e-12)
    assert_allclose(s2_hat, scale**2, rtol=1e-12)
    assert_allclose(s2_hat, np.var(x, ddof=0), rtol=1e-12)  # 1/N, not 1/(N - 1)
    assert_allclose(s2_hat, statistics.pvariance(x), rtol=1e-12)


def test_proportion_mles():
    assert lk.binomial_mle(8, 10) == 0.8  # the note's example: 8 heads in 10 tosses
    x = bernoulli_sample(1, n=37)
    assert lk.bernoulli_mle(x) == x.mean()
    assert lk.bernoulli_mle(lk.bernoulli_stats(x)) == x.mean()


def test_gaussian_mle_is_no_worse_than_a_numerical_optimiser():
    from scipy.optimize import minimize

    x = gaussian_sample(7, n=40)
    mle = lk.gaussian_mle(x)
    res = minimize(lambda t: -lk.gaussian_loglik(x, t[0], np.exp(t[1])), x0=[0.0, 0.0], method="Nelder-Mead")
    assert lk.gaussian_loglik(x, *mle) >= -res.fun - 1e-12


# ------------------------------------------------------------------ score and information


def central_diff(f, t, h):
    return (f(t + h) - f(t - h)) / (2 * h)


def second_diff(f, t, h):
    return (f(t + h) - 2 * f(t) + f(t - h)) / h**2


@pytest.mark.parametrize("k,n", [(3, 10), (8, 10), (1, 50), (120, 300)])
def test_binomial_score_and_information_against_finite_differences(k, n):
    theta = np.array([0.05, 0.2, 0.5, 0.77, 0.93])
    loglik = lambda t: lk.binomial_loglik(k, n, t)  # noqa: E731
    # Central differences: truncation O(h^2) ~ 1e-10 relative, rounding eps*|l|/h
    # ~ 1e-9 absolute; 1e-6 relative (plus 1e-6*n where the score is ~0) covers both.
    assert_allclose(lk.binomial_score(k, n, theta), central_diff(loglik, theta, 1e-5 * theta), rtol=1e-6, atol=1e-6 * n)
    # Second differences: rounding eps*|l|/h^2 with h = 1e-4 theta is ~1e-5 absolute.
    assert_allclose(lk.binomial_information(k, n, theta), -second_diff(loglik, theta, 1e-4 * theta), rtol=1e-5)
    # Closed forms at the MLE: score 0, information n / (p(1 - p)), SE its -1/2 power.
    p = k / n
    assert abs(lk.binomial_score(k, n, p)) <= 1e-9 * n
    assert_allclose(lk.binomial_information(k, n), n / (p * (1 - p)), rtol=1e-12)
    assert_allclose(lk.binomial_se(k, n), np.sqrt(p * (1 - p) / n), rtol=1e-12)
    assert_allclose(lk.binomial_se(k, n), lk.binomial_information(k, n) ** -0.5, rtol=1e-12)


def test_binomial_score_has_the_minus_sign():
    # ERRATA: dl/dtheta = x/theta - (n - x)/(1 - theta). 8 of 10 at theta = 0.5: 16 - 4 = 12.
    assert_allclose(lk.binomial_score(8, 10, 0.5), 12.0, rtol=1e-15)
    assert_allclose(lk.binomial_score(8, 10, 0.5), (8 - 10 * 0.5) / (0.5 * 0.5), rtol=1e-15)


@pytest.mark.parametrize("seed", range(4))
def test_gaussian_score_and_information_against_finite_differences(seed):
    rng = np.random.default_rng(seed)
    x = gaussian_sample(seed, n=20)
    mu, s2 = rng.normal(1.5, 1.0), rng.uniform(1.0, 8.0)
    f = lambda m, v: lk.gaussian_loglik(x, m, v)  # noqa: E731
    hm, hv = 1e-5, 1e-5 * s2
    d_mu, d_s2 = lk.gaussian_score(x, mu, s2)
    # same finite-difference error budget as the binomial test above
    assert_allclose(d_mu, central_diff(lambda m: f(m, s2), mu, hm), rtol=1e-6, atol=1e-6 * x.size)
    assert_allclose(d_s2, central_diff(lambda v: f(mu, v), s2, hv), rtol=1e-6, atol=1e-6 * x.size)
    # Numerical Hessian (h = 1e-3 relative: rounding eps*|l|/h^2 ~ 1e-8, truncation ~ 1e-6 relative).
    hm, hv = 1e-3, 1e-3 * s2
    h_mm = second_diff(lambda m: f(m, s2), mu, hm)
    h_vv = second_diff(lambda v: f(mu, v), s2, hv)
    h_mv = (f(mu + hm, s2 + hv) - f(mu + hm, s2 - hv) - f(mu - hm, s2 + hv) + f(mu - hm, s2 - hv)) / (4 * hm * hv)
    assert_allclose(lk.gaussian_information(x, mu, s2), -np.array([[h_mm, h_mv], [h_mv, h_vv]]), rtol=1e-5, atol=1e-8)


def test_gaussian_score_sign_for_sigma2():
    # ERRATA: dl/dsigma2 = -N/(2 sigma2) + Sum (x - mu)^2 / (2 sigma2^2). x = (1, -1), mu = 0, sigma2 = 1: -1 + 1 = 0.
    d_mu, d_s2 = lk.gaussian_score([1.0, -1.0], 0.0, 1.0)
    assert d_mu == 0.0 and d_s2 == 0.0
    _, d_s2 = lk.gaussian_score([1.0, -1.0], 0.0, 2.0)  # -2/4 + 2/8 = -0.25
    assert_allclose(d_s2, -0.25, rtol=1e-15)


@pytest.mark.parametrize("seed", range(4))
def test_gaussian_score_zero_and_information_diagonal_at_the_mle(seed):
    x = gaussian_sample(seed, n=15 + seed)
    mu_hat, s2_hat = lk.gaussian_mle(x)
    d_mu, d_s2 = lk.gaussian_score(x, mu_hat, s2_hat)
    assert abs(d_mu) <= 1e-12 * x.size and abs(d_s2) <= 1e-12 * x.size
    n = x.size
    assert_allclose(lk.gaussian_information(x), [[n / s2_hat, 0.0], [0.0, n / (2 * s2_hat**2)]], rtol=1e-12, atol=1e-9)
    se = np.sqrt(np.diag(np.linalg.inv(lk.gaussian_information(x))))
    assert_allclose(lk.gaussian_se(x), se, rtol=1e-12)
    assert_allclose(lk.gaussian_se(x), (np.sqrt(s2_hat / n), s2_hat * np.sqrt(2 / n)), rtol=1e-12)


def test_gaussian_information_broadcasts():
    x = gaussian_sample(0)
    j = lk.gaussian_information(x, np.zeros((3, 1)), np.ones((1, 4)))
    assert j.shape == (3, 4, 2, 2)
    assert_allclose(j[..., 0, 1], j[..., 1, 0], rtol=0)


# ------------------------------------------------------------------ properties (hypothesis)


@SETTINGS
@given(n=st.integers(1, 300), data=st.data(), m=st.integers(11, 401))
def test_binomial_grid_argmax_within_one_step_and_concave(n, data, m):
    k = data.draw(st.integers(0, n))
    grid = np.linspace(0.0, 1.0, m)
    ll = lk.binomial_loglik(k, n, grid)
    assert not np.any(np.isnan(ll))
    assert abs(grid[np.argmax(ll)] - k / n) <= grid[1] - grid[0]
    inner = ll[1:-1]  # finite away from the boundaries
    d2 = inner[2:] - 2 * inner[1:-1] + inner[:-2]
    assert np.all(d2 <= 1e-9 * np.abs(inner).max())  # concave up to rounding of the summands


@SETTINGS
@given(
    x=st.lists(st.floats(-100, 100, allow_nan=False), min_size=2, max_size=40).filter(lambda v: np.ptp(v) > 1e-3),
    m=st.integers(5, 60),
)
def test_gaussian_mle_beats_every_grid_point_and_grid_argmax_is_near_it(x, m):
    x = np.asarray(x)
    mu_hat, s2_hat = lk.gaussian_mle(x)
    mu = np.linspace(mu_hat - 10, mu_hat + 10.5, m)
    s2 = np.linspace(0.2 * s2_hat, 3.1 * s2_hat, m)
    surf = lk.gaussian_loglik(x, mu[:, None], s2[None, :])
    top = lk.gaussian_loglik(x, mu_hat, s2_hat)
    assert np.all(surf <= top + 1e-12 * abs(top))
    i, j = np.unravel_index(np.argmax(surf), surf.shape)
    h_mu, h_s2 = mu[1] - mu[0], s2[1] - s2[0]
    # l is symmetric in mu about x_bar for every sigma2, so the best mu is the
    # nearest grid point; for that mu the sigma2 slice peaks at s2_hat + (x_bar - mu)^2,
    # hence within one sigma2 step plus h_mu^2 / 4 of s2_hat.
    assert abs(mu[i] - mu_hat) <= h_mu / 2 * (1 + 1e-9)
    assert abs(s2[j] - s2_hat) <= h_s2 + h_mu**2 / 4 + 1e-9 * s2_hat


# ------------------------------------------------------------------ boundaries and invalid input


def test_all_zeros_and_all_ones():
    zeros, ones = np.zeros(9), np.ones(9)
    grid = np.linspace(0, 1, 11)
    for x in (zeros, ones):
        assert not np.any(np.isnan(lk.bernoulli_loglik(x, grid)))
        assert not np.any(np.isnan(lk.binomial_score(int(x.sum()), 9, grid)))
    assert_allclose(lk.bernoulli_loglik(zeros, [0.0, 1.0]), [0.0, -np.inf])
    assert_allclose(lk.bernoulli_loglik(ones, [0.0, 1.0]), [-np.inf, 0.0])
    assert_allclose(lk.binomial_loglik(0, 9, [0.0, 1.0]), [0.0, -np.inf])
    assert_allclose(lk.binomial_score(0, 9, [0.0, 1.0]), [-9.0, -np.inf])  # one-sided at 0, k = 0
    assert_allclose(lk.binomial_score(9, 9, [0.0, 1.0]), [np.inf, 9.0])
    assert lk.binomial_information(0, 9) == np.inf and lk.binomial_information(9, 9) == np.inf
    assert lk.binomial_se(0, 9) == 0.0 and lk.binomial_se(9, 9) == 0.0
    assert lk.bernoulli_mle(zeros) == 0.0 and lk.bernoulli_mle(ones) == 1.0


GOOD_X = [0.3, 1.2, -0.4]


@pytest.mark.parametrize(
    "call,name",
    [
        (lambda: lk.gaussian_loglik(GOOD_X, 0.0, 0.0), "sigma2"),
        (lambda: lk.gaussian_loglik(GOOD_X, 0.0, [1.0, -1.0]), "sigma2"),
        (lambda: lk.gaussian_loglik(GOOD_X, np.nan, 1.0), "mu"),
        (lambda: lk.gaussian_loglik([0.0, np.inf], 0.0, 1.0), "x"),
        (lambda: lk.gaussian_loglik([0.0, np.nan], 0.0, 1.0), "x"),
        (lambda: lk.gaussian_loglik([], 0.0, 1.0), "x"),
        (lambda: lk.gaussian_loglik([[1.0, 2.0]], 0.0, 1.0), "x"),
        (lambda: lk.bernoulli_loglik([0, 1, 2], 0.5), "x"),
        (lambda: lk.bernoulli_loglik([0, 0.5], 0.5), "x"),
        (lambda: lk.bernoulli_loglik([0, 1], 1.5), "p"),
        (lambda: lk.bernoulli_loglik([0, 1], [-0.1, 0.5]), "p"),
        (lambda: lk.binomial_loglik(11, 10, 0.5), "k"),
        (lambda: lk.binomial_loglik(-1, 10, 0.5), "k"),
        (lambda: lk.binomial_loglik(1, 0, 0.5), "n"),
        (lambda: lk.binomial_loglik(1.5, 10, 0.5), "k"),
        (lambda: lk.binomial_loglik(1, 10, np.nan), "theta"),
        (lambda: lk.binomial_score(1, 10, 1.01), "theta"),
        (lambda: lk.binomial_mle(3, 2), "k"),
        (lambda: lk.gaussian_se([2.0, 2.0, 2.0]), "spread"),
        (lambda: lk.gaussian_score(GOOD_X, 0.0, -2.0), "sigma2"),
        (lambda: lk.gaussian_information(GOOD_X, 0.0, 0.0), "sigma2"),
        (lambda: lk.GaussianStats(n=3, mean=0.0, ss=-1.0), "ss"),
        (lambda: lk.BernoulliStats(n=3, k=4), "k"),
    ],
)
def test_invalid_input_raises_value_error_naming_the_argument(call, name):
    with pytest.raises(ValueError, match=name):
        call()


@pytest.mark.parametrize("model", sorted(lk.MODELS))
def test_registry_bounds_are_enforced(model):
    loglik = {
        "bernoulli": lambda **kw: lk.bernoulli_loglik([0, 1, 1], **kw),
        "binomial": lambda **kw: lk.binomial_loglik(2, 3, **kw),
        "gaussian": lambda **kw: lk.gaussian_loglik(GOOD_X, **kw),
    }[model]
    params = lk.MODELS[model].params
    inside = {p.name: (p.lo + p.hi) / 2 if np.isfinite(p.hi) else 1.0 for p in params}
    assert np.isfinite(loglik(**inside))
    for p in params:
        for edge, is_open in ((p.lo, p.lo_open), (p.hi, p.hi_open)):
            if not np.isfinite(edge):
                continue
            outside = edge - 0.01 if edge == p.lo else edge + 0.01
            with pytest.raises(ValueError, match=p.name):
                loglik(**{**inside, p.name: outside})
            if is_open:
                with pytest.raises(ValueError, match=p.name):
                    loglik(**{**inside, p.name: edge})
            else:
                assert not np.isnan(loglik(**{**inside, p.name: edge}))


def test_docstring_examples_run():
    import doctest

    result = doctest.testmod(lk, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0


def test_models_build_on_the_distribution_registry():
    from estimation.distributions import DISTRIBUTIONS

    for model in lk.MODELS.values():
        family = DISTRIBUTIONS[model.distribution]
        for p in model.params:
            base = family.param("p" if p.name == "theta" else p.name)  # θ is the binomial's p, renamed
            assert p.base.narrowed(name=base.name, symbol=base.symbol) == base
            assert (p.lo, p.hi) == (-np.inf if base.lo is None else base.lo, np.inf if base.hi is None else base.hi)
    assert [(p.symbol, p.hat) for m in lk.MODELS.values() for p in m.params] == [
        ("p", "p̂"), ("θ", "θ̂"), ("μ", "μ̂"), ("σ²", "σ̂²")]
