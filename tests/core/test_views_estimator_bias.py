"""The Estimator bias page's views: shared-bin histograms, the study and its sections, against brute force and the core.

Moved from tests/core/test_estimators.py with the page geometry (same assertions, same tolerances);
the section views are checked against the core's exact results and Monte Carlo summaries.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from estimation import estimators as E
from estimation.estimators import (
    MAX_REPS,
    MEAN_KEY,
    POPULATIONS,
    VARIANCE_ESTIMATORS,
    exact_moments,
    optimal_divisor,
    simulate,
    variance_estimator_pdf,
)
from estimation.views import estimator_bias as V


def _centres(h):
    """The bins' centres (left + right) / 2."""
    return 0.5 * (h.left + h.right)


# Non-default parameters for every population (as in tests/core/test_estimators.py).
POP_CASES = {
    "gaussian": ({"mu": 1.5, "sigma2": 2.5}, stats.norm(1.5, math.sqrt(2.5))),
    "exponential": ({"scale": 0.7}, stats.expon(scale=0.7)),
    "student_t": ({"nu": 6.5, "scale": 1.3}, stats.t(6.5, scale=1.3)),
    "bernoulli": ({"p": 0.2}, stats.bernoulli(0.2)),
}

# --------------------------------------------------------------------------
# Binning replicated estimates and the page summary
# --------------------------------------------------------------------------


def _brute_counts(v, edges):
    """Counts per bin by explicit comparisons: [e_j, e_{j+1}), the last bin closed."""
    v = np.asarray(v)
    counts = [np.sum((v >= lo) & (v < hi)) for lo, hi in zip(edges[:-2], edges[1:-1])]
    counts.append(np.sum((v >= edges[-2]) & (v <= edges[-1])))
    return np.array(counts)


def test_bin_estimates_matches_brute_force_counts():
    rng = np.random.default_rng(3)
    values = {"a": rng.normal(size=1000), "b": rng.exponential(size=700)}
    binned = V.bin_estimates(values, -1.0, 2.0, 12)
    np.testing.assert_allclose(binned.edges, np.linspace(-1.0, 2.0, 13), rtol=1e-15)
    width = 3.0 / 12
    for key, v in values.items():
        counts = _brute_counts(v, binned.edges)
        np.testing.assert_allclose(binned.density[key], counts / (v.size * width), rtol=1e-12)
        inside = np.sum((v >= -1.0) & (v <= 2.0))
        assert binned.outside[key] == pytest.approx(1.0 - inside / v.size, abs=1e-15)


def test_bin_estimates_includes_the_right_edge():
    binned = V.bin_estimates({"x": [0.0, 0.5, 1.0]}, 0.0, 1.0, 2)
    np.testing.assert_allclose(binned.density["x"], [1 / 3 / 0.5, 2 / 3 / 0.5], rtol=1e-15)
    assert binned.outside["x"] == 0.0


@settings(max_examples=40, deadline=None)
@given(
    values=st.lists(st.floats(-1e3, 1e3), min_size=1, max_size=200),
    lo=st.floats(-10.0, 0.0),
    span=st.floats(0.1, 20.0),
    bins=st.integers(1, 50),
)
def test_bin_estimates_area_plus_outside_is_one(values, lo, span, bins):
    binned = V.bin_estimates({"v": values}, lo, lo + span, bins)
    area = float(np.sum(binned.density["v"] * np.diff(binned.edges)))
    assert area + binned.outside["v"] == pytest.approx(1.0, abs=1e-12)
    assert 0.0 <= binned.outside["v"] <= 1.0


@pytest.mark.parametrize(
    "args, match",
    [
        (({}, 0.0, 1.0, 5), "values"),
        (([1.0, 2.0], 0.0, 1.0, 5), "values"),
        (({"a": [1.0, np.nan]}, 0.0, 1.0, 5), "values\\['a'\\]"),
        (({"a": [[1.0]]}, 0.0, 1.0, 5), "values\\['a'\\]"),
        (({"a": [1.0]}, 1.0, 1.0, 5), "hi"),
        (({"a": [1.0]}, 0.0, 1.0, 0), "bins"),
        (({"a": [1.0]}, np.inf, 1.0, 5), "lo"),
    ],
)
def test_bin_estimates_refuses_invalid_arguments(args, match):
    with pytest.raises(ValueError, match=match):
        V.bin_estimates(*args)


