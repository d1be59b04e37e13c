"""Frequentist coverage of interval recipes for a binomial proportion.

A recipe turns k successes in n trials into an interval CI(k). Its coverage
at the true p is the probability that the interval of a fresh data set
contains p,

    C(p) = P(p ∈ CI(K)),  K ~ Bin(n, p),

which a 95 % recipe should keep near 0.95 for every p. The recipes compared
are the Bayesian equal-tailed credible interval of the posterior
Beta(a + k, b + n - k) and the Wald and Wilson confidence intervals, all from
:mod:`estimation.bayes`. :func:`coverage_exact` sums the binomial pmf over
the n + 1 outcomes; :func:`coverage_monte_carlo` checks it by simulation.

References
----------
.. [1] L. D. Brown, T. T. Cai, A. DasGupta, "Interval estimation for a
   binomial proportion", *Statistical Science* 16(2), 101-133 (2001).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special

from estimation._validation import as_finite_array, check_int, check_seed
from estimation.bayes import beta_update, equal_tailed_interval, wald_interval, wilson_interval

__all__ = [
    "INTERVAL_METHODS",
    "MAX_COVERAGE_GRID",
    "MAX_COVERAGE_N",
    "MAX_REPLICATIONS",
    "Coverage",
    "coverage_exact",
    "coverage_monte_carlo",
    "intervals_by_outcome",
]

#: Interval recipes compared by :func:`coverage_exact` / :func:`coverage_monte_carlo`.
INTERVAL_METHODS = ("equal_tailed", "wald", "wilson")

#: Largest ``n`` for the coverage curves (the exact sum builds a len(p) x (n+1) table).
MAX_COVERAGE_N = 2000
#: Largest number of true-p grid points for the coverage curves.
MAX_COVERAGE_GRID = 1001
#: Largest number of Monte Carlo replications per grid point.
MAX_REPLICATIONS = 20_000


def intervals_by_outcome(method: str, n, *, level=0.95, a=1.0, b=1.0):
    """Interval for every possible outcome k = 0, ..., n of ``n`` trials.

    Parameters
    ----------
    method : {"equal_tailed", "wald", "wilson"}
        ``"equal_tailed"`` is the Bayesian credible interval of the posterior
        Beta(a + k, b + n - k); the others ignore ``a`` and ``b``.
    n : int
        Trials, ``>= 1``.
    level : float, default 0.95
    a, b : float, default 1.0
        Prior for ``"equal_tailed"``, > 0.

    Returns
    -------
    lo, hi : ndarray of shape (n + 1,)
        Interval for outcome k at index k (Wald not clipped).

    Notes
    -----
    For k = 0, …, n: the interval the method gives for k successes in n
    trials (``equal_tailed``: Beta(a + k, b + n − k) quantiles (1 ∓ level)/2;
    ``wald``: k/n ± z √((k/n)(1 − k/n)/n); ``wilson``: the score interval).

    Examples
    --------
    >>> from estimation.bayes import wald_interval
    >>> lo, hi = intervals_by_outcome("wald", 4)  # k = 0 … 4
    >>> bool(np.allclose(lo, wald_interval(np.arange(5), 4)[0]) and np.allclose(hi, wald_interval(np.arange(5), 4)[1]))
    True
    """
    if method not in INTERVAL_METHODS:
        raise ValueError(f"method must be one of {INTERVAL_METHODS}, got {method!r}")
    n = check_int(n, "n", lo=1)
    k = np.arange(n + 1)
    if method == "equal_tailed":
        return equal_tailed_interval(*beta_update(a, b, k, n), level)
    if method == "wald":
        return wald_interval(k, n, level)
    return wilson_interval(k, n, level)


# --------------------------------------------------------------------------- #
# Frequentist coverage
# --------------------------------------------------------------------------- #
@dataclass(frozen=True, slots=True)
class Coverage:
    """Coverage of each interval recipe as a function of the true ``p``.

    Attributes
    ----------
    p : ndarray of shape (m,)
        True probabilities.
    coverage : dict of str to ndarray of shape (m,)
        P(p in interval) for each method in the order requested.
    se : dict of str to ndarray of shape (m,) or None
        Monte Carlo standard errors sqrt(c (1 - c) / n_rep); None when exact.
    """

    p: np.ndarray
    coverage: dict[str, np.ndarray]
    se: dict[str, np.ndarray] | None


def _coverage_args(p, n, methods, level, a, b):
    p = as_finite_array(p, "p", ndim=1)
    if p.size > MAX_COVERAGE_GRID:
        raise ValueError(f"p must have at most {MAX_COVERAGE_GRID} points, got {p.size}")
    if np.any((p < 0.0) | (p > 1.0)):
        raise ValueError("p must lie in [0, 1]")
    n = check_int(n, "n", lo=1, hi=MAX_COVERAGE_N)
    methods = (methods,) if isinstance(methods, str) else tuple(methods)
    if not methods:
        raise ValueError("methods must name at least one interval method")
    tables = {m: intervals_by_outcome(m, n, level=level, a=a, b=b) for m in methods}
    return p, n, tables


def coverage_exact(p, n, *, methods=INTERVAL_METHODS, level=0.95, a=1.0, b=1.0) -> Coverage:
    """Exact frequentist coverage of interval recipes, by enumerating k.

    Parameters
    ----------
    p : array_like of shape (m,)
        True probabilities in [0, 1] (at most ``MAX_COVERAGE_GRID``), e.g.
        ``np.linspace(0.005, 0.995, 199)``.
    n : int
        Sample size, ``1 <= n <= MAX_COVERAGE_N``.
    methods : str or sequence of str, default INTERVAL_METHODS
        Any of ``"equal_tailed"`` (Bayesian, prior Beta(a, b)), ``"wald"``,
        ``"wilson"``.
    level : float, default 0.95
        Nominal level of every interval.
    a, b : float, default 1.0
        Prior of the credible interval.

    Returns
    -------
    Coverage
        With ``se=None``.

    Notes
    -----
    C(p) = sum_{k=0}^{n} Binom(k; n, p) 1[lo_k <= p <= hi_k], with the
    intervals [lo_k, hi_k] computed once for k = 0..n and the pmf in log space,
    log Binom(k; n, p) = -log(n+1) - log B(k+1, n-k+1) + k log p + (n-k) log(1-p).
    The curve is a sawtooth in p; Wald's falls far below the nominal level
    near 0 and 1 [1]_.

    Examples
    --------
    With n = 10 and p = 1/2 the Wald interval contains p for k = 3, ..., 7
    only, so C(1/2) = 1 - 2 (1 + 10 + 45)/2^10 = 912/1024:

    >>> c = coverage_exact([0.5], 10, methods="wald").coverage["wald"]
    >>> round(float(c[0]), 12), 912 / 1024
    (0.890625, 0.890625)
    """
    p, n, tables = _coverage_args(p, n, methods, level, a, b)
    k = np.arange(n + 1, dtype=np.float64)
    log_pmf = (
        -np.log(n + 1.0)
        - special.betaln(k + 1.0, n - k + 1.0)
        + special.xlogy(k, p[:, None])
        + special.xlog1py(n - k, -p[:, None])
    )
    pmf = np.exp(log_pmf)  # shape (m, n + 1)
    coverage = {}
    for method, (lo, hi) in tables.items():
        inside = (lo <= p[:, None]) & (p[:, None] <= hi)
        coverage[method] = np.sum(pmf, axis=1, where=inside)
    return Coverage(p, coverage, None)


def coverage_monte_carlo(
    p, n, *, methods=INTERVAL_METHODS, level=0.95, a=1.0, b=1.0, n_rep=2000, seed=0
) -> Coverage:
    """Monte Carlo estimate of the coverage computed exactly by :func:`coverage_exact`.

    Parameters
    ----------
    p, n, methods, level, a, b
        As in :func:`coverage_exact`.
    n_rep : int, default 2000
        Simulated samples per true p, ``1 <= n_rep <= MAX_REPLICATIONS``.
    seed : int, default 0
        Seed for ``numpy.random.default_rng``.

    Returns
    -------
    Coverage
        Estimated coverage and its standard error.

    Notes
    -----
    For each p, draws k_r ~ Binomial(n, p), r = 1..n_rep (the number of
    successes is sufficient: drawing the n Bernoulli trials and summing gives
    the same distribution), and reports ĉ = (1/n_rep) sum_r 1[p in CI(k_r)]
    with standard error sqrt(ĉ (1 - ĉ) / n_rep).

    Examples
    --------
    >>> mc = coverage_monte_carlo([0.3], 20, methods=("wilson",), n_rep=2000, seed=0)
    >>> exact = coverage_exact([0.3], 20, methods=("wilson",))
    >>> bool(abs(mc.coverage["wilson"][0] - exact.coverage["wilson"][0]) < 4 * mc.se["wilson"][0])
    True
    """
    p, n, tables = _coverage_args(p, n, methods, level, a, b)
    n_rep = check_int(n_rep, "n_rep", lo=1, hi=MAX_REPLICATIONS)
    rng = np.random.default_rng(check_seed(seed))
    draws = rng.binomial(n, p[:, None], size=(p.size, n_rep))
    coverage, se = {}, {}
    for method, (lo, hi) in tables.items():
        c = np.mean((lo[draws] <= p[:, None]) & (p[:, None] <= hi[draws]), axis=1)
        coverage[method] = c
        se[method] = np.sqrt(c * (1.0 - c) / n_rep)
    return Coverage(p, coverage, se)
