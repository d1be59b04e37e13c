"""Estimator bias chart builders: valid Vega-Lite, titles, legends, bounded data, the reference lines.

The data a chart shows is read back from its spec and compared with the core
results it was built from (exact moments, bins, Monte Carlo summaries).
"""

import json

import numpy as np
import pytest

from estimation import estimators as E
from estimation.views import estimator_bias as V
from estimation.charts import estimator_bias as charts
from estimation.charts._layers import records

LABELS = {"n_minus_1": "div N-1", "n": "div N", "n_plus_1": "div N+1", "known_mean": "true mu"}
MAX_ROWS = 5000
DIST_TEXT = dict(x_title="estimate σ̂²", y_title="density", hist_label="MC histogram", exact_label="exact pdf",
                 expectation_label="E[σ̂²]", sigma2_label="true σ²", title="Sampling distributions")


def _spec(chart):
    return chart.to_dict()  # validates against the Vega-Lite schema


def _rows(spec):
    (values,) = spec["datasets"].values()  # one top-level dataset per chart
    return values


def _legend_domain(spec, field):
    domains = [layer["encoding"][ch]["scale"]["domain"] for layer in spec["layer"]
               for ch in ("color", "strokeDash") if layer["encoding"].get(ch, {}).get("field") == field]
    assert domains and all(d == domains[0] for d in domains)
    return domains[0]


def _dist_chart(study, keys=("n_minus_1", "n", "known_mean")):
    return charts.sampling_distribution_chart(
        study.hist, {k: study.exact[k].mean for k in keys}, study.moments.variance,
        keys=keys, labels=LABELS, curve_x=study.curve_x, curves=study.curves, **DIST_TEXT)


@pytest.mark.parametrize("population", list(E.POPULATIONS))
@pytest.mark.parametrize("n, reps", [(2, E.MAX_REPS), (5, 20_000), (1_000, 100)])
def test_sampling_distribution_chart_is_valid_with_titles_legends_and_lines(population, n, reps):
    study = V.estimator_study(population, None, n, reps, seed=1)
    keys = ("n_minus_1", "n", "known_mean")
    spec = _spec(_dist_chart(study, keys))
    text = json.dumps(spec, ensure_ascii=False)
    assert spec["title"] == "Sampling distributions"
    assert "estimate σ̂²" in text and '"density"' in text
    assert _legend_domain(spec, "estimator") == [LABELS[k] for k in keys] + ["true σ²"]
    gaussian = population == "gaussian"
    assert _legend_domain(spec, "kind") == (["MC histogram", "exact pdf", "E[σ̂²]"] if gaussian
                                            else ["MC histogram", "E[σ̂²]"])
    rows = _rows(spec)
    assert 0 < len(rows) <= MAX_ROWS
    # the true σ² and each estimator's exact expectation as vertical rules
    (sigma_row,) = [r for r in rows if r["kind"] == "true σ²"]
    assert sigma_row["x"] == study.moments.variance
    expectation = {r["estimator"]: r["x"] for r in rows if r["kind"] == "E[σ̂²]"}
    assert expectation == {LABELS[k]: study.exact[k].mean for k in keys}
    rules = [layer for layer in spec["layer"] if layer["mark"]["type"] == "rule"]
    assert sorted(json.dumps(r["transform"]) for r in rules) == sorted(
        json.dumps([{"filter": f"datum.kind === {json.dumps(k)}"}]) for k in ("E[σ̂²]", "true σ²"))
    # the histogram rows are the core's densities, the curves the core's exact pdf
    for key in keys:
        hist = [r["y"] for r in rows if r["kind"] == "MC histogram" and r["estimator"] == LABELS[key]]
        np.testing.assert_array_equal(hist[1:-2], study.hist.density[key])
        curve = [r["y"] for r in rows if r["kind"] == "exact pdf" and r["estimator"] == LABELS[key]]
        if gaussian:
            np.testing.assert_array_equal(curve, study.curves[key])
        else:
            assert curve == []
    assert spec["config"]["axis"]["labelFontSize"] >= 12


def test_the_biased_estimator_sits_left_of_sigma2():
    study = V.estimator_study("gaussian", {"sigma2": 2.0}, 5, 20_000, seed=3)
    rows = _rows(_spec(_dist_chart(study)))
    expectation = {r["estimator"]: r["x"] for r in rows if r["kind"] == "E[σ̂²]"}
    assert expectation[LABELS["n"]] == pytest.approx(2.0 * 4 / 5, rel=1e-12)  # (N − 1)/N · σ²
    assert expectation[LABELS["n_minus_1"]] == expectation[LABELS["known_mean"]] == pytest.approx(2.0, rel=1e-12)