@pytest.mark.parametrize("population", POPULATIONS)
@pytest.mark.parametrize("n, reps", [(2, 3_000), (7, 500), (300, 100)])
def test_estimator_study_agrees_with_its_parts(population, n, reps):
    params = POP_CASES[population][0]
    seed = 19
    study = V.estimator_study(population, params, n, reps, seed)
    res = simulate(population, params, n, reps, seed)
    mom = POPULATIONS[population].moments(params)
    assert (study.population, study.n, study.reps, study.seed) == (population, n, reps, seed)
    assert study.moments == mom
    assert study.exact == exact_moments(population, params, n)
    assert study.summary == res.summary
    assert study.optimal_divisor == optimal_divisor(population, params, n)
    edges = study.hist.edges
    # σ² and every expectation are on the axis; the range is capped at 4σ².
    expectations = [study.exact[k].mean for k in VARIANCE_ESTIMATORS]
    assert edges[0] <= min(expectations) and mom.variance <= edges[-1] <= max(4.0 * mom.variance, edges[0])
    assert 10 <= edges.size - 1 <= 60
    for key in VARIANCE_ESTIMATORS:
        v = res.values[key]
        np.testing.assert_allclose(study.hist.density[key], _brute_counts(v, edges) / (reps * np.diff(edges)),
                                   rtol=1e-12)
    if population == "gaussian":
        assert study.curve_x[0] > edges[0] and study.curve_x[-1] == pytest.approx(edges[-1], rel=1e-15)
        for key in VARIANCE_ESTIMATORS:
            np.testing.assert_allclose(study.curves[key],
                                       variance_estimator_pdf(key, study.curve_x, n, mom.variance), rtol=1e-15)
    else:
        assert study.curves is None
    if population == "bernoulli":
        h = study.proportion_hist
        k = np.rint(h.curve_x * n).astype(int)
        np.testing.assert_allclose(h.curve_x, k / n, rtol=1e-15)
        np.testing.assert_allclose(h.curve_y, stats.binom.pmf(k, n, params["p"]), rtol=1e-9)
        observed = np.bincount(np.rint(res.values[MEAN_KEY] * n).astype(int), minlength=n + 1)[k]
        np.testing.assert_array_equal(h.count, observed)
        assert h.count.sum() == reps
        np.testing.assert_allclose(h.density, observed / reps, rtol=1e-15)
    else:
        assert study.proportion_hist is None


def test_estimator_study_gaussian_histogram_follows_the_scaled_chi2():
    # Oracle: scipy's χ² cdf gives each bin's probability P_j for the scaled
    # χ² of every estimator; each count is Binomial(R, P_j), so it lies within
    # 5 binomial standard deviations of R·P_j (a false alarm has odds < 1e-5).
    n, sigma2, reps = 5, 2.0, MAX_REPS
    study = V.estimator_study("gaussian", {"sigma2": sigma2}, n, reps, seed=8)
    edges = study.hist.edges
    for key, est in VARIANCE_ESTIMATORS.items():
        k = n - 1 if est.centring == "sample" else n
        scale = sigma2 / est.divisor(n)
        prob = np.diff(stats.chi2.cdf(edges / scale, k))
        count = study.hist.density[key] * reps * np.diff(edges)
        assert np.all(np.abs(count - reps * prob) <= 5 * np.sqrt(reps * prob * (1 - prob)) + 1e-6), key
        p_out = 1.0 - prob.sum()
        assert abs(study.hist.outside[key] - p_out) <= 5 * math.sqrt(p_out * (1 - p_out) / reps), key


@pytest.mark.parametrize(
    "kwargs, match",
    [
        (dict(n=1_000, reps=200_000), "R × N"),  # the page's largest R and N together
        (dict(max_bins=5), "max_bins"),
        (dict(tail=0.5), "tail"),
        (dict(max_ratio=0.5), "max_ratio"),
        (dict(grid=1), "grid"),
        (dict(population="cauchy"), "population"),
    ],
)
def test_estimator_study_refuses_invalid_arguments(kwargs, match):
    args = dict(population="gaussian", params=None, n=5, reps=100, seed=0) | kwargs
    with pytest.raises(ValueError, match=match):
        V.estimator_study(**args)


# --------------------------------------------------------------------------
# study_highlights: the page's sentences as numbers
# --------------------------------------------------------------------------


def _mse_oracle(sigma2, excess_kurtosis, n, d):
    """MSE of SS/d from Var[S²] = σ⁴ (2/(N − 1) + κ/N) (κ: excess kurtosis)."""
    var_s2 = sigma2**2 * (2.0 / (n - 1) + excess_kurtosis / n)
    a = (n - 1) / d
    return a * a * var_s2 + (a - 1.0) ** 2 * sigma2**2


