"""Likelihood of the Bernoulli, binomial and Gaussian models, from sufficient statistics.

Every log-likelihood here is computed from the model's sufficient statistics,
so evaluating a whole parameter grid costs O(grid) whatever the sample size N.
Compute the statistics once (cache them) and then evaluate any grid::

    stats = gaussian_stats(x)                         # O(N), once
    mu, s2 = np.meshgrid(mu_grid, sigma2_grid)        # 200 x 200
    surface = gaussian_loglik(stats, mu, s2)          # O(grid), no N

The models' parameters (names, symbols, ranges) are those of the lab's one
distribution registry, :mod:`estimation.distributions`; :data:`MODELS` adds
what a likelihood needs (the estimates' symbols, the formulas of L, ℓ, the
score and the MLE).

Functions of a Bernoulli or Gaussian sample accept either the raw sample ``x``
or its statistics (:class:`BernoulliStats`, :class:`GaussianStats`).

Bernoulli and binomial share their θ-dependent part: ``k`` successes among ``n``
0/1 draws give ``ℓ(p) = k log p + (n − k) log(1 − p)`` plus, for the binomial,
the constant ``log C(n, k)``. Score, information, standard error, intervals and
relative log-likelihood do not see that constant, so they are written once, as
``binomial_*(k, n, ...)``; for a Bernoulli sample call them with
``s = bernoulli_stats(x)`` and ``s.k, s.n``.

The relative log-likelihood ℓ − ℓ̂, its quadratic approximation and the Wald
and likelihood-ratio intervals read from it live in
:mod:`estimation.likelihood_intervals`; why logs (where the plain product of
densities stops being representable) in :mod:`estimation.naive_likelihood`; what the Likelihood page draws
(windows, tangents, thinned curves, tables) in :mod:`estimation.views.likelihood`.

Conventions
-----------
* Log space throughout (``xlogy``, ``xlog1py``, ``gammaln``): at p = 0 or 1 the
  log-likelihood is exactly 0 or −inf as the data dictate, never NaN.
* Invalid arguments (σ² ≤ 0, p outside [0, 1], non-0/1 Bernoulli data,
  k > n, non-finite data) raise ``ValueError`` naming the argument.
* The score is the derivative of the log-likelihood, with the correct signs
  (the reference notes get two of them wrong, see ERRATA): binomial
  dℓ/dθ = k/θ − (n − k)/(1 − θ); Gaussian ∂ℓ/∂σ² = −N/(2σ²) + Σ(x − μ)²/(2σ⁴).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special

from estimation import distributions
from estimation._validation import as_finite_array, check_counts, check_int, check_real

__all__ = [
    "ModelParameter",
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
]

_LOG_2PI = float(np.log(2.0 * np.pi))


# --------------------------------------------------------------------------- registry


@dataclass(frozen=True, slots=True)
class ModelParameter:
    """A model parameter: a parameter of the lab's distribution registry and its estimate's symbol.

    Name, symbol and admissible range are those of the
    :class:`estimation.distributions.Parameter` it wraps (the binomial's θ is
    that family's p, renamed); ``hat`` is the MLE's symbol (θ̂). Bounds are
    floats here (±inf when the registry leaves them open-ended).
    """

    base: distributions.Parameter
    hat: str

    # the registry's fields, read through (bounds as floats)
    name = property(lambda self: self.base.name)
    symbol = property(lambda self: self.base.symbol)
    lo = property(lambda self: -np.inf if self.base.lo is None else float(self.base.lo))
    hi = property(lambda self: np.inf if self.base.hi is None else float(self.base.hi))
    lo_open = property(lambda self: self.base.lo_open)
    hi_open = property(lambda self: self.base.hi_open)

    def check(self, value) -> np.ndarray:
        """Return ``value`` as a finite float64 array inside the range, else raise ``ValueError``."""
        return self.base.check_array(value)


@dataclass(frozen=True, slots=True)
class Model:
    """A likelihood model: the family its data follow, what they are, its parameters, statistics and formulas.

    ``distribution`` is the key of the family in
    :data:`estimation.distributions.DISTRIBUTIONS` (its pmf/pdf and
    parameters); ``size`` is the symbol of the sample size (n trials or N
    observations); ``latex_*`` are the model's L, ℓ, score and MLE in LaTeX
    (the score and MLE as tuples of lines, each narrow enough for half a page).
    """

    name: str
    distribution: str
    data: str
    params: tuple[ModelParameter, ...]
    sufficient_stats: str
    size: str
    latex_lik: str
    latex_loglik: str
    latex_score: tuple[str, ...]
    latex_mle: tuple[str, ...]

    def param(self, name: str) -> ModelParameter:
        """The parameter called ``name``."""
        for p in self.params:
            if p.name == name:
                return p
        raise ValueError(f"param must be one of {[p.name for p in self.params]}, got {name!r}")


_DIST = distributions.DISTRIBUTIONS
_P = ModelParameter(_DIST["bernoulli"].param("p"), "p̂")
_THETA = ModelParameter(_DIST["binomial"].param("p").narrowed(name="theta", symbol="θ"), "θ̂")  # θ: the binomial's p
_MU = ModelParameter(_DIST["gaussian"].param("mu"), "μ̂")
_SIGMA2 = ModelParameter(_DIST["gaussian"].param("sigma2"), "σ̂²")

#: The models of this module, name → :class:`Model` (feeds page pickers and tests).
MODELS: dict[str, Model] = {
    "bernoulli": Model(
        "bernoulli", "bernoulli", "x_i ∈ {0, 1}, i = 1..N", (_P,), "N, k = Σ x_i", "N",
        latex_lik=r"L(p)=\prod_{i=1}^{N} p^{x_i}(1-p)^{1-x_i}=p^{k}(1-p)^{N-k}",
        latex_loglik=r"\ell(p)=k\log p+(N-k)\log(1-p),\quad k=\textstyle\sum_{i} x_i",
        latex_score=(r"\frac{d\ell}{dp}=\frac{k}{p}-\frac{N-k}{1-p}=\frac{k-Np}{p(1-p)}",),
        latex_mle=(r"\frac{d\ell}{dp}=0\;\Longrightarrow\;\hat p=\frac{k}{N}",),
    ),
    "binomial": Model(
        "binomial", "binomial", "k successes in n trials", (_THETA,), "k, n", "n",
        latex_lik=r"L(\theta)=\binom{n}{k}\theta^{k}(1-\theta)^{n-k}",
        latex_loglik=r"\ell(\theta)=\log\binom{n}{k}+k\log\theta+(n-k)\log(1-\theta)",
        latex_score=(r"\frac{d\ell}{d\theta}=\frac{k}{\theta}-\frac{n-k}{1-\theta}"
                     r"=\frac{k-n\theta}{\theta(1-\theta)}",),
        latex_mle=(r"\frac{d\ell}{d\theta}=0\;\Longrightarrow\;\hat\theta=\frac{k}{n}",),
    ),
    "gaussian": Model(
        "gaussian", "gaussian", "x_i ∈ ℝ, i = 1..N", (_MU, _SIGMA2), "N, x̄, S = Σ (x_i − x̄)²", "N",
        latex_lik=r"L(\mu,\sigma^2)=\prod_{i=1}^{N}\frac{1}{\sqrt{2\pi\sigma^2}}"
                  r"\exp\!\left(-\frac{(x_i-\mu)^2}{2\sigma^2}\right)",
        latex_loglik=r"\ell(\mu,\sigma^2)=-\tfrac{N}{2}\log(2\pi\sigma^2)"
                     r"-\tfrac{1}{2\sigma^2}\textstyle\sum_{i=1}^{N}(x_i-\mu)^2",
        latex_score=(r"\frac{\partial\ell}{\partial\mu}=\frac{1}{\sigma^2}\textstyle\sum_{i=1}^{N}(x_i-\mu)",
                     r"\frac{\partial\ell}{\partial\sigma^2}=-\frac{N}{2\sigma^2}"
                     r"+\frac{1}{2\sigma^4}\textstyle\sum_{i=1}^{N}(x_i-\mu)^2"),
        latex_mle=(r"\hat\mu=\bar x=\tfrac{1}{N}\textstyle\sum_{i=1}^{N}x_i",
                   r"\hat\sigma^2=\tfrac{1}{N}\textstyle\sum_{i=1}^{N}(x_i-\bar x)^2"),
    ),
}


# --------------------------------------------------------------------------- statistics


@dataclass(frozen=True, slots=True)
class BernoulliStats:
    """Sufficient statistics of a 0/1 sample: size ``n`` and number of ones ``k``."""

    n: int
    k: int

    def __post_init__(self):
        n = check_int(self.n, "n", lo=1)
        object.__setattr__(self, "n", n)
        object.__setattr__(self, "k", check_int(self.k, "k", lo=0, hi=n))


@dataclass(frozen=True, slots=True)
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

    Examples
    --------
    >>> bernoulli_stats([1, 0, 1, 1])
    BernoulliStats(n=4, k=3)
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

    Examples
    --------
    >>> gaussian_stats([1.0, 2.0, 6.0])
    GaussianStats(n=3, mean=3.0, ss=14.0)
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
    """MLE p̂ = k / N of a Bernoulli sample (``x`` a 0/1 sample or :class:`BernoulliStats`).

    Examples
    --------
    >>> bernoulli_mle([1, 0, 1, 1])
    0.75
    """
    s = bernoulli_stats(x)
    return s.k / s.n


def binomial_mle(k, n) -> float:
    """MLE θ̂ = k / n of k successes in n trials: the root of the score k/θ − (n − k)/(1 − θ).

    Examples
    --------
    >>> binomial_mle(8, 10)
    0.8
    """
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

    Examples
    --------
    >>> gaussian_mle([1.0, 2.0, 6.0])  # S = 14, N = 3
    (3.0, 4.666666666666667)
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

    Examples
    --------
    >>> round(float(binomial_information(8, 10)), 9)  # n / (θ̂(1 − θ̂)) = 10 / 0.16
    62.5
    >>> float(binomial_information(0, 10))  # θ̂ = 0: on the boundary
    inf
    """
    k, n = check_counts(k, n, n_min=1, scalar=True)
    theta = np.float64(k / n) if theta is None else _THETA.check(theta)
    with np.errstate(divide="ignore"):
        inner = _count_over(k, theta**2) + _count_over(n - k, (1.0 - theta) ** 2)
    return np.where((theta == 0.0) | (theta == 1.0), np.inf, inner)[()]


def binomial_se(k, n) -> float:
    """Standard error of θ̂ = k/n: √(θ̂(1 − θ̂)/n) = 1/√J(θ̂); 0 when θ̂ is 0 or 1 (J = inf).

    Examples
    --------
    >>> round(binomial_se(8, 10), 6)  # √(0.8 · 0.2 / 10)
    0.126491
    """
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

    Examples
    --------
    >>> [float(d) for d in gaussian_score([1.0, 2.0, 6.0], 2.0, 4.0)]  # N = 3, Σ(x − 2)² = 17
    [0.75, 0.15625]
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

    Examples
    --------
    >>> gaussian_information([1.0, 2.0, 6.0]).round(6)  # σ̂² = 14/3
    array([[0.642857, 0.      ],
           [0.      , 0.068878]])
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

    Examples
    --------
    >>> [round(se, 6) for se in gaussian_se([1.0, 2.0, 6.0])]  # √(σ̂²/N), σ̂²√(2/N), σ̂² = 14/3
    [1.247219, 3.810317]
    """
    s = gaussian_stats(x)
    s2 = _gaussian_hat(s)
    return float(np.sqrt(s2 / s.n)), float(s2 * np.sqrt(2.0 / s.n))
