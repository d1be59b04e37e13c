"""Sampling core against scipy.stats, numpy and brute force."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from estimation import sampling

CASES = [
    ("bernoulli", {"p": 0.3}, stats.bernoulli(0.3)),
    ("bernoulli", {"p": 0.0}, stats.bernoulli(0.0)),
    ("binomial", {"n": 10, "p": 0.3}, stats.binom(10, 0.3)),
    ("binomial", {"n": 100, "p": 0.97}, stats.binom(100, 0.97)),
    ("gaussian", {"mu": -2.0, "sigma": 3.0}, stats.norm(-2.0, 3.0)),
]


@pytest.mark.parametrize("dist,params,oracle", CASES)
def test_moments_match_scipy(dist, params, oracle):
    mean, var = sampling.moments(dist, params)
    # closed forms against scipy's own moments: both exact up to rounding
    np.testing.assert_allclose([mean, var], oracle.stats(moments="mv"), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("dist,params,oracle", CASES)
def test_same_seed_same_sample_and_distribution_fits(dist, params, oracle):
    x = sampling.draw(dist, params, 20_000, seed=7)
    np.testing.assert_array_equal(x, sampling.draw(dist, params, 20_000, seed=7))
    assert not np.array_equal(x, sampling.draw(dist, params, 20_000, seed=8)) or oracle.var() == 0
    # The parametrisation is right (σ is a standard deviation, n the trials):
    # a seeded goodness-of-fit test; a wrong scale would give p ≈ 0.
    if dist == "gaussian":
        assert stats.kstest(x, oracle.cdf).pvalue > 1e-3
    elif oracle.var() > 0:
        k = np.arange(int(oracle.ppf(1e-6)), int(oracle.ppf(1 - 1e-6)) + 1)
        observed = np.array([(x == v).sum() for v in k])
        expected = oracle.pmf(k) * x.size
        keep = expected > 5
        chi2 = ((observed[keep] - expected[keep]) ** 2 / expected[keep]).sum()
        assert stats.chi2.sf(chi2, keep.sum() - 1) > 1e-3


@pytest.mark.parametrize("dist,params,oracle", CASES)
def test_histogram_exact_overlay_matches_scipy(dist, params, oracle):
    x = sampling.draw(dist, params, 5_000, seed=1)
    h = sampling.histogram(x, dist, params)
    assert h.count.sum() == x.size
    if dist == "gaussian":
        np.testing.assert_allclose(h.exact, oracle.pdf(h.center), rtol=1e-12)
        np.testing.assert_allclose(h.curve_y, oracle.pdf(h.curve_x), rtol=1e-12)
        # density integrates to one over the bins
        assert np.isclose((h.density * (h.right - h.left)).sum(), 1.0, rtol=1e-12)
        assert 10 <= h.count.size <= 80
    else:
        np.testing.assert_allclose(h.exact, oracle.pmf(h.center), rtol=1e-12, atol=1e-300)
        # brute force: relative frequency of each integer
        brute = np.array([(x == k).mean() for k in h.center])
        np.testing.assert_allclose(h.density, brute, rtol=1e-12)


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(1, 3000),
    seed=st.integers(0, 2**32 - 1),
    dist=st.sampled_from(["bernoulli", "binomial", "gaussian"]),
)
def test_binned_counts_always_sum_to_n(n, seed, dist):
    params = sampling.DISTRIBUTIONS[dist].defaults
    x = sampling.draw(dist, params, n, seed)
    h = sampling.histogram(x, dist, params)
    assert h.count.sum() == n
    assert np.all(h.count >= 0)
    assert np.all(h.left < h.right)
    # every sample value falls inside the binned range
    assert h.left[0] <= x.min() and x.max() <= h.right[-1]


@settings(max_examples=100, deadline=None)
@given(n=st.integers(1, 10**7), max_points=st.integers(2, 5000))
def test_thinned_series_keeps_first_and_last(n, max_points):
    idx = sampling.thin_log_indices(n, max_points)
    assert idx[0] == 0 and idx[-1] == n - 1
    assert idx.size <= max_points
    assert np.all(np.diff(idx) > 0)


def test_running_mean_equals_prefix_means():
    x = sampling.draw("gaussian", {"mu": 1.0, "sigma": 2.0}, 1000, seed=3)
    brute = np.array([x[:k].mean() for k in range(1, x.size + 1)])
    np.testing.assert_allclose(sampling.running_mean(x), brute, rtol=1e-12)


def test_summarize_agrees_with_numpy_and_band_formula():
    params = {"n": 20, "p": 0.4}
    s = sampling.summarize("binomial", params, 10_000, seed=5)
    x = sampling.draw("binomial", params, 10_000, seed=5)
    assert s.sample_mean == pytest.approx(x.mean(), rel=1e-12)
    assert s.sample_var == pytest.approx(np.var(x, ddof=1), rel=1e-12)
    np.testing.assert_allclose(s.running, np.cumsum(x)[s.k - 1] / s.k, rtol=1e-12)
    np.testing.assert_allclose(s.band, 2 * np.sqrt(20 * 0.4 * 0.6 / s.k), rtol=1e-12)
    assert s.k.size <= 2000 and s.k[0] == 1 and s.k[-1] == 10_000


def test_law_of_large_numbers_at_one_million():
    s = sampling.summarize("gaussian", {"mu": 0.5, "sigma": 2.0}, 1_000_000, seed=11)
    # 5 standard errors: a seeded draw, so this is deterministic, not flaky
    assert abs(s.sample_mean - 0.5) < 5 * 2.0 / 1000
    assert s.k.size <= 2000


def test_single_draw_is_handled():
    s = sampling.summarize("gaussian", {"mu": 0.0, "sigma": 1.0}, 1, seed=0)
    assert s.n == 1 and s.sample_var is None
    assert s.hist.count.sum() == 1


@pytest.mark.parametrize(
    "call",
    [
        lambda: sampling.draw("poisson", {"lam": 1}, 10, 0),
        lambda: sampling.draw("bernoulli", {"p": 1.5}, 10, 0),
        lambda: sampling.draw("bernoulli", {"p": float("nan")}, 10, 0),
        lambda: sampling.draw("binomial", {"n": 0, "p": 0.5}, 10, 0),
        lambda: sampling.draw("binomial", {"p": 0.5}, 10, 0),
        lambda: sampling.draw("gaussian", {"mu": 0.0, "sigma": 0.0}, 10, 0),
        lambda: sampling.draw("gaussian", {"mu": 0.0, "sigma": 1.0}, 0, 0),
        lambda: sampling.draw("gaussian", {"mu": 0.0, "sigma": 1.0}, sampling.MAX_SIZE + 1, 0),
        lambda: sampling.draw("gaussian", {"mu": 0.0, "sigma": 1.0}, 10, -1),
        lambda: sampling.draw("gaussian", {"mu": 0.0, "sigma": 1.0}, 2.5, 0),
        lambda: sampling.histogram([0.5, 1.0], "bernoulli", {"p": 0.5}),
        lambda: sampling.histogram([np.inf], "gaussian", {"mu": 0.0, "sigma": 1.0}),
        lambda: sampling.running_mean([]),
        lambda: sampling.thin_log_indices(0),
    ],
)
def test_invalid_arguments_raise_value_error(call):
    with pytest.raises(ValueError):
        call()


def test_repeated_draws_share_one_read_only_array():
    a = sampling.draw("gaussian", {"mu": 0.0, "sigma": 1.0}, 1000, seed=5)
    b = sampling.draw("gaussian", {"sigma": 1.0, "mu": 0.0}, 1000, seed=5)
    assert np.array_equal(a, b) and not a.flags.writeable
    with pytest.raises(ValueError):
        a[0] = 1.0  # shared between callers: changing it would change the other's data
    fresh = np.random.default_rng(5).normal(0.0, 1.0, 1000)
    assert np.array_equal(a, fresh)
    assert not np.array_equal(a, sampling.draw("gaussian", {"mu": 0.0, "sigma": 1.0}, 1000, seed=6))
