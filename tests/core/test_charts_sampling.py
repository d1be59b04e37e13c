"""Sampling chart builders: valid Vega-Lite, titled axes, legends, bounded data."""

import json
import re

import numpy as np
import pytest
from scipy import stats

from estimation import sampling
from estimation.charts import sampling as charts
from estimation.views import sampling as views


def _spec(chart):
    return chart.to_dict()  # validates against the Vega-Lite schema


def _rows(spec):
    return sum(len(v) for v in spec.get("datasets", {}).values())


@pytest.mark.parametrize("dist", list(sampling.DISTRIBUTIONS))
def test_histogram_chart_is_valid_with_titles_and_legend(dist):
    params = sampling.DISTRIBUTIONS[dist].defaults
    s = views.histogram_view(dist, params, 1_000_000, seed=0)
    spec = _spec(charts.histogram_chart(
        s.hist, discrete=sampling.DISTRIBUTIONS[dist].discrete, x_title="value x", y_title="density",
        observed_label="sample", exact_label="exact", title="Histogram"))
    text = str(spec)
    assert "value x" in text and "density" in text and "Histogram" in text
    assert "'sample'" in text and "'exact'" in text  # legend domain
    assert 0 < _rows(spec) <= 5000
    assert spec["config"]["axis"]["labelFontSize"] >= 12


def test_running_mean_chart_is_valid_and_thinned():
    s = views.running_mean_view("gaussian", {"mu": 0.0, "sigma": 1.0}, 1_000_000, seed=0)
    spec = _spec(charts.running_mean_chart(
        s.k, s.running, s.band, s.mean, x_title="k", y_title="mean", running_label="running",
        band_label="band", mean_label="E[X]", title="LLN"))
    assert _rows(spec) == s.k.size <= 2000
    assert "'log'" in str(spec)  # log-scaled k axis
    assert {"running", "band", "E[X]"} <= set(str(spec).replace("'", " ").split())


# Issue 16: "Gaussian μ = −10, σ = 10, N = 1: the exact pdf is cut to the sample's range and the running-mean chart
# is empty; binomial p = 0 shows a single tick '0.000000'".
def _layers(spec):
    return spec["layer"]


def _series(spec, label):
    (rows,) = spec["datasets"].values()
    return [r for r in rows if r.get("series") == label]


def test_gaussian_pdf_overlay_covers_the_bulk_for_one_draw():
    params = {"mu": -10.0, "sigma": 10.0}
    view = views.histogram_view("gaussian", params, 1, seed=0)
    x1 = sampling.draw("gaussian", params, 1, 0)[0]
    spec = _spec(charts.histogram_chart(view.hist, discrete=False, x_title="x", y_title="density",
                                        observed_label="sample", exact_label="pdf"))
    curve = _series(spec, "pdf")
    xs = [r["left"] for r in curve]
    assert min(xs) <= -10.0 - 4 * 10.0 and max(xs) >= -10.0 + 4 * 10.0  # μ ± 4σ: all but 6e-5 of the mass
    assert min(xs) <= x1 <= max(xs)
    oracle = stats.norm(-10.0, 10.0).pdf(xs)  # the peak 1/(σ√(2π)) is on the curve, not cut away
    np.testing.assert_allclose([r["density"] for r in curve], oracle, rtol=1e-12)
    assert max(oracle) == pytest.approx(1 / (10.0 * np.sqrt(2 * np.pi)), rel=1e-3)


def test_running_mean_of_one_draw_shows_its_point_band_and_expectation():
    params = {"mu": -10.0, "sigma": 10.0}
    view = views.running_mean_view("gaussian", params, 1, seed=0)
    spec = _spec(charts.running_mean_chart(
        view.k, view.running, view.band, view.mean, x_title="k", y_title="mean", running_label="running",
        band_label="band", mean_label="E[X]", k_window=view.k_window))
    (rows,) = spec["datasets"].values()
    x1 = sampling.draw("gaussian", params, 1, 0)[0]
    assert rows == [{"k": 1, "mean": pytest.approx(x1, rel=1e-15), "lo": -30.0, "hi": 10.0}]  # E[X] ± 2σ/√1
    band, rule, point = _layers(spec)
    assert band["mark"]["type"] == "rule" and band["encoding"]["y2"]["field"] == "hi"  # a bar from lo to hi
    assert point["mark"]["type"] == "point"  # a line of one point draws nothing
    assert rule["encoding"]["y"]["datum"] == -10.0
    assert point["encoding"]["x"]["scale"] == {"type": "log", "domain": [1, 10], "nice": False}
    legend = point["encoding"]["color"]["legend"]
    assert '["running"]' in legend["symbolType"]["expr"] and '"circle"' in legend["symbolType"]["expr"]
    # with many draws: the line, the shaded band, and the window 1 … N
    view = views.running_mean_view("gaussian", params, 1000, seed=0)
    assert view.k_window == (1, 1000)
    spec = _spec(charts.running_mean_chart(
        view.k, view.running, view.band, view.mean, x_title="k", y_title="mean", running_label="running",
        band_label="band", mean_label="E[X]", k_window=view.k_window))
    assert [layer["mark"]["type"] for layer in _layers(spec)] == ["area", "rule", "line"]


