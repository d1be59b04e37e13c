"""Point estimators of a mean and a variance: exact moments and Monte Carlo.

The lesson (issue #5): the 1/N variance estimator centred at the *sample*
mean x̄ is biased low, E[(1/N) Σ (x_n − x̄)²] = ((N − 1)/N) σ², bias −σ²/N;
centred at the *true* mean μ the same 1/N estimator is unbiased; dividing by
N − 1 removes the bias, yet for Gaussian data dividing by N + 1 gives the
smallest mean squared error. (A common slip in exam notes is
E[σ̂²] = (N/(N − 1)) σ²: centred at x̄ the factor is (N − 1)/N, and
centred at the true μ there is no bias at all.)

Contents
--------
* Estimators on a sample, vectorised along the last axis:
  :func:`sample_mean`, :func:`variance_estimate`, :func:`proportion`, and the
  registry :data:`VARIANCE_ESTIMATORS`.
* Populations to sample from: the registry :data:`POPULATIONS` (gaussian,
  exponential, student_t, bernoulli), each with exact mean, variance σ² and
  fourth central moment μ₄, and :func:`draw_sample`.
* Exact results: :func:`exact_moments`, :func:`var_of_sample_variance`,
  :func:`mse_table`, :func:`optimal_divisor` and, for Gaussian data, the
  scaled-χ² densities :func:`variance_estimator_pdf`.
* The exact bias against N: :func:`exact_bias`.

The Monte Carlo of these estimators (``simulate``, ``bias_curve``) is
:mod:`estimation.monte_carlo`; what the Estimator bias page draws from both
(shared-bin histograms, the study behind each view) is
:mod:`estimation.views.estimator_bias`.

Conventions
-----------
A sample is the last axis of an array: ``x`` of shape ``(N,)`` is one sample,
``x`` of shape ``(R, N)`` is R replications. SS = Σ_n (x_n − x̄)² is the sum of
squared deviations from the sample mean, S² = SS/(N − 1) the unbiased sample
variance. A variance estimator with ``ddof`` divides by N − ddof, as
``numpy.var(x, ddof=ddof)`` does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy.special import gammaln, xlogy

from estimation import distributions as D
from estimation._validation import as_finite_array, check_int, check_real, check_seed, lookup

__all__ = [
    "MAX_DRAWS",
    "MEAN_KEY",
    "ESTIMATOR_KEYS",
    "DIVISOR_KEYS",
    "VarianceEstimator",
    "VARIANCE_ESTIMATORS",
    "Param",
    "PopulationMoments",
    "Population",
    "POPULATIONS",
    "EstimatorMoments",
    "MseRow",
    "sample_mean",
    "variance_estimate",
    "proportion",
    "draw_sample",
    "var_of_sample_variance",
    "exact_moments",
    "mse_table",
    "optimal_divisor",
    "variance_estimator_pdf",
    "exact_bias",
]

#: Names that moved, and where to: the Monte Carlo to :mod:`estimation.monte_carlo`, the page geometry
#: to :mod:`estimation.views.estimator_bias`. They still resolve here (imported on first use: both
#: modules build on this one).
_MOVED = {
    **dict.fromkeys(("MAX_REPS", "CHUNK_SIZE", "MonteCarloSummary", "SimulationResult", "BiasCurve", "simulate",
                     "log_spaced_sizes", "bias_curve"), "estimation.monte_carlo"),
    **dict.fromkeys(("BinnedEstimates", "bin_estimates", "EstimatorStudy", "estimator_study", "StudyHighlights",
                     "study_highlights"), "estimation.views.estimator_bias"),
}


def __getattr__(name: str):
    if name in _MOVED:
        import importlib

        return getattr(importlib.import_module(_MOVED[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: Largest number of random numbers (reps * n) one simulation may draw.
MAX_DRAWS = 100_000_000

#: Key of the sample-mean estimator x̄ (for bernoulli data this is p̂).
MEAN_KEY = "mean"


def _explained(check, why, *args, **kwargs):
    """Run an ``estimation._validation`` check, appending ``why`` to its message."""
    try:
        return check(*args, **kwargs)
    except ValueError as exc:
        raise ValueError(f"{exc} ({why})") from None


# --------------------------------------------------------------------------
# Estimators on a sample
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VarianceEstimator:
    """Metadata of one variance estimator (labels live with the page strings).

    Attributes
    ----------
    key : str
        Registry key.
    ddof : int
        The estimator divides by N − ddof (1 → N − 1, 0 → N, −1 → N + 1).
    centring : {"sample", "known"}
        Deviations taken from the sample mean x̄ or from the known true mean μ.
    """

    key: str
    ddof: int
    centring: str

    def divisor(self, n: int) -> int:
        """Return the divisor N − ddof."""
        return n - self.ddof

    @property
    def unbiased(self) -> bool:
        """True if E[estimate] = σ² for every population with finite variance."""
        return self.centring == "known" or self.ddof == 1


#: Variance estimators, in the order a page lists them.
VARIANCE_ESTIMATORS: dict[str, VarianceEstimator] = {
    e.key: e
    for e in (
        VarianceEstimator("n_minus_1", ddof=1, centring="sample"),
        VarianceEstimator("n", ddof=0, centring="sample"),
        VarianceEstimator("n_plus_1", ddof=-1, centring="sample"),
        VarianceEstimator("known_mean", ddof=0, centring="known"),
    )
}

#: Every estimator that :func:`exact_moments` and :func:`estimation.monte_carlo.simulate` report.
ESTIMATOR_KEYS: tuple[str, ...] = (MEAN_KEY, *VARIANCE_ESTIMATORS)
#: The divisors d ∈ {N − 1, N, N + 1} of the bias–variance trade-off (:func:`mse_table`).
DIVISOR_KEYS: tuple[str, ...] = ("n_minus_1", "n", "n_plus_1")


def _as_samples(x, min_n: int) -> np.ndarray:
    """Return ``x`` as a float64 array of one (1-D) or R (2-D) samples of size >= min_n."""
    arr = as_finite_array(x, "x")
    if arr.ndim not in (1, 2):
        raise ValueError(f"x must be 1-D (one sample) or 2-D (one sample per row), got shape {arr.shape}")
    if arr.shape[-1] < min_n:
        raise ValueError(f"x must have at least {min_n} observation(s) along its last axis, got {arr.shape[-1]}")
    return arr


def _one_or_rows(v: np.ndarray):
    """A statistic of one sample as a Python float; of R samples (rows) the ndarray of R values."""
    return float(v) if v.ndim == 0 else v


def sample_mean(x):
    """Sample mean of each sample (last axis).

    Parameters
    ----------
    x : array_like of shape (N,) or (R, N)
        One sample, or R samples of size N (one per row).

    Returns
    -------
    float or ndarray of shape (R,)

    Notes
    -----
    x̄ = (1/N) Σ_n x_n; E[x̄] = μ and Var[x̄] = σ²/N.

    Examples
    --------
    >>> float(sample_mean([1.0, 2.0, 6.0]))  # (1 + 2 + 6) / 3
    3.0
    >>> sample_mean([[1.0, 3.0], [2.0, 6.0]])  # one mean per row
    array([2., 4.])
    """
    return _one_or_rows(_as_samples(x, 1).mean(axis=-1))


def variance_estimate(x, estimator: str = "n_minus_1", *, mu=None):
    """Variance estimate of each sample (last axis) by a registered estimator.

    Parameters
    ----------
    x : array_like of shape (N,) or (R, N)
        One sample, or R samples of size N (one per row).
    estimator : str, default "n_minus_1"
        Key of :data:`VARIANCE_ESTIMATORS`.
    mu : float, optional
        The known true mean; required by ``"known_mean"`` and refused by the
        estimators centred at the sample mean.

    Returns
    -------
    float or ndarray of shape (R,)

    Notes
    -----
    Centred at the sample mean: σ̂² = (1/(N − ddof)) Σ_n (x_n − x̄)², equal to
    ``numpy.var(x, ddof=ddof, axis=-1)``; ddof = 1, 0, −1 for the keys
    "n_minus_1", "n", "n_plus_1".
    Centred at the known mean: σ̂² = (1/N) Σ_n (x_n − μ)².
    The sum uses the two-pass form (deviations first), which is stable.

    Examples
    --------
    >>> float(variance_estimate([1.0, 2.0, 3.0, 4.0], "n"))
    1.25
    >>> float(variance_estimate([1.0, 2.0, 3.0, 4.0], "known_mean", mu=2.0))
    1.5
    """
    est = lookup(VARIANCE_ESTIMATORS, estimator, "estimator")
    arr = _as_samples(x, max(1, est.ddof + 1))
    if est.centring == "known":
        if mu is None:
            raise ValueError(f"mu is required by the {est.key!r} estimator (it centres at the true mean)")
        dev = arr - check_real(mu, "mu")
    else:
        if mu is not None:
            raise ValueError(f"mu must be None for the {est.key!r} estimator (it centres at the sample mean)")
        dev = arr - arr.mean(axis=-1, keepdims=True)
    return _one_or_rows(np.sum(dev * dev, axis=-1) / est.divisor(arr.shape[-1]))


def proportion(x):
    """Proportion of ones p̂ in each 0/1 sample (last axis).

    Parameters
    ----------
    x : array_like of shape (N,) or (R, N)
        Bernoulli outcomes, every entry 0 or 1.

    Returns
    -------
    float or ndarray of shape (R,)

    Notes
    -----
    p̂ = (1/N) Σ_n x_n, the maximum-likelihood estimator of a Bernoulli p;
    E[p̂] = p and Var[p̂] = p(1 − p)/N.

    Examples
    --------
    >>> float(proportion([0, 1, 1, 0]))  # 2 ones out of 4
    0.5
    """
    arr = _as_samples(x, 1)
    if not np.all((arr == 0.0) | (arr == 1.0)):
        raise ValueError("x must contain only 0s and 1s")
    return _one_or_rows(arr.mean(axis=-1))


# --------------------------------------------------------------------------
# Populations
# --------------------------------------------------------------------------


#: A population parameter with its range (the registry's :class:`~estimation.distributions.Parameter`).
Param = D.Parameter
#: Exact μ, σ², μ₄ of a population (the registry's :class:`~estimation.distributions.Moments`).
PopulationMoments = D.Moments


@dataclass(frozen=True, slots=True, eq=False)
class Population:
    """A population the lab samples from: a registry entry with this module's ranges.

    The mathematics is the entry of :data:`estimation.distributions.DISTRIBUTIONS`
    (``dist``): exact moments, and the location–scale form the Monte Carlo
    draws through, base draws b filled into a C-contiguous float64 array
    (``_fill``) and ``_affine`` = (loc, unit, centre) with x = loc + unit·b
    and E[b] = centre, so μ = loc + unit·centre. Drawing b and mapping it to
    x lets the Monte Carlo accumulate well-conditioned sums of b (standard
    normal, standard exponential, standard t, 0/1) and rescale only the R
    results. ``params`` narrows the entry's ranges so that every moment up to
    the eighth (used by Monte Carlo standard errors of the MSE) stays far
    from float64 overflow, and keeps p inside (0, 1).
    """

    key: str
    params: tuple[Param, ...]
    dist: D.Distribution = field(init=False, repr=False)

    def __post_init__(self):
        object.__setattr__(self, "dist", D.DISTRIBUTIONS[self.key])

    def validate(self, params=None) -> dict[str, float]:
        """Return the parameters with defaults filled in, each range-checked.

        Parameters
        ----------
        params : mapping of str to float, optional
            Parameter values by name; missing names take their defaults.
        """
        return self.dist.validate(params, ranges=self.params)

    def moments(self, params=None) -> PopulationMoments:
        """Exact mean, variance and fourth central moment."""
        return self._moments(**self.validate(params))

    def draw(self, rng: np.random.Generator, size, params=None) -> np.ndarray:
        """Draw values of the population with ``rng`` into a new array of shape ``size``."""
        p = self.validate(params)
        loc, unit, _ = self._affine(**p)
        out = np.empty(size, dtype=np.float64)
        self._fill(rng, out, **p)
        out *= unit
        out += loc
        return out

    def _moments(self, **p) -> PopulationMoments:
        return self.dist._moments(**p)

    def _affine(self, **p) -> tuple[float, float, float]:
        return self.dist._affine(**p)

    def _fill(self, rng: np.random.Generator, out: np.ndarray, **p) -> None:
        self.dist._standard(rng, out, **p)


def _narrow(key: str, **ranges) -> Population:
    entry = D.DISTRIBUTIONS[key]
    return Population(key, tuple(entry.param(name).narrowed(**r) for name, r in ranges.items()))


# Ranges keep every moment up to the eighth far from float64 overflow.
_LOC = 1e6
_SPREAD = 1e3

#: Populations by key, in the order a page lists them: gaussian N(mu, sigma2) (μ₄ = 3σ⁴),
#: exponential with mean ``scale`` (skewed, excess kurtosis 6), ``scale``·t_nu with nu > 4
#: (heavy-tailed, excess kurtosis 6/(nu − 4)) and bernoulli(p) on {0, 1}.
POPULATIONS: dict[str, Population] = {
    pop.key: pop
    for pop in (
        _narrow("gaussian", mu={"lo": -_LOC, "hi": _LOC}, sigma2={"hi": _SPREAD**2}),
        _narrow("exponential", scale={"hi": _SPREAD}),
        _narrow("student_t", nu={"hi": 1e6}, scale={"hi": _SPREAD}),
        _narrow("bernoulli", p={"lo_open": True, "hi_open": True}),
    )
}


def _population(population) -> Population:
    return lookup(POPULATIONS, population, "population")


def draw_sample(population: str, params, size, seed: int) -> np.ndarray:
    """Draw from a registered population with ``numpy.random.default_rng(seed)``.

    Parameters
    ----------
    population : str
        Key of :data:`POPULATIONS`.
    params : mapping or None
        Population parameters (defaults for missing names).
    size : int or tuple of int
        Output shape; ``(R, N)`` gives exactly the R samples that
        ``estimation.monte_carlo.simulate(population, params, N, R, seed)`` analyses (same stream).
    seed : int
        Seed in [0, 2**32 − 1].

    Returns
    -------
    ndarray of float64

    Notes
    -----
    x = loc + unit·b with base draws b of the population's location–scale
    form (:attr:`Population.dist`), filled row by row from one
    ``default_rng(seed)`` stream: the samples
    :func:`estimation.monte_carlo.simulate` analyses.

    Examples
    --------
    >>> x = draw_sample("gaussian", {"mu": 1.0, "sigma2": 4.0}, (3, 5), seed=0)
    >>> x.shape, x.dtype
    ((3, 5), dtype('float64'))
    """
    pop = _population(population)
    size = tuple(check_int(s, "size", lo=1) for s in np.atleast_1d(size).tolist())
    if int(np.prod(size)) > MAX_DRAWS:
        raise ValueError(f"size must hold at most {MAX_DRAWS} values, got {size}")
    return pop.draw(np.random.default_rng(check_seed(seed)), size, params)


# --------------------------------------------------------------------------
# Exact results
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EstimatorMoments:
    """Exact sampling moments of an estimator of ``target``."""

    target: float
    mean: float
    bias: float
    variance: float
    mse: float


def var_of_sample_variance(sigma2, mu4, n):
    """Exact variance of the unbiased sample variance S² of N i.i.d. draws.

    Parameters
    ----------
    sigma2 : float or ndarray
        Population variance σ².
    mu4 : float or ndarray
        Population fourth central moment μ₄ (≥ σ⁴).
    n : int or ndarray
        Sample size N ≥ 2.

    Returns
    -------
    float or ndarray

    Notes
    -----
    Var[S²] = (μ₄ − σ⁴ (N − 3)/(N − 1)) / N, evaluated as
    ((μ₄ − σ⁴) + 2σ⁴/(N − 1)) / N, a sum of two non-negative terms (no
    cancellation when μ₄ ≈ σ⁴). For Gaussian data (μ₄ = 3σ⁴) it is 2σ⁴/(N − 1).

    Examples
    --------
    >>> float(var_of_sample_variance(1.0, 3.0, 5))  # Gaussian μ₄ = 3σ⁴: Var S² = 2σ⁴/(N − 1)
    0.5
    """
    sigma2 = as_finite_array(sigma2, "sigma2")
    mu4 = as_finite_array(mu4, "mu4")
    n = as_finite_array(n, "n")
    if np.any(n < 2):
        raise ValueError("n must be >= 2")
    sigma4 = np.square(sigma2)
    return (np.maximum(mu4 - sigma4, 0.0) + 2.0 * sigma4 / (n - 1.0)) / n


def _check_n(n) -> int:
    return _explained(check_int, "a sample variance needs at least two observations", n, "n", lo=2)


def exact_moments(population: str, params, n: int) -> dict[str, EstimatorMoments]:
    """Exact mean, bias, variance and MSE of every estimator at sample size N.

    Parameters
    ----------
    population : str
        Key of :data:`POPULATIONS` (each has a finite fourth moment).
    params : mapping or None
        Population parameters.
    n : int
        Sample size N ≥ 2.

    Returns
    -------
    dict
        :data:`ESTIMATOR_KEYS` → :class:`EstimatorMoments`.

    Notes
    -----
    With σ², μ₄ of the population and S² = SS/(N − 1):

    * sample mean: E = μ, Var = σ²/N (for bernoulli, Var[p̂] = p(1 − p)/N);
    * SS/(N − ddof) = c·S² with c = (N − 1)/(N − ddof):
      E = c σ², bias = (c − 1) σ², Var = c² Var[S²] with
      Var[S²] = (μ₄ − σ⁴ (N − 3)/(N − 1))/N; so the 1/N estimator has
      E = ((N − 1)/N) σ² and bias −σ²/N, the 1/(N + 1) one bias −2σ²/(N + 1);
    * known mean, (1/N) Σ (x − μ)²: E = σ², bias 0, Var = (μ₄ − σ⁴)/N;
    * MSE = Var + bias² throughout.

    Examples
    --------
    >>> m = exact_moments("gaussian", {"sigma2": 1.0}, 5)["n"]  # the 1/N estimator
    >>> round(m.mean, 12), round(m.bias, 12)  # E = (N − 1)/N σ², bias −σ²/N
    (0.8, -0.2)
    """
    mom = _population(population).moments(params)
    n = _check_n(n)
    sigma2 = mom.variance
    out = {MEAN_KEY: EstimatorMoments(mom.mean, mom.mean, 0.0, sigma2 / n, sigma2 / n)}
    var_s2 = float(var_of_sample_variance(sigma2, mom.mu4, n))
    for key, est in VARIANCE_ESTIMATORS.items():
        if est.centring == "known":
            mean, var = sigma2, max(mom.mu4 - sigma2**2, 0.0) / n
        else:
            c = (n - 1.0) / est.divisor(n)
            mean, var = c * sigma2, c * c * var_s2
        bias = mean - sigma2
        out[key] = EstimatorMoments(sigma2, mean, bias, var, var + bias * bias)
    return out


@dataclass(frozen=True, slots=True)
class MseRow:
    """One row of the bias/variance/MSE comparison table."""

    key: str
    divisor: int
    bias: float
    variance: float
    mse: float


def mse_table(population: str, params, n: int) -> tuple[MseRow, ...]:
    """Exact bias, variance and MSE of the 1/(N − 1), 1/N and 1/(N + 1) estimators.

    Parameters
    ----------
    population, params, n
        As in :func:`exact_moments`.

    Returns
    -------
    tuple of MseRow
        Rows for "n_minus_1", "n", "n_plus_1", in that order.

    Notes
    -----
    From :func:`exact_moments`. For Gaussian data
    MSE = 2σ⁴/(N − 1), (2N − 1)σ⁴/N², 2σ⁴/(N + 1), so
    MSE(1/(N + 1)) < MSE(1/N) < MSE(1/(N − 1)) for every N ≥ 2: the unbiased
    estimator is not the one with the smallest MSE. For other populations
    the order can change (see :func:`optimal_divisor`).

    Examples
    --------
    >>> [(r.key, r.divisor, round(r.mse, 12)) for r in mse_table("gaussian", {"sigma2": 1.0}, 5)]
    [('n_minus_1', 4, 0.5), ('n', 5, 0.36), ('n_plus_1', 6, 0.333333333333)]

    For Gaussian data the MSE is 2σ⁴/(N − 1), (2N − 1)σ⁴/N² and 2σ⁴/(N + 1).
    """
    moments = exact_moments(population, params, n)
    n = int(n)
    return tuple(
        MseRow(key, VARIANCE_ESTIMATORS[key].divisor(n), moments[key].bias, moments[key].variance, moments[key].mse)
        for key in DIVISOR_KEYS
    )


def optimal_divisor(population: str, params, n: int) -> float:
    """Divisor d* minimising the MSE of SS/d among all divisors d > 0.

    Parameters
    ----------
    population, params, n
        As in :func:`exact_moments`.

    Returns
    -------
    float

    Notes
    -----
    MSE(d) = E[(SS/d − σ²)²] is a quadratic in w = 1/d minimised at
    w* = σ² E[SS]/E[SS²], so
    d* = E[SS²]/(σ² E[SS]) = ((N − 1)² Var[S²] + (N − 1)² σ⁴)/((N − 1) σ⁴)
       = (N − 1)(1 + Var[S²]/σ⁴).
    Gaussian data give Var[S²] = 2σ⁴/(N − 1), hence d* = N + 1; heavier tails
    (larger μ₄) give a larger d*, lighter tails a smaller one.

    Examples
    --------
    >>> optimal_divisor("gaussian", None, 5)  # Gaussian data: d* = N + 1
    6.0
    """
    mom = _population(population).moments(params)
    n = _check_n(n)
    return float((n - 1.0) * (1.0 + var_of_sample_variance(mom.variance, mom.mu4, n) / mom.variance**2))


def variance_estimator_pdf(estimator: str, x, n: int, sigma2: float = 1.0):
    """Density of a variance estimator for Gaussian data (a scaled χ²).

    Parameters
    ----------
    estimator : str
        Key of :data:`VARIANCE_ESTIMATORS`.
    x : array_like
        Points (any shape) at which to evaluate the density.
    n : int
        Sample size N ≥ 2.
    sigma2 : float, default 1.0
        Population variance σ² > 0.

    Returns
    -------
    ndarray
        Density at ``x`` (0 for x < 0; +inf at x = 0 when k = 1, i.e. N = 2
        with a sample-centred estimator).

    Notes
    -----
    For N(μ, σ²) data SS/σ² ~ χ²_{N−1} and Σ(x − μ)²/σ² ~ χ²_N, so each
    estimator is a·χ²_k with a = σ²/divisor and k = N − 1 (centred at x̄) or
    k = N (known mean). Its density is f(x) = g(x/a)/a with the χ²_k density
    computed in log space:
    log g(y) = (k/2 − 1) log y − y/2 − (k/2) log 2 − log Γ(k/2).

    Examples
    --------
    >>> from scipy import stats
    >>> x = np.array([0.5, 1.0])  # N σ̂²/σ² ~ χ²(N − 1) for the 1/N estimator
    >>> bool(np.allclose(variance_estimator_pdf("n", x, 5), 5 * stats.chi2.pdf(5 * x, 4), rtol=1e-12))
    True
    """
    est = lookup(VARIANCE_ESTIMATORS, estimator, "estimator")
    n = _check_n(n)
    sigma2 = check_real(sigma2, "sigma2", lo=0.0, lo_open=True)
    xs = as_finite_array(x, "x")
    k = n - 1.0 if est.centring == "sample" else float(n)
    a = sigma2 / est.divisor(n)
    y = np.maximum(xs, 0.0) / a
    log_pdf = xlogy(k / 2.0 - 1.0, y) - y / 2.0 - (k / 2.0) * np.log(2.0) - gammaln(k / 2.0) - np.log(a)
    return np.where(xs < 0.0, 0.0, np.exp(log_pdf))


# --------------------------------------------------------------------------
# Exact bias versus N (the Monte Carlo is in estimation.monte_carlo)
# --------------------------------------------------------------------------


def _check_sizes(ns) -> list[int]:
    """Return ``ns`` as a non-empty list of sample sizes, each ≥ 2."""
    try:
        ns_arr = np.atleast_1d(np.asarray(ns))
    except ValueError as exc:
        raise ValueError(f"ns must be a 1-D list of sample sizes: {exc}") from None
    if ns_arr.ndim != 1 or ns_arr.size == 0:
        raise ValueError(f"ns must be a non-empty 1-D list of sample sizes, got shape {ns_arr.shape}")
    return [_check_n(v) for v in ns_arr.tolist()]


def exact_bias(population: str, params, ns, *, estimator: str = "n") -> np.ndarray:
    """Exact bias of a variance estimator at each sample size in ``ns``.

    Parameters
    ----------
    population, params
        As in :func:`exact_moments`.
    ns : array_like of int
        Sample sizes, each ≥ 2.
    estimator : str, default "n"
        Key of :data:`VARIANCE_ESTIMATORS` (default: the 1/N estimator).

    Returns
    -------
    ndarray of shape (len(ns),)

    Notes
    -----
    The ``bias`` of :func:`exact_moments` at each N: for an estimator
    centred at x̄ that divides by N − ddof, bias = ((N − 1)/(N − ddof) − 1) σ²
    = (ddof − 1) σ²/(N − ddof), so −σ²/N for 1/N, 0 for 1/(N − 1) and
    −2σ²/(N + 1) for 1/(N + 1); 0 for the known-mean estimator.

    Examples
    --------
    >>> exact_bias("gaussian", {"sigma2": 2.0}, [2, 4, 10])  # −σ²/N
    array([-1. , -0.5, -0.2])
    """
    est = lookup(VARIANCE_ESTIMATORS, estimator, "estimator")
    return np.array([exact_moments(population, params, n)[est.key].bias for n in _check_sizes(ns)])
