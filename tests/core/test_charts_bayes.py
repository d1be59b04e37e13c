"""Bayes chart builders: valid Vega-Lite, titled axes, legends, markers, bounded data."""

import json

import numpy as np
import pytest

from estimation.charts import bayes as charts
from estimation.views import bayes as views

LABELS = {"equal_tailed": "credible", "wald": "Wald", "wilson": "Wilson"}


def _spec(chart):
    return chart.to_dict()  # validates against the Vega-Lite schema


def _rows(spec):
    return sum(len(v) for v in spec.get("datasets", {}).values())


def _values(spec):
    (values,) = spec["datasets"].values()
    return values


def _color_domain(spec):
    """Legend entries: the colour scale domain of the first layer that has one."""
    for layer in spec["layer"]:
        color = layer.get("encoding", {}).get("color")
        if color and "scale" in color:
            return color["scale"]["domain"]
    raise AssertionError("no colour legend")


def _posterior(rep, markers):
    return _spec(charts.posterior_chart(
        rep.curves, rep.y_top, markers, prior_label="prior", likelihood_label="likelihood",
        posterior_label="posterior", x_title="success probability p", y_title="density", title="Prior × likelihood"))


@pytest.mark.parametrize("a, b, n, data", [(2.0, 2.0, 10, {"p": 0.2, "seed": 42}), (1.0, 1.0, 3, {"k": 3}),
                                           (0.5, 0.5, 1000, {"k": 0}), (20.0, 20.0, 1000, {"p": 0.97, "seed": 1})])
def test_posterior_chart_has_curves_markers_titles_and_legend(a, b, n, data):
    rep = views.posterior(a, b, n, **data)
    markers = {"MLE": rep.mle, "MAP": rep.map.value, "mean": rep.mean, "true p": rep.truth}
    spec = _posterior(rep, markers)
    text = json.dumps(spec, ensure_ascii=False)
    assert "success probability p" in text and "density" in text and "Prior × likelihood" in text
    drawn = [label for label, x in markers.items() if x is not None]
    assert _color_domain(spec) == ["prior", "likelihood", "posterior", *drawn]
    assert 0 < _rows(spec) <= 5000
    values = _values(spec)
    # the three curves are the report's densities, column by column
    curve_rows = [r for r in values if r.get("c0") is not None]
    np.testing.assert_allclose([r["c2"] for r in curve_rows], rep.curves.posterior, rtol=1e-12)
    # one marker row per drawn estimate, at its value of p
    marker_rows = [r["p"] for r in values if r.get("h") is not None]
    assert marker_rows == [pytest.approx(markers[label], rel=1e-12) for label in drawn]
    lookups = [tr["calculate"] for layer in spec["layer"] for tr in layer.get("transform", [])
               if "datum.m" in tr.get("calculate", "")]
    assert lookups and all(json.loads(c.split("[datum.m]")[0]) == drawn for c in lookups)  # labels by row index
    # the density axis stops at y_top (unbounded curves are clipped)
    y = spec["layer"][0]["encoding"]["y"]
    assert y["scale"]["domain"] == [0.0, pytest.approx(rep.y_top)]
    assert spec["layer"][0]["mark"]["clip"] is True
    assert spec["config"]["axis"]["labelFontSize"] >= 12


def test_posterior_chart_skips_a_missing_marker():
    rep = views.posterior(1.0, 1.0, 5, k=2)
    spec = _posterior(rep, {"MLE": rep.mle, "MAP": None, "mean": rep.mean})
    assert "MAP" not in _color_domain(spec)
    assert [r["p"] for r in _values(spec) if r.get("h") is not None] == [rep.mle, rep.mean]


def test_step_chart_shows_prior_posterior_after_t_and_final():
    step = views.one_at_a_time(2.0, 2.0, 50, p=0.3, seed=3, t=7)
    spec = _spec(charts.step_chart(step, prior_label="prior", posterior_label="after t = 7",
                                   final_label="final", mean_label="mean after t", x_title="p", y_title="density",
                                   title="Posterior after t = 7"))
    assert _color_domain(spec) == ["prior", "final", "after t = 7", "mean after t"]
    assert "Posterior after t = 7" in json.dumps(spec)
    values = _values(spec)
    np.testing.assert_allclose([r["c2"] for r in values if r.get("c0") is not None], step.posterior, rtol=1e-12)
    assert [r["p"] for r in values if r.get("h") is not None] == [pytest.approx(step.mean)]
    assert 0 < _rows(spec) <= 5000


