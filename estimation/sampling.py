"""Sampling from the lab's three teaching distributions.

Bernoulli(p), Binomial(n, p) and Gaussian(μ, σ) (entries of the registry
:data:`estimation.distributions.DISTRIBUTIONS`) samples drawn through
``numpy.random.default_rng(seed)``, their exact moments, and the running mean
that makes the law of large numbers visible. What the Sampling page draws from
them (histograms beside the exact pmf/pdf, the thinned running mean) is in
:mod:`estimation.views.sampling`.

Examples
--------
>>> from estimation import sampling
>>> x = sampling.draw("binomial", {"n": 10, "p": 0.3}, size=5, seed=0)
>>> x.shape
(5,)
>>> mean, var = sampling.moments("binomial", {"n": 10, "p": 0.3})
>>> mean, round(var, 12)  # np(1 − p) = 2.1 up to rounding
(3.0, 2.1)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Mapping

import numpy as np

from estimation import distributions as D
from estimation._validation import as_finite_array, check_int, check_seed, lookup

__all__ = [
    "DISTRIBUTIONS",
    "MAX_SIZE",
    "Parametrised",
    "checked",
    "draw",
    "moments",
    "running_mean",
]

#: Page geometry that moved (to :mod:`estimation.views.sampling`, thinning to :mod:`estimation.thinning`);
#: the names still resolve here.
_MOVED = {"Histogram": "estimation.views.sampling", "histogram": "estimation.views.sampling",
          "thin_log_indices": "estimation.thinning"}


def __getattr__(name: str):
    if name in _MOVED:
        import importlib

        return getattr(importlib.import_module(_MOVED[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

#: Largest sample the lab draws in one call (the Sampling page's maximum N).
MAX_SIZE = 1_000_000


@dataclass(frozen=True, slots=True)
class Parametrised:
    """A registry distribution as the Sampling page parametrises it (named apart from the registry's own
    :class:`~estimation.distributions.Distribution`: this is a choice of parameter names and ranges).

    The mathematics (moments, sampler, scipy twin, LaTeX) is the entry of
    :data:`estimation.distributions.DISTRIBUTIONS`; this view fixes the
    parameter names and ranges the page and :func:`draw` take (the Gaussian
    by its standard deviation σ, ``sigma``, as numpy does).

    Attributes
    ----------
    name : str
        Registry key.
    entry : estimation.distributions.Distribution
        The registry entry.
    params : tuple of estimation.distributions.Parameter
        The parameters :func:`draw` takes, with this module's ranges.
    """

    name: str
    entry: D.Distribution
    params: tuple[D.Parameter, ...]

    @property
    def discrete(self) -> bool:
        """Whether the support is the integers (pmf) or the real line (pdf)."""
        return self.entry.discrete

    @property
    def defaults(self) -> dict[str, float]:
        """Default parameter values, in display order."""
        return {p.name: p.default for p in self.params}

    def validate(self, params: Mapping[str, float]) -> dict:
        """Checked, typed parameters (every one required), or ``ValueError``."""
        return {p.name: p.check(params[p.name]) for p in self.params}

    def scipy(self, q: Mapping[str, float]):
        """The frozen scipy.stats distribution (the oracle for densities)."""
        return self.entry._frozen(**q)

    def sample(self, rng: np.random.Generator, q: Mapping[str, float], size: int) -> np.ndarray:
        """Draw ``size`` values with numpy's ``Generator``."""
        return self.entry._sample(rng, size, **q)

    def mean_var(self, q: Mapping[str, float]) -> tuple[float, float]:
        """(E[X], Var[X]) in closed form."""
        m = self.entry._moments(**q)
        return m.mean, m.variance


def _view(name: str, **ranges) -> Parametrised:
    entry = D.DISTRIBUTIONS[name]
    return Parametrised(name, entry, tuple(entry.param(k).narrowed(**r) for k, r in ranges.items()))


#: The Sampling page's distributions (views of :data:`estimation.distributions.DISTRIBUTIONS`).
DISTRIBUTIONS: dict[str, Parametrised] = {
    "bernoulli": _view("bernoulli", p={}),
    "binomial": _view("binomial", n={"hi": 10_000}, p={}),
    "gaussian": _view("gaussian", mu={"lo": -1e6, "hi": 1e6}, sigma={"hi": 1e6}),
}


