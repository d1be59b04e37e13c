"""The Cross-entropy page's view layer: widget values in, everything a section draws out.

One frozen result and one function per page section; the page caches each
function (``cached(views.<section>)``) and hands the result to the builders in
:mod:`estimation.charts.cross_entropy`. The mathematics lives in
:mod:`estimation.losses` (BCE, the identity) and :mod:`estimation.logistic`
(the fit); here are the logit grid of the identity's curves, the data choice,
the landscape window, the data view's grid, the thinning and the numbers that
captions and tables show.

Sections
--------
:func:`identity_section`   −log L / N = mean BCE on a coin-flip sample, with the loss curves
:func:`synthetic_data`, :func:`bundled_data`, :func:`uploaded_data`   the page-level data choice (:class:`Data`)
:func:`training_section`   several optimizers on the data (:func:`compare_optimizers`), the table
:func:`landscape_section`  the fitted model over the data and the loss landscape with the paths
:func:`separable_section`  whether the MLE exists; ‖w‖ with and without λ when it does not
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Callable

import functools
import math

import numpy as np
import pandas as pd
from scipy import special

from estimation import datasets
from estimation._validation import InputError, check_int, check_real, check_seed
from estimation.contours import contour_lines
from estimation.logistic import (
    MAX_EPOCHS,
    FitResult,
    ReferenceFit,
    _check_xy,
    fit_logistic,
    fit_reference,
    loss_landscape,
)
from estimation.losses import BernoulliIdentity, bernoulli_identity, log_sigmoid
from estimation.optimizers import OPTIMIZERS
from estimation.separation import mle_exists
from estimation.thinning import even_indices

__all__ = [
    "IDENTITY_LATEX",
    "TRAIN_LATEX",
    "SEPARABLE_LATEX",
    "IdentitySection",
    "identity_section",
    "Data",
    "synthetic_data",
    "bundled_data",
    "upload_columns",
    "upload_classes",
    "uploaded_data",
    "LEARNING_RATES",
    "RATES",
    "Landscape",
    "DecisionView",
    "Comparison",
    "compare_optimizers",
    "TrainingSection",
    "training_section",
    "LandscapeSection",
    "landscape_section",
    "SeparableSection",
    "separable_section",
]

#: The sections' formulas (language-neutral; the words are in the captions beside them).
IDENTITY_LATEX = r"""\begin{aligned}
L(q) &= \prod_{i=1}^{N} q^{x_i}(1-q)^{1-x_i} \\
-\log L(q) &= -\sum_{i=1}^{N}\bigl[x_i\log q+(1-x_i)\log(1-q)\bigr] \\
&= \sum_{i=1}^{N}\mathrm{BCE}(x_i,q) \\
\frac{-\log L(q)}{N} &= \frac{1}{N}\sum_{i=1}^{N}\mathrm{BCE}(x_i,q) \\
\frac{d}{dq}\,\frac{-\log L(q)}{N} = 0 &\;\Longleftrightarrow\; \hat q=\frac{k}{N} \\
\mathrm{BCE}(1,q) &= -\log\sigma(z)=\log(1+e^{-z}) \\
\mathrm{BCE}(0,q) &= -\log\bigl(1-\sigma(z)\bigr)=\log(1+e^{z}),\qquad q=\sigma(z)
\end{aligned}"""  # one step a line: a phone shows it whole
TRAIN_LATEX = r"""\begin{aligned}
P(y=1\mid x) &= \sigma(z),\qquad z=w^{\top}x+b \\
J_0(w,b) &= \frac{1}{N}\sum_{i=1}^{N}\bigl[\log(1+e^{z_i})-y_i z_i\bigr]=\text{mean BCE},\qquad
J_\lambda(w,b) = J_0(w,b)+\frac{\lambda}{2}\lVert w\rVert^{2} \\
\nabla_{w}J_\lambda &= \frac{1}{N}X^{\top}\bigl(\sigma(z)-y\bigr)+\lambda w \\
\frac{\partial J_\lambda}{\partial b} &= \frac{1}{N}\sum_{i=1}^{N}\bigl(\sigma(z_i)-y_i\bigr)
\end{aligned}"""
SEPARABLE_LATEX = r"""\begin{aligned}
&m_i=(2y_i-1)(w^{\top}x_i+b):\quad (w,b)\neq 0,\ \ m_i\ge 0\ \ \forall i,\ \ \exists\,j:\ m_j>0 \\
&\;\Longrightarrow\; J_0(c\,w,\,c\,b)\searrow\ \ (c\to\infty),\qquad
\nexists\,(\hat w,\hat b):\ J_0(\hat w,\hat b)=\inf J_0 \\
&\lim_{c\to\infty}J_0(c\,w,\,c\,b)=\frac{\#\{i:\ m_i=0\}}{N}\,\ln 2\ \ \ge\ \inf J_0 \\
&m_i>0\ \ \forall i \;\Longrightarrow\; \inf J_0=\lim_{c\to\infty}J_0(c\,w,\,c\,b)=0 \\
&\lambda>0,\ \ 0<\textstyle\sum_i y_i<N:\quad J_\lambda(w,b)\xrightarrow[\lVert(w,b)\rVert\to\infty]{}\infty
\;\Longrightarrow\; \exists\,\arg\min J_\lambda
\end{aligned}"""

#: A translator ``t(key, **fields) -> str`` (the page's ``ui.t``), for tables with translated headers.
Translate = Callable[..., str]


# ---------------------------------------------------------------------------
# 1. The identity on a coin-flip sample
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IdentitySection:
    """What the identity section draws (see :func:`identity_section`).

    Attributes
    ----------
    identity : BernoulliIdentity
        The sample's numbers (:func:`estimation.losses.bernoulli_identity`).
    z : ndarray
        Logit grid for the curves.
    loss_pos : ndarray
        Per-sample loss of a one, ``−log σ(z)``.
    loss_neg : ndarray
        Per-sample loss of a zero, ``−log(1 − σ(z)) = −log σ(−z)``.
    loss_mean : ndarray
        The sample's mean BCE at the constant logit z,
        ``(k/N)·loss_pos + (1 − k/N)·loss_neg``; minimal at ``z = logit(q̂)``.
    """

    identity: BernoulliIdentity
    z: np.ndarray
    loss_pos: np.ndarray
    loss_neg: np.ndarray
    loss_mean: np.ndarray

    def rows(self) -> dict[str, str]:
        """The identity table: row key (``cross_entropy.row.<key>``) → the value shown."""
        i = self.identity
        return {"ones": f"{i.k:,} / {i.n:,}", "nll_sum": f"{i.nll_sum:.6f}", "q_hat": f"{i.q_hat:.6f}",
                "nll_min": f"{i.nll_mean_at_mle:.6f}"}

    def table(self, t: Translate) -> pd.DataFrame:
        """The identity table with the page's row and column labels."""
        rows = self.rows()
        return pd.DataFrame({t("cross_entropy.value"): list(rows.values())},
                            index=[t(f"cross_entropy.row.{key}") for key in rows])

    def record(self) -> dict:
        """The numbers for the share box."""
        i = self.identity
        return {"n": i.n, "k": i.k, "nll_sum": i.nll_sum, "nll_mean": i.nll_mean, "bce_mean": i.bce_mean,
                "q_hat": i.q_hat, "nll_mean_at_mle": i.nll_mean_at_mle}


def identity_section(
    p: float, q: float, n: int, seed: int, *, z_max: float = 6.0, grid_points: int = 121
) -> IdentitySection:
    """The identity's numbers and the per-sample loss curves over a logit grid.

    Parameters
    ----------
    p, q, n, seed
        As in :func:`estimation.losses.bernoulli_identity`.
    z_max : float, default 6
        The curves cover ``[−z_max, z_max]``, widened to include ``logit(q)``.
    grid_points : int, default 121
        Points of the logit grid (2 … 10,000).

    Returns
    -------
    IdentitySection

    Notes
    -----
    With ``q = σ(z)`` the per-sample losses are ``−log σ(z)`` for a one and
    ``−log σ(−z)`` for a zero; the sample's mean BCE at a constant logit is
    their mixture with weights k/N and 1 − k/N, whose minimiser is
    ``σ(z) = k/N``: the MLE.
    """
    z_max = check_real(z_max, "z_max", lo=0.0, lo_open=True, hi=700.0)
    grid_points = check_int(grid_points, "grid_points", lo=2, hi=10_000)
    ident = bernoulli_identity(p, q, n, seed)
    z = np.linspace(-1.0, 1.0, grid_points) * max(z_max, math.ceil(abs(ident.z_q)) + 1.0)
    loss_pos = -log_sigmoid(z)
    loss_neg = -log_sigmoid(-z)
    return IdentitySection(identity=ident, z=z, loss_pos=loss_pos, loss_neg=loss_neg,
                           loss_mean=ident.q_hat * loss_pos + (1.0 - ident.q_hat) * loss_neg)


# ---------------------------------------------------------------------------
# 2. The data (page level: it feeds training, landscape and separation)
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Data:
    """The data the training sections use, whatever their source.

    Attributes
    ----------
    source : str
        The page's data choice: ``"synthetic"``, ``"iris"``, ``"breast_cancer"``
        or ``"upload"`` (also for the synthetic data standing in for a missing upload).
    X : ndarray of shape (n_samples, d), d = 1 or 2
        Features.
    y : ndarray of shape (n_samples,)
        Labels 0/1.
    features : tuple of str
        The feature columns' names; empty for synthetic data (the page names
        them x₁, x₂ in its language).
    classes : tuple of (str or None, str) or None
        (negative, positive) class names; the negative is None when it is
        "the rest"; None for synthetic data (the page's words).
    n, ones : int
        Samples and ones (:func:`estimation.datasets.label_counts`).
    separation : float or None
        The distance between the class means of synthetic data.
    """

    source: str
    X: np.ndarray
    y: np.ndarray
    features: tuple
    classes: tuple | None
    n: int
    ones: int
    separation: float | None = None

    @property
    def d(self) -> int:
        """Number of features."""
        return self.X.shape[1]

    def labels(self, t: Translate) -> tuple[list, tuple]:
        """The axis titles and the (negative, positive) class names in the page's language."""
        if self.classes is None:
            return ([t("cross_entropy.x1"), t("cross_entropy.x2")][:self.d],
                    (t("cross_entropy.class0"), t("cross_entropy.class1")))
        negative, positive = self.classes
        return list(self.features), (negative or t("cross_entropy.rest"), positive)


def _data(source: str, X, y, features=(), classes=None, separation=None) -> Data:
    n, ones = datasets.label_counts(y)
    return Data(source=source, X=X, y=y, features=tuple(features), classes=classes, n=n, ones=ones,
                separation=separation)


def synthetic_data(n: int = 400, separation: float = 2.0, dim: int = 2, *, seed: int,
                   source: str = "synthetic") -> Data:
    """Two Gaussian classes (:func:`estimation.datasets.make_gaussian_classes`); ``source`` names the choice
    they stand for (``"upload"`` while no usable file is given)."""
    X, y = datasets.make_gaussian_classes(n, n_features=dim, separation=separation, seed=seed)
    return _data(source, X, y, separation=float(separation))


def _picked(source: str, data: datasets.BinaryData) -> Data:
    negative = str(data.negative[0]) if len(data.negative) == 1 else None
    return _data(source, data.X, data.y, data.feature_names, (negative, str(data.positive)))


def bundled_data(name: str, features, *, positive, negative=None) -> Data:
    """A bundled table's chosen columns (:func:`estimation.datasets.select_xy`); ``negative`` None or
    ``"rest"``: every other class."""
    spec = datasets.DATASETS[name]
    negative = None if negative == "rest" else negative
    return _picked(name, datasets.select_xy(datasets.load_dataset(name), spec.label, list(features),
                                            positive=positive, negative=negative))


def _parsed(raw) -> pd.DataFrame:
    """The upload's table, parsed once for the label's classes and every column choice (read, never modified;
    the process keeps the last two uploads' tables)."""
    if isinstance(raw, (bytearray, memoryview)):
        raw = bytes(raw)
    return _parsed_bytes(raw) if isinstance(raw, bytes) else datasets.parse_csv(raw)  # the latter: its ValueError


@functools.lru_cache(maxsize=2)
def _parsed_bytes(raw: bytes) -> pd.DataFrame:
    return datasets.parse_csv(raw)


#: An upload's columns (:func:`estimation.datasets.upload_columns`: parsed, text columns named, a first guess).
upload_columns = datasets.upload_columns


def upload_classes(raw: bytes, label: str) -> list:
    """The classes of an uploaded CSV's label column, to pick the positive from; a column that cannot be a
    class label (an ID, more than :data:`estimation.datasets.MAX_CLASSES` values) raises ``InputError``
    (:func:`estimation.datasets.check_label`)."""
    return datasets.check_label(_parsed(raw), label)


def uploaded_data(raw: bytes, label: str, features, *, positive=None) -> Data:
    """An uploaded CSV's chosen columns (:func:`estimation.datasets.parse_csv`, then ``select_xy``)."""
    return _picked("upload", datasets.select_xy(_parsed(raw), label, list(features), positive=positive))


# ---------------------------------------------------------------------------
# Several optimizers on the same data: the runs, the landscape window, the data view
# ---------------------------------------------------------------------------

#: Most optimizer updates :func:`compare_optimizers` performs in one call (all runs together).
MAX_UPDATES = 60_000
#: Most sample rows :func:`compare_optimizers` streams through its runs (epochs × runs × N).
MAX_SAMPLE_PASSES = 20_000_000


@dataclass(frozen=True, slots=True)
class Landscape:
    """The objective over a 2-D slice of parameter space, with the training paths.

    All coordinates are the optimizer's (standardised features), as in
    :func:`loss_landscape` and ``FitResult.w_path``.

    Attributes
    ----------
    axis0, axis1 : ndarray
        Grid values: ``w`` and ``b`` for one feature, ``w₁`` and ``w₂`` for two.
    surface : ndarray of shape (len(axis1), len(axis0))
        The objective ``J`` on the grid (:func:`loss_landscape`).
    contours : dict of str to ndarray
        :func:`estimation.contours.contour_lines` of ``surface``.
    fixed_b : float or None
        The intercept of the slice for two features (the optimum's, or the
        first run's final value when there is no optimum); None for one.
    paths : dict of str to ndarray of shape (m, 2)
        Each run's trajectory in (axis0, axis1), thinned by :func:`even_indices`
        (first and last epoch kept). For two features it is the projection
        of a path whose intercept also moves, drawn on the slice at ``fixed_b``.
    optimum : ndarray of shape (2,) or None
        The minimiser in these coordinates; None when none exists (the MLE
        does not exist and λ = 0).
    """

    axis0: np.ndarray
    axis1: np.ndarray
    surface: np.ndarray
    contours: dict
    fixed_b: float | None
    paths: dict
    optimum: np.ndarray | None


@dataclass(frozen=True, slots=True)
class DecisionView:
    """The data and a model's ``P(y = 1 | x)`` on the original feature scale.

    Attributes
    ----------
    X : ndarray of shape (m, d)
        At most ``max_points`` samples, chosen by :func:`even_indices`.
    y : ndarray of shape (m,)
        Their labels.
    n_total : int
        Number of samples before thinning.
    axis0 : ndarray
        Grid over the first feature (the data range padded by 5 %).
    axis1 : ndarray or None
        Grid over the second feature; None for one feature.
    prob, prob_reference : ndarray
        ``σ(coef·x + intercept)`` of the trained model and of the reference
        optimum on the grid: shape (len(axis0),) for one feature,
        (len(axis1), len(axis0)) for two.
    boundary, reference_boundary : dict of str to ndarray
        The decision boundary ``z = 0`` as lines with keys ``line``,
        ``order``, ``x``, ``y``. One feature: the vertical segment
        ``x = −intercept / coef`` from y = 0 to y = 1 (empty when coef = 0 or
        it falls outside the grid). Two features: the contour z = 0 of the
        plane on the grid (exact: linear interpolation of a plane).
    """

    X: np.ndarray
    y: np.ndarray
    n_total: int
    axis0: np.ndarray
    axis1: np.ndarray | None
    prob: np.ndarray
    prob_reference: np.ndarray
    boundary: dict
    reference_boundary: dict


@dataclass(frozen=True, slots=True)
class Comparison:
    """Several optimizers trained on the same data (see :func:`compare_optimizers`).

    Attributes
    ----------
    names : tuple of str
        The optimizers, in the order given.
    fits : dict of str to FitResult
        Each optimizer's run.
    reference : ReferenceFit
        The L-BFGS-B optimum of the same objective.
    reference_accuracy : float
        Fraction of samples the reference model classifies correctly (z >= 0 ↔ y = 1).
    mle_exists : bool
        Whether the unpenalised MLE exists (:func:`mle_exists`).
    l2 : float
        Ridge strength λ of the runs.
    n_samples : int
        N.
    landscape : Landscape
    view : DecisionView
        The data with the first optimizer's model.
    ridge : dict of float to ndarray, or None
        When the MLE does not exist: ``‖w‖`` per epoch of the first
        optimizer with λ = 0 and with λ > 0 (the runs' λ, or ``ridge_l2``
        when that is 0), keyed by λ in increasing order; None otherwise.
    """

    names: tuple
    fits: dict
    reference: ReferenceFit
    reference_accuracy: float
    mle_exists: bool
    l2: float
    n_samples: int
    landscape: Landscape
    view: DecisionView
    ridge: dict | None

    @property
    def has_optimum(self) -> bool:
        """Whether the objective has a minimiser: the MLE exists or λ > 0."""
        return self.mle_exists or self.l2 > 0

    def summary(self) -> list[dict]:
        """One row per run, then one for the reference: the numbers the lab tabulates.

        Returns
        -------
        list of dict
            Keys ``name`` (the reference row has None), ``epochs_run``,
            ``nll`` (final mean NLL = mean BCE), ``nll_sum`` (``N × nll`` =
            −log L), ``gap`` (final objective − the reference objective),
            ``accuracy`` and ``diverged_epoch`` (None if the run finished).
            The reference row has ``epochs_run`` = None and ``gap`` = 0.
        """
        ref = self.reference
        rows = [
            {
                "name": name,
                "epochs_run": fit.epochs_run,
                "nll": float(fit.nll[-1]),
                "nll_sum": self.n_samples * float(fit.nll[-1]),
                "gap": float(fit.objective[-1]) - ref.objective,
                "accuracy": float(fit.accuracy[-1]),
                "diverged_epoch": fit.diverged_epoch,
            }
            for name, fit in self.fits.items()
        ]
        rows.append({
            "name": None,
            "epochs_run": None,
            "nll": ref.nll,
            "nll_sum": self.n_samples * ref.nll,
            "gap": 0.0,
            "accuracy": self.reference_accuracy,
            "diverged_epoch": None,
        })
        return rows


def _check_optimizers(optimizers) -> dict:
    """``{name: hyperparameters}`` with registry names, validated by building each once."""
    if not isinstance(optimizers, Mapping) or not optimizers:
        raise ValueError("optimizers must be a non-empty dict of optimizer name -> hyperparameters")
    checked = {}
    for name, hyper in optimizers.items():
        if name not in OPTIMIZERS:
            raise ValueError(f"unknown optimizer {name!r}; choose from {list(OPTIMIZERS)}")
        if not isinstance(hyper, Mapping):
            raise ValueError(f"optimizers[{name!r}] must be a dict of hyperparameters")
        allowed = {h.name for h in OPTIMIZERS[name].HYPERPARAMETERS}
        unknown = sorted(set(hyper) - allowed)
        if unknown:
            raise ValueError(f"{name} has no hyperparameter(s) {unknown}; it takes {sorted(allowed)}")
        OPTIMIZERS[name](**hyper)  # raises ValueError naming a bad value
        checked[name] = dict(hyper)
    return checked


def _check_budget(n: int, epochs: int, batch_size: int | None, runs: int) -> None:
    """Refuse settings whose training would take more than a few seconds."""
    per_epoch = 1 if batch_size is None or batch_size >= n else -(-n // batch_size)
    updates = epochs * per_epoch * runs
    # Combinations the page's widgets allow: the messages are translated (InputError).
    if updates > MAX_UPDATES:
        raise InputError(
            "training_too_many_updates",
            "too much training for one view: {epochs} epochs × {per_epoch} updates per epoch × {runs} run(s) = "
            "{updates} updates (limit {limit}); use fewer epochs, a larger batch or fewer optimizers",
            epochs=f"{epochs:,}", per_epoch=f"{per_epoch:,}", runs=f"{runs}", updates=f"{updates:,}",
            limit=f"{MAX_UPDATES:,}",
        )
    rows = epochs * n * runs
    if rows > MAX_SAMPLE_PASSES:
        raise InputError(
            "training_too_many_passes",
            "too much training for one view: {epochs} epochs × {n} samples × {runs} run(s) = {rows} sample "
            "passes (limit {limit}); use fewer epochs or fewer optimizers",
            epochs=f"{epochs:,}", n=f"{n:,}", runs=f"{runs}", rows=f"{rows:,}", limit=f"{MAX_SAMPLE_PASSES:,}",
        )


def _landscape_levels(surface: np.ndarray, count: int = 10) -> np.ndarray:
    """Levels ``min + (max − min)·r`` with r geometric in [10⁻³, 1).

    Near a minimum the objective is about quadratic, so geometric offsets give
    rings whose radii grow by a constant factor: dense near the optimum and
    still present far from it.
    """
    lo, hi = float(surface.min()), float(surface.max())
    if not hi > lo:
        return np.empty(0)
    return lo + (hi - lo) * np.geomspace(1e-3, 1.0, count + 1)[:-1]


#: The landscape box reaches this fraction of its anchors' extent beyond the optimum on every side, so the
#: optimum sits at least ~23 % of the window inside every edge (the padding of 25 % alone left it at 10 %).
OPTIMUM_REACH = 0.25


def _landscape(X, y, fits, reference, first, has_optimum, l2, grid_size, max_path_points) -> Landscape:
    if X.shape[1] == 1:
        coords = {name: np.column_stack([f.w_path[:, 0], f.b_path]) for name, f in fits.items()}
        optimum, fixed_b = np.array([reference.w[0], reference.b]), None
    else:
        coords = {name: f.w_path for name, f in fits.items()}
        optimum = reference.w.copy()
        fixed_b = reference.b if has_optimum else fits[first].b
    # the box holds the start, the optimum and every finite run; diverged runs leave it
    anchors = [np.zeros((1, 2))] + [c for name, c in coords.items() if not fits[name].diverged]
    if has_optimum:
        anchors.append(optimum[None, :])
    points = np.concatenate(anchors)
    lo, hi = points.min(axis=0), points.max(axis=0)
    if has_optimum:  # the optimum's surroundings (its innermost rings) are the point: never at the frame's edge
        reach = OPTIMUM_REACH * (hi - lo)
        lo, hi = np.minimum(lo, optimum - reach), np.maximum(hi, optimum + reach)
    centre, half = (lo + hi) / 2, np.maximum(0.625 * (hi - lo), 1.0)
    axis0 = np.linspace(centre[0] - half[0], centre[0] + half[0], grid_size)
    axis1 = np.linspace(centre[1] - half[1], centre[1] + half[1], grid_size)
    surface = loss_landscape(X, y, axis0, axis1, b=fixed_b, l2=l2, max_points=2000)
    return Landscape(
        axis0=axis0,
        axis1=axis1,
        surface=surface,
        contours=contour_lines(axis0, axis1, surface, _landscape_levels(surface), max_points=1000),
        fixed_b=fixed_b,
        paths={name: c[even_indices(len(c), max_path_points)] for name, c in coords.items()},
        optimum=optimum if has_optimum else None,
    )


def _boundary(coef, intercept, axis0, axis1) -> dict:
    """The line z = coef·x + intercept = 0 inside the grid (see :class:`DecisionView`)."""
    empty = {"line": np.empty(0, dtype=np.int64), "order": np.empty(0, dtype=np.int64),
             "x": np.empty(0), "y": np.empty(0)}
    if axis1 is None:
        if coef[0] == 0:
            return empty
        x_star = -intercept / coef[0]
        if not axis0[0] <= x_star <= axis0[-1]:
            return empty
        return {"line": np.zeros(2, dtype=np.int64), "order": np.arange(2),
                "x": np.full(2, x_star), "y": np.array([0.0, 1.0])}
    lines = contour_lines(axis0, axis1, _grid_logits(coef, intercept, axis0, axis1), [0.0], max_points=500)
    return {key: lines[key] for key in empty}


def _grid_logits(coef, intercept, axis0, axis1) -> np.ndarray:
    """``z = coef·x + intercept`` on the view grid (NaN from inf − inf mapped to 0)."""
    with np.errstate(over="ignore", invalid="ignore"):
        if axis1 is None:
            z = coef[0] * axis0 + intercept
        else:
            z = coef[0] * axis0[None, :] + coef[1] * axis1[:, None] + intercept
    return np.nan_to_num(z, nan=0.0)


def _decision_view(X, y, fit: FitResult, reference: ReferenceFit, grid_size, max_points) -> DecisionView:
    keep = even_indices(X.shape[0], max_points)
    lo, hi = X.min(axis=0), X.max(axis=0)
    pad = np.where(hi > lo, 0.05 * (hi - lo), 0.5)
    axes = [np.linspace(a, b, grid_size) for a, b in zip(lo - pad, hi + pad)]
    axis0, axis1 = axes[0], (axes[1] if len(axes) == 2 else None)
    models = ((fit.coef, fit.intercept), (reference.coef, reference.intercept))
    probs = [special.expit(_grid_logits(c, b, axis0, axis1)) for c, b in models]
    bounds = [_boundary(c, b, axis0, axis1) for c, b in models]
    return DecisionView(
        X=X[keep],
        y=y[keep],
        n_total=X.shape[0],
        axis0=axis0,
        axis1=axis1,
        prob=probs[0],
        prob_reference=probs[1],
        boundary=bounds[0],
        reference_boundary=bounds[1],
    )


def compare_optimizers(
    X,
    y,
    optimizers,
    *,
    epochs: int = 100,
    batch_size: int | None = None,
    l2: float = 0.0,
    seed: int = 0,
    ridge_l2: float = 0.1,
    grid_size: int = 35,
    view_grid: int = 30,
    max_view_points: int = 3000,
    max_path_points: int = 200,
) -> Comparison:
    """Train several optimizers on the same data; return everything the lab shows.

    Parameters
    ----------
    X : array_like of shape (n_samples, 1) or (n_samples, 2)
        One or two features.
    y : array_like of shape (n_samples,)
        Labels 0/1, both present.
    optimizers : dict of str to dict
        Registry name (:data:`estimation.optimizers.OPTIMIZERS`) → its
        hyperparameters, e.g. ``{"SGD": {"lr": 0.5}, "Adam": {"lr": 0.05}}``
        (missing ones take the class defaults). Each run gets a fresh instance.
    epochs, batch_size, l2, seed
        As in :func:`fit_logistic`, shared by all runs (the same seed gives
        every run the same minibatch order). Standardised features.
    ridge_l2 : float, default 0.1
        λ of the contrast run on separable data when ``l2`` is 0.
    grid_size : int, default 35
        Points per axis of the landscape.
    view_grid : int, default 30
        Points per axis of the probability grid of the data view.
    max_view_points, max_path_points : int
        Thinning of the data view's samples and of each path.

    Returns
    -------
    Comparison

    Raises
    ------
    ValueError
        Invalid data or arguments, an unknown optimizer or hyperparameter,
        or more than :data:`MAX_UPDATES` updates or :data:`MAX_SAMPLE_PASSES`
        sample passes in total (the message says what to reduce).

    Notes
    -----
    Every run minimises the same objective (:func:`fit_logistic`)

        J(w, b) = (1/N) Σ_i [log(1 + e^{z_i}) − y_i z_i] + (λ/2)‖w‖²,

    i.e. the mean BCE = −log L / N of the Bernoulli model
    ``P(y = 1 | x) = σ(x·w + b)`` plus the ridge term: with λ = 0 each
    optimizer is computing the maximum-likelihood estimate.
    :func:`fit_reference` supplies the optimum, :func:`mle_exists` decides
    whether it exists at λ = 0. When it does not (separated classes), one
    more run of the first optimizer with the other λ (0 or ``ridge_l2``) shows
    ‖w‖ growing without bound against ‖w‖ settling. The landscape box holds
    the start (0, 0), every non-diverged path and the optimum with a quarter
    of that extent around it on every side, padded by 25 % (at least ±1); the surface is evaluated on at most 2,000 evenly
    spaced samples (:func:`loss_landscape`). The data view shows the first
    optimizer's final model and the reference optimum.
    """
    X, y = _check_xy(X, y)
    n, d = X.shape
    if d > 2:
        raise ValueError(f"X must have 1 or 2 features for the lab's views, got {d}")
    optimizers = _check_optimizers(optimizers)
    epochs = check_int(epochs, "epochs", lo=1, hi=MAX_EPOCHS)
    if batch_size is not None:
        batch_size = check_int(batch_size, "batch_size", lo=1)
    l2 = check_real(l2, "l2", lo=0.0)
    seed = check_seed(seed)
    ridge_l2 = check_real(ridge_l2, "ridge_l2", lo=0.0, lo_open=True)
    grid_size = check_int(grid_size, "grid_size", lo=2, hi=1000)
    view_grid = check_int(view_grid, "view_grid", lo=2, hi=1000)
    max_view_points = check_int(max_view_points, "max_view_points", lo=2)
    max_path_points = check_int(max_path_points, "max_path_points", lo=2)

    exists = mle_exists(X, y)
    _check_budget(n, epochs, batch_size, len(optimizers) + (0 if exists else 1))

    def run(name, lam):
        opt = OPTIMIZERS[name](**optimizers[name])
        return fit_logistic(X, y, opt, epochs, batch_size=batch_size, l2=lam, seed=seed)

    names = tuple(optimizers)
    fits = {name: run(name, l2) for name in names}
    reference = fit_reference(X, y, l2=l2)
    ridge = None
    if not exists:
        other = ridge_l2 if l2 == 0 else 0.0
        runs = {l2: fits[names[0]], other: run(names[0], other)}
        ridge = {lam: runs[lam].w_norm for lam in sorted(runs)}
    has_optimum = exists or l2 > 0
    return Comparison(
        names=names,
        fits=fits,
        reference=reference,
        reference_accuracy=float(np.mean((X @ reference.coef + reference.intercept >= 0) == (y == 1))),
        mle_exists=exists,
        l2=l2,
        n_samples=n,
        landscape=_landscape(X, y, fits, reference, names[0], has_optimum, l2, grid_size, max_path_points),
        view=_decision_view(X, y, fits[names[0]], reference, view_grid, max_view_points),
        ridge=ridge,
    )


#: Default learning rate η of each optimizer (keys of
#: :data:`estimation.optimizers.OPTIMIZERS`) for :func:`compare_optimizers` on
#: standardised features: their good ranges differ by orders of magnitude, and
#: ``Optimizer.HYPERPARAMETERS`` defaults (e.g. SGD's 0.01) are generic ones.
#: All but AdaDelta (whose steps are scaled by its own running averages)
#: reach the optimum within 10⁻³ in 100 full-batch epochs on the default
#: two-Gaussian data.
LEARNING_RATES = {"SGD": 0.5, "Momentum": 0.1, "Nesterov": 0.1, "AdaGrad": 0.5, "RMSprop": 0.02,
                  "AdaDelta": 1.0, "Adam": 0.05}
#: The learning rates the page offers each optimizer (their good ranges differ by orders of magnitude).
RATES = (0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5,
         1, 2, 5, 10, 20, 50, 100, 1_000, 10_000)


# ---------------------------------------------------------------------------
# 3.–5. The page's sections on the chosen data
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TrainingSection:
    """What the training section draws (see :func:`training_section`).

    Attributes
    ----------
    comparison : Comparison
        The runs, the reference optimum, the landscape and the data view; the
        landscape and separable-case sections draw their parts of it.
    objectives : dict of str to ndarray
        Each run's objective per epoch (the loss-curve chart).
    diverged : tuple of (str, int)
        The runs that diverged and the epoch it was detected in.
    summary : tuple of dict
        :meth:`Comparison.summary`: one row per run, then the reference.
    """

    comparison: Comparison
    objectives: dict
    diverged: tuple
    summary: tuple

    def table(self, t: Translate) -> pd.DataFrame:
        """The results table with the page's labels, indexed by optimizer (the reference last)."""
        rows = self.summary
        col = lambda key: t(f"cross_entropy.col.{key}")  # noqa: E731
        return pd.DataFrame({
            col("optimizer"): [r["name"] or t("cross_entropy.reference_row") for r in rows],
            col("epochs"): [f"{r['epochs_run']:,}" if r["epochs_run"] else "—" for r in rows],
            col("nll"): [f"{r['nll']:.6f}" for r in rows],
            col("nll_sum"): [f"{r['nll_sum']:.4f}" for r in rows],
            col("gap"): [f"{r['gap']:.2e}" for r in rows],
            col("accuracy"): [f"{r['accuracy']:.1%}" for r in rows],
            col("status"): [t("cross_entropy.status_diverged", epoch=r["diverged_epoch"]) if r["diverged_epoch"]
                            else t("cross_entropy.status_ok") if r["name"] else "—" for r in rows],
        }).set_index(col("optimizer"))


def training_section(
    data: Data, optimizers: Mapping, *, epochs: int, batch_size: int | str | None, l2: float, seed: int
) -> TrainingSection:
    """Train the chosen optimizers on the data (:func:`compare_optimizers`) and tabulate the runs.

    ``optimizers`` maps registry names to hyperparameters, in the order the
    runs are shown (the page passes the registry's: stable colours and legend);
    ``batch_size`` ``"full"`` (or None) is full-batch gradient descent.
    """
    batch_size = None if batch_size == "full" else batch_size
    res = compare_optimizers(data.X, data.y, optimizers, epochs=epochs, batch_size=batch_size, l2=l2, seed=seed)
    return TrainingSection(
        comparison=res,
        objectives={name: fit.objective for name, fit in res.fits.items()},
        diverged=tuple((name, fit.diverged_epoch) for name, fit in res.fits.items() if fit.diverged),
        summary=tuple(res.summary()),
    )


@dataclass(frozen=True, slots=True)
class LandscapeSection:
    """What the fitted-model and landscape section draws (see :func:`landscape_section`).

    Attributes
    ----------
    first : str
        The optimizer whose model the data view shows.
    one_feature : bool
        One feature: the landscape is over (w, b); two: over (w₁, w₂) at ``fixed_b``.
    view : DecisionView
    landscape : Landscape
    shown, n_total : int
        Samples drawn in the data view and in the data.
    fixed_b : float or None
        The intercept of the two-feature slice.
    """

    first: str
    one_feature: bool
    view: DecisionView
    landscape: Landscape
    shown: int
    n_total: int
    fixed_b: float | None


def landscape_section(run: TrainingSection) -> LandscapeSection:
    """The first optimizer's model over the data and the landscape with every path."""
    res = run.comparison
    return LandscapeSection(first=res.names[0], one_feature=res.view.axis1 is None, view=res.view,
                            landscape=res.landscape, shown=len(res.view.y), n_total=res.view.n_total,
                            fixed_b=res.landscape.fixed_b)


@dataclass(frozen=True, slots=True)
class SeparableSection:
    """What the separable-case section draws (see :func:`separable_section`).

    Attributes
    ----------
    mle_exists : bool
        Whether the unpenalised MLE exists for these data.
    first : str
        The optimizer of the ‖w‖ runs.
    norms : dict of float to ndarray, or None
        ``‖w‖`` per epoch with λ = 0 and with λ > 0 (increasing λ), when the
        MLE does not exist; None otherwise.
    advice : str or None
        When the MLE exists, what to try to see separation, following the
        data choice in use (``cross_entropy.try_separation.<advice>``):
        ``synthetic`` (raise the distance), ``synthetic_max`` (already the
        largest distance: fewer samples), ``iris`` (make setosa a class),
        ``iris_setosa`` (setosa is a class: pick a separating feature),
        ``breast_cancer`` or ``upload`` (switch data). None when it does not.
    """

    mle_exists: bool
    first: str
    norms: dict | None
    advice: str | None


def separable_section(data: Data, run: TrainingSection, *, max_separation: float = 8.0) -> SeparableSection:
    """Whether the MLE exists and, when it does not, ‖w‖ with and without the penalty.

    ``max_separation`` is the largest distance between the class means the
    page offers (beyond it, raising the distance is no advice).
    """
    res = run.comparison
    advice = None
    if res.mle_exists:
        advice = data.source
        if data.source == "synthetic" and data.separation is not None and data.separation >= max_separation:
            advice = "synthetic_max"
        elif data.source == "iris" and "setosa" in (data.classes or ()):
            advice = "iris_setosa"
    return SeparableSection(mle_exists=res.mle_exists, first=res.names[0], norms=res.ridge, advice=advice)
