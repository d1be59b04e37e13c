r"""The optimizer page's views: what its race section draws, from the race.

The page runs :func:`race` once per setting (surface, start, optimizers and
their hyperparameters, number of steps; cached by the page): it runs the
optimizers, traces the contour lines of the surface and picks, for each
trajectory, the steps a chart draws. The race section's widgets (the step
slider, the error measure, the tolerance) then only call :func:`race_view`,
which slices those arrays at step t (no optimizer is re-run) and returns
everything the section shows (:class:`RaceView`: chart arrays, the table's
columns, the warnings' runs, the numbers shared).

``WIDGETS`` and ``SURFACE_WIDGETS`` describe one bounded control per
hyperparameter (a log-spaced list of choices, or a linear slider step) built
from each class's ``HYPERPARAMETERS``, so every value of every preset is a
valid choice.

Conventions: a run that leaves the finite range (see
:func:`estimation.surfaces.run_optimizer`) *diverged*, unless the surface is
unbounded below (no minimum: the saddle) and its loss fell, in which case it
*escaped* downhill. On surfaces with a minimum the per-step error is either
the loss gap f(θ_t) − f* or the distance to the nearest minimum; the charts
draw it on a log axis, floored at :data:`ERROR_FLOOR`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from estimation._validation import as_finite_array, check_int, check_real
from estimation.contours import contour_lines, nice_levels
from estimation.optimizers import OPTIMIZERS, Hyperparameter
from estimation.surfaces import (
    SURFACES,
    Quadratic,
    Surface,
    Trajectory,
    distance_to_minimum,
    first_step_below,
    make_surface,
    preset,
    run_optimizers,
)
from estimation.views._labels import superscript

__all__ = [
    "MAX_STEPS",
    "GRID_SIZE",
    "CONTOUR_POINTS",
    "PATH_POINTS",
    "ERROR_FLOOR",
    "MEASURES",
    "WidgetGrid",
    "log_grid",
    "linear_step",
    "widget_grid",
    "WIDGETS",
    "SURFACE_WIDGETS",
    "view_box",
    "contour_levels",
    "thin_indices",
    "Race",
    "race",
    "reveal_step",
    "Row",
    "Snapshot",
    "snapshot",
    "power_label",
    "RaceView",
    "race_view",
    "NOTICE_STEPS",
    "Notice",
    "notice",
]

MAX_STEPS = 10_000
"""Most steps per optimizer the playground runs."""

GRID_SIZE = 161
"""Grid points per axis for the contour lines."""

CONTOUR_POINTS = 1200
"""Most contour-line points sent to the chart."""

PATH_POINTS = 1600
"""Most trajectory points sent to a chart, shared by the optimizers of a race."""

ERROR_FLOOR = 1e-16
"""Smallest error drawn on a log axis (a loss gap or distance of exactly 0 is drawn here)."""

MEASURES = ("loss", "distance")
"""Per-step errors: loss gap f(θ_t) − f*, or distance to the nearest minimum."""

_MANTISSAS = ((1.0, 1.5, 2.0, 3.0, 5.0, 7.0), (1.0, 2.0, 5.0), (1.0,))
_MAX_CHOICES = 40
_LEVELS = 15
_LEVEL_QUANTILE = 0.002


# ---------------------------------------------------------------------------
# Widgets: one bounded control per hyperparameter
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WidgetGrid:
    """A bounded control for one hyperparameter.

    Attributes
    ----------
    name, symbol : str
        From the :class:`~estimation.optimizers.Hyperparameter`.
    default : float
        The class default (always a valid value of the control).
    lo, hi : float
        The control's range (the hyperparameter's ``widget_range``, widened
        to include every extra value).
    choices : tuple of float or None
        Log-spaced values for a select slider (``log_scale`` parameters), else None.
    step : float or None
        Slider step for a linear parameter (lo and hi are multiples of it), else None.
    decimals : int
        Decimal places needed to show a value of the linear slider.
    """

    name: str
    symbol: str
    default: float
    lo: float
    hi: float
    choices: tuple[float, ...] | None
    step: float | None
    decimals: int


def log_grid(lo: float, hi: float, *, extra=()) -> tuple[float, ...]:
    """Round log-spaced values in [lo, hi], plus ``extra``.

    Parameters
    ----------
    lo, hi : float
        0 < lo < hi.
    extra : iterable of float
        Values that must be choices (e.g. presets); those outside [lo, hi] are ignored.

    Returns
    -------
    tuple of float
        Sorted distinct values.

    Notes
    -----
    The values are m·10^e in [lo, hi] with the finest mantissa set m of
    {1, 1.5, 2, 3, 5, 7}, {1, 2, 5}, {1} that gives at most 40 values. Each is
    the double nearest the decimal ``"{m}e{e}"`` (so 0.03 is the literal 0.03).
    """
    lo = check_real(lo, "lo", lo=0.0, lo_open=True)
    hi = check_real(hi, "hi", lo=lo, lo_open=True)
    exponents = range(math.floor(math.log10(lo)), math.ceil(math.log10(hi)) + 1)
    for mantissas in _MANTISSAS:
        values = {float(f"{m:g}e{e}") for e in exponents for m in mantissas}
        values = {v for v in values if lo <= v <= hi}
        if len(values) <= _MAX_CHOICES:
            break
    values |= {check_real(v, "extra") for v in extra if lo <= v <= hi}
    return tuple(sorted(values))


def linear_step(lo: float, hi: float) -> float:
    """The largest power of ten ≤ (hi − lo)/50 of which lo and hi are multiples.

    Notes
    -----
    Step 10^k with k = ⌊log₁₀((hi − lo)/50)⌋, decreased until lo/10^k and
    hi/10^k are integers (to 1e-9), so both ends of a slider are reachable:
    (0, 0.99) → 0.01, (0.5, 0.999) → 0.001, (0.9, 0.9999) → 0.0001, (−90, 90) → 1.
    """
    lo = check_real(lo, "lo")
    hi = check_real(hi, "hi", lo=lo, lo_open=True)
    k = math.floor(math.log10((hi - lo) / 50.0))
    for _ in range(12):
        step = 10.0**k
        if all(abs(v / step - round(v / step)) < 1e-9 for v in (lo, hi)):
            return step
        k -= 1
    raise ValueError(f"lo={lo} and hi={hi} are not multiples of a power of ten ≥ 10^{k}")


def widget_grid(hp: Hyperparameter, extra=()) -> WidgetGrid:
    """The control for ``hp``: log-spaced choices or a linear slider.

    Parameters
    ----------
    hp : Hyperparameter
    extra : iterable of float
        Values (presets) the control must offer; the range widens to include them.

    Returns
    -------
    WidgetGrid
    """
    if not isinstance(hp, Hyperparameter):
        raise ValueError(f"hp must be a Hyperparameter, got {type(hp).__name__}")
    values = [hp.check(v) for v in (hp.default, *extra)]
    lo, hi = min(hp.widget_range[0], *values), max(hp.widget_range[1], *values)
    if hp.log_scale:
        return WidgetGrid(hp.name, hp.symbol, hp.default, lo, hi, log_grid(lo, hi, extra=values), None, 0)
    step = linear_step(lo, hi)
    return WidgetGrid(hp.name, hp.symbol, hp.default, lo, hi, None, step, max(0, -round(math.log10(step))))


def _preset_values(name: str, hp_name: str) -> list[float]:
    return [s.presets[name][hp_name] for s in SURFACES.values() if hp_name in s.presets.get(name, {})]


WIDGETS: dict[str, dict[str, WidgetGrid]] = {
    name: {hp.name: widget_grid(hp, _preset_values(name, hp.name)) for hp in cls.HYPERPARAMETERS}
    for name, cls in OPTIMIZERS.items()
}
"""Optimizer name -> hyperparameter name -> its control (every preset is a valid value)."""

SURFACE_WIDGETS: dict[str, WidgetGrid] = {hp.name: widget_grid(hp) for hp in Quadratic.PARAMETERS}
"""Controls of the quadratic surface's parameters (condition number, angle)."""


