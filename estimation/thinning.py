"""Deterministic thinning: which rows of a long series a picture (or a sub-sampled sum) keeps."""

from __future__ import annotations

import numpy as np

from estimation._validation import check_int

__all__ = ["even_indices", "thin_log_indices"]


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

    Examples
    --------
    >>> even_indices(10, 4).tolist()
    [0, 3, 6, 9]
    """
    n = check_int(n, "n", lo=0)
    max_points = check_int(max_points, "max_points", lo=2)
    if n <= max_points:
        return np.arange(n)
    return np.round(np.linspace(0, n - 1, max_points)).astype(np.intp)


def thin_log_indices(n: int, max_points: int = 2000) -> np.ndarray:
    """Indices into a length-``n`` series, evenly spaced on a log scale.

    Parameters
    ----------
    n : int
        Length of the series (>= 1).
    max_points : int, default 2000
        Largest number of indices returned (>= 2).

    Returns
    -------
    ndarray of int
        ``arange(n)`` when ``n <= max_points``; otherwise
        ``unique(round(geomspace(1, n, max_points))) − 1``: the first (0) and
        the last (n − 1) index, none repeated, at most ``max_points``.

    Notes
    -----
    For plotting a running statistic against k on a log axis without sending
    N points to the chart (the Sampling page's running mean, the Likelihood
    page's per-observation product).

    Examples
    --------
    >>> thin_log_indices(1000, 5).tolist()
    [0, 5, 31, 177, 999]
    """
    n = check_int(n, "n", lo=1)
    max_points = check_int(max_points, "max_points", lo=2)
    if n <= max_points:
        return np.arange(n)
    return np.unique(np.round(np.geomspace(1, n, max_points)).astype(np.int64) - 1)
