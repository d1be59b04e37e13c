"""Tests for estimation.optimizers.

Oracles: an independent element-by-element implementation of the published
update equations (torch.optim's documented algorithms, Kingma & Ba, Zeiler,
Duchi et al.) written below on Python floats with ``math.sqrt``; torch.optim
itself when it is installed; closed forms for first steps; equivalent
textbook forms (velocity momentum, Sutskever's look-ahead Nesterov).
"""

from __future__ import annotations

import inspect
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose, assert_array_equal

from estimation.optimizers import (
    OPTIMIZERS,
    SGD,
    AdaDelta,
    AdaGrad,
    Adam,
    Momentum,
    Nesterov,
    Optimizer,
    RMSprop,
)
from estimation.surfaces import Quadratic, Rosenbrock

# Defaults exactly as specified in issue #6.
EXPECTED_DEFAULTS = {
    "SGD": {"lr": 0.01},
    "Momentum": {"lr": 0.01, "momentum": 0.9},
    "Nesterov": {"lr": 0.01, "momentum": 0.9},
    "AdaGrad": {"lr": 0.01, "eps": 1e-10},
    "RMSprop": {"lr": 0.01, "decay_rate": 0.99, "eps": 1e-8},
    "AdaDelta": {"lr": 1.0, "rho": 0.9, "eps": 1e-6},
    "Adam": {"lr": 0.001, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8},
}

# torch.optim's state buffer names for each method.
EXPECTED_BUFFERS = {
    "SGD": set(),
    "Momentum": {"momentum_buffer"},
    "Nesterov": {"momentum_buffer"},
    "AdaGrad": {"sum"},
    "RMSprop": {"square_avg"},
    "AdaDelta": {"square_avg", "acc_delta"},
    "Adam": {"exp_avg", "exp_avg_sq"},
}

# Three settings per optimizer: the defaults and two others, including edge
# values of the valid ranges (decay rates of 0, tiny and large eps).
SETTINGS = {
    "SGD": [{}, {"lr": 0.3}, {"lr": 1e-4}],
    "Momentum": [{}, {"lr": 0.05, "momentum": 0.5}, {"lr": 1e-3, "momentum": 0.99}],
    "Nesterov": [{}, {"lr": 0.05, "momentum": 0.5}, {"lr": 1e-3, "momentum": 0.99}],
    "AdaGrad": [{}, {"lr": 0.5, "eps": 1e-3}, {"lr": 1e-3, "eps": 1e-12}],
    "RMSprop": [{}, {"lr": 0.1, "decay_rate": 0.9, "eps": 1e-3}, {"lr": 1e-3, "decay_rate": 0.0, "eps": 1e-10}],
    "AdaDelta": [{}, {"lr": 0.5, "rho": 0.5, "eps": 1e-3}, {"lr": 3.0, "rho": 0.99, "eps": 1e-8}],
    "Adam": [
        {},
        {"lr": 0.05, "beta1": 0.5, "beta2": 0.9, "eps": 1e-4},
        {"lr": 0.01, "beta1": 0.0, "beta2": 0.0, "eps": 1e-12},
    ],
}
CASES = [(name, hp) for name, settings_ in SETTINGS.items() for hp in settings_]
CASE_IDS = [f"{name}-{i}" for name, settings_ in SETTINGS.items() for i in range(len(settings_))]

N_STEPS = 120
SHAPES = {"W": (3, 4), "b": (4,), "s": ()}
SCALES = {"W": 1.0, "b": 1e-3, "s": 1e3}  # exercise eps at both ends


def full_hyperparameters(name, hp):
    return {**EXPECTED_DEFAULTS[name], **hp}


# ---------------------------------------------------------------------------
# Independent reference: one scalar at a time, straight from the equations.
# ``s`` is the per-element state dict, ``t`` the step number from 1.
# ---------------------------------------------------------------------------


def ref_sgd(th, g, s, t, lr):
    return th - lr * g


def ref_momentum(th, g, s, t, lr, momentum):
    s["b"] = g if t == 1 else momentum * s["b"] + g  # torch: b_1 = g_1
    return th - lr * s["b"]


def ref_nesterov(th, g, s, t, lr, momentum):
    s["b"] = g if t == 1 else momentum * s["b"] + g
    return th - lr * (g + momentum * s["b"])


