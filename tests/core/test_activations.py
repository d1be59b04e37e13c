"""Tests for estimation.activations: closed forms, finite differences, backprop."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import optimize, stats

from estimation import activations as act
from estimation import depth as dp

# Every registry entry at its defaults, plus non-default parameters.
CASES = [(name, a.params) for name, a in act.ACTIVATIONS.items()] + [
    ("leaky_relu", {"slope": 0.2}),
    ("elu", {"alpha": 0.5}),
    ("elu", {"alpha": 2.0}),
]
CASE_IDS = [f"{name}-{params}" for name, params in CASES]
moderate = st.floats(-20.0, 20.0)


def _central_difference(f, x, h=1e-5):
    return (f(x + h) - f(x - h)) / (2.0 * h)


# ----------------------------------------------------------- derivatives --
@pytest.mark.parametrize("name, params", CASES, ids=CASE_IDS)
@given(x=moderate)
def test_derivative_matches_central_difference(name, params, x):
    a = act.ACTIVATIONS[name]
    if any(abs(x - k) < 1e-3 for k in a.kinks):
        return  # the difference quotient straddles the kink
    numeric = _central_difference(lambda t: a.f(t, **params), x)
    # truncation h²|f'''|/6 ≈ 1e-11 and rounding eps|f|/h ≈ 5e-10 for |f| ≤ 20
    assert a.df(x, **params) == pytest.approx(numeric, rel=1e-7, abs=1e-8)


def test_relu_family_derivative_at_zero_follows_the_left_branch():
    # Convention stated in the module: the x <= 0 branch, as PyTorch.
    assert act.d_relu(0.0) == 0.0
    assert act.d_leaky_relu(0.0, slope=0.1) == 0.1
    assert act.d_elu(0.0, alpha=2.0) == 2.0
    assert act.d_relu(1e-300) == 1.0


@given(x=st.floats(-10.0, 10.0))
def test_sigmoid_identities(x):
    s = act.sigmoid(x)
    assert s == pytest.approx(1.0 / (1.0 + np.exp(-x)), rel=1e-14)
    # σ(1-σ) cancels in 1 - σ for large x: ~eps/(1-σ) ≤ 5e-12 relative at |x| ≤ 10
    assert act.d_sigmoid(x) == pytest.approx(s * (1.0 - s), rel=1e-9)
    # tanh(x) = 2σ(2x) - 1 (absolute: the right side cancels near 0)
    assert act.tanh(x) == pytest.approx(2.0 * act.sigmoid(2.0 * x) - 1.0, abs=4e-16)
    assert act.d_softplus(x) == act.sigmoid(x)


@given(x=st.floats(-20.0, 20.0))
def test_tanh_derivative_closed_forms(x):
    assert act.d_tanh(x) == pytest.approx(1.0 / np.cosh(x) ** 2, rel=1e-13)
    if abs(x) <= 5:  # 1 - tanh² cancels beyond that
        assert act.d_tanh(x) == pytest.approx(1.0 - np.tanh(x) ** 2, rel=1e-11)


@given(x=st.floats(-30.0, 30.0))
def test_softplus_and_gelu_against_scipy(x):
    assert act.softplus(x) == pytest.approx(np.log1p(np.exp(x)), rel=1e-14)
    assert act.gelu(x) == pytest.approx(x * stats.norm.cdf(x), rel=1e-13, abs=1e-300)
    expected = stats.norm.cdf(x) + x * stats.norm.pdf(x)
    assert act.d_gelu(x) == pytest.approx(expected, rel=1e-12, abs=1e-300)


@given(x=moderate, slope=st.floats(0.0, 0.99), alpha=st.floats(0.01, 5.0))
def test_piecewise_hand_formulas(x, slope, alpha):
    assert act.relu(x) == max(0.0, x)
    assert act.leaky_relu(x, slope=slope) == (x if x > 0 else slope * x)
    # exp(x) - 1 cancels near 0 (ELU uses expm1), so compare absolutely there
    assert act.elu(x, alpha=alpha) == pytest.approx(
        x if x > 0 else alpha * (np.exp(x) - 1.0), rel=1e-14, abs=4e-16 * alpha
    )


# ---------------------------------------------------------- registry facts --
@pytest.mark.parametrize("name", list(act.ACTIVATIONS))
def test_registry_records_are_complete(name):
    a = act.ACTIVATIONS[name]
    assert a.name == name and a.latex_f and a.latex_df  # display names and notes: the page strings
    assert callable(a.f) and callable(a.df)
    x = np.linspace(-8.0, 8.0, 100_001)
    d = a.df(x, **a.params)
    # the derivative never exceeds its stated supremum ...
    assert np.all(d <= a.dsup * (1 + 1e-12))
    # ... which is approached (or attained) on the real line
    assert d.max() == pytest.approx(a.dsup, rel=2e-3)


@pytest.mark.parametrize("name", [n for n, a in act.ACTIVATIONS.items() if a.dmax is not None])
def test_derivative_maximum_location_and_value(name):
    a = act.ACTIVATIONS[name]
    x_star, d_star = a.dmax
    res = optimize.minimize_scalar(
        lambda t: -a.df(t, **a.params), bracket=(x_star - 1.0, x_star + 1.0), tol=1e-12
    )
    # the optimum is flat: 1e-6 in x is what Brent's method resolves
    assert res.x == pytest.approx(x_star, abs=1e-6)
    assert -res.fun == pytest.approx(d_star, rel=1e-12)
    assert a.df(x_star, **a.params) == pytest.approx(d_star, rel=1e-15)


def test_named_maxima():
    assert act.d_sigmoid(0.0) == 0.25
    assert act.ACTIVATIONS["sigmoid"].dmax == (0.0, 0.25)
    assert act.d_tanh(0.0) == 1.0
    assert act.ACTIVATIONS["tanh"].dmax == (0.0, 1.0)
    x_star, d_star = act.ACTIVATIONS["gelu"].dmax
    assert x_star == pytest.approx(np.sqrt(2.0), rel=1e-15)
    r2 = np.sqrt(2.0)
    assert d_star == pytest.approx(stats.norm.cdf(r2) + r2 * stats.norm.pdf(r2), rel=1e-14)


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize("name, params", CASES, ids=CASE_IDS)
def test_finite_and_warning_free_at_large_inputs(name, params):
    a = act.ACTIVATIONS[name]
    x = np.array([-1e3, -750.0, -40.0, 40.0, 750.0, 1e3])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        y, d = a.f(x, **params), a.df(x, **params)
    assert np.all(np.isfinite(y)) and np.all(np.isfinite(d))
    # far right every activation is the identity or saturates at 1
    assert y[-1] in (1.0, 1e3)
    assert d[-1] in (0.0, 1.0)


@pytest.mark.filterwarnings("error")
def test_saturation_values():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        assert act.sigmoid(-1e3) == 0.0 and act.sigmoid(1e3) == 1.0
        assert act.softplus(1e3) == 1e3 and act.softplus(-1e3) == pytest.approx(0.0, abs=1e-300)
        assert act.d_tanh(1e3) == 0.0 and act.tanh(-1e3) == -1.0
        assert act.elu(-1e3, alpha=1.5) == -1.5
        assert act.gelu(-1e3) == 0.0 and act.d_gelu(1e3) == 1.0
        # the tails keep full relative precision where naive forms cancel to 0
        assert act.d_sigmoid(40.0) == pytest.approx(np.exp(-40.0), rel=1e-12)
        assert act.d_tanh(30.0) == pytest.approx(4.0 * np.exp(-60.0), rel=1e-12)


# ---------------------------------------------------------------- backprop --
def _forward_from(h, weights, layer, f):
    """Loss Σ h_L when h_layer is given (independent re-implementation)."""
    for w in weights[layer:]:
        h = f(h @ w)
    return h.sum()


@pytest.mark.parametrize("name, params", CASES, ids=CASE_IDS)
def test_backprop_matches_finite_differences(name, params):
    # seed 15: no pre-activation within 1e-2 of a kink for any case (asserted
    # below), so the difference step never straddles one and no ReLU layer dies
    rng = np.random.default_rng(15)
    n_layers, width, batch = 4, 3, 2
    weights = rng.normal(0.0, 1.0, size=(n_layers, width, width))
    x = rng.normal(size=(batch, width))
    result = dp.backprop(x, weights, name, **params)
    assert result.z.shape == (n_layers, batch, width)
    assert result.grad_h.shape == (n_layers + 1, batch, width)
    a = act.ACTIVATIONS[name]
    assert np.min(np.abs(result.z)) > 1e-2 or not a.kinks

    def f(z):
        return a.f(z, **params)

    h = [x] + [f(z) for z in result.z]
    step = 1e-6
    for layer in range(n_layers + 1):
        numeric = np.zeros((batch, width))
        for i in range(batch):
            for j in range(width):
                plus, minus = h[layer].copy(), h[layer].copy()
                plus[i, j] += step
                minus[i, j] -= step
                numeric[i, j] = (
                    _forward_from(plus, weights, layer, f) - _forward_from(minus, weights, layer, f)
                ) / (2 * step)
        # central differences: truncation ~1e-12, rounding eps*|loss|/h ~ 1e-9
        np.testing.assert_allclose(result.grad_h[layer], numeric, rtol=1e-6, atol=1e-8)


@given(x0=st.floats(-5.0, 5.0), n_layers=st.integers(1, 30))
def test_scalar_sigmoid_chain_is_bounded_by_quarter_power(x0, n_layers):
    weights = np.ones((n_layers, 1, 1))
    result = dp.backprop(np.array([[x0]]), weights, "sigmoid")
    grads = result.grad_h[:, 0, 0]
    # exact: ∂h_L/∂h_l = Π_{j>l} σ'(z_j)
    expected = np.append(np.cumprod(act.d_sigmoid(result.z[::-1, 0, 0]))[::-1], 1.0)
    np.testing.assert_allclose(grads, expected, rtol=1e-12)
    assert np.all(grads <= dp.sigmoid_chain_bound(n_layers) * (1 + 1e-12))


def test_sigmoid_chain_bound_values():
    np.testing.assert_array_equal(dp.sigmoid_chain_bound(3), [0.25**3, 0.25**2, 0.25, 1.0])
    np.testing.assert_allclose(dp.sigmoid_chain_bound(2, weight=-2.0), [0.25, 0.5, 1.0])


def test_gaussian_weights_are_reproducible_with_the_right_scale():
    w = dp.GaussianWeights(3, 256, init_scale=np.sqrt(2.0), seed=9)
    assert len(w) == 3
    np.testing.assert_array_equal(w[1], w[1])
    assert not np.array_equal(w[0], w[1])
    # sample std of 65536 normals: relative standard error 1/sqrt(2*65536) ≈ 0.3 %
    assert w[2].std() == pytest.approx(np.sqrt(2.0 / 256), rel=0.02)


def test_gradient_profile_shape_and_unit_output_gradient():
    prof = dp.gradient_profile("tanh", n_layers=5, width=16, batch_size=8, seed=1)
    np.testing.assert_array_equal(prof.layer, np.arange(6))
    assert prof.grad_mean_abs[-1] == 1.0
    assert prof.act_std.shape == (6,)
    again = dp.gradient_profile("tanh", n_layers=5, width=16, batch_size=8, seed=1)
    np.testing.assert_array_equal(prof.grad_mean_abs, again.grad_mean_abs)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_sigmoid_gradient_vanishes_while_relu_with_he_scaling_does_not(seed):
    depth, width = 30, 64
    sig = dp.gradient_profile("sigmoid", depth, width, init_scale=1.0, seed=seed).grad_mean_abs
    he = np.sqrt(2.0)
    relu = dp.gradient_profile("relu", depth, width, init_scale=he, seed=seed).grad_mean_abs
    # sigmoid: each layer multiplies by ≈ 0.2 (σ' ≤ 1/4), so 30 layers give ~1e-20;
    # 1e-12 leaves eight orders of margin
    assert sig[0] < 1e-12
    assert sig[0] < sig[10] < sig[20] < sig[30]
    # ReLU + He keeps E|grad|² constant per layer: over seeds 0-9 the input
    # gradient was 0.9-10 at this size; [0.1, 100] leaves a 9-fold margin
    assert 0.1 < relu[0] < 100.0


# -------------------------------------------------------------- validation --
@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: act.leaky_relu(1.0, slope=1.0), "slope"),
        (lambda: act.leaky_relu(1.0, slope=-0.1), "slope"),
        (lambda: act.elu(1.0, alpha=0.0), "alpha"),
        (lambda: act.sigmoid([0.0, np.nan]), "z"),  # the one sigmoid (estimation.losses) calls its argument z
        (lambda: act.relu("a"), "x"),
        (lambda: act.get_activation("swish"), "activation"),
        (lambda: dp.gradient_profile("relu", n_layers=0), "n_layers"),
        (lambda: dp.gradient_profile("relu", n_layers=101), "n_layers"),
        (lambda: dp.gradient_profile("relu", width=513), "width"),
        (lambda: dp.gradient_profile("relu", batch_size=0), "batch_size"),
        (lambda: dp.gradient_profile("relu", init_scale=0.0), "init_scale"),
        (lambda: dp.gradient_profile("relu", seed=-3), "seed"),
        (lambda: dp.gradient_profile("nope"), "activation"),
        (lambda: dp.backprop(np.ones((2, 3)), np.ones((1, 2, 2)), "relu"), "weights"),
        (lambda: dp.backprop(np.ones(3), np.ones((1, 3, 3)), "relu"), "x"),
        (lambda: dp.sigmoid_chain_bound(0), "n_layers"),
        (lambda: dp.gradient_profile("relu", slope=0.1), "slope"),
        (lambda: dp.gradient_profile("leaky_relu", slope=2.0), "slope"),
    ],
)
def test_invalid_arguments_raise_value_error_naming_them(call, name):
    with pytest.raises(ValueError, match=rf"^{name}\b"):
        call()


# ------------------------------------------------- the page's two calls --
@pytest.mark.parametrize("seed", [0, 7])
def test_gradient_profiles_equal_one_profile_per_activation(seed):
    params = {"leaky_relu": {"slope": 0.2}, "elu": {"alpha": 0.5}}
    names = tuple(act.ACTIVATIONS)
    view = dp.gradient_profiles(names, 6, 16, init_scale=1.3, batch_size=5, seed=seed, params=params)
    assert tuple(view.profiles) == names
    np.testing.assert_array_equal(view.layer, np.arange(7))
    for name in names:
        one = dp.gradient_profile(name, 6, 16, init_scale=1.3, batch_size=5, seed=seed, **params.get(name, {}))
        # same weights and inputs, same operations: equal up to BLAS rounding
        np.testing.assert_allclose(view.profiles[name].grad_mean_abs, one.grad_mean_abs, rtol=1e-12)
        np.testing.assert_allclose(view.profiles[name].act_std, one.act_std, rtol=1e-12)
        g0 = one.grad_mean_abs[0]
        assert view.per_layer[name] == pytest.approx(np.exp(np.log(g0) / 6), rel=1e-12)
    np.testing.assert_allclose(view.bound, (1.3 / 4) ** np.arange(6, -1, -1), rtol=1e-14)


def test_sigmoid_profile_shrinks_like_a_quarter_per_layer_at_unit_scale():
    view = dp.gradient_profiles(n_layers=20, width=64, init_scale=1.0, seed=42)
    # each step multiplies by √(mean σ'(z)²)·|N(0,1)| on average, below 1/4;
    # over seeds 0-20 the factor was 0.21-0.24
    assert 0.15 < view.per_layer["sigmoid"] <= 0.25
    assert view.per_layer["sigmoid"] < view.per_layer["relu"] < view.per_layer["tanh"]
    assert view.bound[0] == 0.25**20


@pytest.mark.parametrize("name, params", CASES + [("elu", {"alpha": 3.0})],
                         ids=CASE_IDS + ["elu-alpha3"])
def test_derivative_peak_against_a_dense_grid(name, params):
    a = act.ACTIVATIONS[name]
    x_star, value = act.derivative_peak(name, **params)
    grid = np.append(np.linspace(-30.0, 30.0, 600_001), 0.0)
    d = a.df(grid, **params)
    assert d.max() <= value * (1 + 1e-12)
    # attained or approached: softplus' σ(30) = 1 - 9e-14
    assert d.max() == pytest.approx(value, rel=1e-9)
    if x_star is not None:
        assert a.df(x_star, **params) == pytest.approx(value, rel=1e-15)
        # unique: away from x*, f' stays clearly lower
        assert np.all(d[np.abs(grid - x_star) > 0.5] < value * (1 - 1e-3))


def test_named_peaks_and_conventions():
    assert act.derivative_peak("sigmoid") == (0.0, 0.25)
    assert act.derivative_peak("tanh") == (0.0, 1.0)
    assert act.derivative_peak("relu") == (None, 1.0)
    assert act.derivative_peak("elu", alpha=2.0) == (0.0, 2.0)
    assert act.derivative_peak("elu", alpha=1.0) == (None, 1.0)


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: act.derivative_peak("swish"), "activation"),
        (lambda: dp.gradient_profiles(width=257), "width"),
        (lambda: dp.gradient_profiles(n_layers=0), "n_layers"),
        (lambda: dp.gradient_profiles(init_scale=-1.0), "init_scale"),
        (lambda: dp.gradient_profiles(seed=-1), "seed"),
        (lambda: dp.gradient_profiles(["leaky_relu"], params={"leaky_relu": {"slope": 1.5}}), "slope"),
    ],
)
def test_page_calls_reject_invalid_arguments_naming_them(call, name):
    with pytest.raises(ValueError, match=rf"^{name}\b"):
        call()


@given(st.floats(-800.0, 800.0))
def test_sigmoid_is_the_logistic_module_one(x):
    from estimation import logistic, losses

    assert act.sigmoid is losses.sigmoid is logistic.sigmoid  # one sigmoid in the core, not two of the same name
    assert act.sigmoid(x) == logistic.sigmoid(x) == pytest.approx(np.exp(-np.logaddexp(0.0, -x)), rel=1e-14, abs=1e-300)
    assert isinstance(act.sigmoid(x), np.floating)  # the activations' return convention (numpy scalar)
    grid = np.linspace(-50.0, 50.0, 101)
    np.testing.assert_array_equal(act.sigmoid(grid), logistic.sigmoid(grid))


def test_registry_has_no_display_strings():
    """Display names and notes come from the page's strings, in both languages."""
    fields = act.Activation.__dataclass_fields__
    assert "label" not in fields and "note" not in fields
