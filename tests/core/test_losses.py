"""Tests for estimation.losses: BCE on logits, and −log L / N = mean BCE.

Oracles: scikit-learn (log_loss), scipy.stats.bernoulli, closed-form
asymptotics of the softplus and central finite differences.
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import special, stats
from sklearn.metrics import log_loss

from estimation import losses as L
from estimation import sampling

RTOL = 1e-12  # closed forms evaluated with different but exact-to-rounding formulas


# ---------------------------------------------------------------------------
# Primitives
# ---------------------------------------------------------------------------


def test_bce_with_logits_matches_sklearn_log_loss():
    rng = np.random.default_rng(1)
    z = rng.normal(scale=3.0, size=2000)
    y = rng.integers(0, 2, size=2000).astype(float)
    p = special.expit(z)
    assert L.bce_with_logits(z, y) == pytest.approx(log_loss(y, p), rel=RTOL)
    assert L.bce_with_logits(z, y, reduction="sum") == pytest.approx(
        log_loss(y, p, normalize=False), rel=RTOL
    )
    per = L.bce_with_logits(z, y, reduction="none")
    assert per.shape == z.shape
    assert np.allclose(per, -(y * np.log(p) + (1 - y) * np.log1p(-p)), rtol=1e-10, atol=0)


def test_bernoulli_nll_is_n_times_mean_bce():
    rng = np.random.default_rng(2)
    z = rng.normal(scale=2.0, size=1000)
    y = rng.integers(0, 2, size=1000).astype(float)
    nll = L.bernoulli_nll(y, L.sigmoid(z))
    assert nll == pytest.approx(y.size * L.bce_with_logits(z, y), rel=RTOL)
    assert nll == pytest.approx(L.bce_with_logits(z, y, reduction="sum"), rel=RTOL)


def test_bernoulli_nll_scalar_p_and_mle():
    y = np.array([1, 1, 0, 1, 0, 1, 1, 1, 0, 1])  # 7 of 10
    # closed form: −[7 log p + 3 log(1 − p)], minimised at p̂ = 7/10
    for p in (0.3, 0.7, 0.9):
        assert L.bernoulli_nll(y, p) == pytest.approx(-(7 * np.log(p) + 3 * np.log(1 - p)), rel=RTOL)
    grid = np.linspace(0.01, 0.99, 99)
    assert grid[np.argmin([L.bernoulli_nll(y, p) for p in grid])] == pytest.approx(0.7)
    assert L.bernoulli_nll([0, 0], 0.0) == 0.0  # 0·log 0 = 0
    assert L.bernoulli_nll([1], 0.0) == np.inf  # an impossible observation


@pytest.mark.parametrize("z", [40.0, 100.0, 700.0, 1000.0, 1e6, 1e300])
def test_extreme_logits_match_asymptotic_forms(z):
    # ℓ(z, 0) = softplus(z) = z + log1p(e^{−z}) → z;
    # ℓ(z, 1) = softplus(−z) = e^{−z} − e^{−2z}/2 + …
    assert L.bce_with_logits([z], [0.0]) == pytest.approx(z + np.exp(-z), rel=RTOL)
    assert L.bce_with_logits([z], [1.0]) == pytest.approx(np.exp(-z), rel=RTOL, abs=0)
    assert L.bce_with_logits([-z], [1.0]) == pytest.approx(z + np.exp(-z), rel=RTOL)
    assert L.bce_with_logits([-z], [0.0]) == pytest.approx(np.exp(-z), rel=RTOL, abs=0)
    # log σ(z) = −softplus(−z) → −e^{−z};  log σ(−z) → −z
    assert L.log_sigmoid(-z) == pytest.approx(-z - np.exp(-z), rel=RTOL)
    assert L.log_sigmoid(z) == pytest.approx(-np.exp(-z), rel=RTOL, abs=0)
    assert L.sigmoid(z) == 1.0


def test_extreme_logits_exact_values_at_1000():
    z = np.array([1000.0, -1000.0, 1000.0, -1000.0])
    y = np.array([0.0, 1.0, 1.0, 0.0])
    assert np.array_equal(L.bce_with_logits(z, y, reduction="none"), [1000.0, 1000.0, 0.0, 0.0])
    assert L.bce_with_logits(z, y, reduction="sum") == 2000.0
    assert L.log_sigmoid(-1000.0) == -1000.0
    # sigmoid(−700) = e^{−700}/(1 + e^{−700}) = e^{−700} to double precision
    assert L.sigmoid(-700.0) == pytest.approx(np.exp(-700.0), rel=1e-13)
    # the naive formula fails where the stable one does not
    with np.errstate(divide="ignore"):
        assert np.log(special.expit(-1000.0)) == -np.inf


def test_bce_gradient_in_z_is_sigmoid_minus_y():
    z = np.linspace(-8, 8, 33)
    h = 1e-6
    for yv in (0.0, 0.3, 1.0):
        y = np.full_like(z, yv)
        up = L.bce_with_logits(z + h, y, reduction="none")
        dn = L.bce_with_logits(z - h, y, reduction="none")
        # central difference: truncation O(h²) ≈ 1e-12, rounding ≈ 1e-16/h = 1e-10
        assert np.allclose((up - dn) / (2 * h), L.sigmoid(z) - y, rtol=0, atol=1e-9)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.floats(-1e4, 1e4, allow_nan=False), min_size=1, max_size=20),
    st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0]),  # 1 − y is exact for these
)
def test_bce_properties(zs, yv):
    z = np.array(zs)
    y = np.full_like(z, yv)
    loss = L.bce_with_logits(z, y, reduction="none")
    assert np.all(np.isfinite(loss)) and np.all(loss >= 0)
    # label flip symmetry: ℓ(z, y) = ℓ(−z, 1 − y)
    assert np.allclose(loss, L.bce_with_logits(-z, 1 - y, reduction="none"), rtol=1e-12, atol=0)
    # and the textbook formula logaddexp(0, z) − y z where that one is accurate
    assert np.allclose(loss, np.logaddexp(0, z) - y * z, rtol=1e-9, atol=1e-9 * np.abs(z).max())


def test_bce_from_probs_matches_log_loss_including_clipping():
    rng = np.random.default_rng(3)
    p = rng.uniform(size=500)
    p[:4] = [0.0, 1.0, 0.0, 1.0]
    y = rng.integers(0, 2, size=500).astype(float)
    y[:4] = [1.0, 0.0, 0.0, 1.0]
    assert L.bce_from_probs(p, y) == pytest.approx(log_loss(y, p), rel=RTOL)
    eps = np.finfo(float).eps
    assert L.bce_from_probs([0.0], [1.0]) == pytest.approx(-np.log(eps), rel=RTOL)
    assert L.bce_from_probs([0.0], [1.0], eps=1e-7) == pytest.approx(-np.log(1e-7), rel=RTOL)


def test_bce_from_probs_agrees_with_logits_version():
    z = np.linspace(-10, 10, 101)
    y = (np.arange(101) % 2).astype(float)
    # 1 − σ(z) carries an absolute error ~1e-16, i.e. relative 1e-16·e^{10} ≈ 2e-12 at z = 10
    assert L.bce_from_probs(L.sigmoid(z), y) == pytest.approx(L.bce_with_logits(z, y), rel=1e-11)


@pytest.mark.parametrize("p, q, n, seed", [(0.3, 0.6, 20, 42), (0.9, 0.05, 1000, 1), (0.5, 0.5, 1, 7)])
def test_bernoulli_identity_matches_scipy_and_brute_force(p, q, n, seed):
    ident = L.bernoulli_identity(p, q, n, seed)
    x = sampling.draw("bernoulli", {"p": p}, n, seed)  # the same sample (the Sampling page's draw)
    assert ident.n == n and ident.k == int(x.sum()) and ident.q_hat == x.mean()
    assert ident.nll_sum == pytest.approx(-stats.bernoulli.logpmf(x, q).sum(), rel=RTOL)
    assert ident.nll_mean == pytest.approx(ident.nll_sum / n, rel=RTOL)
    assert ident.bce_mean == pytest.approx(ident.nll_mean, rel=RTOL)  # the identity itself
    assert ident.bce_mean == pytest.approx(log_loss(x, np.full(n, q), labels=[0, 1]), rel=RTOL)
    assert ident.z_q == pytest.approx(np.log(q / (1 - q)), rel=RTOL)
    assert ident.nll_mean_at_mle == pytest.approx(
        -stats.bernoulli.logpmf(x, ident.q_hat).sum() / n if 0 < ident.k < n else 0.0, rel=RTOL, abs=1e-300)
    # the loss curves over a logit grid are the page's: tests/core/test_views_cross_entropy.py


@settings(max_examples=100, deadline=None)
@given(p=st.floats(0, 1), q=st.floats(1e-6, 1 - 1e-6), n=st.integers(1, 3000), seed=st.integers(0, 2**32 - 1))
def test_bernoulli_identity_properties(p, q, n, seed):
    ident = L.bernoulli_identity(p, q, n, seed)
    assert ident.bce_mean == pytest.approx(ident.nll_mean, rel=1e-12)
    assert ident.nll_mean >= ident.nll_mean_at_mle - 1e-12  # q̂ = k/N minimises −log L


def test_bernoulli_identity_all_zeros_and_all_ones():
    zeros = L.bernoulli_identity(0.0, 0.3, 50, 0)
    assert zeros.k == 0 and zeros.q_hat == 0.0 and zeros.nll_mean_at_mle == 0.0
    assert zeros.nll_mean == pytest.approx(-np.log(0.7), rel=RTOL)
    ones = L.bernoulli_identity(1.0, 0.3, 50, 0)
    assert ones.k == 50 and ones.nll_mean == pytest.approx(-np.log(0.3), rel=RTOL)


@pytest.mark.parametrize(
    "call, word",
    [
        (lambda: L.bce_with_logits([0.0], [0.0], reduction="avg"), "reduction"),
        (lambda: L.bce_with_logits([0.0], [1.5]), "y"),
        (lambda: L.bce_with_logits([0.0, 1.0], [1.0]), "shape"),
        (lambda: L.bce_with_logits([np.nan], [1.0]), "z"),
        (lambda: L.bce_from_probs([1.2], [1.0]), "p"),
        (lambda: L.bce_from_probs([0.5], [1.0], eps=0.0), "eps"),
        (lambda: L.bernoulli_nll([0.5], 0.5), "0 and 1"),
        (lambda: L.bernoulli_nll([0.0, 1.0], [0.5, 0.5, 0.5]), "shape"),
        (lambda: L.bernoulli_nll([1.0], -0.1), "p"),
        (lambda: L.sigmoid(np.nan), "z"),
        (lambda: L.bernoulli_identity(1.5, 0.5, 10, 0), "p"),
        (lambda: L.bernoulli_identity(0.5, 1.0, 10, 0), "q"),
        (lambda: L.bernoulli_identity(0.5, 0.0, 10, 0), "q"),
        (lambda: L.bernoulli_identity(0.5, 0.5, 0, 0), "n"),
        (lambda: L.bernoulli_identity(0.5, 0.5, 10, -1), "seed"),
    ],
)
def test_bad_arguments_raise_value_error(call, word):
    with pytest.raises(ValueError, match=word):
        call()
