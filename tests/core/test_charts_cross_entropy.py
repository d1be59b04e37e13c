"""Cross-entropy chart builders: valid Vega-Lite, titled axes, legends, bounded data, no NaN."""

import json

import numpy as np
import pytest

from estimation import datasets
from estimation.views import cross_entropy as V
from estimation.charts import cross_entropy as charts

ALL = {"SGD": {"lr": 0.5}, "Momentum": {"lr": 0.1}, "Nesterov": {"lr": 0.1}, "AdaGrad": {"lr": 0.5},
       "RMSprop": {"lr": 0.02}, "AdaDelta": {"lr": 1.0}, "Adam": {"lr": 0.05}}


def _spec(chart):
    spec = chart.to_dict()  # validates against the Vega-Lite schema
    json.dumps(spec, allow_nan=False)  # NaN/inf would make invalid JSON
    return spec


def _objectives(fits):
    return {name: fit.objective for name, fit in fits.items()}


def _records(spec):
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


def _legend_domain(spec):
    """The colour domain of the first layer that has one."""
    for layer in spec["layer"]:
        color = layer.get("encoding", {}).get("color")
        if color and "scale" in color:
            return color["scale"]["domain"]
    raise AssertionError("no colour legend")


def _assert_complete(records, kind, *fields):
    """Every row of ``kind`` has finite values in ``fields`` (nothing null reaches a mark)."""
    rows = [r for r in records if r.get("kind") == kind]
    assert rows, kind
    for r in rows:
        for f in fields:
            assert r.get(f) is not None and np.isfinite(r[f]), (kind, f, r)


@pytest.fixture(scope="module")
def compared():
    X, y = datasets.make_gaussian_classes(400, n_features=2, separation=2.0, seed=1)
    return V.compare_optimizers(X, y, ALL, epochs=1000)


@pytest.mark.parametrize("q, p", [(0.6, 0.3), (0.01, 0.0), (0.99, 1.0)])
def test_per_sample_loss_chart(q, p):
    view = V.identity_section(p, q, 20, seed=3)
    ident = view.identity
    spec = _spec(charts.per_sample_loss_chart(
        view, x_title="logit z", y_title="loss", pos_label="y=1", neg_label="y=0", mean_label="mean",
        model_label="model", mle_label="MLE", title="Per-sample loss"))
    text = str(spec)
    assert "logit z" in text and "'loss'" in text and "Per-sample loss" in text
    has_minimum = 0 < ident.k < ident.n  # the minimum is at ±∞ when k = 0 or N: no point, no legend entry
    assert has_minimum == (0 < p < 1)  # p = 0 and p = 1 draw k = 0 and k = N: both edge cases are covered
    assert _legend_domain(spec) == ["y=1", "y=0", "mean", "model"] + ["MLE"] * has_minimum
    records = _records(spec)
    assert 0 < len(records) <= 5000
    _assert_complete(records, "curve", "z", "loss")
    _assert_complete(records, "point", "z", "loss", "size")
    mle = [r for r in records if r.get("series") == "MLE"]
    assert len(mle) == has_minimum
    if mle:
        assert mle[0]["loss"] == pytest.approx(ident.nll_mean_at_mle, rel=1e-12)
    at_q = [r for r in records if r.get("kind") == "point" and r["series"] == "mean"]
    assert at_q[0]["loss"] == ident.nll_mean and at_q[0]["z"] == ident.z_q


@pytest.mark.parametrize("log_y", [False, True])
def test_loss_curves_chart_is_thinned_with_reference(compared, log_y):
    spec = _spec(charts.loss_curves_chart(
        _objectives(compared.fits), compared.reference.objective, log_y=log_y, x_title="epoch", y_title="J",
        reference_label="optimum", title="Loss"))
    text = str(spec)
    assert "'epoch'" in text and "'J'" in text and "Loss" in text
    assert _legend_domain(spec) == list(ALL) + ["optimum"]
    records = _records(spec)
    assert len(records) <= 5000  # 7 runs × 1001 epochs thinned to 500 each
    assert sum(r["series"] == "SGD" for r in records) == charts.MAX_CURVE_POINTS
    _assert_complete(records, "run", "epoch", "loss")
    _assert_complete(records, "reference", "loss")
    assert ("'log'" in text) == log_y


def test_loss_curves_chart_floors_zero_losses_on_a_log_axis():
    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    y = np.array([0.0, 0.0, 1.0, 1.0])
    res = V.compare_optimizers(X, y, {"SGD": {"lr": 1000}}, epochs=20)  # separable: the loss falls towards 0
    spec = _spec(charts.loss_curves_chart(_objectives(res.fits), 0.0, log_y=True, x_title="e", y_title="J",
                                          reference_label="inf"))
    assert all(r["loss"] > 0 for r in _records(spec))


