"""Logistic regression as maximum-likelihood estimation, trained by any optimizer.

The Bernoulli model ``P(y = 1 | x) = σ(z)``, ``z = x·w + b``, has the
negative log-likelihood −log L(w, b) = N × mean BCE (:mod:`estimation.losses`),
so minimising the mean binary cross-entropy

    J(w, b) = (1/N) Σ_i [log(1 + e^{z_i}) − y_i z_i] + (λ/2) ‖w‖²

with λ = 0 by gradient descent (SGD, Momentum, Adam, ...) is computing the
maximum-likelihood estimate; :func:`fit_reference` finds the same optimum
with L-BFGS for comparison, and :func:`estimation.separation.mle_exists`
says when there is none.

Contents
--------
Objective
    :func:`logistic_loss_grad` (objective and analytic gradient).
Fits
    :func:`fit_logistic` (any optimizer with ``update(params, grads)``, via
    :func:`estimation.training.train`), :func:`fit_reference` (L-BFGS-B).
Landscape
    :func:`loss_landscape` (J over a 2-D parameter grid, on samples thinned
    by :func:`estimation.thinning.even_indices`).
Separation (existence of the MLE)
    :mod:`estimation.separation`: :func:`~estimation.separation.is_linearly_separable`,
    :func:`~estimation.separation.mle_exists`.

The Cross-entropy page's sections (several optimizers side by side, the
landscape window, the data view) are in :mod:`estimation.views.cross_entropy`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import optimize, special

from estimation import training
from estimation._validation import as_finite_array, check_int, check_real, check_seed
from estimation.losses import _softplus_minus
from estimation.standardization import standardization
from estimation.thinning import even_indices

# The loss primitives moved to :mod:`estimation.losses` (and even_indices to :mod:`estimation.thinning`);
# these names stay importable from here for callers using ``logistic.<name>`` (the same functions, not copies).
from estimation.losses import (  # noqa: F401
    bce_from_probs,
    bce_with_logits,
    bernoulli_identity,
    bernoulli_nll,
    log_sigmoid,
    sigmoid,
)

__all__ = [
    "logistic_loss_grad",
    "FitResult",
    "fit_logistic",
    "ReferenceFit",
    "fit_reference",
    "loss_landscape",
]

#: Largest number of training epochs :func:`fit_logistic` accepts.
MAX_EPOCHS = training.MAX_EPOCHS

#: Elements per block when a grid is evaluated against the data (bounds memory).
_CHUNK_ELEMENTS = 1 << 21


# ---------------------------------------------------------------------------
# Data checks and the map back from standardised coordinates
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

    Examples
    --------
    >>> loss, grad_w, grad_b = logistic_loss_grad([0.0], 0.0, [[1.0], [-1.0]], [1, 0])
    >>> bool(np.isclose(loss, np.log(2))), grad_w, grad_b  # σ(0) = 1/2: ∂/∂w = mean((σ − y)x) = −1/2
    (True, array([-0.5]), 0.0)
    """
    X, y = _check_xy(X, y)
    w, b = _check_params(w, b, X.shape[1], names=("w", "b"))
    l2 = check_real(l2, "l2", lo=0.0)
    return _loss_grad(w, b, X, y, l2)


# ---------------------------------------------------------------------------
# Training with a first-order optimizer
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
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
        scale 1: :func:`estimation.standardization.standardization`). The
        result reports both coordinate systems.
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

    Examples
    --------
    >>> from estimation.optimizers import SGD
    >>> X, y = np.array([[0.0], [1.0], [2.0], [3.0]]), np.array([0, 1, 0, 1])
    >>> fit = fit_logistic(X, y, SGD(lr=0.5), 2000, standardize=False)
    >>> ref = fit_reference(X, y, standardize=False)  # the optimum, by L-BFGS-B
    >>> bool(np.allclose(fit.w, ref.w, atol=1e-8) and np.isclose(fit.b, ref.b, atol=1e-8))
    True
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

    mean, scale = standardization(X, bool(standardize))
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
        **training.fit_fields(run, x_mean=mean, x_scale=scale, l2=l2),
    )


# ---------------------------------------------------------------------------
# Reference optimum
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
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

    Examples
    --------
    >>> X, y = np.array([[0.0], [1.0], [2.0], [3.0]]), np.array([0, 1, 0, 1])
    >>> ref = fit_reference(X, y, standardize=False)
    >>> p = 1.0 / (1.0 + np.exp(-(X @ ref.w + ref.b)))  # at the MLE the score is zero: Σ(p − y) = Σ(p − y)x = 0
    >>> bool(abs(np.sum(p - y)) < 1e-8 and abs(np.sum((p - y) * X[:, 0])) < 1e-8)
    True
    """
    X, y = _check_xy(X, y)
    l2 = check_real(l2, "l2", lo=0.0)
    max_iter = check_int(max_iter, "max_iter", lo=1)
    mean, scale = standardization(X, bool(standardize))
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

    Examples
    --------
    >>> X, y = np.array([[0.0], [1.0], [2.0], [3.0]]), np.array([0, 1, 0, 1])
    >>> J = loss_landscape(X, y, [0.0, 1.0], [-1.0, 0.0], standardize=False)  # rows: b, columns: w
    >>> bool(np.isclose(J[1, 0], np.log(2)))  # w = b = 0: every p = 1/2
    True
    >>> bool(np.isclose(J[1, 1], logistic_loss_grad([1.0], 0.0, X, y)[0]))
    True
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

    mean, scale = standardization(X, bool(standardize))
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
