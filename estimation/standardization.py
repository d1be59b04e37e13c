r"""Standardised features: the coordinates the classifiers are trained and solved in.

The logistic regression (:mod:`estimation.logistic`), the softmax regression
(:mod:`estimation.softmax`) and the separation linear programs
(:mod:`estimation.separation`) work on each feature column shifted by its
mean and divided by its population standard deviation,

    x̃_ij = (x_ij − m_j) / s_j,

so that one learning rate suits features of any scale and the linear
programs are well conditioned. :func:`standardization` computes (m, s) once,
in one place, for all of them; the trainers map their coefficients back to
the original scale with w_j = w̃_j / s_j and b = b̃ − Σ_j w_j m_j.
"""

from __future__ import annotations

import numpy as np

from estimation._validation import as_finite_array

__all__ = ["standardization"]


def standardization(X, standardize: bool = True) -> tuple[np.ndarray, np.ndarray]:
    r"""Column means and scales that standardise ``X`` (the identity if not ``standardize``).

    Parameters
    ----------
    X : array_like of shape (N, d)
        Finite features, one row per sample.
    standardize : bool, default True
        If false, return the identity map: zeros and ones.

    Returns
    -------
    mean, scale : ndarray of shape (d,)
        m and s with x̃ = (x − m) / s.

    Notes
    -----
    m_j = (1/N) Σ_i x_ij and s_j = √((1/N) Σ_i (x_ij − m_j)²): the population
    standard deviation (ddof = 0), as ``sklearn.preprocessing.StandardScaler``
    uses. A constant column (s_j = 0) keeps s_j = 1, so it maps to zeros
    instead of dividing by 0. With ``standardize=False``, m = 0 and s = 1.

    Examples
    --------
    >>> X = np.array([[0.0, 5.0], [4.0, 5.0]])
    >>> mean, scale = standardization(X)
    >>> mean, scale  # column 0: mean 2, population std 2; column 1 is constant: scale 1
    (array([2., 5.]), array([2., 1.]))
    >>> (X - mean) / scale
    array([[-1.,  0.],
           [ 1.,  0.]])
    >>> standardization(X, standardize=False)
    (array([0., 0.]), array([1., 1.]))
    """
    X = as_finite_array(X, "X", ndim=2)
    d = X.shape[1]
    if not standardize:
        return np.zeros(d), np.ones(d)
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    return mean, scale