def checked(dist: str, params: Mapping[str, float]) -> tuple[Parametrised, dict]:
    """The entry of :data:`DISTRIBUTIONS` called ``dist`` and its checked parameters (all required).

    Examples
    --------
    >>> dist, params = checked("binomial", {"n": 10, "p": 0.3})
    >>> dist.name, params
    ('binomial', {'n': 10, 'p': 0.3})
    >>> checked("binomial", {"n": 10, "p": 1.5})
    Traceback (most recent call last):
    ...
    ValueError: p must be <= 1.0, got 1.5
    """
    d = lookup(DISTRIBUTIONS, dist, "dist")
    missing = [k for k in d.defaults if k not in params]
    if missing:
        raise ValueError(f"missing parameter(s) for {dist}: {', '.join(missing)}")
    return d, d.validate(params)


def draw(dist: str, params: Mapping[str, float], size: int, seed: int) -> np.ndarray:
    """Draw an i.i.d. sample of ``size`` values.

    Parameters
    ----------
    dist : {"bernoulli", "binomial", "gaussian"}
        Distribution name (key of :data:`DISTRIBUTIONS`).
    params : mapping
        ``{"p"}``, ``{"n", "p"}`` or ``{"mu", "sigma"}`` (σ is the standard
        deviation, σ > 0).
    size : int
        Sample size N, 1 ≤ N ≤ :data:`MAX_SIZE`.
    seed : int
        Seed for ``numpy.random.default_rng``; the same seed gives the same
        sample.

    Returns
    -------
    x : ndarray of shape (size,), float64, read-only
        The last few samples are remembered (a page and its code snippet ask
        for the same draw), so the array is shared and must not be changed.

    Notes
    -----
    x_1, …, x_N i.i.d. from the distribution, drawn by numpy's own method
    of ``numpy.random.default_rng(seed)`` (``binomial(1, p)``,
    ``binomial(n, p)``, ``normal(μ, σ)``): the code a page's snippet prints.

    Examples
    --------
    >>> x = draw("gaussian", {"mu": 1.0, "sigma": 2.0}, 5, seed=0)  # numpy's own draw
    >>> bool(np.array_equal(x, np.random.default_rng(0).normal(1.0, 2.0, 5)))
    True
    """
    d, q = checked(dist, params)
    return _sample(d.name, tuple(q.items()), check_int(size, "size", lo=1, hi=MAX_SIZE), check_seed(seed))


@functools.lru_cache(maxsize=2)
def _sample(dist: str, params: tuple, size: int, seed: int) -> np.ndarray:
    x = DISTRIBUTIONS[dist].sample(np.random.default_rng(seed), dict(params), size)
    x.flags.writeable = False
    return x


def moments(dist: str, params: Mapping[str, float]) -> tuple[float, float]:
    """Exact mean and variance.

    Notes
    -----
    Bernoulli: E[X] = p, Var[X] = p(1 − p).
    Binomial: E[X] = np, Var[X] = np(1 − p).
    Gaussian: E[X] = μ, Var[X] = σ².

    Examples
    --------
    >>> mean, var = moments("binomial", {"n": 10, "p": 0.3})  # np, np(1 − p)
    >>> round(mean, 12), round(var, 12)
    (3.0, 2.1)
    """
    d, q = checked(dist, params)
    mean, var = d.mean_var(q)
    return float(mean), float(var)


def running_mean(x) -> np.ndarray:
    """Mean of the first k values for k = 1 … N.

    Notes
    -----
    x̄_k = (1/k) Σ_{i=1}^{k} x_i, computed with a float64 cumulative sum
    (relative rounding error ≲ N·2⁻⁵³, negligible for N ≤ 10⁶).

    Examples
    --------
    >>> running_mean([2.0, 4.0, 9.0])  # 2, (2 + 4)/2, (2 + 4 + 9)/3
    array([2., 3., 5.])
    """
    x = as_finite_array(x, "x", ndim=1)
    return np.cumsum(x) / np.arange(1, x.size + 1)