def ref_adagrad(th, g, s, t, lr, eps):
    s["h"] = s.get("h", 0.0) + g * g
    return th - lr * g / (math.sqrt(s["h"]) + eps)


def ref_rmsprop(th, g, s, t, lr, decay_rate, eps):
    s["v"] = decay_rate * s.get("v", 0.0) + (1 - decay_rate) * g * g
    return th - lr * g / (math.sqrt(s["v"]) + eps)


def ref_adadelta(th, g, s, t, lr, rho, eps):
    s["v"] = rho * s.get("v", 0.0) + (1 - rho) * g * g
    dx = math.sqrt(s.get("u", 0.0) + eps) / math.sqrt(s["v"] + eps) * g
    s["u"] = rho * s.get("u", 0.0) + (1 - rho) * dx * dx
    return th - lr * dx


def ref_adam(th, g, s, t, lr, beta1, beta2, eps):
    s["m"] = beta1 * s.get("m", 0.0) + (1 - beta1) * g
    s["v"] = beta2 * s.get("v", 0.0) + (1 - beta2) * g * g
    m_hat = s["m"] / (1 - beta1**t)
    v_hat = s["v"] / (1 - beta2**t)
    return th - lr * m_hat / (math.sqrt(v_hat) + eps)


REFERENCE = {
    "SGD": ref_sgd,
    "Momentum": ref_momentum,
    "Nesterov": ref_nesterov,
    "AdaGrad": ref_adagrad,
    "RMSprop": ref_rmsprop,
    "AdaDelta": ref_adadelta,
    "Adam": ref_adam,
}


def reference_run(name, hp, params0, grad_seq):
    """Parameters after each step, computed element by element."""
    step_fn = REFERENCE[name]
    hp = full_hyperparameters(name, hp)
    theta = {k: np.ravel(v).tolist() for k, v in params0.items()}
    states = {k: [{} for _ in v] for k, v in theta.items()}
    history = []
    for t, grads in enumerate(grad_seq, start=1):
        for k in theta:
            g_flat = np.asarray(grads[k]).ravel().tolist()
            theta[k] = [step_fn(th, g, s, t, **hp) for th, g, s in zip(theta[k], g_flat, states[k])]
        history.append({k: np.array(v).reshape(params0[k].shape) for k, v in theta.items()})
    return history


def random_problem(seed, n_steps=N_STEPS):
    """Initial parameters and a gradient sequence with some exact zeros."""
    rng = np.random.default_rng(seed)
    params0 = {k: rng.uniform(-2.0, 2.0, size=shape) for k, shape in SHAPES.items()}
    grad_seq = []
    for _ in range(n_steps):
        grads = {}
        for k, shape in SHAPES.items():
            g = SCALES[k] * rng.standard_normal(shape)
            grads[k] = np.where(rng.random(shape) < 0.05, 0.0, g)
        grad_seq.append(grads)
    return params0, grad_seq


def our_run(opt, params0, grad_seq):
    params = {k: v.copy() for k, v in params0.items()}
    history = []
    for grads in grad_seq:
        opt.update(params, {k: g.copy() for k, g in grads.items()})
        history.append({k: v.copy() for k, v in params.items()})
    return history


# The two implementations order the floating-point operations differently
# (e.g. lr·g/d versus lr·(g/d)), so they differ by a few ulps per step. The
# gradients are fixed in advance (they do not depend on θ), so these
# differences add up linearly: after 120 steps of O(1) quantities they stay
# below ~1e-13. atol covers entries that pass close to zero.
RTOL, ATOL = 1e-12, 1e-12


@pytest.mark.parametrize(("name", "hp"), CASES, ids=CASE_IDS)
def test_matches_reference_equations(name, hp):
    params0, grad_seq = random_problem(seed=len(CASE_IDS) + sum(map(ord, name)) + len(hp))
    ours = our_run(OPTIMIZERS[name](**hp), params0, grad_seq)
    ref = reference_run(name, hp, params0, grad_seq)
    for t, (a, b) in enumerate(zip(ours, ref), start=1):
        for k in SHAPES:
            assert a[k].shape == SHAPES[k]
            assert_allclose(a[k], b[k], rtol=RTOL, atol=ATOL, err_msg=f"{name} step {t} key {k}")
    # the run moved the parameters (not a vacuous comparison)
    assert not np.allclose(ours[-1]["W"], params0["W"])


