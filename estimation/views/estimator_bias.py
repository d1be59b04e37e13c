"""The Estimator bias page's sections: what each one draws, from the widget values.

The page makes one cached Monte Carlo call, :func:`estimator_study` (the
population, N, R and seed chosen at page level), and hands the
:class:`EstimatorStudy` to its sections; each section turns it (and its own
widgets) into one frozen result with everything it draws:

=========================  ================================  =====================================
section                    function                          result
=========================  ================================  =====================================
header caption             :func:`population_view`           :class:`PopulationView`
sampling distributions     :func:`sampling_distributions`    :class:`DistributionsView`
bias against N             :func:`bias_against_n`            :class:`BiasView` (its own Monte Carlo)
bias–variance trade-off    :func:`mse_tradeoff`              :class:`MseView`
exact vs Monte Carlo       :func:`estimator_table`           :class:`TableView`
Bernoulli proportion p̂     :func:`proportion_view`           :class:`ProportionView` or None
=========================  ================================  =====================================

Tables are column dicts keyed by ids (``st.dataframe`` takes them as they
are; the page translates headers and row labels). The page geometry lives
here too: the shared histogram bins (:func:`bin_estimates`), the histogram
range and the density curves' grid (:func:`estimator_study`), the sizes of the
bias curve (:data:`BIAS_SIZES`, :data:`EXACT_SIZES`), and the formulas the
sections show beside their charts (``*_LATEX``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass

import numpy as np

from estimation._validation import as_finite_array, check_int, check_real
from estimation.estimators import (
    DIVISOR_KEYS,
    MEAN_KEY,
    POPULATIONS,
    VARIANCE_ESTIMATORS,
    PopulationMoments,
    exact_bias,
    exact_moments,
    optimal_divisor,
    variance_estimator_pdf,
)
from estimation.monte_carlo import bias_curve, log_spaced_sizes, simulate
from estimation.views.sampling import Histogram, histogram

__all__ = [
    "ESTIMATORS_LATEX",
    "EXPECTATION_LATEX",
    "GAUSSIAN_LATEX",
    "BIAS_LATEX",
    "MSE_LATEX",
    "GAUSSIAN_MSE_LATEX",
    "OPTIMAL_LATEX",
    "DERIVATION_LATEX",
    "PROPORTION_LATEX",
    "BIAS_DRAWS",
    "BIAS_SIZES",
    "EXACT_SIZES",
    "BinnedEstimates",
    "EstimatorStudy",
    "StudyHighlights",
    "PopulationView",
    "DistributionsView",
    "BiasView",
    "MseView",
    "TableView",
    "ProportionView",
    "bin_estimates",
    "estimator_study",
    "study_highlights",
    "population_view",
    "sampling_distributions",
    "bias_against_n",
    "mse_tradeoff",
    "estimator_table",
    "proportion_view",
]

#: The formulas beside the sections (LaTeX, language-neutral; the words are in the captions beside them).
ESTIMATORS_LATEX = (  # the four estimators
    r"\begin{gathered}\hat\sigma^2_{d}=\frac{1}{d}\sum_{n=1}^{N}(x_n-\bar x)^2,\quad d\in\{N-1,\;N,\;N+1\}\\"
    r"\hat\sigma^2_{\mu}=\frac{1}{N}\sum_{n=1}^{N}(x_n-\mu)^2,\qquad S^2=\hat\sigma^2_{N-1}\end{gathered}"
)
EXPECTATION_LATEX = (r"\mathbb{E}\big[\hat\sigma^2_{d}\big]=\frac{N-1}{d}\,\sigma^2,\qquad"
                     r"\mathbb{E}\big[\hat\sigma^2_{\mu}\big]=\sigma^2")
GAUSSIAN_LATEX = r"\frac{(N-1)S^2}{\sigma^2}\sim\chi^2_{N-1},\qquad \frac{N\hat\sigma^2_{\mu}}{\sigma^2}\sim\chi^2_{N}"
BIAS_LATEX = (r"\operatorname{bias}\big(\hat\sigma^2_{N}\big)=\mathbb{E}\big[\hat\sigma^2_{N}\big]-\sigma^2"
              r"=-\frac{\sigma^2}{N}\;\to\;0")
MSE_LATEX = (r"\operatorname{MSE}=\mathbb{E}\big[(\hat\sigma^2-\sigma^2)^2\big]"
             r"=\operatorname{Var}\big[\hat\sigma^2\big]+\operatorname{bias}^2")
GAUSSIAN_MSE_LATEX = r"\frac{2\sigma^4}{N-1}\;>\;\frac{(2N-1)\,\sigma^4}{N^2}\;>\;\frac{2\sigma^4}{N+1}"
OPTIMAL_LATEX = r"d^{*}=(N-1)\Big(1+\frac{\operatorname{Var}[S^2]}{\sigma^4}\Big)"
DERIVATION_LATEX = (  # Σ(x − μ)² splits around x̄; its expectation gives (N − 1)σ²
    r"\begin{gathered}\sum_{n=1}^{N}(x_n-\mu)^2=\sum_{n=1}^{N}(x_n-\bar x)^2+N(\bar x-\mu)^2\\"
    r"\mathbb{E}\Big[\sum_{n=1}^{N}(x_n-\bar x)^2\Big]=N\sigma^2-N\cdot\frac{\sigma^2}{N}=(N-1)\,\sigma^2\\"
    r"\Rightarrow\quad\mathbb{E}\Big[\frac{1}{N}\sum_{n=1}^{N}(x_n-\bar x)^2\Big]=\frac{N-1}{N}\,\sigma^2,"
    r"\qquad\mathbb{E}\Big[\frac{1}{N-1}\sum_{n=1}^{N}(x_n-\bar x)^2\Big]=\sigma^2\end{gathered}"
)
PROPORTION_LATEX = (
    r"\begin{gathered}\hat p=\frac{1}{N}\sum_{n=1}^{N}x_n=\frac{k}{N},\qquad k\sim\operatorname{Binomial}(N,p)\\"
    r"\mathbb{E}[\hat p]=p,\qquad\operatorname{Var}[\hat p]=\frac{p(1-p)}{N}\end{gathered}"
)

#: Monte Carlo points of the bias curve: 10 log-spaced sizes (≈ 10 ms for Gaussian data
#: at 50,000 draws each, SE ≈ σ²·0.006); the exact curve is drawn at every N in EXACT_SIZES.
BIAS_SIZES: tuple[int, ...] = tuple(log_spaced_sizes(2, 100, 10).tolist())
EXACT_SIZES: tuple[int, ...] = tuple(range(2, 101))
#: Random numbers per Monte Carlo point of the bias curve.
BIAS_DRAWS = 50_000
#: Columns of the exact-vs-Monte-Carlo table (translated by the page).
TABLE_COLUMNS = ("divisor", "mean_exact", "mean_mc", "bias_exact", "bias_mc", "bias_se",
                 "var_exact", "var_mc", "mse_exact", "mse_mc")
#: Rows of the Bernoulli proportion table.
PROPORTION_ROWS = ("mean", "var")
#: Student-t degrees of freedom up to which the page warns that MC standard errors need E[v⁴] < ∞.
HEAVY_TAIL_NU = 8.0


# --------------------------------------------------------------------------
# The study: one Monte Carlo per (population, N, R, seed)
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BinnedEstimates:
    """Histograms of several sets of estimates on shared equal-width bins.

    Attributes
    ----------
    edges : ndarray of shape (B + 1,)
        Bin edges, shared by every set.
    density : dict
        Name → ndarray of shape (B,): count_j / (R · width_j).
    outside : dict
        Name → fraction of the R values that fall in no bin.
    """

    edges: np.ndarray
    density: dict
    outside: dict


def bin_estimates(values, lo: float, hi: float, bins: int) -> BinnedEstimates:
    """Bin several sets of replicated estimates on the same equal-width bins.

    Parameters
    ----------
    values : mapping of str to array_like of shape (R,)
        One 1-D array of estimates per name (R may differ between names).
    lo, hi : float
        Range covered by the bins, lo < hi.
    bins : int
        Number of bins B, 1 ≤ B ≤ 5000.

    Returns
    -------
    BinnedEstimates

    Notes
    -----
    Bin j is [e_j, e_{j+1}) with e_j = lo + j (hi − lo)/B; the last bin also
    holds hi. density_j = count_j / (R (e_{j+1} − e_j)) with R counting
    *every* value of the set, including those outside [lo, hi], so
    Σ_j density_j (e_{j+1} − e_j) = 1 − outside: the bars sit on the same
    scale as the exact density of the whole set.
    """
    lo = check_real(lo, "lo")
    hi = check_real(hi, "hi", lo=lo, lo_open=True)
    bins = check_int(bins, "bins", lo=1, hi=5000)
    if not isinstance(values, Mapping) or not values:
        raise ValueError("values must be a non-empty mapping of names to 1-D arrays of estimates")
    edges = np.linspace(lo, hi, bins + 1)
    width = np.diff(edges)
    density, outside = {}, {}
    for key, v in values.items():
        arr = as_finite_array(v, f"values[{key!r}]", ndim=1)
        count, _ = np.histogram(arr, bins=bins, range=(lo, hi))
        density[key] = count / (arr.size * width)
        outside[key] = 1.0 - count.sum() / arr.size
    return BinnedEstimates(edges, density, outside)


@dataclass(frozen=True, slots=True)
class EstimatorStudy:
    """Everything the Estimator bias page shows for one (population, N, R, seed).

    Small (no per-replication arrays), so it is cheap to cache and copy.

    Attributes
    ----------
    population, params, n, reps, seed
        The validated inputs.
    moments : PopulationMoments
        Exact μ, σ², μ₄ of the population.
    exact : dict
        :data:`ESTIMATOR_KEYS` → :class:`EstimatorMoments` (:func:`exact_moments`).
    summary : dict
        :data:`ESTIMATOR_KEYS` → :class:`~estimation.monte_carlo.MonteCarloSummary` (:func:`~estimation.monte_carlo.simulate`).
    optimal_divisor : float
        :func:`optimal_divisor`, the MSE-optimal divisor d*.
    hist : BinnedEstimates
        The R estimates of every :data:`VARIANCE_ESTIMATORS` key on shared bins.
    curve_x : ndarray
        Points spanning the bins at which ``curves`` are evaluated.
    curves : dict or None
        Gaussian data only: :data:`VARIANCE_ESTIMATORS` key → exact density
        (:func:`variance_estimator_pdf`) at ``curve_x``; None otherwise.
    proportion_hist : estimation.views.sampling.Histogram or None
        Bernoulli data only: the R values of p̂ = k/N, one bin per k, with
        the exact pmf P(p̂ = k/N) = C(N, k) p^k (1 − p)^{N−k}; None otherwise.
    """

    population: str
    params: dict
    n: int
    reps: int
    seed: int
    moments: PopulationMoments
    exact: dict
    summary: dict
    optimal_divisor: float
    hist: BinnedEstimates
    curve_x: np.ndarray
    curves: dict | None
    proportion_hist: Histogram | None


def estimator_study(
    population: str, params, n: int, reps: int, seed: int, *,
    max_bins: int = 60, tail: float = 0.005, max_ratio: float = 4.0, grid: int = 120,
) -> EstimatorStudy:
    """Simulate, bin and pair with exact results: one call per page view.

    Parameters
    ----------
    population, params, n, reps, seed
        As in :func:`~estimation.monte_carlo.simulate` (same samples). For bernoulli data N ≤ 10,000
        (the limit of :func:`estimation.views.sampling.histogram` for the p̂ pmf).
    max_bins : int, default 60
        Largest number of histogram bins (10 … 5000).
    tail : float, default 0.005
        Fraction of each estimator's values allowed to fall off each end of
        the histogram range (0 ≤ tail < 0.5).
    max_ratio : float, default 4.0
        The histogram range ends at most at ``max_ratio``·σ² (≥ 1), so that
        long right tails at small N do not squeeze the bulk into a few bins;
        ``hist.outside`` reports what falls beyond.
    grid : int, default 120
        Points of the exact density curves (2 … 5000).

    Returns
    -------
    EstimatorStudy

    Notes
    -----
    Histogram range: lo = min over the variance estimators of their
    ``tail`` quantile and of their exact expectations; hi = max(σ²,
    min(q, ``max_ratio``·σ²)) with q the largest of their 1 − ``tail``
    quantiles. So σ² and every E[σ̂²] are inside, and heavy right tails at
    small N (exponential or Student-t data, N = 2) do not squeeze the bulk
    into a few bins.
    Bins: the Rice rule ⌈2 R^{1/3}⌉ clipped to [10, ``max_bins``]. The
    curves start at the first bin centre lo + w/2, since for N = 2 the
    densities centred at x̄ (χ²₁, scaled) are infinite at 0.
    """
    sim = simulate(population, params, n, reps, seed)
    max_bins = check_int(max_bins, "max_bins", lo=10, hi=5000)
    tail = check_real(tail, "tail", lo=0.0, hi=0.5, hi_open=True)
    max_ratio = check_real(max_ratio, "max_ratio", lo=1.0)
    grid = check_int(grid, "grid", lo=2, hi=5000)
    mom = POPULATIONS[sim.population].moments(sim.params)
    exact = exact_moments(sim.population, sim.params, sim.n)
    var_values = {key: sim.values[key] for key in VARIANCE_ESTIMATORS}
    quantiles = np.array([np.quantile(v, [tail, 1.0 - tail]) for v in var_values.values()])
    lo = min(quantiles[:, 0].min(), min(exact[key].mean for key in VARIANCE_ESTIMATORS))
    hi = max(min(quantiles[:, 1].max(), max_ratio * mom.variance), mom.variance)
    bins = int(np.clip(np.ceil(2.0 * sim.reps ** (1.0 / 3.0)), 10, max_bins))
    hist = bin_estimates(var_values, lo, hi, bins)
    curve_x = np.linspace(lo + 0.5 * (hi - lo) / bins, hi, grid)
    curves = None
    if sim.population == "gaussian":
        curves = {key: variance_estimator_pdf(key, curve_x, sim.n, mom.variance) for key in VARIANCE_ESTIMATORS}
    proportion_hist = None
    if sim.population == "bernoulli":
        k = np.rint(sim.values[MEAN_KEY] * sim.n)  # p̂ = k/N exactly (0/1 sums are exact)
        h = histogram(k, "binomial", {"n": sim.n, "p": sim.params["p"]})
        proportion_hist = Histogram(h.left / sim.n, h.right / sim.n, h.count, h.density, h.exact,
                                    h.curve_x / sim.n, h.curve_y)
    return EstimatorStudy(
        population=sim.population, params=sim.params, n=sim.n, reps=sim.reps, seed=sim.seed,
        moments=mom, exact=exact, summary=sim.summary,
        optimal_divisor=optimal_divisor(sim.population, sim.params, sim.n),
        hist=hist, curve_x=curve_x, curves=curves, proportion_hist=proportion_hist,
    )


@dataclass(frozen=True, slots=True)
class StudyHighlights:
    """The sentences of the Estimator bias page, as numbers (:func:`study_highlights`)."""

    outside: float
    best: str
    biased_wins: bool


def study_highlights(study: EstimatorStudy) -> StudyHighlights:
    """What the page says about one :class:`EstimatorStudy`.

    Parameters
    ----------
    study : EstimatorStudy

    Returns
    -------
    StudyHighlights
        ``outside``: the largest fraction of one variance estimator's R values
        beyond the histogram range; ``best``: the :data:`DIVISOR_KEYS` key with
        the smallest exact MSE (the first one on a tie); ``biased_wins``:
        whether the biased 1/N estimator has a smaller exact MSE than S².

    Notes
    -----
    outside = max_k ``study.hist.outside[k]`` over :data:`VARIANCE_ESTIMATORS`;
    best = argmin_{d ∈ {N−1, N, N+1}} MSE(σ̂²_d);
    biased_wins = MSE(σ̂²_N) < MSE(σ̂²_{N−1}).
    """
    if not isinstance(study, EstimatorStudy):
        raise ValueError(f"study must be an EstimatorStudy, got {type(study).__name__}")
    mse = {key: study.exact[key].mse for key in DIVISOR_KEYS}
    return StudyHighlights(
        outside=max(study.hist.outside[key] for key in VARIANCE_ESTIMATORS),
        best=min(DIVISOR_KEYS, key=mse.__getitem__),
        biased_wins=bool(mse["n"] < mse["n_minus_1"]),
    )


def _records(moments: Mapping) -> dict:
    """Estimator key → its numbers as a plain dict (for the share box's JSON)."""
    return {key: asdict(value) for key, value in moments.items()}


# --------------------------------------------------------------------------
# One view per section
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PopulationView:
    """The caption beside the sliders: the population's exact moments.

    ``heavy_tail``: Student-t data with ν ≤ :data:`HEAVY_TAIL_NU`, where the
    Monte Carlo standard errors of variance and MSE (they need E[v⁴] < ∞)
    are unreliable.
    """

    mean: float
    sigma2: float
    kurtosis: float
    heavy_tail: bool


def population_view(study: EstimatorStudy) -> PopulationView:
    """The population caption of ``study``."""
    mom = study.moments
    heavy = study.population == "student_t" and study.params["nu"] <= HEAVY_TAIL_NU
    return PopulationView(mom.mean, mom.variance, mom.excess_kurtosis, heavy)


@dataclass(frozen=True, slots=True)
class DistributionsView:
    """The sampling-distributions section.

    Attributes
    ----------
    keys : tuple of str
        The estimators to draw (:data:`VARIANCE_ESTIMATORS` order); empty when none is chosen.
    expectations : dict
        Key → exact E[σ̂²] (the dashed lines).
    sigma2 : float
        The true σ² (the reference line).
    hist, curve_x, curves
        As in :class:`EstimatorStudy`.
    gaussian : bool
        Whether exact densities are drawn (and χ² formulas shown).
    outside : float
        Largest share of one estimator's values beyond the histogram range.
    at_n : dict
        The numbers of the sentence under the chart: ``n``, ``nm1`` (N − 1),
        ``sigma2``, ``mean`` = E[σ̂²_N] and ``bias`` of the 1/N estimator.
    """

    keys: tuple[str, ...]
    expectations: dict
    sigma2: float
    hist: BinnedEstimates
    curve_x: np.ndarray
    curves: dict | None
    gaussian: bool
    outside: float
    at_n: dict


def sampling_distributions(study: EstimatorStudy, show) -> DistributionsView:
    """The histograms of the estimators in ``show`` (any order; unknown keys are ignored)."""
    keys = tuple(k for k in VARIANCE_ESTIMATORS if k in set(show))
    one_over_n = study.exact["n"]
    sigma2 = study.moments.variance
    return DistributionsView(
        keys=keys, expectations={k: study.exact[k].mean for k in keys}, sigma2=sigma2, hist=study.hist,
        curve_x=study.curve_x, curves=study.curves, gaussian=study.curves is not None,
        outside=study_highlights(study).outside,
        at_n={"n": study.n, "nm1": study.n - 1, "sigma2": sigma2, "mean": one_over_n.mean, "bias": one_over_n.bias},
    )


@dataclass(frozen=True, slots=True)
class BiasView:
    """The bias-against-N section: Monte Carlo points with standard errors and the exact curve.

    Attributes
    ----------
    ns, bias, bias_se : ndarray
        The Monte Carlo bias of the 1/N estimator at :data:`BIAS_SIZES`.
    exact_ns, exact : ndarray
        The exact bias −σ²/N at every N of :data:`EXACT_SIZES`.
    draws : int
        Random numbers per Monte Carlo point (:data:`BIAS_DRAWS`).
    """

    ns: np.ndarray
    bias: np.ndarray
    bias_se: np.ndarray
    exact_ns: tuple[int, ...]
    exact: np.ndarray
    draws: int

    def marker(self, n: int) -> int | None:
        """The page's N, marked on the curve when it lies inside the plotted sizes."""
        return n if n <= self.exact_ns[-1] else None


def bias_against_n(population: str, params, seed: int) -> BiasView:
    """Bias of the 1/N estimator against N (does not depend on the page's N or R)."""
    curve = bias_curve(population, params, BIAS_SIZES, seed, draws_per_n=BIAS_DRAWS)
    exact = exact_bias(population, params, EXACT_SIZES)
    return BiasView(curve.ns, curve.bias, curve.bias_se, EXACT_SIZES, exact, BIAS_DRAWS)


@dataclass(frozen=True, slots=True)
class MseView:
    """The bias–variance trade-off section.

    Attributes
    ----------
    keys : tuple of str
        :data:`DIVISOR_KEYS`.
    exact, summary : dict
        Key → exact :class:`~estimation.estimators.EstimatorMoments` and Monte Carlo
        :class:`~estimation.monte_carlo.MonteCarloSummary`.
    biased_wins : bool
        MSE(1/N) < MSE(1/(N − 1)).
    best : str
        The key with the smallest exact MSE.
    sentence : dict
        ``mse_n``, ``mse_unbiased``, ``mse_best`` (and the page adds the best's label).
    optimal_divisor : float
        d*, the MSE-optimal divisor; ``np1`` = N + 1 to compare with.
    """

    keys: tuple[str, ...]
    exact: dict
    summary: dict
    biased_wins: bool
    best: str
    sentence: dict
    optimal_divisor: float
    np1: int


def mse_tradeoff(study: EstimatorStudy) -> MseView:
    """MSE = Var + bias² of SS/d for d ∈ {N − 1, N, N + 1}, exact and Monte Carlo."""
    h = study_highlights(study)
    exact = {k: study.exact[k] for k in DIVISOR_KEYS}
    sentence = {"mse_n": exact["n"].mse, "mse_unbiased": exact["n_minus_1"].mse, "mse_best": exact[h.best].mse}
    return MseView(DIVISOR_KEYS, exact, {k: study.summary[k] for k in DIVISOR_KEYS}, h.biased_wins, h.best,
                   sentence, study.optimal_divisor, study.n + 1)


@dataclass(frozen=True, slots=True)
class TableView:
    """The exact-against-Monte-Carlo table and the numbers the share box records.

    Attributes
    ----------
    table : dict
        Columns for ``st.dataframe``: ``estimator`` (the
        :data:`VARIANCE_ESTIMATORS` keys) and :data:`TABLE_COLUMNS`.
    record : dict
        σ², d*, and every estimator's exact and Monte Carlo numbers.
    """

    table: dict
    record: dict


def estimator_table(study: EstimatorStudy) -> TableView:
    """Divisor, mean, bias (with its SE), variance and MSE of every variance estimator, exact and Monte Carlo."""
    rows = tuple(VARIANCE_ESTIMATORS)
    exact, mc = study.exact, study.summary
    table = {
        "estimator": list(rows),
        "divisor": [VARIANCE_ESTIMATORS[k].divisor(study.n) for k in rows],
        "mean_exact": [exact[k].mean for k in rows],
        "mean_mc": [mc[k].mean for k in rows],
        "bias_exact": [exact[k].bias for k in rows],
        "bias_mc": [mc[k].bias for k in rows],
        "bias_se": [mc[k].bias_se for k in rows],
        "var_exact": [exact[k].variance for k in rows],
        "var_mc": [mc[k].variance for k in rows],
        "mse_exact": [exact[k].mse for k in rows],
        "mse_mc": [mc[k].mse for k in rows],
    }
    record = {"sigma2": study.moments.variance, "optimal_divisor": study.optimal_divisor,
              "exact": _records(exact), "monte_carlo": _records(mc)}
    return TableView(table, record)


@dataclass(frozen=True, slots=True)
class ProportionView:
    """The Bernoulli section: the R values of p̂ = k/N against their exact pmf, and E, Var of p̂.

    ``table``: columns ``row`` (:data:`PROPORTION_ROWS`), ``theory``
    (p, p(1 − p)/N) and ``sample`` (Monte Carlo mean and variance of p̂).
    """

    hist: Histogram
    table: dict


def proportion_view(study: EstimatorStudy) -> ProportionView | None:
    """The proportion section for Bernoulli data; None for any other population."""
    if study.proportion_hist is None:
        return None
    exact, mc = study.exact[MEAN_KEY], study.summary[MEAN_KEY]
    table = {"row": list(PROPORTION_ROWS), "theory": [exact.mean, exact.variance], "sample": [mc.mean, mc.variance]}
    return ProportionView(study.proportion_hist, table)
