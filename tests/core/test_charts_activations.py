"""Activations chart builders: valid Vega-Lite, titles, legends, markers, bounded data."""

import numpy as np
import pytest

from estimation import activations as act
from estimation import depth as dp
from estimation.charts import activations as charts
from estimation.views import activations as views

LABELS = {"sigmoid": "Sigmoid", "tanh": "tanh", "relu": "ReLU", "leaky_relu": "Leaky ReLU", "elu": "ELU",
          "softplus": "Softplus", "gelu": "GELU"}
REFERENCE = "reference: scalar sigmoid chain with |w| = s, (s/4)^(L−l)"
ALL = tuple(act.ACTIVATIONS)


def _spec(chart):
    return chart.to_dict()  # validates against the Vega-Lite schema


def _rows(spec):
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


def _curves_spec(names=ALL, derivative=True, x_max=6.0, **kw):
    curves = views.curves(names, x_max, **kw)
    return curves, _spec(charts.curves_chart(
        curves, derivative=derivative, labels=LABELS, x_title="input x", y_title="f′(x)", series_title="activation",
        max_label="maximum of f′", kink_label="f′ at the kink", title="Derivatives"))


def _legend_domains(spec):
    """The domains of every colour/shape scale in a layered spec."""
    out = []
    for layer in spec["layer"]:
        for channel in ("color", "shape"):
            enc = layer.get("encoding", {}).get(channel)
            if enc and "scale" in enc:
                out.append((channel, enc["scale"]["domain"], enc["scale"].get("range")))
    return out


@pytest.mark.parametrize("derivative", [False, True])
def test_curves_chart_is_valid_with_titles_legend_and_bounded_data(derivative):
    curves, spec = _curves_spec(derivative=derivative)
    text = str(spec)
    assert "input x" in text and "f′(x)" in text and "Derivatives" in text
    rows = _rows(spec)
    assert 0 < len(rows) <= 5000
    assert sum(r["kind"] == "curve" for r in rows) == len(ALL) * curves.x.size
    colour = [d for d in _legend_domains(spec) if d[0] == "color"]
    assert colour and colour[0][1] == [LABELS[n] for n in ALL]  # legend in registry order
    assert colour[0][2] == [charts.ACTIVATION_COLORS[n] for n in ALL]
    assert spec["config"]["axis"]["labelFontSize"] >= 12
    assert ("shape" in {d[0] for d in _legend_domains(spec)}) == derivative


def test_sigmoid_maximum_is_marked_at_zero_quarter():
    _, spec = _curves_spec(("sigmoid", "tanh", "relu"))
    marks = [r for r in _rows(spec) if r["kind"] == "max"]
    by_series = {r["series"]: r for r in marks}
    assert set(by_series) == {"Sigmoid", "tanh"}  # ReLU's sup 1 is on a half-line: no single point
    assert (by_series["Sigmoid"]["x"], by_series["Sigmoid"]["y"]) == (0.0, 0.25)
    assert by_series["Sigmoid"]["text"] == "(0, 0.25)"
    assert (by_series["tanh"]["x"], by_series["tanh"]["y"]) == (0.0, 1.0)
    shape = next(d for d in _legend_domains(spec) if d[0] == "shape")
    assert shape[1] == ["maximum of f′", "f′ at the kink"]


def test_kinks_are_marked_with_the_pytorch_convention():
    _, spec = _curves_spec(("relu", "leaky_relu", "elu"), params={"leaky_relu": {"slope": 0.2},
                                                                    "elu": {"alpha": 2.0}})
    kinks = {r["series"]: (r["x"], r["y"]) for r in _rows(spec) if r["kind"] == "kink"}
    assert kinks == {"ReLU": (0.0, 0.0), "Leaky ReLU": (0.0, 0.2), "ELU": (0.0, 2.0)}
    # ELU with α = 2 peaks at its kink: that maximum is marked too
    assert [(r["series"], r["x"], r["y"]) for r in _rows(spec) if r["kind"] == "max"] == [("ELU", 0.0, 2.0)]