def torch_optimizer(torch, name, hp, tensors):
    hp = full_hyperparameters(name, hp)
    lr = hp["lr"]
    if name == "SGD":
        return torch.optim.SGD(tensors, lr=lr)
    if name in ("Momentum", "Nesterov"):
        return torch.optim.SGD(tensors, lr=lr, momentum=hp["momentum"], nesterov=name == "Nesterov")
    if name == "AdaGrad":
        return torch.optim.Adagrad(tensors, lr=lr, eps=hp["eps"])
    if name == "RMSprop":
        return torch.optim.RMSprop(tensors, lr=lr, alpha=hp["decay_rate"], eps=hp["eps"])
    if name == "AdaDelta":
        return torch.optim.Adadelta(tensors, lr=lr, rho=hp["rho"], eps=hp["eps"])
    return torch.optim.Adam(tensors, lr=lr, betas=(hp["beta1"], hp["beta2"]), eps=hp["eps"])


@pytest.mark.parametrize(("name", "hp"), CASES, ids=CASE_IDS)
def test_matches_torch_optim(name, hp):
    torch = pytest.importorskip("torch")
    params0, grad_seq = random_problem(seed=7)
    tensors = {k: torch.nn.Parameter(torch.tensor(v, dtype=torch.float64)) for k, v in params0.items()}
    topt = torch_optimizer(torch, name, hp, list(tensors.values()))
    opt = OPTIMIZERS[name](**hp)
    params = {k: v.copy() for k, v in params0.items()}
    for grads in grad_seq:
        for k, p in tensors.items():
            p.grad = torch.tensor(grads[k], dtype=torch.float64)
        topt.step()
        opt.update(params, grads)
        # float64 in both; torch fuses some operations (lerp, addcdiv), so
        # a few ulps per step, far inside the 1e-6 acceptance bar.
        for k, p in tensors.items():
            assert_allclose(params[k], p.detach().numpy(), rtol=RTOL, atol=ATOL)
    # same state buffers under the same names, with the same values
    for k, p in tensors.items():
        tstate = topt.state[p]
        for buffer in EXPECTED_BUFFERS[name]:
            assert_allclose(opt.state[k][buffer], tstate[buffer].numpy(), rtol=RTOL, atol=ATOL)
        if "step" in tstate:
            assert opt.state[k]["step"] == int(tstate["step"]) == N_STEPS


# ---------------------------------------------------------------------------
# Registry, signatures, hyperparameter descriptions, state names
# ---------------------------------------------------------------------------


def test_registry_names_and_order():
    assert list(OPTIMIZERS) == ["SGD", "Momentum", "Nesterov", "AdaGrad", "RMSprop", "AdaDelta", "Adam"]
    for name, cls in OPTIMIZERS.items():
        assert cls.name == name
        assert issubclass(cls, Optimizer)


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_signature_defaults_and_descriptions_agree(name):
    cls = OPTIMIZERS[name]
    sig = inspect.signature(cls)
    defaults = {p: v.default for p, v in sig.parameters.items()}
    assert defaults == EXPECTED_DEFAULTS[name]
    assert {h.name: h.default for h in cls.HYPERPARAMETERS} == EXPECTED_DEFAULTS[name]
    opt = cls()
    for h in cls.HYPERPARAMETERS:
        assert getattr(opt, h.name) == h.default
        lo, hi = h.widget_range
        assert h.check(lo) == lo and h.check(hi) == hi and lo < hi
        assert h.lo <= h.default <= h.hi
    assert repr(opt).startswith(f"{cls.__name__}(lr=")


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_state_is_lazy_and_named_like_torch(name):
    opt = OPTIMIZERS[name]()
    assert opt.state == {}
    params = {"a": np.ones(3), "b": np.ones((2, 2))}
    opt.update(params, {"a": np.full(3, 0.5), "b": np.full((2, 2), -0.5)})
    assert set(opt.state) == {"a", "b"}
    for k, p in params.items():
        assert set(opt.state[k]) == {"step"} | EXPECTED_BUFFERS[name]
        assert opt.state[k]["step"] == 1
        for buffer in EXPECTED_BUFFERS[name]:
            assert opt.state[k][buffer].shape == p.shape
    # a key seen for the first time later gets its own fresh state
    params["c"] = np.zeros(2)
    opt.update(params, {"a": np.ones(3), "b": np.ones((2, 2)), "c": np.ones(2)})
    assert opt.state["a"]["step"] == 2 and opt.state["c"]["step"] == 1