def test_sampling_distribution_chart_shows_only_the_chosen_estimators():
    study = V.estimator_study("exponential", None, 4, 1_000, seed=2)
    spec = _spec(_dist_chart(study, keys=("n_plus_1",)))
    assert _legend_domain(spec, "estimator") == [LABELS["n_plus_1"], "true σ²"]
    assert {r["estimator"] for r in _rows(spec)} == {LABELS["n_plus_1"], "true σ²"}


BIAS_TEXT = dict(x_title="sample size N (log scale)", y_title="bias", mc_label="Monte Carlo ± 2 SE",
                 exact_label="exact −σ²/N", zero_label="no bias", current_label="your N", title="Bias against N")


@pytest.mark.parametrize("current_n", [5, None])
def test_bias_chart_is_valid_with_error_bars_exact_curve_and_log_axis(current_n):
    ns = E.log_spaced_sizes(2, 100, 10)
    curve = E.bias_curve("gaussian", {"sigma2": 3.0}, ns, seed=4, draws_per_n=20_000)
    exact_ns = np.arange(2, 101)
    exact = E.exact_bias("gaussian", {"sigma2": 3.0}, exact_ns)
    spec = _spec(charts.bias_chart(curve.ns, curve.bias, curve.bias_se, exact_ns, exact,
                                   current_n=current_n, **BIAS_TEXT))
    assert spec["title"] == "Bias against N"
    expected = ["Monte Carlo ± 2 SE", "exact −σ²/N", "no bias"] + (["your N"] if current_n else [])
    assert _legend_domain(spec, "series") == expected
    x_scales = [layer["encoding"]["x"]["scale"] for layer in spec["layer"] if "x" in layer["encoding"]]
    assert x_scales and all(s["type"] == "log" for s in x_scales)
    rows = _rows(spec)
    assert len(rows) <= MAX_ROWS
    mc = [r for r in rows if r["series"] == "Monte Carlo ± 2 SE"]
    np.testing.assert_array_equal([r["bias"] for r in mc], curve.bias)
    np.testing.assert_allclose([r["hi"] - r["lo"] for r in mc], 4 * curve.bias_se, rtol=1e-12)
    exact_rows = [r for r in rows if r["series"] == "exact −σ²/N"]
    np.testing.assert_allclose([r["bias"] for r in exact_rows], -3.0 / exact_ns, rtol=1e-12)
    assert [r for r in rows if r["series"] == "no bias"] == [{"bias": 0.0, "series": "no bias"}]
    assert [r.get("n") for r in rows if r["series"] == "your N"] == ([5.0] if current_n else [])


MSE_TEXT = dict(x_title="divisor", y_title="MSE", variance_label="variance", bias2_label="bias²",
                mc_label="Monte Carlo MSE ± 2 SE", title="MSE = variance + bias²")


@pytest.mark.parametrize("population", list(E.POPULATIONS))
def test_mse_chart_stacks_variance_and_bias2_to_the_exact_mse(population):
    keys = ("n_minus_1", "n", "n_plus_1")
    study = V.estimator_study(population, None, 6, 5_000, seed=5)
    spec = _spec(charts.mse_chart(study.exact, study.summary, keys=keys, labels=LABELS, **MSE_TEXT))
    assert spec["title"] == "MSE = variance + bias²"
    assert _legend_domain(spec, "part") == ["variance", "bias²", "Monte Carlo MSE ± 2 SE"]
    rows = _rows(spec)
    assert len(rows) == 3 * len(keys)
    for key in keys:
        mine = {r["part"]: r for r in rows if r["estimator"] == LABELS[key]}
        stacked = mine["variance"]["value"] + mine["bias²"]["value"]
        assert stacked == pytest.approx(study.exact[key].mse, rel=1e-12)
        mc = mine["Monte Carlo MSE ± 2 SE"]
        assert mc["value"] == study.summary[key].mse
        assert mc["hi"] - mc["lo"] == pytest.approx(4 * study.summary[key].mse_se, rel=1e-12)
    (bars,) = [layer for layer in spec["layer"] if layer["mark"]["type"] == "bar"]
    assert bars["encoding"]["y"]["stack"] == "zero"


def test_records_broadcast_scalars_and_give_plain_python_values():
    rows = records(x=np.array([1.0, 2.0]), name="a")
    assert rows == [{"x": 1.0, "name": "a"}, {"x": 2.0, "name": "a"}]
    assert all(type(r["x"]) is float and type(r["name"]) is str for r in rows)