# ---------------------------------------------------------------------------
# The plotted box, contour levels, thinning
# ---------------------------------------------------------------------------


def view_box(domain, start, *, margin: float = 0.05) -> tuple[tuple[float, float], tuple[float, float]]:
    """The plotted box: ``domain``, widened (with a margin) to show ``start``.

    Parameters
    ----------
    domain : ((x_min, x_max), (y_min, y_max))
    start : (x0, y0)
    margin : float, default 0.05
        Padding on each side as a fraction of the widened span (only when the
        start lies outside the domain).
    """
    dom = as_finite_array(domain, "domain", ndim=2)
    point = as_finite_array(start, "start", ndim=1)
    if dom.shape != (2, 2) or np.any(dom[:, 1] <= dom[:, 0]):
        raise ValueError(f"domain must be ((x_min, x_max), (y_min, y_max)) with min < max, got {dom.tolist()}")
    if point.shape != (2,):
        raise ValueError(f"start must have 2 coordinates, got {point.size}")
    margin = check_real(margin, "margin", lo=0.0, hi=1.0)
    if np.all((dom[:, 0] <= point) & (point <= dom[:, 1])):
        return (float(dom[0, 0]), float(dom[0, 1])), (float(dom[1, 0]), float(dom[1, 1]))
    lo, hi = np.minimum(dom[:, 0], point), np.maximum(dom[:, 1], point)
    pad = margin * (hi - lo)
    lo, hi = lo - pad, hi + pad
    return (float(lo[0]), float(hi[0])), (float(lo[1]), float(hi[1]))