# ---------------------------------------------------------------------------
# Equivalences and closed forms
# ---------------------------------------------------------------------------


def test_adam_with_beta1_zero_is_bias_corrected_rmsprop():
    # With β₁ = 0, m_t = g_t and Adam's v_t is RMSprop's square_avg (ρ = β₂).
    # Adam:    θ -= η g / (√(v/(1−ρᵗ)) + ε)
    #        = θ - η√(1−ρᵗ) g / (√v + ε√(1−ρᵗ)),
    # i.e. RMSprop whose lr and eps at step t are η√(1−ρᵗ) and ε√(1−ρᵗ).
    eta, rho, eps = 0.05, 0.95, 1e-3
    params0, grad_seq = random_problem(seed=11)
    adam = Adam(lr=eta, beta1=0.0, beta2=rho, eps=eps)
    rms = RMSprop(lr=eta, decay_rate=rho, eps=eps)
    pa = {k: v.copy() for k, v in params0.items()}
    pr = {k: v.copy() for k, v in params0.items()}
    for t, grads in enumerate(grad_seq, start=1):
        c = math.sqrt(1 - rho**t)
        rms.lr, rms.eps = eta * c, eps * c
        adam.update(pa, grads)
        rms.update(pr, grads)
        for k in SHAPES:
            assert_allclose(pa[k], pr[k], rtol=RTOL, atol=ATOL)
            assert_allclose(adam.state[k]["exp_avg_sq"], rms.state[k]["square_avg"], rtol=1e-14, atol=0)
            assert_array_equal(adam.state[k]["exp_avg"], grads[k])  # 0·m + 1·g is exact
    # without the correction the two differ (the relation is not vacuous)
    plain = RMSprop(lr=eta, decay_rate=rho, eps=eps)
    pp = {k: v.copy() for k, v in params0.items()}
    for grads in grad_seq:
        plain.update(pp, grads)
    assert not np.allclose(pp["W"], pa["W"], rtol=1e-6)


@pytest.mark.parametrize("cls", [Momentum, Nesterov])
def test_zero_momentum_is_sgd(cls):
    params0, grad_seq = random_problem(seed=3, n_steps=30)
    assert_run_equal(our_run(cls(lr=0.1, momentum=0.0), params0, grad_seq),
                     our_run(SGD(lr=0.1), params0, grad_seq))


def assert_run_equal(a, b):
    for x, y in zip(a, b, strict=True):
        for k in x:
            assert_array_equal(x[k], y[k])


def test_momentum_equals_notes_velocity_form():
    # Exam notes: v ← μv − ηg, θ ← θ + v (v₀ = 0); same iterates for constant η.
    lr, mu = 0.05, 0.8
    params0, grad_seq = random_problem(seed=5)
    ours = our_run(Momentum(lr=lr, momentum=mu), params0, grad_seq)
    theta = {k: v.copy() for k, v in params0.items()}
    vel = {k: np.zeros_like(v) for k, v in params0.items()}
    for t, grads in enumerate(grad_seq):
        for k in theta:
            vel[k] = mu * vel[k] - lr * grads[k]
            theta[k] = theta[k] + vel[k]
            assert_allclose(ours[t][k], theta[k], rtol=RTOL, atol=ATOL)


def test_nesterov_equals_bengio_form():
    # Bengio et al. (2013): θ ← θ + μ² v − (1+μ) η g, then v ← μ v − η g.
    lr, mu = 0.05, 0.8
    params0, grad_seq = random_problem(seed=6)
    ours = our_run(Nesterov(lr=lr, momentum=mu), params0, grad_seq)
    theta = {k: v.copy() for k, v in params0.items()}
    vel = {k: np.zeros_like(v) for k, v in params0.items()}
    for t, grads in enumerate(grad_seq):
        for k in theta:
            theta[k] = theta[k] + mu * mu * vel[k] - (1 + mu) * lr * grads[k]
            vel[k] = mu * vel[k] - lr * grads[k]
            assert_allclose(ours[t][k], theta[k], rtol=RTOL, atol=ATOL)


