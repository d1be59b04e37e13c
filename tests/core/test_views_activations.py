"""Tests for estimation.views.activations (what the Activations page's sections draw): grids, tables, the reference."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from estimation import activations as act
from estimation import depth as dp
from estimation.views import activations as views


@given(x_max=st.floats(0.01, 1000.0), half=st.integers(1, 2500))
def test_activation_curves_grid_and_values(x_max, half):
    n = 2 * half + 1
    c = views.curves(["sigmoid", "gelu"], x_max, n_points=n)
    assert c.x.shape == (n,) and c.x[0] == -x_max and c.x[-1] == x_max and c.x[half] == 0.0
    np.testing.assert_allclose(np.diff(c.x), 2 * x_max / (n - 1), rtol=1e-9)
    np.testing.assert_array_equal(c.f["sigmoid"], act.sigmoid(c.x))
    np.testing.assert_array_equal(c.df["gelu"], act.d_gelu(c.x))
    assert c.df["sigmoid"].max() == 0.25 and c.peak["sigmoid"] == (0.0, 0.25)
    assert list(c.f) == ["sigmoid", "gelu"] and c.at_zero == {"sigmoid": 0.25, "gelu": 0.5}


def test_values_at_zero_are_the_left_derivatives():
    curves = views.curves(("relu", "leaky_relu", "elu"), params={"leaky_relu": {"slope": 0.1}, "elu": {"alpha": 2.0}})
    assert curves.at_zero == {"relu": 0.0, "leaky_relu": 0.1, "elu": 2.0}  # left derivatives, as PyTorch


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: views.curves([]), "names"),
        (lambda: views.curves(["relu", "relu"]), "names"),
        (lambda: views.curves(["swish"]), "names"),
        (lambda: views.curves(5), "names"),
        (lambda: views.curves(["relu"], 0.0), "x_max"),
        (lambda: views.curves(["relu"], 1e4), "x_max"),
        (lambda: views.curves(["relu"], n_points=2), "n_points"),
        (lambda: views.curves(["relu"], params={"swish": {}}), "params"),
        (lambda: views.curves(["relu"], params={"relu": {"slope": 0.1}}), "slope"),
        (lambda: views.curves(["elu"], params={"elu": {"alpha": -1.0}}), "alpha"),
    ],
)
def test_curves_reject_invalid_arguments_naming_them(call, name):
    with pytest.raises(ValueError, match=rf"^{name}\b"):
        call()


def test_peaks_table_is_the_cores_peaks_to_four_digits():
    params = {"leaky_relu": {"slope": 0.3}, "elu": {"alpha": 2.5}}
    c = views.curves(tuple(act.ACTIVATIONS), params=params)
    for row, name in zip(c.table, act.ACTIVATIONS, strict=True):
        x_star, value = act.derivative_peak(name, **params.get(name, {}))
        expected = {"activation": name, "max": f"{value:.4g}", "at": "—" if x_star is None else f"{x_star:.4g}",
                    "at_zero": f"{float(act.ACTIVATIONS[name].df(0.0, **params.get(name, {}))):.4g}"}
        assert row == expected
    assert c.table[list(act.ACTIVATIONS).index("elu")] == {"activation": "elu", "max": "2.5", "at": "0", "at_zero": "2.5"}


@pytest.mark.parametrize(("scale", "tex"), [(1.0, "1"), (views.HE, r"\sqrt{2}"), (0.25, "0.25")])
def test_depth_table_and_reference(scale, tex):
    d = views.depth(("sigmoid", "relu"), 20, 16, init_scale=scale, batch_size=8, seed=3)
    profiles = dp.gradient_profiles(("sigmoid", "relu"), 20, 16, init_scale=scale, batch_size=8, seed=3)
    assert d.inputs == {n: float(profiles.profiles[n].grad_mean_abs[0]) for n in ("sigmoid", "relu")}
    assert d.table == (
        *({"row": n, "input_grad": f"{d.inputs[n]:.4g}", "per_layer": f"{profiles.per_layer[n]:.4g}"}
          for n in ("sigmoid", "relu")),
        {"row": "bound", "input_grad": f"{(scale / 4) ** 20:.4g}", "per_layer": f"{scale / 4:.4g}"},
    )
    assert d.dead == tuple(n for n in ("sigmoid", "relu") if d.inputs[n] == 0.0)
    assert d.bound_latex.startswith(rf"|w|=s={tex},\ L=20:") and d.bound_latex.endswith(views.sci((scale / 4) ** 20))


def test_a_dead_relu_chain_is_named():
    d = views.depth(("sigmoid", "tanh", "relu"), 20, 1, seed=0)  # width 1: one inactive unit kills the gradient
    assert d.dead == ("relu",) and d.inputs["relu"] == 0.0


@pytest.mark.parametrize(("value", "shown"), [(0.25**20, r"9.095\times10^{-13}"), (0.5, "0.5"), (1.0, "1"),
                                              (123456.0, r"1.235\times10^{5}")])
def test_sci_writes_powers_of_ten(value, shown):
    assert views.sci(value) == shown
