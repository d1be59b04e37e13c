"""Relative log-likelihood ℓ − ℓ̂ and the intervals read from it: Wald, likelihood-ratio, the parabola behind Wald.

:func:`binomial_relative_loglik` and :func:`gaussian_relative_loglik` give
ℓ − ℓ̂ ≤ 0 without subtracting two large log-likelihoods. Then one parameter θ
at a time. A :class:`LikelihoodSlice` is ℓ along θ (the other
Gaussian parameter held fixed), written relative to its maximum, with its
peak θ̂ and curvature J(θ̂); both intervals are read off it:

* Wald: ``θ̂ ± z/√J(θ̂)``, z = Φ⁻¹((1 + level)/2) — where the parabola
  ``ℓ̂ − ½J(θ̂)(θ − θ̂)²`` (:func:`quadratic_loglik`) drops by z²/2;
* likelihood-ratio: ``{θ : 2(ℓ(θ̂) − ℓ(θ)) ≤ χ²₁(level)}`` — where ℓ itself
  drops by χ²₁(level)/2 (1.92 at 95%), endpoints by ``brentq``.

The log-likelihoods, scores and informations are those of
:mod:`estimation.likelihood`. A Gaussian interval is for one parameter with
the other held fixed (by default at its MLE).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
from scipy import optimize, stats as sps

from estimation._validation import as_finite_array, check_counts, check_level, check_real
from estimation.bayes import wald_interval
from estimation.likelihood import (  # with the kernels ℓ is written with
    MODELS,
    _binomial_kernel,
    _gaussian_hat,
    binomial_information,
    gaussian_stats,
)

_THETA = MODELS["binomial"].param("theta")
_MU, _SIGMA2 = MODELS["gaussian"].params

__all__ = [
    "binomial_relative_loglik",
    "gaussian_relative_loglik",
    "quadratic_loglik",
    "LikelihoodSlice",
    "binomial_slice",
    "gaussian_slice",
    "binomial_wald_interval",
    "binomial_lr_interval",
    "gaussian_wald_interval",
    "gaussian_lr_interval",
]


# --------------------------------------------------------------------------- relative log-likelihood


def binomial_relative_loglik(k, n, theta):
    """Relative log-likelihood ℓ(θ) − ℓ(θ̂) ≤ 0 of k successes in n trials (and of a Bernoulli sample).

    Notes
    -----
    ℓ(θ) − ℓ(θ̂) = k log(θ/θ̂) + (n − k) log((1 − θ)/(1 − θ̂)), θ̂ = k/n, with
    0·log 0 = 0; the binomial coefficient cancels, so this is also the
    Bernoulli relative log-likelihood with k = Σ x_i, n = N.

    Examples
    --------
    >>> round(float(binomial_relative_loglik(8, 10, 0.5)), 6)  # 8 log(0.5/0.8) + 2 log(0.5/0.2)
    -1.927448
    """
    k, n = check_counts(k, n, n_min=1, scalar=True)
    return _binomial_kernel(k, n, _THETA.check(theta)) - _binomial_kernel(k, n, k / n)


def _gaussian_rel(n: int, s2_hat: float, d2, sigma2):
    """(n/2)(log r + 1 − r) − n d²/(2σ²), r = s2_hat/σ²: ℓ relative to its maximum, no cancellation of big ℓ's."""
    r = s2_hat / sigma2
    return 0.5 * n * (np.log(r) + 1.0 - r) - 0.5 * n * d2 / sigma2


def gaussian_relative_loglik(x, mu, sigma2):
    """Relative log-likelihood ℓ(μ, σ²) − ℓ(μ̂, σ̂²) ≤ 0 of a Gaussian sample.

    Parameters
    ----------
    x : array_like of shape (N,) or GaussianStats
        Not constant (σ̂² > 0, else ℓ̂ = +inf).
    mu, sigma2 : array_like
        Broadcast against each other; σ² > 0.

    Notes
    -----
    With r = σ̂²/σ²:  ℓ − ℓ̂ = (N/2)(log r + 1 − r) − N(x̄ − μ)²/(2σ²).
    Written this way it avoids subtracting two large log-likelihoods.
    ``-2 ×`` this is the likelihood-ratio statistic, χ²₂ under the truth.

    Examples
    --------
    >>> float(gaussian_relative_loglik([1.0, 2.0, 6.0], 3.0, 14 / 3))  # at the MLE
    0.0
    """
    s = gaussian_stats(x)
    s2 = _gaussian_hat(s)
    mu, sigma2 = _MU.check(mu), _SIGMA2.check(sigma2)
    return _gaussian_rel(s.n, s2, (s.mean - mu) ** 2, sigma2)


