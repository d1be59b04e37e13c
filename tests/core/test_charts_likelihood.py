"""Likelihood chart builders: valid Vega-Lite, titles, legends, bounded data, markers where they belong."""

import numpy as np
import pytest

from estimation.charts import likelihood as charts
from estimation.views import likelihood as views
from tests.core.test_views_likelihood import report as lk_report

CASES = {
    "typed": lambda: lk_report("binomial", 10, k=8, naive=True),
    "bernoulli": lambda: lk_report("bernoulli", 1_000_000, truth={"p": 0.3}, seed=0, naive=True),
    "binomial": lambda: lk_report("binomial", 500, truth={"theta": 0.7}, seed=1, naive=True),
    "gaussian": lambda: lk_report("gaussian", 1_000_000, truth={"mu": 0.5, "sigma2": 2.0}, seed=2,
                                             naive=True),
    "boundary": lambda: lk_report("bernoulli", 5, truth={"p": 0.01}, seed=0, naive=True),
}
LABELS = dict(curve_label="the curve", mle_label="the MLE", truth_label="the truth")


@pytest.fixture(scope="module", params=list(CASES))
def report(request):
    return CASES[request.param]()


def _spec(chart):
    return chart.to_dict()  # validates against the Vega-Lite schema


def _rows(spec):
    (values,) = spec["datasets"].values()  # one top-level dataset per chart
    # plain JSON records: a value a row lacks is a missing key, never null/NaN/inf
    assert all(isinstance(v, str) or (isinstance(v, (int, float)) and np.isfinite(v)) for row in values
               for v in row.values())
    return values


def _legend(spec):
    """Labels of the categorical colour legend (the first layer's colour scale domain)."""
    domains = [layer["encoding"]["color"]["scale"]["domain"] for layer in spec["layer"]
               if "color" in layer.get("encoding", {}) and "domain" in layer["encoding"]["color"].get("scale", {})]
    assert domains and all(d == domains[0] for d in domains)  # one shared legend
    return domains[0]


def _marker(rows, label, key="theta"):
    return [r[key] for r in rows if r["series"] == label]


def _check(spec, title, x_title, y_title, labels):
    text = str(spec)
    assert spec["title"] == title and x_title in text and y_title in text
    assert spec["config"]["axis"]["labelFontSize"] >= 12
    assert _legend(spec) == labels
    assert 0 < len(_rows(spec)) <= 5000


def test_likelihood_chart(report):
    for v in report.views.values():
        spec = _spec(charts.likelihood_chart(v, x_title="parameter θ", y_title="L(θ)", title="Likelihood", **LABELS))
        labels = ["the curve", "the MLE"] + (["the truth"] if v.truth is not None else [])
        _check(spec, "Likelihood", "parameter θ", "L(θ)", labels)
        rows = _rows(spec)
        assert _marker(rows, "the MLE") == [v.theta_hat]
        assert _marker(rows, "the truth") == ([] if v.truth is None else [v.truth])
        (y_hat,) = _marker(rows, "the MLE", "y")
        assert y_hat == pytest.approx(max(r["y"] for r in rows if r["series"] == "the curve"), rel=1e-3)
        assert y_hat == pytest.approx(np.exp(v.loglik_hat - v.lik_exponent * np.log(10)), rel=1e-12)


def test_loglik_chart_with_tangents(report):
    for v in report.views.values():
        spec = _spec(charts.loglik_chart(v, x_title="θ", y_title="ℓ(θ)", tangent_label="tangent", title="Log",
                                         **LABELS))
        labels = ["the curve", "the MLE"] + (["the truth"] if v.truth is not None else []) + ["tangent"]
        _check(spec, "Log", "θ", "ℓ(θ)", labels)
        rows = _rows(spec)
        assert _marker(rows, "the MLE", "y") == [v.loglik_hat]
        curve = [r for r in rows if r["series"] == "the curve"]
        assert all(np.isfinite(r["y"]) and r["y"] >= v.floor for r in curve)
        tangent = [r for r in rows if r["series"] == "tangent"]
        assert len(tangent) == 2 * (1 + (v.truth is not None))
        a, b = tangent[0], tangent[1]  # the tangent at the MLE has slope = the score there
        assert (b["y"] - a["y"]) == pytest.approx(v.score_hat * (b["theta"] - a["theta"]), abs=1e-9)
        # without a tangent label: no tangent layer or legend entry
        plain = _spec(charts.loglik_chart(v, x_title="θ", y_title="ℓ(θ)", height=200, **LABELS))
        assert "tangent" not in str(plain) and plain["height"] == 200


