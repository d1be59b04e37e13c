"""Tests of estimation.likelihood against scipy.stats, closed forms and finite differences."""

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


# ------------------------------------------------------------------ relative and quadratic


@pytest.mark.parametrize("k,n", [(0, 12), (5, 12), (12, 12)])
def test_binomial_relative_loglik(k, n):
    theta = np.linspace(0, 1, 41)
    rel = lk.binomial_relative_loglik(k, n, theta)
    expected = stats.binom.logpmf(k, n, theta) - stats.binom.logpmf(k, n, k / n)
    assert_allclose(rel, expected, rtol=1e-9, atol=1e-12)
    assert np.all(rel <= 0.0) and not np.any(np.isnan(rel))


def test_gaussian_relative_loglik_and_exact_quadratic_in_mu():
    x = gaussian_sample(2, n=30)
    mu_hat, s2_hat = lk.gaussian_mle(x)
    mu, s2 = np.meshgrid(np.linspace(0, 3, 7), np.linspace(1, 9, 5))
    rel = lk.gaussian_relative_loglik(x, mu, s2)
    max_ll = stats.norm.logpdf(x, mu_hat, np.sqrt(s2_hat)).sum()
    assert_allclose(rel, lk.gaussian_loglik(x, mu, s2) - max_ll, rtol=1e-9, atol=1e-10)
    assert np.all(rel <= 0.0)
    assert lk.gaussian_relative_loglik(x, mu_hat, s2_hat) == 0.0
    # With sigma2 fixed, l is exactly quadratic in mu, with curvature N / sigma2.
    grid = np.linspace(mu_hat - 3, mu_hat + 3, 13)
    q = lk.quadratic_loglik(grid, mu_hat, x.size / s2_hat, loglik_max=max_ll)
    assert_allclose(q, lk.gaussian_loglik(x, grid, s2_hat), rtol=1e-12)


def test_quadratic_loglik_curvature_and_infinite_information():
    t = np.linspace(-1, 1, 5)
    q = lk.quadratic_loglik(t, 0.25, 8.0, loglik_max=-3.0)
    assert_allclose(q, -3.0 - 4.0 * (t - 0.25) ** 2, rtol=1e-15)
    assert_allclose(lk.quadratic_loglik([0.0, 0.3, 1.0], 0.0, np.inf), [0.0, -np.inf, -np.inf])


# ------------------------------------------------------------------ intervals


@pytest.mark.parametrize("k,n", [(8, 10), (1, 30), (450, 1000)])
@pytest.mark.parametrize("level", [0.8, 0.95, 0.99])
def test_binomial_intervals(k, n, level):
    p = k / n
    lo, hi = lk.binomial_wald_interval(k, n, level)
    z = stats.norm.ppf((1 + level) / 2)
    se = np.sqrt(p * (1 - p) / n)
    assert_allclose((lo, hi), (p - z * se, p + z * se), rtol=1e-12)
    lo, hi = lk.binomial_lr_interval(k, n, level)
    assert 0.0 < lo < p < hi < 1.0
    # 2 (l(p_hat) - l(end)) = chi2_1(level), scipy's logpmf as the oracle; brentq
    # puts the endpoint within 4 eps relative, so the ratio is exact to ~1e-12.
    for end in (lo, hi):
        lr = 2 * (stats.binom.logpmf(k, n, p) - stats.binom.logpmf(k, n, end))
        assert_allclose(lr, stats.chi2.ppf(level, 1), rtol=1e-9)


def test_wald_interval_is_estimate_plus_minus_1_96_se():
    lo, hi = lk.binomial_wald_interval(8, 10)
    se = lk.binomial_se(8, 10)
    assert_allclose((lo, hi), (0.8 - 1.96 * se, 0.8 + 1.96 * se), atol=1e-4 * se)  # z = 1.95996...
    x = gaussian_sample(5)
    mu_hat, _ = lk.gaussian_mle(x)
    se_mu, _ = lk.gaussian_se(x)
    assert_allclose(lk.gaussian_wald_interval(x, "mu"), (mu_hat - Z95 * se_mu, mu_hat + Z95 * se_mu), rtol=1e-12)