def quadratic_loglik(theta, theta_hat, information, loglik_max=0.0):
    """Quadratic (Taylor) approximation of a log-likelihood around its maximum.

    Parameters
    ----------
    theta : array_like
        Points to evaluate.
    theta_hat : float
        The MLE θ̂.
    information : float
        Observed information J(θ̂) ≥ 0 (may be +inf, see Notes).
    loglik_max : float, default 0.0
        ℓ(θ̂); leave 0 to approximate the relative log-likelihood.

    Returns
    -------
    ndarray
        ℓ(θ̂) − ½ J(θ̂)(θ − θ̂)², same shape as ``theta``.

    Notes
    -----
    q(θ) = ℓ(θ̂) − ½ J(θ̂) (θ − θ̂)². With J = +inf (binomial MLE on the
    boundary) q is ℓ(θ̂) at θ̂ and −inf elsewhere. The Wald interval is
    {θ : 2(q(θ̂) − q(θ)) ≤ z²}, the likelihood-ratio interval the same with ℓ.

    Examples
    --------
    >>> quadratic_loglik([0.7, 0.8, 0.9], 0.8, 62.5)  # 8 of 10: J(0.8) = 10/(0.8·0.2)
    array([-0.3125,  0.    , -0.3125])
    """
    theta = as_finite_array(theta, "theta")
    theta_hat = check_real(theta_hat, "theta_hat")
    try:
        information = float(information)
    except (TypeError, ValueError):
        raise ValueError(f"information must be a real number, got {information!r}") from None
    if not information >= 0.0:  # also rejects NaN
        raise ValueError(f"information must be >= 0, got {information}")
    loglik_max = check_real(loglik_max, "loglik_max")
    d2 = (theta - theta_hat) ** 2
    with np.errstate(invalid="ignore"):
        q = loglik_max - 0.5 * information * d2
    return np.where(d2 == 0.0, loglik_max, q)[()]


# --------------------------------------------------------------------------- one-parameter slices


