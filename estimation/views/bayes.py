"""What each section of the Bayes page draws, from its widgets' values.

=====================  =========================  ==================================================
section                function                   result
=====================  =========================  ==================================================
posterior              :func:`posterior`          :class:`PosteriorView`: prior × likelihood →
                                                  posterior, the estimates and intervals tables
one observation        :func:`one_at_a_time`      :class:`StepView`: the posterior after the first
at a time                                         t observations and the path over t
coverage               :func:`coverage`           :class:`CoverageView`: exact and Monte Carlo
                                                  coverage of the interval recipes, its table
=====================  =========================  ==================================================

The mathematics is :mod:`estimation.bayes`; here are the page's choices: the
data (Bernoulli draws from the page's seed, or typed counts spread evenly by
:func:`spread_successes`), the plotting grids and the top of the density
axis, the true-p grid of the coverage curves, the tables as records with
neutral keys (the page names the rows and columns in its language), rounded
as shown.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from estimation import bayes, sampling
from estimation.coverage import Coverage, coverage_exact, coverage_monte_carlo
from estimation._validation import check_counts, check_int, check_level, check_probability, check_real

__all__ = [
    "COVERAGE_DIGITS",
    "COVERAGE_P",
    "DIGITS",
    "ESTIMATES",
    "INTERVALS",
    "MAX_N",
    "CoverageView",
    "Path",
    "PosteriorView",
    "StepView",
    "coverage",
    "observations",
    "one_at_a_time",
    "posterior",
    "spread_successes",
]

#: Largest number of trials the page's views take (the path has one point per trial).
MAX_N = 10_000
#: Uniform midpoints of [0, 1] in every plotting grid, and extra points per zoomed density.
_GRID_UNIFORM = 150
_GRID_ZOOM = 80
#: True-p grid of the coverage curves (the ends 0 and 1 are left out: there every
#: recipe is degenerate).
COVERAGE_P = np.linspace(0.005, 0.995, 199)
#: Rows of the estimates table and of the intervals table, in order.
ESTIMATES = ("mle", "map", "mean", "sd", "prior_mean")
INTERVALS = ("equal_tailed", "hdi", "wald", "wilson")
#: Decimals shown in the estimates/intervals tables and in the coverage table.
DIGITS = 4
COVERAGE_DIGITS = 3
#: Most observations written out in the one-at-a-time sequence (older ones are cut, "…").
SEQUENCE_SHOWN = 60


# --------------------------------------------------------------------------- #
# The data and the plotting grids
# --------------------------------------------------------------------------- #
def spread_successes(k, n) -> np.ndarray:
    """``k`` ones spread as evenly as possible over ``n`` positions.

    Parameters
    ----------
    k, n : int
        Successes and trials, ``0 <= k <= n``, ``n >= 1``.

    Returns
    -------
    x : ndarray of shape (n,), float64
        0/1 observations with ``x.sum() == k``.

    Notes
    -----
    x_i = floor((i + 1) k / n) - floor(i k / n), i = 0, ..., n - 1 (integer
    arithmetic), so the first t observations hold floor(t k / n) successes: the
    running proportion stays within 1/t of k/n. Typed counts carry no order;
    this one makes the one-at-a-time path representative. The final posterior
    does not depend on the order (:func:`estimation.bayes.sequential_update`).

    Examples
    --------
    >>> spread_successes(3, 10)
    array([0., 0., 0., 1., 0., 0., 1., 0., 0., 1.])
    """
    k_arr, n = check_counts(k, n, n_min=1)
    if np.ndim(k_arr):
        raise ValueError(f"k must be a single count, got {k!r}")
    k = int(k_arr)
    i = np.arange(n + 1, dtype=np.int64)
    return np.diff(i * k // n).astype(np.float64)


def observations(n, *, k=None, p=None, seed=None) -> tuple[np.ndarray, float | None]:
    """The page's 0/1 data: ``n`` simulated draws (``p``, ``seed``) or ``k`` typed successes.

    Parameters
    ----------
    n : int
        Trials, ``1 <= n <= MAX_N``.
    k : int, optional
        Typed data: ``0 <= k <= n`` successes, placed by :func:`spread_successes`.
    p : float, optional
        Simulated data: the true success probability in [0, 1]; the ``n``
        observations are ``sampling.draw("bernoulli", {"p": p}, n, seed)``.
        Give exactly one of ``k`` and ``p``.
    seed : int, optional
        Seed of the simulated data (required with ``p``).

    Returns
    -------
    x : ndarray of shape (n,)
        The observations in order.
    truth : float or None
        ``p`` for simulated data, None for typed counts.
    """
    n = check_int(n, "n", lo=1, hi=MAX_N)
    if k is not None and p is not None:
        raise ValueError("k and p exclude each other: give k (typed counts) or p (simulated data)")
    if k is None and p is None:
        raise ValueError("k or p is required: k for typed counts, p for simulated data")
    if p is None:
        return spread_successes(k, n), None
    if seed is None:
        raise ValueError("seed is required with p (simulated data)")
    truth = check_probability(p, "p")
    return sampling.draw("bernoulli", {"p": truth}, n, seed), truth


def _prior(a, b) -> tuple[float, float]:
    return check_real(a, "a", lo=0.0, lo_open=True), check_real(b, "b", lo=0.0, lo_open=True)


def _plot_grid(*shapes: tuple[float, float]) -> np.ndarray:
    """Plotting grid on (0, 1): uniform midpoints plus a dense stretch per density.

    For each Beta(α, β) in ``shapes``, ``_GRID_ZOOM`` points span its central
    1 - 1e-6 mass, so a posterior of width 1/sqrt(n) is drawn smoothly at any n.
    The points 1e-6 and 1 - 1e-6 bring the curves to the edges; points closer
    than 1e-12 to an edge are dropped, which keeps every density with shapes
    >= 0.1 below about 1e11 (finite in a chart's JSON).
    """
    parts = [(np.arange(_GRID_UNIFORM) + 0.5) / _GRID_UNIFORM, np.array([1e-6, 1.0 - 1e-6])]
    for alpha, beta in shapes:
        lo, hi = bayes.equal_tailed_interval(alpha, beta, 1.0 - 1e-6)
        parts.append(np.linspace(lo, hi, _GRID_ZOOM))
    p = np.unique(np.concatenate(parts))
    return p[(p >= 1e-12) & (p <= 1.0 - 1e-12)]


def _y_top(p: np.ndarray, curves) -> float:
    """Top of a density chart: 8 % above the highest *bounded* curve on the grid ``p``.

    ``curves`` holds ``(values, alpha, beta)``. A Beta density with a shape < 1
    is unbounded at an edge: it is left out (the chart clips it), unless every
    curve is unbounded; then the top is the highest value inside the central
    99 % of each density's mass.
    """
    peaks = [float(np.max(v)) for v, alpha, beta in curves if alpha >= 1.0 and beta >= 1.0]
    if not peaks:
        for v, alpha, beta in curves:
            lo, hi = bayes.equal_tailed_interval(alpha, beta, 0.99)
            peaks.append(float(np.max(v, where=(p >= lo) & (p <= hi), initial=0.0)))
    return 1.08 * max(peaks)


def _rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else round(float(value), digits)


def _interval_row(key: str, lo: float, hi: float) -> dict:
    return {"interval": key, "lower": round(lo, DIGITS), "upper": round(hi, DIGITS), "width": round(hi - lo, DIGITS)}


# --------------------------------------------------------------------------- #
# Section "posterior": prior × likelihood → posterior, estimates, intervals
# --------------------------------------------------------------------------- #
@dataclass(frozen=True, slots=True)
class PosteriorView:
    """Everything the posterior section shows for one prior and one data set (see :func:`posterior`).

    Attributes
    ----------
    a, b : float
        Prior Beta(a, b).
    x : ndarray of shape (n,)
        The 0/1 observations in order.
    k, n : int
        Successes and trials.
    truth : float or None
        The true p of simulated data (None for typed counts).
    a_post, b_post : float
        Posterior Beta(a + k, b + n - k).
    prior_mean, mle, mean, sd : float
        a/(a + b); k/n; posterior mean and standard deviation.
    map : estimation.bayes.PosteriorMode
        Posterior mode (MAP) and its kind.
    intervals : dict of str to (float, float)
        ``"equal_tailed"`` and ``"hdi"`` (credible, from the posterior),
        ``"wald"`` (not clipped) and ``"wilson"`` (confidence, from k and n).
    level : float
        Level of every interval.
    curves : estimation.bayes.Densities
        Prior, normalised likelihood and posterior on a plotting grid.
    y_top : float
        Top of the density axis: 8 % above the highest bounded curve (a
        density with a shape < 1 is unbounded at an edge and gets clipped).
    estimates : tuple of dict
        The estimates table: ``{"estimate": key, "value": v}`` for the keys
        :data:`ESTIMATES`, rounded to ``DIGITS`` decimals.
    interval_rows : tuple of dict
        The intervals table: ``{"interval": key, "lower", "upper", "width"}``
        for the keys :data:`INTERVALS`, rounded to ``DIGITS`` decimals.
    extreme : str or None
        ``"all"`` when k = n, ``"none"`` when k = 0 (the MLE sits on an edge
        and the page says what the posterior makes of it), else None.
    """

    a: float
    b: float
    x: np.ndarray
    k: int
    n: int
    truth: float | None
    a_post: float
    b_post: float
    prior_mean: float
    mle: float
    map: bayes.PosteriorMode
    mean: float
    sd: float
    intervals: dict[str, tuple[float, float]]
    level: float
    curves: bayes.Densities
    y_top: float
    estimates: tuple[dict, ...]
    interval_rows: tuple[dict, ...]
    extreme: str | None


def posterior(a, b, n, *, k=None, p=None, seed=None, level=0.95) -> PosteriorView:
    """Prior, data, posterior and every summary the posterior section shows, in one call.

    Parameters
    ----------
    a, b : float
        Prior shape parameters, > 0.
    n, k, p, seed
        The data, as in :func:`observations`.
    level : float, default 0.95
        Level of the credible and confidence intervals, in (0, 1).

    Returns
    -------
    PosteriorView

    Notes
    -----
    Posterior Beta(a + k, b + n - k) (:func:`~estimation.bayes.beta_update`);
    its mean, sd, mode, equal-tailed interval and HDI; the MLE k/n with the
    Wald and Wilson intervals; the densities of the prior, the normalised
    likelihood Beta(k + 1, n - k + 1) and the posterior on a grid that zooms
    in on each. With n >= 1 the posterior has a shape >= 1, so it is never
    U-shaped or flat and its HDI is one interval.
    """
    a, b = _prior(a, b)
    check_int(n, "n", lo=1, hi=MAX_N)
    level = check_level(level)
    x, truth = observations(n, k=k, p=p, seed=seed)
    n, k = x.size, int(x.sum())  # exact: a sum of 0/1 values
    a_post, b_post = a + k, b + (n - k)
    lo, hi = bayes.equal_tailed_interval(a_post, b_post, level)
    intervals = {
        "equal_tailed": (float(lo), float(hi)),
        "hdi": tuple(map(float, bayes.hdi(a_post, b_post, level).pieces[0])),
        "wald": tuple(map(float, bayes.wald_interval(k, n, level))),
        "wilson": tuple(map(float, bayes.wilson_interval(k, n, level))),
    }
    grid = _plot_grid((a, b), (k + 1.0, n - k + 1.0), (a_post, b_post))
    curves = bayes.densities(a, b, k, n, grid)
    mode = bayes.posterior_mode(a_post, b_post)
    values = {
        "mle": float(bayes.mle(k, n)), "map": mode.value, "mean": float(bayes.posterior_mean(a_post, b_post)),
        "sd": float(np.sqrt(bayes.posterior_variance(a_post, b_post))), "prior_mean": float(bayes.posterior_mean(a, b)),
    }
    return PosteriorView(
        a=a, b=b, x=x, k=k, n=n, truth=truth, a_post=a_post, b_post=b_post,
        prior_mean=values["prior_mean"], mle=values["mle"], map=mode, mean=values["mean"], sd=values["sd"],
        intervals=intervals, level=level, curves=curves,
        y_top=_y_top(grid, [(curves.prior, a, b), (curves.likelihood, k + 1.0, n - k + 1.0),
                            (curves.posterior, a_post, b_post)]),
        estimates=tuple({"estimate": key, "value": _rounded(values[key], DIGITS)} for key in ESTIMATES),
        interval_rows=tuple(_interval_row(key, *intervals[key]) for key in INTERVALS),
        extreme="all" if k == n else "none" if k == 0 else None,
    )


# --------------------------------------------------------------------------- #
# Section "one observation at a time": the step t and the path
# --------------------------------------------------------------------------- #
@dataclass(frozen=True, slots=True)
class Path:
    """The posterior after each of the first t observations, t = 0, ..., n.

    Attributes
    ----------
    t : ndarray of int, shape (n + 1,)
    successes : ndarray of shape (n + 1,)
        k_t, successes among the first t observations.
    mean : ndarray of shape (n + 1,)
        Posterior mean (a + k_t)/(a + b + t); at t = 0 the prior mean.
    lo, hi : ndarray of shape (n + 1,)
        Equal-tailed credible interval of Beta(a + k_t, b + t - k_t).
    mle : ndarray of shape (n + 1,)
        k_t / t, NaN at t = 0 (no data, no MLE).
    """

    t: np.ndarray
    successes: np.ndarray
    mean: np.ndarray
    lo: np.ndarray
    hi: np.ndarray
    mle: np.ndarray


@dataclass(frozen=True, slots=True)
class StepView:
    """The posterior after the first ``t`` observations, against the prior and the final one; the path.

    Attributes
    ----------
    t, k : int
        Observations used and successes among them.
    a, b : float
        Posterior Beta(a + k, b + t - k) after them.
    mean : float
    interval : tuple of float
        Equal-tailed credible interval.
    p, prior, posterior, final : ndarray
        Plotting grid and the prior, the posterior after t and the posterior
        after all n observations on it.
    y_top : float
        Top of the density axis (as :attr:`PosteriorView.y_top`).
    level : float
        Level of the credible intervals.
    n : int
        All observations.
    truth : float or None
        The true p of simulated data.
    path : Path
        The posterior after each observation, t = 0..n.
    sequence : str
        The first t observations as 0/1 digits, at most the last
        :data:`SEQUENCE_SHOWN` of them (then preceded by "…"); "∅" for t = 0.
    """

    t: int
    k: int
    a: float
    b: float
    mean: float
    interval: tuple[float, float]
    p: np.ndarray
    prior: np.ndarray
    posterior: np.ndarray
    final: np.ndarray
    y_top: float
    level: float
    n: int
    truth: float | None
    path: Path
    sequence: str


def one_at_a_time(a, b, n, *, k=None, p=None, seed=None, t=None, level=0.95) -> StepView:
    """The posterior after the first ``t`` observations and its path over t, for the step section.

    Parameters
    ----------
    a, b, n, k, p, seed, level
        As in :func:`posterior`.
    t : int, optional
        Observations used, ``0 <= t <= n`` (default ``n``).

    Returns
    -------
    StepView

    Notes
    -----
    The path is :func:`~estimation.bayes.sequential_update`, a_t = a + k_t,
    b_t = b + t - k_t, with its means and equal-tailed intervals; the step
    view shows the prior, Beta(a_t, b_t) and the final Beta(a + k, b + n - k)
    on a grid that zooms in on each.
    """
    a, b = _prior(a, b)
    check_int(n, "n", lo=1, hi=MAX_N)
    level = check_level(level)
    x, truth = observations(n, k=k, p=p, seed=seed)
    n = x.size
    t = n if t is None else check_int(t, "t", lo=0, hi=n)
    a_seq, b_seq = bayes.sequential_update(a, b, x)
    successes = np.concatenate(([0.0], np.cumsum(x)))  # k_t, exact: sums of 0/1 values
    steps = np.arange(n + 1)
    lo, hi = bayes.equal_tailed_interval(a_seq, b_seq, level)
    mle = np.divide(successes, steps, out=np.full(n + 1, np.nan), where=steps > 0)
    path = Path(steps, successes, bayes.posterior_mean(a_seq, b_seq), lo, hi, mle)

    a_t, b_t = float(a_seq[t]), float(b_seq[t])
    k_t, k = int(successes[t]), int(successes[-1])
    a_post, b_post = float(a_seq[-1]), float(b_seq[-1])
    grid = _plot_grid((a, b), (a_t, b_t), (a_post, b_post))
    at_t = bayes.densities(a, b, k_t, t, grid)
    final = bayes.densities(a, b, k, n, grid).posterior
    shown = "".join(str(int(v)) for v in x[max(0, t - SEQUENCE_SHOWN):t]) or "∅"
    return StepView(
        t=t, k=k_t, a=a_t, b=b_t, mean=float(path.mean[t]), interval=(float(lo[t]), float(hi[t])),
        p=grid, prior=at_t.prior, posterior=at_t.posterior, final=final,
        y_top=_y_top(grid, [(at_t.prior, a, b), (at_t.posterior, a_t, b_t), (final, a_post, b_post)]),
        level=level, n=n, truth=truth, path=path, sequence=("…" if t > SEQUENCE_SHOWN else "") + shown,
    )


# --------------------------------------------------------------------------- #
# Section "coverage": the frequentist check of the interval recipes
# --------------------------------------------------------------------------- #
@dataclass(frozen=True, slots=True)
class CoverageView:
    """Exact coverage curves, their Monte Carlo check, one-number summaries and their table.

    Attributes
    ----------
    exact : estimation.coverage.Coverage
        On :data:`COVERAGE_P`.
    monte_carlo : estimation.coverage.Coverage
        On every ``stride``-th point of :data:`COVERAGE_P`, with standard errors.
    n_rep : int
        Simulated data sets per true p in the Monte Carlo check.
    level : float
        Nominal level of every interval.
    mean, minimum : dict of str to float
        Average and smallest exact coverage over :data:`COVERAGE_P`, by method.
    table : tuple of dict
        ``{"method": m, "mean": ..., "worst": ...}`` per method of
        :data:`~estimation.coverage.INTERVAL_METHODS`, rounded to ``COVERAGE_DIGITS`` decimals.
    """

    exact: Coverage
    monte_carlo: Coverage
    n_rep: int
    level: float
    mean: dict[str, float]
    minimum: dict[str, float]
    table: tuple[dict, ...]


def coverage(n, a=1.0, b=1.0, *, level=0.95, n_rep=2000, seed=0, stride=4) -> CoverageView:
    """Coverage of the credible, Wald and Wilson intervals as a function of the true p.

    Parameters
    ----------
    n : int
        Trials per data set, ``1 <= n <= estimation.coverage.MAX_COVERAGE_N``.
    a, b : float, default 1.0
        Prior of the credible (equal-tailed) interval, > 0.
    level : float, default 0.95
        Nominal level of every interval.
    n_rep : int, default 2000
        Simulated data sets per true p in the Monte Carlo check.
    seed : int, default 0
        Seed of the Monte Carlo check.
    stride : int, default 4
        The check runs on every ``stride``-th point of :data:`COVERAGE_P`.

    Returns
    -------
    CoverageView

    Notes
    -----
    :func:`~estimation.coverage.coverage_exact` on :data:`COVERAGE_P` and
    :func:`~estimation.coverage.coverage_monte_carlo` on ``COVERAGE_P[::stride]``,
    methods :data:`~estimation.coverage.INTERVAL_METHODS`; ``mean`` is
    (1/m) sum_j C(p_j) and ``minimum`` min_j C(p_j) over the m grid points.
    """
    stride = check_int(stride, "stride", lo=1, hi=COVERAGE_P.size)
    exact = coverage_exact(COVERAGE_P, n, level=level, a=a, b=b)
    mc = coverage_monte_carlo(COVERAGE_P[::stride], n, level=level, a=a, b=b, n_rep=n_rep, seed=seed)
    mean = {m: float(np.mean(c)) for m, c in exact.coverage.items()}
    minimum = {m: float(np.min(c)) for m, c in exact.coverage.items()}
    return CoverageView(
        exact=exact, monte_carlo=mc, n_rep=int(n_rep), level=check_level(level), mean=mean, minimum=minimum,
        table=tuple({"method": m, "mean": round(mean[m], COVERAGE_DIGITS), "worst": round(minimum[m], COVERAGE_DIGITS)}
                    for m in exact.coverage),
    )