@pytest.mark.parametrize("n", [1, 7, 100])
def test_binomial_lr_interval_at_the_boundaries(n):
    # k = 0: l(theta) - l(0) = n log(1 - theta), so the upper end is 1 - exp(-q / (2n)).
    upper = 1 - np.exp(-Q95 / (2 * n))
    assert_allclose(lk.binomial_lr_interval(0, n), (0.0, upper), rtol=1e-12)
    assert_allclose(lk.binomial_lr_interval(n, n), (1 - upper, 1.0), rtol=1e-12)
    assert lk.binomial_wald_interval(0, n) == (0.0, 0.0)  # SE = 0: the Wald interval collapses
    assert lk.binomial_wald_interval(n, n) == (1.0, 1.0)


@pytest.mark.parametrize("seed", range(3))
def test_gaussian_mu_interval_lr_equals_wald_closed_form(seed):
    x = gaussian_sample(seed, n=12)
    mu_hat, s2_hat = lk.gaussian_mle(x)
    for fixed, s2 in ((None, s2_hat), (2.5, 2.5)):
        half = Z95 * np.sqrt(s2 / x.size)
        assert_allclose(lk.gaussian_lr_interval(x, "mu", fixed=fixed), (mu_hat - half, mu_hat + half), rtol=1e-12)
        assert_allclose(lk.gaussian_wald_interval(x, "mu", fixed=fixed), (mu_hat - half, mu_hat + half), rtol=1e-12)


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("fixed", [None, 0.0])
def test_gaussian_sigma2_lr_interval(seed, fixed):
    x = gaussian_sample(seed, n=20)
    mu = np.mean(x) if fixed is None else fixed
    peak = np.mean((x - mu) ** 2)  # maximiser of the sigma2 slice at this mu
    lo, hi = lk.gaussian_lr_interval(x, "sigma2", 0.95, fixed=fixed)
    assert 0.0 < lo < peak < hi
    for end in (lo, hi):
        lr = 2 * (stats.norm.logpdf(x, mu, np.sqrt(peak)).sum() - stats.norm.logpdf(x, mu, np.sqrt(end)).sum())
        assert_allclose(lr, Q95, rtol=1e-9)
    w_lo, w_hi = lk.gaussian_wald_interval(x, "sigma2", 0.95, fixed=fixed)
    half = Z95 * peak * np.sqrt(2 / x.size)
    assert_allclose((w_lo, w_hi), (peak - half, peak + half), rtol=1e-12)


def test_intervals_sharpen_with_more_data():
    # Same proportion, 4x the data: both intervals about halve (SE ~ 1/sqrt(n)).
    for interval in (lk.binomial_wald_interval, lk.binomial_lr_interval):
        lo1, hi1 = interval(30, 100)
        lo4, hi4 = interval(120, 400)
        assert 0.45 < (hi4 - lo4) / (hi1 - lo1) < 0.55


# ------------------------------------------------------------------ why logs?


def brute_force_failure(densities, logs):
    """The loop naive code would run, and where its product stops being representable."""
    prod, ll = 1.0, 0.0
    for i, (f, lf) in enumerate(zip(densities, logs)):
        prod *= float(f)
        ll += float(lf)
        if (prod == 0.0 and ll > -np.inf) or prod == np.inf:
            return i + 1, ("underflow" if prod == 0.0 else "overflow"), ll
    return None, None, None


