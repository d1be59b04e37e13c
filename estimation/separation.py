"""Separation: when the logistic-regression MLE exists (linear programs on the signed design).

Labels s_i = 2y_i − 1 and rows (x_i, 1): the classes are *completely*
separated when some (w, b) has s_i(x_i·w + b) > 0 for every i, and
*quasi-completely* when ≥ 0 for every i with at least one strict; in either
case the negative log-likelihood of :mod:`estimation.logistic` has no
minimiser (‖w‖ → ∞ along the separating direction). Both are decided by
:func:`scipy.optimize.linprog` (HiGHS) on standardised features.
"""

from __future__ import annotations

import numpy as np
from scipy import optimize

from estimation.logistic import _check_xy
from estimation.standardization import standardization

__all__ = ["is_linearly_separable", "mle_exists"]


def _signed_design(X, y) -> np.ndarray:
    """Rows ``s_i (x_i, 1)`` with ``s_i = 2 y_i − 1``, on standardised X (conditioning)."""
    X, y = _check_xy(X, y)
    mean, scale = standardization(X, True)
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

    Examples
    --------
    >>> is_linearly_separable([[0.0], [1.0], [2.0], [3.0]], [0, 0, 1, 1])  # x > 1.5 splits them
    True
    >>> is_linearly_separable([[0.0], [1.0], [2.0], [3.0]], [0, 1, 0, 1])
    False
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

    Examples
    --------
    >>> mle_exists([[0.0], [1.0], [2.0], [3.0]], [0, 0, 1, 1])  # separable: ‖w‖ → ∞
    False
    >>> mle_exists([[0.0], [1.0], [2.0], [3.0]], [0, 1, 0, 1])
    True
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