@dataclass(frozen=True, slots=True)
class LikelihoodSlice:
    """ℓ along one parameter θ, relative to its maximum: what both intervals are read from.

    Attributes
    ----------
    theta_hat : float
        The slice's maximiser θ̂.
    information : float
        J(θ̂) = −ℓ''(θ̂) (+inf for a proportion whose MLE is 0 or 1).
    rel : callable
        θ ↦ ℓ(θ) − ℓ(θ̂) ≤ 0, for θ inside [lo, hi] (no validation: a kernel).
    lo, hi : float
        The parameter's range (σ²: (0, inf); μ: (−inf, inf); proportions: [0, 1]).

    Examples
    --------
    >>> s = binomial_slice(8, 10)
    >>> s.theta_hat, round(s.information, 9), float(s.rel(0.8))  # J(θ̂) = n/(θ̂(1 − θ̂))
    (0.8, 62.5, 0.0)
    """

    theta_hat: float
    information: float
    rel: Callable[[float], float]
    lo: float
    hi: float

    def wald(self, level: float = 0.95) -> tuple[float, float]:
        """θ̂ ± z/√J(θ̂), z = Φ⁻¹((1 + level)/2); the single point θ̂ when J = +inf.

        Examples
        --------
        >>> [round(t, 4) for t in binomial_slice(8, 10).wald()]
        [0.5521, 1.0479]
        """
        z = sps.norm.ppf(0.5 + 0.5 * check_level(level))
        half = z / np.sqrt(self.information)  # 0 when the information is +inf
        return float(self.theta_hat - half), float(self.theta_hat + half)

    def lr(self, level: float = 0.95) -> tuple[float, float]:
        """{θ : 2(ℓ(θ̂) − ℓ(θ)) ≤ χ²₁(level)}: :meth:`region` with drop = χ²₁(level)/2.

        Examples
        --------
        >>> [round(t, 4) for t in binomial_slice(8, 10).lr()]
        [0.5006, 0.9636]
        """
        return self.region(0.5 * sps.chi2.ppf(check_level(level), 1))

    def region(self, drop: float) -> tuple[float, float]:
        """{θ : ℓ(θ) − ℓ(θ̂) ≥ −drop}, an interval (every slice here is unimodal).

        Notes
        -----
        Endpoints are the roots of ℓ(θ) − ℓ(θ̂) + drop on either side of θ̂
        (``brentq``, to 4 machine epsilons relative), found by marching
        outwards: halving the distance to a finite bound, doubling the step
        (from 1/√J(θ̂)) towards an infinite one. Where ℓ − ℓ̂ ≥ −drop all the
        way, the endpoint is the bound itself.

        Examples
        --------
        >>> [round(t, 4) for t in binomial_slice(0, 10).region(1.92)]  # k = 0: [0, 1 − e^(−1.92/10)]
        [0.0, 0.1747]
        """

        def f(t):  # ≥ 0 inside the interval, < 0 outside
            return float(self.rel(t)) + drop

        return self._endpoint(f, self.lo), self._endpoint(f, self.hi)

    def _endpoint(self, f: Callable[[float], float], bound: float) -> float:
        """Root of f on the side of θ̂ towards ``bound``; ``bound`` itself if f ≥ 0 all the way."""
        if self.theta_hat == bound:
            return bound
        step = 1.0 / np.sqrt(self.information)
        direction = 1.0 if bound > self.theta_hat else -1.0
        inner = self.theta_hat
        for j in range(1, 2100):
            # March outwards: halve the distance to a finite bound, double the step to an infinite one.
            if np.isfinite(bound):
                t = bound + (self.theta_hat - bound) * 2.0**-j
            else:
                t = self.theta_hat + direction * step * 2.0 ** (j - 1)
            if t == bound or not np.isfinite(t):
                break
            if f(t) < 0.0:
                a, b = sorted((inner, t))
                try:
                    return float(optimize.brentq(f, a, b, xtol=1e-300, rtol=4 * np.finfo(float).eps, maxiter=500))
                except RuntimeError as exc:  # brentq's non-convergence: report it as invalid input, like every check
                    raise ValueError(
                        f"level: the likelihood-ratio endpoint between {a:.6g} and {b:.6g} did not converge ({exc})"
                    ) from None
            inner = t
        # f ≥ 0 up to the last representable step: the interval reaches the bound (or its neighbour).
        return bound if np.isfinite(bound) else np.inf


def binomial_slice(k, n) -> LikelihoodSlice:
    """The binomial (or Bernoulli, with k = Σx, n = N) log-likelihood in θ, relative to θ̂ = k/n.

    Notes
    -----
    ℓ(θ) − ℓ(θ̂) = k log(θ/θ̂) + (n − k) log((1 − θ)/(1 − θ̂)) (0·log 0 = 0),
    J(θ̂) = n/(θ̂(1 − θ̂)) (+inf when θ̂ is 0 or 1), θ ∈ [0, 1].

    Examples
    --------
    >>> binomial_slice(0, 10).information
    inf
    """
    k, n = check_counts(k, n, n_min=1, scalar=True)
    p = k / n
    ref = _binomial_kernel(k, n, p)
    info = float(binomial_information(k, n))
    return LikelihoodSlice(p, info, lambda t: _binomial_kernel(k, n, t) - ref, 0.0, 1.0)