@pytest.mark.parametrize(
    "model,seed,params,n",
    [
        ("gaussian", 0, {"mu": 0.0, "sigma2": 1.0}, 2000),  # densities < 1: underflow
        ("gaussian", 1, {"mu": 0.5, "sigma2": 4.0}, 2000),
        ("gaussian", 2, {"mu": 0.0, "sigma2": 1e-10}, 500),  # densities ~ 4e4: overflow
        ("gaussian", 3, {"mu": 0.0, "sigma2": 1.0}, 50),  # too short to fail
        ("bernoulli", 4, {"p": 0.3}, 3000),
        ("bernoulli", 5, {"p": 0.9}, 100),
    ],
)
def test_naive_likelihood_matches_brute_force_loop(model, seed, params, n):
    rng = np.random.default_rng(seed)
    if model == "gaussian":
        x = rng.normal(params["mu"], np.sqrt(params["sigma2"]), size=n)
        dist = stats.norm(params["mu"], np.sqrt(params["sigma2"]))
        densities, logs = dist.pdf(x), dist.logpdf(x)
    else:
        x = rng.binomial(1, params["p"], size=n).astype(float)
        densities, logs = stats.bernoulli.pmf(x, params["p"]), stats.bernoulli.logpmf(x, params["p"])
    res = lk.naive_likelihood(model, x, **params)
    n_fail, kind, ll = brute_force_failure(densities, logs)
    assert res.failure_n == n_fail
    assert res.failure == kind
    assert_allclose(np.cumsum(logs), res.loglik, rtol=1e-9)
    if n_fail is None:
        assert res.loglik_at_failure is None
        assert np.all((res.product > 0) & np.isfinite(res.product))
    else:
        assert np.isfinite(res.loglik_at_failure)
        assert_allclose(res.loglik_at_failure, ll, rtol=1e-9)
        # the stable log-likelihood of the first failure_n points agrees with the sufficient-statistics form
        first = x[:n_fail]
        expected = (
            lk.gaussian_loglik(first, params["mu"], params["sigma2"])
            if model == "gaussian"
            else lk.bernoulli_loglik(first, params["p"])
        )
        assert_allclose(res.loglik_at_failure, expected, rtol=1e-9)


def test_naive_likelihood_half_probability_underflows_at_1075():
    # 0.5^1074 is the smallest subnormal double; 0.5^1075 rounds (to even) to 0.
    res = lk.naive_likelihood("bernoulli", np.zeros(1100), p=0.5)
    assert res.failure_n == 1075 and res.failure == "underflow"
    assert_allclose(res.loglik_at_failure, 1075 * np.log(0.5), rtol=1e-12)


def test_naive_likelihood_impossible_data_is_not_underflow():
    res = lk.naive_likelihood("bernoulli", [0, 0, 1, 0], p=0.0)
    assert res.failure_n is None
    assert res.product[-1] == 0.0 and res.loglik[-1] == -np.inf


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
        (lambda: lk.binomial_lr_interval(3, 10, level=1.0), "level"),
        (lambda: lk.binomial_wald_interval(3, 10, level=0.0), "level"),
        (lambda: lk.gaussian_lr_interval(GOOD_X, "tau"), "param"),
        (lambda: lk.gaussian_lr_interval(GOOD_X, "mu", fixed=-1.0), "fixed"),
        (lambda: lk.gaussian_lr_interval([2.0, 2.0], "sigma2", fixed=2.0), "fixed"),
        (lambda: lk.gaussian_se([2.0, 2.0, 2.0]), "spread"),
        (lambda: lk.gaussian_relative_loglik([2.0], 0.0, 1.0), "spread"),
        (lambda: lk.gaussian_score(GOOD_X, 0.0, -2.0), "sigma2"),
        (lambda: lk.gaussian_information(GOOD_X, 0.0, 0.0), "sigma2"),
        (lambda: lk.quadratic_loglik(0.0, 0.0, -1.0), "information"),
        (lambda: lk.naive_likelihood("binomial", [1], theta=0.5), "model"),
        (lambda: lk.naive_likelihood("gaussian", GOOD_X, mu=0.0), "params"),
        (lambda: lk.naive_likelihood("gaussian", GOOD_X, mu=0.0, sigma2=[1.0, 2.0]), "sigma2"),
        (lambda: lk.naive_likelihood("bernoulli", [0, 3], p=0.5), "x"),
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


