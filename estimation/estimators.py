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
* Monte Carlo: :func:`simulate` and :func:`bias_curve` (with the exact
  :func:`exact_bias` beside it).
* Sampling distributions: :func:`bin_estimates` (shared-bin histograms of
  replicated estimates) and :func:`estimator_study`, everything one view of
  the Estimator bias page shows, in one call.

Conventions
-----------
A sample is the last axis of an array: ``x`` of shape ``(N,)`` is one sample,
``x`` of shape ``(R, N)`` is R replications. SS = Σ_n (x_n − x̄)² is the sum of
squared deviations from the sample mean, S² = SS/(N − 1) the unbiased sample
variance. A variance estimator with ``ddof`` divides by N − ddof, as
``numpy.var(x, ddof=ddof)`` does.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import gammaln, xlogy

from estimation import distributions as D
from estimation._validation import InputError, as_finite_array, check_int, check_real, check_seed, lookup

__all__ = [
    "MAX_DRAWS",
    "MAX_REPS",
    "CHUNK_SIZE",
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
    "MonteCarloSummary",
    "SimulationResult",
    "BiasCurve",
    "sample_mean",
    "variance_estimate",
    "proportion",
    "draw_sample",
    "var_of_sample_variance",
    "exact_moments",
    "mse_table",
    "optimal_divisor",
    "variance_estimator_pdf",
    "simulate",
    "log_spaced_sizes",
    "bias_curve",
    "exact_bias",
]

#: Page geometry that moved to :mod:`estimation.views.estimator_bias`; the names still resolve here.
_MOVED = ("BinnedEstimates", "bin_estimates", "EstimatorStudy", "estimator_study", "StudyHighlights",
          "study_highlights")