def test_nesterov_is_sutskever_lookahead_in_shifted_variables():
    # Sutskever et al.: v ← μv − η∇f(θ + μv), θ ← θ + v. Our Nesterov run on
    # φ = θ + μv reproduces it: φ_t = θ_t + μ v_t at every step.
    surface = Quadratic(condition=15.0, angle_deg=25.0)
    lr, mu = 0.1, 0.9
    theta = np.array([-6.0, 2.5])
    v = np.zeros(2)
    phi = {"p": theta.copy()}  # φ_0 = θ_0 since v_0 = 0
    opt = Nesterov(lr=lr, momentum=mu)
    for _ in range(300):
        look = theta + mu * v
        v = mu * v - lr * np.array(surface.grad(*look))
        theta = theta + v
        opt.update(phi, {"p": np.array(surface.grad(*phi["p"]))})
        assert_allclose(phi["p"], theta + mu * v, rtol=1e-12, atol=1e-12)
    assert np.hypot(*theta) < 1e-3  # it did converge, so the check covered real motion


@given(
    g=st.floats(-1e6, 1e6, allow_subnormal=False).filter(lambda v: abs(v) > 1e-6),
    lr=st.floats(1e-4, 10.0),
    eps=st.floats(1e-12, 1e-2),
    rho=st.floats(0.0, 0.999),
)
@settings(max_examples=60, deadline=None)
def test_first_steps_closed_forms(g, lr, eps, rho):
    # First steps from zero state, derived by hand from the equations.
    def first_step(opt):
        p = {"x": np.array([0.0])}
        opt.update(p, {"x": np.array([g])})
        return p["x"][0]

    a = abs(g)
    assert_allclose(first_step(AdaGrad(lr=lr, eps=eps)), -lr * g / (a + eps), rtol=1e-13)
    assert_allclose(first_step(RMSprop(lr=lr, decay_rate=rho, eps=eps)),
                    -lr * g / (math.sqrt(1 - rho) * a + eps), rtol=1e-13)
    # bias correction makes Adam's first step independent of β₁, β₂
    assert_allclose(first_step(Adam(lr=lr, beta1=rho, beta2=rho, eps=eps)), -lr * g / (a + eps), rtol=1e-13)
    assert_allclose(first_step(AdaDelta(lr=lr, rho=rho, eps=eps)),
                    -lr * math.sqrt(eps) * g / math.sqrt((1 - rho) * g * g + eps), rtol=1e-13)
    assert first_step(Nesterov(lr=lr, momentum=rho)) == pytest.approx(-lr * (1 + rho) * g, rel=1e-13)


# ---------------------------------------------------------------------------
# Properties of the implementation: elementwise, float path, dtype, reset
# ---------------------------------------------------------------------------

vectors = st.lists(st.floats(-100, 100, allow_subnormal=False), min_size=2, max_size=8)


@pytest.mark.parametrize("name", list(OPTIMIZERS))
@given(theta=vectors, grads=st.lists(vectors, min_size=1, max_size=4), cut=st.integers(1, 7))
@settings(max_examples=25, deadline=None)
def test_updates_are_elementwise(name, theta, grads, cut):
    # Splitting a parameter into two keys changes nothing: every rule acts
    # coordinate by coordinate (IEEE +, ×, ÷, √ are exact-rounded, so the
    # results are bitwise equal).
    n = len(theta)
    cut = min(cut, n - 1)
    gs = [np.resize(np.array(g), n) for g in grads]
    whole, split = OPTIMIZERS[name](lr=0.1), OPTIMIZERS[name](lr=0.1)
    p_whole = {"ab": np.array(theta)}
    p_split = {"a": np.array(theta[:cut]), "b": np.array(theta[cut:])}
    for g in gs:
        whole.update(p_whole, {"ab": g.copy()})
        split.update(p_split, {"a": g[:cut].copy(), "b": g[cut:].copy()})
    assert_array_equal(p_whole["ab"], np.concatenate([p_split["a"], p_split["b"]]))