# ------------------------------------------------------------------ the Likelihood page in one call



def _report(model, n, seed=0, naive=False, **truth):
    return lk.likelihood_report(model, n, truth=truth, seed=seed, naive=naive)


def _bernoulli_ll(x, p):
    """Brute force: Σ log f(x_i) with scipy, broadcast over p."""
    return stats.bernoulli.logpmf(np.asarray(x)[:, None], np.atleast_1d(p)[None, :]).sum(axis=0)


def _gauss_ll(x, mu, s2):
    mu, s2 = np.broadcast_arrays(np.atleast_1d(mu), np.atleast_1d(s2))
    return stats.norm.logpdf(np.asarray(x)[:, None], mu[None, :], np.sqrt(s2)[None, :]).sum(axis=0)


def test_report_for_8_of_10_matches_the_closed_forms():
    r = lk.likelihood_report("binomial", 10, k=8)
    v = r.views["theta"]
    assert r.mle == {"theta": 0.8} and r.truth is None and (r.n, r.k) == (10, 8)
    assert_allclose(r.loglik_max, stats.binom.logpmf(8, 10, 0.8), rtol=1e-12)
    assert v.window == (0.0, 1.0)  # few trials: the whole parameter range
    assert_allclose(v.loglik, stats.binom.logpmf(8, 10, v.theta), rtol=1e-9)
    assert v.lik_exponent == 0
    assert_allclose(v.lik, stats.binom.pmf(8, 10, v.theta), rtol=1e-9, atol=1e-300)
    assert abs(v.score_hat) < 1e-12  # the score k/θ − (n−k)/(1−θ) vanishes at 0.8
    assert_allclose(v.information, 10 / (0.8 * 0.2), rtol=1e-12)
    assert_allclose(v.se, np.sqrt(0.8 * 0.2 / 10), rtol=1e-12)
    se = np.sqrt(0.016)
    assert_allclose(v.wald, (0.8 - Z95 * se, 0.8 + Z95 * se), rtol=1e-12)
    assert v.wald[1] > 1.0  # the Wald interval leaves [0, 1]; the LR one does not
    assert 0.0 < v.lr[0] < 0.8 < v.lr[1] < 1.0
    for end in v.lr:
        assert_allclose(2 * (stats.binom.logpmf(8, 10, 0.8) - stats.binom.logpmf(8, 10, end)), Q95, rtol=1e-9)
    assert v.sharp_sizes == (10, 100, 1000, 10000) and v.sharp_k == (8, 80, 800, 8000)
    assert v.tangent_truth is None and v.tangent_hat[2] == pytest.approx(v.tangent_hat[3], abs=1e-12)


@pytest.mark.parametrize("model", ["bernoulli", "binomial"])
@pytest.mark.parametrize("n,p,seed", [(50, 0.3, 1), (2000, 0.8, 2), (7, 0.05, 3)])
def test_report_proportions_use_the_sampling_draw(model, n, p, seed):
    name = "p" if model == "bernoulli" else "theta"
    r = _report(model, n, seed, **{name: p})
    x = sampling.draw("bernoulli", {"p": p}, n, seed)
    k = int(x.sum())
    assert (r.n, r.k, r.truth) == (n, k, {name: p})
    assert r.mle[name] == k / n
    v = r.views[name]
    const = math.log(math.comb(n, k)) if model == "binomial" else 0.0  # exact integer C(n, k)
    inside = (v.theta > 0) & (v.theta < 1)
    assert_allclose(v.loglik[inside], _bernoulli_ll(x, v.theta[inside]) + const, rtol=1e-9)
    assert_allclose(r.loglik_max, _bernoulli_ll(x, k / n)[0] + const, rtol=1e-9, atol=1e-12)
    assert_allclose(v.loglik_truth, _bernoulli_ll(x, p)[0] + const, rtol=1e-9)
    assert_allclose(v.score_truth, (k - n * p) / (p * (1 - p)), rtol=1e-12)  # the correct (minus) sign
    assert v.window[0] <= min(p, k / n) and v.window[1] >= max(p, k / n)


