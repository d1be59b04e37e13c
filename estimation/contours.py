"""Contour lines of any surface z(x, y) on a rectilinear grid, and level helpers.

Lines are traced by ``contourpy`` (the library matplotlib uses: marching squares
with linear interpolation along grid edges), and returned as flat 1-D arrays
ready for a long-format table (one row per point)::

    lines = contour_lines(mu, sigma2, surface, loglik_levels(surface.max()))
    df = pandas.DataFrame(lines)       # columns level, line, order, x, y

Shared by the likelihood surface and the optimizer playground (Rosenbrock etc.).
"""

from __future__ import annotations

import contourpy
import numpy as np
from scipy import stats as sps

from estimation._validation import as_finite_array, check_int, check_real

__all__ = ["contour_lines", "loglik_levels", "nice_levels"]

_KEYS = ("level", "line", "order", "x", "y")


def _axis(values, name: str) -> np.ndarray:
    arr = as_finite_array(values, name, ndim=1, min_size=2)
    if np.any(np.diff(arr) <= 0):
        raise ValueError(f"{name} must be strictly increasing")
    return arr


def _thin(lengths: np.ndarray, max_points: int) -> tuple[np.ndarray, np.ndarray]:
    """Points to keep per line so the total is ≤ max_points.

    Each line keeps m_i = min(n_i, max(2, ⌊f n_i⌋)) points, with the fraction f
    shrunk until Σ m_i ≤ max_points; if even two points per line are too many,
    the shortest lines are dropped. Returns (keep, m): which lines survive and
    how many points each keeps.
    """
    keep = np.ones(lengths.size, dtype=bool)
    total = int(lengths.sum())
    if total <= max_points:
        return keep, lengths.copy()
    frac = max_points / total
    while True:
        m = np.minimum(lengths, np.maximum(2, np.floor(frac * lengths).astype(np.int64)))
        if m.sum() <= max_points or np.all(m <= 2):
            break
        frac *= 0.9
    if m.sum() > max_points:  # too many lines: drop the shortest (stable order for ties)
        order = np.argsort(lengths, kind="stable")
        cum = np.cumsum(m[order[::-1]])
        keep[:] = False
        keep[order[::-1][cum <= max_points]] = True
    return keep, m


def contour_lines(x, y, z, levels, *, max_points: int = 5000) -> dict[str, np.ndarray]:
    """Contour lines of ``z`` at ``levels`` as flat point arrays.

    Parameters
    ----------
    x : array_like of shape (nx,)
        Strictly increasing grid coordinates along columns.
    y : array_like of shape (ny,)
        Strictly increasing grid coordinates along rows.
    z : array_like of shape (ny, nx)
        ``z[i, j]`` is the value at ``(x[j], y[i])`` (the ``np.meshgrid(x, y)``
        layout). NaN and ±inf are masked out: lines stop at them.
    levels : float or array_like of shape (L,)
        Finite contour levels; duplicates are removed and they are sorted.
        Levels outside the range of ``z`` simply give no line.
    max_points : int, default 5000
        Cap on the total number of points returned (≥ 2). Longer output is
        thinned evenly along each line, keeping each line's two ends (so closed
        lines stay closed); if there are more than ``max_points // 2`` lines the
        shortest are dropped.

    Returns
    -------
    dict of str to ndarray of shape (P,)
        ``level`` (float), ``line`` (int id, unique across levels, numbered
        from 0 in output order), ``order`` (int index of the point along its
        line, from 0), ``x``, ``y`` (float). Closed lines repeat their first
        point at the end. All arrays are empty when there is no line.

    Notes
    -----
    contourpy's ``serial`` algorithm (``corner_mask=True``) with
    ``LineType.Separate``: on every grid cell edge where z − level changes
    sign, the point is placed by linear interpolation,
    t = (level − z₀)/(z₁ − z₀), (x, y) = (1 − t)·p₀ + t·p₁,
    and the points are chained into lines. A plane is therefore contoured
    exactly; for a curved surface the error is O(h²) in the grid step h.

    Examples
    --------
    >>> x = y = np.linspace(0.0, 1.0, 3)
    >>> out = contour_lines(x, y, x[None, :] + y[:, None], [1.0])  # z = x + y
    >>> np.allclose(out["x"] + out["y"], 1.0), sorted(out)
    (True, ['level', 'line', 'order', 'x', 'y'])
    """
    x = _axis(x, "x")
    y = _axis(y, "y")
    try:
        z = np.asarray(z, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"z must be numeric: {exc}") from None
    if z.shape != (y.size, x.size):
        raise ValueError(f"z must have shape (len(y), len(x)) = {(y.size, x.size)}, got {z.shape}")
    levels = np.unique(as_finite_array(levels, "levels").ravel())
    max_points = check_int(max_points, "max_points", lo=2)

    zm = np.ma.masked_invalid(z)
    segments: list[np.ndarray] = []
    seg_levels: list[float] = []
    if zm.count() > 0:
        gen = contourpy.contour_generator(
            x, y, zm, name="serial", corner_mask=True, line_type=contourpy.LineType.Separate
        )
        for level in levels:
            for seg in gen.lines(float(level)):
                if len(seg):
                    segments.append(seg)
                    seg_levels.append(float(level))
    if not segments:
        return {
            "level": np.empty(0),
            "line": np.empty(0, dtype=np.int64),
            "order": np.empty(0, dtype=np.int64),
            "x": np.empty(0),
            "y": np.empty(0),
        }

    lengths = np.array([len(seg) for seg in segments], dtype=np.int64)
    keep, m = _thin(lengths, max_points)
    parts = {key: [] for key in _KEYS}
    line_id = 0
    for seg, level, n, k, kept in zip(segments, seg_levels, lengths, m, keep):
        if not kept:
            continue
        idx = np.unique(np.round(np.linspace(0, n - 1, k)).astype(np.int64)) if k < n else np.arange(n)
        parts["level"].append(np.full(idx.size, level))
        parts["line"].append(np.full(idx.size, line_id, dtype=np.int64))
        parts["order"].append(np.arange(idx.size, dtype=np.int64))
        parts["x"].append(seg[idx, 0])
        parts["y"].append(seg[idx, 1])
        line_id += 1
    return {key: np.concatenate(parts[key]) for key in _KEYS}


