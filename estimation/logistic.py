"""Binary cross-entropy and logistic regression as maximum-likelihood estimation.

The idea this module makes concrete: for labels :math:`y_i \\in \\{0, 1\\}`
modelled as Bernoulli draws with success probability
:math:`p_i = \\sigma(z_i)`, :math:`z_i = x_i^\\top w + b`, the negative
log-likelihood

    -log L(w, b) = -sum_i [ y_i log p_i + (1 - y_i) log(1 - p_i) ]

*is* the summed binary cross-entropy (BCE). Training a logistic regression by
gradient descent (SGD, Momentum, Adam, ...) on the mean BCE is therefore
maximum-likelihood estimation, and :func:`fit_reference` finds the same
optimum with L-BFGS for comparison.

Logits, not probabilities, cross the function boundaries: every loss here is
computed from ``z`` in log space (``logaddexp``/``log1p``), never as
``log(sigmoid(z))``.

Contents
--------
Primitives
    :func:`sigmoid`, :func:`log_sigmoid`, :func:`bce_with_logits`,
    :func:`bce_from_probs`, :func:`bernoulli_nll`.
Model
    :func:`logistic_loss_grad` (objective and analytic gradient),
    :func:`fit_logistic` (any optimizer with ``update(params, grads)``),
    :func:`fit_reference` (L-BFGS-B optimum), :func:`loss_landscape`.
Separation (existence of the MLE)
    :func:`is_linearly_separable`, :func:`mle_exists`.
Lab views
    :func:`bernoulli_identity` (−log L / N = mean BCE for a Bernoulli sample),
    :func:`compare_optimizers` (several optimizers on the same data, with the
    reference optimum, the loss landscape, the decision boundary and the
    separation diagnosis), :func:`even_indices` (deterministic thinning).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from scipy import optimize, special

from estimation import sampling, training
from estimation._validation import (
    InputError,
    as_finite_array,
    check_int,
    check_probability,
    check_real,
    check_seed,
)
from estimation.contours import contour_lines
from estimation.optimizers import OPTIMIZERS

__all__ = [
    "sigmoid",
    "log_sigmoid",
    "bce_with_logits",
    "bce_from_probs",
    "bernoulli_nll",
    "logistic_loss_grad",
    "FitResult",
    "fit_logistic",
    "ReferenceFit",
    "fit_reference",
    "loss_landscape",
    "is_linearly_separable",
    "mle_exists",
    "even_indices",
    "BernoulliIdentity",
    "bernoulli_identity",
    "Landscape",
    "DecisionView",
    "Comparison",
    "compare_optimizers",
]

_REDUCTIONS = ("mean", "sum", "none")

#: Largest number of training epochs :func:`fit_logistic` accepts.
MAX_EPOCHS = training.MAX_EPOCHS

#: Elements per block when a grid is evaluated against the data (bounds memory).
_CHUNK_ELEMENTS = 1 << 21


# ---------------------------------------------------------------------------
# Primitives on logits
# ---------------------------------------------------------------------------


def _scalar_or_array(arr: np.ndarray):
    """Return a Python float for 0-d results, the array otherwise."""
    return float(arr) if arr.ndim == 0 else arr


def _reduce(loss: np.ndarray, reduction: str):
    if reduction == "mean":
        return float(np.mean(loss))
    if reduction == "sum":
        return float(np.sum(loss))
    return _scalar_or_array(loss)


def _check_reduction(reduction) -> str:
    if reduction not in _REDUCTIONS:
        raise ValueError(f"reduction must be one of {_REDUCTIONS}, got {reduction!r}")
    return reduction


def _check_targets(y, shape, *, binary: bool) -> np.ndarray:
    """Targets in [0, 1] (or exactly {0, 1} if ``binary``), same shape as ``shape``."""
    y = as_finite_array(y, "y")
    if y.shape != shape:
        raise ValueError(f"y must have the same shape as the predictions {shape}, got {y.shape}")
    if binary:
        if not np.all((y == 0) | (y == 1)):
            raise ValueError("y must contain only the labels 0 and 1")
    elif np.any((y < 0) | (y > 1)):
        raise ValueError("y must lie in [0, 1] (labels 0/1 or soft labels)")
    return y


def _softplus_minus(z: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Element-wise ``log(1 + e^z) - y z`` without cancellation.

    Written as ``max(z, 0) - y z + log1p(exp(-|z|))``: for ``0 <= y <= 1`` the
    first two terms add up to a non-negative number (``z(1 - y)`` for z > 0,
    ``-y z`` for z < 0), so nothing cancels, even for ``y = 1`` and large z
    where ``logaddexp(0, z) - z`` would lose all digits of ``log1p(e^-z)``.
    """
    return np.maximum(z, 0.0) - y * z + np.log1p(np.exp(-np.abs(z)))


def sigmoid(z):
    """Logistic sigmoid ``σ(z) = 1 / (1 + e^{-z})``.

    Parameters
    ----------
    z : array_like
        Finite logits.

    Returns
    -------
    float or ndarray
        ``σ(z)`` in [0, 1], same shape as ``z``.

    Notes
    -----
    Computed by :func:`scipy.special.expit`, which never overflows. The
    derivative is ``σ'(z) = σ(z)(1 − σ(z))``, largest (0.25) at z = 0.

    Examples
    --------
    >>> sigmoid(0.0)
    0.5
    """
    z = as_finite_array(z, "z", min_size=0)
    return _scalar_or_array(special.expit(z))


