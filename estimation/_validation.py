"""Argument checks shared by the core modules.

Every check raises ``ValueError`` with a message that names the argument, so
pages can show the message to the user verbatim. Problems with data a user
supplies (an uploaded file, its columns) raise :class:`InputError`, a
``ValueError`` that also names its message, so a page can show it translated.
"""

from __future__ import annotations

import numbers

import numpy as np

__all__ = [
    "InputError",
    "as_finite_array",
    "check_int",
    "check_real",
    "check_probability",
    "check_seed",
    "check_counts",
    "check_level",
    "lookup",
    "scalar_or_array",
]


class InputError(ValueError):
    """A ``ValueError`` about user-supplied data that a UI can show in its own language.

    Parameters
    ----------
    key : str
        Names the message; the lab's strings hold ``error.<key>`` in every
        language, with the same ``{fields}``.
    template : str
        The English message, a ``str.format`` template; ``str(err)`` is
        ``template.format(**fields)``.
    **fields : str
        The values of the placeholders, already formatted for display.
    """

    def __init__(self, key: str, template: str, /, **fields: str) -> None:
        super().__init__(template.format(**fields))
        self.key = key
        self.fields = fields


def as_finite_array(x, name: str, *, ndim: int | None = None, min_size: int = 1) -> np.ndarray:
    """Return ``x`` as a float64 array, rejecting non-finite or empty input.

    Parameters
    ----------
    x : array_like
        Values to convert.
    name : str
        Argument name used in the error message.
    ndim : int, optional
        Required number of dimensions.
    min_size : int, default 1
        Minimum number of elements.
    """
    try:
        arr = np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name} must be numeric: {exc}") from None
    if ndim is not None and arr.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-dimensional, got shape {arr.shape}")
    if arr.size < min_size:
        raise ValueError(f"{name} must have at least {min_size} element(s), got {arr.size}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must contain only finite values")
    return arr


def check_int(value, name: str, *, lo: int | None = None, hi: int | None = None) -> int:
    """Return ``value`` as ``int`` if it is an integer in ``[lo, hi]``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        if isinstance(value, numbers.Real) and float(value).is_integer():
            value = int(value)
        else:
            raise ValueError(f"{name} must be an integer, got {value!r}")
    value = int(value)
    if not -(2**63) <= value < 2**63:
        raise ValueError(f"{name} is out of range: {value:.3g}")
    if lo is not None and value < lo:
        raise ValueError(f"{name} must be >= {lo}, got {value}")
    if hi is not None and value > hi:
        raise ValueError(f"{name} must be <= {hi}, got {value}")
    return value


def check_real(
    value,
    name: str,
    *,
    lo: float | None = None,
    hi: float | None = None,
    lo_open: bool = False,
    hi_open: bool = False,
) -> float:
    """Return ``value`` as a finite ``float`` within the given bounds.

    ``lo_open``/``hi_open`` make the corresponding bound strict, e.g.
    ``check_real(sigma, "sigma", lo=0, lo_open=True)`` requires sigma > 0.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(f"{name} must be a real number, got {value!r}")
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value}")
    if lo is not None and (value <= lo if lo_open else value < lo):
        raise ValueError(f"{name} must be {'>' if lo_open else '>='} {lo}, got {value}")
    if hi is not None and (value >= hi if hi_open else value > hi):
        raise ValueError(f"{name} must be {'<' if hi_open else '<='} {hi}, got {value}")
    return value


def check_level(level) -> float:
    """Return a confidence/credible ``level`` as a float in the open interval (0, 1)."""
    return check_real(level, "level", lo=0.0, hi=1.0, lo_open=True, hi_open=True)


def check_counts(k, n, *, n_min: int = 0, scalar: bool = False):
    """Return ``(k, n)``: ``n >= n_min`` an int and ``k`` integer count(s) in ``[0, n]``.

    A scalar ``k`` comes back as an ``int``; an array-like ``k`` (refused when
    ``scalar``) as a float64 array of integral values, so it broadcasts in
    vectorised formulas.
    """
    n = check_int(n, "n", lo=n_min)
    if scalar or (np.ndim(k) == 0 and not isinstance(k, np.ndarray)):
        k = check_int(k, "k", lo=0)
        if k > n:  # typed in by users (k successes of n trials): translatable
            raise InputError("k_over_n", "k must be <= n = {n}, got {k}", k=str(k), n=str(n))
        return k, n
    k_arr = as_finite_array(k, "k")
    if np.any(k_arr != np.floor(k_arr)):
        raise ValueError(f"k must be an integer count, got {k!r}")
    if np.any(k_arr < 0):
        raise ValueError(f"k must be >= 0, got {k!r}")
    if np.any(k_arr > n):
        raise ValueError(f"k must be <= n = {n}, got {k!r}")
    return k_arr, n


def scalar_or_array(y):
    """A 0-d result as a numpy scalar, an array unchanged (the return convention of the core)."""
    y = np.asarray(y)
    return y[()] if y.ndim == 0 else y


def check_probability(value, name: str = "p", *, open_interval: bool = False) -> float:
    """Return ``value`` as a float in [0, 1] (or (0, 1) if ``open_interval``)."""
    return check_real(value, name, lo=0.0, hi=1.0, lo_open=open_interval, hi_open=open_interval)


MAX_SEED = 2**32 - 1


def check_seed(seed) -> int:
    """Return ``seed`` as an int in [0, 2**32 - 1] for ``numpy.random.default_rng``."""
    return check_int(seed, "seed", lo=0, hi=MAX_SEED)


def lookup(registry, key, name: str):
    """Return ``registry[key]``; an unknown (or unhashable) key raises ``ValueError``."""
    try:
        return registry[key]
    except (KeyError, TypeError):
        raise ValueError(f"{name} must be one of {list(registry)}, got {key!r}") from None