@settings(max_examples=25, deadline=None)
@given(n=st.integers(2, 500), sigma2=st.floats(0.1, 10.0))
def test_study_highlights_gaussian_biased_wins_and_n_plus_1_is_best(n, sigma2):
    # Gaussian closed forms: 2σ⁴/(N − 1) > (2N − 1)σ⁴/N² > 2σ⁴/(N + 1)
    study = V.estimator_study("gaussian", {"sigma2": sigma2}, n, 100, seed=1)
    h = V.study_highlights(study)
    assert h.best == "n_plus_1" and h.biased_wins is True
    assert 2 * sigma2**2 / (n + 1) < (2 * n - 1) * sigma2**2 / n**2 < 2 * sigma2**2 / (n - 1)


def test_study_highlights_light_tails_let_the_unbiased_estimator_win():
    # Bernoulli(0.5): σ² = 1/4, excess kurtosis −2; at N = 5 MSE(d=4) < MSE(d=5) < MSE(d=6)
    n = 5
    oracle = {key: _mse_oracle(0.25, -2.0, n, d) for key, d in zip(E.DIVISOR_KEYS, (n - 1, n, n + 1))}
    assert oracle["n_minus_1"] < oracle["n"] < oracle["n_plus_1"]
    h = V.study_highlights(V.estimator_study("bernoulli", {"p": 0.5}, n, 200, seed=2))
    assert h.best == "n_minus_1" and h.biased_wins is False


@pytest.mark.parametrize("population, params", [("exponential", {"scale": 1.0}), ("student_t", {"nu": 5.0})])
def test_study_highlights_outside_is_the_largest_share_beyond_the_bins(population, params):
    n, reps, seed = 2, 5_000, 3
    study = V.estimator_study(population, params, n, reps, seed)
    lo, hi = study.hist.edges[0], study.hist.edges[-1]
    values = simulate(population, params, n, reps, seed).values  # the same samples
    shares = [np.mean((values[k] < lo) | (values[k] > hi)) for k in VARIANCE_ESTIMATORS]
    h = V.study_highlights(study)
    assert h.outside == pytest.approx(max(shares), rel=0, abs=1e-12)  # 1 − count/R vs count_out/R: rounding only
    assert h.outside > 0  # heavy right tails at N = 2 pass the 4σ² cap
    mse = {k: _mse_oracle(study.moments.variance, study.moments.excess_kurtosis, n, d)
           for k, d in zip(E.DIVISOR_KEYS, (n - 1, n, n + 1))}
    assert h.best == min(mse, key=mse.get)
    assert h.biased_wins == (mse["n"] < mse["n_minus_1"])


def test_study_highlights_refuses_a_non_study():
    with pytest.raises(ValueError, match="study"):
        V.study_highlights({"exact": {}})


# --------------------------------------------------------------------------
# The section views
# --------------------------------------------------------------------------


@pytest.mark.parametrize("nu, heavy", [(4.5, True), (8.0, True), (8.5, False), (30.0, False)])
def test_population_view_states_the_moments_and_the_heavy_tail_rule(nu, heavy):
    study = V.estimator_study("student_t", {"nu": nu, "scale": 1.0}, 5, 200, 1)
    view = V.population_view(study)
    t = stats.t(nu)
    assert view.mean == 0.0 and view.sigma2 == pytest.approx(t.var(), rel=1e-12)
    assert view.kurtosis == pytest.approx(float(t.stats(moments="k")), rel=1e-9)
    assert view.heavy_tail is heavy
    assert not V.population_view(V.estimator_study("gaussian", None, 5, 200, 1)).heavy_tail


def test_sampling_distributions_keep_the_registry_order_and_the_sentence_numbers():
    n, sigma2 = 6, 2.0
    study = V.estimator_study("gaussian", {"sigma2": sigma2}, n, 1_000, 3)
    view = V.sampling_distributions(study, ["known_mean", "n", "nonsense"])
    assert view.keys == ("n", "known_mean")
    assert view.expectations == {"n": pytest.approx((n - 1) / n * sigma2, rel=1e-12), "known_mean": sigma2}
    assert view.gaussian and view.curves is study.curves and view.hist is study.hist
    assert view.at_n == {"n": n, "nm1": n - 1, "sigma2": sigma2, "mean": pytest.approx((n - 1) / n * sigma2),
                         "bias": pytest.approx(-sigma2 / n, rel=1e-12)}
    assert view.outside == max(study.hist.outside.values())
    assert V.sampling_distributions(study, []).keys == ()
    assert not V.sampling_distributions(V.estimator_study("exponential", None, 6, 500, 3), ["n"]).gaussian


