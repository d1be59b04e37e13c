"""Sampling from the lab's three teaching distributions.

Bernoulli(p), Binomial(n, p) and Gaussian(μ, σ) (entries of the registry
:data:`estimation.distributions.DISTRIBUTIONS`) samples drawn through
``numpy.random.default_rng(seed)``, their exact moments, histograms with the
exact pmf/pdf on the same (density) scale, and the running mean that makes the
law of large numbers visible.

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
    "Distribution",
    "Histogram",
    "SampleSummary",
    "draw",
    "moments",
    "histogram",
    "running_mean",
    "thin_log_indices",
    "summarize",
]

#: Largest sample the lab draws in one call (the Sampling page's maximum N).
MAX_SIZE = 1_000_000


@dataclass(frozen=True, slots=True)
class Distribution:
    """A distribution as the Sampling page parametrises it: a view of a registry entry.

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


def _view(name: str, **ranges) -> Distribution:
    entry = D.DISTRIBUTIONS[name]
    return Distribution(name, entry, tuple(entry.param(k).narrowed(**r) for k, r in ranges.items()))


#: The Sampling page's distributions (views of :data:`estimation.distributions.DISTRIBUTIONS`).
DISTRIBUTIONS: dict[str, Distribution] = {
    "bernoulli": _view("bernoulli", p={}),
    "binomial": _view("binomial", n={"hi": 10_000}, p={}),
    "gaussian": _view("gaussian", mu={"lo": -1e6, "hi": 1e6}, sigma={"hi": 1e6}),
}


def _checked(dist: str, params: Mapping[str, float]) -> tuple[Distribution, dict]:
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
    """
    d, q = _checked(dist, params)
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
    """
    d, q = _checked(dist, params)
    mean, var = d.mean_var(q)
    return float(mean), float(var)


@dataclass(frozen=True)
class Histogram:
    """Histogram on the density scale with the exact density alongside.

    For a discrete distribution each bin is one integer value ``k`` (``left =
    k − ½``, ``right = k + ½``, width 1), ``density`` is the relative frequency
    and ``exact`` the pmf P(X = k). For the Gaussian, ``density`` is
    count / (N · width) and ``exact`` the pdf at the bin centre; ``curve_x`` /
    ``curve_y`` trace the pdf finely for a smooth overlay.
    """

    left: np.ndarray
    right: np.ndarray
    count: np.ndarray
    density: np.ndarray
    exact: np.ndarray
    curve_x: np.ndarray
    curve_y: np.ndarray

    @property
    def center(self) -> np.ndarray:
        return 0.5 * (self.left + self.right)


def histogram(x, dist: str, params: Mapping[str, float], *, max_bins: int = 80) -> Histogram:
    """Bin a sample in numpy and pair each bin with the exact pmf/pdf.

    Parameters
    ----------
    x : array_like of shape (N,)
        The sample.
    dist, params
        As in :func:`draw`; used for the exact density and the support.
    max_bins : int, default 80
        Upper bound on the number of bins for the Gaussian: the Rice rule
        ⌈2·N^{1/3}⌉ bins, clipped to [10, max_bins], of equal width over the
        data range (no quantiles needed, so binning stays one O(N) pass).
        Discrete distributions get one bin per integer from the smaller of the
        data minimum and the 0.01 % quantile to the larger of the data maximum
        and the 99.99 % quantile, so tails with visible mass are never cut.

    Returns
    -------
    Histogram
        ``count.sum() == N`` always.

    Notes
    -----
    Gaussian density: count_j / (N · (right_j − left_j)), comparable with the
    pdf φ((x − μ)/σ)/σ on the same axis.
    """
    d, q = _checked(dist, params)
    x = as_finite_array(x, "x", ndim=1)
    max_bins = check_int(max_bins, "max_bins", lo=10, hi=5000)
    frozen = d.scipy(q)
    n = x.size
    if d.discrete:
        if np.any(x != np.round(x)) or x.min() < 0:
            raise ValueError("x must hold non-negative integers for a discrete distribution")
        lo = int(min(x.min(), frozen.ppf(1e-4)))
        hi = int(max(x.max(), frozen.ppf(1.0 - 1e-4)))
        k = np.arange(lo, hi + 1, dtype=np.float64)
        count = np.bincount((x - lo).astype(np.int64), minlength=k.size).astype(np.int64)
        exact = np.exp(frozen.logpmf(k))
        return Histogram(k - 0.5, k + 0.5, count, count / n, exact, k, exact)
    lo, hi = float(x.min()), float(x.max())
    if hi - lo <= 0.0:  # a single value (N = 1 or a degenerate sample)
        half = 0.5 * q["sigma"]
        lo, hi = lo - half, hi + half
    bins = int(np.clip(np.ceil(2.0 * n ** (1.0 / 3.0)), 10, max_bins))
    edges = np.linspace(lo, hi, bins + 1)
    # Index arithmetic instead of np.histogram's searchsorted: equal widths.
    idx = np.minimum(((x - lo) * (bins / (hi - lo))).astype(np.int64), bins - 1)
    count = np.bincount(idx, minlength=bins).astype(np.int64)
    width = edges[1:] - edges[:-1]
    centre = 0.5 * (edges[1:] + edges[:-1])
    pad = 0.1 * (hi - lo)
    curve_x = np.linspace(lo - pad, hi + pad, 200)
    return Histogram(
        edges[:-1],
        edges[1:],
        count,
        count / (n * width),
        np.exp(frozen.logpdf(centre)),
        curve_x,
        np.exp(frozen.logpdf(curve_x)),
    )


