"""Sampling chart builders: valid Vega-Lite, titled axes, legends, bounded data."""

import pytest

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