def log_sigmoid(z):
    """Logarithm of the sigmoid, ``log σ(z) = −log(1 + e^{−z})``, stably.

    Parameters
    ----------
    z : array_like
        Finite logits.

    Returns
    -------
    float or ndarray
        ``log σ(z) <= 0``, same shape as ``z``.

    Notes
    -----
    ``log σ(z) = −logaddexp(0, −z)``. For z → −∞ it tends to ``z`` exactly
    (e.g. ``log_sigmoid(-1000) == -1000``) where ``log(sigmoid(z))`` would give
    ``-inf``; for z → +∞ it tends to ``−e^{−z}``. Also ``log(1 − σ(z)) =
    log σ(−z)``.

    Examples
    --------
    >>> log_sigmoid(-1000.0)
    -1000.0
    """
    z = as_finite_array(z, "z", min_size=0)
    return _scalar_or_array(-np.logaddexp(0.0, -z))


def bce_with_logits(z, y, reduction: str = "mean"):
    """Binary cross-entropy computed from logits.

    Parameters
    ----------
    z : array_like
        Finite logits ``z = x·w + b``.
    y : array_like
        Targets in [0, 1], same shape as ``z`` (hard labels 0/1 or soft labels).
    reduction : {"mean", "sum", "none"}, default "mean"
        Average, total, or per-element losses.

    Returns
    -------
    float or ndarray
        The reduced loss, or the element-wise losses for ``"none"``.

    Notes
    -----
    Per element, with ``p = σ(z)``:

        ℓ(z, y) = −[y log p + (1 − y) log(1 − p)]
                = log(1 + e^z) − y z
                = max(z, 0) − y z + log1p(e^{−|z|}).

    The last form is what is evaluated: it is finite for every finite z and
    keeps full relative accuracy (no cancellation) for ``0 <= y <= 1``;
    e.g. ``ℓ(1000, 0) = 1000`` and ``ℓ(40, 1) = log1p(e^{−40}) ≈ e^{−40}``.
    The gradient is ``∂ℓ/∂z = σ(z) − y``.

    Examples
    --------
    >>> bce_with_logits([0.0, 0.0], [0, 1])  # log 2
    0.6931471805599453
    """
    reduction = _check_reduction(reduction)
    z = as_finite_array(z, "z")
    y = _check_targets(y, z.shape, binary=False)
    return _reduce(_softplus_minus(z, y), reduction)


def bce_from_probs(p, y, eps: float | None = None, reduction: str = "mean"):
    """Binary cross-entropy computed from probabilities (with clipping).

    Parameters
    ----------
    p : array_like
        Predicted probabilities of class 1, in [0, 1].
    y : array_like
        Targets in [0, 1], same shape as ``p``.
    eps : float, optional
        Clipping constant in (0, 0.5). Default: machine epsilon of float64
        (≈ 2.2e-16), as :func:`sklearn.metrics.log_loss` does.
    reduction : {"mean", "sum", "none"}, default "mean"

    Returns
    -------
    float or ndarray

    Notes
    -----
    ``p`` is first clipped to ``[eps, 1 − eps]``, then

        ℓ(p, y) = −[y log p + (1 − y) log(1 − p)]

    is evaluated with ``xlogy(y, p)`` and ``xlog1py(1 − y, −p)``. Clipping
    caps each term at ``−log(eps)`` (≈ 36.0 for the default), so a confident
    wrong prediction ``p = 0``, ``y = 1`` gives a large finite loss instead of
    ``inf``. Because of the clipping, and because ``1 − p`` has lost digits
    once ``p`` is close to 1, prefer :func:`bce_with_logits` when logits are
    available.
    """
    reduction = _check_reduction(reduction)
    p = as_finite_array(p, "p")
    if np.any((p < 0) | (p > 1)):
        raise ValueError("p must contain probabilities in [0, 1]")
    y = _check_targets(y, p.shape, binary=False)
    if eps is None:
        eps = float(np.finfo(np.float64).eps)
    eps = check_real(eps, "eps", lo=0.0, hi=0.5, lo_open=True, hi_open=True)
    p = np.clip(p, eps, 1.0 - eps)
    return _reduce(-(special.xlogy(y, p) + special.xlog1py(1.0 - y, -p)), reduction)