def running_mean(x) -> np.ndarray:
    """Mean of the first k values for k = 1 … N.

    Notes
    -----
    x̄_k = (1/k) Σ_{i=1}^{k} x_i, computed with a float64 cumulative sum
    (relative rounding error ≲ N·2⁻⁵³, negligible for N ≤ 10⁶).
    """
    x = as_finite_array(x, "x", ndim=1)
    return np.cumsum(x) / np.arange(1, x.size + 1)


def thin_log_indices(n: int, max_points: int = 2000) -> np.ndarray:
    """Indices into a length-``n`` series, evenly spaced on a log scale.

    Keeps the first (0) and last (n − 1) index, never repeats one and returns
    at most ``max_points`` indices (all of them when ``n <= max_points``). Use
    it to plot a running statistic against k on a log axis without sending
    N points to the chart.
    """
    n = check_int(n, "n", lo=1)
    max_points = check_int(max_points, "max_points", lo=2)
    if n <= max_points:
        return np.arange(n)
    idx = np.unique(np.round(np.geomspace(1, n, max_points)).astype(np.int64) - 1)
    return idx


@dataclass(frozen=True)
class SampleSummary:
    """Everything the Sampling page shows, computed in one call.

    Attributes
    ----------
    n : int
        Sample size N.
    mean, var : float
        Exact E[X] and Var[X].
    sample_mean : float
        x̄ = (1/N) Σ x_i.
    sample_var : float or None
        s² = (1/(N − 1)) Σ (x_i − x̄)²; None when N = 1 (undefined).
    hist : Histogram
    k : ndarray of int
        Sample sizes 1 … N at which the running mean is reported (thinned).
    running : ndarray
        x̄_k at those k.
    band : ndarray
        2 · sd / √k, the half-width of the ±2 standard-error band around E[X].
    """

    n: int
    mean: float
    var: float
    sample_mean: float
    sample_var: float | None
    hist: Histogram
    k: np.ndarray
    running: np.ndarray
    band: np.ndarray


def summarize(
    dist: str, params: Mapping[str, float], size: int, seed: int, *, max_points: int = 600
) -> SampleSummary:
    """Draw a sample and compute the Sampling page's histogram, running mean and moments."""
    x = draw(dist, params, size, seed)
    mean, var = moments(dist, params)
    idx = thin_log_indices(x.size, max_points)
    k = idx + 1
    running = running_mean(x)[idx]
    sample_var = float(np.var(x, ddof=1)) if x.size > 1 else None
    return SampleSummary(
        n=x.size,
        mean=mean,
        var=var,
        sample_mean=float(x.mean()),
        sample_var=sample_var,
        hist=histogram(x, dist, params),
        k=k,
        running=running,
        band=2.0 * np.sqrt(var / k),
    )