def gaussian_slice(x, param: str = "mu", *, fixed=None) -> LikelihoodSlice:
    """The Gaussian log-likelihood along μ or σ², the other parameter held at ``fixed``.

    Parameters
    ----------
    x : array_like of shape (N,) or GaussianStats
    param : {"mu", "sigma2"}
    fixed : float, optional
        The other parameter's value: σ² (> 0) when ``param="mu"``, μ when
        ``param="sigma2"``. Default: its MLE (σ̂² or x̄).

    Notes
    -----
    Along μ (σ² fixed): θ̂ = x̄, J = N/σ², ℓ − ℓ̂ = −N(x̄ − μ)²/(2σ²), exactly
    quadratic. Along σ² (μ fixed): θ̂ = σ̂²(μ) = Σ(x_i − μ)²/N, J = N/(2θ̂²),
    ℓ − ℓ̂ = (N/2)(log r + 1 − r), r = θ̂/σ².

    Examples
    --------
    >>> s = gaussian_slice([1.0, 2.0, 4.0], "sigma2")  # x̄ = 7/3, σ̂² = 14/9
    >>> round(s.theta_hat, 6), round(s.information, 6)
    (1.555556, 0.619898)
    """
    s = gaussian_stats(x)
    param = MODELS["gaussian"].param(param).name
    if param == "mu":
        s2 = _gaussian_hat(s) if fixed is None else check_real(fixed, "fixed", lo=0.0, lo_open=True)
        return LikelihoodSlice(s.mean, s.n / s2, lambda m: _gaussian_rel(s.n, s2, (s.mean - m) ** 2, s2),
                               -np.inf, np.inf)
    mu = s.mean if fixed is None else check_real(fixed, "fixed")
    s2_hat = float(s.q(mu)) / s.n
    if s2_hat == 0.0:
        raise ValueError("fixed: every x equals mu, so the variance slice peaks at sigma2 = 0 (unbounded)")
    return LikelihoodSlice(s2_hat, s.n / (2.0 * s2_hat**2), lambda v: _gaussian_rel(s.n, s2_hat, 0.0, v),
                           0.0, np.inf)


# --------------------------------------------------------------------------- intervals


def binomial_wald_interval(k, n, level=0.95) -> tuple[float, float]:
    """Wald interval θ̂ ± z·SE for a binomial/Bernoulli proportion.

    Parameters
    ----------
    k, n : int
        Successes and trials (for a Bernoulli sample: ``s.k, s.n`` of
        :func:`bernoulli_stats`).
    level : float, default 0.95
        Confidence level in (0, 1).

    Returns
    -------
    lo, hi : float

    Notes
    -----
    θ̂ ± z √(θ̂(1 − θ̂)/n), z = Φ⁻¹((1 + level)/2) (1.96 for 95%). Not clipped
    to [0, 1]: it can leave the parameter space, and at θ̂ = 0 or 1 (SE = 0) it
    collapses to a point — both known weaknesses, shown next to the
    likelihood-ratio interval. Computed by :func:`estimation.bayes.wald_interval`
    with ``clip=False`` (one implementation of the formula).

    Examples
    --------
    >>> lo, hi = binomial_wald_interval(8, 10)
    >>> round(lo, 4), round(hi, 4)
    (0.5521, 1.0479)
    """
    k, n = check_counts(k, n, n_min=1, scalar=True)
    lo, hi = wald_interval(k, n, level, clip=False)  # the one implementation (estimation.bayes), unclipped
    return float(lo), float(hi)


def binomial_lr_interval(k, n, level=0.95) -> tuple[float, float]:
    """Likelihood-ratio interval for a binomial/Bernoulli proportion.

    Parameters
    ----------
    k, n : int
        Successes and trials (for a Bernoulli sample: ``s.k, s.n`` of
        :func:`bernoulli_stats`).
    level : float, default 0.95
        Confidence level in (0, 1).

    Returns
    -------
    lo, hi : float
        Always inside [0, 1].

    Notes
    -----
    {θ ∈ [0, 1] : 2(ℓ(θ̂) − ℓ(θ)) ≤ χ²₁(level)}, endpoints by ``brentq`` on
    ℓ(θ) − ℓ(θ̂) + χ²₁(level)/2 = 0 (to 4 machine epsilons relative). When
    θ̂ = 0 the lower endpoint is 0 and the upper one is
    1 − exp(−χ²₁(level)/(2n)) (symmetrically when θ̂ = 1).

    Examples
    --------
    >>> lo, hi = binomial_lr_interval(8, 10)
    >>> round(lo, 4), round(hi, 4)
    (0.5006, 0.9636)
    """
    return binomial_slice(k, n).lr(level)