@pytest.mark.parametrize(("name", "hp"), CASES, ids=CASE_IDS)
def test_apply_on_floats_matches_update_on_arrays(name, hp):
    # The fast 2-D path runs apply() on Python floats; it must be the same
    # algorithm. Python's x ** 0.5 may round differently from numpy's sqrt in
    # the last bit, hence a tolerance instead of equality.
    rng = np.random.default_rng(21)
    theta = rng.uniform(-2, 2, size=3)
    opt = OPTIMIZERS[name](**hp)
    arr = {"p": theta.copy()}
    floats = theta.tolist()
    states = [opt.init_state(0.0) for _ in floats]
    for _ in range(100):
        g = rng.standard_normal(3)
        opt.update(arr, {"p": g})
        floats = [opt.apply(x, gi, s) for x, gi, s in zip(floats, g.tolist(), states)]
        assert all(type(x) is float for x in floats)
        assert_allclose(arr["p"], floats, rtol=1e-13, atol=1e-13)


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_float32_parameters_stay_float32(name):
    params0, grad_seq = random_problem(seed=9, n_steps=20)
    p32 = {k: v.astype(np.float32) for k, v in params0.items()}
    opt = OPTIMIZERS[name](lr=0.01)
    for grads in grad_seq:
        opt.update(p32, {k: g.astype(np.float32) for k, g in grads.items()})
    ref = our_run(OPTIMIZERS[name](lr=0.01), params0, grad_seq)[-1]
    for k in SHAPES:
        assert p32[k].dtype == np.float32
        assert_allclose(p32[k], ref[k], rtol=1e-4, atol=1e-4)  # single precision


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_reset_restarts(name):
    params0, grad_seq = random_problem(seed=13, n_steps=40)
    opt = OPTIMIZERS[name](lr=0.05)
    first = our_run(opt, params0, grad_seq)
    assert opt.state  # state was built
    opt.reset()
    assert opt.state == {}
    again = our_run(opt, params0, grad_seq)
    fresh = our_run(OPTIMIZERS[name](lr=0.05), params0, grad_seq)
    assert_run_equal(again, fresh)
    assert_run_equal(first, fresh)
    # without reset, a second run starts from the accumulated state and differs
    # (except for SGD, which has no buffers)
    continued = our_run(opt, params0, grad_seq)
    assert (name == "SGD") == np.array_equal(continued[-1]["W"], fresh[-1]["W"])


# ---------------------------------------------------------------------------
# Convergence
# ---------------------------------------------------------------------------


def quadratic_problem():
    """f(w, b) = ½ (w − w*)ᵀ A (w − w*) + ½ κ_b (b − b*)², A SPD with condition 10."""
    rng = np.random.default_rng(17)
    q, _ = np.linalg.qr(rng.standard_normal((4, 4)))
    a = q @ np.diag([1.0, 2.0, 5.0, 10.0]) @ q.T
    w_star, b_star = rng.standard_normal(4), -0.7
    return a, w_star, b_star


# (settings, tolerance). RMSprop and AdaDelta normalise the step, which then
# does not shrink with the gradient: with a constant lr they end in an
# oscillation of size about lr around the minimum (here exactly lr/2 for
# RMSprop), so their tolerance is set by lr.
QUADRATIC_SETTINGS = {
    "SGD": ({"lr": 0.15}, 1e-10),
    "Momentum": ({"lr": 0.05, "momentum": 0.8}, 1e-10),
    "Nesterov": ({"lr": 0.05, "momentum": 0.8}, 1e-10),
    "AdaGrad": ({"lr": 0.5}, 1e-10),
    "RMSprop": ({"lr": 1e-3, "decay_rate": 0.9}, 1e-3),
    "AdaDelta": ({"lr": 0.3}, 1e-2),
    "Adam": ({"lr": 0.05}, 1e-6),
}


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_converges_on_convex_quadratic(name):
    hp, tol = QUADRATIC_SETTINGS[name]
    a, w_star, b_star = quadratic_problem()
    params = {"w": np.zeros(4), "b": np.array(2.0)}
    opt = OPTIMIZERS[name](**hp)
    for _ in range(3000):
        # the 0-d parameter's gradient is a numpy scalar, which update accepts
        grads = {"w": a @ (params["w"] - w_star), "b": 3.0 * (params["b"] - b_star)}
        opt.update(params, grads)
    assert np.max(np.abs(params["w"] - w_star)) < tol
    assert abs(params["b"] - b_star) < tol