def test_surface_chart_stays_under_5000_rows_at_the_largest_grid():
    r = views.surface_view("gaussian", 1_000_000, truth={"mu": 0.5, "sigma2": 2.0}, seed=2, grid=200)
    surf = r.surface
    mle, truth = r.mle, (0.5, 2.0)
    spec = _spec(charts.surface_chart(
        surf, mle, truth, x_title="mean μ", y_title="variance σ²", color_title="ℓ − ℓ̂",
        contour_label="contours", slice_label="slices", mle_label="the MLE", truth_label="the truth", title="Surface"))
    _check(spec, "Surface", "mean μ", "variance σ²", ["contours", "slices", "the MLE", "the truth"])
    rows = _rows(spec)
    cells = [row for row in rows if row["series"] == "cell"]
    assert len(cells) == surf.cells**2 <= 4900
    assert len(rows) <= 5000
    assert _marker(rows, "the MLE", "x") == [mle[0]] and _marker(rows, "the MLE", "y") == [mle[1]]
    assert _marker(rows, "the truth", "x") == [0.5] and _marker(rows, "the truth", "y") == [2.0]
    heat = spec["layer"][0]["encoding"]["fill"]
    assert heat["title"] == "ℓ − ℓ̂" and heat["scale"]["domain"] == [-views.VIEW_DROP, 0.0]
    assert len([row for row in rows if row["series"] == "contours"]) == surf.contours["x"].size > 0


def test_naive_chart_marks_the_failure(report):
    nv = report.naive
    spec = _spec(charts.naive_chart(nv, x_title="n (log)", y_title="log10", product_label="product",
                                    loglik_label="sum of logs", failure_label="underflow", limit_label="limit",
                                    title="Why logs"))
    failed = nv.failure_n is not None
    labels = ["sum of logs", "product"] + (["underflow", "limit"] if failed else [])
    _check(spec, "Why logs", "n (log)", "log10", labels)
    rows = _rows(spec)
    assert len(_marker(rows, "sum of logs", "n")) == nv.n.size
    product_n = _marker(rows, "product", "n")
    if failed:
        assert _marker(rows, "underflow", "n") == [nv.failure_n]
        assert max(product_n) == nv.failure_n - 1  # the line stops at the last representable product
        assert _marker(rows, "underflow", "y") == [pytest.approx(np.log10(np.finfo(float).smallest_subnormal))]
    else:
        assert product_n == nv.n.tolist()
    assert spec["layer"][0]["encoding"]["x"]["scale"]["type"] == "log"
    y = spec["layer"][0]["encoding"]["y"]
    lo, hi = y["scale"]["domain"]
    assert y["scale"]["type"] == "symlog" and lo <= min(r["y"] for r in rows) and hi >= max(r["y"] for r in rows)
    assert 0.0 in y["axis"]["values"] and all(lo <= v <= hi for v in y["axis"]["values"])


def test_sharpen_chart(report):
    for v in report.views.values():
        labels = [f"N = {m}" for m in v.sharp_sizes]
        spec = _spec(charts.sharpen_chart(v, labels, x_title="θ", y_title="ℓ − ℓ̂", truth_label="the truth",
                                          title="Sharper"))
        _check(spec, "Sharper", "θ", "ℓ − ℓ̂", labels + (["the truth"] if v.truth is not None else []))
        rows = _rows(spec)
        for label, m in zip(labels, v.sharp_sizes):
            assert len(_marker(rows, label)) == int(np.sum(v.sharp_size == m))
        assert _marker(rows, "the truth") == ([] if v.truth is None else [v.truth])
        with pytest.raises(ValueError, match="labels"):
            charts.sharpen_chart(v, labels[:-1], x_title="θ", y_title="ℓ", truth_label="t")


def test_quadratic_chart(report):
    for v in report.views.values():
        spec = _spec(charts.quadratic_chart(v, x_title="θ", y_title="ℓ − ℓ̂", curve_label="exact",
                                            quad_label="quadratic", wald_label="Wald", lr_label="LR",
                                            threshold_label="−1.92", title="Quadratic"))
        _check(spec, "Quadratic", "θ", "ℓ − ℓ̂", ["exact", "quadratic", "LR", "Wald"])
        rows = _rows(spec)
        assert _marker(rows, "Wald") == list(v.wald) and _marker(rows, "LR") == list(v.lr)
        assert _marker(rows, "−1.92", "y") == [-v.lr_drop]  # the level line, labelled in place
        assert any(layer["mark"]["type"] == "text" and layer["encoding"]["text"]["field"] == "series"
                   for layer in spec["layer"])
        exact = [r for r in rows if r["series"] == "exact"]
        assert exact and max(r["y"] for r in exact) <= 1e-12