@pytest.mark.parametrize("n", [2, 5, 30])
def test_mse_tradeoff_states_the_gaussian_closed_forms(n):
    sigma2 = 2.5
    view = V.mse_tradeoff(V.estimator_study("gaussian", {"sigma2": sigma2}, n, 500, 4))
    s4 = sigma2**2
    mse = {"n_minus_1": 2 * s4 / (n - 1), "n": (2 * n - 1) * s4 / n**2, "n_plus_1": 2 * s4 / (n + 1)}
    assert view.keys == ("n_minus_1", "n", "n_plus_1") == tuple(view.exact) == tuple(view.summary)
    for key, value in mse.items():
        assert view.exact[key].mse == pytest.approx(value, rel=1e-12)
    assert view.biased_wins and view.best == "n_plus_1"
    assert view.sentence == {"mse_n": view.exact["n"].mse, "mse_unbiased": view.exact["n_minus_1"].mse,
                             "mse_best": view.exact["n_plus_1"].mse}
    assert view.optimal_divisor == pytest.approx(n + 1, rel=1e-12) and view.np1 == n + 1


@pytest.mark.parametrize("population", list(POPULATIONS))
def test_estimator_table_holds_the_exact_and_monte_carlo_numbers(population):
    n, reps, seed = 5, 2_000, 7
    params = POP_CASES[population][0]
    view = V.estimator_table(V.estimator_study(population, params, n, reps, seed))
    exact, mc = exact_moments(population, params, n), simulate(population, params, n, reps, seed).summary
    rows = list(VARIANCE_ESTIMATORS)
    assert list(view.table) == ["estimator", *V.TABLE_COLUMNS] and view.table["estimator"] == rows
    assert view.table["divisor"] == [n - 1, n, n + 1, n]
    for col, field in (("mean", "mean"), ("bias", "bias"), ("var", "variance"), ("mse", "mse")):
        assert view.table[f"{col}_exact"] == [getattr(exact[k], field) for k in rows]
        assert view.table[f"{col}_mc"] == [getattr(mc[k], field) for k in rows]
    assert view.table["bias_se"] == [mc[k].bias_se for k in rows]
    sigma2 = POPULATIONS[population].moments(params).variance
    assert view.table["bias_exact"][1] == pytest.approx(-sigma2 / n, rel=1e-12)  # the 1/N row, independently
    assert view.record["sigma2"] == sigma2
    assert view.record["exact"]["n"] == {"target": sigma2, "mean": exact["n"].mean, "bias": exact["n"].bias,
                                         "variance": exact["n"].variance, "mse": exact["n"].mse}
    assert view.record["monte_carlo"]["known_mean"]["mse_se"] == mc["known_mean"].mse_se


def test_proportion_view_only_for_bernoulli_with_p_and_p_one_minus_p_over_n():
    n, p = 20, 0.3
    view = V.proportion_view(V.estimator_study("bernoulli", {"p": p}, n, 2_000, 4))
    mc = simulate("bernoulli", {"p": p}, n, 2_000, 4).summary[MEAN_KEY]
    assert view.table == {"row": ["mean", "var"], "theory": pytest.approx([p, p * (1 - p) / n], rel=1e-12),
                          "sample": [mc.mean, mc.variance]}
    np.testing.assert_allclose(view.hist.exact, stats.binom.pmf(np.rint(_centres(view.hist) * n), n, p), rtol=1e-9)
    assert V.proportion_view(V.estimator_study("gaussian", None, 5, 200, 1)) is None


def test_bias_against_n_is_the_core_curve_and_marks_the_pages_n():
    view = V.bias_against_n("exponential", {"scale": 2.0}, 5)
    curve = E.bias_curve("exponential", {"scale": 2.0}, V.BIAS_SIZES, 5, draws_per_n=V.BIAS_DRAWS)
    np.testing.assert_array_equal(view.ns, curve.ns)
    np.testing.assert_array_equal(view.bias, curve.bias)
    np.testing.assert_array_equal(view.bias_se, curve.bias_se)
    np.testing.assert_allclose(view.exact, [-4.0 / n for n in range(2, 101)], rtol=1e-12)  # −σ²/N, σ² = 4
    assert view.marker(100) == 100 and view.marker(200) is None and view.draws == V.BIAS_DRAWS


def test_moved_names_still_resolve_in_the_textbook_module():
    for name in ("BinnedEstimates", "bin_estimates", "EstimatorStudy", "estimator_study", "StudyHighlights",
                 "study_highlights"):
        assert getattr(E, name) is getattr(V, name)
