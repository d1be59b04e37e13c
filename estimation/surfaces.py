r"""Two-dimensional test surfaces and optimizer trajectories on them.

``SURFACES`` maps a key to a :class:`Surface`: a function f(x, y) with its
gradient, known minima, a plotting domain, a start point and per-optimizer
hyperparameter presets chosen to show the classic behaviours (SGD zig-zags
across a narrow valley, Momentum overshoots, Adam moves with a nearly
constant step). :class:`Quadratic` takes parameters (condition number and
rotation); build another instance to change them.

:func:`run_optimizer` runs one optimizer from a start point and returns a
:class:`Trajectory`; :func:`run_optimizers` runs several from the same start.
:func:`distance_to_minimum` and :func:`first_step_below` summarise a run.
:func:`make_surface` builds a registry surface with other parameters and
:func:`preset` gives an optimizer's full hyperparameters on a surface.

``value`` and ``grad`` accept Python floats or numpy arrays (broadcast
against each other) and use only arithmetic operators, so they are cheap on
floats (the trajectory loop) and vectorised on grids (contour plots). They do
not validate their input.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import ClassVar

import numpy as np

from estimation._validation import as_finite_array, check_int, check_real, lookup
from estimation.optimizers import OPTIMIZERS, Hyperparameter, Optimizer

__all__ = [
    "Surface",
    "Quadratic",
    "Rosenbrock",
    "Beale",
    "Himmelblau",
    "Saddle",
    "SURFACES",
    "Trajectory",
    "run_optimizer",
    "run_optimizers",
    "distance_to_minimum",
    "first_step_below",
    "make_surface",
    "preset",
    "MAX_ABS",
    "MAX_STEPS",
]

MAX_ABS = 1e6
"""Default blow-up threshold: a run stops when |x| or |y| exceeds it."""

MAX_STEPS = 1_000_000
"""Largest number of steps :func:`run_optimizer` accepts."""


def _frozen(presets: dict[str, dict[str, float]]) -> Mapping[str, Mapping[str, float]]:
    return MappingProxyType({name: MappingProxyType(dict(hp)) for name, hp in presets.items()})


class Surface:
    """A differentiable function of two variables used as an optimization landscape.

    Attributes
    ----------
    key : str
        Registry key (``SURFACES[key]``).
    title : str
        Display name.
    formula : str
        LaTeX formula of f(x, y).
    domain : tuple of (float, float)
        Plotting domain ``((x_min, x_max), (y_min, y_max))``.
    start : tuple of float
        Default start point ``(x0, y0)``.
    minima : tuple of (float, float)
        Known minimisers (empty if f has none).
    min_value : float or None
        f at every listed minimum (None if there is none).
    presets : mapping of str to mapping of str to float
        Hyperparameters (registry name -> keyword arguments) that suit this
        surface from ``start``.
    PARAMETERS : tuple of Hyperparameter
        Constructor parameters of the surface family (empty if fixed).
    """

    key: ClassVar[str]
    title: ClassVar[str]
    formula: ClassVar[str]
    PARAMETERS: ClassVar[tuple[Hyperparameter, ...]] = ()
    domain: tuple[tuple[float, float], tuple[float, float]]
    start: tuple[float, float]
    minima: tuple[tuple[float, float], ...]
    min_value: float | None
    presets: Mapping[str, Mapping[str, float]]

    def value(self, x, y):
        """Return f(x, y) (floats or broadcastable arrays)."""
        raise NotImplementedError

    def grad(self, x, y):
        """Return the gradient ``(∂f/∂x, ∂f/∂y)`` at (x, y)."""
        raise NotImplementedError

    def __repr__(self) -> str:
        args = ", ".join(f"{p.name}={getattr(self, p.name)!r}" for p in self.PARAMETERS)
        return f"{type(self).__name__}({args})"


class Quadratic(Surface):
    r"""Convex quadratic valley with adjustable condition number and rotation.

    Parameters
    ----------
    condition : float, default 20
        Condition number κ ≥ 1 (ratio of the Hessian's eigenvalues).
    angle_deg : float, default 0
        Angle φ in degrees (−90 to 90) between the valley floor and the x axis.

    Notes
    -----
    With u = x cos φ + y sin φ (along the valley) and v = −x sin φ + y cos φ::

        f(x, y) = u²/κ + v²
        ∂f/∂x = 2 (u/κ) cos φ − 2 v sin φ,   ∂f/∂y = 2 (u/κ) sin φ + 2 v cos φ

    The Hessian has eigenvalues 2/κ (along the floor) and 2 (across it), so
    gradient descent is stable for η < 1 whatever κ, and κ only slows the
    progress along the floor. The minimum is f(0, 0) = 0. With the defaults
    this is f = x²/20 + y², the function of the optimizer comparison in
    Saitō's "Deep Learning from Scratch" (and the start (−7, 2) and
    learning rates of the SGD, Momentum, AdaGrad and Adam presets are that
    book's); start and domain rotate with φ.
    """

    key = "quadratic"
    title = "Quadratic valley"
    formula = r"u^2/\kappa + v^2,\ u = x\cos\varphi + y\sin\varphi,\ v = -x\sin\varphi + y\cos\varphi"
    PARAMETERS = (
        Hyperparameter("condition", "κ", 20.0, 1.0, 1e4, widget_range=(1.0, 1000.0), log_scale=True),
        Hyperparameter("angle_deg", "φ", 0.0, -90.0, 90.0, widget_range=(-90.0, 90.0)),
    )
    minima = ((0.0, 0.0),)
    min_value = 0.0
    presets = _frozen({
        "SGD": {"lr": 0.95},
        "Momentum": {"lr": 0.1, "momentum": 0.9},
        "Nesterov": {"lr": 0.1, "momentum": 0.9},
        "AdaGrad": {"lr": 1.5},
        "RMSprop": {"lr": 0.03},
        "AdaDelta": {"lr": 1.0, "eps": 1e-4},
        "Adam": {"lr": 0.3},
    })

    def __init__(self, condition: float = 20.0, angle_deg: float = 0.0) -> None:
        spec_condition, spec_angle = self.PARAMETERS
        self.condition = spec_condition.check(condition)
        self.angle_deg = spec_angle.check(angle_deg)
        phi = math.radians(self.angle_deg)
        self._c, self._s = math.cos(phi), math.sin(phi)
        c, s = abs(self._c), abs(self._s)
        half_x, half_y = 10.0 * c + 5.0 * s, 10.0 * s + 5.0 * c  # box around the rotated 20 × 10 frame
        self.domain = ((-half_x, half_x), (-half_y, half_y))
        self.start = (-7.0 * self._c - 2.0 * self._s, -7.0 * self._s + 2.0 * self._c)

    def value(self, x, y):
        u = self._c * x + self._s * y
        v = self._c * y - self._s * x
        return u * u / self.condition + v * v

    def grad(self, x, y):
        u = self._c * x + self._s * y
        v = self._c * y - self._s * x
        du = 2.0 * u / self.condition
        return du * self._c - 2.0 * v * self._s, du * self._s + 2.0 * v * self._c


class Rosenbrock(Surface):
    r"""Rosenbrock's banana function: a curved, nearly flat valley.

    Notes
    -----
    ::

        f(x, y) = (1 − x)² + 100 (y − x²)²
        ∂f/∂x = −2 (1 − x) − 400 x (y − x²),   ∂f/∂y = 200 (y − x²)

    The minimum f(1, 1) = 0 lies at the end of a parabolic valley y = x²
    whose walls are about 100 times steeper than its floor.
    """

    key = "rosenbrock"
    title = "Rosenbrock"
    formula = r"(1 - x)^2 + 100\,(y - x^2)^2"
    domain = ((-2.0, 2.0), (-1.0, 3.0))
    start = (-1.5, 2.0)
    minima = ((1.0, 1.0),)
    min_value = 0.0
    presets = _frozen({
        "SGD": {"lr": 1e-3},
        "Momentum": {"lr": 1e-3, "momentum": 0.9},
        "Nesterov": {"lr": 1e-3, "momentum": 0.9},
        "AdaGrad": {"lr": 1.5},
        "RMSprop": {"lr": 5e-3},
        "AdaDelta": {"lr": 1.0},
        "Adam": {"lr": 0.1},
    })

    def value(self, x, y):
        a, b = 1.0 - x, y - x * x
        return a * a + 100.0 * b * b

    def grad(self, x, y):
        b = y - x * x
        return -2.0 * (1.0 - x) - 400.0 * x * b, 200.0 * b


class Beale(Surface):
    r"""Beale's function: flat plateaus and sharp ridges.

    Notes
    -----
    With a = 1.5 − x + xy, b = 2.25 − x + xy², c = 2.625 − x + xy³::

        f(x, y) = a² + b² + c²
        ∂f/∂x = 2a (y − 1) + 2b (y² − 1) + 2c (y³ − 1)
        ∂f/∂y = 2a x + 4b xy + 6c xy²

    The minimum is f(3, 0.5) = 0.
    """

    key = "beale"
    title = "Beale"
    formula = r"(1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2"
    domain = ((-4.5, 4.5), (-4.5, 4.5))
    start = (1.0, 1.5)
    minima = ((3.0, 0.5),)
    min_value = 0.0
    presets = _frozen({
        "SGD": {"lr": 0.01},
        "Momentum": {"lr": 2e-3, "momentum": 0.9},
        "Nesterov": {"lr": 2e-3, "momentum": 0.9},
        "AdaGrad": {"lr": 1.0},
        "RMSprop": {"lr": 0.01},
        "AdaDelta": {"lr": 1.0},
        "Adam": {"lr": 0.1},
    })

    def value(self, x, y):
        y2 = y * y
        a = 1.5 - x + x * y
        b = 2.25 - x + x * y2
        c = 2.625 - x + x * y2 * y
        return a * a + b * b + c * c

    def grad(self, x, y):
        y2 = y * y
        y3 = y2 * y
        a = 1.5 - x + x * y
        b = 2.25 - x + x * y2
        c = 2.625 - x + x * y3
        dx = 2.0 * (a * (y - 1.0) + b * (y2 - 1.0) + c * (y3 - 1.0))
        dy = 2.0 * x * (a + 2.0 * b * y + 3.0 * c * y2)
        return dx, dy


class Himmelblau(Surface):
    r"""Himmelblau's function: four minima of equal height.

    Notes
    -----
    With a = x² + y − 11 and b = x + y² − 7::

        f(x, y) = a² + b²
        ∂f/∂x = 4xa + 2b,   ∂f/∂y = 2a + 4yb

    f = 0 exactly where a = b = 0: at (3, 2) and three irrational points
    (listed to double precision). Which one an optimizer reaches depends on
    its path: from the start (0.5, −1) the gradient-following methods (SGD,
    Momentum, Nesterov) slide to (3.584, −1.848), while the per-coordinate
    methods (AdaGrad, RMSprop, AdaDelta, Adam), which move along the signs of
    the gradient, reach (3, 2).
    """

    key = "himmelblau"
    title = "Himmelblau"
    formula = r"(x^2 + y - 11)^2 + (x + y^2 - 7)^2"
    domain = ((-5.0, 5.0), (-5.0, 5.0))
    start = (0.5, -1.0)
    minima = (
        (3.0, 2.0),
        (-2.805118086952745, 3.131312518250573),
        (-3.779310253377747, -3.2831859912861696),
        (3.5844283403304917, -1.8481265269644036),
    )
    min_value = 0.0
    presets = _frozen({
        "SGD": {"lr": 0.01},
        "Momentum": {"lr": 2e-3, "momentum": 0.9},
        "Nesterov": {"lr": 2e-3, "momentum": 0.9},
        "AdaGrad": {"lr": 0.5},
        "RMSprop": {"lr": 0.01},
        "AdaDelta": {"lr": 1.0},
        "Adam": {"lr": 0.1},
    })

    def value(self, x, y):
        a = x * x + y - 11.0
        b = x + y * y - 7.0
        return a * a + b * b

    def grad(self, x, y):
        a = x * x + y - 11.0
        b = x + y * y - 7.0
        return 4.0 * x * a + 2.0 * b, 2.0 * a + 4.0 * y * b


class Saddle(Surface):
    r"""The saddle f = x² − y²: a stationary point that is not a minimum.

    Notes
    -----
    ::

        f(x, y) = x² − y²,   ∇f = (2x, −2y)

    The origin is a saddle point and f is unbounded below, so there is no
    minimum: ``minima`` is empty, ``min_value`` is None and
    :func:`distance_to_minimum` returns None; judge progress by the loss
    instead. Started just off the x axis, every optimizer first approaches
    the saddle and then escapes along y, at a speed that shows how it treats
    small gradients; the run ends when |y| passes the blow-up threshold.
    """

    key = "saddle"
    title = "Saddle"
    formula = r"x^2 - y^2"
    domain = ((-2.0, 2.0), (-2.0, 2.0))
    start = (-1.8, 1e-3)
    minima = ()
    min_value = None
    presets = _frozen({
        "SGD": {"lr": 0.05},
        "Momentum": {"lr": 0.01, "momentum": 0.9},
        "Nesterov": {"lr": 0.01, "momentum": 0.9},
        "AdaGrad": {"lr": 0.1},
        "RMSprop": {"lr": 0.01},
        "AdaDelta": {"lr": 1.0},
        "Adam": {"lr": 0.02},
    })

    def value(self, x, y):
        return x * x - y * y

    def grad(self, x, y):
        return 2.0 * x, -2.0 * y


SURFACES: dict[str, Surface] = {
    s.key: s for s in (Quadratic(), Rosenbrock(), Beale(), Himmelblau(), Saddle())
}
"""Registry of the surfaces (default instances): key -> surface."""


@dataclass(frozen=True, slots=True, eq=False)
class Trajectory:
    """The path of one optimizer run (read-only arrays, finite values only).

    Attributes
    ----------
    points : ndarray of shape (n + 1, 2)
        θ_0 (the start), θ_1, …, θ_n.
    losses : ndarray of shape (n + 1,)
        f(θ_t).
    grad_norms : ndarray of shape (n + 1,)
        ‖∇f(θ_t)‖₂ (the gradient used for step t + 1).
    diverged_at : int or None
        The step t whose point θ_t left the finite range (see
        :func:`run_optimizer`); then n = diverged_at − 1 and θ_t is not
        included. None if the run completed.
    """

    points: np.ndarray
    losses: np.ndarray
    grad_norms: np.ndarray
    diverged_at: int | None

    @property
    def steps(self) -> int:
        """Number of steps taken, n = len(points) − 1."""
        return len(self.points) - 1


def run_optimizer(
    optimizer: Optimizer,
    surface: Surface,
    start=None,
    steps: int = 1000,
    *,
    max_abs: float = MAX_ABS,
) -> Trajectory:
    """Run ``optimizer`` on ``surface`` for ``steps`` steps.

    Parameters
    ----------
    optimizer : Optimizer
        Supplies the update rule and hyperparameters. Its own ``state`` is
        neither used nor changed: the run starts from a fresh state.
    surface : Surface
    start : array_like of shape (2,), optional
        θ_0; defaults to ``surface.start``.
    steps : int, default 1000
        Number of updates (0 to ``MAX_STEPS``).
    max_abs : float, default ``MAX_ABS`` (1e6)
        Blow-up threshold, 0 < max_abs ≤ 1e12.

    Returns
    -------
    Trajectory

    Notes
    -----
    Step t (t = 1, …, steps) applies the optimizer to θ_{t−1} with the
    gradient g_t = ∇f(θ_{t−1}), each coordinate through
    :meth:`Optimizer.apply` on Python floats (the same code as
    :meth:`Optimizer.update`, about ten times faster for two coordinates).
    The run *diverges* at step t, and stops there, when θ_t has a
    coordinate that is not finite or whose absolute value exceeds
    ``max_abs``, or when f(θ_t) or ∇f(θ_t) is not finite. Below the
    threshold (≤ 1e12) every surface here evaluates to finite values, so the
    returned arrays never contain NaN or infinity.

    Raises
    ------
    ValueError
        If an argument is invalid or ``start`` lies beyond ``max_abs``.

    Examples
    --------
    >>> from estimation.optimizers import Adam, SGD
    >>> traj = run_optimizer(Adam(lr=0.1), SURFACES["himmelblau"], steps=500)
    >>> traj.points.shape, traj.diverged_at
    ((501, 2), None)
    >>> traj.points[-1].round(6)
    array([3., 2.])
    >>> run_optimizer(SGD(lr=10.0), SURFACES["rosenbrock"]).diverged_at
    2
    """
    if not isinstance(optimizer, Optimizer):
        raise ValueError(f"optimizer must be an Optimizer instance, got {type(optimizer).__name__}")
    if not isinstance(surface, Surface):
        raise ValueError(f"surface must be a Surface instance, got {type(surface).__name__}")
    steps = check_int(steps, "steps", lo=0, hi=MAX_STEPS)
    max_abs = check_real(max_abs, "max_abs", lo=0.0, hi=1e12, lo_open=True)
    start = surface.start if start is None else start
    start_arr = as_finite_array(start, "start", ndim=1)
    if start_arr.shape != (2,):
        raise ValueError(f"start must have 2 coordinates, got {start_arr.size}")
    if np.max(np.abs(start_arr)) > max_abs:
        raise ValueError(f"start must lie within max_abs={max_abs}, got {start_arr.tolist()}")

    x, y = (float(c) for c in start_arr)
    apply, value, grad = optimizer.apply, surface.value, surface.grad
    state_x, state_y = optimizer.init_state(0.0), optimizer.init_state(0.0)
    isfinite, hypot = math.isfinite, math.hypot
    xs, ys, losses, norms = [], [], [], []
    diverged_at = None
    for t in range(steps + 1):
        if not (abs(x) <= max_abs and abs(y) <= max_abs):  # also False for NaN
            diverged_at = t
            break
        f = value(x, y)
        gx, gy = grad(x, y)
        norm = hypot(gx, gy)
        if not (isfinite(f) and isfinite(norm)):
            diverged_at = t
            break
        xs.append(x)
        ys.append(y)
        losses.append(f)
        norms.append(norm)
        if t < steps:
            x = apply(x, gx, state_x)
            y = apply(y, gy, state_y)

    points = np.column_stack((np.array(xs, dtype=float), np.array(ys, dtype=float)))
    arrays = (points, np.array(losses, dtype=float), np.array(norms, dtype=float))
    for arr in arrays:
        arr.setflags(write=False)
    return Trajectory(*arrays, diverged_at=diverged_at)


def run_optimizers(
    surface: Surface,
    optimizers: Mapping[str, Optimizer | Mapping[str, float]],
    start=None,
    steps: int = 1000,
    *,
    max_abs: float = MAX_ABS,
) -> dict[str, Trajectory]:
    """Run several optimizers on ``surface`` from the same start.

    Parameters
    ----------
    surface : Surface
    optimizers : mapping of str to Optimizer or to mapping
        Label -> an optimizer instance, or registry name (a key of
        ``OPTIMIZERS``) -> its keyword arguments (``{}`` for the defaults),
        e.g. ``{"SGD": {"lr": 0.95}, "Adam": surface.presets["Adam"]}``.
    start, steps, max_abs
        As in :func:`run_optimizer`.

    Returns
    -------
    dict of str to Trajectory
        One trajectory per label, in the given order.

    Notes
    -----
    Each run is :func:`run_optimizer` from the same θ₀ (the surface's start
    unless ``start`` is given), so the trajectories differ only by their
    update rules.

    Examples
    --------
    >>> runs = run_optimizers(SURFACES["quadratic"], {"SGD": {"lr": 0.05}, "Adam": {}}, steps=200)
    >>> sorted(runs), runs["SGD"].steps
    (['Adam', 'SGD'], 200)
    >>> bool(runs["SGD"].losses[-1] < runs["SGD"].losses[0])
    True
    """
    if not isinstance(optimizers, Mapping):
        raise ValueError(f"optimizers must be a mapping of label -> optimizer, got {type(optimizers).__name__}")
    built = {}
    for label, spec in optimizers.items():
        if isinstance(spec, Optimizer):
            built[label] = spec
        elif label not in OPTIMIZERS:
            raise ValueError(f"optimizers: unknown optimizer name {label!r}; choose from {list(OPTIMIZERS)}")
        elif not isinstance(spec, Mapping):
            raise ValueError(f"optimizers[{label!r}] must be an Optimizer or a mapping of hyperparameters")
        else:
            try:
                built[label] = OPTIMIZERS[label](**spec)
            except TypeError as exc:
                raise ValueError(f"optimizers[{label!r}]: {exc}") from None
    return {
        label: run_optimizer(opt, surface, start, steps, max_abs=max_abs) for label, opt in built.items()
    }


def distance_to_minimum(surface: Surface, points) -> np.ndarray | None:
    """Euclidean distance from each point to the nearest known minimum.

    Parameters
    ----------
    surface : Surface
    points : array_like of shape (n, 2)
        E.g. ``Trajectory.points``.

    Returns
    -------
    ndarray of shape (n,) or None
        min_k ‖θ_t − θ*_k‖₂ over the listed minima θ*_k; None if the
        surface has no minimum (the saddle), where the loss is the measure
        of progress.

    Notes
    -----
    d_t = min_k ‖θ_t − θ*_k‖₂ over the surface's listed minima θ*_k
    (``surface.minima``); no minimum (the saddle): None.

    Examples
    --------
    >>> distance_to_minimum(SURFACES["rosenbrock"], [[1.0, 1.0], [0.0, 1.0]])  # θ* = (1, 1)
    array([0., 1.])
    >>> distance_to_minimum(SURFACES["saddle"], [[0.0, 1.0]]) is None
    True
    """
    if not isinstance(surface, Surface):
        raise ValueError(f"surface must be a Surface instance, got {type(surface).__name__}")
    pts = as_finite_array(points, "points", ndim=2, min_size=0)
    if pts.shape[1] != 2:
        raise ValueError(f"points must have shape (n, 2), got {pts.shape}")
    if not surface.minima:
        return None
    minima = np.asarray(surface.minima, dtype=float)
    diff = pts[:, None, :] - minima[None, :, :]
    return np.hypot(diff[..., 0], diff[..., 1]).min(axis=1)


def first_step_below(values, tol: float) -> int | None:
    """Index of the first value ≤ ``tol``, or None if there is none.

    Parameters
    ----------
    values : array_like of shape (n,)
        A per-step error, e.g. :func:`distance_to_minimum` or
        ``trajectory.losses - surface.min_value``.
    tol : float
        Tolerance ≥ 0.

    Returns
    -------
    int or None
        min{t : values[t] ≤ tol}.

    Notes
    -----
    t* = min{t : values[t] ≤ tol}; None when the set is empty.

    Examples
    --------
    >>> first_step_below([3.0, 0.5, 0.05, 0.01], 0.1)
    2
    >>> first_step_below([3.0, 0.5], 0.1) is None
    True
    """
    vals = as_finite_array(values, "values", ndim=1, min_size=0)
    tol = check_real(tol, "tol", lo=0.0)
    hits = np.flatnonzero(vals <= tol)
    return int(hits[0]) if hits.size else None


def make_surface(key: str, params: Mapping[str, float] | None = None) -> Surface:
    """The surface ``SURFACES[key]``, rebuilt with ``params`` if it has parameters.

    Parameters
    ----------
    key : str
        A key of ``SURFACES``.
    params : mapping, optional
        Constructor arguments (only the quadratic takes any: ``condition``,
        ``angle_deg``); empty or None for the registry instance.

    Examples
    --------
    >>> make_surface("quadratic", {"condition": 10.0, "angle_deg": 0.0})
    Quadratic(condition=10.0, angle_deg=0.0)
    >>> make_surface("rosenbrock") is SURFACES["rosenbrock"]
    True
    """
    lookup(SURFACES, key, "surface")
    params = dict(params or {})
    if not params:
        return SURFACES[key]
    surface_cls = type(SURFACES[key])
    names = {p.name for p in surface_cls.PARAMETERS}
    unknown = sorted(set(params) - names)
    if unknown:
        raise ValueError(f"surface_params: {key} takes {sorted(names) or 'no parameters'}, got {unknown}")
    return surface_cls(**params)


def preset(surface: Surface, name: str) -> dict[str, float]:
    """All hyperparameters of optimizer ``name`` on ``surface``: class defaults updated by the preset.

    Examples
    --------
    >>> preset(SURFACES["rosenbrock"], "SGD")
    {'lr': 0.001}
    """
    values = {hp.name: hp.default for hp in lookup(OPTIMIZERS, name, "optimizer").HYPERPARAMETERS}
    values.update(surface.presets.get(name, {}))
    return values