def bernoulli_nll(y, p) -> float:
    """Negative log-likelihood of Bernoulli observations.

    Parameters
    ----------
    y : array_like
        Observed labels, each 0 or 1.
    p : array_like
        Success probabilities in [0, 1]; a scalar or an array of the same
        shape as ``y``.

    Returns
    -------
    float
        ``−log L``; ``inf`` when an observed outcome has probability 0.

    Notes
    -----
    The Bernoulli pmf is ``f(y; p) = p^y (1 − p)^{1 − y}``, so

        −log L = −Σ_i log f(y_i; p_i) = −Σ_i [y_i log p_i + (1 − y_i) log(1 − p_i)],

    evaluated with ``xlogy``/``xlog1py`` (``0 · log 0 = 0``). This is the
    *summed* binary cross-entropy: ``bernoulli_nll(y, σ(z)) = N ×
    bce_with_logits(z, y)``. No clipping is applied.

    Examples
    --------
    >>> bernoulli_nll([1, 1, 0], 2 / 3)  # the MLE p̂ = 2/3
    1.9095425048844383
    """
    y = as_finite_array(y, "y")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("y must contain only the labels 0 and 1")
    p = as_finite_array(p, "p")
    if p.ndim != 0 and p.shape != y.shape:
        raise ValueError(f"p must be a scalar or have the shape of y {y.shape}, got {p.shape}")
    if np.any((p < 0) | (p > 1)):
        raise ValueError("p must contain probabilities in [0, 1]")
    return float(-np.sum(special.xlogy(y, p) + special.xlog1py(1.0 - y, -p)))


# ---------------------------------------------------------------------------
# Data checks and standardisation
# ---------------------------------------------------------------------------


def _check_xy(X, y) -> tuple[np.ndarray, np.ndarray]:
    """Validate a design matrix and binary labels for logistic regression."""
    X = as_finite_array(X, "X", min_size=0)
    if X.ndim == 1:
        X = X[:, None]
    if X.ndim != 2:
        raise ValueError(f"X must be 1- or 2-dimensional (samples × features), got shape {X.shape}")
    if X.shape[0] == 0 or X.shape[1] == 0:
        raise ValueError(f"X is empty (shape {X.shape}): need at least one sample and one feature")
    y = as_finite_array(y, "y", ndim=1, min_size=0)
    if y.shape[0] != X.shape[0]:
        raise ValueError(
            f"X and y must have the same number of samples, got {X.shape[0]} rows in X "
            f"and {y.shape[0]} labels in y"
        )
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("y must contain only the labels 0 and 1")
    n_pos = int(np.count_nonzero(y))
    if n_pos == 0 or n_pos == y.size:
        raise ValueError(f"y must contain both classes 0 and 1, got only class {int(y[0])}")
    return X, y


def _standardization(X: np.ndarray, standardize: bool) -> tuple[np.ndarray, np.ndarray]:
    """Column means and scales used to standardise ``X`` (identity if not ``standardize``).

    The scale is the population standard deviation (ddof=0); a constant
    column keeps scale 1 so that it maps to zeros instead of dividing by 0.
    """
    d = X.shape[1]
    if not standardize:
        return np.zeros(d), np.ones(d)
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    return mean, scale


def _to_original_scale(w, b, mean, scale):
    """Map standardised coefficients to the original feature scale.

    ``w_s·(x − m)/s + b_s = (w_s/s)·x + (b_s − Σ_j w_sj m_j / s_j)``; works
    row-wise on trajectories (``w`` of shape (..., d), ``b`` of shape (...)).
    """
    coef = w / scale
    return coef, b - coef @ mean


def _check_params(w, b, d: int, names=("w0", "b0")) -> tuple[np.ndarray, float]:
    """A copy of the weights (zeros if None) with one per feature, and a finite intercept."""
    w = np.zeros(d) if w is None else as_finite_array(w, names[0], ndim=1)
    if w.shape != (d,):
        raise ValueError(f"{names[0]} must have one weight per feature ({d}), got shape {w.shape}")
    return w.copy(), check_real(b, names[1])


# ---------------------------------------------------------------------------
# Objective and gradient
# ---------------------------------------------------------------------------


def _objective(w, b, X, y, l2):
    """(mean NLL, objective, logits) at (w, b); the objective adds (l2/2)‖w‖²."""
    z = X @ w + b
    nll = float(np.mean(_softplus_minus(z, y)))
    return nll, nll + 0.5 * l2 * float(w @ w), z


def _grad_at(z, w, X, y, l2):
    """Gradient (∇_w J, ∂J/∂b) from the logits ``z = X w + b``."""
    r = special.expit(z) - y  # ∂ℓ_i/∂z_i
    n = y.shape[0]
    return X.T @ r / n + l2 * w, float(r.sum()) / n


def _loss_grad(w, b, X, y, l2):
    """Objective and analytic gradient without validation."""
    _, obj, z = _objective(w, b, X, y, l2)
    return (obj, *_grad_at(z, w, X, y, l2))


def logistic_loss_grad(w, b, X, y, l2: float = 0.0) -> tuple[float, np.ndarray, float]:
    """Penalised mean negative log-likelihood of logistic regression and its gradient.

    Parameters
    ----------
    w : array_like of shape (d,)
        Weights.
    b : float
        Intercept.
    X : array_like of shape (n_samples, d)
        Features (used as given: no standardisation here).
    y : array_like of shape (n_samples,)
        Labels 0/1.
    l2 : float, default 0
        Ridge strength λ >= 0.

    Returns
    -------
    objective : float
        ``J(w, b)`` below.
    grad_w : ndarray of shape (d,)
        ``∂J/∂w``.
    grad_b : float
        ``∂J/∂b``.

    Notes
    -----
    With ``z_i = x_i·w + b`` and ``σ`` the sigmoid,

        J(w, b) = (1/N) Σ_i [log(1 + e^{z_i}) − y_i z_i] + (λ/2) ‖w‖²
        ∇_w J   = Xᵀ(σ(z) − y) / N + λ w
        ∂J/∂b   = (1/N) Σ_i (σ(z_i) − y_i)

    The first term is the mean binary cross-entropy = (1/N)·(Bernoulli NLL).
    The intercept ``b`` is not penalised (penalising it would pull the
    predicted base rate towards 1/2).
    """
    X, y = _check_xy(X, y)
    w, b = _check_params(w, b, X.shape[1], names=("w", "b"))
    l2 = check_real(l2, "l2", lo=0.0)
    return _loss_grad(w, b, X, y, l2)


