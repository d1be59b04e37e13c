"""Bayesian updating of a Bernoulli probability with a conjugate Beta prior.

A prior ``Beta(a, b)`` on the success probability ``p`` and ``k`` successes
in ``n`` Bernoulli trials give the posterior ``Beta(a + k, b + n - k)``. This
module computes that update (in one batch or one observation at a time), the
posterior's summaries (mean, mode/MAP, variance, equal-tailed and
highest-density credible intervals), the prior/likelihood/posterior densities
on a grid (in log space, so ``n = 10**6`` is fine), and the frequentist Wald
and Wilson intervals for comparison. How often each of the three interval
recipes covers the true p is :mod:`estimation.coverage`.

Shape parameters ``a, b`` and counts ``k`` broadcast like numpy arrays in the
functions that say so (mean, variance, intervals, update); the mode and the
HDI are scalar because their case analysis and root finding are per posterior.

What the Bayes page draws from these (its data, plotting grids, tables and
the one-observation-at-a-time path) is in :mod:`estimation.views.bayes`.

References
----------
.. [1] A. Gelman et al., *Bayesian Data Analysis*, 3rd ed., ch. 2 (2013).
.. [2] L. D. Brown, T. T. Cai, A. DasGupta, "Interval estimation for a
   binomial proportion", *Statistical Science* 16(2), 101-133 (2001).
.. [3] E. B. Wilson, "Probable inference, the law of succession, and
   statistical inference", *JASA* 22(158), 209-212 (1927).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import optimize, special

from estimation._validation import (
    as_finite_array,
    check_counts,
    check_level,
    check_real,
    scalar_or_array,
)

__all__ = [
    "HDI",
    "Densities",
    "PosteriorMode",
    "beta_update",
    "densities",
    "equal_tailed_interval",
    "hdi",
    "mle",
    "posterior_mean",
    "posterior_mode",
    "posterior_predictive",
    "posterior_variance",
    "sequential_update",
    "wald_interval",
    "wilson_interval",
]


# --------------------------------------------------------------------------- #
# Argument checks specific to this module (built on estimation._validation)
# --------------------------------------------------------------------------- #
def _positive(x, name: str) -> np.ndarray:
    """Return ``x`` as a finite float array whose entries are all > 0."""
    arr = as_finite_array(x, name)
    if np.any(arr <= 0):
        raise ValueError(f"{name} must be > 0, got {x!r}")
    return arr


# --------------------------------------------------------------------------- #
# Update
# --------------------------------------------------------------------------- #
def beta_update(a, b, k, n):
    """Conjugate update of a Beta prior by ``k`` successes in ``n`` trials.

    Parameters
    ----------
    a, b : float or array_like
        Prior shape parameters, > 0 (``a`` counts as prior successes,
        ``b`` as prior failures).
    k : int or array_like of int
        Number of successes, ``0 <= k <= n``.
    n : int
        Number of trials, ``>= 0``.

    Returns
    -------
    a_post, b_post : float or ndarray
        Posterior shape parameters.

    Notes
    -----
    With prior p ~ Beta(a, b) and likelihood p^k (1-p)^(n-k),

        posterior(p | k) ∝ p^(a+k-1) (1-p)^(b+n-k-1)  =>  Beta(a + k, b + n - k).

    Examples
    --------
    >>> beta_update(1, 1, 8, 10)
    (np.float64(9.0), np.float64(3.0))
    """
    a, b = np.broadcast_arrays(_positive(a, "a"), _positive(b, "b"))
    k, n = check_counts(k, n)
    return scalar_or_array(a + k), scalar_or_array(b + (n - k))


def sequential_update(a, b, x):
    """Posterior parameters after each of a sequence of 0/1 observations.

    Parameters
    ----------
    a, b : float
        Prior shape parameters, > 0.
    x : array_like of shape (n,)
        Observations, each 0 (failure) or 1 (success); may be empty.

    Returns
    -------
    a_seq, b_seq : ndarray of shape (n + 1,)
        ``a_seq[i], b_seq[i]`` are the posterior parameters after the first
        ``i`` observations; index 0 is the prior.

    Notes
    -----
    a_i = a + sum_{j <= i} x_j,   b_i = b + sum_{j <= i} (1 - x_j)
    (a cumulative sum). Updating one observation at a time ends at the batch
    update Beta(a + k, b + n - k), k = sum x_j: the order does not matter.

    Examples
    --------
    >>> a_seq, b_seq = sequential_update(1.0, 1.0, [1, 0, 1])  # a counts successes, b failures
    >>> a_seq, b_seq
    (array([1., 2., 2., 3.]), array([1., 1., 2., 2.]))
    """
    a = check_real(a, "a", lo=0.0, lo_open=True)
    b = check_real(b, "b", lo=0.0, lo_open=True)
    x = as_finite_array(x, "x", ndim=1, min_size=0)
    if not np.all((x == 0) | (x == 1)):
        raise ValueError("x must contain only 0/1 values")
    successes = np.concatenate(([0.0], np.cumsum(x)))
    trials = np.arange(x.size + 1, dtype=np.float64)
    return a + successes, b + (trials - successes)


# --------------------------------------------------------------------------- #
# Point summaries
# --------------------------------------------------------------------------- #
def posterior_mean(a, b):
    """Mean of Beta(a, b), elementwise.

    Notes
    -----
    E[p] = a / (a + b). For the posterior Beta(a + k, b + n - k) this is

        (a + k) / (a + b + n) = w * a/(a + b) + (1 - w) * k/n,  w = (a + b)/(a + b + n),

    a weighted average of the prior mean and the MLE, so it always lies
    between them.

    Examples
    --------
    >>> float(posterior_mean(2.0, 6.0))  # 2 / (2 + 6)
    0.25
    """
    a, b = _positive(a, "a"), _positive(b, "b")
    return scalar_or_array(a / (a + b))


def posterior_variance(a, b):
    """Variance of Beta(a, b), elementwise.

    Notes
    -----
    Var[p] = a b / ((a + b)^2 (a + b + 1)).

    Examples
    --------
    >>> bool(np.isclose(posterior_variance(2.0, 6.0), 2 * 6 / (8**2 * 9), rtol=1e-15))
    True
    """
    a, b = _positive(a, "a"), _positive(b, "b")
    s = a + b
    return scalar_or_array(a * b / (s * s * (s + 1.0)))


def posterior_predictive(a, b, k, n):
    """Probability that the next trial is a success, given ``k`` of ``n``.

    Notes
    -----
    P(x_{n+1} = 1 | k) = ∫ p Beta(p; a + k, b + n - k) dp = (a + k) / (a + b + n),
    the posterior mean. With a = b = 1 this is Laplace's rule of succession
    (k + 1) / (n + 2).

    Examples
    --------
    >>> round(float(posterior_predictive(1.0, 1.0, 3, 10)), 12)  # Laplace: (3 + 1) / (10 + 2)
    0.333333333333
    """
    return posterior_mean(*beta_update(a, b, k, n))


def mle(k, n):
    """Maximum-likelihood estimate of ``p`` from ``k`` successes in ``n >= 1`` trials.

    Notes
    -----
    p̂ = k / n maximises k log p + (n - k) log(1 - p). The MAP estimate under a
    Beta(a, b) prior (:func:`posterior_mode`, for a + k > 1 and b + n - k > 1)
    is the MLE with pseudo-counts: a - 1 extra successes and b - 1 extra
    failures, (k + a - 1) / (n + a + b - 2). With a = b = 1 the two coincide.

    Examples
    --------
    >>> float(mle(3, 10))
    0.3
    """
    k, n = check_counts(k, n, n_min=1)
    return scalar_or_array(k / n)


@dataclass(frozen=True, slots=True)
class PosteriorMode:
    """Mode (MAP) of a Beta density, with its shape.

    Attributes
    ----------
    value : float or None
        The unique maximiser of the density, or ``None`` when it is not unique.
    kind : str
        ``"interior"`` (a > 1, b > 1: value = (a - 1)/(a + b - 2));
        ``"left"`` (a <= 1 <= b, not both 1: density non-increasing, value = 0);
        ``"right"`` (b <= 1 <= a, not both 1: density non-decreasing, value = 1);
        ``"both_ends"`` (a < 1, b < 1: U-shaped, the density is unbounded at
        both 0 and 1, value = None);
        ``"flat"`` (a = b = 1: uniform, every p in [0, 1] is a mode, value = None).
    """

    value: float | None
    kind: str


def posterior_mode(a, b) -> PosteriorMode:
    """Mode of Beta(a, b) (the MAP estimate when a, b are posterior parameters).

    Parameters
    ----------
    a, b : float
        Shape parameters, > 0.

    Returns
    -------
    PosteriorMode
        ``value`` (float, or None if not unique) and ``kind`` (see
        :class:`PosteriorMode`).

    Notes
    -----
    For a > 1, b > 1 the density p^(a-1) (1-p)^(b-1) / B(a, b) has its maximum
    at (a - 1)/(a + b - 2); for posterior parameters (a + k, b + n - k) this is
    (k + a - 1)/(n + a + b - 2), the MLE with a - 1 pseudo-successes and
    b - 1 pseudo-failures. Otherwise the maximum sits on the boundary (a J
    shape; for a < 1 or b < 1 the density is unbounded there), on both ends
    (U shape), or nowhere in particular (uniform).

    Examples
    --------
    >>> posterior_mode(3.0, 5.0)  # (a − 1) / (a + b − 2) = 2/6
    PosteriorMode(value=0.3333333333333333, kind='interior')
    >>> posterior_mode(1.0, 1.0)  # the uniform density has no unique mode
    PosteriorMode(value=None, kind='flat')
    """
    a = check_real(a, "a", lo=0.0, lo_open=True)
    b = check_real(b, "b", lo=0.0, lo_open=True)
    if a > 1.0 and b > 1.0:
        return PosteriorMode((a - 1.0) / (a + b - 2.0), "interior")
    if a == 1.0 and b == 1.0:
        return PosteriorMode(None, "flat")
    if a < 1.0 and b < 1.0:
        return PosteriorMode(None, "both_ends")
    if a <= 1.0 and b >= 1.0:  # non-increasing density
        return PosteriorMode(0.0, "left")
    return PosteriorMode(1.0, "right")  # b <= 1 <= a: non-decreasing density


# --------------------------------------------------------------------------- #
# Intervals
# --------------------------------------------------------------------------- #
def _beta_logpdf(p, a, b):
    """log Beta(p; a, b) = (a-1) log p + (b-1) log(1-p) - log B(a, b)."""
    return special.xlogy(a - 1.0, p) + special.xlog1py(b - 1.0, -p) - special.betaln(a, b)


def _beta_quantile(a, b, q, *, upper=False):
    """p with F(p) = q (``upper``: 1 - F(p) = q) for Beta(a, b), elementwise.

    scipy's ``betaincinv``/``betainccinv`` are occasionally off by ~1e-11 in
    mass for shapes ~1e5; one Newton step on the (accurate) ``betainc``,
    p <- p - (F(p) - q)/f(p), brings the result to rounding level. The step is
    skipped where f(p) is 0 or infinite (p on the boundary).
    """
    if upper:
        p = special.betainccinv(a, b, q)
        resid = q - special.betaincc(a, b, p)  # = F(p) - (1 - q)
    else:
        p = special.betaincinv(a, b, q)
        resid = special.betainc(a, b, p) - q
    with np.errstate(all="ignore"):
        polished = p - resid / np.exp(_beta_logpdf(p, a, b))
    keep = np.isfinite(polished) & (polished > 0.0) & (polished < 1.0)
    return np.where(keep, polished, p)


def equal_tailed_interval(a, b, level=0.95):
    """Equal-tailed credible interval of Beta(a, b), elementwise.

    Parameters
    ----------
    a, b : float or array_like
        Shape parameters, > 0 (broadcast together).
    level : float, default 0.95
        Posterior mass inside the interval, in (0, 1).

    Returns
    -------
    lo, hi : float or ndarray

    Notes
    -----
    lo = F^{-1}((1 - level)/2), hi = F^{-1}((1 + level)/2) with F the Beta(a, b)
    cdf (regularised incomplete beta I_p(a, b)); ``hi`` is computed as the
    inverse survival function at (1 - level)/2 to keep precision near 1, and
    both are polished by one Newton step on I_p(a, b).
    The interval need not contain the mode for skewed posteriors.

    Examples
    --------
    >>> from scipy import stats
    >>> lo, hi = equal_tailed_interval(2.0, 3.0)  # the 2.5 % and 97.5 % quantiles
    >>> bool(np.allclose([lo, hi], stats.beta.ppf([0.025, 0.975], 2, 3), rtol=1e-12))
    True
    """
    a, b = np.broadcast_arrays(_positive(a, "a"), _positive(b, "b"))
    tail = 0.5 * (1.0 - check_level(level))
    return scalar_or_array(_beta_quantile(a, b, tail)), scalar_or_array(_beta_quantile(a, b, tail, upper=True))


@dataclass(frozen=True, slots=True)
class HDI:
    """Highest-density credible region {p : f(p) >= height} of a Beta density.

    Attributes
    ----------
    pieces : tuple of (float, float)
        The region as disjoint closed intervals: one interval, except for a
        U-shaped density (a < 1, b < 1) where it is [0, l] ∪ [u, 1].
    height : float
        Density at the cut point(s), f(l) = f(u).
    unique : bool
        False only for the uniform density (a = b = 1), where every interval
        of length ``level`` qualifies; the central one is returned.
    """

    pieces: tuple[tuple[float, float], ...]
    height: float
    unique: bool

    @property
    def length(self) -> float:
        """Total length of the region (the smallest possible for its mass)."""
        return float(sum(hi - lo for lo, hi in self.pieces))


def _cut(a: float, b: float, below: float, above: float) -> tuple[float, float, float]:
    """Point p of Beta(a, b) with mass ``below`` to its left (``above`` = 1 - below
    to its right), as ``(p, 1 - p, log f(p))`` accurate near both 0 and 1.

    Each quantile is inverted from the smaller of the two tail masses; a point
    above 1/2 is recomputed as 1 - w with w the mirrored Beta(b, a) quantile,
    and its density as f_{b,a}(w) = f_{a,b}(1 - w).
    """
    p = _beta_quantile(a, b, below) if below <= above else _beta_quantile(a, b, above, upper=True)
    if p <= 0.5:
        return float(p), float(1.0 - p), float(_beta_logpdf(p, a, b))
    w = _beta_quantile(b, a, above) if above <= below else _beta_quantile(b, a, below, upper=True)
    return float(1.0 - w), float(w), float(_beta_logpdf(w, b, a))


def _log_density_ratio(a, b, lower, upper) -> float:
    """log f(l) - log f(u) for cuts l < u given as ``_cut`` triples.

    When l and u are within a factor 2 (narrow intervals, large a and b),
    u - l is exact and the ratio is (a-1) log1p(-(u-l)/u) + (b-1) log1p((u-l)/(1-u)),
    accurate to a few ulps; subtracting the two log densities would lose
    about (a + b) ulps to cancellation.
    """
    (l, _, log_fl), (u, qu, log_fu) = lower, upper
    if 0.5 * u <= l and 0.5 * qu <= 1.0 - l:
        d = u - l
        return (a - 1.0) * np.log1p(-d / u) + (b - 1.0) * np.log1p(d / qu)
    return log_fl - log_fu


#: Mass fraction below which a side of the HDI split counts as empty (its cut
#: would lie closer to 0 or 1 than doubles resolve).
_UNRESOLVED = 1e-280


def hdi(a, b, level=0.95) -> HDI:
    """Highest-density credible region of Beta(a, b).

    Parameters
    ----------
    a, b : float
        Shape parameters, > 0.
    level : float, default 0.95
        Mass of the region, in (0, 1).

    Returns
    -------
    HDI
        ``pieces``, ``height`` and ``unique`` (see :class:`HDI`); ``.length``
        is its total length.

    Notes
    -----
    The HDR is {p : f(p) >= h} with h chosen so that its mass is ``level``;
    among all sets of that mass it has the smallest length. By shape:

    * unimodal (a > 1, b > 1): [l, u] with F(u) - F(l) = level and
      f(l) = f(u). With the left tail mass x·(1 - level) outside l and the
      right tail mass (1 - x)·(1 - level) outside u, the gap
      log f(l) - log f(u) increases strictly in x on [0, 1], from -inf to
      +inf; its root is found with Brent's method to machine precision (the
      gap is passed through arctan to keep it finite, and computed without
      cancellation by :func:`_log_density_ratio`).
    * non-increasing (a <= 1 <= b): [0, F^{-1}(level)].
    * non-decreasing (b <= 1 <= a): [F^{-1}(1 - level), 1].
    * U-shaped (a < 1, b < 1): [0, l] ∪ [u, 1] with masses x·level and
      (1 - x)·level and f(l) = f(u), found the same way. The shortest
      *single* interval of that mass is then [0, F^{-1}(level)] or
      [F^{-1}(1 - level), 1], whichever is shorter, and is longer than the HDR.
    * uniform (a = b = 1): not unique; the central interval is returned with
      ``unique=False``.

    Cut points near 1 are computed as 1 - w with w a quantile of the mirrored
    Beta(b, a), and their densities as f_{b,a}(w); the root is sought in the
    mass fraction of whichever side is smaller, so that side keeps full
    precision even when its mass is tiny. A cut point that doubles cannot
    resolve is returned on the boundary: u = 1.0 when 1 - u < 1.1e-16, and
    l = 0.0 (or u = 1.0) when its side's mass fraction is below 1e-280, as
    for Beta(1 + 1e-12, 5) whose lower cut is below 1e-300; ``height`` is
    then the density at the other cut. That costs a negligible mass except
    in extreme U shapes (a, b below about 0.02, e.g. Beta(0.001, 0.001) whose
    HDR is [0, 5e-23] ∪ [1 - 5e-23, 1]), where the collapsed piece [1, 1]
    carries real mass that doubles cannot show.

    Examples
    --------
    >>> from scipy import stats
    >>> r = hdi(3.0, 3.0)  # symmetric and unimodal: the equal-tailed interval
    >>> bool(np.allclose(r.pieces[0], stats.beta.ppf([0.025, 0.975], 3, 3), rtol=1e-9))
    True
    >>> r = hdi(1.0, 3.0)  # density falling from p = 0: [0, q₀.₉₅]
    >>> r.pieces[0][0], bool(np.isclose(r.pieces[0][1], stats.beta.ppf(0.95, 1, 3), rtol=1e-9))
    (0.0, True)
    """
    a = check_real(a, "a", lo=0.0, lo_open=True)
    b = check_real(b, "b", lo=0.0, lo_open=True)
    level = check_level(level)
    tail = 1.0 - level

    if a == 1.0 and b == 1.0:
        return HDI(((0.5 * tail, 1.0 - 0.5 * tail),), 1.0, False)
    if a <= 1.0 and b >= 1.0:
        u = _beta_quantile(a, b, level)
        return HDI(((0.0, float(u)),), float(np.exp(_beta_logpdf(u, a, b))), True)
    if b <= 1.0 and a >= 1.0:
        v = _beta_quantile(b, a, level)  # v = 1 - l, by the mirror symmetry
        return HDI(((float(1.0 - v), 1.0),), float(np.exp(_beta_logpdf(v, b, a))), True)

    unimodal = a > 1.0
    mass = tail if unimodal else level  # mass split between the two sides
    sign = 1.0 if unimodal else -1.0  # log f(l) - log f(u), signed to increase with x

    def cuts(x, flip):
        # x = fraction of `mass` on the left (flip: on the right) side of the split;
        # parametrising by the smaller fraction resolves tiny side masses.
        m_left, m_right = ((1.0 - x) * mass, x * mass) if flip else (x * mass, (1.0 - x) * mass)
        return _cut(a, b, m_left, 1.0 - m_left), _cut(a, b, 1.0 - m_right, m_right)

    def gap(x, flip):
        if x <= 0.0:  # a side of zero mass: its cut density is 0 (unimodal) or inf (U)
            return 0.5 * np.pi if flip else -0.5 * np.pi
        return np.arctan(sign * _log_density_ratio(a, b, *cuts(x, flip)))

    flip = gap(0.5, False) < 0.0  # root in the right half: solve for the right fraction
    x = optimize.brentq(
        gap, 0.0, 0.5, args=(flip,), xtol=1e-300, rtol=4 * np.finfo(float).eps, maxiter=2000
    )
    (l, _, log_fl), (u, _, log_fu) = cuts(x, flip)
    log_height = log_fl
    if x < _UNRESOLVED:  # the smaller side's mass is nil: its cut sits at the end
        if flip:
            u = 1.0
        else:
            l, log_height = 0.0, log_fu
    height = float(np.exp(log_height))
    pieces = ((l, u),) if unimodal else ((0.0, l), (u, 1.0))
    return HDI(pieces, height, True)


def _z(level: float) -> float:
    """Two-sided normal quantile z = Φ^{-1}((1 + level)/2)."""
    return float(-special.ndtri(0.5 * (1.0 - level)))


def wald_interval(k, n, level=0.95, *, clip=False):
    """Wald (normal-approximation) interval for a binomial proportion.

    Parameters
    ----------
    k : int or array_like of int
        Successes, ``0 <= k <= n``.
    n : int
        Trials, ``>= 1``.
    level : float, default 0.95
        Nominal coverage, in (0, 1).
    clip : bool, default False
        Clip the interval to [0, 1]. Off by default so that the overshoot
        beyond [0, 1] stays visible; clipping never changes coverage of a
        true p in [0, 1].

    Returns
    -------
    lo, hi : float or ndarray

    Notes
    -----
    p̂ ± z sqrt(p̂ (1 - p̂) / n), p̂ = k/n, z = Φ^{-1}((1 + level)/2). For k = 0 or
    k = n the interval collapses to the single point p̂, so it misses every
    true p in (0, 1): the cause of its poor coverage near 0 and 1 [2]_.

    Examples
    --------
    >>> from scipy import stats
    >>> lo, hi = wald_interval(3, 10)  # 0.3 ± z √(0.3 · 0.7 / 10)
    >>> half = stats.norm.ppf(0.975) * np.sqrt(0.3 * 0.7 / 10)
    >>> bool(np.allclose([lo, hi], [0.3 - half, 0.3 + half], rtol=1e-12))
    True
    """
    k, n = check_counts(k, n, n_min=1)
    z = _z(check_level(level))
    p_hat = k / n
    half = z * np.sqrt(p_hat * (1.0 - p_hat) / n)
    lo, hi = p_hat - half, p_hat + half
    if clip:
        lo, hi = np.clip(lo, 0.0, 1.0), np.clip(hi, 0.0, 1.0)
    return scalar_or_array(lo), scalar_or_array(hi)


def wilson_interval(k, n, level=0.95):
    """Wilson score interval for a binomial proportion.

    Parameters
    ----------
    k : int or array_like of int
        Successes, ``0 <= k <= n``.
    n : int
        Trials, ``>= 1``.
    level : float, default 0.95
        Nominal coverage, in (0, 1).

    Returns
    -------
    lo, hi : float or ndarray
        Always inside [0, 1].

    Notes
    -----
    The set of p with |p̂ - p| <= z sqrt(p (1 - p) / n) [3]_, i.e. between the
    roots of (1 + z²/n) p² - (2p̂ + z²/n) p + p̂² = 0:

        centre ± half,  centre = (p̂ + z²/(2n)) / (1 + z²/n),
                        half   = z / (1 + z²/n) * sqrt(p̂ (1 - p̂)/n + z²/(4n²)).

    To avoid cancellation the lower root is computed as
    p̂² / ((1 + z²/n)(centre + half)) (the product of the roots is
    p̂²/(1 + z²/n)) and the upper one as 1 minus the lower root for n - k
    successes (the interval is symmetric under p -> 1 - p); so k = 0 gives
    exactly 0 and k = n exactly 1.

    Examples
    --------
    >>> from scipy import stats
    >>> k, n, z = 3, 10, stats.norm.ppf(0.975)
    >>> centre = (k + z**2 / 2) / (n + z**2)
    >>> half = z / (n + z**2) * np.sqrt(k * (n - k) / n + z**2 / 4)
    >>> bool(np.allclose(wilson_interval(k, n), [centre - half, centre + half], rtol=1e-12))
    True
    """
    k, n = check_counts(k, n, n_min=1)
    z = _z(check_level(level))
    z2n = z * z / n

    def lower(successes):
        # smaller root of (1 + z²/n) p² - (2p̂ + z²/n) p + p̂² = 0,
        # as p̂² / ((1 + z²/n) * larger root): no cancellation
        p_hat = successes / n
        half = z * np.sqrt(p_hat * (1.0 - p_hat) / n + 0.25 * z2n / n)
        larger = (p_hat + 0.5 * z2n + half) / (1.0 + z2n)
        return p_hat * p_hat / ((1.0 + z2n) * larger)

    return scalar_or_array(lower(k)), scalar_or_array(1.0 - lower(n - k))


# --------------------------------------------------------------------------- #
# Densities on a grid
# --------------------------------------------------------------------------- #
@dataclass(frozen=True, slots=True)
class Densities:
    """Prior, normalised likelihood and posterior densities on a grid ``p``."""

    p: np.ndarray
    prior: np.ndarray
    likelihood: np.ndarray
    posterior: np.ndarray


def densities(a, b, k, n, p) -> Densities:
    """Prior, likelihood and posterior densities evaluated on a grid.

    Parameters
    ----------
    a, b : float
        Prior shape parameters, > 0.
    k, n : int
        Successes and trials, ``0 <= k <= n``.
    p : array_like
        Grid of probabilities in [0, 1]. At p = 0 (or 1) a density with
        a < 1 (or b < 1) is +inf; use a grid of interior points (e.g.
        midpoints) for plotting.

    Returns
    -------
    Densities
        ``p`` and the three densities, each of the grid's shape.

    Notes
    -----
    All three are Beta densities, evaluated as exp of

        log f(p; α, β) = (α-1) log p + (β-1) log(1-p) - log B(α, β)

    (``xlogy``, ``xlog1py``, ``betaln``), so nothing overflows even for
    n = 10**6. prior = Beta(a, b); posterior = Beta(a + k, b + n - k);
    the likelihood p^k (1-p)^(n-k) is normalised to integrate to 1 over
    [0, 1], which makes it the Beta(k + 1, n - k + 1) density (the posterior
    under a uniform prior). Then posterior ∝ prior × likelihood.

    Examples
    --------
    >>> from scipy import stats
    >>> p = np.array([0.25, 0.5])
    >>> d = densities(2.0, 2.0, 3, 10, p)  # posterior Beta(2 + 3, 2 + 7)
    >>> bool(np.allclose(d.prior, stats.beta.pdf(p, 2, 2)) and np.allclose(d.posterior, stats.beta.pdf(p, 5, 9)))
    True
    """
    a = check_real(a, "a", lo=0.0, lo_open=True)
    b = check_real(b, "b", lo=0.0, lo_open=True)
    k, n = check_counts(k, n)
    k = float(k)
    p = as_finite_array(p, "p")
    if np.any((p < 0.0) | (p > 1.0)):
        raise ValueError("p must lie in [0, 1]")

    def pdf(alpha, beta):
        return np.exp(_beta_logpdf(p, alpha, beta))

    return Densities(p, pdf(a, b), pdf(k + 1.0, n - k + 1.0), pdf(a + k, b + n - k))
