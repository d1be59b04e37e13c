"""Tests for estimation.bayes against scipy.stats, closed forms and brute force."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import integrate, optimize, special, stats

from estimation import bayes

Z95 = 1.959963984540054  # Φ^{-1}(0.975), from tables

shape = st.floats(0.1, 200.0)
counts = st.integers(0, 500).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n)))
levels = st.floats(0.5, 0.99)

# Shapes covering unimodal, skewed, J (monotone), U and near-flat posteriors.
SHAPES = [
    (9.0, 3.0), (2.0, 2.0), (1.5, 200.0), (300.0, 1.2), (50.5, 50.5), (1.0, 5.0),
    (0.4, 3.0), (3.0, 0.5), (1.0, 0.7), (0.5, 0.5), (0.3, 0.9), (0.9, 0.2), (1.02, 1.02),
]


# ----------------------------------------------------------------- update --
def test_beta_update_matches_hand_count():
    assert bayes.beta_update(1, 1, 8, 10) == (9.0, 3.0)
    a_post, b_post = bayes.beta_update(2.0, 3.0, [0, 4, 10], 10)
    np.testing.assert_array_equal(a_post, [2.0, 6.0, 12.0])
    np.testing.assert_array_equal(b_post, [13.0, 9.0, 3.0])


@given(
    a=shape,
    b=shape,
    x=st.lists(st.integers(0, 1), min_size=0, max_size=200),
)
def test_sequential_update_ends_at_batch_update(a, b, x):
    a_seq, b_seq = bayes.sequential_update(a, b, x)
    assert a_seq.shape == b_seq.shape == (len(x) + 1,)
    assert (a_seq[0], b_seq[0]) == (a, b)
    k, n = sum(x), len(x)
    np.testing.assert_allclose((a_seq[-1], b_seq[-1]), bayes.beta_update(a, b, k, n), rtol=1e-15)
    # each step adds exactly one observation to one of the two counts
    np.testing.assert_allclose(np.diff(a_seq), x, atol=1e-9)
    np.testing.assert_allclose(np.diff(a_seq) + np.diff(b_seq), 1.0, atol=1e-9)


# ------------------------------------------------------- point summaries --
@pytest.mark.parametrize("a, b", SHAPES)
def test_mean_and_variance_match_scipy(a, b):
    assert bayes.posterior_mean(a, b) == pytest.approx(stats.beta.mean(a, b), rel=1e-13)
    assert bayes.posterior_variance(a, b) == pytest.approx(stats.beta.var(a, b), rel=1e-12)


def test_mean_and_variance_vectorise():
    a, b = np.array([1.0, 2.0, 30.0]), np.array([4.0, 2.0, 0.5])
    np.testing.assert_allclose(bayes.posterior_mean(a, b), stats.beta.mean(a, b), rtol=1e-13)
    np.testing.assert_allclose(bayes.posterior_variance(a, b), stats.beta.var(a, b), rtol=1e-12)


def test_posterior_predictive_is_integral_of_p_times_posterior():
    a, b, k, n = 2.0, 3.0, 7, 20
    post = stats.beta(a + k, b + n - k)
    # quad reaches ~1e-14 on this smooth polynomial-like integrand
    expected, _ = integrate.quad(lambda p: p * post.pdf(p), 0.0, 1.0, epsabs=1e-14, epsrel=1e-13)
    assert bayes.posterior_predictive(a, b, k, n) == pytest.approx(expected, rel=1e-10)
    assert bayes.posterior_predictive(1, 1, 3, 4) == pytest.approx(4 / 6, rel=1e-15)  # Laplace


def test_mle_is_k_over_n():
    assert bayes.mle(8, 10) == 0.8
    np.testing.assert_array_equal(bayes.mle([0, 5, 10], 10), [0.0, 0.5, 1.0])


@pytest.mark.parametrize(
    "a, b, kind, value",
    [
        (9.0, 3.0, "interior", 0.8),
        (1.0, 1.0, "flat", None),
        (0.5, 0.5, "both_ends", None),
        (0.5, 3.0, "left", 0.0),
        (1.0, 3.0, "left", 0.0),
        (0.5, 1.0, "left", 0.0),
        (3.0, 0.5, "right", 1.0),
        (3.0, 1.0, "right", 1.0),
        (1.0, 0.5, "right", 1.0),
    ],
)
def test_mode_boundary_cases(a, b, kind, value):
    mode = bayes.posterior_mode(a, b)
    assert mode.kind == kind
    assert mode.value == value
    if value is not None and kind != "interior":
        # the density at the claimed boundary mode beats every interior point
        grid = np.linspace(1e-6, 1 - 1e-6, 2001)
        edge = stats.beta.pdf(np.clip(value, 1e-12, 1 - 1e-12), a, b)
        assert np.all(stats.beta.pdf(grid, a, b) <= edge * (1 + 1e-9))


@pytest.mark.parametrize("a, b", [(9.0, 3.0), (1.5, 200.0), (300.0, 1.2), (1.02, 1.02)])
def test_interior_mode_is_numerical_argmax(a, b):
    res = optimize.minimize_scalar(
        lambda p: -stats.beta.logpdf(p, a, b), bounds=(0, 1), method="bounded",
        options={"xatol": 1e-12},
    )
    # bounded Brent stops at xatol relative to the bracket; 1e-7 covers it
    assert bayes.posterior_mode(a, b).value == pytest.approx(res.x, rel=1e-6, abs=1e-7)


@given(a=st.floats(1.0, 50.0), b=st.floats(1.0, 50.0), kn=counts)
def test_map_is_mle_with_pseudo_counts(a, b, kn):
    k, n = kn
    mode = bayes.posterior_mode(*bayes.beta_update(a, b, k, n))
    if mode.kind == "interior":
        assert mode.value == pytest.approx((k + a - 1) / (n + a + b - 2), rel=1e-12)


@given(kn=counts.filter(lambda kn: kn[1] >= 1))
def test_map_under_uniform_prior_is_the_mle(kn):
    k, n = kn
    assert bayes.posterior_mode(*bayes.beta_update(1, 1, k, n)).value == pytest.approx(
        bayes.mle(k, n), rel=1e-15, abs=0.0
    )


@given(a=shape, b=shape, kn=counts)
def test_posterior_mean_between_prior_mean_and_mle(a, b, kn):
    k, n = kn
    if n == 0:
        return
    prior_mean, mle = a / (a + b), k / n
    post = bayes.posterior_mean(*bayes.beta_update(a, b, k, n))
    lo, hi = min(prior_mean, mle), max(prior_mean, mle)
    assert lo - 1e-12 <= post <= hi + 1e-12


# ------------------------------------------------------------- intervals --
@pytest.mark.parametrize("a, b", SHAPES)
@pytest.mark.parametrize("level", [0.5, 0.9, 0.95, 0.99])
def test_equal_tailed_matches_scipy_interval(a, b, level):
    lo, hi = bayes.equal_tailed_interval(a, b, level)
    ref_lo, ref_hi = stats.beta.interval(level, a, b)
    assert lo == pytest.approx(ref_lo, rel=1e-9)
    assert hi == pytest.approx(ref_hi, rel=1e-9)
    mass = stats.beta.cdf(hi, a, b) - stats.beta.cdf(lo, a, b)
    assert mass == pytest.approx(level, abs=1e-12 + _rounding_mass(np.array([lo, hi]), a, b))


def test_equal_tailed_interval_can_miss_the_mode():
    # A strongly right-skewed posterior: the MAP lies left of the 2.5 % quantile.
    a, b = 1.01, 1000.0
    lo, _ = bayes.equal_tailed_interval(a, b)
    mode = bayes.posterior_mode(a, b).value
    assert mode < lo
    assert bayes.hdi(a, b).pieces[0][0] <= mode


def _rounding_mass(p, a, b):
    """Mass the endpoints ``p`` can be off by because they are doubles:
    f(p) * ulp(p), times 4 for slack. It matters where the density is steep
    next to 0 or 1 (e.g. an endpoint at 1 - 1e-9 with b < 1)."""
    return 4.0 * np.sum(stats.beta.pdf(p, a, b) * np.spacing(p))


def _rounding_rtol(p, a, b):
    """Relative change of the Beta density over 4 ulps of ``p``: |d log f/dp| * 4 ulp(p)."""
    return 4.0 * np.abs((a - 1) / p - (b - 1) / (1 - p)) * np.spacing(p)


def _hdi_mass(h, a, b):
    return sum(stats.beta.cdf(hi, a, b) - stats.beta.cdf(lo, a, b) for lo, hi in h.pieces)


def _assert_is_highest_density_region(h, a, b, level):
    """Mass ``level`` and equal density ``height`` at the cuts l < u (the inner
    ends). A cut may sit on 0 or 1 only where the density is monotone, or where
    the true cut lies beyond the last double before that end: then the density
    there is still on the far side of ``height``."""
    kind = bayes.posterior_mode(a, b).kind
    if kind == "both_ends":
        assert len(h.pieces) == 2 and h.pieces[0][0] == 0.0 and h.pieces[1][1] == 1.0
        cuts = np.array([h.pieces[0][1], h.pieces[1][0]])
    else:
        ((lo, hi),) = h.pieces
        cuts = np.array({"left": [hi], "right": [lo]}.get(kind, [lo, hi]))
    inner = cuts[(cuts > 0.0) & (cuts < 1.0)]
    assert _hdi_mass(h, a, b) == pytest.approx(level, abs=1e-11 + _rounding_mass(inner, a, b))
    # a cut snapped to an end: the true cut lies between that end and the nearest
    # double, where the density falls to 0 (shape > 1) or rises to +inf (shape < 1)
    ends = {0.0: (1e-300, a), 1.0: (np.nextafter(1.0, 0.0), b)}
    for edge, shape in (ends[c] for c in set(cuts.tolist()) if c in ends):
        f_edge = stats.beta.pdf(edge, a, b)
        if shape > 1:
            assert f_edge >= h.height * (1 - 1e-9)
        else:
            assert f_edge <= h.height * (1 + 1e-9)
    # Brent's root is exact to double precision in the mass split; what remains
    # is rounding of each cut to a double (large only right next to 0 or 1).
    f = stats.beta.pdf(inner, a, b)
    rounding = np.sum(_rounding_rtol(inner, a, b))
    assert abs(f[-1] / f[0] - 1.0) <= 1e-11 + rounding
    # `height` is exp(log f) with log B(a, b) = lgamma(a) + lgamma(b) - lgamma(a+b)
    # from scipy.special.betaln, which loses ~eps * lgamma(a + b) absolute to
    # cancellation (3e-10 at a + b = 1e5); scipy's Boost pdf avoids that
    betaln_rtol = 1e-12 + 4 * np.finfo(float).eps * special.gammaln(a + b)
    np.testing.assert_allclose(f, h.height, rtol=betaln_rtol + rounding)


def _brute_force_shortest(a, b, level, m=200_001):
    """Smallest length over a fine grid of candidate sets of mass ``level``:
    intervals [F^-1(t), F^-1(t + level)], or for a U shape the unions
    [0, F^-1(s)] ∪ [F^-1(1 - level + s), 1]."""
    if a < 1 and b < 1:
        s = np.linspace(0.0, level, m)
        return np.min(stats.beta.ppf(s, a, b) + 1.0 - stats.beta.isf(level - s, a, b))
    t = np.linspace(0.0, 1.0 - level, m)
    return np.min(stats.beta.isf(1.0 - level - t, a, b) - stats.beta.ppf(t, a, b))


@pytest.mark.parametrize("a, b", SHAPES)
@pytest.mark.parametrize("level", [0.5, 0.95])
def test_hdi_mass_equal_density_and_shortest(a, b, level):
    h = bayes.hdi(a, b, level)
    assert h.unique
    _assert_is_highest_density_region(h, a, b, level)
    # shortest: no grid candidate beats it, and the best one is within the grid's
    # second-order error (spacing <= 5e-6 in mass)
    brute = _brute_force_shortest(a, b, level)
    assert h.length <= brute + 1e-12
    assert brute - h.length <= 1e-6


@pytest.mark.parametrize(
    "a, b, snapped",
    [
        (1 + 1e-12, 5.0, (0, 0)),  # lower cut < 1e-300: region [0, u]
        (5.0, 1 + 1e-12, (-1, -1)),  # mirror image: upper cut within an ulp of 1
        (0.99999, 0.5, (0, 1)),  # U shape whose left piece has no resolvable mass
        (0.01, 0.9, (1, 0)),  # U shape whose right piece is closer to 1 than 1e-16
    ],
)
def test_hdi_cuts_beyond_double_resolution_snap_to_the_boundary(a, b, snapped):
    h = bayes.hdi(a, b, 0.95)
    piece, end = snapped
    assert h.pieces[piece][end] in (0.0, 1.0)
    _assert_is_highest_density_region(h, a, b, 0.95)


def test_u_shaped_hdr_is_shorter_than_any_single_interval():
    a, b, level = 0.5, 0.5, 0.95
    h = bayes.hdi(a, b, level)
    t = np.linspace(0.0, 1.0 - level, 100_001)
    single = stats.beta.isf(1.0 - level - t, a, b) - stats.beta.ppf(t, a, b)
    assert h.length < single.min()
    # the shortest single interval sits at an end: [0, F^-1(level)]
    assert single.argmin() in (0, t.size - 1)


def test_hdi_of_uniform_is_not_unique():
    h = bayes.hdi(1, 1, 0.9)
    assert not h.unique
    assert h.length == pytest.approx(0.9, rel=1e-14)
    assert h.pieces == ((pytest.approx(0.05), pytest.approx(0.95)),)


def test_hdi_equals_equal_tailed_for_symmetric_posterior():
    lo, hi = bayes.equal_tailed_interval(7.0, 7.0)
    ((h_lo, h_hi),) = bayes.hdi(7.0, 7.0).pieces
    assert (h_lo, h_hi) == (pytest.approx(lo, rel=1e-10), pytest.approx(hi, rel=1e-10))


@settings(max_examples=60, deadline=None)
@given(a=st.floats(0.2, 1e5), b=st.floats(0.2, 1e5), level=levels)
def test_hdi_has_requested_mass_and_covers_the_map(a, b, level):
    h = bayes.hdi(a, b, level)
    _assert_is_highest_density_region(h, a, b, level)
    mode = bayes.posterior_mode(a, b).value
    if mode is not None:
        assert any(lo <= mode <= hi for lo, hi in h.pieces)


def test_wald_hand_formula_and_clipping():
    lo, hi = bayes.wald_interval(3, 10)
    half = Z95 * np.sqrt(0.3 * 0.7 / 10)
    assert (lo, hi) == (pytest.approx(0.3 - half, rel=1e-12), pytest.approx(0.3 + half, rel=1e-12))
    lo, _ = bayes.wald_interval(1, 10)
    assert lo < 0.0
    assert bayes.wald_interval(1, 10, clip=True)[0] == 0.0
    assert bayes.wald_interval(0, 10) == (0.0, 0.0)  # degenerate: p̂ = 0


@given(kn=counts.filter(lambda kn: kn[1] >= 1), level=levels)
def test_wilson_solves_the_score_quadratic(kn, level):
    k, n = kn
    z = stats.norm.isf((1 - level) / 2)
    p_hat = k / n
    # (p̂ - p)² = z² p(1 - p)/n  <=>  (1 + z²/n) p² - (2p̂ + z²/n) p + p̂² = 0
    roots = np.sort(np.roots([1 + z * z / n, -(2 * p_hat + z * z / n), p_hat * p_hat]).real)
    lo, hi = bayes.wilson_interval(k, n, level)
    assert 0.0 <= lo <= hi <= 1.0
    np.testing.assert_allclose([lo, hi], roots, rtol=1e-9, atol=1e-13)


# ------------------------------------------------------------- densities --
@pytest.mark.parametrize("a, b, k, n", [(1, 1, 8, 10), (2.5, 0.7, 3, 40), (0.5, 0.5, 0, 5)])
def test_densities_match_scipy_beta(a, b, k, n):
    p = np.linspace(0.001, 0.999, 999)
    d = bayes.densities(a, b, k, n, p)
    np.testing.assert_allclose(d.prior, stats.beta.pdf(p, a, b), rtol=1e-10)
    np.testing.assert_allclose(d.likelihood, stats.beta.pdf(p, k + 1, n - k + 1), rtol=1e-10)
    np.testing.assert_allclose(d.posterior, stats.beta.pdf(p, a + k, b + n - k), rtol=1e-10)


@pytest.mark.parametrize("a, b, k, n", [(2, 2, 8, 10), (3.5, 6, 30, 100), (1, 1, 450, 1000)])
def test_posterior_equals_normalised_prior_times_likelihood(a, b, k, n):
    p = np.linspace(0.0, 1.0, 40_001)
    # brute force: unnormalised log posterior on the grid, normalised by Simpson's rule
    log_unnorm = stats.beta.logpdf(p, a, b) + stats.binom.logpmf(k, n, p)
    unnorm = np.exp(log_unnorm - log_unnorm.max())
    brute = unnorm / integrate.simpson(unnorm, x=p)
    d = bayes.densities(a, b, k, n, p)
    # Simpson's error is O(h^4 max|f''''|) with h = 2.5e-5; 1e-8 relative on the
    # bulk of the density (where it exceeds 1e-3 of its peak) is a safe margin
    bulk = brute > 1e-3 * brute.max()
    np.testing.assert_allclose(d.posterior[bulk], brute[bulk], rtol=1e-8)
    assert integrate.simpson(d.likelihood, x=p) == pytest.approx(1.0, rel=1e-8)


@pytest.mark.filterwarnings("error")
def test_densities_stay_finite_for_a_million_trials():
    n, k = 10**6, 400_123
    p = np.linspace(0.395, 0.405, 2001)
    d = bayes.densities(2.0, 3.0, k, n, p)
    assert np.all(np.isfinite(d.likelihood)) and np.all(np.isfinite(d.posterior))
    # log B(k+1, n-k+1) ≈ -6.7e5 carries ~1e-10 absolute rounding, hence 1e-8
    np.testing.assert_allclose(d.likelihood, stats.beta.pdf(p, k + 1, n - k + 1), rtol=1e-8)
    np.testing.assert_allclose(d.posterior, stats.beta.pdf(p, 2 + k, 3 + n - k), rtol=1e-8)
    assert integrate.simpson(d.likelihood, x=p) == pytest.approx(1.0, rel=1e-6)


# ------------------------------------------------------------ validation --
@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: bayes.beta_update(0, 1, 1, 2), "a"),
        (lambda: bayes.beta_update(1, -1, 1, 2), "b"),
        (lambda: bayes.beta_update(1, 1, -1, 2), "k"),
        (lambda: bayes.beta_update(1, 1, 3, 2), "k"),
        (lambda: bayes.beta_update(1, 1, 1.5, 2), "k"),
        (lambda: bayes.beta_update(1, 1, 0, -1), "n"),
        (lambda: bayes.sequential_update(1, 1, [0, 1, 2]), "x"),
        (lambda: bayes.sequential_update(1, 1, [0, 0.5]), "x"),
        (lambda: bayes.sequential_update(0, 1, [0, 1]), "a"),
        (lambda: bayes.posterior_mode(1, 0), "b"),
        (lambda: bayes.mle(1, 0), "n"),
        (lambda: bayes.equal_tailed_interval(1, 1, 0.0), "level"),
        (lambda: bayes.equal_tailed_interval(1, 1, 1.0), "level"),
        (lambda: bayes.hdi(2, 2, 1.5), "level"),
        (lambda: bayes.hdi(-2, 2), "a"),
        (lambda: bayes.wald_interval(1, 10, -0.1), "level"),
        (lambda: bayes.wilson_interval(11, 10), "k"),
        (lambda: bayes.densities(1, 1, 1, 2, [0.5, 1.5]), "p"),
    ],
)
def test_invalid_arguments_raise_value_error_naming_them(call, name):
    with pytest.raises(ValueError, match=rf"^{name}\b"):
        call()


@pytest.mark.parametrize("k", [3, np.int64(3), 3.0, np.array(3.0)])
def test_scalar_counts_give_numpy_scalars(k):
    """check_counts: a scalar k is a count whatever its type; results are numpy scalars."""
    lo, hi = bayes.wald_interval(k, 10)
    assert isinstance(lo, np.floating) and isinstance(bayes.mle(k, 10), np.floating)
    assert bayes.mle(k, 10) == 0.3


@pytest.mark.parametrize("call, name", [
    (lambda: bayes.mle(np.array([1, 11]), 10), "k"),
    (lambda: bayes.mle(2.5, 10), "k"),
    (lambda: bayes.mle(-1, 10), "k"),
    (lambda: bayes.mle(1, 0), "n"),
    (lambda: bayes.wald_interval(1, 10, level=1.0), "level"),
    (lambda: bayes.equal_tailed_interval(2.0, 2.0, level=0.0), "level"),
])
def test_shared_count_and_level_checks_name_the_argument(call, name):
    with pytest.raises(ValueError, match=rf"^{name}\b"):
        call()


def test_wald_clip_argument_keeps_both_behaviours():
    lo, hi = bayes.wald_interval(1, 3)  # unclipped by default: the overshoot stays visible
    assert lo < 0.0
    clo, chi = bayes.wald_interval(1, 3, clip=True)
    assert (clo, chi) == (0.0, hi)