# ---------------------------------------------------------------------------
# Training with a first-order optimizer
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FitResult:
    """Record of a logistic-regression training run (see :func:`fit_logistic`).

    Every per-epoch array has one row per recorded epoch, row 0 being the
    initial parameters (before any update), so ``len(nll) == epochs_run + 1``
    unless the last epoch was dropped because it produced non-finite values.
    None of the arrays contain NaN or inf.

    Attributes
    ----------
    w_path : ndarray of shape (n_records, d)
        Weights after each epoch **in the coordinates the optimizer sees**:
        standardised features if ``standardize`` was true (these match
        :func:`loss_landscape` with the same ``standardize``).
    b_path : ndarray of shape (n_records,)
        Intercept after each epoch, same coordinates as ``w_path``.
    coef_path, intercept_path : ndarray
        The same trajectory on the original feature scale
        (``coef = w / s``, ``intercept = b − coef·m``). Identical to
        ``w_path``/``b_path`` when ``standardize`` is false.
    nll : ndarray of shape (n_records,)
        Mean negative log-likelihood (= mean BCE) on the full data set.
        Invariant to standardisation.
    objective : ndarray of shape (n_records,)
        What the optimizer minimises: ``nll + (l2/2)‖w‖²`` (w standardised).
    accuracy : ndarray of shape (n_records,)
        Fraction of samples with ``(z >= 0) == y``.
    epochs_run : int
        Epochs actually started (< requested when training diverged).
    diverged : bool
        Whether training was stopped for divergence.
    diverged_epoch : int or None
        The epoch (1-based) in which divergence was detected.
    reason : str or None
        Why training stopped early, in plain English.
    x_mean, x_scale : ndarray of shape (d,)
        The standardisation used (zeros and ones when ``standardize`` is false).
    l2 : float
        Ridge strength used.
    """

    w_path: np.ndarray
    b_path: np.ndarray
    coef_path: np.ndarray
    intercept_path: np.ndarray
    nll: np.ndarray
    objective: np.ndarray
    accuracy: np.ndarray
    epochs_run: int
    diverged: bool
    diverged_epoch: int | None
    reason: str | None
    x_mean: np.ndarray
    x_scale: np.ndarray
    l2: float

    @property
    def w(self) -> np.ndarray:
        """Final weights (optimizer coordinates)."""
        return self.w_path[-1]

    @property
    def b(self) -> float:
        """Final intercept (optimizer coordinates)."""
        return float(self.b_path[-1])

    @property
    def coef(self) -> np.ndarray:
        """Final weights on the original feature scale."""
        return self.coef_path[-1]

    @property
    def intercept(self) -> float:
        """Final intercept on the original feature scale."""
        return float(self.intercept_path[-1])

    @property
    def w_norm(self) -> np.ndarray:
        """‖w‖₂ per epoch (optimizer coordinates); grows without bound on separable data when l2 = 0."""
        return np.linalg.norm(self.w_path, axis=1)