def __getattr__(name: str):
    if name in _MOVED:
        from estimation.views import estimator_bias as views

        return getattr(views, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

#: Largest number of random numbers (reps * n) one simulation may draw.
MAX_DRAWS = 100_000_000
#: Largest number of replications R (each estimator returns R floats).
MAX_REPS = 200_000
#: Random numbers drawn per chunk (8 MiB of float64); bounds peak memory.
CHUNK_SIZE = 2**20
_MAX_CHUNK_SIZE = 2**22

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

#: Every estimator that :func:`simulate` and :func:`exact_moments` report.
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
    """
    return _as_samples(x, 1).mean(axis=-1)


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
    return np.sum(dev * dev, axis=-1) / est.divisor(arr.shape[-1])


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
    """
    arr = _as_samples(x, 1)
    if not np.all((arr == 0.0) | (arr == 1.0)):
        raise ValueError("x must contain only 0s and 1s")
    return arr.mean(axis=-1)


# --------------------------------------------------------------------------
# Populations
# --------------------------------------------------------------------------


#: A population parameter with its range (the registry's :class:`~estimation.distributions.Parameter`).
Param = D.Parameter
#: Exact μ, σ², μ₄ of a population (the registry's :class:`~estimation.distributions.Moments`).
PopulationMoments = D.Moments


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

    __slots__ = ("key", "params", "dist")

    def __init__(self, key: str, params: tuple[Param, ...]):
        self.key = key
        self.params = params
        self.dist = D.DISTRIBUTIONS[key]

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
        ``simulate(population, params, N, R, seed)`` analyses (same stream).
    seed : int
        Seed in [0, 2**32 − 1].

    Returns
    -------
    ndarray of float64
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
    population : str
        Key of :data:`POPULATIONS`.
    params : mapping or None
        Population parameters.
    n : int
        Sample size N ≥ 2.

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
    population : str
        Key of :data:`POPULATIONS`.
    params : mapping or None
        Population parameters.
    n : int
        Sample size N ≥ 2.

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
# Monte Carlo
# --------------------------------------------------------------------------

# Up to this many columns, adding strided columns beats numpy's per-row
# reduction overhead (measured: 0.6 ms vs 0.9 ms per 2**20 numbers at N = 5);
# above it einsum is faster.
_SHORT_ROW = 6


def _sum_rows(a: np.ndarray, out: np.ndarray) -> None:
    """Write the row sums of the 2-D array ``a`` into ``out``."""
    if a.shape[1] <= _SHORT_ROW:
        np.copyto(out, a[:, 0])
        for j in range(1, a.shape[1]):
            out += a[:, j]
    else:
        np.einsum("ij->i", a, out=out)


def _base_sums(pop: Population, p: dict, n: int, reps: int, rng, chunk_size: int):
    """Per replication, T₁ = Σb and T₂ = Σb² of N base draws b, in chunks.

    The stream is consumed in row-major order (replication r uses draws
    r·N … r·N + N − 1), so it never depends on ``chunk_size``. A chunk is
    either whole rows (N ≤ chunk_size) or a piece of one row, whose sums are
    added to the row's running totals; memory is one chunk plus O(R).
    """
    cols = min(n, chunk_size)
    rows = min(reps, max(1, chunk_size // n))
    buf = np.empty(rows * cols)
    t1, t2 = np.empty(reps), np.empty(reps)
    piece1, piece2 = np.empty(1), np.empty(1)  # sums of a later piece of a split row
    for r0 in range(0, reps, rows):
        r1 = min(r0 + rows, reps)
        for c0 in range(0, n, cols):
            block = buf[: (r1 - r0) * min(cols, n - c0)].reshape(r1 - r0, -1)
            pop._fill(rng, block, **p)
            first = c0 == 0
            out1, out2 = (t1[r0:r1], t2[r0:r1]) if first else (piece1, piece2)
            _sum_rows(block, out1)
            np.square(block, out=block)
            _sum_rows(block, out2)
            if not first:
                t1[r0] += piece1[0]
                t2[r0] += piece2[0]
    return t1, t2


@dataclass(frozen=True, slots=True)
class MonteCarloSummary:
    """Monte Carlo mean, bias, variance and MSE of R estimates, with standard errors.

    ``bias_se`` is also the standard error of ``mean``.
    """

    target: float
    mean: float
    bias: float
    bias_se: float
    variance: float
    variance_se: float
    mse: float
    mse_se: float


def _central_moments(values: np.ndarray, scratch: np.ndarray) -> tuple[float, float, float, float]:
    """Mean and the 1/R central moments m₂, m₃, m₄ of R values.

    ``scratch`` is a (2, R) work array, reused across calls (fresh R-float
    arrays cost page faults that rival the arithmetic).
    """
    mean = float(values.mean())
    dev = np.subtract(values, mean, out=scratch[0])
    dev2 = np.multiply(dev, dev, out=scratch[1])
    # einsum, not np.dot: BLAS threads stall under load for these short vectors.
    m3, m4 = np.einsum("i,i->", dev2, dev), np.einsum("i,i->", dev2, dev2)
    return mean, float(dev2.mean()), float(m3) / dev.size, float(m4) / dev.size


def _summarise(moments, r: int, target: float, scale: float = 1.0) -> MonteCarloSummary:
    """Summarise R estimates ``scale * v`` of ``target`` from the central moments of v.

    Scaling by c multiplies m_k by c^k, so the three estimators SS/d share one
    moment computation (see :func:`simulate` Notes for the formulas).
    """
    mean, m2, m3, m4 = (scale**k * m for k, m in enumerate(moments, start=1))
    delta = mean - target
    variance = m2 * r / (r - 1)
    sq_err_var = max(m4 - m2 * m2 + 4.0 * delta * (m3 + delta * m2), 0.0) * r / (r - 1)
    return MonteCarloSummary(
        target=target,
        mean=mean,
        bias=delta,
        bias_se=float(np.sqrt(variance / r)),
        variance=variance,
        variance_se=float(np.sqrt(var_of_sample_variance(variance, m4, r))),
        mse=m2 + delta * delta,
        mse_se=float(np.sqrt(sq_err_var / r)),
    )


@dataclass(frozen=True, slots=True)
class SimulationResult:
    """Output of :func:`simulate` (read-only arrays; picklable for caching).

    Attributes
    ----------
    population, params, n, reps, seed
        The validated inputs.
    values : dict
        :data:`ESTIMATOR_KEYS` → ndarray of shape (reps,), one estimate per
        replication.
    summary : dict
        :data:`ESTIMATOR_KEYS` → :class:`MonteCarloSummary`.
    """

    population: str
    params: dict
    n: int
    reps: int
    seed: int
    values: dict
    summary: dict


def _simulate(pop: Population, p: dict, n: int, reps: int, rng, chunk_size: int, seed: int) -> SimulationResult:
    loc, unit, centre = pop._affine(**p)
    mom = pop._moments(**p)
    t1, t2 = _base_sums(pop, p, n, reps, rng, chunk_size)
    # In place where possible: fresh R-float arrays cost page faults.
    scratch = np.empty((2, reps))
    means = t1
    means /= n  # x̄ in base units until rescaled below
    sq_mean = np.multiply(means, means, out=scratch[0])
    sq_mean *= n
    ss = t2
    ss -= sq_mean  # SS = T₂ − T₁²/N = T₂ − N x̄²
    np.maximum(ss, 0.0, out=ss)
    known = np.subtract(means, centre)  # Σ(b − c)² = SS + N (x̄ − c)²
    np.square(known, out=known)
    known *= n
    known += ss
    known *= unit * unit / n
    ss *= unit * unit
    means *= unit
    means += loc
    values = {MEAN_KEY: means}
    summary = {MEAN_KEY: _summarise(_central_moments(means, scratch), reps, mom.mean)}
    ss_moments = _central_moments(ss, scratch)
    for key, est in VARIANCE_ESTIMATORS.items():
        if est.centring == "known":
            values[key] = known
            summary[key] = _summarise(_central_moments(known, scratch), reps, mom.variance)
        else:
            values[key] = ss / est.divisor(n)
            summary[key] = _summarise(ss_moments, reps, mom.variance, 1.0 / est.divisor(n))
    for v in values.values():
        v.setflags(write=False)
    return SimulationResult(pop.key, dict(p), n, reps, seed, values, summary)


def _check_draws(n: int, reps: int) -> None:
    if n * reps > MAX_DRAWS:  # a combination the page's widgets allow: the message is translated
        raise InputError(
            "too_many_draws",
            "R × N = {reps} × {n} = {draws} random numbers is more than one simulation may draw ({limit}, "
            "a time and memory bound); lower R or N",
            reps=f"{reps:,}", n=f"{n:,}", draws=f"{reps * n:,}", limit=f"{MAX_DRAWS:,}",
        )


def simulate(
    population: str, params, n: int, reps: int, seed: int, *, chunk_size: int = CHUNK_SIZE
) -> SimulationResult:
    """Monte Carlo of every estimator: R samples of size N from a population.

    Parameters
    ----------
    population : str
        Key of :data:`POPULATIONS`.
    params : mapping or None
        Population parameters (defaults for missing names).
    n : int
        Sample size N ≥ 2.
    reps : int
        Replications R, 2 ≤ R ≤ :data:`MAX_REPS`, with R·N ≤ :data:`MAX_DRAWS`.
    seed : int
        Seed of ``numpy.random.default_rng``.
    chunk_size : int, default :data:`CHUNK_SIZE`
        Random numbers generated per chunk (1 … 2**22); peak extra memory is
        about ``8 * chunk_size`` bytes (twice that for student_t) plus
        O(R) floats for the results. Values far below the default only
        serve tests (a Python loop runs once per chunk).

    Returns
    -------
    SimulationResult

    Notes
    -----
    Each chunk draws base values b (x = loc + unit·b) into one reused buffer
    and accumulates per replication T₁ = Σb and T₂ = Σb² (squaring in place).
    Then, with b̄ = T₁/N and SS_b = max(T₂ − N b̄², 0) (clipped against
    rounding),

    * x̄ = loc + unit·b̄,
    * SS = Σ(x − x̄)² = unit²·SS_b,
    * Σ(x − μ)² = unit²·(SS_b + N (b̄ − centre)²) (two non-negative terms),

    and every variance estimator is one of these divided by its divisor. The
    base draws have mean 0 (gaussian, student_t), 1 with variance 1
    (exponential) or are 0/1 (bernoulli; T₁, T₂ are exact integers and p̂ is
    exactly k/N), so T₂ − N b̄² loses at most a few bits.

    Reproducibility: the stream is consumed in row-major order, so the same
    seed gives the same draws for any ``chunk_size``; when
    N ≤ ``chunk_size`` each row is summed whole and the results are
    bit-identical, otherwise rows are summed in pieces and agree to rounding.
    ``draw_sample(population, params, (reps, n), seed)`` returns the very
    samples analysed.

    Summaries over the R estimates v_r of target θ (:class:`MonteCarloSummary`),
    from v̄ and the central moments m_k = (1/R) Σ (v_r − v̄)^k, with
    δ = v̄ − θ and s² = R m₂/(R − 1):

    * mean v̄ and bias δ, both with standard error s/√R;
    * variance s², standard error √Var[S²] from :func:`var_of_sample_variance`
      with σ², μ₄ replaced by s², m₄;
    * MSE = (1/R) Σ (v_r − θ)² = m₂ + δ², standard error √(V/R) with
      V = R/(R − 1)·(m₄ − m₂² + 4δ m₃ + 4δ² m₂), the 1/(R − 1) sample
      variance of the squared errors (v_r − θ)² expanded about v̄.

    The three estimators SS/d are one array scaled by 1/d, so their moments
    are those of SS times d^(−k). The variance and MSE standard errors
    need E[v⁴] < ∞; for student_t that means nu > 8 (for 4 < nu ≤ 8 they are
    unreliable although the estimators' variances are finite).
    """
    pop = _population(population)
    p = pop.validate(params)
    n = _check_n(n)
    reps = _explained(check_int, "standard errors need two replications; each returns R floats",
                      reps, "reps", lo=2, hi=MAX_REPS)
    _check_draws(n, reps)
    seed = check_seed(seed)
    chunk_size = check_int(chunk_size, "chunk_size", lo=1, hi=_MAX_CHUNK_SIZE)
    return _simulate(pop, p, n, reps, np.random.default_rng(seed), chunk_size, seed)


# --------------------------------------------------------------------------
# Bias versus N
# --------------------------------------------------------------------------


def log_spaced_sizes(lo: int = 2, hi: int = 100, count: int = 20) -> np.ndarray:
    """About ``count`` distinct integer sample sizes log-spaced from ``lo`` to ``hi``.

    Notes
    -----
    ``unique(round(geomspace(lo, hi, count)))``; rounding merges neighbours
    at the small end, so fewer than ``count`` sizes may come back.
    """
    lo = check_int(lo, "lo", lo=2)
    hi = check_int(hi, "hi", lo=lo)
    count = check_int(count, "count", lo=1, hi=1000)
    return np.unique(np.rint(np.geomspace(lo, hi, count)).astype(np.int64))


@dataclass(frozen=True, slots=True)
class BiasCurve:
    """Monte Carlo and exact bias of one estimator as a function of N."""

    estimator: str
    ns: np.ndarray
    reps: np.ndarray
    bias: np.ndarray
    bias_se: np.ndarray
    exact_bias: np.ndarray


def _check_sizes(ns) -> list[int]:
    """Return ``ns`` as a non-empty list of sample sizes, each ≥ 2."""
    try:
        ns_arr = np.atleast_1d(np.asarray(ns))
    except ValueError as exc:
        raise ValueError(f"ns must be a 1-D list of sample sizes: {exc}") from None
    if ns_arr.ndim != 1 or ns_arr.size == 0:
        raise ValueError(f"ns must be a non-empty 1-D list of sample sizes, got shape {ns_arr.shape}")
    return [_check_n(v) for v in ns_arr.tolist()]


def bias_curve(population: str, params, ns, seed: int, *, estimator: str = "n",
               draws_per_n: int = 1_000_000) -> BiasCurve:
    """Monte Carlo bias of a variance estimator for each N, next to the exact bias.

    Parameters
    ----------
    population : str
        Key of :data:`POPULATIONS`.
    params : mapping or None
        Population parameters.
    ns : array_like of int
        Sample sizes, each ≥ 2 (e.g. :func:`log_spaced_sizes`).
    seed : int
        Seed; sample size N uses ``numpy.random.default_rng([seed, N])``, so
        each point is independent of the others and of which other N are
        listed.
    estimator : str, default "n"
        Key of :data:`VARIANCE_ESTIMATORS` (default: the 1/N estimator).
    draws_per_n : int, default 1_000_000
        Random numbers spent per sample size; len(ns)·draws_per_n must not
        exceed :data:`MAX_DRAWS`.

    Returns
    -------
    BiasCurve

    Notes
    -----
    R_N = min(MAX_REPS, draws_per_n // N) replications at size N, so every
    point costs at most ``draws_per_n`` random numbers and the whole curve
    at most len(ns)·draws_per_n. With equal cost per N the standard error is
    nearly flat in N: for the 1/N estimator on Gaussian data
    sd ≈ σ²√(2/N), so SE ≈ σ²√(2/draws_per_n) (≈ 0.0014σ² by default),
    while the exact bias is −σ²/N (see :func:`exact_moments`).
    """
    pop = _population(population)
    p = pop.validate(params)
    est = lookup(VARIANCE_ESTIMATORS, estimator, "estimator")
    seed = check_seed(seed)
    ns_list = _check_sizes(ns)
    draws_per_n = check_int(draws_per_n, "draws_per_n", lo=2 * max(ns_list), hi=MAX_DRAWS)
    if len(ns_list) * draws_per_n > MAX_DRAWS:
        raise ValueError(
            f"draws_per_n * len(ns) must be <= {MAX_DRAWS:.0e}, got {draws_per_n} * {len(ns_list)}"
        )
    reps, bias, se, exact = [], [], [], []
    for n in ns_list:
        r = min(MAX_REPS, draws_per_n // n)
        res = _simulate(pop, p, n, r, np.random.default_rng([seed, n]), CHUNK_SIZE, seed)
        reps.append(r)
        bias.append(res.summary[est.key].bias)
        se.append(res.summary[est.key].bias_se)
        exact.append(exact_moments(pop.key, p, n)[est.key].bias)
    return BiasCurve(est.key, np.array(ns_list), np.array(reps), np.array(bias), np.array(se), np.array(exact))


def exact_bias(population: str, params, ns, *, estimator: str = "n") -> np.ndarray:
    """Exact bias of a variance estimator at each sample size in ``ns``.

    Parameters
    ----------
    population : str
        Key of :data:`POPULATIONS`.
    params : mapping or None
        Population parameters.
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
    """
    est = lookup(VARIANCE_ESTIMATORS, estimator, "estimator")
    return np.array([exact_moments(population, params, n)[est.key].bias for n in _check_sizes(ns)])