# Rosenbrock from (−1.5, 2) (distance 2.9 from the minimum). Constant-lr
# adaptive methods end up hovering in a neighbourhood of the minimum whose
# size grows with lr, so their tolerances are looser; AdaDelta hovers most.
ROSENBROCK_SETTINGS = {
    "SGD": ({"lr": 1.5e-3}, 20_000, 1e-4),
    "Momentum": ({"lr": 1e-3, "momentum": 0.9}, 10_000, 1e-8),
    "Nesterov": ({"lr": 1e-3, "momentum": 0.9}, 10_000, 1e-8),
    "AdaGrad": ({"lr": 1.5}, 10_000, 2e-3),
    "RMSprop": ({"lr": 2e-3}, 10_000, 5e-3),
    "AdaDelta": ({"lr": 0.05}, 10_000, 3e-2),
    "Adam": ({"lr": 0.01}, 10_000, 1e-6),
}


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_converges_on_rosenbrock(name):
    hp, steps, tol = ROSENBROCK_SETTINGS[name]
    surface = Rosenbrock()
    params = {"xy": np.array([-1.5, 2.0])}
    opt = OPTIMIZERS[name](**hp)
    for _ in range(steps):
        opt.update(params, {"xy": np.array(surface.grad(*params["xy"]))})
    assert np.hypot(*(params["xy"] - 1.0)) < tol


# ---------------------------------------------------------------------------
# Invalid input
# ---------------------------------------------------------------------------

BAD_COMMON = [math.nan, math.inf, -math.inf, True, "0.1", None]


def bad_values(h):
    out = list(BAD_COMMON) + [h.lo - 1.0]
    if h.lo_open:
        out.append(h.lo)
    if math.isfinite(h.hi):
        out += [h.hi + 0.5] + ([h.hi] if h.hi_open else [])
    return out


@pytest.mark.parametrize(
    ("name", "hname", "value"),
    [
        (name, h.name, v)
        for name, cls in OPTIMIZERS.items()
        for h in cls.HYPERPARAMETERS
        for v in bad_values(h)
    ],
)
def test_invalid_hyperparameters_raise(name, hname, value):
    with pytest.raises(ValueError, match=hname):
        OPTIMIZERS[name](**{hname: value})
    opt = OPTIMIZERS[name]()
    before = getattr(opt, hname)
    with pytest.raises(ValueError, match=hname):
        setattr(opt, hname, value)
    assert getattr(opt, hname) == before


@pytest.mark.parametrize("name", ["Momentum", "RMSprop", "AdaDelta", "Adam"])
def test_rate_edges_accepted(name):
    # [0, 1) rates: 0 is allowed, and numpy scalars are fine
    h = OPTIMIZERS[name].HYPERPARAMETERS[1]
    assert getattr(OPTIMIZERS[name](**{h.name: 0.0}), h.name) == 0.0
    assert getattr(OPTIMIZERS[name](**{h.name: np.float64(0.5)}), h.name) == 0.5


def test_lr_message_names_argument():
    with pytest.raises(ValueError, match=r"lr must be > 0"):
        SGD(lr=-1)


@pytest.mark.parametrize(
    ("params", "grads", "match"),
    [
        ({"w": np.ones(2)}, {"v": np.ones(2)}, "keys"),
        ({"w": np.ones(2)}, {"w": np.ones(2), "b": np.ones(1)}, "keys"),
        ({"w": np.ones(2)}, {"w": np.ones(3)}, "shape"),
        ({"w": np.ones(2, dtype=int)}, {"w": np.ones(2)}, r"params\['w'\]"),
        ({"w": np.ones(2)}, {"w": np.ones(2, dtype=int)}, r"grads\['w'\]"),
        ({"w": [1.0, 2.0]}, {"w": np.ones(2)}, r"params\['w'\]"),
        ({"w": np.ones(2)}, {"w": np.array([1.0, np.nan])}, r"grads\['w'\].*finite"),
        ({"w": np.array([np.inf, 1.0])}, {"w": np.ones(2)}, r"params\['w'\].*finite"),
        ([np.ones(2)], {"w": np.ones(2)}, "params"),
        ({"w": np.ones(2)}, None, "grads"),
    ],
)
def test_invalid_update_arguments_raise(params, grads, match):
    with pytest.raises(ValueError, match=match):
        Adam().update(params, grads)


def test_grads_may_be_scalars_or_lists_of_floats():
    params = {"s": np.array(1.0), "v": np.zeros(2)}
    SGD(lr=0.5).update(params, {"s": np.float64(2.0), "v": [1.0, -1.0]})
    assert params["s"] == 0.0
    assert_array_equal(params["v"], [-0.5, 0.5])