def test_loss_curves_chart_diverged_run_has_no_nan():
    X, y = datasets.make_gaussian_classes(200, seed=2)
    res = V.compare_optimizers(X, y, {"SGD": {"lr": 0.5}, "Adam": {"lr": 1e4}}, epochs=50)
    assert res.fits["Adam"].diverged
    spec = _spec(charts.loss_curves_chart(_objectives(res.fits), res.reference.objective, log_y=False, x_title="e",
                                          y_title="J", reference_label="opt"))
    _assert_complete(_records(spec), "run", "epoch", "loss")


@pytest.mark.parametrize("d", [1, 2])
def test_loss_landscape_chart(d):
    X, y = datasets.make_gaussian_classes(300, n_features=d, separation=2.0, seed=4)
    res = V.compare_optimizers(X, y, ALL, epochs=1000)
    spec = _spec(charts.loss_landscape_chart(res.landscape, x_title="w", y_title="b", start_label="start",
                                             optimum_label="optimum", title="Landscape"))
    text = str(spec)
    assert "'w'" in text and "'b'" in text and "Landscape" in text
    assert _legend_domain(spec) == list(ALL) + ["start", "optimum"]
    records = _records(spec)
    assert len(records) <= 5000
    _assert_complete(records, "contour", "x", "y", "line", "order", "level")
    _assert_complete(records, "path", "x", "y", "order")
    _assert_complete(records, "point", "x", "y", "size")
    assert sum(r.get("kind") == "path" and r["series"] == "SGD" for r in records) == 200


def test_loss_landscape_chart_without_optimum_on_separable_data():
    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    y = np.array([0.0, 0.0, 1.0, 1.0])
    res = V.compare_optimizers(X, y, {"SGD": {"lr": 1.0}}, epochs=50)
    spec = _spec(charts.loss_landscape_chart(res.landscape, x_title="w", y_title="b", start_label="start",
                                             optimum_label="optimum"))
    assert _legend_domain(spec) == ["SGD", "start"]
    assert not any(r.get("series") == "optimum" for r in _records(spec))


@pytest.mark.parametrize("d", [1, 2])
def test_data_view_chart_is_thinned_with_boundaries(d):
    X, y = datasets.make_gaussian_classes(20_000, n_features=d, separation=2.0, seed=5)
    res = V.compare_optimizers(X, y, {"Adam": {"lr": 0.05}}, epochs=20)
    spec = _spec(charts.data_view_chart(
        res.view, x_title="x1", y_title="x2" if d == 2 else "P(y=1|x)", class_labels=("y = 0", "y = 1"),
        model_label="model", reference_label="optimum", prob_title="P(y = 1 | x)", title="Data"))
    text = str(spec)
    assert "'x1'" in text and "Data" in text and "P(y = 1 | x)" in text
    assert _legend_domain(spec) == ["y = 0", "y = 1", "model", "optimum"]
    records = _records(spec)
    assert len(records) <= 5000
    assert sum(r.get("kind") == "point" for r in records) == 3000  # ≤ 5,000 points: thinned
    _assert_complete(records, "point", "x", "y")
    _assert_complete(records, "cell", "x", "x2", "y", "y2", "p")
    _assert_complete(records, "line", "x", "y", "line", "order")
    assert {r["series"] for r in records if r.get("kind") == "line"} == {"model", "optimum"}
    assert all(0 <= r["p"] <= 1 for r in records if r.get("kind") == "cell")


def test_weight_norm_chart():
    spec = _spec(charts.weight_norm_chart({"λ = 0": np.linspace(0, 5, 2001), "λ = 0.1": np.full(2001, 1.5)},
                                          x_title="epoch", y_title="‖w‖", title="Norms"))
    text = str(spec)
    assert "'epoch'" in text and "‖w‖" in text and "Norms" in text
    assert _legend_domain(spec) == ["λ = 0", "λ = 0.1"]
    records = _records(spec)
    assert len(records) == 2 * charts.MAX_CURVE_POINTS


def test_optimizers_keep_their_colour_on_every_chart(compared):
    pair = _objectives({k: compared.fits[k] for k in ("Momentum", "Adam")})
    loss = _spec(charts.loss_curves_chart(pair, 0.3, log_y=False, x_title="e", y_title="J", reference_label="opt"))
    land = _spec(charts.loss_landscape_chart(compared.landscape, x_title="w", y_title="b", start_label="s",
                                             optimum_label="o"))

    def colours(spec):
        for layer in spec["layer"]:
            scale = layer.get("encoding", {}).get("color", {}).get("scale")
            if scale:
                return dict(zip(scale["domain"], scale["range"]))

    assert colours(loss)["Adam"] == colours(land)["Adam"] == charts.OPTIMIZER_COLORS["Adam"]
    assert colours(loss)["Momentum"] == colours(land)["Momentum"] == charts.OPTIMIZER_COLORS["Momentum"]
    assert len(set(charts.OPTIMIZER_COLORS.values())) == len(charts.OPTIMIZER_COLORS)