@pytest.mark.parametrize("n,mu,s2,seed", [(100, 1.5, 2.0, 0), (5, -3.0, 0.01, 1), (20_000, 0.0, 9.0, 2)])
def test_report_gaussian_slices_match_scipy(n, mu, s2, seed):
    r = _report("gaussian", n, seed, mu=mu, sigma2=s2)
    x = sampling.draw("gaussian", {"mu": mu, "sigma": np.sqrt(s2)}, n, seed)
    mu_hat, scale = stats.norm.fit(x)
    assert_allclose([r.mle["mu"], r.mle["sigma2"]], [mu_hat, scale**2], rtol=1e-9)
    vm, vs = r.views["mu"], r.views["sigma2"]
    # sums of N terms: absolute slack ~ eps x Σ|terms| (see the surface test above)
    tol = 1e-12 * np.abs(stats.norm.logpdf(x, mu_hat, scale)).sum()
    assert_allclose(vm.loglik, _gauss_ll(x, vm.theta, scale**2), rtol=1e-9, atol=tol)
    assert_allclose(vs.loglik, _gauss_ll(x, mu_hat, vs.theta), rtol=1e-9, atol=tol)
    assert_allclose(r.loglik_max, _gauss_ll(x, mu_hat, scale**2)[0], rtol=1e-9, atol=tol)
    assert_allclose(vm.information, n / scale**2, rtol=1e-9)
    assert_allclose(vs.information, n / (2 * scale**4), rtol=1e-9)
    # the score at the truth against central differences of scipy's log-likelihood
    for v, f in ((vm, lambda t: _gauss_ll(x, t, scale**2)[0]), (vs, lambda t: _gauss_ll(x, mu_hat, t)[0])):
        h = 1e-5 * max(abs(v.truth), 1.0)
        fd = (f(v.truth + h) - f(v.truth - h)) / (2 * h)
        assert_allclose(v.score_truth, fd, rtol=1e-5, atol=1e-6 * max(1.0, abs(f(v.truth))) / h)
        assert abs(v.score_hat) <= 1e-9 * v.information * max(1.0, abs(v.theta_hat))
        assert v.window[0] <= min(v.truth, v.theta_hat) and v.window[1] >= max(v.truth, v.theta_hat)
    assert vs.window[0] > 0.0


@pytest.mark.parametrize("model,truth", [("bernoulli", {"p": 0.3}), ("gaussian", {"mu": 0.0, "sigma2": 1.0})])
def test_sharper_curves_are_nested_prefixes(model, truth):
    n, seed = 5000, 4
    r = lk.likelihood_report(model, n, truth=truth, seed=seed)
    dist = {"p": truth.get("p")} if model == "bernoulli" else {"mu": 0.0, "sigma": 1.0}
    x = sampling.draw(model, dist, n, seed)
    for v in r.views.values():
        assert v.sharp_sizes == (10, 100, 1000, 5000)
        widths = []
        for m in v.sharp_sizes:
            sel = v.sharp_size == m
            t, rel = v.sharp_theta[sel], v.sharp_rel[sel]
            xm = x[:m]
            if model == "bernoulli":
                brute = _bernoulli_ll(xm, t) - _bernoulli_ll(xm, xm.mean())[0]
            elif v.param == "mu":
                brute = _gauss_ll(xm, t, xm.var()) - _gauss_ll(xm, xm.mean(), xm.var())[0]
            else:
                brute = _gauss_ll(xm, xm.mean(), t) - _gauss_ll(xm, xm.mean(), xm.var())[0]
            assert_allclose(rel, brute, rtol=1e-7, atol=1e-9)  # differences of sums of m terms
            assert rel.max() <= 1e-12 and rel.min() >= -lk.SHARP_DROP - 1e-6
            widths.append(t.max() - t.min())
        assert widths[0] > widths[1] > widths[2] > widths[3]  # more data, sharper peak