def fit_logistic(
    X,
    y,
    optimizer,
    epochs: int,
    *,
    batch_size: int | None = None,
    l2: float = 0.0,
    standardize: bool = True,
    seed: int = 0,
    w0=None,
    b0: float = 0.0,
    divergence_factor: float = 1e3,
) -> FitResult:
    """Fit a logistic regression by minimising the mean BCE with a first-order optimizer.

    Parameters
    ----------
    X : array_like of shape (n_samples, d) or (n_samples,)
        Finite features.
    y : array_like of shape (n_samples,)
        Labels 0/1; both classes must be present.
    optimizer : object
        Anything with ``update(params, grads)`` that changes the arrays in
        ``params`` in place (e.g. ``estimation.optimizers.Adam(lr=0.1)``).
        ``params`` is ``{"w": ndarray (d,), "b": ndarray (1,)}`` and ``grads``
        has the same keys and shapes. A lab optimizer
        (:class:`estimation.optimizers.Optimizer`) is stepped on the vector
        (w, b) with fresh state (see :func:`estimation.training.stepper`).
    epochs : int
        Number of passes over the data (1 … 100,000).
    batch_size : int or None, default None
        ``None`` (or >= n_samples): full-batch gradient descent, one update
        per epoch. An int: minibatches of that size (the last may be smaller)
        from a fresh permutation each epoch, drawn from
        ``default_rng(seed)``; one update per minibatch.
    l2 : float, default 0
        Ridge strength λ on ``w`` (not on ``b``), in the optimizer's
        (standardised) coordinates.
    standardize : bool, default True
        Train on ``(x − mean)/std`` (population std; constant columns keep
        scale 1). The result reports both coordinate systems.
    seed : int, default 0
        Seed of the minibatch shuffling.
    w0, b0 : array_like, float, optional
        Starting point in the optimizer's coordinates (default zeros: every
        p_i = 1/2 and nll = log 2).
    divergence_factor : float, default 1e3
        Training stops as diverged when the objective exceeds
        ``divergence_factor × max(objective₀, log 2)``.

    Returns
    -------
    FitResult
        Per-epoch trajectory, losses, accuracy and the divergence diagnosis.

    Notes
    -----
    Each update uses the analytic gradient of the minibatch objective
    (:func:`logistic_loss_grad` on the batch B):

        ∇_w = X_Bᵀ(σ(X_B w + b) − y_B)/|B| + λ w,   ∂/∂b = mean_B(σ − y).

    Minimising the data term is maximum-likelihood estimation of the
    Bernoulli model ``P(y = 1 | x) = σ(x·w + b)``: the mean BCE is the
    Bernoulli negative log-likelihood divided by N. After every epoch the
    full-data ``nll``, ``objective`` and ``accuracy`` are recorded.

    Divergence: training stops when the parameters become non-finite, the
    loss overflows, or the objective blows up past the threshold above; the
    offending epoch is kept in the record only if all its values are finite.
    On linearly separable data with ``l2 = 0`` the MLE does not exist: the
    loss keeps decreasing towards 0 while ``‖w‖`` grows without bound (see
    :attr:`FitResult.w_norm`); this is *not* flagged as divergence.
    """
    X, y = _check_xy(X, y)
    n, d = X.shape
    if not callable(getattr(optimizer, "update", None)):
        raise ValueError("optimizer must have an update(params, grads) method")
    epochs = check_int(epochs, "epochs", lo=1, hi=MAX_EPOCHS)
    if batch_size is not None:
        batch_size = check_int(batch_size, "batch_size", lo=1)
    l2 = check_real(l2, "l2", lo=0.0)
    seed = check_seed(seed)
    divergence_factor = check_real(divergence_factor, "divergence_factor", lo=1.0, lo_open=True)
    w, b0 = _check_params(w0, b0, d)

    mean, scale = _standardization(X, bool(standardize))
    Xs = (X - mean) / scale if standardize else X

    def evaluate(theta):  # full-data (nll, objective, accuracy, logits) at θ = (w, b)
        nll_t, obj_t, z = _objective(theta[:d], theta[d], Xs, y, l2)
        return nll_t, obj_t, np.count_nonzero((z >= 0) == (y == 1)) / n, z

    def gradient(theta, idx, z):  # full batch: the logits recorded by evaluate
        if idx is None:
            gw, gb = _grad_at(z, theta[:d], Xs, y, l2)
        else:
            Xb = Xs[idx]
            gw, gb = _grad_at(Xb @ theta[:d] + theta[d], theta[:d], Xb, y[idx], l2)
        return np.append(gw, gb)

    run = training.train(
        np.append(w, b0), evaluate, gradient, n=n, optimizer=optimizer,
        split=lambda v: {"w": v[:d], "b": v[d:]}, epochs=epochs, batch_size=batch_size, seed=seed,
        divergence_factor=divergence_factor, loss_floor=float(np.log(2.0)), start_name="w0, b0",
    )
    w_path = np.ascontiguousarray(run.theta_path[:, :d])
    b_path = np.ascontiguousarray(run.theta_path[:, d])
    coef_path, intercept_path = _to_original_scale(w_path, b_path, mean, scale)
    return FitResult(
        w_path=w_path,
        b_path=b_path,
        coef_path=coef_path,
        intercept_path=intercept_path,
        nll=run.nll,
        objective=run.objective,
        accuracy=run.accuracy,
        epochs_run=run.epochs_run,
        diverged=run.diverged,
        diverged_epoch=run.diverged_epoch,
        reason=run.reason,
        x_mean=mean,
        x_scale=scale,
        l2=l2,
    )


# ---------------------------------------------------------------------------
# Reference optimum
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ReferenceFit:
    """L-BFGS-B optimum of the same objective (see :func:`fit_reference`).

    Attributes
    ----------
    w, b : ndarray of shape (d,), float
        Optimum in the optimizer's (standardised, if requested) coordinates.
    coef, intercept : ndarray of shape (d,), float
        The same on the original feature scale.
    nll : float
        Mean negative log-likelihood at the optimum.
    objective : float
        ``nll + (l2/2)‖w‖²``.
    grad_norm : float
        ‖∇J‖₂ at the returned point.
    success : bool
        scipy's convergence flag (false e.g. on separable data with l2 = 0,
        where no minimiser exists).
    message : str
        scipy's message.
    n_iter : int
        L-BFGS iterations.
    """

    w: np.ndarray
    b: float
    coef: np.ndarray
    intercept: float
    nll: float
    objective: float
    grad_norm: float
    success: bool
    message: str
    n_iter: int


