"""Synthetic classification data: Gaussian classes and blobs, drawn through ``default_rng(seed)``."""

from __future__ import annotations

import numpy as np

from estimation._validation import check_int, check_real, check_seed
from estimation.csv_files import MAX_ROWS

__all__ = ["make_gaussian_classes", "make_gaussian_blobs", "MAX_CLASSES"]

#: Most classes the lab draws, and :func:`estimation.datasets.select_classes` accepts (it colours and
#: tabulates every class).
MAX_CLASSES = 10


def make_gaussian_classes(
    n: int = 200,
    *,
    n_features: int = 2,
    separation: float = 2.0,
    balance: float = 0.5,
    correlation: float = 0.0,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """Two Gaussian classes with adjustable overlap.

    Parameters
    ----------
    n : int, default 200
        Total number of samples (2 … 200,000).
    n_features : {1, 2}, default 2
    separation : float, default 2
        Distance between the class means, in units of the within-class
        standard deviation (0 … 20). 0: identical classes; large: separable.
    balance : float, default 0.5
        Fraction of class 1, in (0, 1); the class sizes are
        ``n1 = round(balance · n)`` and ``n0 = n − n1``, both at least 1.
    correlation : float, default 0
        Within-class correlation ρ of the two features, in (−1, 1)
        (must be 0 for one feature).
    seed : int, default 0

    Returns
    -------
    X : ndarray of shape (n, n_features)
    y : ndarray of shape (n,)
        Labels 0.0/1.0; the rows are in random order.

    Notes
    -----
    ``x | y = k ~ N(μ_k, Σ)`` with ``μ_1 = −μ_0 = (separation/2) u``, where
    ``u = 1`` for one feature and ``u = (1, 1)/√2`` for two, and
    ``Σ = [[1, ρ], [ρ, 1]]`` (``Σ = 1`` for one feature). With equal
    covariances the Bayes-optimal decision rule is linear, so logistic
    regression is the correctly specified model:
    ``log P(y=1|x)/P(y=0|x) = (μ_1 − μ_0)ᵀ Σ⁻¹ x + log(n1/n0)``.
    All draws come from ``numpy.random.default_rng(seed)``.

    Examples
    --------
    >>> X, y = make_gaussian_classes(6, seed=0)
    >>> X.shape, y.tolist()
    ((6, 2), [1.0, 1.0, 0.0, 0.0, 1.0, 0.0])
    """
    n = check_int(n, "n", lo=2, hi=MAX_ROWS)
    d = check_int(n_features, "n_features", lo=1, hi=2)
    separation = check_real(separation, "separation", lo=0.0, hi=20.0)
    balance = check_real(balance, "balance", lo=0.0, hi=1.0, lo_open=True, hi_open=True)
    rho = check_real(correlation, "correlation", lo=-1.0, hi=1.0, lo_open=True, hi_open=True)
    if d == 1 and rho != 0.0:
        raise ValueError("correlation must be 0 for one feature")
    n1 = int(round(balance * n))
    if n1 < 1 or n1 > n - 1:
        raise ValueError(f"balance={balance} leaves a class empty for n={n}")
    n0 = n - n1

    rng = np.random.default_rng(check_seed(seed))
    u = np.ones(d) / np.sqrt(d)
    cov = np.array([[1.0]]) if d == 1 else np.array([[1.0, rho], [rho, 1.0]])
    chol = np.linalg.cholesky(cov)
    noise = rng.standard_normal((n, d)) @ chol.T
    y = np.concatenate([np.zeros(n0), np.ones(n1)])
    X = noise + np.outer(y - 0.5, separation * u)
    order = rng.permutation(n)
    return X[order], y[order]


def make_gaussian_blobs(
    n: int = 300, k: int = 3, *, separation: float = 3.0, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """K Gaussian classes in the plane, their means evenly spaced on a circle.

    Parameters
    ----------
    n : int, default 300
        Total number of samples (K … 200,000); the classes get ``n // K`` each,
        the first ``n mod K`` classes one more.
    k : int, default 3
        Number of classes K (2 … :data:`MAX_CLASSES`).
    separation : float, default 3
        Distance between the means of neighbouring classes, in units of the
        within-class standard deviation (0 … 20).
    seed : int, default 0

    Returns
    -------
    X : ndarray of shape (n, 2)
    y : ndarray of shape (n,)
        Integer labels 0 … K−1 (as floats); rows in random order.

    Notes
    -----
    ``x | y = j ~ N(μ_j, I₂)`` with ``μ_j = r (cos 2πj/K, sin 2πj/K)`` and
    ``r = separation / (2 sin(π/K))`` (so neighbours are ``separation``
    apart; K = 2 gives ±separation/2). Equal covariances make the Bayes
    rule's log-odds linear in x: softmax regression is the correctly
    specified model. All draws come from ``numpy.random.default_rng(seed)``.

    Examples
    --------
    >>> X, y = make_gaussian_blobs(7, 3, separation=4.0, seed=1)
    >>> X.shape, np.bincount(y.astype(int)).tolist()
    ((7, 2), [3, 2, 2])
    """
    k = check_int(k, "k", lo=2, hi=MAX_CLASSES)
    n = check_int(n, "n", lo=k, hi=MAX_ROWS)
    separation = check_real(separation, "separation", lo=0.0, hi=20.0)
    rng = np.random.default_rng(check_seed(seed))
    angles = 2 * np.pi * np.arange(k) / k
    means = separation / (2 * np.sin(np.pi / k)) * np.column_stack([np.cos(angles), np.sin(angles)])
    y = np.repeat(np.arange(k), n // k + (np.arange(k) < n % k))
    X = rng.standard_normal((n, 2)) + means[y]
    order = rng.permutation(n)
    return X[order], y[order].astype(np.float64)
