r"""Beyond two classes: entropy, KL divergence, softmax cross-entropy and softmax regression.

Three faces of one quantity. For a distribution p̂ (e.g. the class
frequencies of a sample) and a model q over the same K outcomes,

    H(p̂, q) = −Σ_k p̂_k log q_k = H(p̂) + KL(p̂‖q),

so minimising the cross-entropy over q minimises the KL divergence from the
data (H(p̂) does not depend on q), and since the mean negative
log-likelihood of a categorical model is exactly H(p̂, q), both are maximum
likelihood. (:mod:`estimation.information` computes H, KL and H(p, q).) For a classifier the model is softmax regression (multinomial
logistic regression)

    P(y = k | x) = softmax(Wᵀx + b)_k = exp(z_k) / Σ_j exp(z_j),   z = Wᵀx + b,

whose categorical NLL is the mean *softmax cross-entropy* of the logits; its
gradient is the famous Xᵀ(P − Y)/N. With K = 2 it is the sigmoid model with
z = z₁ − z₀.

Logits, not probabilities, cross the function boundaries; every log
probability is computed as z − logsumexp(z) (stable for logits of any size),
never as log(softmax(z)).

Conventions: ``W`` has shape (d, K) (one column per class), ``b`` shape (K,);
labels are integers 0 … K−1 (or one-hot / probability rows); ``units`` is
``"nats"`` (natural log) or ``"bits"`` (log base 2). Training runs through
the shared loop :func:`estimation.training.train`, like the binary trainer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import optimize

from estimation import training
from estimation._validation import as_finite_array, check_int, check_real, check_seed
from estimation.information import _distribution
from estimation.standardization import standardization

__all__ = [
    "log_softmax",
    "softmax",
    "softmax_temperature",
    "softmax_cross_entropy",
    "softmax_loss_grad",
    "expected_calibration_error",
    "predict_logits",
    "SoftmaxFit",
    "fit_softmax",
    "SoftmaxReference",
    "fit_softmax_reference",
]

_REDUCTIONS = ("mean", "sum", "none")


# ---------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------


def _logits(z, name: str = "z") -> np.ndarray:
    z = as_finite_array(z, name)
    if z.ndim == 0:
        raise ValueError(f"{name} must have at least one dimension (the K classes), got a scalar")
    return z


def _targets(y, n: int, k: int) -> np.ndarray:
    """Targets as rows of probabilities (N, K): integer labels become one-hot rows."""
    y = as_finite_array(y, "y")
    if y.ndim == 1:
        if y.shape[0] != n:
            raise ValueError(f"y must have one label per row of the logits ({n}), got {y.shape[0]}")
        if np.any(y != np.floor(y)) or np.any(y < 0) or np.any(y >= k):
            raise ValueError(f"y must hold integer class labels 0 … {k - 1}")
        return np.eye(k)[y.astype(np.intp)]
    if y.shape != (n, k):
        raise ValueError(f"y must be labels of shape ({n},) or one-hot rows of shape ({n}, {k}), got {y.shape}")
    return _distribution(y, "y")


def _logsumexp(z: np.ndarray, axis: int = -1) -> np.ndarray:
    """log Σ exp(z) along ``axis`` (kept as a length-1 axis), with the maximum taken out first.

    The same formula as ``scipy.special.logsumexp`` for finite input, without
    its per-call overhead (a training run calls this once per step).
    """
    m = z.max(axis=axis, keepdims=True)
    return m + np.log(np.exp(z - m).sum(axis=axis, keepdims=True))


def _check_reduction(reduction) -> str:
    if reduction not in _REDUCTIONS:
        raise ValueError(f"reduction must be one of {_REDUCTIONS}, got {reduction!r}")
    return reduction


def _check_xy(X, y, n_classes=None) -> tuple[np.ndarray, np.ndarray, int]:
    """Features (N, d), integer labels (N,) and K for softmax regression."""
    X = as_finite_array(X, "X", min_size=0)
    if X.ndim == 1:
        X = X[:, None]
    if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] == 0:
        raise ValueError(f"X must be a non-empty 2-dimensional array (samples × features), got shape {X.shape}")
    y = as_finite_array(y, "y", ndim=1, min_size=0)
    if y.shape[0] != X.shape[0]:
        raise ValueError(f"X and y must have the same number of samples, got {X.shape[0]} and {y.shape[0]}")
    if np.any(y != np.floor(y)) or np.any(y < 0):
        raise ValueError("y must hold integer class labels 0, 1, …, K−1")
    k = int(y.max()) + 1 if n_classes is None else check_int(n_classes, "n_classes", lo=2)
    if k < 2 or np.any(y >= k):
        raise ValueError(f"y must hold labels 0 … K−1 with K >= 2, got labels up to {int(y.max())}")
    if np.unique(y).size < 2:
        raise ValueError(f"y must contain at least two classes, got only class {int(y[0])}")
    return X, y.astype(np.intp), k


# ---------------------------------------------------------------------------
# Softmax and its cross-entropy
# ---------------------------------------------------------------------------


def log_softmax(z, axis: int = -1) -> np.ndarray:
    r"""Log-probabilities of the softmax, computed stably.

    Parameters
    ----------
    z : array_like
        Finite logits; the classes run along ``axis``.
    axis : int, default -1

    Returns
    -------
    ndarray
        ``log softmax(z)``, same shape as ``z``.

    Notes
    -----
    log softmax(z)_k = z_k − logsumexp(z), logsumexp(z) = m + log Σ_j exp(z_j − m), m = max_j z_j.

    Subtracting the maximum keeps every exponent ≤ 0, so nothing overflows
    (logits of ±10⁴ are fine); the result is invariant to adding a constant
    to all logits.

    Examples
    --------
    >>> log_softmax([1e4, 0.0, -1e4]).round(6)
    array([     0., -10000., -20000.])
    """
    z = _logits(z)
    return z - _logsumexp(z, axis=axis)


def softmax(z, axis: int = -1) -> np.ndarray:
    r"""The softmax of logits: probabilities proportional to exp(z).

    Parameters
    ----------
    z : array_like
        Finite logits; the classes run along ``axis``.
    axis : int, default -1

    Returns
    -------
    ndarray
        softmax(z), non-negative, summing to 1 along ``axis``.

    Notes
    -----
    softmax(z)_k = exp(z_k) / Σ_j exp(z_j) = exp(z_k − logsumexp(z)).

    softmax(z + c) = softmax(z) for any constant c; for two classes
    softmax(z)₁ = σ(z₁ − z₀).

    Examples
    --------
    >>> softmax([1.0, 2.0, 3.0]).round(4)
    array([0.09  , 0.2447, 0.6652])
    >>> softmax([1001.0, 1002.0, 1003.0]).round(4)  # the same: a constant shift changes nothing
    array([0.09  , 0.2447, 0.6652])
    """
    return np.exp(log_softmax(z, axis=axis))


def softmax_temperature(z, temperature: float, axis: int = -1) -> np.ndarray:
    r"""The softmax at temperature T: softmax(z / T).

    Parameters
    ----------
    z : array_like
        Finite logits.
    temperature : float
        T > 0. T < 1 sharpens the distribution (towards the argmax), T > 1
        flattens it (towards uniform); T = 1 is the plain softmax.
    axis : int, default -1

    Notes
    -----
    softmax_T(z)_k = exp(z_k / T) / Σ_j exp(z_j / T). The argmax, and hence
    the accuracy, does not depend on T; the confidence max_k p_k does.

    Examples
    --------
    >>> softmax_temperature([1.0, 2.0], 0.5).round(4)
    array([0.1192, 0.8808])
    """
    t = check_real(temperature, "temperature", lo=0.0, lo_open=True)
    return softmax(_logits(z) / t, axis=axis)


def softmax_cross_entropy(z, y, reduction: str = "mean"):
    r"""Softmax cross-entropy of logits against labels: the categorical negative log-likelihood.

    Parameters
    ----------
    z : array_like of shape (N, K)
        Finite logits, one row per example.
    y : array_like of shape (N,) or (N, K)
        Integer labels 0 … K−1, or one-hot (or any probability) rows.
    reduction : {"mean", "sum", "none"}, default "mean"

    Returns
    -------
    float or ndarray of shape (N,)

    Notes
    -----
    ℓ_i = −Σ_k y_ik log softmax(z_i)_k = logsumexp(z_i) − z_{i,y_i}  (one-hot y),

    and the mean over i is the categorical NLL divided by N; it equals
    ``torch.nn.functional.cross_entropy(z, y)`` and
    ``sklearn.metrics.log_loss(y, softmax(z))``. Computed from the logits,
    so a confidently wrong logit of 10⁴ costs 10⁴ nats instead of
    −log 0 = ∞.

    Examples
    --------
    >>> z = [[2.0, 0.0, 0.0], [0.0, 0.0, 1e4]]
    >>> softmax_cross_entropy(z, [0, 0], reduction="none").round(6)  # log(1 + 2e⁻²), then 10⁴
    array([2.39545e-01, 1.00000e+04])
    """
    z = _logits(z)
    if z.ndim != 2:
        raise ValueError(f"z must be 2-dimensional (examples × classes), got shape {z.shape}")
    targets = _targets(y, *z.shape)
    losses = -np.sum(targets * log_softmax(z), axis=1)
    reduction = _check_reduction(reduction)
    if reduction == "none":
        return losses
    return float(losses.mean() if reduction == "mean" else losses.sum())


def predict_logits(W, b, X) -> np.ndarray:
    """Logits of softmax regression, one row per example (no checks: the hot path of training).

    Parameters
    ----------
    W : ndarray of shape (d, K)
    b : ndarray of shape (K,)
    X : ndarray of shape (N, d)

    Returns
    -------
    ndarray of shape (N, K)

    Notes
    -----
    Z = XW + 1bᵀ, i.e. z_ik = Σ_j x_ij W_jk + b_k; P(y_i = k | x_i) = softmax(z_i)_k.

    Examples
    --------
    >>> predict_logits(np.array([[1.0, -1.0]]), np.array([0.0, 0.5]), np.array([[2.0], [0.0]]))
    array([[ 2. , -1.5],
           [ 0. ,  0.5]])
    """
    W = as_finite_array(W, "W", ndim=2)
    b = as_finite_array(b, "b", ndim=1)
    X = as_finite_array(X, "X", ndim=2)
    if X.shape[1] != W.shape[0] or b.shape != (W.shape[1],):
        raise ValueError(f"shapes do not fit: X {X.shape}, W {W.shape} (d, K), b {b.shape} (K,)")
    return _logits_of(W, b, X)


def _logits_of(W, b, X):
    """XW + b without checks (the training loop's hot path)."""
    return X @ W + b


def _objective(W, b, X, Y, l2):
    """(mean NLL, objective, logits, log-probabilities) with one-hot targets ``Y``."""
    Z = _logits_of(W, b, X)
    logp = Z - _logsumexp(Z, axis=1)
    nll = -float(np.einsum("ik,ik->", Y, logp)) / Y.shape[0]
    return nll, nll + 0.5 * l2 * float(np.vdot(W, W)), Z, logp


def _grad(logp, W, X, Y, l2):
    """(∇_W J, ∇_b J) from the log-probabilities: G = (P − Y)/N, ∇_W = XᵀG + λW, ∇_b = Σ_i G_i."""
    G = (np.exp(logp) - Y) / Y.shape[0]
    return X.T @ G + l2 * W, G.sum(axis=0)


def softmax_loss_grad(W, b, X, y, l2: float = 0.0) -> tuple[float, np.ndarray, np.ndarray]:
    r"""Penalised mean softmax cross-entropy of softmax regression and its gradient.

    Parameters
    ----------
    W : array_like of shape (d, K)
        Weights, one column per class.
    b : array_like of shape (K,)
        Intercepts.
    X : array_like of shape (N, d)
        Features (used as given).
    y : array_like of shape (N,)
        Integer labels 0 … K−1.
    l2 : float, default 0
        Ridge strength λ ≥ 0 on W (not on b).

    Returns
    -------
    objective : float
    grad_W : ndarray of shape (d, K)
    grad_b : ndarray of shape (K,)

    Notes
    -----
    With Z = XW + 1bᵀ, P = softmax(Z) row-wise and Y the one-hot labels,

        J(W, b) = −(1/N) Σ_i log P_{i,y_i} + (λ/2) ‖W‖²_F
        ∇_W J   = Xᵀ(P − Y)/N + λW
        ∇_b J   = (1/N) Σ_i (P_i − Y_i)

    ∂ℓ_i/∂z_i = P_i − Y_i: the softmax's Jacobian diag(p) − ppᵀ and the
    derivative −y/p of the log cancel, exactly as σ(z) − y for the sigmoid.

    Examples
    --------
    >>> J, gW, gb = softmax_loss_grad(np.zeros((1, 3)), np.zeros(3), [[1.0], [2.0]], [0, 2])
    >>> round(J, 12) == round(float(np.log(3)), 12), gb.round(4).tolist()
    (True, [-0.1667, 0.3333, -0.1667])
    """
    X, y, k = _check_xy(X, y)
    W = as_finite_array(W, "W", ndim=2)
    k = max(k, W.shape[1])
    if W.shape != (X.shape[1], k):
        raise ValueError(f"W must have shape (d, K) = ({X.shape[1]}, {k}), got {W.shape}")
    b = as_finite_array(b, "b", ndim=1)
    if b.shape != (k,):
        raise ValueError(f"b must have shape ({k},), got {b.shape}")
    l2 = check_real(l2, "l2", lo=0.0)
    Y = np.eye(k)[y]
    _, obj, _, logp = _objective(W, b, X, Y, l2)
    gW, gb = _grad(logp, W, X, Y, l2)
    return obj, gW, gb


def expected_calibration_error(P, y, bins: int = 10) -> float:
    r"""Expected calibration error of predicted class probabilities (equal-width confidence bins).

    Parameters
    ----------
    P : array_like of shape (N, K)
        Predicted probabilities (rows sum to 1).
    y : array_like of shape (N,)
        True labels 0 … K−1.
    bins : int, default 10

    Notes
    -----
    With confidence c_i = max_k P_ik, prediction ŷ_i = argmax_k P_ik and the
    bins B_m = ((m−1)/M, m/M] (c = 0 can not occur for K ≥ 1),

        ECE = Σ_m |B_m|/N · | acc(B_m) − conf(B_m) |,

    acc the fraction of correct predictions and conf the mean confidence in
    the bin. 0 for a perfectly calibrated model.

    Examples
    --------
    >>> expected_calibration_error([[0.9, 0.1], [0.9, 0.1]], [0, 1])  # 90 % sure, 50 % right
    0.4
    """
    P = _distribution(P, "P")
    if P.ndim != 2:
        raise ValueError(f"P must be 2-dimensional (examples × classes), got shape {P.shape}")
    y = _targets(y, *P.shape).argmax(axis=1)
    bins = check_int(bins, "bins", lo=1, hi=1000)
    conf = P.max(axis=1)
    correct = (P.argmax(axis=1) == y).astype(np.float64)
    which = np.clip(np.ceil(conf * bins).astype(np.intp) - 1, 0, bins - 1)
    gap = np.abs(np.bincount(which, correct, bins) - np.bincount(which, conf, bins))
    return float(gap.sum() / conf.size)


# ---------------------------------------------------------------------------
# Training
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SoftmaxFit:
    """Record of a softmax-regression training run (see :func:`fit_softmax`).

    Row 0 of every path is the start (W = 0, b = 0: every class 1/K, nll = log K).

    Attributes
    ----------
    W_path : ndarray of shape (n_records, d, K)
        Weights after each epoch in the optimizer's (standardised) coordinates.
    b_path : ndarray of shape (n_records, K)
    nll, objective, accuracy : ndarray of shape (n_records,)
        Full-data mean NLL (= mean softmax cross-entropy), ``nll + (λ/2)‖W‖²``,
        and the fraction classified right by the argmax.
    epochs_run : int
    diverged : bool
    diverged_epoch : int or None
    reason : str or None
    x_mean, x_scale : ndarray of shape (d,)
        The standardisation used.
    l2 : float
    """

    W_path: np.ndarray
    b_path: np.ndarray
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
    def coef(self) -> np.ndarray:
        """Final weights on the original feature scale, (d, K)."""
        return self.W_path[-1] / self.x_scale[:, None]

    @property
    def intercept(self) -> np.ndarray:
        """Final intercepts on the original feature scale, (K,)."""
        return self.b_path[-1] - self.x_mean @ self.coef

    def logits(self, X) -> np.ndarray:
        """Logits of the final model at ``X`` (original feature scale), (N, K)."""
        return predict_logits(self.coef, self.intercept, X)


def fit_softmax(
    X,
    y,
    optimizer,
    epochs: int,
    *,
    n_classes: int | None = None,
    batch_size: int | None = None,
    l2: float = 0.0,
    standardize: bool = True,
    seed: int = 0,
    divergence_factor: float = 1e3,
) -> SoftmaxFit:
    r"""Fit a softmax regression by minimising the mean softmax cross-entropy with a first-order optimizer.

    Parameters
    ----------
    X : array_like of shape (N, d)
        Finite features.
    y : array_like of shape (N,)
        Integer labels 0 … K−1, at least two classes present.
    optimizer : object
        A lab optimizer (e.g. ``training.make_optimizer("Adam", lr=0.05)``) or
        anything with ``update(params, grads)``, which then gets
        ``{"W": (d, K), "b": (K,)}``.
    epochs : int
        Passes over the data (1 … 100,000).
    n_classes : int, optional
        K (default: largest label + 1).
    batch_size, l2, standardize, seed, divergence_factor
        As in :func:`estimation.logistic.fit_logistic`: minibatches from
        ``default_rng(seed)``, λ on W only (standardised coordinates),
        population-std standardisation, divergence threshold
        ``divergence_factor × max(J₀, log K)``.

    Returns
    -------
    SoftmaxFit

    Notes
    -----
    θ = (vec W, b) starts at 0 and each minibatch B takes one step with

        ∇_W = X_Bᵀ(P_B − Y_B)/|B| + λW,   ∇_b = mean_B(P − Y),

    through :func:`estimation.training.train` (the binary trainer's loop).
    With K = 2 and zero start, W₀ = −W₁ throughout and u = W₁ − W₀ follows
    the binary logistic regression trained with learning rate 2η and ridge
    λ/2 (every lab optimizer is element-wise and its step is odd in g).

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0]]); y = np.array([0, 1, 2, 1])
    >>> fit = fit_softmax(X, y, training.make_optimizer("Adam", lr=0.1), 50)
    >>> round(float(fit.nll[0]), 6) == round(float(np.log(3)), 6), bool(fit.nll[-1] < fit.nll[0])
    (True, True)
    """
    X, y, k = _check_xy(X, y, n_classes)
    n, d = X.shape
    if not callable(getattr(optimizer, "update", None)):
        raise ValueError("optimizer must have an update(params, grads) method")
    l2 = check_real(l2, "l2", lo=0.0)
    mean, scale = standardization(X, bool(standardize))
    Xs = (X - mean) / scale if standardize else X
    Y = np.eye(k)[y]
    dk = d * k

    def evaluate(theta):
        W = theta[:dk].reshape(d, k)
        nll, obj, Z, logp = _objective(W, theta[dk:], Xs, Y, l2)
        return nll, obj, np.count_nonzero(Z.argmax(axis=1) == y) / n, logp

    def gradient(theta, idx, logp):
        W = theta[:dk].reshape(d, k)
        if idx is None:
            gW, gb = _grad(logp, W, Xs, Y, l2)
        else:
            Xb, Yb = Xs[idx], Y[idx]
            Z = _logits_of(W, theta[dk:], Xb)
            gW, gb = _grad(Z - _logsumexp(Z, axis=1), W, Xb, Yb, l2)
        return np.concatenate([gW.ravel(), gb])

    run = training.train(
        np.zeros(dk + k), evaluate, gradient, n=n, optimizer=optimizer,
        split=lambda v: {"W": v[:dk].reshape(d, k), "b": v[dk:]}, epochs=epochs, batch_size=batch_size,
        seed=check_seed(seed), divergence_factor=divergence_factor, loss_floor=math.log(k),
    )
    return SoftmaxFit(
        W_path=run.theta_path[:, :dk].reshape(-1, d, k),
        b_path=run.theta_path[:, dk:],
        **training.fit_fields(run, x_mean=mean, x_scale=scale, l2=l2),
    )


@dataclass(frozen=True, slots=True)
class SoftmaxReference:
    """The L-BFGS optimum of the same objective (see :func:`fit_softmax_reference`).

    Attributes
    ----------
    W, b : ndarray of shape (d, K), (K,)
        Optimum in the optimizer's (standardised) coordinates.
    coef, intercept : ndarray
        The same on the original feature scale.
    nll, objective, accuracy, grad_norm : float
    success : bool
        Converged: scipy's flag, or ‖∇J‖ ≤ 1e-6 (scipy reports a line-search
        failure when ``gtol = 1e-10`` is below what rounding allows). False
        e.g. on separable data with λ = 0, where no minimiser exists.
    n_iter : int
    """

    W: np.ndarray
    b: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray
    nll: float
    objective: float
    accuracy: float
    grad_norm: float
    success: bool
    n_iter: int

    def logits(self, X) -> np.ndarray:
        """Logits of the optimum at ``X`` (original feature scale), (N, K)."""
        return predict_logits(self.coef, self.intercept, X)


def fit_softmax_reference(
    X, y, *, n_classes: int | None = None, l2: float = 0.0, standardize: bool = True, max_iter: int = 2_000
) -> SoftmaxReference:
    r"""Minimise the softmax-regression objective with L-BFGS-B (the reference optimum).

    Notes
    -----
    ``scipy.optimize.minimize(method="L-BFGS-B", jac=True)`` from θ = 0 on

        J(W, b) = −(1/N) Σ_i log softmax(Wᵀx_i + b)_{y_i} + (λ/2)‖W‖²_F

    with the analytic gradient of :func:`softmax_loss_grad`, ``gtol = 1e-10``,
    ``ftol = 1e-15``. J is convex; with λ = 0 the parameters are determined
    only up to a common shift of all columns (softmax is shift invariant),
    the probabilities and J are unique. With λ = 0 on separable data no
    minimiser exists and J only tends to 0 (``success`` may then be false
    after ``max_iter`` iterations).

    Examples
    --------
    >>> ref = fit_softmax_reference([[0.0], [1.0], [2.0], [3.0]], [0, 1, 2, 1], l2=0.1)
    >>> ref.success, bool(ref.grad_norm < 1e-8)
    (True, True)
    """
    X, y, k = _check_xy(X, y, n_classes)
    l2 = check_real(l2, "l2", lo=0.0)
    max_iter = check_int(max_iter, "max_iter", lo=1)
    n, d = X.shape
    mean, scale = standardization(X, bool(standardize))
    Xs = (X - mean) / scale
    Y = np.eye(k)[y]
    dk = d * k

    def fun(theta):
        W = theta[:dk].reshape(d, k)
        _, obj, _, logp = _objective(W, theta[dk:], Xs, Y, l2)
        gW, gb = _grad(logp, W, Xs, Y, l2)
        return obj, np.concatenate([gW.ravel(), gb])

    res = optimize.minimize(fun, np.zeros(dk + k), jac=True, method="L-BFGS-B",
                            options={"maxiter": max_iter, "gtol": 1e-10, "ftol": 1e-15})
    W, b = res.x[:dk].reshape(d, k), res.x[dk:]
    nll, obj, Z, _ = _objective(W, b, Xs, Y, l2)
    grad_norm = float(np.linalg.norm(fun(res.x)[1]))
    coef = W / scale[:, None]
    return SoftmaxReference(
        W=W, b=b, coef=coef, intercept=b - mean @ coef, nll=nll, objective=obj,
        accuracy=np.count_nonzero(Z.argmax(axis=1) == y) / n, grad_norm=grad_norm,
        success=bool(res.success) or grad_norm <= 1e-6, n_iter=int(res.nit),
    )
