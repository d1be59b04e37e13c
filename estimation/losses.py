"""Binary cross-entropy on logits, and why it is the Bernoulli negative log-likelihood.

For labels :math:`y_i \\in \\{0, 1\\}` modelled as Bernoulli draws with success
probability :math:`p_i = \\sigma(z_i)`, the negative log-likelihood

    -log L = -sum_i [ y_i log p_i + (1 - y_i) log(1 - p_i) ]

*is* the summed binary cross-entropy (BCE), so −log L / N is the mean BCE
(:func:`bernoulli_identity` shows it on one coin-flip sample). Training a
model on the mean BCE is therefore maximum-likelihood estimation; the model
fit itself is in :mod:`estimation.logistic`.

Logits, not probabilities, cross the function boundaries: every loss here is
computed from ``z`` in log space (``logaddexp``/``log1p``), never as
``log(sigmoid(z))``.

Contents
--------
:func:`sigmoid`, :func:`log_sigmoid`, :func:`bce_with_logits`,
:func:`bce_from_probs`, :func:`bernoulli_nll`, :func:`bernoulli_identity`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special

from estimation import sampling
from estimation._validation import as_finite_array, check_int, check_probability, check_real, scalar_or_array

__all__ = [
    "sigmoid",
    "log_sigmoid",
    "bce_with_logits",
    "bce_from_probs",
    "bernoulli_nll",
    "BernoulliIdentity",
    "bernoulli_identity",
]

_REDUCTIONS = ("mean", "sum", "none")

# ---------------------------------------------------------------------------
# Primitives on logits
# ---------------------------------------------------------------------------


def _reduce(loss: np.ndarray, reduction: str):
    if reduction == "mean":
        return float(np.mean(loss))
    if reduction == "sum":
        return float(np.sum(loss))
    return scalar_or_array(loss)  # element-wise: a numpy scalar for 0-d input, as sigmoid


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
    """Logistic sigmoid ``σ(z) = 1 / (1 + e^{-z})``: the lab's one sigmoid (also the activation).

    Parameters
    ----------
    z : array_like
        Finite logits.

    Returns
    -------
    numpy scalar or ndarray
        ``σ(z)`` in [0, 1], same shape as ``z`` (the core's return convention,
        :func:`estimation._validation.scalar_or_array`).

    Notes
    -----
    Computed by :func:`scipy.special.expit`, which never overflows:
    σ(−1e3) = 0.0 and σ(1e3) = 1.0 without warnings. The derivative is
    ``σ'(z) = σ(z)(1 − σ(z))``, largest (0.25) at z = 0.
    :data:`estimation.activations.sigmoid` is this function.

    Examples
    --------
    >>> float(sigmoid(0.0))
    0.5
    """
    return scalar_or_array(special.expit(as_finite_array(z, "z", min_size=0)))


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
    >>> float(log_sigmoid(-1000.0))
    -1000.0
    """
    z = as_finite_array(z, "z", min_size=0)
    return scalar_or_array(-np.logaddexp(0.0, -z))


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

    Examples
    --------
    >>> p, y = [0.5, 0.25], [1, 0]  # −(log 0.5 + log 0.75) / 2
    >>> bool(np.isclose(bce_from_probs(p, y), -(np.log(0.5) + np.log(0.75)) / 2, rtol=1e-15))
    True
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
# The identity on one sample: −log L / N = mean BCE
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
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


def bernoulli_identity(p: float, q: float, n: int, seed: int) -> BernoulliIdentity:
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
    two different formulas for the same number. Over q, −log L(q) / N is
    smallest at the MLE ``q̂ = k / N``.

    Examples
    --------
    >>> ident = bernoulli_identity(0.3, 0.6, 20, seed=42)
    >>> bool(abs(ident.nll_mean - ident.bce_mean) < 1e-12), ident.q_hat == ident.k / ident.n
    (True, True)
    """
    p = check_probability(p, "p")
    q = check_probability(q, "q", open_interval=True)
    n = check_int(n, "n", lo=1, hi=sampling.MAX_SIZE)
    x = sampling.draw("bernoulli", {"p": p}, n, seed)
    k = int(np.count_nonzero(x))
    z_q = float(special.logit(q))
    nll_sum = bernoulli_nll(x, q)
    q_hat = k / n
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
    )
