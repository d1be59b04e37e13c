"""Optimizer playground charts: valid Vega-Lite, titles, legends, ≤ 5,000 rows, stop markers, no NaN."""

from __future__ import annotations

import math

import pytest

from estimation.charts import optimizers as charts
from estimation.optimizers import OPTIMIZERS
from estimation.surfaces import SURFACES, preset
from estimation.views import optimizers as P

LABELS = {"start_label": "start θ₀", "minimum_label": "minimum θ*", "stop_label": "diverged at step"}


def _race(key, configs=None, steps=1000):
    surface = SURFACES[key]
    configs = configs or {name: preset(surface, name) for name in OPTIMIZERS}
    return P.race(key, configs, steps=steps)


def _landscape(race, snap, **kw):
    return charts.landscape_chart(
        race.contour, snap.paths, snap.heads, snap.stops, names=snap.names, box=race.box, start=race.start,
        minima=race.surface.minima, x_title="x axis", y_title="y axis", level_title="f(x, y)",
        step_title="step t", title="Paths", **LABELS, **kw,
    ).to_dict()  # validates against the Vega-Lite schema


def _loss(race, snap, tol=1e-3):
    return charts.loss_chart(
        snap.paths, snap.stops, names=snap.names, steps=race.steps, value_domain=snap.value_domain,
        log_scale=snap.log_scale, tol=tol, x_title="step t", y_title="error", tol_label="tolerance",
        stop_label=LABELS["stop_label"], title="Error",
    ).to_dict()


def _rows(spec):
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


def _legend_domains(spec):
    """Every scale domain given explicitly in the spec's layers."""
    domains = []
    for layer in spec["layer"]:
        for channel in layer.get("encoding", {}).values():
            if isinstance(channel, dict) and "domain" in channel.get("scale", {}):
                domains.append(channel["scale"]["domain"])
    return domains


def _assert_finite(spec):
    for row in _rows(spec):
        for key, value in row.items():
            assert value is not None, key
            if isinstance(value, float):
                assert math.isfinite(value), (key, value)


@pytest.mark.parametrize("key", list(SURFACES))
def test_every_surface_gives_valid_titled_charts_with_legends(key):
    race = _race(key)
    snap = P.snapshot(race, race.steps)
    land, loss = _landscape(race, snap), _loss(race, snap)
    text = str(land)
    assert "Paths" in text and "x axis" in text and "y axis" in text
    assert "Error" in str(loss) and "step t" in str(loss) and "error" in str(loss)
    domains = _legend_domains(land)
    assert list(OPTIMIZERS) in domains  # one colour per optimizer, in the legend
    markers = [d for d in domains if LABELS["start_label"] in d][0]
    assert (LABELS["minimum_label"] in markers) == bool(SURFACES[key].minima)
    assert list(OPTIMIZERS) + ["tolerance"] in _legend_domains(loss)
    for spec in (land, loss):
        assert 0 < len(_rows(spec)) <= 5000
        assert spec["config"]["axis"]["labelFontSize"] >= 12
        _assert_finite(spec)
    colors = [layer["encoding"]["color"]["scale"]["range"] for layer in land["layer"]
              if "color" in layer.get("encoding", {})][0]
    assert colors == [charts.OPTIMIZER_COLORS[n] for n in OPTIMIZERS] and len(set(colors)) == 7
    y_scale = loss["layer"][0]["encoding"]["y"]["scale"]
    assert y_scale["type"] == ("log" if SURFACES[key].minima else "symlog")


def test_seven_optimizers_ten_thousand_steps_stay_under_5000_rows():
    race = _race("rosenbrock", steps=P.MAX_STEPS)
    snap = P.snapshot(race, race.steps)
    for spec in (_landscape(race, snap), _loss(race, snap)):
        assert len(_rows(spec)) <= 5000
    land_rows = _rows(_landscape(race, snap))
    paths = [r for r in land_rows if r["kind"] == "path"]
    assert max(r["step"] for r in paths) == P.MAX_STEPS  # thinned, but the whole run is drawn


def test_divergence_marker_is_present_exactly_when_a_run_stopped():
    race = _race("rosenbrock", {"SGD": {"lr": 10.0}, "Adam": {"lr": 0.1}}, steps=300)
    snap = P.snapshot(race, 300)
    for spec in (_landscape(race, snap), _loss(race, snap)):
        stops = [r for r in _rows(spec) if r["kind"] == "stop"]
        assert [(r["series"], r["step"]) for r in stops] == [("SGD", 2)]
        assert any(LABELS["stop_label"] in d for d in _legend_domains(spec))  # in the legend
        assert charts.CROSS in str(spec)
        _assert_finite(spec)
    # before the divergence is revealed, and for a run without one: no marker, no legend entry
    for spec in (_landscape(race, P.snapshot(race, 1)), _landscape(_race("beale"), P.snapshot(_race("beale"), 10))):
        assert not [r for r in _rows(spec) if r["kind"] == "stop"]
        assert not any(LABELS["stop_label"] in d for d in _legend_domains(spec))


def test_step_t_truncates_the_drawn_paths():
    race = _race("quadratic", steps=1000)
    snap = P.snapshot(race, 25)
    for spec in (_landscape(race, snap), _loss(race, snap)):
        steps = [r["step"] for r in _rows(spec) if r["kind"] == "path"]
        assert max(steps) == 25
    loss = _loss(race, snap)
    x_scale = loss["layer"][0]["encoding"]["x"]["scale"]
    assert x_scale["domain"] == [0, 1000]  # the axis keeps the whole run


def test_tolerance_rule_widens_the_axis_and_can_be_left_out():
    race = _race("himmelblau", steps=100)
    snap = P.snapshot(race, 100)
    loss = _loss(race, snap, tol=1e-30)
    y_scale = loss["layer"][0]["encoding"]["y"]["scale"]
    assert y_scale["domain"][0] == 1e-30
    assert [r["value"] for r in _rows(loss) if r["kind"] == "tol"] == [1e-30]
    without = _loss(race, snap, tol=None)
    assert not [r for r in _rows(without) if r["kind"] == "tol"]
    assert list(OPTIMIZERS) in _legend_domains(without)