@pytest.mark.parametrize("k,n", [(8, 10), (0, 12), (450, 1000)])
def test_quadratic_view_is_the_taylor_parabola(k, n):
    v = lk.likelihood_report("binomial", n, k=k).views["theta"]
    finite = np.isfinite(v.quad_q)
    j = n / (k / n * (1 - k / n)) if 0 < k < n else np.inf
    assert_allclose(v.quad_q[finite], -0.5 * j * (v.quad_theta[finite] - k / n) ** 2, rtol=1e-12, atol=1e-300)
    inside = (v.quad_theta >= 0) & (v.quad_theta <= 1)
    assert np.all(np.isnan(v.quad_rel[~inside]))
    brute = stats.binom.logpmf(k, n, v.quad_theta[inside]) - stats.binom.logpmf(k, n, k / n)
    assert_allclose(v.quad_rel[inside], brute, rtol=1e-9, atol=1e-12)
    assert v.quad_theta.min() <= v.wald[0] and v.quad_theta.max() >= v.wald[1]
    assert_allclose(v.lr_drop, Q95 / 2, rtol=1e-12)
    if 0 < k < n:  # the parabola crosses ℓ̂ − 1.92 exactly at the Wald endpoints
        assert_allclose(-0.5 * j * (np.array(v.wald) - k / n) ** 2, -Q95 / 2, rtol=1e-9)
    else:
        assert v.wald == (k / n, k / n) and v.information == np.inf and v.se == 0.0


def test_likelihood_curve_is_rescaled_by_a_power_of_ten():
    r = _report("gaussian", 1_000_000, 0, mu=0.0, sigma2=1.0)
    v = r.views["mu"]
    assert v.lik_exponent == int(np.floor(r.loglik_max / np.log(10)))
    # lik = exp(ℓ − e ln 10) in [0, 10); the raw exp(ℓ) would be 0.0
    assert np.exp(r.loglik_max) == 0.0
    assert 1.0 <= v.lik.max() < 10.0
    assert_allclose(np.log(v.lik), v.loglik - v.lik_exponent * np.log(10), rtol=1e-12)


@pytest.mark.parametrize("model,truth,n", [
    ("bernoulli", {"p": 0.5}, 3000),
    ("gaussian", {"mu": 1.0, "sigma2": 2.0}, 3000),
    ("gaussian", {"mu": 0.0, "sigma2": 0.01}, 3000),  # densities > 1: the product overflows
    ("bernoulli", {"p": 0.3}, 200),  # too short to fail
])
def test_naive_view_against_a_python_loop(model, truth, n):
    r = lk.likelihood_report(model, n, truth=truth, seed=5, naive=True)
    nv = r.naive
    if model == "bernoulli":
        x = sampling.draw("bernoulli", truth, n, 5)
        p = r.mle["p"]
        dens = [p if xi == 1 else 1 - p for xi in x]
        logs = stats.bernoulli.logpmf(x, p)
    else:
        x = sampling.draw("gaussian", {"mu": truth["mu"], "sigma": np.sqrt(truth["sigma2"])}, n, 5)
        m, s2 = r.mle["mu"], r.mle["sigma2"]
        dens = [np.exp(-((xi - m) ** 2) / (2 * s2)) / np.sqrt(2 * np.pi * s2) for xi in x]
        logs = stats.norm.logpdf(x, m, np.sqrt(s2))
    prod, products, failure = 1.0, [], None
    with np.errstate(under="ignore", over="ignore"):
        for i, d in enumerate(dens, 1):
            prod *= d
            products.append(prod)
            if failure is None and (prod == 0.0 or prod == np.inf):
                failure = i
    assert nv.failure_n == failure
    if failure is not None:
        assert {failure - 1, failure} <= set(nv.n.tolist())
        assert nv.failure == ("overflow" if products[failure - 1] == np.inf else "underflow")
        assert np.isfinite(nv.loglik_at_failure)
    assert nv.n[0] == 1 and nv.n[-1] == n and np.all(np.diff(nv.n) > 0) and nv.n.size <= 402
    assert_allclose(nv.log10_lik, np.cumsum(logs)[nv.n - 1] / np.log(10), rtol=1e-9, atol=1e-9)
    with np.errstate(divide="ignore"):
        assert_allclose(nv.log10_product, np.log10(np.array(products)[nv.n - 1]), rtol=1e-12)
    assert nv.product_last == products[-1]
    assert r.loglik_max == pytest.approx(np.sum(logs), rel=1e-9)
    assert lk.likelihood_report(model, n, truth=truth, seed=5).naive is None  # only when asked


