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


def test_running_mean_equals_prefix_means():
    x = sampling.draw("gaussian", {"mu": 1.0, "sigma": 2.0}, 1000, seed=3)
    brute = np.array([x[:k].mean() for k in range(1, x.size + 1)])
    np.testing.assert_allclose(sampling.running_mean(x), brute, rtol=1e-12)


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
        lambda: sampling.running_mean([]),
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