def fit_reference(
    X, y, *, l2: float = 0.0, standardize: bool = True, max_iter: int = 10_000
) -> ReferenceFit:
    """Minimise the logistic-regression objective with L-BFGS-B (the reference optimum).

    Parameters
    ----------
    X, y, l2, standardize
        As in :func:`fit_logistic` (same objective, same coordinates).
    max_iter : int, default 10,000
        L-BFGS-B iteration cap.

    Returns
    -------
    ReferenceFit

    Notes
    -----
    ``scipy.optimize.minimize(method="L-BFGS-B", jac=True)`` on θ = (w, b),
    starting from 0, minimising

        J(w, b) = (1/N) Σ_i [log(1 + e^{z_i}) − y_i z_i] + (λ/2) ‖w‖²

    with the analytic gradient of :func:`logistic_loss_grad` and tolerances
    ``gtol = 1e-10``, ``ftol = 1e-15``. With λ = 0 this is the maximum-likelihood
    estimate; it exists and is unique iff the data are not separated (see
    :func:`mle_exists`).
    """
    X, y = _check_xy(X, y)
    l2 = check_real(l2, "l2", lo=0.0)
    max_iter = check_int(max_iter, "max_iter", lo=1)
    mean, scale = _standardization(X, bool(standardize))
    Xs = (X - mean) / scale
    d = X.shape[1]

    def fun(theta):
        obj, gw, gb = _loss_grad(theta[:d], theta[d], Xs, y, l2)
        return obj, np.append(gw, gb)

    res = optimize.minimize(
        fun,
        np.zeros(d + 1),
        jac=True,
        method="L-BFGS-B",
        options={"maxiter": max_iter, "gtol": 1e-10, "ftol": 1e-15},
    )
    w, b = res.x[:d], float(res.x[d])
    nll, obj, _ = _objective(w, b, Xs, y, l2)
    _, gw, gb = _loss_grad(w, b, Xs, y, l2)
    coef, intercept = _to_original_scale(w, b, mean, scale)
    return ReferenceFit(
        w=w,
        b=b,
        coef=coef,
        intercept=float(intercept),
        nll=nll,
        objective=obj,
        grad_norm=float(np.hypot(np.linalg.norm(gw), gb)),
        success=bool(res.success),
        message=str(res.message),
        n_iter=int(res.nit),
    )


# ---------------------------------------------------------------------------
# Loss landscape
# ---------------------------------------------------------------------------