def gaussian_wald_interval(x, param="mu", level=0.95, *, fixed=None) -> tuple[float, float]:
    """Wald interval θ̂ ± z/√J(θ̂) for the Gaussian μ or σ².

    Parameters
    ----------
    x : array_like of shape (N,) or GaussianStats
    param : {"mu", "sigma2"}
        The parameter the interval is for.
    level : float, default 0.95
        Confidence level in (0, 1).
    fixed : float, optional
        Value at which the *other* parameter is held: σ² (> 0) when
        ``param="mu"``, μ when ``param="sigma2"``. Default: its MLE (σ̂² or x̄).

    Returns
    -------
    lo, hi : float

    Notes
    -----
    θ̂ ± z/√J(θ̂), z = Φ⁻¹((1 + level)/2). For σ² the interval can reach below
    0 when N is small (a weakness of Wald).

    The interval is for the one-parameter slice of ℓ with the other
    parameter fixed. The slice peaks at μ̂ = x̄ for μ (any σ²) and at
    σ̂²(μ) = Σ(x_i − μ)²/N for σ² (= S/N at μ = x̄); its curvature there is
    J_μ = N/σ² and J_σ² = N/(2σ̂⁴). For μ, ℓ is exactly quadratic, so Wald and
    likelihood-ratio intervals coincide: x̄ ± z √(σ²/N). For σ² with μ = x̄
    the slice is also the profile likelihood (x̄ does not depend on σ²); for
    μ with σ² = σ̂² it is a plug-in slice, narrower than the profile
    likelihood interval would be.

    Examples
    --------
    >>> from scipy import stats
    >>> x = [1.0, 2.0, 3.0, 6.0]  # x̄ = 3, σ̂² = 3.5
    >>> lo, hi = gaussian_wald_interval(x)
    >>> half = stats.norm.ppf(0.975) * np.sqrt(3.5 / 4)  # z·σ̂/√N
    >>> bool(np.isclose(lo, 3 - half, rtol=1e-12) and np.isclose(hi, 3 + half, rtol=1e-12))
    True
    """
    return gaussian_slice(x, param, fixed=fixed).wald(level)


def gaussian_lr_interval(x, param="mu", level=0.95, *, fixed=None) -> tuple[float, float]:
    """Likelihood-ratio interval {θ : 2(ℓ(θ̂) − ℓ(θ)) ≤ χ²₁(level)} for the Gaussian μ or σ².

    Parameters
    ----------
    x : array_like of shape (N,) or GaussianStats
    param : {"mu", "sigma2"}
        The parameter the interval is for.
    level : float, default 0.95
        Confidence level in (0, 1).
    fixed : float, optional
        Value at which the *other* parameter is held: σ² (> 0) when
        ``param="mu"``, μ when ``param="sigma2"``. Default: its MLE (σ̂² or x̄).

    Returns
    -------
    lo, hi : float

    Notes
    -----
    Endpoints by ``brentq``. For σ² the slice ℓ − ℓ̂ = (N/2)(log r + 1 − r),
    r = σ̂²/σ², is skewed, so the interval is asymmetric and stays above 0.

    The interval is for the one-parameter slice of ℓ with the other
    parameter fixed. The slice peaks at μ̂ = x̄ for μ (any σ²) and at
    σ̂²(μ) = Σ(x_i − μ)²/N for σ² (= S/N at μ = x̄); its curvature there is
    J_μ = N/σ² and J_σ² = N/(2σ̂⁴). For μ, ℓ is exactly quadratic, so Wald and
    likelihood-ratio intervals coincide: x̄ ± z √(σ²/N). For σ² with μ = x̄
    the slice is also the profile likelihood (x̄ does not depend on σ²); for
    μ with σ² = σ̂² it is a plug-in slice, narrower than the profile
    likelihood interval would be.

    Examples
    --------
    >>> x = [1.0, 2.0, 3.0, 6.0]  # for μ, ℓ is exactly quadratic: the Wald interval
    >>> bool(np.allclose(gaussian_lr_interval(x), gaussian_wald_interval(x), rtol=1e-12))
    True
    """
    return gaussian_slice(x, param, fixed=fixed).lr(level)
