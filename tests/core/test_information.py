"""Entropy, KL divergence and cross-entropy against scipy.stats.entropy and the 0 log 0 convention."""

from __future__ import annotations

import doctest
import math

import numpy as np
import pytest
from scipy import stats

from estimation import information as info

RNG = np.random.default_rng(20261204)


def test_doctests():
    assert doctest.testmod(info, raise_on_error=False).failed == 0


@pytest.mark.parametrize("units, base", [("nats", None), ("bits", 2)])
def test_entropy_kl_cross_entropy_match_scipy(units, base):
    for k in (2, 3, 6, 10):
        p = RNG.dirichlet(np.ones(k))
        q = RNG.dirichlet(np.ones(k))
        assert abs(info.entropy(p, units) - stats.entropy(p, base=base)) <= 1e-12
        assert abs(info.kl_divergence(p, q, units) - stats.entropy(p, q, base=base)) <= 1e-12
        # H(p, q) = H(p) + KL(p‖q), both from scipy
        oracle = stats.entropy(p, base=base) + stats.entropy(p, q, base=base)
        assert abs(info.cross_entropy(p, q, units) - oracle) <= 1e-12
        d = info.decomposition(p, q, units)
        assert abs(d.cross_entropy - d.entropy - d.kl) <= 1e-12


def test_zero_probabilities_follow_0_log_0_convention():
    p = np.array([0.5, 0.5, 0.0])
    assert info.entropy(p, "bits") == 1.0
    assert info.kl_divergence(p, [0.25, 0.25, 0.5], "bits") == pytest.approx(1.0, rel=1e-15)
    assert info.kl_divergence([0.5, 0.5], [1.0, 0.0]) == math.inf  # q misses an outcome p has


def test_the_mle_of_a_categorical_is_the_sample_frequency():
    # H(p̂, q) over a fine simplex grid is smallest at q = p̂, where KL = 0
    counts = np.array([7, 2, 11])
    p_hat = counts / counts.sum()
    grid = np.array([(a, b, 1 - a - b) for a in np.linspace(0.01, 0.98, 98)
                     for b in np.linspace(0.01, 0.98, 98) if a + b < 0.995])
    ce = info.cross_entropy(p_hat, grid)
    best = grid[np.argmin(ce)]
    assert np.allclose(best, p_hat, atol=0.01)
    assert info.kl_divergence(p_hat, p_hat) == 0.0
    # N·H(p̂, q) is the categorical negative log-likelihood
    q = np.array([0.2, 0.3, 0.5])
    labels = np.repeat(np.arange(3), counts)
    assert counts.sum() * info.cross_entropy(p_hat, q) == pytest.approx(-np.log(q[labels]).sum(), rel=1e-14)


@pytest.mark.parametrize("call, word", [
    (lambda: info.entropy([0.5, 0.6]), "sum to 1"),
    (lambda: info.entropy([0.5, 0.5], units="dits"), "units"),
    (lambda: info.kl_divergence([0.5, 0.5], [1.0]), "outcomes"),
])
def test_bad_arguments_raise_value_error(call, word):
    with pytest.raises(ValueError, match=word):
        call()
