"""Softmax chart builders: valid Vega-Lite, titled axes, legends, bounded data, no NaN, the views' numbers."""

import json

import numpy as np
import pytest

from estimation.charts import softmax as charts
from estimation.views import softmax as views

CHOICES = {
    "iris": views.DataChoice(),
    "blobs6": views.DataChoice("blobs", k=6, separation=1.0, n=2000, seed=3),
    "blobs2": views.DataChoice("blobs", k=2, separation=8.0, n=30, seed=1),
}
MODELS = {"uniform": "uniform", "mle": "MLE", "tilted": "tilted", "peaked": "peaked"}


def _spec(chart):
    spec = chart.to_dict()  # validates against the Vega-Lite schema
    json.dumps(spec, allow_nan=False)  # NaN/inf would make invalid JSON
    return spec


def _rows(spec):
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


def _walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _titles(spec, channel):
    return {n["encoding"][channel].get("title") for n in _walk(spec)
            if isinstance(n.get("encoding"), dict) and isinstance(n["encoding"].get(channel), dict)} - {None}


def _domains(spec):
    return [n["scale"]["domain"] for n in _walk(spec) if isinstance(n.get("scale"), dict) and "domain" in n["scale"]
            and isinstance(n["scale"]["domain"], list) and n["scale"]["domain"]
            and isinstance(n["scale"]["domain"][0], str)]


@pytest.fixture(scope="module", params=list(CHOICES))
def sections(request):
    choice = CHOICES[request.param]
    return (views.entropy_view(choice, 0.3, 0.6, 20, 0, "bits"),
            views.training_view(choice, "Adam", (("lr", 0.05),), 50, None, 0.01, True, 0),
            views.temperature_view(choice, 2.0, 1000.0, 0.0))


def test_entropy_curve(sections):
    view = sections[0]
    spec = _spec(charts.entropy_curve_chart(view, x_title="q", y_title="bits", entropy_label="H", kl_label="KL",
                                            cross_label="CE", mle_label="MLE", model_label="model", title="t"))
    assert _titles(spec, "x") == {"q"} and "bits" in _titles(spec, "y")
    assert ["H", "KL", "CE", "MLE", "model"] in _domains(spec)
    rows = _rows(spec)
    bands = {r["part"]: r for r in rows if r["kind"] == "band" and r["q"] == view.q_grid[100]}
    line = next(r for r in rows if r["kind"] == "line" and r["q"] == view.q_grid[100])
    # the KL band sits on the entropy band and ends at the cross-entropy curve
    assert bands["KL"]["lo"] == bands["H"]["hi"]
    assert bands["KL"]["hi"] == pytest.approx(line["hi"], rel=1e-12)
    assert len(rows) <= 5000


def test_entropy_bars_stack_to_the_cross_entropy(sections):
    view = sections[0]
    spec = _spec(charts.entropy_bars_chart(view.bars, model_labels=MODELS, x_title="model", y_title="bits",
                                           entropy_label="H", kl_label="KL"))
    assert _titles(spec, "x") == {"model"} and _titles(spec, "y") == {"bits"}
    assert ["H", "KL"] in _domains(spec)
    tops = {r["model"]: r["hi"] for r in _rows(spec) if r.get("part") == "KL"}
    assert tops == {MODELS[b["model"]]: b["cross"] for b in view.bars}
    assert {r["model"]: r["hi"] for r in _rows(spec) if r.get("part") == "KL"}["MLE"] == pytest.approx(
        view.bars[0]["entropy"], rel=1e-12)  # KL(p̂‖p̂) = 0


def test_decision_regions(sections):
    view = sections[1]
    labels = tuple(view.classes)
    spec = _spec(charts.decision_regions_chart(view, x_title="x₁", y_title="x₂", class_labels=labels,
                                               class_title="class", title="r"))
    assert _titles(spec, "x") == {"x₁"} and _titles(spec, "y") == {"x₂"}
    assert list(labels) in _domains(spec)
    rows = _rows(spec)
    assert len(rows) <= 5000
    cells = [r for r in rows if r["kind"] == "cell"]
    assert len(cells) == view.axis0.size * view.axis1.size
    assert all(0 <= r["conf"] <= 1 and r["cls"] in labels for r in cells)
    points = [r for r in rows if r["kind"] == "point"]
    assert len(points) == min(views.MAX_POINTS, len(points)) and {r["cls"] for r in points} <= set(labels)


def test_probability_surfaces_sum_to_one(sections):
    view = sections[1]
    labels = tuple(view.classes)
    spec = _spec(charts.probability_surfaces_chart(view, x_title="x₁", y_title="x₂", class_labels=labels,
                                                   prob_title="P", title="s"))
    rows = spec["data"]["values"] if "values" in spec.get("data", {}) else _rows(spec)
    assert len(rows) <= 5000
    total = {}
    for r in rows:
        total[(r["x"], r["y"])] = total.get((r["x"], r["y"]), 0.0) + r["p"]
    assert np.allclose(list(total.values()), 1.0, atol=1e-3 * len(labels))  # rounded to 4 decimals per class
    assert _titles(spec, "x") == {"x₁"} and _titles(spec, "y") == {"x₂"} and _titles(spec, "fill") == {"P"}


@pytest.mark.parametrize("log_y", [False, True])
def test_loss_curve(sections, log_y):
    view = sections[1]
    spec = _spec(charts.loss_curve_chart(view, x_title="epoch", y_title="J", run_label="Adam",
                                         optimum_label="L-BFGS", log_y=log_y))
    assert ["Adam", "L-BFGS"] in _domains(spec)
    rows = _rows(spec)
    assert rows[0]["loss"] == pytest.approx(np.log(view.k), rel=1e-12)  # epoch 0: uniform probabilities
    assert next(r for r in rows if r["kind"] == "optimum")["loss"] == view.optimum


def test_temperature_charts(sections):
    view = sections[2]
    bars = _spec(charts.softmax_bars_chart(view.example_probs, x_title="k", y_title="p", at_t_label="T = 2",
                                           at_one_label="T = 1"))
    assert ["T = 2", "T = 1"] in _domains(bars)
    by_series = {}
    for r in _rows(bars):
        by_series.setdefault(r["series"], []).append(r["p"])
    assert all(sum(v) == pytest.approx(1.0, rel=1e-12) for v in by_series.values())
    assert max(by_series["T = 2"]) < max(by_series["T = 1"])  # T > 1 flattens
    calib = _spec(charts.calibration_chart(view, x_title="T", y_title="fraction", confidence_label="c",
                                           accuracy_label="a", ece_label="e", chosen_label="T", best_label="T*"))
    nll = _spec(charts.temperature_nll_chart(view, x_title="T", y_title="NLL", nll_label="n", chosen_label="T",
                                             best_label="T*"))
    for spec in (calib, nll):
        assert "T" in _titles(spec, "x") and _titles(spec, "y")
        assert {r["T"] for r in _rows(spec) if r["kind"] == "rule"} == {2.0, view.best_t}
    accuracy = [r["v"] for r in _rows(calib) if r.get("series") == "a"]
    assert len(set(accuracy)) == 1  # the argmax does not depend on T


def test_class_colours_are_distinct_up_to_ten():
    assert len(set(charts.class_colors(10))) == 10