def contour_levels(z, *, log: bool, n: int = _LEVELS) -> np.ndarray:
    """Contour levels for the surface values ``z`` on the plotted grid.

    Parameters
    ----------
    z : array_like
        f − f* on the grid (≥ 0) for ``log``, else f.
    log : bool
        Log-spaced levels (surfaces with a minimum, whose values span decades).
    n : int
        Most levels.

    Notes
    -----
    Log: ``nice_levels`` (1-2-5 per decade) between the 0.2th percentile of the
    positive values and the maximum, so the levels reach into the valley
    floor without crowding the grid's nearly-zero corner cell. Linear:
    ``nice_levels`` over the full range.
    """
    arr = as_finite_array(z, "z").ravel()
    if not log:
        return nice_levels(arr, n)
    positive = arr[arr > 0]
    if positive.size < 2:
        return np.empty(0)
    return nice_levels([np.quantile(positive, _LEVEL_QUANTILE), positive.max()], n, log=True)


def thin_indices(points, box, budget: int) -> np.ndarray:
    """Indices of the trajectory points a chart draws: at most ``budget``.

    Parameters
    ----------
    points : array_like of shape (n, 2)
    box : ((x_min, x_max), (y_min, y_max))
        The plotted box (length outside it is not visible).
    budget : int
        Most indices returned (≥ 4).

    Returns
    -------
    ndarray of int
        Strictly increasing indices including 0 and n − 1; all of them if n ≤ budget.

    Notes
    -----
    Half the budget is spaced evenly in the step t, half evenly in the arc
    length s_t = Σ_{i<t} ‖c(θ_{i+1}) − c(θ_i)‖ of the path clipped to the box
    (c clips each coordinate): index = min{t : s_t ≥ target}. Every step
    longer than s_n / (budget/2 − 1), such as the early zig-zag of SGD, keeps
    its end point, so the visible shape survives; taking every k-th point
    would alias a zig-zag into a smooth curve.
    """
    pts = as_finite_array(points, "points", ndim=2)
    if pts.shape[1] != 2:
        raise ValueError(f"points must have shape (n, 2), got {pts.shape}")
    budget = check_int(budget, "budget", lo=4)
    n = len(pts)
    if n <= budget:
        return np.arange(n)
    (x0, x1), (y0, y1) = box
    clipped = np.column_stack((np.clip(pts[:, 0], x0, x1), np.clip(pts[:, 1], y0, y1)))
    arc = np.concatenate(([0.0], np.cumsum(np.hypot(*np.diff(clipped, axis=0).T))))
    half = (budget - 2) // 2
    by_step = np.rint(np.linspace(0, n - 1, half)).astype(np.int64)
    by_length = np.searchsorted(arc, np.linspace(0.0, arc[-1], half)) if arc[-1] > 0 else by_step
    return np.unique(np.concatenate(([0, n - 1], by_step, np.minimum(by_length, n - 1))))


