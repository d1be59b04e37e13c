"""Tests for estimation.surfaces.

Oracles: central finite differences for gradients, the matrix form of the
quadratic, the defining equations of Himmelblau's minima, a loop over
``Optimizer.update`` on arrays for trajectories, brute-force minima for
distances.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose, assert_array_equal

from estimation.optimizers import OPTIMIZERS, SGD, Adam, Momentum
from estimation.surfaces import (
    MAX_ABS,
    SURFACES,
    Quadratic,
    Surface,
    Trajectory,
    distance_to_minimum,
    first_step_below,
    make_surface,
    preset,
    run_optimizer,
    run_optimizers,
)

# the registry plus non-default quadratics
ALL_SURFACES = list(SURFACES.values()) + [Quadratic(condition=500.0, angle_deg=-35.0), Quadratic(1.0, 90.0)]
SURFACE_IDS = [repr(s) for s in ALL_SURFACES]
WITH_MINIMA = [s for s in SURFACES.values() if s.minima]


def rotation(angle_deg):
    c, s = math.cos(math.radians(angle_deg)), math.sin(math.radians(angle_deg))
    return np.array([[c, -s], [s, c]])


def test_registry():
    assert list(SURFACES) == ["quadratic", "rosenbrock", "beale", "himmelblau", "saddle"]
    for key, s in SURFACES.items():
        assert isinstance(s, Surface) and s.key == key and s.title and s.formula
        (x0, x1), (y0, y1) = s.domain
        assert x0 < x1 and y0 < y1
        for x, y in (s.start, *s.minima):
            assert x0 <= x <= x1 and y0 <= y <= y1
        assert (s.min_value is None) == (len(s.minima) == 0)
        assert list(s.presets) == list(OPTIMIZERS)
        for name, hp in s.presets.items():
            OPTIMIZERS[name](**hp)  # valid hyperparameters
    assert len(SURFACES["himmelblau"].minima) == 4
    assert SURFACES["saddle"].minima == ()


def points_in(surface):
    (x0, x1), (y0, y1) = surface.domain
    return st.tuples(st.floats(x0, x1), st.floats(y0, y1))


def central_difference(f, x, y, h):
    """Five-point central differences, error O(h⁴)."""
    def d(fp2, fp1, fm1, fm2):
        return (-fp2 + 8.0 * fp1 - 8.0 * fm1 + fm2) / (12.0 * h)
    dx = d(f(x + 2 * h, y), f(x + h, y), f(x - h, y), f(x - 2 * h, y))
    dy = d(f(x, y + 2 * h), f(x, y + h), f(x, y - h), f(x, y - 2 * h))
    return np.array([dx, dy])


@pytest.mark.parametrize("surface", ALL_SURFACES, ids=SURFACE_IDS)
@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_gradient_matches_central_differences(surface, data):
    x, y = data.draw(points_in(surface))
    g = np.array(surface.grad(x, y))
    numeric = central_difference(surface.value, x, y, h=1e-3)
    # With h = 1e-3 the truncation error (h⁴ f⁽⁵⁾/30) and the rounding error
    # (~1e-16 |f| / h) stay below 1e-9 of the gradient scale on these domains
    # (measured worst case 2e-10, on Beale's degree-8 corners).
    scale = max(1.0, float(np.max(np.abs(g))))
    assert_allclose(g, numeric, rtol=0, atol=1e-8 * scale)


@pytest.mark.parametrize("surface", ALL_SURFACES, ids=SURFACE_IDS)
def test_value_and_grad_are_vectorised(surface):
    (x0, x1), (y0, y1) = surface.domain
    xx, yy = np.meshgrid(np.linspace(x0, x1, 7), np.linspace(y0, y1, 5))
    values = surface.value(xx, yy)
    gx, gy = surface.grad(xx, yy)
    assert values.shape == gx.shape == gy.shape == xx.shape
    for i, j in np.ndindex(xx.shape):
        x, y = float(xx[i, j]), float(yy[i, j])
        # the same arithmetic on floats and on arrays gives identical results
        assert values[i, j] == surface.value(x, y)
        assert (gx[i, j], gy[i, j]) == surface.grad(x, y)


@pytest.mark.parametrize("surface", WITH_MINIMA, ids=[s.key for s in WITH_MINIMA])
def test_minima_are_stationary_with_listed_value(surface):
    for x, y in surface.minima:
        # Himmelblau's irrational minima are rounded to doubles: f there is
        # ~1e-30 and the gradient ~1e-14.
        assert abs(surface.value(x, y) - surface.min_value) < 1e-25
        assert_allclose(surface.grad(x, y), (0.0, 0.0), atol=1e-13)
        # a minimum, not a saddle: the Hessian (central differences of the
        # gradient) is positive definite
        h = 1e-5
        hess = np.column_stack([
            (np.array(surface.grad(x + h, y)) - np.array(surface.grad(x - h, y))) / (2 * h),
            (np.array(surface.grad(x, y + h)) - np.array(surface.grad(x, y - h))) / (2 * h),
        ])
        assert np.all(np.linalg.eigvalsh((hess + hess.T) / 2) > 0)


def test_himmelblau_minima_solve_the_defining_equations():
    # f = a² + b² is 0 exactly when x² + y = 11 and x + y² = 7
    minima = np.array(SURFACES["himmelblau"].minima)
    x, y = minima.T
    assert_allclose(x * x + y, 11.0, rtol=1e-15)
    assert_allclose(x + y * y, 7.0, rtol=1e-15)
    # four distinct points
    assert len({(round(a, 6), round(b, 6)) for a, b in minima}) == 4


def test_saddle_origin_is_stationary_but_not_a_minimum():
    s = SURFACES["saddle"]
    assert s.grad(0.0, 0.0) == (0.0, 0.0)
    assert s.value(0.0, 1e-3) < s.value(0.0, 0.0) < s.value(1e-3, 0.0)
    assert distance_to_minimum(s, np.zeros((3, 2))) is None


@given(
    condition=st.floats(1.0, 1e4),
    angle=st.floats(-90.0, 90.0),
    x=st.floats(-10, 10),
    y=st.floats(-10, 10),
)
@settings(max_examples=100, deadline=None)
def test_quadratic_matches_matrix_form(condition, angle, x, y):
    # f = θᵀ H θ / 2 with H = 2 R diag(1/κ, 1) Rᵀ, R the rotation by φ
    q = Quadratic(condition=condition, angle_deg=angle)
    r = rotation(angle)
    hess = 2.0 * r @ np.diag([1.0 / condition, 1.0]) @ r.T
    theta = np.array([x, y])
    scale = 1.0 + theta @ theta
    assert math.isclose(q.value(x, y), 0.5 * theta @ hess @ theta, rel_tol=1e-12, abs_tol=1e-14 * scale)
    assert_allclose(q.grad(x, y), hess @ theta, rtol=1e-12, atol=1e-14 * scale)
    eig = np.linalg.eigvalsh(hess)
    assert math.isclose(eig[1] / eig[0], condition, rel_tol=1e-9)
    # start and domain rotate with the valley
    assert_allclose(q.start, r @ np.array([-7.0, 2.0]), rtol=1e-12, atol=1e-12)
    (x0, x1), (y0, y1) = q.domain
    assert x0 <= q.start[0] <= x1 and y0 <= q.start[1] <= y1


def test_default_quadratic_is_the_textbook_function():
    # Saitō, Deep Learning from Scratch, ch. 6: f(x, y) = x²/20 + y² from (−7, 2)
    q = SURFACES["quadratic"]
    assert q.start == (-7.0, 2.0)
    assert q.domain == ((-10.0, 10.0), (-5.0, 5.0))
    for x, y in [(-7.0, 2.0), (3.5, -1.25), (0.1, 4.0)]:
        assert math.isclose(q.value(x, y), x * x / 20 + y * y, rel_tol=1e-15)


@pytest.mark.parametrize("params", [{"condition": 0.5}, {"condition": math.nan}, {"angle_deg": 91.0},
                                    {"angle_deg": "a"}, {"condition": 1e5}])
def test_quadratic_invalid_parameters(params):
    with pytest.raises(ValueError, match=next(iter(params))):
        Quadratic(**params)


# ---------------------------------------------------------------------------
# Trajectories
# ---------------------------------------------------------------------------


def array_path(opt, surface, start, steps):
    """Reference trajectory: Optimizer.update on a 2-element array."""
    p = {"xy": np.array(start, dtype=float)}
    points = [p["xy"].copy()]
    for _ in range(steps):
        opt.update(p, {"xy": np.array(surface.grad(*p["xy"]))})
        points.append(p["xy"].copy())
    return np.array(points)


@pytest.mark.parametrize("surface", list(SURFACES.values()), ids=list(SURFACES))
@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_run_optimizer_matches_update_on_arrays(surface, name):
    steps = 150
    opt = OPTIMIZERS[name](**surface.presets[name])
    traj = run_optimizer(opt, surface, steps=steps)
    assert opt.state == {}  # the optimizer's own state is not touched
    assert traj.diverged_at is None and traj.steps == steps
    assert traj.points.shape == (steps + 1, 2)
    assert traj.losses.shape == traj.grad_norms.shape == (steps + 1,)
    assert tuple(traj.points[0]) == surface.start
    # Same operations on floats and on arrays; Python's x ** 0.5 may differ
    # from numpy's sqrt in the last bit and the dynamics can amplify that.
    reference = array_path(OPTIMIZERS[name](**surface.presets[name]), surface, surface.start, steps)
    assert_allclose(traj.points, reference, rtol=1e-10, atol=1e-12)
    x, y = traj.points.T
    assert_array_equal(traj.losses, surface.value(x, y))
    assert_allclose(traj.grad_norms, np.hypot(*surface.grad(x, y)), rtol=1e-15)
    assert not traj.points.flags.writeable


def widget_values(h):
    lo, hi = h.widget_range
    if h.log_scale:
        return st.floats(math.log10(lo), math.log10(hi)).map(lambda e: 10.0**e)
    return st.floats(lo, hi)


@st.composite
def any_run(draw):
    """Any optimizer with hyperparameters anywhere in its widget ranges, any
    surface, any start in its domain: what a student can set on the page."""
    name = draw(st.sampled_from(list(OPTIMIZERS)))
    hp = {h.name: draw(widget_values(h)) for h in OPTIMIZERS[name].HYPERPARAMETERS}
    surface = draw(st.sampled_from(ALL_SURFACES))
    return OPTIMIZERS[name](**hp), surface, draw(points_in(surface))


@given(run=any_run())
@settings(max_examples=150, deadline=None)
def test_any_setting_gives_finite_consistent_trajectory(run):
    opt, surface, start = run
    traj = run_optimizer(opt, surface, start=start, steps=300)
    n = len(traj.points)
    assert traj.points.shape == (n, 2) and traj.losses.shape == traj.grad_norms.shape == (n,)
    for arr in (traj.points, traj.losses, traj.grad_norms):
        assert np.all(np.isfinite(arr))
    assert np.all(np.abs(traj.points) <= MAX_ABS)
    assert traj.diverged_at is None if n == 301 else traj.diverged_at == n


def test_zero_steps_and_custom_start():
    traj = run_optimizer(SGD(), SURFACES["rosenbrock"], start=[0.5, 0.25], steps=0)
    assert traj.points.tolist() == [[0.5, 0.25]]
    assert traj.losses.tolist() == [0.25] and traj.steps == 0 and traj.diverged_at is None


def test_divergence_is_detected_and_truncated():
    surface = SURFACES["rosenbrock"]
    traj = run_optimizer(SGD(lr=10.0), surface, steps=1000)
    assert traj.diverged_at is not None and 1 <= traj.diverged_at < 10
    assert traj.steps == traj.diverged_at - 1
    assert len(traj.points) == len(traj.losses) == len(traj.grad_norms) == traj.diverged_at
    for arr in (traj.points, traj.losses, traj.grad_norms):
        assert np.all(np.isfinite(arr))
    assert np.all(np.abs(traj.points) <= MAX_ABS)
    # the next point, computed by hand, is indeed beyond the threshold
    x, y = traj.points[-1]
    gx, gy = surface.grad(x, y)
    nxt = np.array([x - 10.0 * gx, y - 10.0 * gy])
    assert not np.all(np.abs(nxt) <= MAX_ABS)


@pytest.mark.parametrize("max_abs", [3.0, 50.0])
def test_blow_up_threshold_is_respected(max_abs):
    # on the saddle every run escapes along y
    surface = SURFACES["saddle"]
    traj = run_optimizer(SGD(lr=0.1), surface, steps=500, max_abs=max_abs)
    assert traj.diverged_at == traj.steps + 1
    assert np.max(np.abs(traj.points)) <= max_abs
    longer = run_optimizer(SGD(lr=0.1), surface, steps=2000, max_abs=max_abs)
    assert_array_equal(longer.points, traj.points)  # stopping does not depend on steps


class _Cliff(Surface):
    """f = x² + y² for x < 1, not finite beyond: tests non-finite values."""

    key, title, formula = "cliff", "Cliff", "x^2 + y^2"
    domain, start, minima, min_value, presets = ((-3.0, 3.0), (-3.0, 3.0)), (-2.0, 0.5), ((0.0, 0.0),), 0.0, {}

    def value(self, x, y):
        return x * x + y * y if x < 1.0 else math.nan

    def grad(self, x, y):
        return 2.0 * x, 2.0 * y


def test_non_finite_loss_stops_the_run():
    # SGD with lr = 0.8 maps x to −0.6 x: from −2 the first step lands at 1.2
    traj = run_optimizer(SGD(lr=0.8), _Cliff(), steps=100)
    assert traj.diverged_at == 1
    assert traj.points.tolist() == [[-2.0, 0.5]]
    assert np.all(np.isfinite(traj.losses))


def test_run_optimizers_runs_each_from_the_same_start():
    surface = SURFACES["himmelblau"]
    configs = {"SGD": {"lr": 0.01}, "Adam": {}, "fast Adam": Adam(lr=0.1)}
    trajs = run_optimizers(surface, configs, steps=200)
    assert list(trajs) == ["SGD", "Adam", "fast Adam"]
    expected = {
        "SGD": run_optimizer(SGD(lr=0.01), surface, steps=200),
        "Adam": run_optimizer(Adam(), surface, steps=200),
        "fast Adam": run_optimizer(Adam(lr=0.1), surface, steps=200),
    }
    for label, traj in trajs.items():
        assert isinstance(traj, Trajectory)
        assert_array_equal(traj.points, expected[label].points)
        assert_array_equal(traj.points[0], surface.start)


@pytest.mark.parametrize(
    ("configs", "match"),
    [
        ({"Adamax": {}}, "unknown optimizer"),
        ({"Adam": {"learning_rate": 0.1}}, "Adam"),
        ({"Adam": {"lr": -1.0}}, "lr"),
        ({"Adam": 0.1}, "Adam"),
        ([("Adam", {})], "optimizers"),
    ],
)
def test_run_optimizers_invalid(configs, match):
    with pytest.raises(ValueError, match=match):
        run_optimizers(SURFACES["quadratic"], configs)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"steps": -1}, "steps"),
        ({"steps": 2.5}, "steps"),
        ({"max_abs": 0.0}, "max_abs"),
        ({"max_abs": 1e13}, "max_abs"),
        ({"start": [1.0]}, "start"),
        ({"start": [1.0, math.nan]}, "start"),
        ({"start": [2e6, 0.0]}, "start"),
    ],
)
def test_run_optimizer_invalid(kwargs, match):
    with pytest.raises(ValueError, match=match):
        run_optimizer(SGD(), SURFACES["quadratic"], **kwargs)


def test_run_optimizer_rejects_wrong_types():
    with pytest.raises(ValueError, match="optimizer"):
        run_optimizer(SGD, SURFACES["quadratic"])
    with pytest.raises(ValueError, match="surface"):
        run_optimizer(SGD(), "quadratic")


# ---------------------------------------------------------------------------
# Distance and tolerance helpers
# ---------------------------------------------------------------------------


def test_distance_to_nearest_minimum_brute_force():
    surface = SURFACES["himmelblau"]
    rng = np.random.default_rng(4)
    pts = rng.uniform(-5, 5, size=(50, 2))
    got = distance_to_minimum(surface, pts)
    for p, d in zip(pts, got):
        best = min(math.dist(p, m) for m in surface.minima)
        assert math.isclose(d, best, rel_tol=1e-14)
    assert distance_to_minimum(surface, np.array(surface.minima)).max() == 0.0
    with pytest.raises(ValueError, match="points"):
        distance_to_minimum(surface, np.zeros((3, 3)))


@given(values=st.lists(st.floats(0, 10), max_size=30), tol=st.floats(0, 10))
def test_first_step_below_is_the_first_hit(values, tol):
    got = first_step_below(values, tol)
    hits = [i for i, v in enumerate(values) if v <= tol]
    assert got == (hits[0] if hits else None)


def test_first_step_below_invalid():
    with pytest.raises(ValueError, match="tol"):
        first_step_below([1.0], -1.0)
    with pytest.raises(ValueError, match="values"):
        first_step_below([1.0, math.nan], 0.5)


# ---------------------------------------------------------------------------
# Start points and presets show the behaviours the page teaches
# ---------------------------------------------------------------------------


def test_quadratic_classic_behaviours():
    q = SURFACES["quadratic"]  # x²/20 + y², valley along x
    runs = run_optimizers(q, dict(q.presets), steps=60)
    sgd, momentum, adam = runs["SGD"].points, runs["Momentum"].points, runs["Adam"].points
    # SGD zig-zags across the valley (y changes sign every step) and never
    # passes the minimum along it
    assert np.all(np.sign(sgd[:-1, 1]) * np.sign(sgd[1:, 1]) < 0)
    assert np.all(sgd[:, 0] < 0)
    # Momentum (and Adam) overshoot: x passes beyond the minimum
    assert np.any(momentum[:, 0] > 0.5) and np.any(adam[:, 0] > 0.5)
    # Adam's first steps have nearly constant length ≈ √2·lr (each coordinate
    # moves by ≈ lr), while SGD's shrink with the gradient
    lr = q.presets["Adam"]["lr"]
    adam_steps = np.hypot(*np.diff(adam[:11], axis=0).T)
    sgd_steps = np.hypot(*np.diff(sgd[:11], axis=0).T)
    assert_allclose(adam_steps, math.sqrt(2) * lr, rtol=0.25)
    assert sgd_steps[0] / sgd_steps[-1] > 2.0


def test_himmelblau_basins_differ_by_method():
    s = SURFACES["himmelblau"]
    runs = run_optimizers(s, dict(s.presets), steps=1000)
    for name, traj in runs.items():
        nearest = int(np.argmin([math.dist(traj.points[-1], m) for m in s.minima]))
        assert nearest == (3 if name in ("SGD", "Momentum", "Nesterov") else 0), name


@pytest.mark.parametrize("surface", WITH_MINIMA, ids=[s.key for s in WITH_MINIMA])
def test_presets_are_stable_and_make_progress(surface):
    for name, traj in run_optimizers(surface, dict(surface.presets), steps=1000).items():
        assert traj.diverged_at is None, name
        assert traj.losses[-1] - surface.min_value < 0.25 * (traj.losses[0] - surface.min_value), name


def test_saddle_presets_escape():
    s = SURFACES["saddle"]
    for name, traj in run_optimizers(s, dict(s.presets), steps=1000).items():
        assert abs(traj.points[-1, 1]) > 1.0 and traj.losses[-1] < 0, name


@pytest.mark.parametrize("cls", [SGD, Momentum])
@given(angle=st.floats(-90.0, 90.0), condition=st.floats(1.0, 100.0))
@settings(max_examples=30, deadline=None)
def test_rotation_equivariance_of_gradient_descent(cls, angle, condition):
    # SGD and momentum do not care about the orientation of the valley: the
    # run on the rotated quadratic is the rotated run (per-coordinate methods
    # such as Adam are not equivariant).
    base = run_optimizer(cls(lr=0.1), Quadratic(condition, 0.0), steps=50).points
    rotated = run_optimizer(cls(lr=0.1), Quadratic(condition, angle), steps=50).points
    assert_allclose(rotated, base @ rotation(angle).T, rtol=0, atol=1e-12)


def test_adam_is_not_rotation_equivariant():
    base = run_optimizer(Adam(lr=0.3), Quadratic(20.0, 0.0), steps=50).points
    rotated = run_optimizer(Adam(lr=0.3), Quadratic(20.0, 45.0), steps=50).points
    assert np.max(np.abs(rotated - base @ rotation(45.0).T)) > 0.1


def test_make_surface_and_preset():
    assert make_surface("rosenbrock") is SURFACES["rosenbrock"]
    q = make_surface("quadratic", {"condition": 50.0, "angle_deg": 30.0})
    reference = Quadratic(50.0, 30.0)
    assert (q.condition, q.angle_deg, q.start) == (reference.condition, reference.angle_deg, reference.start)
    assert preset(SURFACES["quadratic"], "Adam") == {"lr": 0.3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8}
    assert preset(SURFACES["beale"], "AdaDelta") == {"lr": 1.0, "rho": 0.9, "eps": 1e-6}
    with pytest.raises(ValueError, match="surface"):
        make_surface("banana")
    with pytest.raises(ValueError, match="surface_params"):
        make_surface("rosenbrock", {"condition": 2.0})
    with pytest.raises(ValueError, match="condition"):
        make_surface("quadratic", {"condition": 0.5})
    with pytest.raises(ValueError, match="optimizer"):
        preset(SURFACES["beale"], "LBFGS")