def loss_landscape(
    X,
    y,
    grid0,
    grid1,
    *,
    b: float | None = None,
    l2: float = 0.0,
    standardize: bool = True,
    max_points: int = 10_000,
) -> np.ndarray:
    """Objective of logistic regression over a 2-D parameter grid.

    Parameters
    ----------
    X : array_like of shape (n_samples, 1) or (n_samples, 2)
        One or two features (a 1-D array is one feature).
    y : array_like of shape (n_samples,)
        Labels 0/1.
    grid0, grid1 : array_like, 1-D
        Grid values (each 2 … 1,000 points). One feature: ``grid0`` holds
        values of ``w`` and ``grid1`` values of ``b``. Two features:
        ``grid0`` holds ``w1``, ``grid1`` holds ``w2``.
    b : float, optional
        The fixed intercept for two features (required there, e.g. the
        fitted value ``FitResult.b``); must be omitted for one feature.
    l2 : float, default 0
        Ridge strength; the surface is ``nll + (l2/2)‖w‖²`` like
        ``FitResult.objective`` (``nll`` alone when 0).
    standardize : bool, default True
        Evaluate in standardised coordinates, exactly as :func:`fit_logistic`
        does, so its ``w_path``/``b_path`` can be drawn on top.
    max_points : int, default 10,000
        If there are more samples, the surface is computed on
        ``max_points`` of them taken at evenly spaced positions
        ``round(linspace(0, N − 1, max_points))`` (deterministic; keeps the
        class proportions of sorted data). The standardisation always uses
        all samples.

    Returns
    -------
    ndarray of shape (len(grid1), len(grid0))
        ``Z[j, i]`` is the objective at ``(grid0[i], grid1[j])``, the layout
        of ``numpy.meshgrid(grid0, grid1)`` and contourpy.

    Notes
    -----
    ``Z = (1/M) Σ_i [log(1 + e^{z_i}) − y_i z_i] + (λ/2)‖w‖²`` with
    ``z_i = x_i·w + b`` over the M (sub)sampled points. There is no
    sufficient statistic for the logistic likelihood, so the cost is
    O(grid × M); it is vectorised in blocks of ~2M elements to bound memory.
    """
    X, y = _check_xy(X, y)
    d = X.shape[1]
    if d not in (1, 2):
        raise ValueError(f"X must have 1 or 2 features for a landscape, got {d}")
    g0 = as_finite_array(grid0, "grid0", ndim=1, min_size=2)
    g1 = as_finite_array(grid1, "grid1", ndim=1, min_size=2)
    for name, g in (("grid0", g0), ("grid1", g1)):
        if g.size > 1000:
            raise ValueError(f"{name} must have at most 1000 points, got {g.size}")
    l2 = check_real(l2, "l2", lo=0.0)
    max_points = check_int(max_points, "max_points", lo=2)
    if d == 1 and b is not None:
        raise ValueError("b must be omitted for one feature: grid1 already holds the intercept")
    if d == 2 and b is None:
        raise ValueError("b (the fixed intercept) is required for two features, e.g. the fitted value")

    mean, scale = _standardization(X, bool(standardize))
    Xs = (X - mean) / scale
    n = Xs.shape[0]
    if n > max_points:
        keep = even_indices(n, max_points)
        Xs, y = Xs[keep], y[keep]
        n = max_points

    A, B = np.meshgrid(g0, g1)  # shape (len(grid1), len(grid0))
    if d == 1:
        W, bias = A.reshape(1, -1), B.ravel()
    else:
        W, bias = np.stack([A.ravel(), B.ravel()]), np.full(A.size, check_real(b, "b"))
    total = np.zeros(A.size)
    rows = max(1, _CHUNK_ELEMENTS // A.size)
    for start in range(0, n, rows):
        z = Xs[start : start + rows] @ W + bias
        total += _softplus_minus(z, y[start : start + rows, None]).sum(axis=0)
    surface = total / n + 0.5 * l2 * np.sum(W * W, axis=0)
    return surface.reshape(A.shape)


# ---------------------------------------------------------------------------
# Separation: when does the MLE exist?
# ---------------------------------------------------------------------------


def _signed_design(X, y) -> np.ndarray:
    """Rows ``s_i (x_i, 1)`` with ``s_i = 2 y_i − 1``, on standardised X (conditioning)."""
    X, y = _check_xy(X, y)
    mean, scale = _standardization(X, True)
    s = 2.0 * y - 1.0
    return s[:, None] * np.column_stack([(X - mean) / scale, np.ones(X.shape[0])])


def is_linearly_separable(X, y) -> bool:
    """Whether a hyperplane separates the two classes strictly (complete separation).

    Parameters
    ----------
    X : array_like of shape (n_samples, d) or (n_samples,)
    y : array_like of shape (n_samples,)
        Labels 0/1.

    Returns
    -------
    bool

    Notes
    -----
    Decided as a linear-programming feasibility problem (HiGHS via
    :func:`scipy.optimize.linprog`): the classes are strictly separable iff
    there exist (w, b) with

        s_i (x_i·w + b) >= 1 for all i,   s_i = 2 y_i − 1,

    (any strict separator can be rescaled to margin 1). Affine changes of x
    do not change the answer, so the LP is solved on standardised features.
    On such data the logistic MLE does not exist: the NLL tends to 0 as
    ‖w‖ → ∞ along the separating direction and gradient descent grows ‖w‖
    without bound; an L2 penalty restores a unique minimiser.
    """
    A = _signed_design(X, y)
    res = optimize.linprog(
        np.zeros(A.shape[1]),
        A_ub=-A,
        b_ub=-np.ones(A.shape[0]),
        bounds=[(None, None)] * A.shape[1],
        method="highs",
    )
    if res.status not in (0, 2):
        # numerically hopeless data (e.g. features spanning 1e300): report it as invalid input
        raise ValueError(f"X: linprog could not decide whether the classes are separable ({res.message})")
    return res.status == 0


def mle_exists(X, y) -> bool:
    """Whether the (unpenalised) logistic-regression MLE exists.

    Parameters
    ----------
    X : array_like of shape (n_samples, d) or (n_samples,)
    y : array_like of shape (n_samples,)
        Labels 0/1.

    Returns
    -------
    bool
        False under complete *or* quasi-complete separation.

    Notes
    -----
    Albert & Anderson (1984): the MLE exists (finite and unique, given a
    full-rank design) iff there is no (w, b) ≠ 0 with

        s_i (x_i·w + b) >= 0 for all i, with at least one strict inequality.

    Decided by the LP ``max Σ_i s_i (x_i·w + b)`` subject to those
    constraints and ``|w_j|, |b| <= 1`` (standardised features): the MLE
    exists iff the optimum is 0 (to a tolerance of 1e-9 · N). Quasi-complete
    separation (a hyperplane separating the classes except for ties lying
    on it) also makes the NLL's infimum unattainable.

    References
    ----------
    A. Albert and J. A. Anderson, "On the existence of maximum likelihood
    estimates in logistic regression models", Biometrika 71(1), 1984.
    """
    A = _signed_design(X, y)
    res = optimize.linprog(
        -A.sum(axis=0),
        A_ub=-A,
        b_ub=np.zeros(A.shape[0]),
        bounds=[(-1.0, 1.0)] * A.shape[1],
        method="highs",
    )
    if res.status != 0:
        raise ValueError(f"X: linprog could not decide whether the MLE exists ({res.message})")
    return bool(-res.fun <= 1e-9 * A.shape[0])


# ---------------------------------------------------------------------------
# Lab views: the identity, and several optimizers on the same data
# ---------------------------------------------------------------------------

#: Most optimizer updates :func:`compare_optimizers` performs in one call (all runs together).
MAX_UPDATES = 60_000
#: Most sample rows :func:`compare_optimizers` streams through its runs (epochs × runs × N).
MAX_SAMPLE_PASSES = 20_000_000


def even_indices(n: int, max_points: int) -> np.ndarray:
    """Indices into a length-``n`` series, thinned evenly to at most ``max_points``.

    Parameters
    ----------
    n : int
        Length of the series (>= 0).
    max_points : int
        Largest number of indices returned (>= 2).

    Returns
    -------
    ndarray of int
        ``arange(n)`` when ``n <= max_points``; otherwise
        ``round(linspace(0, n − 1, max_points))``, which keeps the first and
        the last index and never repeats one (the spacing exceeds 1).

    Notes
    -----
    Deterministic, so the same data always give the same picture; on data
    sorted by class the kept rows keep the class proportions.
    """
    n = check_int(n, "n", lo=0)
    max_points = check_int(max_points, "max_points", lo=2)
    if n <= max_points:
        return np.arange(n)
    return np.round(np.linspace(0, n - 1, max_points)).astype(np.intp)


@dataclass(frozen=True)
class BernoulliIdentity:
    """One Bernoulli sample scored by a constant model probability (see :func:`bernoulli_identity`).

    Attributes
    ----------
    n : int
        Sample size N.
    k : int
        Number of ones.
    p : float
        Success probability the sample was drawn with.
    q : float
        The model's probability of a one.
    nll_sum : float
        ``−log L(q) = −Σ_i log[q^{x_i} (1 − q)^{1 − x_i}]`` (the summed BCE).
    nll_mean : float
        ``−log L(q) / N``.
    bce_mean : float
        The mean binary cross-entropy, computed independently from the logit
        ``z_q`` by :func:`bce_with_logits`; equal to ``nll_mean`` up to rounding.
    z_q : float
        ``logit(q) = log(q / (1 − q))``.
    q_hat : float
        The MLE ``k / N``.
    nll_mean_at_mle : float
        ``−log L(q̂) / N``, the smallest value of ``nll_mean`` over q (0 when
        k = 0 or k = N).
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

    n: int
    k: int
    p: float
    q: float
    nll_sum: float
    nll_mean: float
    bce_mean: float
    z_q: float
    q_hat: float
    nll_mean_at_mle: float
    z: np.ndarray
    loss_pos: np.ndarray
    loss_neg: np.ndarray
    loss_mean: np.ndarray


def bernoulli_identity(
    p: float, q: float, n: int, seed: int, *, z_max: float = 6.0, grid_points: int = 121
) -> BernoulliIdentity:
    """−log L / N and the mean binary cross-entropy of one Bernoulli sample, side by side.

    Parameters
    ----------
    p : float
        Success probability in [0, 1] of the draws x_1 … x_N.
    q : float
        The model's probability of a one, in (0, 1).
    n : int
        Sample size N (1 … 1,000,000).
    seed : int
        Seed of the draw (:func:`estimation.sampling.draw`, so the Sampling
        page shows the same sample for the same seed).
    z_max : float, default 6
        The curves cover ``[−z_max, z_max]``, widened to include ``logit(q)``.
    grid_points : int, default 121
        Points of the logit grid (2 … 10,000).

    Returns
    -------
    BernoulliIdentity

    Notes
    -----
    The likelihood of q is ``L(q) = Π_i q^{x_i} (1 − q)^{1 − x_i}`` (the index
    i on both exponents), so

        −log L(q) = −Σ_i [x_i log q + (1 − x_i) log(1 − q)]
                  = Σ_i BCE(x_i, q),

    the *summed* binary cross-entropy; the mean BCE is ``−log L(q) / N``.
    ``nll_sum`` is evaluated by :func:`bernoulli_nll` (``xlogy``/``xlog1py``
    on q) and ``bce_mean`` by :func:`bce_with_logits` on ``z_q = logit(q)``,
    two different formulas for the same number. With ``q = σ(z)`` the
    per-sample losses are ``−log σ(z)`` for a one and ``−log σ(−z)`` for a
    zero, and the sample's mean BCE is their mixture with weights k/N and
    1 − k/N, whose minimiser is ``σ(z) = k/N``: the MLE.
    """
    p = check_probability(p, "p")
    q = check_probability(q, "q", open_interval=True)
    n = check_int(n, "n", lo=1, hi=sampling.MAX_SIZE)
    z_max = check_real(z_max, "z_max", lo=0.0, lo_open=True, hi=700.0)
    grid_points = check_int(grid_points, "grid_points", lo=2, hi=10_000)
    x = sampling.draw("bernoulli", {"p": p}, n, seed)
    k = int(np.count_nonzero(x))
    z_q = float(special.logit(q))
    nll_sum = bernoulli_nll(x, q)
    q_hat = k / n
    z = np.linspace(-1.0, 1.0, grid_points) * max(z_max, math.ceil(abs(z_q)) + 1.0)
    loss_pos = -log_sigmoid(z)
    loss_neg = -log_sigmoid(-z)
    return BernoulliIdentity(
        n=n,
        k=k,
        p=p,
        q=q,
        nll_sum=nll_sum,
        nll_mean=nll_sum / n,
        bce_mean=bce_with_logits(np.full(n, z_q), x),
        z_q=z_q,
        q_hat=q_hat,
        nll_mean_at_mle=bernoulli_nll(x, q_hat) / n,
        z=z,
        loss_pos=loss_pos,
        loss_neg=loss_neg,
        loss_mean=q_hat * loss_pos + (1.0 - q_hat) * loss_neg,
    )


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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
    the start (0, 0), the optimum and every non-diverged path, padded by
    25 % (at least ±1); the surface is evaluated on at most 2,000 evenly
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