# ---------------------------------------------------------------------------
# The race (cached) and the view at step t
# ---------------------------------------------------------------------------


@dataclass(frozen=True, eq=False, slots=True)
class Race:
    """Runs of several optimizers on one surface, ready to be shown.

    Attributes
    ----------
    surface : Surface
    start : (float, float)
        θ_0, shared by every run.
    steps : int
        Steps requested per optimizer.
    box : ((x_min, x_max), (y_min, y_max))
        Plotted box (:func:`view_box`).
    log_levels : bool
        Whether the contour levels are log-spaced.
    contour : dict of str to ndarray
        :func:`~estimation.contours.contour_lines` of f on a ``GRID_SIZE``²
        grid over ``box`` (``level`` holds f, at most ``CONTOUR_POINTS`` points).
    hyperparameters : dict of str to dict
        Optimizer name (registry order) -> the keyword arguments it ran with.
    trajectories : dict of str to Trajectory
    distances : dict of str to ndarray or None
        Per-step distance to the nearest minimum (None on the saddle).
    kept : dict of str to ndarray
        :func:`thin_indices` of each trajectory (``PATH_POINTS`` shared out).
    status : dict of str to str
        ``"completed"``, ``"diverged"`` or ``"escaped"`` (see the module docstring).
    """

    surface: Surface
    start: tuple[float, float]
    steps: int
    box: tuple[tuple[float, float], tuple[float, float]]
    log_levels: bool
    contour: dict[str, np.ndarray]
    hyperparameters: dict[str, dict[str, float]]
    trajectories: dict[str, Trajectory]
    distances: dict[str, np.ndarray | None]
    kept: dict[str, np.ndarray]
    status: dict[str, str]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self.trajectories)

    @property
    def has_minimum(self) -> bool:
        """Whether the surface has a minimum (errors and a tolerance exist only then)."""
        return self.surface.min_value is not None


def _status(surface: Surface, traj: Trajectory) -> str:
    if traj.diverged_at is None:
        return "completed"
    if surface.min_value is None and traj.losses[-1] < traj.losses[0]:
        return "escaped"
    return "diverged"