def test_read_only_parameter_rejected():
    p = np.ones(2)
    p.setflags(write=False)
    with pytest.raises(ValueError, match="writeable"):
        SGD().update({"w": p}, {"w": np.ones(2)})


def test_invalid_update_changes_nothing():
    opt = Momentum()
    params = {"a": np.ones(2), "b": np.ones(2)}
    with pytest.raises(ValueError, match=r"grads\['b'\]"):
        opt.update(params, {"a": np.ones(2), "b": np.array([1.0, np.inf])})
    assert_array_equal(params["a"], np.ones(2))
    assert opt.state == {}


def test_shape_change_needs_reset():
    opt = Adam()
    opt.update({"w": np.ones(2)}, {"w": np.ones(2)})
    with pytest.raises(ValueError, match="reset"):
        opt.update({"w": np.ones(3)}, {"w": np.ones(3)})
    opt.reset()
    opt.update({"w": np.ones(3)}, {"w": np.ones(3)})
    assert opt.state["w"]["exp_avg"].shape == (3,)


# ---------------------------------------------------------------------------
# What the pages show: the update rule in LaTeX and the torch equivalent
# ---------------------------------------------------------------------------

# Each symbol's LaTeX spelling in the update rules.
LATEX_SYMBOLS = {"η": r"\eta", "μ": r"\mu", "ρ": r"\rho", "β₁": r"\beta_1", "β₂": r"\beta_2",
                 "ε": r"\varepsilon"}


class _Recorder:
    """A stand-in for ``torch``: ``torch.optim.<Class>(params, **kwargs)`` records its call."""

    def __init__(self):
        self.calls = []
        self.optim = self

    def __getattr__(self, cls):
        def call(tensors, *args, **kwargs):
            self.calls.append((cls, tensors, args, kwargs))
        return call


@pytest.mark.parametrize(("name", "hp"), CASES, ids=CASE_IDS)
def test_torch_equivalent_is_the_call_the_torch_test_makes(name, hp):
    # The registry's call, filled with the values and evaluated, must make the very call that
    # torch_optimizer above (written by hand, and run against torch itself when installed) makes.
    cls, full = OPTIMIZERS[name], full_hyperparameters(name, hp)
    expected, shown = _Recorder(), _Recorder()
    torch_optimizer(expected, name, hp, ["tensors"])
    call = cls.torch_call({k: repr(v) for k, v in full.items()})
    assert call.startswith("torch.optim.")
    eval(call.replace("(", "(['tensors'], ", 1), {"torch": shown})  # noqa: S307 (our own string)
    (want_cls, _, _, want), (got_cls, _, _, got) = expected.calls[0], shown.calls[0]
    assert got_cls == want_cls
    sgd_default = {"nesterov": False} if want_cls == "SGD" else {}  # torch.optim.SGD's default, written or not
    assert {**sgd_default, **got} == {**sgd_default, **want}


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_torch_equivalent_with_symbols_and_with_names(name):
    cls = OPTIMIZERS[name]
    assert cls.torch == cls.torch_call()
    for h in cls.HYPERPARAMETERS:
        assert cls.torch.count(h.symbol) == 1  # every hyperparameter once, by its symbol
    signature = cls.torch_call({h.name: h.name for h in cls.HYPERPARAMETERS})
    assert "{" not in signature and "=lr" not in signature and signature.startswith("torch.optim.")
    for h in cls.HYPERPARAMETERS:
        assert h.name in signature


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_latex_update_rule_uses_every_hyperparameter(name):
    latex = OPTIMIZERS[name].latex
    assert r"\theta_t = \theta_{t-1}" in latex.replace("&", "") and "g_t" in latex
    for h in OPTIMIZERS[name].HYPERPARAMETERS:
        assert LATEX_SYMBOLS[h.symbol] in latex, h.symbol
    depth = 0
    for char in latex:  # balanced braces
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0
    assert depth == 0
    assert latex.count(r"\begin{aligned}") == latex.count(r"\end{aligned}") <= 1


def test_torch_template_must_name_every_hyperparameter():
    with pytest.raises(TypeError, match="TORCH_CALL"):
        type("Broken", (Optimizer,), {"name": "Broken", "HYPERPARAMETERS": (SGD.HYPERPARAMETERS[0],),
                                      "TORCH_CALL": "torch.optim.SGD()"})
