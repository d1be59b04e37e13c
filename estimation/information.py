r"""Entropy, KL divergence and cross-entropy of discrete distributions, in nats or bits.

For a distribution p (e.g. the class frequencies of a sample) and a model q
over the same K outcomes,

    H(p, q) = −Σ_k p_k log q_k = H(p) + KL(p‖q),

so minimising the cross-entropy over q minimises the KL divergence from p
(H(p) does not depend on q): the mean negative log-likelihood of a
categorical model is H(p̂, q), and its minimiser q = p̂ is the MLE.
Softmax regression, whose loss this is, lives in :mod:`estimation.softmax`.

Conventions: distributions run along the last axis (rows of several are
fine); 0 log 0 = 0 (``xlogy``, ``rel_entr``); ``units`` is ``"nats"``
(natural log) or ``"bits"`` (log base 2).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import special

from estimation._validation import as_finite_array

__all__ = ["UNITS", "entropy", "kl_divergence", "cross_entropy", "Decomposition", "decomposition"]

#: Units of information: the logarithm's base.
UNITS = {"nats": math.e, "bits": 2.0}


def _log_base(units: str) -> float:
    if units not in UNITS:
        raise ValueError(f"units must be one of {list(UNITS)}, got {units!r}")
    return math.log(UNITS[units])


def _distribution(p, name: str) -> np.ndarray:
    """A probability vector (or rows of them along the last axis): non-negative, summing to 1."""
    p = as_finite_array(p, name)
    if p.ndim == 0:
        raise ValueError(f"{name} must be a probability vector, got a scalar")
    if np.any(p < 0):
        raise ValueError(f"{name} must be non-negative")
    total = p.sum(axis=-1)
    if not np.allclose(total, 1.0, rtol=0.0, atol=1e-9):
        raise ValueError(f"{name} must sum to 1 along its last axis, got {np.min(total):.12g}")
    return p


def entropy(p, units: str = "nats"):
    r"""Shannon entropy H(p) of a distribution (rows along the last axis).

    Parameters
    ----------
    p : array_like of shape (..., K)
        Probabilities, summing to 1 along the last axis.
    units : {"nats", "bits"}, default "nats"

    Returns
    -------
    float or ndarray of shape (...)

    Notes
    -----
    H(p) = −Σ_k p_k log p_k, with 0 log 0 = 0 (``scipy.special.xlogy``);
    0 ≤ H(p) ≤ log K, the maximum at the uniform distribution. In bits the
    log is base 2 (divide nats by ln 2).

    Examples
    --------
    >>> float(entropy([0.5, 0.5], units="bits"))
    1.0
    """
    p = _distribution(p, "p")
    h = -np.sum(special.xlogy(p, p), axis=-1) / _log_base(units)
    return float(h) if np.ndim(h) == 0 else h


def kl_divergence(p, q, units: str = "nats"):
    r"""Kullback–Leibler divergence KL(p‖q) of q from p.

    Parameters
    ----------
    p, q : array_like of shape (..., K)
        Distributions over the same K outcomes.
    units : {"nats", "bits"}, default "nats"

    Returns
    -------
    float or ndarray
        ≥ 0, zero iff q = p; ∞ when q_k = 0 for an outcome with p_k > 0.

    Notes
    -----
    KL(p‖q) = Σ_k p_k log(p_k / q_k)  (``scipy.special.rel_entr``; terms with
    p_k = 0 are 0). Not symmetric: KL(p‖q) ≠ KL(q‖p) in general.

    Examples
    --------
    >>> float(kl_divergence([0.5, 0.5], [0.5, 0.5]))
    0.0
    """
    p, q = _distribution(p, "p"), _distribution(q, "q")
    if p.shape[-1] != q.shape[-1]:
        raise ValueError(f"p and q must have the same number of outcomes, got {p.shape[-1]} and {q.shape[-1]}")
    d = np.sum(special.rel_entr(p, q), axis=-1) / _log_base(units)
    return float(d) if np.ndim(d) == 0 else d


def cross_entropy(p, q, units: str = "nats"):
    r"""Cross-entropy H(p, q) of the model q under the data distribution p.

    Parameters
    ----------
    p, q : array_like of shape (..., K)
        Distributions over the same K outcomes.
    units : {"nats", "bits"}, default "nats"

    Notes
    -----
    H(p, q) = −Σ_k p_k log q_k (terms with p_k = 0 are 0). With p = p̂ the
    empirical distribution of a sample of N labels, N·H(p̂, q) is the
    sample's negative log-likelihood under the categorical model q.

    Examples
    --------
    >>> round(float(cross_entropy([1.0, 0.0], [0.25, 0.75], units="bits")), 12)
    2.0
    """
    p, q = _distribution(p, "p"), _distribution(q, "q")
    if p.shape[-1] != q.shape[-1]:
        raise ValueError(f"p and q must have the same number of outcomes, got {p.shape[-1]} and {q.shape[-1]}")
    h = -np.sum(special.xlogy(p, q), axis=-1) / _log_base(units)
    return float(h) if np.ndim(h) == 0 else h


@dataclass(frozen=True, slots=True)
class Decomposition:
    """H(p, q) = H(p) + KL(p‖q), in the given units."""

    cross_entropy: float | np.ndarray
    entropy: float | np.ndarray
    kl: float | np.ndarray


def decomposition(p, q, units: str = "nats") -> Decomposition:
    r"""The cross-entropy split into the entropy of p and the KL divergence of q from p.

    Notes
    -----
    H(p, q) = −Σ p_k log q_k = −Σ p_k log p_k + Σ p_k log(p_k/q_k) = H(p) + KL(p‖q).

    H(p) does not depend on q and KL ≥ 0 with equality iff q = p, so
    min_q H(p̂, q) = H(p̂) is attained at q = p̂: the maximum-likelihood
    estimate of a categorical distribution is the sample's frequencies.

    Examples
    --------
    >>> d = decomposition([0.7, 0.3], [0.5, 0.5], units="bits")
    >>> round(d.cross_entropy, 12), round(d.entropy + d.kl, 12)
    (1.0, 1.0)
    """
    return Decomposition(cross_entropy(p, q, units), entropy(p, units), kl_divergence(p, q, units))