def test_naive_view_of_typed_counts_spreads_the_successes():
    r = lk.likelihood_report("binomial", 3000, k=900, naive=True)
    spread = lk._spread(900, 3000)
    assert spread.sum() == 900 and set(np.unique(spread)) == {0.0, 1.0}
    assert np.all(np.abs(np.cumsum(spread) - np.arange(1, 3001) * 0.3) < 1)  # evenly spread
    res = lk.naive_likelihood("bernoulli", spread, p=0.3)
    assert r.naive.failure_n == res.failure_n is not None


def test_gaussian_surface_matches_brute_force_and_bounds_the_heatmap():
    x = gaussian_sample(7, n=40)
    mu_hat, s2_hat = lk.gaussian_mle(x)
    surf = lk.gaussian_surface(x, (mu_hat - 1, mu_hat + 1), (0.3 * s2_hat, 3 * s2_hat), grid=30, cells=12)
    assert surf.rel.shape == (30, 30) and (surf.grid, surf.cells) == (30, 12)
    mm, ss = np.meshgrid(surf.mu, surf.sigma2)
    brute = _gauss_ll(x, mm.ravel(), ss.ravel()).reshape(mm.shape) - _gauss_ll(x, mu_hat, s2_hat)[0]
    assert_allclose(surf.rel, brute, rtol=1e-9, atol=1e-10)
    assert surf.cell_rel.size == 144
    centres_mu = 0.5 * (surf.cell_mu_lo + surf.cell_mu_hi)
    centres_s2 = 0.5 * (surf.cell_sigma2_lo + surf.cell_sigma2_hi)
    assert_allclose(surf.cell_rel, _gauss_ll(x, centres_mu, centres_s2) - _gauss_ll(x, mu_hat, s2_hat)[0],
                    rtol=1e-9, atol=1e-10)
    assert_allclose(surf.cell_mu_lo.min(), mu_hat - 1) and surf.cell_mu_hi.max() == pytest.approx(mu_hat + 1)
    assert_allclose(surf.levels, [-8.0, -4.5, -2.0, -0.5])
    assert set(np.unique(surf.contours["level"])) <= set(surf.levels)
    assert surf.floor == -lk.VIEW_DROP
    big = lk.gaussian_surface(lk.gaussian_stats(x), (-1, 3), (0.5, 8), grid=200)
    assert big.cells == 48 and big.cell_rel.size + big.contours["x"].size <= 4800


