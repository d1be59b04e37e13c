"""The Likelihood page's views: what each section draws, from the section's widget values.

One function per page section, each returning one frozen result with
everything the section shows (curves on their windows, tangent segments,
thinned paths, tables as column dicts for ``st.dataframe``, the numbers in
its captions):

==================  ==========================  ==========================================
section             function                    draws
==================  ==========================  ==========================================
metrics (page)      :func:`summary_view`        N or n, k, the MLEs, ℓ(θ̂)
L and ℓ             :func:`curves_view`         L(θ) and ℓ(θ) with tangents, the score table
(μ, σ²) surface     :func:`surface_view`        ℓ − ℓ̂ heatmap, contours, the two slices
why logs            :func:`logs_view`           the float64 product against Σ log f
sharper peak        :func:`sharpen_view`        nested samples, the parabola, the intervals
==================  ==========================  ==========================================

Every function takes the page's data arguments: ``model``, ``n`` and either
``k`` (typed-in binomial data, k of n) or ``truth`` and ``seed`` (a draw by
:func:`estimation.sampling.draw`; the last draws are shared, so the sections
of one page draw once). The mathematics is :mod:`estimation.likelihood` and
:mod:`estimation.likelihood_intervals`; this module only places it on a page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
from scipy import stats as sps

from estimation import sampling
from estimation._validation import as_finite_array, check_counts, check_int, lookup
from estimation.contours import contour_lines, loglik_levels
from estimation.likelihood import (
    MODELS,
    BernoulliStats,
    GaussianStats,
    Model,
    ModelParameter,
    bernoulli_loglik,
    binomial_loglik,
    binomial_score,
    gaussian_loglik,
    gaussian_score,
    gaussian_stats,
)
from estimation.likelihood_intervals import (
    LikelihoodSlice,
    binomial_slice,
    gaussian_relative_loglik,
    gaussian_slice,
    quadratic_loglik,
)
from estimation.naive_likelihood import naive_likelihood
from estimation.views._labels import superscript

__all__ = [
    "VIEW_DROP",
    "SHARP_DROP",
    "SHARP_SIZES",
    "ParamView",
    "NaiveView",
    "GaussianSurface",
    "gaussian_surface",
    "fits_float64",
    "SummaryView",
    "summary_view",
    "CurvesView",
    "curves_view",
    "SurfaceView",
    "surface_view",
    "LogsView",
    "logs_view",
    "SharpenView",
    "sharpen_view",
]

#: Views of ℓ reach down to ℓ̂ − 12.5 = ℓ̂ − 5²/2: five standard errors either side for a quadratic ℓ.
VIEW_DROP = 12.5
#: The "more data" and quadratic views show ℓ − ℓ̂ down to −8 = −4²/2 (four standard errors).
SHARP_DROP = 8.0
#: Nested sample sizes of the "more data, sharper peak" view (the current N is added).
SHARP_SIZES = (10, 100, 1000)
#: A Gaussian σ² window stops at this multiple of max(σ̂², σ₀²): for tiny N the
#: region ℓ ≥ ℓ̂ − 12.5 reaches σ² ≈ 10⁵ σ̂², which would flatten every picture.
SIGMA2_CAP = 6.0
#: Confidence level of the intervals shown.
LEVEL = 0.95


@dataclass(frozen=True, slots=True)
class _Slice:
    """ℓ along one parameter, the other (if any) held at its MLE."""

    param: ModelParameter
    one: LikelihoodSlice
    loglik: Callable  # absolute ℓ at points inside the parameter range
    score: Callable  # dℓ/dθ at points inside the parameter range


def _proportion_slice(k: int, n: int, param: ModelParameter, binomial: bool) -> _Slice:
    """Bernoulli (ℓ = k log θ + (n − k) log(1 − θ)) or binomial (plus log C(n, k)) slice."""
    stats = BernoulliStats(n=n, k=k)
    loglik = (lambda t: binomial_loglik(k, n, t)) if binomial else (lambda t: bernoulli_loglik(stats, t))
    return _Slice(param, binomial_slice(k, n), loglik, lambda t: binomial_score(k, n, t))


def _gaussian_param_slice(s: GaussianStats, name: str) -> _Slice:
    """ℓ(μ, σ̂²) along μ or ℓ(x̄, σ²) along σ²: the slices through the joint MLE."""
    one = gaussian_slice(s, name)
    mu, sigma2 = MODELS["gaussian"].params
    if name == "mu":
        s2 = s.sigma2_hat
        return _Slice(mu, one, lambda m: gaussian_loglik(s, m, s2), lambda m: gaussian_score(s, m, s2)[0])
    return _Slice(sigma2, one, lambda v: gaussian_loglik(s, s.mean, v), lambda v: gaussian_score(s, s.mean, v)[1])
def _span(sl: _Slice, drop: float, cap: float | None) -> tuple[float, float]:
    """{θ : ℓ(θ) − ℓ̂ ≥ −drop} (an interval: every slice here is unimodal), cut at ``cap``."""
    lo, hi = sl.one.region(drop)
    return lo, hi if cap is None else min(hi, cap)


def _window(sl: _Slice, truth: float | None, cap: float | None) -> tuple[float, float]:
    """Axis range of a slice: ℓ ≥ ℓ̂ − VIEW_DROP, widened to hold the true value, padded 5%.

    Kept inside the parameter range (strictly above an open bound); a window
    covering more than half of a bounded range becomes the whole range.
    """
    lo, hi = _span(sl, VIEW_DROP, cap)
    points = [lo, hi, sl.one.theta_hat] + ([] if truth is None else [truth])
    lo, hi = min(points), max(points)
    pad = 0.05 * (hi - lo)
    p = sl.param
    lo = max(lo - pad, p.lo) if not p.lo_open or lo - pad > p.lo else 0.5 * (lo + p.lo)
    hi = min(hi + pad, p.hi)
    if np.isfinite(p.hi - p.lo) and hi - lo > 0.5 * (p.hi - p.lo):
        lo, hi = p.lo, p.hi
    return float(lo), float(hi)


def _tangent(centre: float, loglik: float, slope: float, window, depth: float):
    """Short tangent segment (θa, θb, ℓa, ℓb) of slope ``slope`` through (centre, loglik), or None.

    Half-width 10% of the window, shortened so that it climbs at most 20% of
    ``depth`` (the plotted depth of ℓ), and cut at the window's edges.
    """
    if not (np.isfinite(slope) and np.isfinite(loglik)):
        return None
    half = 0.1 * (window[1] - window[0])
    if slope != 0.0:
        half = min(half, 0.2 * depth / abs(slope))
    a, b = max(centre - half, window[0]), min(centre + half, window[1])
    return (a, b, loglik + slope * (a - centre), loglik + slope * (b - centre))


@dataclass(frozen=True, slots=True, eq=False)
class ParamView:
    """Everything the Likelihood page shows about one parameter.

    For the Gaussian the other parameter is held at its MLE, so the slice
    peaks at the joint MLE.

    Attributes
    ----------
    param : str
        Parameter name (``"p"``, ``"theta"``, ``"mu"`` or ``"sigma2"``).
    theta_hat, truth : float, float or None
        The MLE θ̂ and the true value θ₀ (None for typed-in data).
    loglik_hat, loglik_truth : float, float or None
        ℓ(θ̂) and ℓ(θ₀) on the slice.
    score_hat, score_truth : float, float or None
        dℓ/dθ at θ̂ (0 up to rounding unless θ̂ is on the boundary) and at θ₀.
    information : float
        Observed information J(θ̂) = −ℓ''(θ̂) (+inf when θ̂ is 0 or 1).
    se : float
        1/√J(θ̂) (0 when J is infinite).
    level : float
        Confidence level of ``wald`` and ``lr`` (0.95).
    lr_drop : float
        χ²₁(level)/2 (1.92): the likelihood-ratio interval is {θ : ℓ(θ) ≥ ℓ̂ − lr_drop}.
    wald, lr : (float, float)
        θ̂ ± z·SE and the likelihood-ratio interval.
    window : (float, float)
        Axis range of the curves: ℓ ≥ ℓ̂ − VIEW_DROP plus the true value, padded.
    theta, loglik : ndarray of shape (points,)
        ℓ on a grid over ``window`` (−inf where the data are impossible).
    floor : float
        Lowest ℓ worth plotting: ℓ̂ − max(2·VIEW_DROP, 1.1·(ℓ̂ − ℓ(θ₀))).
    lik, lik_exponent : ndarray, int
        L(θ) = lik × 10^lik_exponent, i.e. lik = exp(ℓ − lik_exponent·ln 10);
        the exponent is 0 when 10⁻³ ≤ L(θ̂) ≤ 10³, else ⌊log₁₀ L(θ̂)⌋, so the
        curve is plottable even where L itself under- or overflows float64.
    tangent_hat, tangent_truth : (θa, θb, ℓa, ℓb) or None
        Short tangent segments of ℓ at θ̂ and θ₀ (slopes = the scores).
    sharp_sizes, sharp_k : tuple of int, tuple of int or None
        Sample sizes of the "more data" curves (and successes, for proportions).
    sharp_size, sharp_theta, sharp_rel : ndarray
        Long format: ℓ_m(θ) − ℓ_m(θ̂_m) ≥ −SHARP_DROP for each size m.
    quad_theta, quad_rel, quad_q : ndarray
        ℓ − ℓ̂ (NaN outside the parameter range) and its quadratic
        approximation −½J(θ̂)(θ − θ̂)² (NaN where −inf) over the union of
        {ℓ ≥ ℓ̂ − SHARP_DROP} and the Wald interval.
    """

    param: str
    theta_hat: float
    truth: float | None
    loglik_hat: float
    loglik_truth: float | None
    score_hat: float
    score_truth: float | None
    information: float
    se: float
    level: float
    lr_drop: float
    wald: tuple[float, float]
    lr: tuple[float, float]
    window: tuple[float, float]
    theta: np.ndarray
    loglik: np.ndarray
    floor: float
    lik: np.ndarray
    lik_exponent: int
    tangent_hat: tuple | None
    tangent_truth: tuple | None
    sharp_sizes: tuple[int, ...]
    sharp_k: tuple[int, ...] | None
    sharp_size: np.ndarray
    sharp_theta: np.ndarray
    sharp_rel: np.ndarray
    quad_theta: np.ndarray
    quad_rel: np.ndarray
    quad_q: np.ndarray


def _param_view(sl: _Slice, truth, sharp, sharp_k, cap, points: int, level: float = LEVEL) -> ParamView:
    """Assemble a :class:`ParamView` from the full-sample slice and the nested ones (``sharp``: size → slice)."""
    one = sl.one
    window = _window(sl, truth, cap)
    theta = np.linspace(window[0], window[1], points)
    loglik = sl.loglik(theta)
    hat = one.theta_hat
    loglik_hat = float(sl.loglik(np.float64(hat)))
    loglik_truth = None if truth is None else float(sl.loglik(np.float64(truth)))
    depth = 2.0 * VIEW_DROP
    if loglik_truth is not None and np.isfinite(loglik_truth):
        depth = max(depth, 1.1 * (loglik_hat - loglik_truth))
    log10_hat = loglik_hat / np.log(10.0)
    exponent = 0 if -3.0 <= log10_hat <= 3.0 else int(np.floor(log10_hat))
    score_hat = float(sl.score(np.float64(hat)))
    score_truth = None if truth is None else float(sl.score(np.float64(truth)))

    sizes = tuple(sharp)
    parts = []
    for m in sizes:
        lo, hi = _span(sharp[m], SHARP_DROP, cap)
        t = np.linspace(lo, hi, 151)
        parts.append((np.full(t.size, m, dtype=np.int64), t, sharp[m].one.rel(t)))

    wald = one.wald(level)
    lr_drop = float(0.5 * sps.chi2.ppf(level, 1))
    lo, hi = _span(sl, SHARP_DROP, cap)
    lo, hi = min(lo, wald[0]), max(hi, wald[1])
    pad = 0.03 * (hi - lo)
    quad_theta = np.linspace(lo - pad, hi + pad, points)
    inside = (quad_theta >= sl.param.lo) & (quad_theta <= sl.param.hi)
    if sl.param.lo_open:
        inside &= quad_theta > sl.param.lo
    quad_rel = np.full(points, np.nan)
    quad_rel[inside] = one.rel(quad_theta[inside])
    quad_q = quadratic_loglik(quad_theta, hat, one.information)
    quad_q = np.where(np.isfinite(quad_q), quad_q, np.nan)

    return ParamView(
        param=sl.param.name,
        theta_hat=float(hat),
        truth=None if truth is None else float(truth),
        loglik_hat=loglik_hat,
        loglik_truth=loglik_truth,
        score_hat=score_hat,
        score_truth=score_truth,
        information=float(one.information),
        se=float(1.0 / np.sqrt(one.information)),
        level=level,
        lr_drop=lr_drop,
        wald=wald,
        lr=one.region(lr_drop),
        window=window,
        theta=theta,
        loglik=loglik,
        floor=loglik_hat - depth,
        lik=np.exp(loglik - exponent * np.log(10.0)),
        lik_exponent=exponent,
        tangent_hat=_tangent(hat, loglik_hat, score_hat, window, depth),
        tangent_truth=None if truth is None else _tangent(truth, loglik_truth, score_truth, window, depth),
        sharp_sizes=sizes,
        sharp_k=sharp_k,
        sharp_size=np.concatenate([p[0] for p in parts]),
        sharp_theta=np.concatenate([p[1] for p in parts]),
        sharp_rel=np.concatenate([p[2] for p in parts]),
        quad_theta=quad_theta,
        quad_rel=quad_rel,
        quad_q=quad_q,
    )


@dataclass(frozen=True, slots=True, eq=False)
class NaiveView:
    """"Why logs?": the plain product of densities against the log-likelihood, thinned for a chart.

    Attributes
    ----------
    at : dict of str to float
        The parameter values used: the MLE of the whole sample (the largest
        value the likelihood takes, so the product is as large as it can be).
    n : ndarray of int
        Sample sizes 1 … N (log-spaced; the last representable n and the
        first failing one are always included).
    log10_product : ndarray
        log₁₀ of the float64 product Π_{i≤n} f(x_i) (−inf after underflow,
        +inf after overflow).
    log10_lik : ndarray
        ℓ_n / ln 10 = Σ_{i≤n} log f(x_i) / ln 10, what the product should be.
    failure_n, failure, loglik_at_failure
        As in :class:`~estimation.naive_likelihood.NaiveLikelihood` (None when the product survives all N).
    product_last, loglik_last : float
        The naive product and ℓ at n = N.
    limit_log10 : float
        log₁₀ of the float64 limit that matters: the smallest subnormal
        (≈ −323.3) unless the product overflows (then the largest float, ≈ 308.3).
    """

    at: dict
    n: np.ndarray
    log10_product: np.ndarray
    log10_lik: np.ndarray
    failure_n: int | None
    failure: str | None
    loglik_at_failure: float | None
    product_last: float
    loglik_last: float
    limit_log10: float


def _naive_view(model: str, x: np.ndarray, at: dict, max_points: int = 400) -> NaiveView:
    res = naive_likelihood(model, x, **at)
    idx = sampling.thin_log_indices(x.size, max_points)
    if res.failure_n is not None:
        idx = np.union1d(idx, [max(res.failure_n - 2, 0), res.failure_n - 1])
    with np.errstate(divide="ignore"):
        log10_product = np.log10(res.product[idx])
    info = np.finfo(np.float64)
    limit = info.max if res.failure == "overflow" else info.smallest_subnormal
    return NaiveView(
        at=dict(at),
        n=idx + 1,
        log10_product=log10_product,
        log10_lik=res.loglik[idx] / np.log(10.0),
        failure_n=res.failure_n,
        failure=res.failure,
        loglik_at_failure=res.loglik_at_failure,
        product_last=float(res.product[-1]),
        loglik_last=float(res.loglik[-1]),
        limit_log10=float(np.log10(limit)),
    )


def _spread(k: int, n: int) -> np.ndarray:
    """A 0/1 sequence of length n with k ones spread evenly: x_i = ⌊(i+1)k/n⌋ − ⌊ik/n⌋."""
    i = np.arange(n + 1, dtype=np.int64) * k // n
    return np.diff(i).astype(np.float64)


def _check_truth(model: Model, truth) -> dict:
    names = {p.name for p in model.params}
    if not isinstance(truth, dict) or set(truth) != names:
        raise ValueError(f"truth for {model.name} must have the keys {sorted(names)}, got {truth!r}")
    out = {}
    for p in model.params:
        value = p.check(truth[p.name])
        if value.ndim != 0:
            raise ValueError(f"truth[{p.name!r}] must be a scalar")
        out[p.name] = float(value)
    return out


@dataclass(frozen=True, slots=True, eq=False)
class GaussianSurface:
    """Gaussian log-likelihood surface relative to its maximum, ready to draw.

    Attributes
    ----------
    grid : int
        Points per axis of the surface.
    cells : int
        Heatmap cells per axis, min(grid, the ``cells`` argument).
    mu, sigma2 : ndarray of shape (grid,)
        Grid axes (x: μ, y: σ²).
    rel : ndarray of shape (grid, grid)
        ℓ(μ_j, σ²_i) − ℓ̂ at ``[i, j]`` (the ``np.meshgrid(mu, sigma2)`` layout).
    cell_mu_lo, cell_mu_hi, cell_sigma2_lo, cell_sigma2_hi, cell_rel : ndarray of shape (cells²,)
        A coarser heatmap: ℓ − ℓ̂ at the centres of cells × cells equal cells
        covering the same rectangle (cells = min(grid, ``cells``)).
    levels : ndarray
        Contour levels ℓ̂ − j²/2, j = 4, 3, 2, 1 (relative: −8, −4.5, −2, −0.5).
    contours : dict of str to ndarray
        :func:`estimation.contours.contour_lines` of ``rel`` at ``levels``,
        traced on the full grid.
    floor : float
        −VIEW_DROP: the colour scale's lower end (lower values share its colour).
    """

    grid: int
    cells: int
    mu: np.ndarray
    sigma2: np.ndarray
    rel: np.ndarray
    cell_mu_lo: np.ndarray
    cell_mu_hi: np.ndarray
    cell_sigma2_lo: np.ndarray
    cell_sigma2_hi: np.ndarray
    cell_rel: np.ndarray
    levels: np.ndarray
    contours: dict
    floor: float


def _range(values, name: str, *, positive: bool = False) -> tuple[float, float]:
    arr = as_finite_array(values, name, ndim=1)
    if arr.size != 2 or not arr[0] < arr[1]:
        raise ValueError(f"{name} must be (lo, hi) with lo < hi, got {values!r}")
    if positive and arr[0] <= 0.0:
        raise ValueError(f"{name} must lie above 0, got lo = {arr[0]}")
    return float(arr[0]), float(arr[1])


def gaussian_surface(x, mu_range, sigma2_range, *, grid: int = 100, cells: int = 48,
                     max_points: int = 1000) -> GaussianSurface:
    """ℓ(μ, σ²) − ℓ̂ on a grid, its contour lines and a coarser heatmap.

    Parameters
    ----------
    x : array_like of shape (N,) or GaussianStats
        The sample or its statistics (not constant).
    mu_range, sigma2_range : (float, float)
        Axis ranges, lo < hi; σ² > 0.
    grid : int, default 100
        Points per axis of the surface, in [10, 500]. The cost is O(grid²), whatever N.
    cells : int, default 48
        Heatmap cells per axis (at most ``grid``), in [2, 70]: at most 4,900
        rectangles to draw, however fine the grid (the default 48 × 48 = 2,304
        keeps the chart's data, and so its build and transfer, small).
    max_points : int, default 1000
        Cap on the contour points (see :func:`estimation.contours.contour_lines`).

    Returns
    -------
    GaussianSurface

    Notes
    -----
    ℓ − ℓ̂ = (N/2)(log r + 1 − r) − N(x̄ − μ)²/(2σ²), r = σ̂²/σ²
    (:func:`gaussian_relative_loglik`). Contours at ℓ̂ − j²/2
    (:func:`estimation.contours.loglik_levels`): where a quadratic ℓ of one
    parameter is j standard errors from its maximum.
    """
    s = gaussian_stats(x)
    mu_lo, mu_hi = _range(mu_range, "mu_range")
    s2_lo, s2_hi = _range(sigma2_range, "sigma2_range", positive=True)
    grid = check_int(grid, "grid", lo=10, hi=500)
    cells = min(check_int(cells, "cells", lo=2, hi=70), grid)
    mu = np.linspace(mu_lo, mu_hi, grid)
    sigma2 = np.linspace(s2_lo, s2_hi, grid)
    rel = gaussian_relative_loglik(s, mu[None, :], sigma2[:, None])
    levels = loglik_levels(0.0, n=4)
    mu_edges = np.linspace(mu_lo, mu_hi, cells + 1)
    s2_edges = np.linspace(s2_lo, s2_hi, cells + 1)
    mu_c = 0.5 * (mu_edges[1:] + mu_edges[:-1])
    s2_c = 0.5 * (s2_edges[1:] + s2_edges[:-1])
    cell_rel = gaussian_relative_loglik(s, mu_c[None, :], s2_c[:, None])
    mu_lo_c, s2_lo_c = np.meshgrid(mu_edges[:-1], s2_edges[:-1])
    mu_hi_c, s2_hi_c = np.meshgrid(mu_edges[1:], s2_edges[1:])
    return GaussianSurface(
        grid=grid,
        cells=cells,
        mu=mu,
        sigma2=sigma2,
        rel=rel,
        cell_mu_lo=mu_lo_c.ravel(),
        cell_mu_hi=mu_hi_c.ravel(),
        cell_sigma2_lo=s2_lo_c.ravel(),
        cell_sigma2_hi=s2_hi_c.ravel(),
        cell_rel=cell_rel.ravel(),
        levels=levels,
        contours=contour_lines(mu, sigma2, rel, levels, max_points=max_points),
        floor=-VIEW_DROP,
    )


def fits_float64(loglik):
    """Whether L = exp(ℓ) is a positive, finite float64 (neither under- nor overflows).

    Parameters
    ----------
    loglik : float or array_like
        Log-likelihood values ℓ (natural log; −inf allowed: L = 0 exactly).

    Returns
    -------
    bool or ndarray of bool

    Notes
    -----
    True where 0 < exp(ℓ) < ∞ in float64, i.e. about
    log(4.9 × 10⁻³²⁴) ≈ −744.4 < ℓ < log(1.8 × 10³⁰⁸) ≈ 709.8.

    Examples
    --------
    >>> fits_float64([-700.0, -750.0, 710.0])  # e^−750 is below the smallest subnormal
    array([ True, False, False])
    """
    try:
        loglik = np.asarray(loglik, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"loglik must be numeric: {exc}") from None
    if np.any(np.isnan(loglik)):
        raise ValueError("loglik must not contain NaN")
    with np.errstate(over="ignore", under="ignore"):
        lik = np.exp(loglik)
    ok = (lik > 0.0) & np.isfinite(lik)
    return bool(ok) if ok.ndim == 0 else ok



# --------------------------------------------------------------------------- the data, as the page describes them


@dataclass(frozen=True, slots=True, eq=False)
class _Sample:
    """The data the page's settings describe: the sample ``x`` (typed-in counts laid out as 0/1), k, truth."""

    model: Model
    n: int
    k: int | None
    x: np.ndarray
    truth: dict | None
    typed: bool
    stats: BernoulliStats | GaussianStats  # of the whole sample, computed once


def _sample(model: str, n: int, truth, seed, k, points: int = 301) -> _Sample:
    """Draw (or lay out) the data; validate every argument, as the page's settings may be anything."""
    spec = lookup(MODELS, model, "model")
    n = check_int(n, "n", lo=1, hi=sampling.MAX_SIZE)
    check_int(points, "points", lo=3, hi=5000)
    if k is not None:
        if model != "binomial":
            raise ValueError("k: typed-in data (k of n) exist only for the binomial model")
        if truth is not None:
            raise ValueError("truth: typed-in data have no true parameter; pass truth=None")
        k, n = check_counts(k, n, n_min=1, scalar=True)
        return _Sample(spec, n, k, _spread(k, n), None, True, BernoulliStats(n=n, k=k))
    values = _check_truth(spec, truth)
    if model == "gaussian":
        x = sampling.draw("gaussian", {"mu": values["mu"], "sigma": np.sqrt(values["sigma2"])}, n, seed)
        return _Sample(spec, n, None, x, values, False, gaussian_stats(x))
    x = sampling.draw("bernoulli", {"p": values[spec.params[0].name]}, n, seed)
    k = int(x.sum())
    return _Sample(spec, n, k, x, values, False, BernoulliStats(n=n, k=k))


def _param(data: _Sample, param: str | None) -> ModelParameter:
    return data.model.params[0] if param is None else data.model.param(param)


def _param_view_of(data: _Sample, name: str, points: int) -> ParamView:
    """The :class:`ParamView` of one parameter: the full-sample slice and the nested "more data" ones.

    Nested samples: the first m = 10, 100, 1000 observations (m < N) and all N;
    for typed-in data, the same proportion with 10×, 100× and 1000× the trials
    (k·10^j of n·10^j). Gaussian slices hold the other parameter at its MLE,
    for each m.
    """
    n, x = data.n, data.x
    nested = [m for m in SHARP_SIZES if m < n] + [n]
    if data.model.name == "gaussian":
        s = data.stats
        gaussian_slice(s, "mu")  # a constant sample (σ̂² = 0) has no peak: ValueError naming x
        cap = SIGMA2_CAP * max(s.sigma2_hat, data.truth["sigma2"])
        prefix = {m: gaussian_stats(x[:m]) if m < n else s for m in nested}
        return _param_view(_gaussian_param_slice(s, name), data.truth[name],
                           {m: _gaussian_param_slice(prefix[m], name) for m in nested}, None,
                           cap if name == "sigma2" else None, points)
    param, k = data.model.params[0], data.k
    if data.typed:
        counts = {n * 10**j: k * 10**j for j in range(4)}
    else:
        ones = np.cumsum(x[: max(nested[:-1], default=0)])
        counts = {m: int(ones[m - 1]) for m in nested[:-1]} | {n: k}
    sharp = {m: _proportion_slice(km, m, param, False) for m, km in counts.items()}
    truth = None if data.truth is None else data.truth[param.name]
    return _param_view(_proportion_slice(k, n, param, data.model.name == "binomial"), truth, sharp,
                       tuple(counts.values()), None, points)


def _mle(data: _Sample) -> dict:
    if data.model.name == "gaussian":
        s = data.stats
        gaussian_slice(s, "mu")  # a constant sample (σ̂² = 0) has no peak: ValueError naming x
        return {"mu": s.mean, "sigma2": s.sigma2_hat}
    return {data.model.params[0].name: data.k / data.n}


def _gathered(lines) -> str:
    """Several LaTeX lines as one centred block."""
    return r"\begin{gathered}" + r"\\[4pt]".join(lines) + r"\end{gathered}"


def _table(rows: dict, columns: tuple[str, ...]) -> dict:
    """A column dict for ``st.dataframe(..., hide_index=True)``: row labels first (header ""), then ``columns``."""
    table = {"": list(rows)}
    for j, name in enumerate(columns):
        table[name] = [float(values[j]) for values in rows.values()]
    return table


# --------------------------------------------------------------------------- metrics (page level)


@dataclass(frozen=True, slots=True)
class SummaryView:
    """The data and its maximum: the page's metrics and the share box's page-level numbers.

    Attributes
    ----------
    model : str
    n : int
        Sample size N (binomial: the number of trials n).
    k : int or None
        Successes (Bernoulli and binomial), None for the Gaussian.
    size : str
        The sample size's symbol: ``"n"`` (binomial) or ``"N"``.
    params : tuple of str
        The model's parameters, in order (the first is what a section shows by default).
    mle, hats : dict of str to float, dict of str to str
        θ̂ and its symbol (p̂, θ̂, μ̂, σ̂²) by parameter name.
    truth : dict of str to float or None
        The true parameters (None for typed-in data).
    loglik_max : float
        ℓ(θ̂) of the model (the binomial's includes log C(n, k)).
    param, se, wald, lr
        The first parameter's name, standard error 1/√J(θ̂) and 95% Wald and
        likelihood-ratio intervals (the share box's default; sections showing
        another parameter record theirs).
    sections : tuple of str
        The page's views this model offers: the (μ, σ²) surface needs two parameters.
    """

    model: str
    n: int
    k: int | None
    size: str
    params: tuple[str, ...]
    mle: dict
    hats: dict
    truth: dict | None
    loglik_max: float
    param: str
    se: float
    wald: tuple[float, float]
    lr: tuple[float, float]
    sections: tuple[str, ...]


def summary_view(model: str, n: int, *, truth=None, seed=None, k=None) -> SummaryView:
    """The page-level numbers: the data, the MLEs, ℓ(θ̂) and the first parameter's intervals.

    Examples
    --------
    >>> s = summary_view("binomial", 10, k=8)  # the classic exam question
    >>> s.mle, s.hats, s.size, round(s.loglik_max, 6)
    ({'theta': 0.8}, {'theta': 'θ̂'}, 'n', -1.197362)
    """
    data = _sample(model, n, truth, seed, k)
    spec = data.model
    mle = _mle(data)
    if spec.name == "gaussian":
        s = data.stats
        one = gaussian_slice(s, "mu")
        loglik_max = float(gaussian_loglik(s, s.mean, s.sigma2_hat))
    else:
        one = binomial_slice(data.k, data.n)
        ell = binomial_loglik if spec.name == "binomial" else (lambda k, n, t: bernoulli_loglik(BernoulliStats(n, k), t))
        loglik_max = float(ell(data.k, data.n, data.k / data.n))
    return SummaryView(
        model=spec.name, n=data.n, k=data.k, size=spec.size, params=tuple(p.name for p in spec.params),
        mle=mle, hats={p.name: p.hat for p in spec.params}, truth=data.truth, loglik_max=loglik_max,
        param=spec.params[0].name, se=float(1.0 / np.sqrt(one.information)), wald=one.wald(LEVEL),
        lr=one.region(float(0.5 * sps.chi2.ppf(LEVEL, 1))),
        sections=("curves", "surface", "logs", "sharpen") if len(spec.params) == 2 else ("curves", "logs", "sharpen"),
    )


# --------------------------------------------------------------------------- L and ℓ


@dataclass(frozen=True, slots=True, eq=False)
class CurvesView:
    """The "L and ℓ" section: one parameter's curves, the score table and the model's formulas.

    Attributes
    ----------
    view : ParamView
        The curves (L rescaled by 10^lik_exponent, ℓ with tangents) and their numbers.
    symbol, hat : str
        θ and θ̂ for this parameter (e.g. ``"σ²"``, ``"σ̂²"``).
    power : str
        ``lik_exponent`` in superscript digits (``"⁻⁵⁵"``), ``""`` when L is not rescaled.
    lik_fits_float64 : bool
        Whether L(θ̂) itself is a float64 (:func:`fits_float64`); if not, only
        the rescaled curve can be drawn.
    boundary : bool
        θ̂ on the edge of [0, 1] (J(θ̂) = +inf, the score there is not 0).
    rows : dict of str to (float, float, float)
        ``"mle"`` (and ``"truth"``): θ, ℓ(θ), dℓ/dθ.
    latex_lik, latex_loglik, latex_score : str
        The model's L, ℓ, and its score and MLE lines as one block.
    """

    view: ParamView
    symbol: str
    hat: str
    power: str
    lik_fits_float64: bool
    boundary: bool
    rows: dict
    latex_lik: str
    latex_loglik: str
    latex_score: str

    def table(self, labels: dict, columns: tuple[str, str, str]) -> dict:
        """The score table for ``st.dataframe``: rows named by ``labels`` (``{"mle": …, "truth": …}``)."""
        return _table({labels[role]: values for role, values in self.rows.items()}, columns)


def curves_view(model: str, n: int, *, truth=None, seed=None, k=None, param: str | None = None,
           points: int = 301) -> CurvesView:
    """L(θ) and ℓ(θ) of one parameter (default: the model's first), with the score at θ̂ and θ₀.

    Examples
    --------
    >>> c = curves_view("binomial", 10, k=8)
    >>> c.view.window, c.symbol, c.power, c.rows["mle"][0]
    ((0.0, 1.0), 'θ', '', 0.8)
    """
    data = _sample(model, n, truth, seed, k, points)
    p = _param(data, param)
    view = _param_view_of(data, p.name, points)
    rows = {"mle": (view.theta_hat, view.loglik_hat, view.score_hat)}
    if view.truth is not None:
        rows["truth"] = (view.truth, view.loglik_truth, view.score_truth)
    spec = data.model
    return CurvesView(
        view=view, symbol=p.symbol, hat=p.hat,
        power=superscript(view.lik_exponent) if view.lik_exponent else "",
        lik_fits_float64=bool(fits_float64(view.loglik_hat)), boundary=view.information == np.inf, rows=rows,
        latex_lik=spec.latex_lik, latex_loglik=spec.latex_loglik,
        latex_score=_gathered((*spec.latex_score, *spec.latex_mle)),
    )


# --------------------------------------------------------------------------- the (μ, σ²) surface


@dataclass(frozen=True, slots=True, eq=False)
class SurfaceView:
    """The Gaussian (μ, σ²) section: ℓ − ℓ̂ on a grid and the slices through the MLE.

    Attributes
    ----------
    surface : GaussianSurface
        Over the two slices' windows.
    mu, sigma2 : ParamView
        ℓ(μ, σ̂²) and ℓ(x̄, σ²).
    mle, truth : (float, float)
        (μ̂, σ̂²) and (μ₀, σ₀²).
    hats : (str, str)
        ``("μ̂", "σ̂²")``.
    slice_axes : (str, str)
        The slices' arguments, ``("μ, σ̂²", "μ̂, σ²")``: ℓ(μ, σ̂²) and ℓ(μ̂, σ²).
    latex : str
        ℓ, the two scores and the MLEs, one block.
    """

    surface: GaussianSurface
    mu: ParamView
    sigma2: ParamView
    mle: tuple[float, float]
    truth: tuple[float, float]
    hats: tuple[str, str]
    slice_axes: tuple[str, str]
    latex: str


def surface_view(model: str, n: int, *, truth=None, seed=None, k=None, grid: int = 100,
            points: int = 301) -> SurfaceView:
    """The Gaussian log-likelihood surface over the slices' windows (``model`` must be ``"gaussian"``).

    Examples
    --------
    >>> s = surface_view("gaussian", 50, truth={"mu": 0.0, "sigma2": 1.0}, seed=0, grid=25)
    >>> s.surface.rel.shape, s.mu.param, s.sigma2.param
    ((25, 25), 'mu', 'sigma2')
    """
    if model != "gaussian":
        raise ValueError(f"model: the (mu, sigma2) surface needs the Gaussian model, got {model!r}")
    data = _sample(model, n, truth, seed, k, points)
    mu, sigma2 = (_param_view_of(data, name, points) for name in ("mu", "sigma2"))
    spec = data.model
    m, s2 = spec.params
    return SurfaceView(
        surface=gaussian_surface(data.stats, mu.window, sigma2.window, grid=grid),
        mu=mu, sigma2=sigma2, mle=(mu.theta_hat, sigma2.theta_hat), truth=(data.truth["mu"], data.truth["sigma2"]),
        hats=(m.hat, s2.hat), slice_axes=(f"{m.symbol}, {s2.hat}", f"{m.hat}, {s2.symbol}"),
        latex=_gathered((spec.latex_loglik, *spec.latex_score, *spec.latex_mle)),
    )


# --------------------------------------------------------------------------- why logs


@dataclass(frozen=True, slots=True, eq=False)
class LogsView:
    """The "why logs" section: the float64 product of densities against Σ log f.

    Attributes
    ----------
    naive : NaiveView
        At the MLE of the whole sample (the largest the product can be).
    n : int
        Sample size.
    overflow : bool
        The product overflows (densities > 1) rather than underflows.
    at : str
        Where it is evaluated, e.g. ``"p̂ = 0.3"`` or ``"μ̂ = 0.01, σ̂² = 0.99"``.
    """

    naive: NaiveView
    n: int
    overflow: bool
    at: str


def logs_view(model: str, n: int, *, truth=None, seed=None, k=None) -> LogsView:
    """The plain product Π f(x_i) in float64 against ℓ = Σ log f(x_i), at the MLE.

    Typed-in binomial data are laid out as k ones spread evenly among n
    trials (order only matters for the running product).

    Examples
    --------
    >>> v = logs_view("bernoulli", 10_000, truth={"p": 0.5}, seed=3)
    >>> v.naive.failure, v.overflow, v.at
    ('underflow', False, 'p̂ = 0.4966')
    """
    data = _sample(model, n, truth, seed, k)
    mle = _mle(data)
    if data.model.name == "gaussian":
        naive = _naive_view("gaussian", data.x, mle)
    else:
        naive = _naive_view("bernoulli", data.x, {"p": data.k / data.n})
    at = ", ".join(f"{data.model.param(name).hat} = {value:.4g}" for name, value in mle.items())
    return LogsView(naive=naive, n=data.n, overflow=naive.failure == "overflow", at=at)


# --------------------------------------------------------------------------- more data, sharper peak


@dataclass(frozen=True, slots=True, eq=False)
class SharpenView:
    """The "sharper peak" section: nested samples, the quadratic approximation and the intervals.

    Attributes
    ----------
    view : ParamView
        The "more data" curves and the parabola.
    symbol, hat : str
        θ and θ̂.
    size : str
        The sample size's symbol (n or N).
    sizes, ks : tuple of str, tuple of str or None
        The nested sample sizes (and successes), formatted with thousands separators.
    intervals : dict
        ``{"wald": (lower, upper, width), "lr": (lower, upper, width)}``, width = upper − lower.
    """

    view: ParamView
    symbol: str
    hat: str
    size: str
    sizes: tuple[str, ...]
    ks: tuple[str, ...] | None
    intervals: dict

    def table(self, labels: dict, columns: tuple[str, str, str]) -> dict:
        """The interval table for ``st.dataframe``: rows named by ``labels`` (``{"wald": …, "lr": …}``)."""
        return _table({labels[name]: values for name, values in self.intervals.items()}, columns)


def sharpen_view(model: str, n: int, *, truth=None, seed=None, k=None, param: str | None = None,
            points: int = 301) -> SharpenView:
    """ℓ − ℓ̂ for nested samples, its quadratic approximation, and the Wald and likelihood-ratio intervals.

    Examples
    --------
    >>> v = sharpen_view("binomial", 10, k=8)
    >>> v.sizes, v.ks, [round(t, 4) for t in v.intervals["lr"]]
    (('10', '100', '1,000', '10,000'), ('8', '80', '800', '8,000'), [0.5006, 0.9636, 0.4631])
    """
    data = _sample(model, n, truth, seed, k, points)
    p = _param(data, param)
    view = _param_view_of(data, p.name, points)
    return SharpenView(
        view=view, symbol=p.symbol, hat=p.hat, size=data.model.size, sizes=tuple(f"{m:,}" for m in view.sharp_sizes),
        ks=None if view.sharp_k is None else tuple(f"{m:,}" for m in view.sharp_k),
        intervals={name: (lo, hi, hi - lo) for name, (lo, hi) in (("wald", view.wald), ("lr", view.lr))},
    )
