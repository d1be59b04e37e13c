"""Monte Carlo of the variance estimators: R samples of size N, every estimator, with standard errors.

The experiment behind the Estimator bias page, for the estimators and
populations of :mod:`estimation.estimators`: :func:`simulate` draws R samples
of size N from a population (``numpy.random.default_rng(seed)``), applies every
estimator of :data:`~estimation.estimators.ESTIMATOR_KEYS` and summarises the R
estimates (mean, bias, variance, MSE, each with its standard error), and
:func:`bias_curve` repeats it over sample sizes N to set the Monte Carlo bias
beside the exact :func:`~estimation.estimators.exact_bias`.

How it stays fast and small: a population is a location–scale family over
*base* draws b (x = loc + unit·b, see :class:`estimation.estimators.Population`),
so each chunk of base draws is summed per replication (T₁ = Σb, T₂ = Σb²) in a
reused buffer, and every estimator comes from (T₁, T₂) rescaled once: memory is
one chunk plus O(R), whatever R·N.

Examples
--------
>>> from estimation.monte_carlo import simulate
>>> res = simulate("gaussian", {"sigma2": 2.0}, n=5, reps=20_000, seed=0)
>>> s = res.summary["n"]  # the 1/N estimator: E = (N − 1)/N · σ² = 1.6
>>> abs(s.mean - 1.6) < 4 * s.bias_se
True
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from estimation._validation import InputError, check_int, check_seed, lookup
from estimation.estimators import (
    MAX_DRAWS,
    MEAN_KEY,
    VARIANCE_ESTIMATORS,
    Population,
    _check_n,
    _check_sizes,
    _explained,
    _population,
    exact_moments,
    var_of_sample_variance,
)

__all__ = [
    "MAX_REPS",
    "CHUNK_SIZE",
    "MonteCarloSummary",
    "SimulationResult",
    "BiasCurve",
    "simulate",
    "log_spaced_sizes",
    "bias_curve",
]

#: Largest number of replications R (each estimator returns R floats).
MAX_REPS = 200_000
#: Random numbers drawn per chunk (8 MiB of float64); bounds peak memory.
CHUNK_SIZE = 2**20
_MAX_CHUNK_SIZE = 2**22

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
    population, params
        As in :func:`estimation.estimators.draw_sample`, which draws the same samples.
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

    Examples
    --------
    >>> res = simulate("gaussian", {"sigma2": 1.0}, n=5, reps=20_000, seed=0)
    >>> s = res.summary["n"]  # the 1/N estimator: exact mean (N − 1)/N σ² = 0.8
    >>> bool(abs(s.mean - 0.8) < 4 * s.bias_se)
    True
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

    Examples
    --------
    >>> log_spaced_sizes(2, 100, 5)  # round(2·50^(j/4)), j = 0 … 4
    array([  2,   5,  14,  38, 100])
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


def bias_curve(population: str, params, ns, seed: int, *, estimator: str = "n",
               draws_per_n: int = 1_000_000) -> BiasCurve:
    """Monte Carlo bias of a variance estimator for each N, next to the exact bias.

    Parameters
    ----------
    population, params, ns, estimator
        As in :func:`estimation.estimators.exact_bias`, the exact bias this
        curve is drawn next to (``ns`` e.g. from :func:`log_spaced_sizes`).
    seed : int
        Seed; sample size N uses ``numpy.random.default_rng([seed, N])``, so
        each point is independent of the others and of which other N are
        listed.
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

    Examples
    --------
    >>> c = bias_curve("gaussian", {"sigma2": 1.0}, [2, 5, 10], seed=0, draws_per_n=100_000)
    >>> c.exact_bias  # −σ²/N
    array([-0.5, -0.2, -0.1])
    >>> bool(np.all(np.abs(c.bias - c.exact_bias) < 4 * c.bias_se))
    True
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