@pytest.mark.parametrize("n, truth", [(10, 0.2), (charts.MAX_PATH_POINTS - 1, None)])
def test_path_chart_has_band_mean_mle_and_step(n, truth):
    data = {"p": truth, "seed": 0} if truth is not None else {"k": n // 3}
    step = views.one_at_a_time(2.0, 2.0, n, t=n // 2, **data)
    spec = _spec(charts.path_chart(step.path, step.t, step.truth, mean_label="mean", band_label="band",
                                   mle_label="MLE", step_label="t now", truth_label="true p",
                                   x_title="observations used t", y_title="p", title="Path"))
    expected = ["mean", "band", "MLE", "t now"] + (["true p"] if truth is not None else [])
    assert _color_domain(spec) == expected
    assert _rows(spec) == n + 1 <= 5000
    text = json.dumps(spec)
    assert "observations used t" in text and '"Path"' in text
    rules = [layer for layer in spec["layer"] if layer["mark"] == "rule" or layer["mark"].get("type") == "rule"]
    assert any(layer["encoding"].get("x", {}).get("datum") == n // 2 for layer in rules)  # the step t
    truth_rules = [layer["encoding"]["y"]["datum"] for layer in rules if "datum" in layer["encoding"].get("y", {})]
    assert truth_rules == ([truth] if truth is not None else [])


def test_path_chart_thins_long_paths():
    step = views.one_at_a_time(1.0, 1.0, views.MAX_N, p=0.5, seed=0)
    spec = _spec(charts.path_chart(step.path, 0, None, mean_label="m", band_label="b", mle_label="l",
                                   step_label="s", truth_label="p", x_title="t", y_title="p"))
    values = _values(spec)
    assert _rows(spec) <= charts.MAX_PATH_POINTS
    assert values[0]["t"] == 0 and values[-1]["t"] == views.MAX_N


def test_coverage_chart_has_three_curves_dots_and_the_nominal_level():
    cov = views.coverage(20, 1.0, 1.0, seed=0)
    spec = _spec(charts.coverage_chart(cov, 0.95, labels=LABELS, mc_label="Monte Carlo", nominal_label="nominal",
                                       x_title="true p", y_title="coverage", title="Coverage"))
    assert _color_domain(spec) == ["credible", "Wald", "Wilson", "nominal"]
    text = json.dumps(spec)
    assert "Monte Carlo" in text and "true p" in text and "coverage" in text and '"Coverage"' in text
    assert _rows(spec) == views.COVERAGE_P.size + cov.monte_carlo.p.size <= 5000
    values = _values(spec)
    exact = [r for r in values if r["mc"] == 0]
    np.testing.assert_allclose([r["wald"] for r in exact], cov.exact.coverage["wald"], rtol=1e-12)
    assert any(layer["encoding"].get("y", {}).get("datum") == 0.95 for layer in spec["layer"])


def test_path_chart_drops_the_undefined_mle_at_t_zero():
    """k_t/t is NaN at t = 0: the rows hold the finite counts k_t and the MLE layer divides for t >= 1 only."""
    path = views.one_at_a_time(2.0, 2.0, 8, k=3, t=0).path
    assert np.isnan(path.mle[0])
    spec = _spec(charts.path_chart(path, 0, None, mean_label="m", band_label="b", mle_label="l",
                                   step_label="s", truth_label="p", x_title="t", y_title="p"))
    values = _values(spec)
    assert all(v is not None and np.isfinite(v) for r in values for v in r.values())  # no NaN, no null
    assert [r["k"] for r in values] == list(path.successes) and values[0]["t"] == 0
    (mle,) = [layer for layer in spec["layer"] if "l" in json.dumps(layer.get("transform", []))
              and any("calculate" in tr and tr["as"] == "mle" for tr in layer["transform"])]
    assert {"filter": "datum.t > 0"} in mle["transform"]
    assert {"calculate": "datum.k / datum.t", "as": "mle"} in mle["transform"]
    # what the layer draws is the core's MLE path, k_t/t for t >= 1
    assert [r["k"] / r["t"] for r in values if r["t"] > 0] == list(path.mle[1:])
