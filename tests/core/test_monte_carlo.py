"""Tests for estimation.monte_carlo against independent oracles (moved from tests/core/test_estimators.py).

Oracles: the exact moments of estimation.estimators (checked there against scipy and enumeration); the
very samples ``draw_sample`` returns, with the estimators applied by numpy; numpy summaries of the
replicated values. Monte Carlo checks use fixed seeds and state their tolerance in standard errors.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from estimation import monte_carlo as M
from estimation.estimators import (
    ESTIMATOR_KEYS,
    MAX_DRAWS,
    MEAN_KEY,
    POPULATIONS,
    VARIANCE_ESTIMATORS,
    draw_sample,
    exact_moments,
    proportion,
    sample_mean,
    variance_estimate,
)
from estimation.monte_carlo import MAX_REPS, bias_curve, log_spaced_sizes, simulate

# Non-default parameters for every population (as in tests/core/test_estimators.py).
POP_CASES = {
    "gaussian": ({"mu": 1.5, "sigma2": 2.5},),
    "exponential": ({"scale": 0.7},),
    "student_t": ({"nu": 6.5, "scale": 1.3},),
    "bernoulli": ({"p": 0.2},),
}
SAMPLE_CENTRED = [k for k, e in VARIANCE_ESTIMATORS.items() if e.centring == "sample"]


def divisor(key: str, n: int) -> int:
    return VARIANCE_ESTIMATORS[key].divisor(n)


# --------------------------------------------------------------------------
# Monte Carlo
# --------------------------------------------------------------------------

MC_CASES = [
    ("gaussian", {"mu": -2.0, "sigma2": 0.5}, 2),
    ("gaussian", {"mu": 3.0, "sigma2": 4.0}, 10),
    ("gaussian", {"sigma2": 1.0}, 50),
    ("exponential", {"scale": 2.0}, 3),
    ("exponential", {"scale": 0.5}, 25),
    ("student_t", {"nu": 5.0}, 4),
    ("student_t", {"nu": 9.0, "scale": 2.0}, 20),
    ("bernoulli", {"p": 0.3}, 5),
    ("bernoulli", {"p": 0.9}, 40),
]


@pytest.mark.parametrize("population, params, n", MC_CASES)
def test_monte_carlo_means_within_4_se_of_exact(population, params, n):
    res = simulate(population, params, n, 100_000, seed=2024)
    exact = exact_moments(population, params, n)
    for key in ESTIMATOR_KEYS:
        mc = res.summary[key]
        assert mc.target == exact[key].target
        assert abs(mc.mean - exact[key].mean) <= 4 * mc.bias_se, key
        assert abs(mc.bias - exact[key].bias) <= 4 * mc.bias_se, key


# The variance's standard error needs E[v⁴] < ∞, i.e. population moments up
# to the eighth: student_t only with nu > 8 (nu = 12 here).
VAR_CASES = [case for case in MC_CASES if case[0] != "student_t"] + [("student_t", {"nu": 12.0}, 6)]


@pytest.mark.parametrize("population, params, n", VAR_CASES)
def test_monte_carlo_variances_and_mse_within_5_se_of_exact(population, params, n):
    # 5 standard errors: the SEs are themselves estimated from 4th moments.
    res = simulate(population, params, n, 100_000, seed=77)
    exact = exact_moments(population, params, n)
    for key in ESTIMATOR_KEYS:
        mc = res.summary[key]
        assert abs(mc.variance - exact[key].variance) <= 5 * mc.variance_se, key
        assert abs(mc.mse - exact[key].mse) <= 5 * mc.mse_se, key
        assert mc.variance_se < 0.05 * exact[key].variance, key  # the check has teeth


@pytest.mark.parametrize("population", POPULATIONS)
@pytest.mark.parametrize("n, chunk_size", [(6, 2**20), (13, 40), (50, 17)])
def test_monte_carlo_values_equal_estimators_on_the_drawn_samples(population, n, chunk_size):
    params = POP_CASES[population][0]
    reps, seed = 300, 11
    x = draw_sample(population, params, (reps, n), seed)
    res = simulate(population, params, n, reps, seed, chunk_size=chunk_size)
    mu = POPULATIONS[population].moments(params).mean
    np.testing.assert_allclose(res.values[MEAN_KEY], sample_mean(x), rtol=1e-13, atol=1e-14)
    for key, est in VARIANCE_ESTIMATORS.items():
        oracle = variance_estimate(x, key, mu=mu if est.centring == "known" else None)
        # One-pass T₂ − T₁²/N against two-pass sums: a few ulps of Σx² apart.
        np.testing.assert_allclose(res.values[key], oracle, rtol=1e-11, atol=1e-13, err_msg=key)
    if population == "bernoulli":
        np.testing.assert_array_equal(res.values[MEAN_KEY], proportion(x))


def test_monte_carlo_summary_matches_numpy_on_values():
    res = simulate("exponential", {"scale": 1.7}, 6, 5_000, seed=5)
    for key in ESTIMATOR_KEYS:
        v, s = res.values[key], res.summary[key]
        sq = (v - s.target) ** 2
        r = v.size
        m4 = np.mean((v - v.mean()) ** 4)
        assert s.mean == pytest.approx(v.mean(), rel=1e-13)
        assert s.bias_se == pytest.approx(v.std(ddof=1) / math.sqrt(r), rel=1e-12)
        assert s.variance == pytest.approx(v.var(ddof=1), rel=1e-12)
        var_se = math.sqrt((m4 - v.var(ddof=1) ** 2 * (r - 3) / (r - 1)) / r)
        assert s.variance_se == pytest.approx(var_se, rel=1e-10)
        assert s.mse == pytest.approx(sq.mean(), rel=1e-12)
        # The moment expansion of Var[(v − θ)²] against direct numpy: 1e-9 allows
        # the cancellation in m₄ − m₂² + 4δm₃ + 4δ²m₂.
        assert s.mse_se == pytest.approx(sq.std(ddof=1) / math.sqrt(r), rel=1e-9)


def test_result_arrays_have_reps_entries_and_are_read_only():
    res = simulate("gaussian", None, 5, 1234, seed=1)
    assert set(res.values) == set(ESTIMATOR_KEYS) == set(res.summary)
    for v in res.values.values():
        assert v.shape == (1234,) and v.dtype == np.float64
        with pytest.raises(ValueError):
            v[0] = 0.0


@settings(max_examples=25, deadline=None)
@given(
    population=st.sampled_from(sorted(POPULATIONS)),
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(2, 30),
    reps=st.integers(2, 60),
    chunk_size=st.integers(30, 500),
)
def test_same_seed_same_output_for_any_whole_row_chunking(population, seed, n, reps, chunk_size):
    a = simulate(population, None, n, reps, seed)
    b = simulate(population, None, n, reps, seed, chunk_size=chunk_size)
    for key in ESTIMATOR_KEYS:
        np.testing.assert_array_equal(a.values[key], b.values[key])
        assert a.summary[key] == b.summary[key]


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(8, 60), chunk_size=st.integers(1, 7))
def test_split_rows_agree_to_rounding(seed, n, chunk_size):
    a = simulate("student_t", None, n, 20, seed)
    b = simulate("student_t", None, n, 20, seed, chunk_size=chunk_size)
    for key in ESTIMATOR_KEYS:
        np.testing.assert_allclose(a.values[key], b.values[key], rtol=1e-11, atol=1e-13)


def test_different_seeds_differ():
    a = simulate("gaussian", None, 5, 10, seed=1)
    b = simulate("gaussian", None, 5, 10, seed=2)
    assert not np.array_equal(a.values["n"], b.values["n"])


@pytest.mark.parametrize(
    "kwargs, match",
    [
        (dict(n=10_000, reps=10_001), "R × N"),
        (dict(n=1_000, reps=MAX_REPS + 1), "reps"),
        (dict(n=1, reps=100), "n must be >= 2"),
        (dict(n=5, reps=1), "reps"),
        (dict(n=5.5, reps=10), "n"),
        (dict(n=5, reps=10, seed=-1), "seed"),
        (dict(n=5, reps=10, chunk_size=0), "chunk_size"),
        (dict(n=5, reps=10, chunk_size=2**30), "chunk_size"),
    ],
)
def test_simulate_refuses_invalid_arguments(kwargs, match):
    args = dict(population="gaussian", params=None, seed=0) | kwargs
    with pytest.raises(ValueError, match=match):
        simulate(**args)


def test_largest_allowed_simulation_is_accepted_by_validation(monkeypatch):
    # R·N = MAX_DRAWS exactly passes validation (the draw itself is stubbed out).
    monkeypatch.setattr(M, "_simulate", lambda *args: "ran")
    assert simulate("gaussian", None, MAX_DRAWS // 100_000, 100_000, 0) == "ran"


# --------------------------------------------------------------------------
# Bias versus N
# --------------------------------------------------------------------------


def test_log_spaced_sizes():
    ns = log_spaced_sizes(2, 100, 20)
    assert ns[0] == 2 and ns[-1] == 100
    assert np.all(np.diff(ns) > 0)
    with pytest.raises(ValueError, match="lo"):
        log_spaced_sizes(1, 100)
    with pytest.raises(ValueError, match="hi"):
        log_spaced_sizes(10, 5)


def test_bias_curve_matches_exact_bias():
    sigma2 = 2.0
    ns = log_spaced_sizes(2, 100, 12)
    curve = bias_curve("gaussian", {"sigma2": sigma2}, ns, seed=3, draws_per_n=400_000)
    np.testing.assert_array_equal(curve.ns, ns)
    np.testing.assert_array_equal(curve.reps, np.minimum(MAX_REPS, 400_000 // ns))
    np.testing.assert_allclose(curve.exact_bias, -sigma2 / ns, rtol=1e-11)
    assert np.all(np.abs(curve.bias - curve.exact_bias) <= 4 * curve.bias_se)
    assert curve.estimator == "n"


def test_bias_curve_points_do_not_depend_on_the_other_sizes():
    a = bias_curve("exponential", None, [3, 10, 40], seed=9, draws_per_n=20_000)
    b = bias_curve("exponential", None, [40, 10], seed=9, draws_per_n=20_000)
    assert a.bias[1] == b.bias[1] and a.bias[2] == b.bias[0]


def test_bias_curve_other_estimator_is_unbiased():
    curve = bias_curve("student_t", {"nu": 7.0}, [2, 5, 20], seed=4, estimator="n_minus_1", draws_per_n=200_000)
    np.testing.assert_array_equal(curve.exact_bias, 0.0)
    assert np.all(np.abs(curve.bias) <= 4 * curve.bias_se)


@pytest.mark.parametrize(
    "kwargs, match",
    [
        (dict(ns=[2, 1]), "n"),
        (dict(ns=[]), "ns"),
        (dict(ns=[[2, 3]]), "ns"),
        (dict(ns=[2, 500_000], draws_per_n=900_000), "draws_per_n"),
        (dict(ns=list(range(2, 200)), draws_per_n=1_000_000), "draws_per_n"),
        (dict(ns=[2, 3], estimator="mean"), "estimator"),
    ],
)
def test_bias_curve_refuses_invalid_arguments(kwargs, match):
    args = dict(population="gaussian", params=None, seed=0) | kwargs
    with pytest.raises(ValueError, match=match):
        bias_curve(**args)
