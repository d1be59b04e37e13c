"""Tests for estimation.estimators against independent oracles.

Oracles: numpy.var(ddof=...) and math.fsum hand sums for the estimators;
scipy.stats for population moments and for the scaled-χ² moments and
densities; brute-force enumeration of all 2^N Bernoulli samples for the
exact (μ₄-based) moment formulas; the very samples ``draw_sample`` returns
for the Monte Carlo sums; numpy summaries of the replicated values for the
Monte Carlo summaries. Monte Carlo checks use fixed seeds and state their
tolerance in standard errors.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from estimation import estimators as E
from estimation.monte_carlo import simulate  # the population checks reach it too
from estimation.estimators import (
    ESTIMATOR_KEYS,
    MAX_DRAWS,
    MEAN_KEY,
    POPULATIONS,
    VARIANCE_ESTIMATORS,
    draw_sample,
    exact_moments,
    mse_table,
    optimal_divisor,
    proportion,
    sample_mean,
    var_of_sample_variance,
    variance_estimate,
    variance_estimator_pdf,
)

RTOL = 1e-12  # closed forms evaluated two ways: only rounding separates them

SAMPLE_CENTRED = [k for k, e in VARIANCE_ESTIMATORS.items() if e.centring == "sample"]

# Non-default parameters for every population (scipy.stats frozen twin alongside).
POP_CASES = {
    "gaussian": ({"mu": 1.5, "sigma2": 2.5}, stats.norm(1.5, math.sqrt(2.5))),
    "exponential": ({"scale": 0.7}, stats.expon(scale=0.7)),
    "student_t": ({"nu": 6.5, "scale": 1.3}, stats.t(6.5, scale=1.3)),
    "bernoulli": ({"p": 0.2}, stats.bernoulli(0.2)),
}


def divisor(key: str, n: int) -> int:
    return VARIANCE_ESTIMATORS[key].divisor(n)


# --------------------------------------------------------------------------
# Estimators on a fixed sample
# --------------------------------------------------------------------------

X = np.array([2.3, -0.7, 4.1, 1.9, 0.0, 3.3, -1.2])
X2 = np.random.default_rng(7).normal(3.0, 2.0, size=(6, 9))


@pytest.mark.parametrize("key", SAMPLE_CENTRED)
def test_sample_centred_estimators_equal_numpy_var(key):
    ddof = VARIANCE_ESTIMATORS[key].ddof
    assert variance_estimate(X, key) == pytest.approx(np.var(X, ddof=ddof), rel=RTOL)
    np.testing.assert_allclose(variance_estimate(X2, key), np.var(X2, axis=1, ddof=ddof), rtol=RTOL)


@pytest.mark.parametrize("key", SAMPLE_CENTRED)
def test_sample_centred_estimators_equal_hand_sum(key):
    xbar = math.fsum(X) / X.size
    hand = math.fsum((v - xbar) ** 2 for v in X) / (X.size - VARIANCE_ESTIMATORS[key].ddof)
    assert variance_estimate(X, key) == pytest.approx(hand, rel=RTOL)


def test_known_mean_estimator_equals_hand_sum():
    mu = 1.25
    hand = math.fsum((v - mu) ** 2 for v in X) / X.size
    assert variance_estimate(X, "known_mean", mu=mu) == pytest.approx(hand, rel=RTOL)
    rows = [math.fsum((v - mu) ** 2 for v in row) / row.size for row in X2]
    np.testing.assert_allclose(variance_estimate(X2, "known_mean", mu=mu), rows, rtol=RTOL)


def test_sample_mean_and_proportion():
    assert sample_mean(X) == pytest.approx(math.fsum(X) / X.size, rel=RTOL)
    np.testing.assert_allclose(sample_mean(X2), X2.mean(axis=1), rtol=RTOL)
    bits = np.array([[1, 0, 0, 1, 1], [0, 0, 0, 0, 1]])
    np.testing.assert_array_equal(proportion(bits), [3 / 5, 1 / 5])


def test_divisors_and_unbiased_flags():
    assert [divisor(k, 10) for k in VARIANCE_ESTIMATORS] == [9, 10, 11, 10]
    assert {k for k, e in VARIANCE_ESTIMATORS.items() if e.unbiased} == {"n_minus_1", "known_mean"}
    assert ESTIMATOR_KEYS == (MEAN_KEY, *VARIANCE_ESTIMATORS)


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: variance_estimate(X, "nope"), "estimator"),
        (lambda: variance_estimate(X, "known_mean"), "mu"),
        (lambda: variance_estimate(X, "n", mu=0.0), "mu"),
        (lambda: variance_estimate(X, "known_mean", mu=float("nan")), "mu"),
        (lambda: variance_estimate([1.0], "n_minus_1"), "x"),
        (lambda: variance_estimate([1.0, np.inf]), "x"),
        (lambda: variance_estimate(np.zeros((2, 2, 2))), "x"),
        (lambda: sample_mean([]), "x"),
        (lambda: proportion([0, 1, 0.5]), "x"),
    ],
)
def test_sample_estimators_reject_invalid_input(call, match):
    with pytest.raises(ValueError, match=match):
        call()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(-1e3, 1e3), min_size=2, max_size=40))
def test_divisor_ordering_on_any_sample(xs):
    v_nm1, v_n, v_np1 = (variance_estimate(xs, k) for k in ("n_minus_1", "n", "n_plus_1"))
    assert v_np1 <= v_n <= v_nm1


# --------------------------------------------------------------------------
# Populations
# --------------------------------------------------------------------------


@pytest.mark.parametrize("key", POPULATIONS)
def test_population_moments_match_scipy(key):
    params, frozen = POP_CASES[key]
    mean, var, kurt = (float(v) for v in frozen.stats(moments="mvk"))
    mom = POPULATIONS[key].moments(params)
    assert mom.mean == pytest.approx(mean, rel=RTOL, abs=1e-15)
    assert mom.variance == pytest.approx(var, rel=RTOL)
    assert mom.excess_kurtosis == pytest.approx(kurt, rel=1e-10)  # μ₄/σ⁴ − 3: a difference


@pytest.mark.parametrize("key", POPULATIONS)
def test_population_defaults_are_valid(key):
    pop = POPULATIONS[key]
    assert pop.validate(None) == {p.name: p.default for p in pop.params}


@pytest.mark.parametrize(
    "key, params, match",
    [
        ("gaussian", {"sigma2": 0.0}, "sigma2"),
        ("gaussian", {"sigma2": -1.0}, "sigma2"),
        ("gaussian", {"mu": float("inf")}, "mu"),
        ("gaussian", {"mu": "1"}, "mu"),
        ("exponential", {"scale": 0.0}, "scale"),
        ("student_t", {"nu": 4.0}, "nu"),
        ("student_t", {"nu": 3.0}, "infinite"),
        ("student_t", {"scale": -2.0}, "scale"),
        ("bernoulli", {"p": 0.0}, "p"),
        ("bernoulli", {"p": 1.0}, "p"),
        ("bernoulli", {"q": 0.5}, "params"),
        ("gaussian", [("mu", 1.0)], "params"),
    ],
)
def test_invalid_population_parameters_raise(key, params, match):
    with pytest.raises(ValueError, match=match):
        exact_moments(key, params, 5)
    with pytest.raises(ValueError, match=match):
        simulate(key, params, 5, 10, 0)


def test_unknown_population_raises():
    with pytest.raises(ValueError, match="population"):
        simulate("cauchy", None, 5, 10, 0)


def test_bernoulli_draws_are_exact_zeros_and_ones():
    x = draw_sample("bernoulli", {"p": 0.37}, 1000, 3)
    assert set(np.unique(x)) <= {0.0, 1.0}


@pytest.mark.parametrize("size, match", [(0, "size"), ((3, 2.5), "size"), (MAX_DRAWS + 1, "size")])
def test_draw_sample_rejects_bad_size(size, match):
    with pytest.raises(ValueError, match=match):
        draw_sample("gaussian", None, size, 0)


# --------------------------------------------------------------------------
# Exact results
# --------------------------------------------------------------------------


@pytest.mark.parametrize("n", [2, 3, 10, 57])
@pytest.mark.parametrize("sigma2", [0.3, 1.0, 7.0])
def test_gaussian_exact_moments_match_scaled_chi2(n, sigma2):
    exact = exact_moments("gaussian", {"sigma2": sigma2}, n)
    for key, est in VARIANCE_ESTIMATORS.items():
        df = n - 1 if est.centring == "sample" else n
        law = stats.chi2(df, scale=sigma2 / est.divisor(n))
        assert exact[key].mean == pytest.approx(law.mean(), rel=RTOL)
        assert exact[key].variance == pytest.approx(law.var(), rel=RTOL)
        assert exact[key].mse == pytest.approx(law.var() + (law.mean() - sigma2) ** 2, rel=RTOL)
    assert exact[MEAN_KEY].variance == pytest.approx(sigma2 / n, rel=RTOL)


@pytest.mark.parametrize("n", [2, 3, 10, 57])
@pytest.mark.parametrize("key", VARIANCE_ESTIMATORS)
def test_variance_estimator_pdf_matches_scaled_chi2(n, key):
    sigma2 = 2.5
    est = VARIANCE_ESTIMATORS[key]
    df = n - 1 if est.centring == "sample" else n
    law = stats.chi2(df, scale=sigma2 / est.divisor(n))
    x = np.linspace(0.01, law.ppf(0.9999), 301)
    np.testing.assert_allclose(variance_estimator_pdf(key, x, n, sigma2), law.pdf(x), rtol=1e-11)
    np.testing.assert_array_equal(variance_estimator_pdf(key, [-1.0, -1e-9], n, sigma2), [0.0, 0.0])


def test_variance_estimator_pdf_rejects_invalid_input():
    with pytest.raises(ValueError, match="sigma2"):
        variance_estimator_pdf("n", [1.0], 5, 0.0)
    with pytest.raises(ValueError, match="x"):
        variance_estimator_pdf("n", [np.nan], 5)
    with pytest.raises(ValueError, match="n"):
        variance_estimator_pdf("n", [1.0], 1)


def bernoulli_enumeration(p: float, n: int) -> dict[str, tuple[float, float]]:
    """Exact mean and variance of each estimator by summing over all 2^N samples."""
    samples = np.array(list(itertools.product([0.0, 1.0], repeat=n)))
    k = samples.sum(axis=1)
    weights = p**k * (1 - p) ** (n - k)
    out = {MEAN_KEY: samples.mean(axis=1)}
    for key, est in VARIANCE_ESTIMATORS.items():
        out[key] = np.var(samples, axis=1, ddof=est.ddof) if est.centring == "sample" else ((samples - p) ** 2).mean(1)
    moments = {}
    for key, v in out.items():
        mean = math.fsum(weights * v)
        moments[key] = (mean, math.fsum(weights * (v - mean) ** 2))
    return moments


@pytest.mark.parametrize("n", [2, 3, 5, 8])
@pytest.mark.parametrize("p", [0.1, 0.5, 0.83])
def test_exact_moments_match_bernoulli_enumeration(n, p):
    """The μ₄ formula for Var[S²] against brute force on a non-Gaussian population."""
    exact = exact_moments("bernoulli", {"p": p}, n)
    for key, (mean, var) in bernoulli_enumeration(p, n).items():
        assert exact[key].mean == pytest.approx(mean, rel=1e-12)
        assert exact[key].variance == pytest.approx(var, rel=1e-11)  # 2^N-term sums
    assert exact[MEAN_KEY].variance == pytest.approx(p * (1 - p) / n, rel=RTOL)


@pytest.mark.parametrize("key", POPULATIONS)
@pytest.mark.parametrize("n", [2, 7, 40])
def test_exact_bias_formulas(key, n):
    params = POP_CASES[key][0]
    sigma2 = POPULATIONS[key].moments(params).variance
    exact = exact_moments(key, params, n)
    assert exact["n"].mean == pytest.approx((n - 1) / n * sigma2, rel=RTOL)
    assert exact["n"].bias == pytest.approx(-sigma2 / n, rel=1e-11)  # difference of O(σ²) terms
    assert exact["n_plus_1"].bias == pytest.approx(-2 * sigma2 / (n + 1), rel=1e-11)
    assert exact["n_minus_1"].bias == 0.0
    assert exact["known_mean"].bias == 0.0
    for m in exact.values():
        assert m.mse == pytest.approx(m.variance + m.bias**2, rel=RTOL)


@settings(max_examples=100, deadline=None)
@given(
    key=st.sampled_from(sorted(POPULATIONS)),
    u=st.floats(0.01, 0.99),
    n=st.integers(2, 10_000),
)
def test_known_mean_and_n_minus_1_are_exactly_unbiased(key, u, n):
    pop = POPULATIONS[key]
    params = {}
    for par in pop.params:  # map u into each parameter's range
        lo = par.lo if par.lo is not None else -10.0
        hi = min(par.hi if par.hi is not None else 10.0, lo + 20.0)
        params[par.name] = lo + u * (hi - lo)
    exact = exact_moments(key, params, n)
    for k, est in VARIANCE_ESTIMATORS.items():
        assert (exact[k].bias == 0.0) == est.unbiased


@pytest.mark.parametrize("n", [2, 3, 10, 100, 10_000])
def test_gaussian_mse_table_order_and_closed_forms(n):
    sigma2 = 3.0
    rows = {row.key: row for row in mse_table("gaussian", {"sigma2": sigma2}, n)}
    assert list(rows) == ["n_minus_1", "n", "n_plus_1"]
    s4 = sigma2**2
    assert rows["n_minus_1"].mse == pytest.approx(2 * s4 / (n - 1), rel=RTOL)
    assert rows["n"].mse == pytest.approx((2 * n - 1) * s4 / n**2, rel=RTOL)
    assert rows["n_plus_1"].mse == pytest.approx(2 * s4 / (n + 1), rel=RTOL)
    assert rows["n_plus_1"].mse < rows["n"].mse < rows["n_minus_1"].mse
    assert [rows[k].divisor for k in rows] == [n - 1, n, n + 1]


@settings(max_examples=100, deadline=None)
@given(n=st.integers(2, 1000), sigma2=st.floats(1e-3, 1e3))
def test_gaussian_mse_order_property(n, sigma2):
    mse = [row.mse for row in mse_table("gaussian", {"sigma2": sigma2}, n)]
    assert mse[2] < mse[1] < mse[0]


@pytest.mark.parametrize("n", [2, 5, 30])
def test_optimal_divisor(n):
    assert optimal_divisor("gaussian", {"sigma2": 4.0}, n) == pytest.approx(n + 1, rel=RTOL)
    assert optimal_divisor("student_t", {"nu": 6.0}, n) > n + 1  # heavy tails: divide by more
    assert optimal_divisor("bernoulli", {"p": 0.5}, n) < n + 1  # light tails: by less
    # It minimises MSE(d) = E[(SS/d − σ²)²], written with E[SS], Var[SS] from the formula.
    for key in POPULATIONS:
        mom = POPULATIONS[key].moments(None)
        d_star = optimal_divisor(key, None, n)
        ess = (n - 1) * mom.variance
        vss = (n - 1) ** 2 * var_of_sample_variance(mom.variance, mom.mu4, n)

        def mse(d):
            return vss / d**2 + (ess / d - mom.variance) ** 2

        assert mse(d_star) < mse(d_star * 0.999) and mse(d_star) < mse(d_star * 1.001)


def test_exact_results_reject_bad_n():
    with pytest.raises(ValueError, match="n must be >= 2"):
        exact_moments("gaussian", None, 1)
    with pytest.raises(ValueError, match="n"):
        mse_table("gaussian", None, 2.5)


# --------------------------------------------------------------------------
# Exact bias versus N (the Monte Carlo: tests/core/test_monte_carlo.py)
# --------------------------------------------------------------------------


@pytest.mark.parametrize("population", POPULATIONS)
@pytest.mark.parametrize("key", list(VARIANCE_ESTIMATORS))
def test_exact_bias_matches_closed_forms(population, key):
    params = POP_CASES[population][0]
    sigma2 = POPULATIONS[population].moments(params).variance
    ns = np.arange(2, 60)
    closed = {"n_minus_1": 0.0 * ns, "n": -sigma2 / ns, "n_plus_1": -2.0 * sigma2 / (ns + 1),
              "known_mean": 0.0 * ns}[key]
    np.testing.assert_allclose(E.exact_bias(population, params, ns, estimator=key), closed, rtol=1e-12, atol=1e-15)


def test_exact_bias_refuses_invalid_arguments():
    with pytest.raises(ValueError, match="n must be >= 2"):
        E.exact_bias("gaussian", None, [1, 2])
    with pytest.raises(ValueError, match="ns"):
        E.exact_bias("gaussian", None, [])
    with pytest.raises(ValueError, match="estimator"):
        E.exact_bias("gaussian", None, [2], estimator="mean")
