"""Likelihood of the Bernoulli, binomial and Gaussian models, from sufficient statistics.

Every log-likelihood here is computed from the model's sufficient statistics,
so evaluating a whole parameter grid costs O(grid) whatever the sample size N.
A page computes the statistics once (cache them) and then evaluates any grid::

    stats = gaussian_stats(x)                         # O(N), once
    mu, s2 = np.meshgrid(mu_grid, sigma2_grid)        # 200 x 200
    surface = gaussian_loglik(stats, mu, s2)          # O(grid), no N

Functions of a Bernoulli or Gaussian sample accept either the raw sample ``x``
or its statistics (:class:`BernoulliStats`, :class:`GaussianStats`).

Bernoulli and binomial share their θ-dependent part: ``k`` successes among ``n``
0/1 draws give ``ℓ(p) = k log p + (n − k) log(1 − p)`` plus, for the binomial,
the constant ``log C(n, k)``. Score, information, standard error, intervals and
relative log-likelihood do not see that constant, so they are written once, as
``binomial_*(k, n, ...)``; for a Bernoulli sample call them with
``s = bernoulli_stats(x)`` and ``s.k, s.n``.

Everything the Likelihood page draws comes from one cached call,
:func:`likelihood_report` (data, MLEs, one-parameter curves with scores and
tangents, "more data" curves, quadratic approximation and intervals, the
"why logs" product), plus :func:`gaussian_surface` for the (μ, σ²) surface.

Conventions
-----------
* Log space throughout (``xlogy``, ``xlog1py``, ``gammaln``): at p = 0 or 1 the
  log-likelihood is exactly 0 or −inf as the data dictate, never NaN.
* Invalid arguments (σ² ≤ 0, p outside [0, 1], non-0/1 Bernoulli data,
  k > n, non-finite data) raise ``ValueError`` naming the argument.
* The score is the derivative of the log-likelihood, with the correct signs
  (the reference notes get two of them wrong, see ERRATA): binomial
  dℓ/dθ = k/θ − (n − k)/(1 − θ); Gaussian ∂ℓ/∂σ² = −N/(2σ²) + Σ(x − μ)²/(2σ⁴).
* Intervals: Wald ``θ̂ ± z·SE`` and likelihood-ratio
  ``{θ : 2(ℓ(θ̂) − ℓ(θ)) ≤ χ²₁(level)}``. A Gaussian interval is for one
  parameter with the other held fixed (by default at its MLE).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
from scipy import optimize, special, stats as sps

from estimation._validation import as_finite_array, check_counts, check_int, check_level, check_real, lookup
from estimation.bayes import wald_interval
from estimation.contours import contour_lines, loglik_levels

__all__ = [
    "Parameter",
    "Model",
    "MODELS",
    "BernoulliStats",
    "GaussianStats",
    "bernoulli_stats",
    "gaussian_stats",
    "bernoulli_loglik",
    "binomial_loglik",
    "gaussian_loglik",
    "bernoulli_mle",
    "binomial_mle",
    "gaussian_mle",
    "binomial_score",
    "gaussian_score",
    "binomial_information",
    "gaussian_information",
    "binomial_se",
    "gaussian_se",
    "binomial_relative_loglik",
    "gaussian_relative_loglik",
    "quadratic_loglik",
    "binomial_wald_interval",
    "binomial_lr_interval",
    "gaussian_wald_interval",
    "gaussian_lr_interval",
    "NaiveLikelihood",
    "naive_likelihood",
    "VIEW_DROP",
    "SHARP_DROP",
    "SHARP_SIZES",
    "ParamView",
    "NaiveView",
    "LikelihoodReport",
    "likelihood_report",
    "GaussianSurface",
    "gaussian_surface",
]

_LOG_2PI = float(np.log(2.0 * np.pi))


# --------------------------------------------------------------------------- registry


@dataclass(frozen=True)
class Parameter:
    """A model parameter: its argument name, display symbol and admissible range.

    ``lo_open``/``hi_open`` make a bound strict (σ² > 0).
    """

    name: str
    symbol: str
    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    def check(self, value) -> np.ndarray:
        """Return ``value`` as a finite float64 array inside the range, else raise ``ValueError``."""
        arr = as_finite_array(value, self.name)
        below = arr <= self.lo if self.lo_open else arr < self.lo
        above = arr >= self.hi if self.hi_open else arr > self.hi
        if np.any(below) or np.any(above):
            left = "(" if self.lo_open else "["
            right = ")" if self.hi_open else "]"
            raise ValueError(
                f"{self.name} must lie in {left}{self.lo}, {self.hi}{right}; "
                f"got values in [{arr.min()}, {arr.max()}]"
            )
        return arr


@dataclass(frozen=True)
class Model:
    """A likelihood model: what the data are, its parameters and sufficient statistics."""

    name: str
    data: str
    params: tuple[Parameter, ...]
    sufficient_stats: str

    def param(self, name: str) -> Parameter:
        """The parameter called ``name``."""
        for p in self.params:
            if p.name == name:
                return p
        raise ValueError(f"param must be one of {[p.name for p in self.params]}, got {name!r}")


_P = Parameter("p", "p", 0.0, 1.0)
_THETA = Parameter("theta", "θ", 0.0, 1.0)
_MU = Parameter("mu", "μ", -np.inf, np.inf)
_SIGMA2 = Parameter("sigma2", "σ²", 0.0, np.inf, lo_open=True)

#: The models of this module, name → :class:`Model` (feeds page pickers and tests).
MODELS: dict[str, Model] = {
    "bernoulli": Model("bernoulli", "x_i ∈ {0, 1}, i = 1..N", (_P,), "N, k = Σ x_i"),
    "binomial": Model("binomial", "k successes in n trials", (_THETA,), "k, n"),
    "gaussian": Model("gaussian", "x_i ∈ ℝ, i = 1..N", (_MU, _SIGMA2), "N, x̄, S = Σ (x_i − x̄)²"),
}


# --------------------------------------------------------------------------- statistics


@dataclass(frozen=True)
class BernoulliStats:
    """Sufficient statistics of a 0/1 sample: size ``n`` and number of ones ``k``."""

    n: int
    k: int

    def __post_init__(self):
        n = check_int(self.n, "n", lo=1)
        object.__setattr__(self, "n", n)
        object.__setattr__(self, "k", check_int(self.k, "k", lo=0, hi=n))


@dataclass(frozen=True)
class GaussianStats:
    """Sufficient statistics of a real sample.

    Attributes
    ----------
    n : int
        Sample size N ≥ 1.
    mean : float
        Sample mean x̄.
    ss : float
        Centred sum of squares S = Σ (x_i − x̄)² ≥ 0 (computed in two passes,
        which is stable where Σx² − N x̄² would cancel).
    """

    n: int
    mean: float
    ss: float

    def __post_init__(self):
        object.__setattr__(self, "n", check_int(self.n, "n", lo=1))
        object.__setattr__(self, "mean", check_real(self.mean, "mean"))
        object.__setattr__(self, "ss", check_real(self.ss, "ss", lo=0.0))

    @property
    def sigma2_hat(self) -> float:
        """Variance MLE σ̂² = S / N."""
        return self.ss / self.n

    def q(self, mu):
        """Q(μ) = Σ (x_i − μ)² = S + N (x̄ − μ)² (no validation; internal kernel)."""
        return self.ss + self.n * (self.mean - mu) ** 2


def bernoulli_stats(x) -> BernoulliStats:
    """Sufficient statistics (N, k = Σ x_i) of a 0/1 sample.

    Parameters
    ----------
    x : array_like of shape (N,) or BernoulliStats
        Observations, each 0 or 1 (booleans allowed). Statistics are returned unchanged.

    Returns
    -------
    BernoulliStats

    Raises
    ------
    ValueError
        If ``x`` is empty, not 1-D, non-finite, or has a value other than 0 or 1.
    """
    if isinstance(x, BernoulliStats):
        return x
    arr = as_finite_array(x, "x", ndim=1)
    if not np.all((arr == 0.0) | (arr == 1.0)):
        raise ValueError("x must contain only 0 and 1 for the Bernoulli model")
    return BernoulliStats(n=arr.size, k=int(arr.sum()))


def gaussian_stats(x) -> GaussianStats:
    """Sufficient statistics (N, x̄, S = Σ (x_i − x̄)²) of a real sample.

    Parameters
    ----------
    x : array_like of shape (N,) or GaussianStats
        Observations. Statistics are returned unchanged.

    Returns
    -------
    GaussianStats

    Notes
    -----
    Two passes: x̄ = (1/N) Σ x_i, then S = Σ (x_i − x̄)². The one-pass
    Σ x_i² − N x̄² loses every digit when |x̄| ≫ spread.
    """
    if isinstance(x, GaussianStats):
        return x
    arr = as_finite_array(x, "x", ndim=1)
    mean = float(arr.mean())
    return GaussianStats(n=arr.size, mean=mean, ss=float(np.sum((arr - mean) ** 2)))


# --------------------------------------------------------------------------- log-likelihoods


def _binomial_kernel(k: int, n: int, theta):
    """k log θ + (n − k) log(1 − θ), with 0·log 0 = 0."""
    return special.xlogy(k, theta) + special.xlog1py(n - k, -theta)


def _gaussian_kernel(s: GaussianStats, mu, sigma2):
    return -0.5 * s.n * (_LOG_2PI + np.log(sigma2)) - s.q(mu) / (2.0 * sigma2)


def bernoulli_loglik(x, p):
    """Log-likelihood of a Bernoulli sample on a grid of p.

    Parameters
    ----------
    x : array_like of shape (N,) or BernoulliStats
        0/1 observations, or their statistics from :func:`bernoulli_stats`.
    p : array_like
        Success probabilities in [0, 1]; any shape.

    Returns
    -------
    ndarray
        ℓ(p), same shape as ``p``; values ≤ 0, −inf where the data are impossible.

    Notes
    -----
    ℓ(p) = Σ_i [x_i log p + (1 − x_i) log(1 − p)] = k log p + (N − k) log(1 − p),
    with k = Σ x_i and the convention 0·log 0 = 0 (``xlogy``, ``xlog1py``).
    Hence ℓ(0) = 0 if k = 0 and −inf otherwise; ℓ(1) = 0 if k = N and −inf
    otherwise. −ℓ(p) is the binary cross-entropy of the sample, summed (not
    averaged) over the observations.

    Examples
    --------
    >>> bernoulli_loglik([0, 0, 0], [0.0, 0.5, 1.0])
    array([ 0.        , -2.07944154,        -inf])
    """
    s = bernoulli_stats(x)
    return _binomial_kernel(s.k, s.n, _P.check(p))


def binomial_loglik(k, n, theta):
    """Log-likelihood of k successes in n trials on a grid of θ.

    Parameters
    ----------
    k : int
        Number of successes, 0 ≤ k ≤ n.
    n : int
        Number of trials, n ≥ 1.
    theta : array_like
        Success probabilities in [0, 1]; any shape.

    Returns
    -------
    ndarray
        ℓ(θ), same shape as ``theta``.

    Notes
    -----
    ℓ(θ) = log C(n, k) + k log θ + (n − k) log(1 − θ), with
    log C(n, k) = gammaln(n + 1) − gammaln(k + 1) − gammaln(n − k + 1) and
    0·log 0 = 0, so ℓ(0) and ℓ(1) are finite or −inf, never NaN.

    Examples
    --------
    >>> round(float(binomial_loglik(8, 10, 0.8)), 6)
    -1.197362
    """
    k, n = check_counts(k, n, n_min=1, scalar=True)
    log_choose = special.gammaln(n + 1) - special.gammaln(k + 1) - special.gammaln(n - k + 1)
    return log_choose + _binomial_kernel(k, n, _THETA.check(theta))


def gaussian_loglik(x, mu, sigma2):
    """Log-likelihood of a Gaussian sample on a grid of (μ, σ²).

    Parameters
    ----------
    x : array_like of shape (N,) or GaussianStats
        Observations, or their statistics from :func:`gaussian_stats`.
    mu : array_like
        Means.
    sigma2 : array_like
        Variances, > 0. ``mu`` and ``sigma2`` broadcast against each other
        (e.g. ``np.meshgrid`` output, or shapes (m, 1) and (1, n)) to give a surface.

    Returns
    -------
    ndarray
        ℓ(μ, σ²) with the broadcast shape of ``mu`` and ``sigma2``.

    Notes
    -----
    ℓ(μ, σ²) = −(N/2) log(2πσ²) − [S + N(x̄ − μ)²] / (2σ²),
    with S = Σ (x_i − x̄)², which equals Σ log N(x_i; μ, σ²) exactly
    (Σ (x_i − μ)² = S + N(x̄ − μ)²) and costs O(1) per grid point.

    Examples
    --------
    >>> stats = gaussian_stats([1.0, 2.0, 4.0])
    >>> mu, sigma2 = np.meshgrid(np.linspace(0, 4, 5), np.linspace(0.5, 4, 3))
    >>> gaussian_loglik(stats, mu, sigma2).shape
    (3, 5)
    """
    s = gaussian_stats(x)
    return _gaussian_kernel(s, _MU.check(mu), _SIGMA2.check(sigma2))


# --------------------------------------------------------------------------- MLEs


def bernoulli_mle(x) -> float:
    """MLE p̂ = k / N of a Bernoulli sample (``x`` a 0/1 sample or :class:`BernoulliStats`)."""
    s = bernoulli_stats(x)
    return s.k / s.n


def binomial_mle(k, n) -> float:
    """MLE θ̂ = k / n of k successes in n trials (e.g. 8 of 10 → 0.8)."""
    k, n = check_counts(k, n, n_min=1, scalar=True)
    return k / n


def gaussian_mle(x) -> tuple[float, float]:
    """MLE (μ̂, σ̂²) of a Gaussian sample.

    Parameters
    ----------
    x : array_like of shape (N,) or GaussianStats

    Returns
    -------
    mu_hat : float
        μ̂ = x̄.
    sigma2_hat : float
        σ̂² = (1/N) Σ (x_i − x̄)² (divides by N; 0 for a constant sample).

    Notes
    -----
    σ̂² is the MLE but biased low: E[σ̂²] = ((N − 1)/N) σ², because x̄ is fitted
    to the same data; S/(N − 1) is unbiased. (With the *true* μ,
    (1/N) Σ (x_i − μ)² would be unbiased.) Same as ``scipy.stats.norm.fit``,
    whose scale is √σ̂².
    """
    s = gaussian_stats(x)
    return s.mean, s.sigma2_hat


# --------------------------------------------------------------------------- score and information


def _count_over(count: int, denom):
    """count / denom with 0/0 := 0: a zero count contributes nothing to ℓ or its derivatives."""
    if count == 0:
        return np.zeros_like(denom)
    with np.errstate(divide="ignore"):
        return count / denom


def binomial_score(k, n, theta):
    """Score dℓ/dθ of k successes in n trials (also the Bernoulli score with k = Σx, n = N).

    Parameters
    ----------
    k, n : int
        Successes and trials, 0 ≤ k ≤ n, n ≥ 1.
    theta : array_like
        Points in [0, 1].

    Returns
    -------
    ndarray
        dℓ/dθ, same shape as ``theta``; zero at θ̂ = k/n when 0 < k < n.

    Notes
    -----
    dℓ/dθ = k/θ − (n − k)/(1 − θ) = (k − nθ) / (θ(1 − θ)).
    (Minus, not plus: the reference note's "+" is a known slip.) A term with a
    zero count is 0 (it is absent from ℓ), so the one-sided derivative at a
    boundary is finite when the data allow it (k = 0: dℓ/dθ(0) = −n) and ±inf
    otherwise.

    Examples
    --------
    >>> float(binomial_score(8, 10, 0.5))  # 8/0.5 - 2/0.5
    12.0
    >>> abs(float(binomial_score(8, 10, 0.8))) < 1e-12  # zero at the MLE
    True
    """
    k, n = check_counts(k, n, n_min=1, scalar=True)
    theta = _THETA.check(theta)
    return _count_over(k, theta) - _count_over(n - k, 1.0 - theta)


def binomial_information(k, n, theta=None):
    """Observed information −d²ℓ/dθ² of k successes in n trials.

    Parameters
    ----------
    k, n : int
        Successes and trials.
    theta : array_like, optional
        Points in [0, 1]; default θ̂ = k/n.

    Returns
    -------
    ndarray or float
        J(θ), same shape as ``theta``.

    Notes
    -----
    J(θ) = k/θ² + (n − k)/(1 − θ)² for 0 < θ < 1; at the MLE it equals
    n / (θ̂(1 − θ̂)), the Fisher information.

    Boundary convention: at θ = 0 or θ = 1 we return +inf. When p̂ = 0 or 1 the
    MLE sits on the edge of [0, 1], the score there is not zero and the
    quadratic (Wald) theory does not apply; +inf is the limit of the Fisher
    information n/(θ(1 − θ)) and gives SE(p̂) = 0, so the Wald interval
    collapses to the single point p̂ — the known failure that the
    likelihood-ratio interval avoids. (The one-sided second derivative of ℓ
    at θ = 0 when k = 0 would be n.)
    """
    k, n = check_counts(k, n, n_min=1, scalar=True)
    theta = np.float64(k / n) if theta is None else _THETA.check(theta)
    with np.errstate(divide="ignore"):
        inner = _count_over(k, theta**2) + _count_over(n - k, (1.0 - theta) ** 2)
    return np.where((theta == 0.0) | (theta == 1.0), np.inf, inner)[()]


def binomial_se(k, n) -> float:
    """Standard error of θ̂ = k/n: √(θ̂(1 − θ̂)/n) = 1/√J(θ̂); 0 when θ̂ is 0 or 1 (J = inf)."""
    k, n = check_counts(k, n, n_min=1, scalar=True)
    p = k / n
    return float(np.sqrt(p * (1.0 - p) / n))


def gaussian_score(x, mu, sigma2):
    """Score (∂ℓ/∂μ, ∂ℓ/∂σ²) of a Gaussian sample.

    Parameters
    ----------
    x : array_like of shape (N,) or GaussianStats
    mu, sigma2 : array_like
        Broadcast against each other; σ² > 0.

    Returns
    -------
    d_mu, d_sigma2 : ndarray
        Both with the broadcast shape; both zero at the MLE (x̄, σ̂²).

    Notes
    -----
    ∂ℓ/∂μ  = N(x̄ − μ)/σ²
    ∂ℓ/∂σ² = −N/(2σ²) + Σ(x_i − μ)²/(2σ⁴),   Σ(x_i − μ)² = S + N(x̄ − μ)².
    (The first term is negative: the reference note's "+N/(2σ²)" is a slip.)
    """
    s = gaussian_stats(x)
    mu, sigma2 = np.broadcast_arrays(_MU.check(mu), _SIGMA2.check(sigma2))
    d_mu = s.n * (s.mean - mu) / sigma2
    d_sigma2 = (s.q(mu) / sigma2 - s.n) / (2.0 * sigma2)
    return d_mu, d_sigma2


def _gaussian_hat(s: GaussianStats) -> float:
    if s.ss == 0.0:
        raise ValueError(
            "x has zero spread (all values equal): the variance MLE is 0, on the boundary, "
            "and the likelihood is unbounded"
        )
    return s.sigma2_hat


def gaussian_information(x, mu=None, sigma2=None):
    """Observed information matrix −∇²ℓ of a Gaussian sample in (μ, σ²).

    Parameters
    ----------
    x : array_like of shape (N,) or GaussianStats
    mu : array_like, optional
        Default μ̂ = x̄.
    sigma2 : array_like, optional
        Default σ̂² = S/N (then ``x`` must not be constant).

    Returns
    -------
    ndarray of shape (..., 2, 2)
        Rows/columns ordered (μ, σ²); leading shape is the broadcast shape.

    Notes
    -----
    J_μμ   = N/σ²
    J_μσ²  = N(x̄ − μ)/σ⁴
    J_σ²σ² = Σ(x_i − μ)²/σ⁶ − N/(2σ⁴)
    At the MLE the off-diagonal vanishes: J = diag(N/σ̂², N/(2σ̂⁴)).
    """
    s = gaussian_stats(x)
    mu = np.float64(s.mean) if mu is None else _MU.check(mu)
    sigma2 = np.float64(_gaussian_hat(s)) if sigma2 is None else _SIGMA2.check(sigma2)
    mu, sigma2 = np.broadcast_arrays(mu, sigma2)
    off = s.n * (s.mean - mu) / sigma2**2
    j = np.empty(mu.shape + (2, 2))
    j[..., 0, 0] = s.n / sigma2
    j[..., 0, 1] = j[..., 1, 0] = off
    j[..., 1, 1] = (s.q(mu) / sigma2 - 0.5 * s.n) / sigma2**2
    return j


def gaussian_se(x) -> tuple[float, float]:
    """Standard errors of (μ̂, σ̂²): √(σ̂²/N) and σ̂²·√(2/N), the roots of diag(J⁻¹) at the MLE.

    Raises ``ValueError`` for a constant sample (σ̂² = 0).
    """
    s = gaussian_stats(x)
    s2 = _gaussian_hat(s)
    return float(np.sqrt(s2 / s.n)), float(s2 * np.sqrt(2.0 / s.n))


# --------------------------------------------------------------------------- relative and quadratic


def binomial_relative_loglik(k, n, theta):
    """Relative log-likelihood ℓ(θ) − ℓ(θ̂) ≤ 0 of k successes in n trials (and of a Bernoulli sample).

    Notes
    -----
    ℓ(θ) − ℓ(θ̂) = k log(θ/θ̂) + (n − k) log((1 − θ)/(1 − θ̂)), θ̂ = k/n, with
    0·log 0 = 0; the binomial coefficient cancels, so this is also the
    Bernoulli relative log-likelihood with k = Σ x_i, n = N.
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


# --------------------------------------------------------------------------- intervals


@dataclass(frozen=True)
class _OneParam:
    """One-parameter slice of a likelihood: maximum, curvature, relative ℓ and range."""

    theta_hat: float
    information: float
    rel: Callable[[float], float]
    lo: float
    hi: float


def _wald(one: _OneParam, level: float) -> tuple[float, float]:
    z = sps.norm.ppf(0.5 + 0.5 * check_level(level))
    half = z / np.sqrt(one.information)  # 0 when the information is +inf
    return float(one.theta_hat - half), float(one.theta_hat + half)


def _lr_endpoint(one: _OneParam, f: Callable[[float], float], bound: float) -> float:
    """Root of f on the side of θ̂ towards ``bound``; ``bound`` itself if f ≥ 0 all the way."""
    if one.theta_hat == bound:
        return bound
    step = 1.0 / np.sqrt(one.information)
    direction = 1.0 if bound > one.theta_hat else -1.0
    inner = one.theta_hat
    for j in range(1, 2100):
        # March outwards: halve the distance to a finite bound, double the step to an infinite one.
        if np.isfinite(bound):
            t = bound + (one.theta_hat - bound) * 2.0**-j
        else:
            t = one.theta_hat + direction * step * 2.0 ** (j - 1)
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


def _lr(one: _OneParam, level: float) -> tuple[float, float]:
    return _above(one, 0.5 * sps.chi2.ppf(check_level(level), 1))


def _above(one: _OneParam, drop: float) -> tuple[float, float]:
    """{θ : ℓ(θ) − ℓ̂ ≥ −drop}: the likelihood-ratio interval with χ²₁(level)/2 = drop."""

    def f(t):  # ≥ 0 inside the interval, < 0 outside
        return float(one.rel(t)) + drop

    return _lr_endpoint(one, f, one.lo), _lr_endpoint(one, f, one.hi)


def _binomial_one(k, n) -> _OneParam:
    k, n = check_counts(k, n, n_min=1, scalar=True)
    p = k / n
    ref = _binomial_kernel(k, n, p)
    info = float(binomial_information(k, n))
    return _OneParam(p, info, lambda t: _binomial_kernel(k, n, t) - ref, 0.0, 1.0)


def _gaussian_one(x, param: str, fixed) -> _OneParam:
    s = gaussian_stats(x)
    param = MODELS["gaussian"].param(param).name
    if param == "mu":
        s2 = _gaussian_hat(s) if fixed is None else check_real(fixed, "fixed", lo=0.0, lo_open=True)
        return _OneParam(s.mean, s.n / s2, lambda m: _gaussian_rel(s.n, s2, (s.mean - m) ** 2, s2), -np.inf, np.inf)
    mu = s.mean if fixed is None else check_real(fixed, "fixed")
    s2_hat = float(s.q(mu)) / s.n
    if s2_hat == 0.0:
        raise ValueError("fixed: every x equals mu, so the variance slice peaks at sigma2 = 0 (unbounded)")
    return _OneParam(s2_hat, s.n / (2.0 * s2_hat**2), lambda v: _gaussian_rel(s.n, s2_hat, 0.0, v), 0.0, np.inf)


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
    return _lr(_binomial_one(k, n), level)


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
    """
    return _wald(_gaussian_one(x, param, fixed), level)


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
    """
    return _lr(_gaussian_one(x, param, fixed), level)


# --------------------------------------------------------------------------- why logs?


@dataclass(frozen=True, eq=False)
class NaiveLikelihood:
    """Running naive likelihood of a sample versus its log-likelihood.

    Attributes
    ----------
    product : ndarray of shape (N,)
        L_n = Π_{i≤n} f(x_i), accumulated in float64 as naive code would.
    loglik : ndarray of shape (N,)
        ℓ_n = Σ_{i≤n} log f(x_i), computed in log space.
    failure_n : int or None
        First n (1-based) at which L_n is 0.0 although ℓ_n > −inf (underflow)
        or L_n = inf (overflow); None if the product stays representable.
    failure : {"underflow", "overflow"} or None
    loglik_at_failure : float or None
        ℓ at ``failure_n`` — finite where the product is not.
    """

    product: np.ndarray
    loglik: np.ndarray
    failure_n: int | None
    failure: str | None
    loglik_at_failure: float | None


def naive_likelihood(model: str, x, **params) -> NaiveLikelihood:
    """Why logs: where a plain product of densities stops being representable.

    Parameters
    ----------
    model : {"bernoulli", "gaussian"}
        Key of :data:`MODELS`.
    x : array_like of shape (N,)
        The sample, in order.
    **params : float
        Scalar parameters of the model: ``p`` for Bernoulli; ``mu`` and
        ``sigma2`` for Gaussian.

    Returns
    -------
    NaiveLikelihood

    Notes
    -----
    Densities f(x_i) = p^{x_i}(1 − p)^{1 − x_i} or
    exp(−(x_i − μ)²/(2σ²)) / √(2πσ²) are multiplied with ``np.cumprod``
    (the same float64 operations, in the same order, as a Python loop).
    Typical densities < 1 drive L_n below the smallest subnormal
    (≈ 4.9e−324) and it becomes 0.0 — e.g. p = 0.5 gives 0.5ⁿ = 0 at n = 1075;
    a tiny σ² makes densities ≫ 1 and L_n overflows to inf. ℓ_n = Σ log f(x_i)
    stays finite. A product that is 0 because the data are impossible
    (p = 0 and an observed 1) has ℓ = −inf and is not counted as underflow.

    Examples
    --------
    >>> res = naive_likelihood("bernoulli", np.zeros(1100), p=0.5)
    >>> res.failure_n, res.failure, round(res.loglik_at_failure, 2)
    (1075, 'underflow', -745.13)
    """
    if model not in ("bernoulli", "gaussian"):
        raise ValueError(f"model must be 'bernoulli' or 'gaussian', got {model!r}")
    spec = MODELS[model]
    expected = {p.name for p in spec.params}
    if set(params) != expected:
        raise ValueError(f"params for {model} must be {sorted(expected)}, got {sorted(params)}")
    values = {}
    for p in spec.params:
        arr = p.check(params[p.name])
        if arr.ndim != 0:
            raise ValueError(f"{p.name} must be a scalar, got shape {arr.shape}")
        values[p.name] = float(arr)
    if model == "bernoulli":
        arr = as_finite_array(x, "x", ndim=1)
        bernoulli_stats(arr)  # validates 0/1
        p = values["p"]
        ones = arr == 1.0  # two possible values of f and of log f (xlogy: log 0 only where it is taken)
        density = np.where(ones, p, 1.0 - p)
        logf = np.where(ones, special.xlogy(1.0, p), special.xlog1py(1.0, -p))
    else:
        arr = as_finite_array(x, "x", ndim=1)
        mu, sigma2 = values["mu"], values["sigma2"]
        z2 = (arr - mu) ** 2 / (2.0 * sigma2)
        density = np.exp(-z2) / np.sqrt(2.0 * np.pi * sigma2)
        logf = -0.5 * (_LOG_2PI + np.log(sigma2)) - z2
    with np.errstate(under="ignore", over="ignore", invalid="ignore"):
        product = np.cumprod(density)
    loglik = np.cumsum(logf)
    under = (product == 0.0) & (loglik > -np.inf)
    over = product == np.inf
    bad = under | over
    i = int(np.argmax(bad))  # first failure, without listing every later one
    if not bad[i]:
        return NaiveLikelihood(product, loglik, None, None, None)
    kind = "overflow" if over[i] else "underflow"
    return NaiveLikelihood(product, loglik, i + 1, kind, float(loglik[i]))


# --------------------------------------------------------------------------- the Likelihood page, in one call

#: Views of ℓ reach down to ℓ̂ − 12.5 = ℓ̂ − 5²/2: five standard errors either side for a quadratic ℓ.
VIEW_DROP = 12.5
#: The "more data" and quadratic views show ℓ − ℓ̂ down to −8 = −4²/2 (four standard errors).
SHARP_DROP = 8.0
#: Nested sample sizes of the "more data, sharper peak" view (the current N is added).
SHARP_SIZES = (10, 100, 1000)
#: A Gaussian σ² window stops at this multiple of max(σ̂², σ₀²): for tiny N the
#: region ℓ ≥ ℓ̂ − 12.5 reaches σ² ≈ 10⁵ σ̂², which would flatten every picture.
SIGMA2_CAP = 6.0


@dataclass(frozen=True)
class _Slice:
    """ℓ along one parameter, the other (if any) held at its MLE."""

    param: Parameter
    one: _OneParam
    loglik: Callable  # absolute ℓ at points inside the parameter range
    score: Callable  # dℓ/dθ at points inside the parameter range


def _proportion_slice(k: int, n: int, param: Parameter, constant: float) -> _Slice:
    """Bernoulli (constant 0) or binomial (constant log C(n, k)) slice.

    ℓ(θ) = constant + k log θ + (n − k) log(1 − θ).
    """
    return _Slice(param, _binomial_one(k, n), lambda t: constant + _binomial_kernel(k, n, t),
                  lambda t: binomial_score(k, n, t))


def _gaussian_slice(s: GaussianStats, name: str) -> _Slice:
    """ℓ(μ, σ̂²) along μ or ℓ(x̄, σ²) along σ²: the slices through the joint MLE."""
    one = _gaussian_one(s, name, None)
    if name == "mu":
        s2 = s.sigma2_hat
        return _Slice(_MU, one, lambda m: _gaussian_kernel(s, m, s2), lambda m: gaussian_score(s, m, s2)[0])
    return _Slice(_SIGMA2, one, lambda v: _gaussian_kernel(s, s.mean, v), lambda v: gaussian_score(s, s.mean, v)[1])


def _span(sl: _Slice, drop: float, cap: float | None) -> tuple[float, float]:
    """{θ : ℓ(θ) − ℓ̂ ≥ −drop} (an interval: every slice here is unimodal), cut at ``cap``."""
    lo, hi = _above(sl.one, drop)
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


@dataclass(frozen=True, eq=False)
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


def _param_view(sl: _Slice, truth, sharp, sharp_k, cap, points: int, level: float = 0.95) -> ParamView:
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

    wald = _wald(one, level)
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
        lr=_above(one, lr_drop),
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


@dataclass(frozen=True, eq=False)
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
        As in :class:`NaiveLikelihood` (None when the product survives all N).
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
    from estimation.sampling import thin_log_indices

    res = naive_likelihood(model, x, **at)
    idx = thin_log_indices(x.size, max_points)
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


@dataclass(frozen=True, eq=False)
class LikelihoodReport:
    """Everything the Likelihood page shows for one model and data set (see :func:`likelihood_report`).

    Attributes
    ----------
    model : str
        Key of :data:`MODELS`.
    n : int
        Sample size N (binomial: number of trials n).
    k : int or None
        Successes (Bernoulli and binomial), None for the Gaussian.
    stats : BernoulliStats or GaussianStats
        Sufficient statistics of the whole sample (binomial: k of n).
    mle : dict of str to float
        θ̂ by parameter name.
    truth : dict of str to float or None
        The true parameters the data were drawn from (None for typed-in data).
    loglik_max : float
        ℓ(θ̂) of the model (the binomial's includes log C(n, k)).
    views : dict of str to ParamView
        One per parameter of the model.
    naive : NaiveView or None
        None unless asked for (it costs a few O(N) passes).
    """

    model: str
    n: int
    k: int | None
    stats: BernoulliStats | GaussianStats
    mle: dict
    truth: dict | None
    loglik_max: float
    views: dict
    naive: NaiveView | None


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


def likelihood_report(model: str, n: int, *, truth=None, seed=None, k=None, naive: bool = False,
                      points: int = 301) -> LikelihoodReport:
    """Draw (or take) the data and compute every view of the Likelihood page.

    Parameters
    ----------
    model : {"bernoulli", "binomial", "gaussian"}
        Key of :data:`MODELS`.
    n : int
        Sample size N in [1, 10⁶] (binomial: the number of trials n).
    truth : dict, optional
        True parameters for simulated data: ``{"p"}``, ``{"theta"}`` or
        ``{"mu", "sigma2"}`` (σ² is the variance). Required unless the
        data are typed in.
    seed : int, optional
        Seed of the draw (required with ``truth``).
    k : int, optional
        Binomial only: typed-in data, k successes in n trials (then no
        ``truth`` and no ``seed``; e.g. the classic 8 of 10).
    naive : bool, default False
        Also compute the "why logs" view (:class:`NaiveView`).
    points : int, default 301
        Grid points of the one-parameter curves (151 for each "more data" curve).

    Returns
    -------
    LikelihoodReport

    Notes
    -----
    Data, drawn with :func:`estimation.sampling.draw`: Bernoulli — N draws of
    Bernoulli(p); binomial — n Bernoulli(θ) trials, k = the number of
    successes (a Binomial(n, θ) count; ℓ only differs from the Bernoulli one
    by the constant log C(n, k)); Gaussian — N draws of N(μ, σ²). Typed-in
    binomial data are laid out as k ones spread evenly among n trials (order
    only matters for the "why logs" product).

    "More data, sharper peak" uses nested samples: the first m = 10, 100,
    1000 observations (m < N) and all N; for typed-in data, the same
    proportion with 10×, 100× and 1000× the trials (k·10^j of n·10^j).
    Gaussian views hold the other parameter at its MLE, for each m.

    The naive product is evaluated at the MLE of the whole sample.

    Examples
    --------
    >>> r = likelihood_report("binomial", 10, k=8)  # the classic exam question
    >>> r.mle, r.views["theta"].sharp_k
    ({'theta': 0.8}, (8, 80, 800, 8000))
    """
    from estimation import sampling

    spec = lookup(MODELS, model, "model")
    n = check_int(n, "n", lo=1, hi=sampling.MAX_SIZE)
    points = check_int(points, "points", lo=3, hi=5000)
    typed = k is not None
    if typed:
        if model != "binomial":
            raise ValueError("k: typed-in data (k of n) exist only for the binomial model")
        if truth is not None:
            raise ValueError("truth: typed-in data have no true parameter; pass truth=None")
        k, n = check_counts(k, n, n_min=1, scalar=True)
        truth_values = None
        x = _spread(k, n)
    else:
        truth_values = _check_truth(spec, truth)
        if model == "gaussian":
            x = sampling.draw("gaussian", {"mu": truth_values["mu"], "sigma": np.sqrt(truth_values["sigma2"])},
                              n, seed)
        else:
            x = sampling.draw("bernoulli", {"p": truth_values[spec.params[0].name]}, n, seed)
            k = int(x.sum())
    nested = [m for m in SHARP_SIZES if m < n] + [n]

    if model == "gaussian":
        s = gaussian_stats(x)
        cap = SIGMA2_CAP * max(_gaussian_hat(s), truth_values["sigma2"])
        prefix = {m: gaussian_stats(x[:m]) if m < n else s for m in nested}
        views = {
            name: _param_view(_gaussian_slice(s, name), truth_values[name],
                              {m: _gaussian_slice(prefix[m], name) for m in nested}, None,
                              cap if name == "sigma2" else None, points)
            for name in ("mu", "sigma2")
        }
        mle = {"mu": s.mean, "sigma2": s.sigma2_hat}
        naive_view = _naive_view("gaussian", x, mle) if naive else None
        loglik_max = float(_gaussian_kernel(s, s.mean, s.sigma2_hat))
    else:
        param = spec.params[0]
        s = BernoulliStats(n=n, k=k)
        constant = 0.0
        if model == "binomial":
            constant = float(special.gammaln(n + 1) - special.gammaln(k + 1) - special.gammaln(n - k + 1))
        if typed:
            counts = {n * 10**j: k * 10**j for j in range(4)}
        else:
            ones = np.cumsum(x[: max(nested[:-1], default=0)])
            counts = {m: int(ones[m - 1]) for m in nested[:-1]} | {n: k}
        sharp = {m: _proportion_slice(km, m, param, 0.0) for m, km in counts.items()}
        truth_p = None if truth_values is None else truth_values[param.name]
        views = {param.name: _param_view(_proportion_slice(k, n, param, constant), truth_p, sharp,
                                         tuple(counts.values()), None, points)}
        mle = {param.name: k / n}
        naive_view = _naive_view("bernoulli", x, {"p": k / n}) if naive else None
        loglik_max = float(constant + _binomial_kernel(k, n, k / n))
    return LikelihoodReport(model=model, n=n, k=k, stats=s, mle=mle, truth=truth_values,
                            loglik_max=loglik_max, views=views, naive=naive_view)


@dataclass(frozen=True, eq=False)
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


def interval_table(view: ParamView) -> dict:
    """The Wald and likelihood-ratio intervals of a :class:`ParamView`, with their widths.

    Returns
    -------
    dict
        ``{"wald": (lower, upper, width), "lr": (lower, upper, width)}``.

    Notes
    -----
    width = upper − lower.
    """
    if not isinstance(view, ParamView):
        raise ValueError(f"view must be a ParamView, got {type(view).__name__}")
    return {name: (lo, hi, hi - lo) for name, (lo, hi) in (("wald", view.wald), ("lr", view.lr))}
