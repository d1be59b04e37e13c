"""Tests of estimation.views.optimizers: widget grids, the race (against direct runs) and the view at step t."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_array_equal

from estimation.views import optimizers as P
from estimation.optimizers import OPTIMIZERS, SGD, Adam
from estimation.surfaces import (
    SURFACES,
    Quadratic,
    distance_to_minimum,
    first_step_below,
    make_surface,
    preset,
    run_optimizer,
)

SETTINGS = settings(max_examples=60, deadline=None)
ALL = tuple(OPTIMIZERS)


def presets(key, names=ALL, params=None):
    surface = make_surface(key, params)
    return {name: preset(surface, name) for name in names}


# ---------------------------------------------------------------------------
# Widget grids
# ---------------------------------------------------------------------------


def test_log_grid_known_values():
    assert P.log_grid(1.0, 1000.0) == (1, 1.5, 2, 3, 5, 7, 10, 15, 20, 30, 50, 70, 100, 150, 200, 300, 500, 700, 1000)
    # 11 decades are too many for six mantissas: 1-2-5 instead, plus the extras inside the range
    grid = P.log_grid(1e-12, 0.1, extra=(3e-7, 5.0))
    one_two_five = {float(f"{m}e{e}") for e in range(-12, -1) for m in (1, 2, 5)} | {0.1}
    assert grid == tuple(sorted(one_two_five | {3e-7}))


@given(lo_exp=st.floats(-8, 2), span=st.floats(0.1, 10), extra=st.lists(st.floats(1e-9, 1e13), max_size=4))
@SETTINGS
def test_log_grid_properties(lo_exp, span, extra):
    lo, hi = 10.0**lo_exp, 10.0 ** (lo_exp + span)
    grid = P.log_grid(lo, hi, extra=extra)
    assert list(grid) == sorted(set(grid))
    assert all(lo <= v <= hi for v in grid)
    assert {v for v in extra if lo <= v <= hi} <= set(grid)
    assert len(grid) <= 40 + len(extra)
    # each value is the double nearest its short decimal (round-trips through "{:g}")
    assert all(float(f"{v:g}") == v for v in grid if v not in extra)


@pytest.mark.parametrize(("lo", "hi", "step"), [
    (0.0, 0.99, 0.01), (0.5, 0.999, 0.001), (0.9, 0.9999, 0.0001), (-90.0, 90.0, 1.0), (0.0, 1.0, 0.01),
])
def test_linear_step_examples(lo, hi, step):
    assert P.linear_step(lo, hi) == step


@given(lo=st.integers(-1000, 1000), n=st.integers(1, 5000), k=st.integers(-4, 2))
@SETTINGS
def test_linear_step_reaches_both_ends(lo, n, k):
    lo_v, hi_v = lo * 10.0**k, (lo + n) * 10.0**k
    step = P.linear_step(lo_v, hi_v)
    for v in (lo_v, hi_v):
        assert abs(v / step - round(v / step)) < 1e-6
    assert (hi_v - lo_v) / step >= 50 or step <= 10.0**k * (1 + 1e-12)


@pytest.mark.parametrize("name", ALL)
def test_every_default_and_preset_is_a_valid_control_value(name):
    widgets = P.WIDGETS[name]
    assert list(widgets) == [hp.name for hp in OPTIMIZERS[name].HYPERPARAMETERS]
    for surface in SURFACES.values():
        for hp, value in preset(surface, name).items():
            grid = widgets[hp]
            if grid.choices is not None:
                assert value in grid.choices, (surface.key, hp, value)
            else:
                assert grid.lo <= value <= grid.hi
                assert abs(value / grid.step - round(value / grid.step)) < 1e-9
                assert float(f"{value:.{grid.decimals}f}") == value  # shown without losing digits
    # every control stays inside the valid range of its hyperparameter
    for hp in OPTIMIZERS[name].HYPERPARAMETERS:
        grid = widgets[hp.name]
        for v in grid.choices or (grid.lo, grid.hi):
            assert hp.check(v) == v


def test_lr_controls_reach_divergence_and_the_textbook_values():
    lr = P.WIDGETS["SGD"]["lr"]
    assert lr.choices[0] == 1e-4 and lr.choices[-1] == 10.0 and 0.95 in lr.choices
    assert P.SURFACE_WIDGETS["condition"].choices[-1] == 1000.0
    assert P.SURFACE_WIDGETS["angle_deg"].step == 1.0


def test_widget_grid_invalid():
    with pytest.raises(ValueError, match="hp"):
        P.widget_grid("lr")
    with pytest.raises(ValueError, match="lr"):
        P.widget_grid(SGD.HYPERPARAMETERS[0], extra=(-1.0,))
    with pytest.raises(ValueError, match="lo"):
        P.log_grid(0.0, 1.0)
    with pytest.raises(ValueError, match="hi"):
        P.linear_step(1.0, 1.0)


# ---------------------------------------------------------------------------
# The view box, levels, thinning
# ---------------------------------------------------------------------------


def test_view_box():
    domain = ((-2.0, 2.0), (-1.0, 3.0))
    assert P.view_box(domain, (0.5, 0.5)) == domain
    (x0, x1), (y0, y1) = P.view_box(domain, (5.0, -1.0))
    assert x0 == -2.0 - 0.05 * 7 and x1 == 5.0 + 0.05 * 7  # widened to the start, then padded
    assert y0 == -1.0 - 0.05 * 4 and y1 == 3.0 + 0.05 * 4
    with pytest.raises(ValueError, match="domain"):
        P.view_box(((1.0, 0.0), (0.0, 1.0)), (0.0, 0.0))
    with pytest.raises(ValueError, match="start"):
        P.view_box(domain, (np.nan, 0.0))


def test_contour_levels():
    z = np.geomspace(1e-3, 1e3, 1000)
    log = P.contour_levels(z, log=True)
    assert np.all(np.diff(log) > 0) and log.size <= 15
    assert log[0] >= np.quantile(z, 0.002) and log[-1] <= 1e3
    assert set(np.round(log / 10.0 ** np.floor(np.log10(log)), 9)) <= {1.0, 2.0, 5.0}
    lin = P.contour_levels(np.linspace(-4.0, 4.0, 50), log=False)
    assert_array_equal(lin, [-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0])
    assert P.contour_levels(np.zeros(10), log=True).size == 0


def test_thin_indices_keeps_every_vertex_of_a_zig_zag():
    # 50 long alternating steps then 5,000 tiny ones: the zig-zag must survive thinning
    zig = np.column_stack((np.linspace(-5.0, 0.0, 51), 2.0 * (-1.0) ** np.arange(51)))
    tail = np.column_stack((np.linspace(0.0, 1e-3, 5000), np.zeros(5000)))
    points = np.vstack((zig, tail))
    idx = P.thin_indices(points, ((-10.0, 10.0), (-5.0, 5.0)), 400)
    assert idx.size <= 400 and idx[0] == 0 and idx[-1] == len(points) - 1
    assert set(range(51)) <= set(idx.tolist())
    # every tenth of the run is represented (the step-spaced half)
    assert np.max(np.diff(idx)) <= len(points) / (400 // 2 - 2) + 1


@given(n=st.integers(1, 3000), budget=st.integers(4, 600), seed=st.integers(0, 2**16))
@SETTINGS
def test_thin_indices_properties(n, budget, seed):
    rng = np.random.default_rng(seed)
    points = np.cumsum(rng.normal(size=(n, 2)) * rng.exponential(size=(n, 1)), axis=0)
    box = ((-5.0, 5.0), (-5.0, 5.0))
    idx = P.thin_indices(points, box, budget)
    assert np.all(np.diff(idx) > 0) and idx[0] == 0 and idx[-1] == n - 1
    if n <= budget:
        assert_array_equal(idx, np.arange(n))
    else:
        assert idx.size <= budget
    if n > budget and (budget - 2) // 2 >= 2:
        # every visible step longer than the arc-length spacing keeps its end point
        c = np.column_stack((np.clip(points[:, 0], -5, 5), np.clip(points[:, 1], -5, 5)))
        seg = np.hypot(*np.diff(c, axis=0).T)
        spacing = seg.sum() / ((budget - 2) // 2 - 1)
        long_ends = np.flatnonzero(seg > spacing * (1 + 1e-9)) + 1
        assert set(long_ends.tolist()) <= set(idx.tolist())


def test_thin_indices_invalid():
    with pytest.raises(ValueError, match="points"):
        P.thin_indices(np.zeros((3, 3)), ((0, 1), (0, 1)), 10)
    with pytest.raises(ValueError, match="budget"):
        P.thin_indices(np.zeros((3, 2)), ((0, 1), (0, 1)), 3)


# ---------------------------------------------------------------------------
# The race
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("key", list(SURFACES))
def test_race_equals_direct_runs_in_registry_order(key):
    configs = presets(key, ("Adam", "SGD", "Momentum"))  # given out of order
    race = P.race(key, configs, steps=300)
    assert race.names == ("SGD", "Momentum", "Adam")
    surface = SURFACES[key]
    for name in race.names:
        direct = run_optimizer(OPTIMIZERS[name](**surface.presets[name]), surface, steps=300)
        traj = race.trajectories[name]
        assert_array_equal(traj.points, direct.points)
        assert_array_equal(traj.losses, direct.losses)
        assert traj.diverged_at == direct.diverged_at
        dist = distance_to_minimum(surface, direct.points)
        if dist is None:
            assert race.distances[name] is None
        else:
            assert_array_equal(race.distances[name], dist)
    assert race.hyperparameters["Adam"] == preset(surface, "Adam")
    assert race.start == surface.start and race.box == surface.domain
    assert race.log_levels == (surface.min_value is not None)


def test_race_contour_is_bounded_and_levels_are_the_surface_values():
    race = P.race("rosenbrock", presets("rosenbrock"), steps=50)
    c = race.contour
    assert 0 < c["x"].size <= P.CONTOUR_POINTS
    surface = SURFACES["rosenbrock"]
    # points lie on their level up to the grid's interpolation error (grid step 4/160;
    # Rosenbrock's walls are steep, so compare relative to the level)
    err = np.abs(surface.value(c["x"], c["y"]) - c["level"]) / c["level"]
    assert np.median(err) < 0.05
    assert np.all(np.unique(c["level"]) > 0)


def test_race_defaults_fill_in_and_status():
    race = P.race("rosenbrock", {"SGD": {"lr": 10.0}, "Adam": {}}, steps=100)
    assert race.hyperparameters == {"SGD": {"lr": 10.0}, "Adam": {"lr": 0.001, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8}}
    assert race.status == {"SGD": "diverged", "Adam": "completed"}
    assert race.trajectories["SGD"].diverged_at == 2  # run_optimizer's own doctest value
    assert race.trajectories["Adam"].steps == 100  # the others carry on
    saddle = P.race("saddle", {"SGD": {"lr": 0.05}, "Momentum": {"lr": 10.0, "momentum": 0.0}}, steps=1000)
    # down along y (f → −∞): an escape; x blowing up (f → +∞): a divergence
    assert saddle.status == {"SGD": "escaped", "Momentum": "diverged"}


def test_race_thins_to_the_shared_budget():
    race = P.race("quadratic", presets("quadratic"), steps=P.MAX_STEPS)
    assert sum(k.size for k in race.kept.values()) <= P.PATH_POINTS
    for name, kept in race.kept.items():
        assert kept[0] == 0 and kept[-1] == race.trajectories[name].steps


def test_race_with_a_start_outside_the_domain_widens_the_box():
    race = P.race("saddle", {"Adam": {}}, start=(3.0, 0.5), steps=10)
    assert race.start == (3.0, 0.5)
    assert race.box[0][1] > 3.0 and race.trajectories["Adam"].points[0].tolist() == [3.0, 0.5]


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"surface": "banana"}, "surface"),
    ({"optimizers": {}}, "optimizers"),
    ({"optimizers": {"LBFGS": {}}}, "LBFGS"),
    ({"optimizers": {"SGD": {"lr": -1.0}}}, "lr"),
    ({"optimizers": {"SGD": {"mu": 0.1}}}, "SGD"),
    ({"steps": P.MAX_STEPS + 1}, "steps"),
    ({"start": (np.inf, 0.0)}, "start"),
    ({"surface_params": {"angle_deg": 30.0}, "surface": "beale"}, "surface_params"),
])
def test_race_invalid(kwargs, match):
    args = {"surface": "quadratic", "optimizers": {"SGD": {}}, **kwargs}
    with pytest.raises(ValueError, match=match):
        P.race(args.pop("surface"), args.pop("optimizers"), **args)


# ---------------------------------------------------------------------------
# The view at step t
# ---------------------------------------------------------------------------


def test_reveal_step():
    assert [P.reveal_step(p, 1000) for p in (0.0, 0.1, 33.3, 100.0)] == [0, 1, 333, 1000]
    assert P.reveal_step(50.0, 0) == 0
    with pytest.raises(ValueError, match="percent"):
        P.reveal_step(100.5, 10)


@pytest.mark.parametrize("measure", P.MEASURES)
@pytest.mark.parametrize("t", [0, 1, 37, 400])
def test_snapshot_slices_the_race_at_step_t(measure, t):
    surface = SURFACES["himmelblau"]
    race = P.race("himmelblau", presets("himmelblau"), steps=400)
    snap = P.snapshot(race, t, measure=measure, tol=1e-4)
    assert snap.step == t and snap.names == race.names and snap.log_scale
    for i, (name, row) in enumerate(zip(snap.names, snap.rows)):
        traj = race.trajectories[name]
        sel = snap.paths["opt"] == i
        steps = snap.paths["step"][sel]
        assert steps[-1] == t and np.all(steps <= t) and np.all(np.diff(steps) > 0)
        assert_array_equal(snap.paths["x"][sel], traj.points[steps, 0])
        assert (snap.heads["x"][i], snap.heads["y"][i]) == tuple(traj.points[t])
        dist = distance_to_minimum(surface, traj.points)
        error = dist if measure == "distance" else traj.losses - surface.min_value
        assert_array_equal(snap.paths["value"][sel], np.maximum(error[steps], P.ERROR_FLOOR))
        # the table: exact values at t; the first step within tol of the whole run, once revealed
        assert row.loss == traj.losses[t] and row.distance == dist[t] and row.step == t
        first = first_step_below(error, 1e-4)
        assert row.reached == (first if first is not None and first <= t else None)
        assert row.status == "completed" and row.stopped_at is None
    assert snap.stops["x"].size == 0
    lo, hi = snap.value_domain
    assert lo >= P.ERROR_FLOOR and np.all((snap.paths["value"] >= lo) & (snap.paths["value"] <= hi))


def test_snapshot_marks_a_stop_only_once_it_is_revealed():
    race = P.race("rosenbrock", {"SGD": {"lr": 10.0}, "Adam": {"lr": 0.1}}, steps=200)
    early = P.snapshot(race, 1)
    assert early.stops["x"].size == 0 and early.rows[0].step == 1
    late = P.snapshot(race, 150)
    assert late.stops["opt"].tolist() == [0] and late.stops["step"].tolist() == [2]
    (x0, x1), (y0, y1) = race.box
    assert x0 <= late.stops["x"][0] <= x1 and y0 <= late.stops["y"][0] <= y1  # clipped onto the plot
    sgd, adam = late.rows
    assert sgd.step == 1 and sgd.status == "diverged" and sgd.stopped_at == 2  # its last finite point
    assert adam.step == 150 and late.heads["step"].tolist() == [1, 150]
    for arr in (*late.paths.values(), *late.heads.values(), *late.stops.values()):
        assert np.all(np.isfinite(arr))
    # the axis follows the run that did not diverge; the stop marker sits at its top
    adam = np.maximum(race.trajectories["Adam"].losses, P.ERROR_FLOOR)
    assert late.value_domain == (adam.min(), adam.max())
    assert late.stops["value"].tolist() == [adam.max()]
    alone = P.snapshot(P.race("rosenbrock", {"SGD": {"lr": 10.0}}, steps=20), 20)
    sgd_errors = np.maximum(race.trajectories["SGD"].losses, P.ERROR_FLOOR)
    assert alone.value_domain == (sgd_errors.min(), sgd_errors.max())  # every run diverged: all shown


def test_snapshot_on_the_saddle_uses_the_raw_loss():
    race = P.race("saddle", presets("saddle", ("SGD", "Adam")), steps=1000)
    snap = P.snapshot(race, 1000, measure="distance")
    assert snap.measure == "loss" and not snap.log_scale
    traj = race.trajectories["SGD"]
    sel = snap.paths["opt"] == 0
    assert_array_equal(snap.paths["value"][sel], traj.losses[snap.paths["step"][sel]])
    assert snap.value_domain[0] < 0 < snap.value_domain[1]
    sgd, adam = snap.rows
    assert sgd.status == "escaped" and sgd.distance is None and sgd.reached is None
    assert snap.stops["opt"].tolist() == [0]


def test_snapshot_with_zero_steps():
    race = P.race("beale", {"Adam": {}}, steps=0)
    snap = P.snapshot(race, 0)
    assert snap.paths["step"].tolist() == [0]
    lo, hi = snap.value_domain
    assert lo < hi and math.isclose(lo * 100.0, hi)


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"step": 11}, "step"), ({"step": -1}, "step"), ({"measure": "gap"}, "measure"), ({"tol": 0.0}, "tol"),
])
def test_snapshot_invalid(kwargs, match):
    race = P.race("beale", {"Adam": {}}, steps=10)
    args = {"step": 5, **kwargs}
    with pytest.raises(ValueError, match=match):
        P.snapshot(race, args.pop("step"), **args)
    with pytest.raises(ValueError, match="race"):
        P.snapshot("race", 1)


def test_adam_hyperparameters_reach_the_run():
    race = P.race("quadratic", {"Adam": {"lr": 0.05, "beta1": 0.0}}, steps=20)
    direct = run_optimizer(Adam(lr=0.05, beta1=0.0), SURFACES["quadratic"], steps=20)
    assert_array_equal(race.trajectories["Adam"].points, direct.points)


# ---------------------------------------------------------------------------
# The quadratic notice's claims (lab/strings/optimizers.py, notice.quadratic)
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(("kappa", "quoted"), [
    (20.0, {"SGD": 43, "Momentum": 58, "Adam": 63}),  # SGD first at the default κ
    (100.0, {"SGD": 162, "Momentum": 131, "Adam": 63}),  # the gentle direction holds SGD back
])
def test_quadratic_race_steps_quoted_by_the_notice(kappa, quoted):
    params = {"condition": kappa, "angle_deg": 0.0}
    race = P.race("quadratic", presets("quadratic", tuple(quoted), params), surface_params=params, steps=1000)
    snap = P.snapshot(race, race.steps, measure="loss", tol=1e-3)
    assert {row.name: row.reached for row in snap.rows} == quoted
    # oracle for SGD on f = x²/κ + y² (φ = 0): x_t = x₀ (1 − 2η/κ)^t, y_t = y₀ (1 − 2η)^t
    eta, (x0, y0) = 0.95, Quadratic(kappa).start
    t = np.arange(1001)
    loss = (x0 * (1 - 2 * eta / kappa) ** t) ** 2 / kappa + (y0 * (1 - 2 * eta) ** t) ** 2
    assert int(np.argmax(loss < 1e-3)) == quoted["SGD"]
    y = run_optimizer(SGD(lr=eta), Quadratic(kappa), steps=50).points[1:, 1]
    assert np.all(np.sign(y[1:]) == -np.sign(y[:-1]))  # the zig-zag: y changes sign at every step


# ---------------------------------------------------------------------------
# The race section's view
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("exponent", range(-12, 3))
def test_power_label_is_the_power_of_ten_in_superscripts(exponent):
    import unicodedata

    label = P.power_label(10.0**exponent)
    assert unicodedata.normalize("NFKC", label) == f"10{exponent}".replace("-", "−")  # NFKC: ⁻³ is −3
    assert label.startswith("10") and all(unicodedata.name(c).startswith("SUPERSCRIPT") for c in label[2:])


@pytest.mark.parametrize(("key", "measure", "tol", "progress"), [
    ("quadratic", "loss", 1e-3, 100.0), ("himmelblau", "distance", 1e-6, 37.5), ("beale", "loss", 1e-2, 0.0),
])
def test_race_view_table_equals_direct_runs(key, measure, tol, progress):
    race = P.race(key, presets(key), steps=400)
    view = P.race_view(race, progress, measure=measure, tol=tol)
    t = round(progress * 400 / 100)
    assert view.step == t and view.steps == 400 and view.has_minimum and view.measure == measure
    assert view.tol == tol and view.tol_label == P.power_label(tol)
    assert list(view.table) == ["settings", "loss", "distance", "reached", "status"]
    assert view.names == ALL
    surface = SURFACES[key]
    for i, name in enumerate(ALL):
        hp = preset(surface, name)
        traj = run_optimizer(OPTIMIZERS[name](**hp), surface, steps=400)
        dist = distance_to_minimum(surface, traj.points)
        ti = min(t, traj.steps)
        assert view.table["loss"][i] == traj.losses[ti]
        assert view.table["distance"][i] == dist[ti]
        error = dist if measure == "distance" else traj.losses - surface.min_value
        first = first_step_below(error, tol)
        shown = view.table["reached"][i]
        assert (math.isnan(shown) and (first is None or first > ti)) or shown == first
        assert view.table["settings"][i].startswith(f"η = {hp['lr']:g}")
        assert view.table["status"][i] == "completed" and view.stopped_at[i] is None
        run = view.results["runs"][name]
        assert run["loss"] == traj.losses[ti] and run["hyperparameters"] == hp
    assert view.results["step"] == t
    assert view.diverged == () and view.escaped == ""


def test_race_view_on_the_saddle_and_with_a_divergence():
    saddle = P.race("saddle", presets("saddle", ("SGD", "Momentum", "Adam")), steps=1000)
    view = P.race_view(saddle, 100.0, measure="distance", tol=1e-3)
    assert not view.has_minimum and view.measure == "loss" and view.tol is None and view.tol_label == ""
    assert list(view.table) == ["settings", "loss", "status"]
    assert view.escaped == "SGD (218), Momentum (208)"  # the steps the saddle's runs leave the plot
    assert view.table["status"] == ["escaped", "escaped", "completed"] and view.stopped_at == (218, 208, None)
    diverging = P.race("rosenbrock", {"SGD": {"lr": 10.0}, "Adam": {}}, steps=100)
    assert P.race_view(diverging, 1.0).diverged == (("SGD", 2),)  # the whole run's status, whatever t
    view = P.race_view(diverging, 100.0)
    assert view.diverged == (("SGD", 2),) and view.table["status"] == ["diverged", "completed"]
    assert view.formula.startswith(r"\begin{gathered} f(x, y) = ") and view.formula.endswith(r"\end{gathered}")
    assert r",\ " not in view.formula


def test_race_view_invalid():
    race = P.race("quadratic", {"SGD": {}}, steps=10)
    with pytest.raises(ValueError, match="race"):
        P.race_view("race", 50.0)
    with pytest.raises(ValueError, match="percent"):
        P.race_view(race, 101.0)
    with pytest.raises(ValueError, match="tol"):
        P.race_view(race, 50.0, tol=0.0)
    with pytest.raises(ValueError, match="value"):
        P.power_label(-1.0)


# ---------------------------------------------------------------------------
# "What to notice": the settings the notes describe
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("key", list(SURFACES))
def test_notice_describes_the_tuned_settings_of_every_surface(key):
    tuned = {name: dict(SURFACES[key].presets.get(name, {})) for name in ALL}  # missing: the class default
    assert P.notice(key, tuned).changes == ()
    assert P.notice(key, tuned, start=SURFACES[key].start, steps=1000).changes == ()
    assert P.notice(key, {}).changes == ()  # nothing racing: nothing retuned


def test_notice_names_what_differs():
    q = SURFACES["quadratic"]
    sgd = dict(q.presets["SGD"])
    assert P.notice("quadratic", {"SGD": {**sgd, "lr": 10.0}, "Adam": dict(q.presets["Adam"])}).retuned == ("SGD",)
    # a hyperparameter left out runs at the class default (Adam's η = 0.001), not at the preset (0.3)
    assert P.notice("quadratic", {"Adam": {}}).retuned == ("Adam",)
    assert P.notice("quadratic", {"Adam": {"lr": 0.3}, "SGD": sgd}).retuned == ()
    changed = P.notice("quadratic", {"Momentum": {"lr": 0.1, "momentum": 0.5}, "SGD": {"lr": 0.5}},
                       surface_params={"condition": 100.0, "angle_deg": 30.0}, start=(1.0, 2.0), steps=500)
    assert changed.changes == (("retuned", {"names": "SGD, Momentum"}), ("start", {}), ("steps", {"steps": "500"}),
                               ("valley", {"kappa": "100", "angle": "30"}))
    rotated = Quadratic(20.0, 30.0)  # the default start turns with the valley: starting there is not a change
    assert P.notice("quadratic", {}, surface_params={"condition": 20.0, "angle_deg": 30.0},
                    start=rotated.start).changes == (("valley", {"kappa": "20", "angle": "30"}),)
    assert P.notice("rosenbrock", {}, steps=10_000).changes == (("steps", {"steps": "10,000"}),)


def test_notice_invalid():
    with pytest.raises(ValueError, match="surface"):
        P.notice("banana", {})
    with pytest.raises(ValueError, match="steps"):
        P.notice("quadratic", {}, steps=-1)
    with pytest.raises(ValueError, match="optimizers"):
        P.notice("quadratic", ["SGD"])