@pytest.mark.parametrize("dist, params, ks", [
    ("binomial", {"n": 10, "p": 0.0}, [0, 1, 2, 3, 4]),
    ("binomial", {"n": 10, "p": 1.0}, [6, 7, 8, 9, 10]),
    ("binomial", {"n": 2, "p": 1.0}, [0, 1, 2]),  # the whole support is smaller than five values
    ("bernoulli", {"p": 0.0}, [0, 1]),
])
def test_degenerate_discrete_distributions_get_an_integer_axis_around_their_value(dist, params, ks):
    view = views.histogram_view(dist, params, 50, seed=0)
    spec = _spec(charts.histogram_chart(view.hist, discrete=True, x_title="x", y_title="P", observed_label="sample",
                                        exact_label="pmf"))
    bars = _series(spec, "sample")
    assert [r["left"] + 0.5 for r in bars] == ks
    oracle = (stats.binom(params["n"], params["p"]) if dist == "binomial" else stats.bernoulli(params["p"])).pmf(ks)
    np.testing.assert_array_equal([r["density"] for r in _series(spec, "pmf")], oracle)  # 0 or 1 exactly
    assert sum(r["count"] for r in bars) == 50
    for layer in _layers(spec):
        assert layer["encoding"]["x"]["axis"] == {"format": "d", "tickMinStep": 1}


def _symbol(legend: dict, label: str) -> tuple[str, list]:
    """The (shape, dash) Vega draws for ``label``'s legend entry: legend_symbols' nested ternaries, evaluated."""
    def evaluate(expr: str):
        while True:
            m = re.match(r"indexof\((\[.*?\]), datum\.value\) >= 0 \? (\"[a-z]+\"|\[[0-9, ]*\]) : (.*)$", expr)
            if not m:
                return json.loads(expr)
            if label in json.loads(m.group(1)):
                return json.loads(m.group(2))
            expr = m.group(3)
    return evaluate(legend["symbolType"]["expr"]), evaluate(legend["symbolDash"]["expr"])


# Issue 16: "legend symbols don't match their marks" (E[X], a dashed line, was shown as a dot).
@pytest.mark.parametrize("discrete", [True, False])
def test_every_legend_entry_is_drawn_like_its_mark(discrete):
    dist, params = ("binomial", {"n": 10, "p": 0.3}) if discrete else ("gaussian", {"mu": 0.0, "sigma": 1.0})
    view = views.histogram_view(dist, params, 1000, seed=0)
    spec = _spec(charts.histogram_chart(view.hist, discrete=discrete, x_title="x", y_title="P",
                                        observed_label="sample", exact_label="exact"))
    legend = spec["layer"][0]["encoding"]["color"]["legend"]
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == (["bar", "rule", "point"] if discrete else ["bar", "line"])
    assert _symbol(legend, "sample") == ("square", [])  # a bar
    assert _symbol(legend, "exact") == (("circle", []) if discrete else ("stroke", []))  # a stem's dot / a curve
    view = views.running_mean_view(dist, params, 1000, seed=0)
    spec = _spec(charts.running_mean_chart(
        view.k, view.running, view.band, view.mean, x_title="k", y_title="mean", running_label="running",
        band_label="band", mean_label="E[X]", k_window=view.k_window))
    area, rule, line = spec["layer"]
    legend = area["encoding"]["color"]["legend"]
    assert area["mark"]["type"] == "area" and _symbol(legend, "band") == ("square", [])
    assert rule["mark"]["type"] == "rule" and rule["mark"]["strokeDash"]  # E[X]: a dashed rule …
    shape, dash = _symbol(legend, "E[X]")
    assert shape == "stroke" and dash  # … and a dashed stroke in the legend, not a dot
    assert line["mark"]["type"] == "line" and _symbol(legend, "running") == ("stroke", [])