@pytest.mark.parametrize(
    "call,name",
    [
        (lambda: lk.likelihood_report("poisson", 10, truth={"p": 0.5}, seed=0), "model"),
        (lambda: lk.likelihood_report("bernoulli", 0, truth={"p": 0.5}, seed=0), "n"),
        (lambda: lk.likelihood_report("bernoulli", 1_000_001, truth={"p": 0.5}, seed=0), "n"),
        (lambda: lk.likelihood_report("bernoulli", 10, truth={"theta": 0.5}, seed=0), "truth"),
        (lambda: lk.likelihood_report("bernoulli", 10, truth={"p": 1.5}, seed=0), "p"),
        (lambda: lk.likelihood_report("gaussian", 10, truth={"mu": 0.0, "sigma2": 0.0}, seed=0), "sigma2"),
        (lambda: lk.likelihood_report("bernoulli", 10, truth={"p": 0.5}), "seed"),
        (lambda: lk.likelihood_report("gaussian", 10, k=3), "k"),
        (lambda: lk.likelihood_report("binomial", 10, k=3, truth={"theta": 0.5}), "truth"),
        (lambda: lk.likelihood_report("binomial", 10, k=11), "k"),
        (lambda: lk.likelihood_report("gaussian", 1, truth={"mu": 0.0, "sigma2": 1.0}, seed=0), "x"),
        (lambda: lk.gaussian_surface(GOOD_X, (1.0, 0.0), (0.5, 2.0)), "mu_range"),
        (lambda: lk.gaussian_surface(GOOD_X, (0.0, 1.0), (0.0, 2.0)), "sigma2_range"),
        (lambda: lk.gaussian_surface(GOOD_X, (0.0, 1.0), (0.5, 2.0), grid=501), "grid"),
        (lambda: lk.gaussian_surface(GOOD_X, (0.0, 1.0), (0.5, 2.0), cells=71), "cells"),
    ],
)
def test_report_and_surface_reject_invalid_arguments(call, name):
    with pytest.raises(ValueError, match=name):
        call()


@SETTINGS
@given(n=st.integers(1, 3000), p=st.floats(0.01, 0.99), seed=st.integers(0, 2**32 - 1))
def test_report_window_holds_the_peak_and_the_truth_property(n, p, seed):
    v = lk.likelihood_report("bernoulli", n, truth={"p": p}, seed=seed).views["p"]
    lo, hi = v.window
    assert 0.0 <= lo <= min(p, v.theta_hat) and max(p, v.theta_hat) <= hi <= 1.0
    step = v.theta[1] - v.theta[0]
    assert abs(v.theta[np.nanargmax(v.loglik)] - v.theta_hat) <= step  # the grid peaks at the MLE
    assert v.loglik.max() <= v.loglik_hat + 1e-9 * max(1.0, abs(v.loglik_hat))
    assert v.floor < v.loglik_hat


def test_a_non_converging_endpoint_search_is_reported_as_value_error(monkeypatch):
    """brentq's RuntimeError (no convergence) surfaces as ValueError naming the level, never escapes."""

    def fail(*args, **kwargs):
        raise RuntimeError("Failed to converge after 500 iterations")

    monkeypatch.setattr(lk.optimize, "brentq", fail)
    with pytest.raises(ValueError, match=r"^level\b.*did not converge"):
        lk.binomial_lr_interval(3, 10)


@given(st.integers(1, 10_000).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))),
       st.floats(0.5, 0.999))
@settings(max_examples=60)
def test_binomial_wald_interval_is_the_bayes_one_unclipped(kn, level):
    from estimation import bayes

    k, n = kn
    lo, hi = lk.binomial_wald_interval(k, n, level)
    assert (lo, hi) == tuple(map(float, bayes.wald_interval(k, n, level, clip=False)))
    z = stats.norm.ppf(0.5 + 0.5 * level)  # closed form, independent of both modules
    half = z * math.sqrt(k / n * (1 - k / n) / n)
    assert_allclose([lo, hi], [k / n - half, k / n + half], rtol=1e-12, atol=1e-15)
    assert type(lo) is float and type(hi) is float


@pytest.mark.parametrize("k, n, name", [(np.array([1, 2]), 5, "k"), (6, 5, "k"), (1.5, 5, "k"), (1, 0, "n")])
def test_binomial_counts_are_single_integer_counts(k, n, name):
    with pytest.raises(ValueError, match=rf"^{name}\b"):
        lk.binomial_wald_interval(k, n)
