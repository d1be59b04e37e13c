"""The Sampling page's sections: what each one draws, from the widget values.

Sections and their views (one cached call each; the three share one draw,
:func:`estimation.sampling.draw` keeps the last sample):

==================  ==========================  ==============================================
section             function                    result
==================  ==========================  ==============================================
histogram           :func:`histogram_view`      :class:`HistogramView`: bins, exact pmf/pdf, LaTeX
law of large nums   :func:`running_mean_view`   :class:`RunningMeanView`: thinned x̄_k, ±2 SE band
sample vs theory    :func:`moments_view`        :class:`MomentsView`: the table's columns
==================  ==========================  ==============================================

The page geometry lives here too: :func:`histogram` (bins and the overlay's
plotting range); which k to plot is :func:`estimation.thinning.thin_log_indices`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import numpy as np

from estimation import sampling
from estimation._validation import as_finite_array, check_int
from estimation.thinning import thin_log_indices

__all__ = [
    "Histogram",
    "HistogramView",
    "MomentsView",
    "RunningMeanView",
    "histogram",
    "histogram_view",
    "moments_view",
    "running_mean_view",
]

#: Row keys of the "sample against theory" table (translated by the page).
MOMENT_ROWS = ("mean", "variance")
#: Fewest integers a discrete histogram spans (fewer only when the support is smaller).
MIN_DISCRETE_BINS = 5
#: The Gaussian pdf overlay covers at least μ ± BULK_SDS·σ (all but 6·10⁻⁵ of the mass).
BULK_SDS = 4.0
#: The running-mean chart's k axis spans at least 1 … MIN_K_WINDOW (a log axis of one value is empty).
MIN_K_WINDOW = 10


def _widen(lo: int, hi: int, support: tuple[float, float]) -> tuple[int, int]:
    """[lo, hi] grown to :data:`MIN_DISCRETE_BINS` integers about its middle, within the support."""
    a, b = support
    missing = MIN_DISCRETE_BINS - 1 - (hi - lo)
    if missing <= 0:
        return lo, hi
    lo = int(max(a, lo - missing // 2))
    hi = int(min(b, lo + MIN_DISCRETE_BINS - 1)) if np.isfinite(b) else lo + MIN_DISCRETE_BINS - 1
    lo = int(max(a, hi - (MIN_DISCRETE_BINS - 1)))
    return lo, hi


@dataclass(frozen=True, slots=True)
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


def histogram(x, dist: str, params: Mapping[str, float], *, max_bins: int = 80) -> Histogram:
    """Bin a sample in numpy and pair each bin with the exact pmf/pdf.

    Parameters
    ----------
    x : array_like of shape (N,)
        The sample.
    dist, params
        As in :func:`estimation.sampling.draw`; used for the exact density and the support.
    max_bins : int, default 80
        Upper bound on the number of bins for the Gaussian: the Rice rule
        ⌈2·N^{1/3}⌉ bins, clipped to [10, max_bins], of equal width over the
        data range (no quantiles needed, so binning stays one O(N) pass).
        Discrete distributions get one bin per integer from the smaller of the
        data minimum and the 0.01 % quantile to the larger of the data maximum
        and the 99.99 % quantile, so tails with visible mass are never cut;
        at least :data:`MIN_DISCRETE_BINS` integers (the whole support if it
        is smaller), so a degenerate distribution (binomial p = 0 or 1) gets a
        readable integer axis around its single value.
        The Gaussian's pdf overlay spans the data range (padded by 10 %) joined
        with μ ± 4σ, so the exact curve shows the distribution's bulk even when
        the sample is one draw.

    Returns
    -------
    Histogram
        ``count.sum() == N`` always.

    Notes
    -----
    Gaussian density: count_j / (N · (right_j − left_j)), comparable with the
    pdf φ((x − μ)/σ)/σ on the same axis.
    """
    d, q = sampling.checked(dist, params)
    x = as_finite_array(x, "x", ndim=1)
    max_bins = check_int(max_bins, "max_bins", lo=10, hi=5000)
    frozen = d.scipy(q)
    n = x.size
    if d.discrete:
        if np.any(x != np.round(x)) or x.min() < 0:
            raise ValueError("x must hold non-negative integers for a discrete distribution")
        lo = int(min(x.min(), frozen.ppf(1e-4)))
        hi = int(max(x.max(), frozen.ppf(1.0 - 1e-4)))
        lo, hi = _widen(lo, hi, frozen.support())
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
    bulk = BULK_SDS * q["sigma"]
    curve_x = np.linspace(min(lo - pad, q["mu"] - bulk), max(hi + pad, q["mu"] + bulk), 200)
    return Histogram(
        edges[:-1],
        edges[1:],
        count,
        count / (n * width),
        np.exp(frozen.logpdf(centre)),
        curve_x,
        np.exp(frozen.logpdf(curve_x)),
    )


@dataclass(frozen=True, slots=True)
class HistogramView:
    """The histogram section: the binned sample, the exact pmf/pdf, the formulas.

    Attributes
    ----------
    hist : Histogram
    discrete : bool
        Whether the exact overlay is a pmf (stems) or a pdf (curve).
    latex : str
        The pmf/pdf and its moments (from the distribution registry), one
        ``gathered`` block.
    """

    hist: Histogram
    discrete: bool
    latex: str


def histogram_view(dist: str, params: Mapping[str, float], size: int, seed: int) -> HistogramView:
    """The histogram section for a sample of ``size`` draws (arguments as in :func:`estimation.sampling.draw`)."""
    x = sampling.draw(dist, params, size, seed)
    entry = sampling.DISTRIBUTIONS[dist].entry
    latex = rf"\begin{{gathered}}{entry.latex}\\{entry.latex_moments}\end{{gathered}}"
    return HistogramView(histogram(x, dist, params), entry.discrete, latex)


@dataclass(frozen=True, slots=True)
class RunningMeanView:
    """The law-of-large-numbers section.

    Attributes
    ----------
    k : ndarray of int
        Sample sizes 1 … N at which the running mean is reported (thinned).
    running : ndarray
        x̄_k at those k.
    band : ndarray
        2 · sd / √k, the half-width of the ±2 standard-error band around E[X].
    mean : float
        E[X], the centre of the band.
    k_window : tuple of int
        The k axis: 1 … max(N, :data:`MIN_K_WINDOW`), so that N = 1 still
        shows its one point and band on an axis of sample sizes.
    """

    k: np.ndarray
    running: np.ndarray
    band: np.ndarray
    mean: float
    k_window: tuple[int, int] = (1, MIN_K_WINDOW)


def running_mean_view(dist: str, params: Mapping[str, float], size: int, seed: int, *,
                      max_points: int = 600) -> RunningMeanView:
    """The running mean x̄_k of the sample at ≤ ``max_points`` log-spaced k, with its ±2 SE band.

    Notes
    -----
    x̄_k = (1/k) Σ_{i≤k} x_i (:func:`estimation.sampling.running_mean`);
    band_k = 2 √(Var[X]/k).
    """
    x = sampling.draw(dist, params, size, seed)
    mean, var = sampling.moments(dist, params)
    idx = thin_log_indices(x.size, max_points)
    k = idx + 1
    return RunningMeanView(k, sampling.running_mean(x)[idx], 2.0 * np.sqrt(var / k), mean,
                           (1, max(int(x.size), MIN_K_WINDOW)))


@dataclass(frozen=True, slots=True)
class MomentsView:
    """The "sample against theory" section.

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
    table : dict
        Columns for ``st.dataframe``: ``row`` (keys of :data:`MOMENT_ROWS`),
        ``sample`` (x̄, s²) and ``theory`` (E[X], Var[X]).
    """

    n: int
    mean: float
    var: float
    sample_mean: float
    sample_var: float | None
    table: dict


def moments_view(dist: str, params: Mapping[str, float], size: int, seed: int) -> MomentsView:
    """The sample's mean and variance beside the exact ones."""
    x = sampling.draw(dist, params, size, seed)
    mean, var = sampling.moments(dist, params)
    sample_mean = float(x.mean())
    sample_var = float(np.var(x, ddof=1)) if x.size > 1 else None
    table = {"row": list(MOMENT_ROWS), "sample": [sample_mean, sample_var], "theory": [mean, var]}
    return MomentsView(x.size, mean, var, sample_mean, sample_var, table)