def race(
    surface: str,
    optimizers: Mapping[str, Mapping[str, float]],
    *,
    surface_params: Mapping[str, float] | None = None,
    start=None,
    steps: int = 1000,
) -> Race:
    """Run ``optimizers`` on a surface and prepare everything the page draws.

    Parameters
    ----------
    surface : str
        A key of ``SURFACES``.
    optimizers : mapping of str to mapping
        Registry name -> keyword arguments (``{}`` for the class defaults);
        the runs are reported in registry order.
    surface_params : mapping, optional
        Parameters of the quadratic (``condition``, ``angle_deg``).
    start : (float, float), optional
        θ_0; the surface's default start if None.
    steps : int, default 1000
        Steps per optimizer, 0 to ``MAX_STEPS``.

    Returns
    -------
    Race

    Notes
    -----
    Each run is :func:`~estimation.surfaces.run_optimizers` (blow-up
    threshold 10⁶), so a diverging optimizer stops at its divergence step and
    the others carry on. The contour grid is ``GRID_SIZE`` points per axis
    over the box; levels are log-spaced for surfaces with a minimum
    (:func:`contour_levels` on f − f*) and linear for the saddle.
    """
    surf = make_surface(surface, surface_params)
    if not isinstance(optimizers, Mapping) or not optimizers:
        raise ValueError("optimizers must be a non-empty mapping of optimizer name -> hyperparameters")
    unknown = [name for name in optimizers if name not in OPTIMIZERS]
    if unknown:
        raise ValueError(f"optimizers: unknown optimizer name(s) {unknown}; choose from {list(OPTIMIZERS)}")
    steps = check_int(steps, "steps", lo=0, hi=MAX_STEPS)
    start_xy = surf.start if start is None else start
    box = view_box(surf.domain, start_xy)
    start_xy = tuple(float(c) for c in as_finite_array(start_xy, "start", ndim=1))
    ordered = {name: dict(optimizers[name]) for name in OPTIMIZERS if name in optimizers}
    trajectories = run_optimizers(surf, ordered, start_xy, steps)
    # The configs that ran: class defaults completed by what was given.
    hyperparameters = {
        name: {hp.name: float(ordered[name].get(hp.name, hp.default)) for hp in OPTIMIZERS[name].HYPERPARAMETERS}
        for name in ordered
    }

    xs = np.linspace(*box[0], GRID_SIZE)
    ys = np.linspace(*box[1], GRID_SIZE)
    z = surf.value(xs[None, :], ys[:, None])
    log_levels = surf.min_value is not None
    f_star = surf.min_value if log_levels else 0.0
    levels = contour_levels(z - f_star, log=log_levels)
    contour = contour_lines(xs, ys, z - f_star, levels if levels.size else [0.0], max_points=CONTOUR_POINTS)
    contour["level"] = contour["level"] + f_star

    budget = max(4, PATH_POINTS // len(ordered))
    return Race(
        surface=surf,
        start=start_xy,
        steps=steps,
        box=box,
        log_levels=log_levels,
        contour=contour,
        hyperparameters=hyperparameters,
        trajectories=trajectories,
        distances={name: distance_to_minimum(surf, t.points) for name, t in trajectories.items()},
        kept={name: thin_indices(t.points, box, budget) for name, t in trajectories.items()},
        status={name: _status(surf, t) for name, t in trajectories.items()},
    )


def reveal_step(percent: float, steps: int) -> int:
    """The step t shown when ``percent`` % of a ``steps``-step run is revealed: round(p·steps/100)."""
    percent = check_real(percent, "percent", lo=0.0, hi=100.0)
    steps = check_int(steps, "steps", lo=0)
    return int(round(percent * steps / 100.0))


@dataclass(frozen=True, slots=True)
class Row:
    """One optimizer's line of the summary table, at the revealed step.

    Attributes
    ----------
    name : str
    step : int
        The step shown, t_i = min(t, n_i) (n_i: steps the run took).
    loss : float
        f(θ_{t_i}).
    distance : float or None
        Distance from θ_{t_i} to the nearest minimum (None without a minimum).
    reached : int or None
        First step whose error is ≤ tol, if it is ≤ t_i (None otherwise or
        without a minimum).
    status : str
        The whole run's status (``Race.status``).
    stopped_at : int or None
        ``Trajectory.diverged_at``.
    hyperparameters : dict of str to float
    """

    name: str
    step: int
    loss: float
    distance: float | None
    reached: int | None
    status: str
    stopped_at: int | None
    hyperparameters: dict[str, float]


@dataclass(frozen=True, eq=False, slots=True)
class Snapshot:
    """The race at step t, as flat arrays for the charts and rows for the table.

    ``opt`` columns index :attr:`names`. Every array is finite.

    Attributes
    ----------
    step : int
        The revealed step t.
    names : tuple of str
    measure : str
        ``"loss"`` (f − f*, or f itself without a minimum) or ``"distance"``.
    log_scale : bool
        True: the values are errors ≥ ``ERROR_FLOOR`` for a log axis. False
        (no minimum): raw losses for a symmetric-log axis.
    paths : dict of str to ndarray
        ``opt``, ``step``, ``x``, ``y``, ``value``: the kept points with step ≤ t_i,
        always ending with the point at t_i.
    heads : dict of str to ndarray
        The point at t_i of each run (same columns).
    stops : dict of str to ndarray
        Runs that stopped by step t: ``opt``, ``step`` (the stop step, ``diverged_at``),
        ``x``, ``y`` (the last finite point, clipped to the box) and ``value`` there
        (clipped to ``value_domain``).
    value_domain : (float, float)
        Range of ``value`` over the whole race (so the axis does not move with
        t), leaving out diverged runs unless every run diverged: their
        explosion would squeeze the others into the bottom of the axis.
    rows : tuple of Row
    """

    step: int
    names: tuple[str, ...]
    measure: str
    log_scale: bool
    paths: dict[str, np.ndarray]
    heads: dict[str, np.ndarray]
    stops: dict[str, np.ndarray]
    value_domain: tuple[float, float]
    rows: tuple[Row, ...]


def _columns(parts: list[dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    keys = ("opt", "step", "x", "y", "value")
    if not parts:
        return {k: np.empty(0, dtype=np.int64 if k in ("opt", "step") else float) for k in keys}
    return {k: np.concatenate([np.atleast_1d(p[k]) for p in parts]) for k in keys}


def snapshot(race: Race, step: int, *, measure: str = "loss", tol: float = 1e-3) -> Snapshot:
    """The race up to step ``step`` (cheap: slices the cached arrays).

    Parameters
    ----------
    race : Race
    step : int
        Revealed step t, 0 to ``race.steps``.
    measure : {"loss", "distance"}
        Error drawn and tested against ``tol``: f(θ_t) − f* or the distance
        to the nearest minimum. Ignored (the loss is used) without a minimum.
    tol : float
        Tolerance > 0 for :attr:`Row.reached`.

    Returns
    -------
    Snapshot

    Notes
    -----
    Errors are floored at ``ERROR_FLOOR`` for the log axis (the table keeps
    the exact values). ``reached`` is
    :func:`~estimation.surfaces.first_step_below` of the error over the whole
    run, reported only once the slider has revealed it.
    """
    if not isinstance(race, Race):
        raise ValueError(f"race must be a Race, got {type(race).__name__}")
    t = check_int(step, "step", lo=0, hi=race.steps)
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {list(MEASURES)}, got {measure!r}")
    tol = check_real(tol, "tol", lo=0.0, lo_open=True)
    surf = race.surface
    has_minimum = surf.min_value is not None
    measure = measure if has_minimum else "loss"

    paths, heads, stops, rows, lows, highs = [], [], [], [], [], []
    all_diverged = all(status == "diverged" for status in race.status.values())
    for i, (name, traj) in enumerate(race.trajectories.items()):
        dist = race.distances[name]
        if not has_minimum:
            error = traj.losses
        elif measure == "distance":
            error = dist
        else:
            error = traj.losses - surf.min_value
        values = np.maximum(error, ERROR_FLOOR) if has_minimum else error
        if race.status[name] != "diverged" or all_diverged:
            lows.append(values.min())
            highs.append(values.max())
        kept = race.kept[name]

        ti = min(t, traj.steps)
        idx = kept[: np.searchsorted(kept, ti, side="right")]
        if idx.size == 0 or idx[-1] != ti:
            idx = np.append(idx, ti)
        pts = traj.points
        paths.append({"opt": np.full(idx.size, i), "step": idx, "x": pts[idx, 0], "y": pts[idx, 1],
                      "value": values[idx]})
        heads.append({"opt": i, "step": ti, "x": pts[ti, 0], "y": pts[ti, 1], "value": values[ti]})
        stopped = traj.diverged_at is not None and t >= traj.diverged_at
        if stopped:
            (x0, x1), (y0, y1) = race.box
            last = traj.steps
            stops.append({"opt": i, "step": traj.diverged_at, "x": np.clip(pts[last, 0], x0, x1),
                          "y": np.clip(pts[last, 1], y0, y1), "value": values[last]})
        reached = first_step_below(error, tol) if has_minimum else None
        rows.append(Row(
            name=name,
            step=ti,
            loss=float(traj.losses[ti]),
            distance=None if dist is None else float(dist[ti]),
            reached=reached if reached is not None and reached <= ti else None,
            status=race.status[name],
            stopped_at=traj.diverged_at,
            hyperparameters=race.hyperparameters[name],
        ))

    lo, hi = float(min(lows)), float(max(highs))
    if lo == hi:  # a constant series (e.g. zero steps): give the axis some extent
        lo, hi = (lo / 10.0, hi * 10.0) if has_minimum else (lo - 1.0, hi + 1.0)
    stops = _columns(stops)
    stops["value"] = np.clip(stops["value"], lo, hi)
    return Snapshot(
        step=t,
        names=race.names,
        measure=measure,
        log_scale=has_minimum,
        paths=_columns(paths),
        heads=_columns(heads),
        stops=stops,
        value_domain=(lo, hi),
        rows=tuple(rows),
    )


# ---------------------------------------------------------------------------
# The race section: everything it draws at the revealed step
# ---------------------------------------------------------------------------

def power_label(value: float) -> str:
    """A power of ten as a label: 1e-05 → ``10⁻⁵`` (the tolerances are powers of ten).

    Examples
    --------
    >>> power_label(1e-3), power_label(0.1), power_label(1e-10), power_label(100.0)
    ('10⁻³', '10⁻¹', '10⁻¹⁰', '10²')
    """
    exponent = int(f"{check_real(value, 'value', lo=0.0, lo_open=True):.0e}".split("e")[1])
    return "10" + superscript(exponent)


@dataclass(frozen=True, slots=True)
class RaceView:
    """What the race section draws at the revealed step t.

    Attributes
    ----------
    step, steps : int
        The revealed step t (:func:`reveal_step`) and the steps per optimizer.
    has_minimum : bool
        Whether the surface has a minimum (errors, tolerance and distance
        columns exist only then).
    measure : str
        The error drawn and tested (``"loss"`` without a minimum).
    tol : float or None
        The tolerance (None without a minimum).
    tol_label : str
        ``tol`` as a power of ten (:func:`power_label`), ``""`` without a minimum.
    formula : str
        The surface's formula as one LaTeX ``gathered`` block (one line per term group).
    snapshot : Snapshot
        The chart arrays at step t (:func:`snapshot`).
    diverged : tuple of (str, int)
        Runs that diverged, with their step (one warning each).
    escaped : str
        The runs that escaped downhill, ``"SGD (218), Momentum (208)"`` (``""`` if none).
    table : dict of str to list
        Column id -> values, one per optimizer (:attr:`names` order):
        ``settings`` (``"η = 0.95, μ = 0.9"``), ``loss``, then with a minimum
        ``distance`` and ``reached`` (NaN: not reached by t), and ``status``
        (``"completed"``, ``"diverged"``, ``"escaped"``).
    stopped_at : tuple of (int or None)
        Each run's stop step (for the status text).
    results : dict
        The numbers the section shows, for the share box: ``step`` and ``runs``.
    """

    step: int
    steps: int
    has_minimum: bool
    measure: str
    tol: float | None
    tol_label: str
    formula: str
    snapshot: Snapshot
    diverged: tuple[tuple[str, int], ...]
    escaped: str
    table: dict[str, list]
    stopped_at: tuple[int | None, ...]
    results: dict

    @property
    def names(self) -> tuple[str, ...]:
        return self.snapshot.names


def race_view(race: Race, progress: float, *, measure: str = "loss", tol: float | None = 1e-3) -> RaceView:
    """The race section at ``progress`` % of the run: charts' arrays, table, warnings, shared numbers.

    Parameters
    ----------
    race : Race
    progress : float
        Percentage of the steps revealed, 0 to 100 (t = :func:`reveal_step`).
    measure : {"loss", "distance"}
        Error drawn and tested (ignored without a minimum).
    tol : float or None
        Tolerance > 0 of the ``reached`` column (ignored without a minimum).

    Returns
    -------
    RaceView
    """
    if not isinstance(race, Race):
        raise ValueError(f"race must be a Race, got {type(race).__name__}")
    has_minimum = race.has_minimum
    t = reveal_step(progress, race.steps)
    tol = check_real(tol, "tol", lo=0.0, lo_open=True) if has_minimum else None
    snap = snapshot(race, t, measure=measure if has_minimum else "loss", tol=tol or 1.0)
    rows = snap.rows
    table: dict[str, list] = {
        "settings": [", ".join(f"{WIDGETS[row.name][hp].symbol} = {value:g}"
                               for hp, value in row.hyperparameters.items()) for row in rows],
        "loss": [row.loss for row in rows],
    }
    if has_minimum:
        table["distance"] = [row.distance for row in rows]
        table["reached"] = [math.nan if row.reached is None else row.reached for row in rows]
    table["status"] = [row.status for row in rows]
    return RaceView(
        step=t,
        steps=race.steps,
        has_minimum=has_minimum,
        measure=snap.measure,
        tol=tol,
        tol_label=power_label(tol) if has_minimum else "",
        formula=r"\begin{gathered} f(x, y) = " + race.surface.formula.replace(r",\ ", r" \\ ") + r"\end{gathered}",
        snapshot=snap,
        diverged=tuple((row.name, row.stopped_at) for row in rows if row.status == "diverged"),
        escaped=", ".join(f"{row.name} ({row.stopped_at})" for row in rows if row.status == "escaped"),
        table=table,
        stopped_at=tuple(row.stopped_at for row in rows),
        results={"step": t, "runs": {row.name: {"loss": row.loss, "distance": row.distance, "reached": row.reached,
                                                "status": row.status, "stopped_at": row.stopped_at,
                                                "hyperparameters": row.hyperparameters} for row in rows}},
    )


# ---------------------------------------------------------------------------
# "What to notice": which settings the notes describe, and how the current ones differ
# ---------------------------------------------------------------------------

NOTICE_STEPS = 1000
"""The run length the notes describe (the page's default)."""


@dataclass(frozen=True, slots=True)
class Notice:
    """How the current settings differ from those a surface's notes describe.

    The notes describe the page's starting settings on the surface: every
    optimizer with its tuned preset, the surface's default start,
    :data:`NOTICE_STEPS` steps and, on the quadratic valley, the registry's
    κ and φ. Settings a note names itself (κ = 100, a maximal η) are stated there.

    Attributes
    ----------
    retuned : tuple of str
        Racing optimizers whose hyperparameters are not their tuned preset (registry order).
    start : bool
        Whether the run starts elsewhere than the surface's default start.
    steps : int or None
        The steps per optimizer, if not :data:`NOTICE_STEPS`.
    valley : (float, float) or None
        The quadratic's (κ, φ in degrees), if not the registry's.
    """

    retuned: tuple[str, ...]
    start: bool
    steps: int | None
    valley: tuple[float, float] | None

    @property
    def changes(self) -> tuple[tuple[str, dict[str, str]], ...]:
        """What differs, as (id, fields for its caption): ``retuned`` (names), ``start``, ``steps``
        (steps, as 1,234), ``valley`` (kappa, angle, as %g); empty when the notes describe this run."""
        changes = [("retuned", {"names": ", ".join(self.retuned)})] if self.retuned else []
        changes += [("start", {})] if self.start else []
        changes += [("steps", {"steps": f"{self.steps:,}"})] if self.steps is not None else []
        if self.valley is not None:
            changes.append(("valley", {"kappa": f"{self.valley[0]:g}", "angle": f"{self.valley[1]:g}"}))
        return tuple(changes)


def notice(
    surface: str,
    optimizers: Mapping[str, Mapping[str, float]],
    *,
    surface_params: Mapping[str, float] | None = None,
    start=None,
    steps: int = NOTICE_STEPS,
) -> Notice:
    """Compare the race's settings with those the surface's notes describe.

    Parameters
    ----------
    surface, optimizers, surface_params, start, steps
        As for :func:`race` (``optimizers``: the racing optimizers' hyperparameters;
        missing ones are the class defaults).

    Returns
    -------
    Notice

    Examples
    --------
    >>> notice("quadratic", {"SGD": {"lr": 0.95}}).changes
    ()
    >>> notice("quadratic", {"SGD": {"lr": 10.0}, "Adam": {"lr": 0.3}}, steps=500)
    Notice(retuned=('SGD',), start=False, steps=500, valley=None)
    >>> notice("quadratic", {}, surface_params={"condition": 100.0, "angle_deg": 0.0}).changes
    (('valley', {'kappa': '100', 'angle': '0'}),)
    """
    surf = make_surface(surface, surface_params)
    if not isinstance(optimizers, Mapping):
        raise ValueError(f"optimizers must be a mapping of optimizer name -> hyperparameters, got {optimizers!r}")
    retuned = []
    for name in (n for n in OPTIMIZERS if n in optimizers):
        defaults = {hp.name: hp.default for hp in OPTIMIZERS[name].HYPERPARAMETERS}
        if {hp: float(optimizers[name].get(hp, value)) for hp, value in defaults.items()} != preset(surf, name):
            retuned.append(name)
    moved = start is not None and tuple(float(c) for c in as_finite_array(start, "start", ndim=1)) != surf.start
    steps = check_int(steps, "steps", lo=0, hi=MAX_STEPS)
    registry = SURFACES[surface]
    valley = None
    if isinstance(surf, Quadratic) and (surf.condition, surf.angle_deg) != (registry.condition, registry.angle_deg):
        valley = (surf.condition, surf.angle_deg)
    return Notice(retuned=tuple(retuned), start=moved, steps=None if steps == NOTICE_STEPS else steps, valley=valley)