def loglik_levels(loglik_max, *, n: int = 4, confidence=None, df: int = 2) -> np.ndarray:
    """Statistically meaningful contour levels of a log-likelihood, ascending.

    Parameters
    ----------
    loglik_max : float
        ℓ̂, the maximum of the log-likelihood.
    n : int, default 4
        Without ``confidence``: the levels ℓ̂ − j²/2 for j = 1..n, i.e.
        ℓ̂ − {0.5, 2, 4.5, 8, ...}.
    confidence : array_like of float in (0, 1), optional
        If given, the levels ℓ̂ − χ²_df(c)/2 for each c instead.
    df : int, default 2
        Degrees of freedom for ``confidence`` (2 for a joint region of both
        parameters of a surface, 1 for a single parameter).

    Returns
    -------
    ndarray
        Levels in increasing order (the outermost first).

    Notes
    -----
    2(ℓ̂ − ℓ(θ)) = j² is where a quadratic log-likelihood of one parameter is
    j standard errors from θ̂ (|θ − θ̂| = j·SE); the ℓ̂ − 1.92 contour
    (χ²₁(0.95)/2) gives the 95% likelihood-ratio interval of one parameter and
    ℓ̂ − 3.00 (χ²₂(0.95)/2) the joint 95% region of two.

    Examples
    --------
    >>> loglik_levels(-10.0, n=3)  # ℓ̂ − j²/2 for j = 3, 2, 1
    array([-14.5, -12. , -10.5])
    >>> from scipy import stats
    >>> bool(np.isclose(loglik_levels(0.0, confidence=[0.95], df=1)[0], -stats.chi2.ppf(0.95, 1) / 2))
    True
    """
    loglik_max = check_real(loglik_max, "loglik_max")
    if confidence is None:
        n = check_int(n, "n", lo=1)
        deltas = 0.5 * np.arange(1, n + 1, dtype=np.float64) ** 2
    else:
        c = as_finite_array(confidence, "confidence").ravel()
        if np.any((c <= 0.0) | (c >= 1.0)):
            raise ValueError("confidence must lie in (0, 1)")
        deltas = 0.5 * sps.chi2.ppf(c, check_int(df, "df", lo=1))
    return np.sort(loglik_max - deltas)


def _nice_step(span: float, n: int) -> float:
    """Smallest of {1, 2, 2.5, 5} × 10^e that splits ``span`` into at most ``n`` steps."""
    raw = span / n
    exponent = np.floor(np.log10(raw))
    for mantissa in (1.0, 2.0, 2.5, 5.0, 10.0):
        step = mantissa * 10.0**exponent
        if step >= raw:  # no slack: step >= span/n is what caps the count at n
            return float(step)
    return float(10.0 ** (exponent + 1))  # pragma: no cover - loop always returns


def nice_levels(z, n: int = 10, *, log: bool = False) -> np.ndarray:
    """About ``n`` round contour levels inside the finite range of ``z``.

    Parameters
    ----------
    z : array_like
        Surface values; NaN/inf are ignored.
    n : int, default 10
        Target (maximum) number of levels, ≥ 1.
    log : bool, default False
        Log-spaced levels for positive surfaces spanning decades (Rosenbrock):
        values m·10^e with m in {1, 2, 5} (or only m = 1, then every k-th
        decade, when that would exceed ``n``), using only the positive values of z.

    Returns
    -------
    ndarray
        Strictly increasing levels within [min z, max z]; empty if z has no
        (positive, for ``log``) finite spread.

    Notes
    -----
    Linear: step = the smallest of {1, 2, 2.5, 5}·10^e ≥ (max − min)/n, and the
    multiples of the step strictly inside (min, max).

    Examples
    --------
    >>> nice_levels([0.0, 1.0], n=5)
    array([0.2, 0.4, 0.6, 0.8])
    >>> nice_levels([1.0, 1000.0], n=5, log=True)
    array([ 10., 100.])
    """
    try:
        arr = np.asarray(z, dtype=np.float64).ravel()
    except (TypeError, ValueError) as exc:
        raise ValueError(f"z must be numeric: {exc}") from None
    n = check_int(n, "n", lo=1)
    arr = arr[np.isfinite(arr)]
    if log:
        arr = arr[arr > 0]
    if arr.size == 0 or arr.min() == arr.max():
        return np.empty(0)
    lo, hi = float(arr.min()), float(arr.max())
    if not log:
        step = _nice_step(hi - lo, n)
        levels = step * np.arange(np.floor(lo / step), np.ceil(hi / step) + 1)
        return levels[(levels > lo) & (levels < hi)]
    e_lo, e_hi = int(np.floor(np.log10(lo))), int(np.ceil(np.log10(hi)))
    decades = 10.0 ** np.arange(e_lo, e_hi + 1, dtype=np.float64)
    for mantissas in ((1.0, 2.0, 5.0), (1.0,)):
        levels = (decades[:, None] * np.array(mantissas)).ravel()
        levels = levels[(levels > lo) & (levels < hi)]
        if levels.size <= n:
            return levels
    return levels[:: int(np.ceil(levels.size / n))]