def test_function_and_derivative_charts_share_the_x_range_and_axis_width():
    specs = [_curves_spec(("gelu",), derivative=d, x_max=12.5)[1] for d in (False, True)]
    for spec in specs:
        enc = spec["layer"][0]["encoding"]
        assert enc["x"]["scale"]["domain"] == [-12.5, 12.5] and enc["x"]["scale"]["nice"] is False
        assert enc["y"]["axis"]["minExtent"] == enc["y"]["axis"]["maxExtent"] == charts.Y_AXIS_EXTENT


def _depth_spec(view, labels=LABELS):
    return _spec(charts.depth_chart(view, labels=labels, x_title="layer l", y_title="mean |∂E/∂h_l|",
                                    series_title="activation", std_title="std of h_l", reference_label=REFERENCE,
                                    title="Gradient per layer"))


def test_depth_chart_is_valid_log_scaled_with_the_reference_in_the_legend():
    view = dp.gradient_profiles(ALL, n_layers=100, width=4, seed=1)
    spec = _depth_spec(view)
    text = str(spec)
    assert "layer l" in text and "mean |∂E/∂h_l|" in text and "Gradient per layer" in text
    assert "'log'" in text
    rows = _rows(spec)
    assert len(rows) <= 5000
    bound = [r for r in rows if r["kind"] == "reference"]
    assert [r["grad"] for r in bound] == pytest.approx(list(dp.sigmoid_chain_bound(100)), rel=1e-15)
    colour = next(d for d in _legend_domains(spec) if d[0] == "color")
    assert colour[1] == [LABELS[n] for n in ALL] + [REFERENCE]
    assert colour[2][-1] == charts.REFERENCE
    sigmoid = [r["grad"] for r in rows if r["series"] == "Sigmoid"]
    np.testing.assert_allclose(sigmoid, view.profiles["sigmoid"].grad_mean_abs, rtol=1e-15)


def test_depth_chart_leaves_out_exact_zeros():
    # a dead ReLU chain: every gradient below the output is exactly 0
    layer = np.arange(4)
    dead = dp.GradientProfile(layer, np.array([0.0, 0.0, 0.0, 1.0]), np.ones(4))
    alive = dp.GradientProfile(layer, np.array([0.01, 0.05, 0.2, 1.0]), np.ones(4))
    view = dp.DepthProfiles(layer, {"relu": dead, "sigmoid": alive}, dp.sigmoid_chain_bound(3), {})
    rows = _rows(_depth_spec(view))
    assert [r["grad"] for r in rows if r["series"] == "ReLU"] == [1.0]
    assert all(r["grad"] > 0 for r in rows)
    assert len([r for r in rows if r["series"] == "Sigmoid"]) == 4


def _tooltip_titles(spec):
    return [[(t["field"], t.get("title")) for t in layer["encoding"]["tooltip"]]
            for layer in spec["layer"] if "tooltip" in layer.get("encoding", {})]


def test_every_tooltip_is_titled_by_the_caller():
    """No raw field name (series, x, y, layer, grad, std) reaches a tooltip: the titles are the page's strings."""
    _, curves = _curves_spec(("sigmoid", "relu"))
    for titles in _tooltip_titles(curves):
        assert titles == [("series", "activation"), ("x", "input x"), ("y", "f′(x)")]
    depth = _depth_spec(dp.gradient_profiles(("sigmoid",), n_layers=3, width=2, seed=0))
    reference, profile = _tooltip_titles(depth)
    assert reference == [("series", "activation"), ("layer", "layer l"), ("grad", "mean |∂E/∂h_l|")]
    assert profile == reference + [("std", "std of h_l")]


def test_marker_labels_have_no_english_default():
    curves = views.curves(("relu",), 6.0)
    with pytest.raises(TypeError, match="max_label"):
        charts.curves_chart(curves, derivative=True, labels=LABELS, x_title="x", y_title="y",
                            series_title="s", kink_label="k")


def test_the_reference_is_not_a_bound_of_the_random_network():
    """Why the dashed curve is called a reference: at width 1 random weights can beat |w| = s.

    The scalar chain with every |w| = s is bounded by (s/4)^(L−l); the
    random-weight sigmoid profile rises above it for some of 20 seeds.
    """
    above = []
    for seed in range(20):
        view = dp.gradient_profiles(("sigmoid",), n_layers=10, width=1, seed=seed)
        above.append(bool(np.any(view.profiles["sigmoid"].grad_mean_abs > view.bound * (1 + 1e-12))))
    assert any(above)
