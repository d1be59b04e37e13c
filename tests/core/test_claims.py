"""The pages' statements, checked against the mathematics they describe (issue 16).

Each test reproduces a counter-example to a statement a page used to make for
every setting, with the lab's core *and* an independent oracle (scipy, a closed
form or brute force), and then reads the corrected text in both languages: it
no longer states the false universal and carries its qualifying phrase (and,
where the text quotes numbers, those numbers are the computed ones). So the
prose and the mathematics cannot drift apart again.
"""

from __future__ import annotations

import ast
import itertools
import math
from fractions import Fraction

import numpy as np
import pytest
from scipy import optimize, special, stats

from estimation import bayes, coverage, logistic, sampling, separation
from estimation import estimators as E
from estimation import optimizers as O
from estimation.naive_likelihood import naive_likelihood
from estimation.views import bayes as views_bayes
from lab.strings import STRINGS
from tests.conftest import ROOT
from tests.core.test_views_likelihood import report as likelihood_report  # every section's view of one data set


def text(key: str) -> tuple[str, str]:
    return STRINGS[key]["en"], STRINGS[key]["ja"]


# ============================================================ 1. estimator bias: "most estimates fall below σ²"
ESTIMATOR_BIAS_SIZES = (2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 50, 100, 200, 500, 1_000)  # the page's N choices


def _bernoulli_p_below_by_enumeration(p: float, n: int) -> float:
    """P(S² < σ²) over all 2ᴺ outcomes, S² from the core's estimator."""
    outcomes = np.array(list(itertools.product((0.0, 1.0), repeat=n)))
    s2 = E.variance_estimate(outcomes, "n_minus_1")
    k = outcomes.sum(axis=1)
    prob = p**k * (1.0 - p) ** (n - k)
    return float(prob[s2 < p * (1.0 - p)].sum())


def _bernoulli_p_below_closed_form(p: float, n: int) -> float:
    """The same from scipy's binomial pmf and S² = N/(N − 1) · p̂(1 − p̂), written out by hand."""
    k = np.arange(n + 1)
    s2 = n / (n - 1) * (k / n) * (1 - k / n)
    return float(stats.binom.pmf(k, n, p)[s2 < p * (1 - p)].sum())


@pytest.mark.parametrize(("p", "n", "expected"), [(0.3, 4, 0.7**4 + 0.3**4), (0.5, 4, 2 / 16)])
def test_bernoulli_s2_mostly_above_sigma2(p, n, expected):
    exact = _bernoulli_p_below_by_enumeration(p, n)
    # 1e-12: sums of at most 16 products of 4 factors each
    assert exact == pytest.approx(_bernoulli_p_below_closed_form(p, n), abs=1e-12)
    assert exact == pytest.approx(expected, abs=1e-12)
    assert exact < 0.5  # "most estimates fall below σ²" is false here
    # and the page's Monte Carlo agrees (4 standard errors of a proportion over R draws)
    r = E.simulate("bernoulli", {"p": p}, n, 20_000, 0)
    mc = np.mean(r.values["n_minus_1"] < p * (1 - p))
    assert abs(mc - exact) < 4 * math.sqrt(exact * (1 - exact) / 20_000)


def test_gaussian_s2_mostly_below_sigma2_for_every_page_size():
    # (N − 1)S²/σ² ~ χ²_{N−1}, whose median is below its mean N − 1
    probs = [stats.chi2.cdf(n - 1, n - 1) for n in ESTIMATOR_BIAS_SIZES]
    assert all(q > 0.5 for q in probs)
    p5 = stats.chi2.cdf(4, 4)
    r = E.simulate("gaussian", {"sigma2": 1.0}, 5, 20_000, 0)
    mc = np.mean(r.values["n_minus_1"] < 1.0)
    assert abs(mc - p5) < 4 * math.sqrt(p5 * (1 - p5) / 20_000)
    en, ja = text("estimator_bias.notice")
    assert f"P(S² < σ²) ≈ {p5:.2f}" in en and f"P(S² < σ²) ≈ {p5:.2f}" in ja


@pytest.mark.parametrize(("population", "params"), [
    ("exponential", {"scale": 1.0}), ("student_t", {"nu": 4.5, "scale": 1.0}), ("student_t", {"nu": 30.0, "scale": 1.0}),
])
@pytest.mark.parametrize("n", [2, 5, 10, 20])
def test_skewed_and_heavy_tailed_populations_behave_like_the_gaussian_at_small_n(population, params, n):
    # No closed form for these: Monte Carlo, and the claim must clear 0.5 by > 4 standard errors.
    r = E.simulate(population, params, n, 20_000, 1)
    sigma2 = E.POPULATIONS[population].moments(params).variance
    frac = np.mean(r.values["n_minus_1"] < sigma2)
    assert frac > 0.5 + 4 * math.sqrt(0.25 / 20_000)


def test_estimator_bias_notice_says_which_populations():
    en, ja = text("estimator_bias.notice")
    assert "every distribution is skewed right" not in en and "どの分布も右に裾" not in ja
    assert "Gaussian data" in en and "0/1 data need not" in en
    assert "正規分布のデータでは" in ja and "0/1 データはそうとは限りません" in ja
    assert f"{_bernoulli_p_below_closed_form(0.5, 4):.0%}".replace("%", " %") in en  # "12 %"
    assert "12 %" in ja


# ============================================================ 5. estimator bias: "(MLE)" on the 1/N label
def test_one_over_n_is_the_mle_for_gaussian_and_bernoulli_only():
    x = np.random.default_rng(3).exponential(2.0, 50)
    _, scale_hat = stats.expon.fit(x, floc=0)  # the exponential MLE of the scale is x̄
    mle_variance = scale_hat**2  # invariance: Var = scale²
    assert scale_hat == pytest.approx(np.mean(x), rel=1e-9)
    assert abs(E.variance_estimate(x, "n") - mle_variance) > 0.1 * mle_variance  # 1/N is not it

    g = np.random.default_rng(4).normal(1.0, 2.0, 50)
    _, sigma_hat = stats.norm.fit(g)  # scipy's Gaussian MLE
    assert E.variance_estimate(g, "n") == pytest.approx(sigma_hat**2, rel=1e-12)

    b = (np.random.default_rng(5).random(50) < 0.3).astype(float)
    p_hat = E.proportion(b)  # the Bernoulli MLE of p; by invariance p̂(1 − p̂) is the MLE of the variance
    assert E.variance_estimate(b, "n") == pytest.approx(p_hat * (1 - p_hat), rel=1e-12)

    en, ja = text("estimator_bias.label.n")
    assert "Gaussian MLE" in en and "(MLE, biased)" not in en
    assert "正規分布の最尤推定量" in ja


# ============================================================ smaller: "its variance estimate p̂(1 − p̂)"
@pytest.mark.parametrize(("p", "n"), [(0.3, 5), (0.5, 12), (0.05, 40)])
def test_plug_in_p_hat_estimates_p_one_minus_p_with_the_n_bias(p, n):
    k = np.arange(n + 1)
    outcomes = (np.arange(n)[None, :] < k[:, None]).astype(float)  # one sample with k ones per row
    p_hat = E.proportion(outcomes)
    pmf = stats.binom.pmf(k, n, p)
    expect_plugin = float(np.sum(pmf * p_hat * (1 - p_hat)))
    var_p_hat = float(np.sum(pmf * (p_hat - p) ** 2))
    assert expect_plugin == pytest.approx((n - 1) / n * p * (1 - p), rel=1e-12)  # estimates p(1 − p), biased
    assert var_p_hat == pytest.approx(p * (1 - p) / n, rel=1e-12)  # Var[p̂] carries the 1/N
    assert abs(expect_plugin - var_p_hat) > 0.5 * var_p_hat  # p̂(1 − p̂) is not an estimate of Var[p̂]
    en, ja = text("estimator_bias.prop_text")
    assert "estimates p(1 − p)" in en and "(not of p̂)" in en and "p̂(1 − p̂)/N" in en
    assert "p(1 − p) の推定値" in ja and "p̂(1 − p̂)/N" in ja


# ============================================================ 2. Bayes: "every observation ... narrows it"
def test_a_surprising_observation_widens_the_posterior():
    before, after = math.sqrt(bayes.posterior_variance(2, 10)), math.sqrt(bayes.posterior_variance(3, 10))
    assert before == pytest.approx(stats.beta.std(2, 10), rel=1e-12)
    assert after == pytest.approx(stats.beta.std(3, 10), rel=1e-12)
    assert after > before
    for en_or_ja in text("bayes.notice"):
        assert f"{before:.3f}" in en_or_ja and f"{after:.3f}" in en_or_ja


def test_posterior_widens_at_the_quoted_steps_with_seed_0_and_the_page_defaults():
    rep = views_bayes.one_at_a_time(2.0, 2.0, 10, p=0.2, seed=0)  # weak prior, p = 0.2, n = 10 (the page's defaults)
    a = 2.0 + rep.path.successes
    b = 2.0 + rep.path.t - rep.path.successes
    sd = stats.beta.std(a, b)
    np.testing.assert_allclose(np.sqrt(bayes.posterior_variance(a, b)), sd, rtol=1e-12)
    widens = list(np.nonzero(np.diff(sd) > 0)[0] + 1)
    assert widens == [5, 10]
    width = stats.beta.ppf(0.975, a, b) - stats.beta.ppf(0.025, a, b)  # the band drawn against t
    np.testing.assert_allclose(rep.path.hi - rep.path.lo, width, rtol=1e-9)  # 1e-9: two quantile solvers
    assert list(np.nonzero(np.diff(width) > 0)[0] + 1) == [5, 10]
    en, ja = text("bayes.notice")
    assert "seed 0" in en and "t = 5 and t = 10" in en
    assert "シード 0" in ja and "t = 5 と t = 10" in ja


@pytest.mark.parametrize(("a", "b"), [(2.0, 10.0), (1.0, 1.0), (0.5, 0.5), (20.0, 20.0), (3.0, 40.0)])
def test_posterior_narrows_on_average(a, b):
    # E over the next observation x ~ Bernoulli(a/(a+b)) of Var[p | x] < Var[p] (law of total variance)
    m = a / (a + b)
    expected_after = m * stats.beta.var(a + 1, b) + (1 - m) * stats.beta.var(a, b + 1)
    assert expected_after < stats.beta.var(a, b)
    core_after = m * bayes.posterior_variance(a + 1, b) + (1 - m) * bayes.posterior_variance(a, b + 1)
    assert core_after == pytest.approx(expected_after, rel=1e-12)
    en, ja = text("bayes.notice")
    assert "every observation shifts the posterior a little and narrows it" not in en
    assert "On average it narrows" in en and "平均的には狭く" in ja


# ============================================================ 6. Bayes: coverage "stays close to the nominal level"
BAYES_SIZES = (1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1_000)  # the page's n choices
Z = stats.norm.ppf(0.975)


def _coverage_oracle(n: int, a: float, b: float) -> dict[str, np.ndarray]:
    """Exact coverage on the page's p grid, from scipy's pmf, Beta quantiles and Wilson's closed form."""
    p = np.linspace(0.005, 0.995, 199)
    k = np.arange(n + 1)
    pmf = stats.binom.pmf(k[None, :], n, p[:, None])
    ph = k / n
    se = np.sqrt(ph * (1 - ph) / n)
    centre = (ph + Z**2 / (2 * n)) / (1 + Z**2 / n)
    half = Z / (1 + Z**2 / n) * np.sqrt(ph * (1 - ph) / n + Z**2 / (4 * n**2))
    bounds = {
        "equal_tailed": (stats.beta.ppf(0.025, a + k, b + n - k), stats.beta.ppf(0.975, a + k, b + n - k)),
        "wald": (ph - Z * se, ph + Z * se),
        "wilson": (centre - half, centre + half),
    }
    return {m: np.sum(pmf * ((lo <= p[:, None]) & (p[:, None] <= hi)), axis=1) for m, (lo, hi) in bounds.items()}


@pytest.mark.parametrize("n", BAYES_SIZES)
def test_coverage_close_on_average_but_dips_near_the_edges(n):
    for a, b in ((1.0, 1.0), (0.5, 0.5)):
        oracle = _coverage_oracle(n, a, b)
        core = coverage.coverage_exact(views_bayes.COVERAGE_P, n, a=a, b=b).coverage
        for method in oracle:
            # 1e-6 absolute: a p exactly on an interval end may fall either side of two quantile solvers
            np.testing.assert_allclose(core[method], oracle[method], atol=1e-6)
        mean = {m: float(np.mean(c)) for m, c in core.items()}
        for method in ("equal_tailed", "wilson"):
            assert abs(mean[method] - 0.95) < 0.03  # close on average over p
            assert abs(mean[method] - 0.95) < abs(mean["wald"] - 0.95)  # far closer than Wald
    worst = {m: float(np.min(c)) for m, c in coverage.coverage_exact(views_bayes.COVERAGE_P, n).coverage.items()}
    if n <= 3:
        assert worst["equal_tailed"] == 0.0  # the flat prior's credible interval misses p = 0.005 always
    elif n <= 20:
        assert 0.80 < worst["equal_tailed"] < 0.84
    if n <= 10:
        assert 0.79 < worst["wilson"] < 0.87


def test_coverage_text_no_longer_claims_every_p():
    en, ja = text("bayes.notice")
    assert "stay close to the nominal level." not in en and "名目の水準に近いままです。" not in ja
    assert "on average over p" in en and "worst-p column" in en and "0 at n ≤ 3" in en
    assert "p について平均すると" in ja and "最悪の p" in ja and "n ≤ 3 では 0" in ja


# ============================================================ smaller: HDI "two ends have equal density"
def test_hdi_starts_at_the_edge_when_the_mode_is_there():
    n = 10
    jeffreys_k0 = bayes.hdi(0.5 + 0, 0.5 + n)  # Jeffreys prior, k = 0
    ((lo, hi),) = jeffreys_k0.pieces
    assert lo == 0.0
    assert hi == pytest.approx(stats.beta.ppf(0.95, 0.5, 10.5), rel=1e-9)  # [0, q]; 1e-9: root finder
    assert stats.beta.pdf(lo, 0.5, 10.5) != pytest.approx(stats.beta.pdf(hi, 0.5, 10.5))  # ends differ
    ((lo2, hi2),) = bayes.hdi(9.0, 3.0).pieces  # mode inside: the ends have equal density
    assert stats.beta.pdf(lo2, 9, 3) == pytest.approx(stats.beta.pdf(hi2, 9, 3), rel=1e-8)
    en, ja = text("bayes.intervals_note")
    assert "[0, q]" in en and "peaks inside (0, 1)" in en
    assert "[0, q]" in ja and "(0, 1) の内側" in ja


# ============================================================ smaller: the score "rounding of about 10⁻¹⁵"
def test_score_at_the_mle_is_zero_only_up_to_rounding_that_grows_with_n():
    rep = likelihood_report("bernoulli", 1_000_000, truth={"p": 0.3}, seed=0)
    k, n = rep.k, rep.n
    theta = Fraction(k, n)
    assert k / theta - (n - k) / (1 - theta) == 0  # exactly zero in rational arithmetic
    shown = rep.views["p"].score_hat
    assert abs(shown) > 1e-12  # the page shows ~1e-10, far more than 10⁻¹⁵
    en, ja = text("likelihood.score_note")
    assert "10⁻¹⁵" not in en and "10⁻¹⁵" not in ja
    assert "rounding" in en and "丸め" in ja


# ============================================================ 3. likelihood: "at any other parameter value ... sooner"
FLOAT_MAX_LOG = math.log(np.finfo(np.float64).max)
FLOAT_TINY_LOG = math.log(np.finfo(np.float64).smallest_subnormal)


def _first_overflow(x, mu, sigma2):
    """First n where Σ log f exceeds log(largest float64): scipy's log-density, summed."""
    cum = np.cumsum(stats.norm.logpdf(x, mu, math.sqrt(sigma2)))
    over = np.nonzero(cum > FLOAT_MAX_LOG)[0]
    return int(over[0]) + 1 if over.size else None


def test_an_overflowing_product_overflows_later_away_from_the_mle():
    n = 2_000
    rep = likelihood_report("gaussian", n, truth={"mu": 0.0, "sigma2": 0.01}, seed=42, naive=True)
    x = sampling.draw("gaussian", {"mu": 0.0, "sigma": 0.1}, n, 42)  # the page's draw
    assert float(np.mean(x)) == pytest.approx(rep.mle["mu"], rel=1e-12)
    mu, s2 = rep.mle["mu"], rep.mle["sigma2"]
    assert rep.naive.failure == "overflow"
    firsts = []
    for factor in (1.0, 1.5, 3.0):
        core = naive_likelihood("gaussian", x, mu=mu, sigma2=factor * s2)
        assert core.failure == "overflow"
        # ±1: the running float product and the exact sum of logs may cross the limit one step apart
        assert abs(core.failure_n - _first_overflow(x, mu, factor * s2)) <= 1
        firsts.append(core.failure_n)
    assert firsts[0] == rep.naive.failure_n
    assert firsts[0] < firsts[1] < firsts[2]  # later, not sooner, away from the MLE
    away = naive_likelihood("gaussian", x, mu=mu + 0.5, sigma2=s2)
    assert away.failure == "underflow"  # or not at all: it never overflows there
    assert _first_overflow(x, mu + 0.5, s2) is None
    en, ja = text("likelihood.logs_at")
    assert "fails even sooner" not in en and "さらに早く破綻" not in ja
    assert "1.5σ̂² or 3σ̂²" in en and "1.5σ̂² や 3σ̂²" in ja


@pytest.mark.parametrize(("model", "params", "others"), [
    ("bernoulli", {"p": 0.3}, [{"p": q} for q in (0.05, 0.2, 0.29, 0.31, 0.5, 0.9)]),
    ("gaussian", {"mu": 1.0, "sigma2": 4.0}, [{"mu": 1.0 + d, "sigma2": 4.0 * f}
                                            for d in (-0.5, 0.0, 0.3) for f in (0.5, 1.0, 2.0)]),
])
def test_an_underflow_at_the_mle_by_n_is_an_underflow_everywhere(model, params, others):
    n = 5_000
    rep = likelihood_report(model, n, truth=params, seed=7, naive=True)
    assert rep.naive.failure == "underflow"
    draw_params = params if model == "bernoulli" else {"mu": params["mu"], "sigma": math.sqrt(params["sigma2"])}
    x = sampling.draw(model, draw_params, n, 7)
    for other in others:
        if model == "bernoulli":
            oracle = float(np.sum(stats.bernoulli.logpmf(x, other["p"])))
        else:
            oracle = float(np.sum(stats.norm.logpdf(x, other["mu"], math.sqrt(other["sigma2"]))))
        assert oracle < FLOAT_TINY_LOG  # the likelihood of all N is below the smallest float64 ...
        assert naive_likelihood(model, x, **other).product[-1] == 0.0  # ... and the core's product is 0


def test_never_note_names_both_ways_out_of_the_float64_range():
    threshold = 1 / (2 * math.pi * math.e)
    for sigma2, kind in ((0.8 * threshold, "overflow"), (1.25 * threshold, "underflow")):
        x = sampling.draw("gaussian", {"mu": 0.0, "sigma": math.sqrt(sigma2)}, 200_000, 0)
        mu, s2 = float(np.mean(x)), float(np.var(x))
        mean_logf = -0.5 * math.log(2 * math.pi * s2) - 0.5  # closed form at the MLE
        assert (mean_logf > 0) == (s2 < threshold)
        assert naive_likelihood("gaussian", x, mu=mu, sigma2=s2).failure == kind
    ones = naive_likelihood("bernoulli", np.zeros(5_000), p=0.0)  # every factor is 1
    assert ones.failure is None and ones.product[-1] == 1.0
    en, ja = text("likelihood.never_note")
    assert "It would underflow further on" not in en
    assert f"{threshold:.4f}" in en and f"{threshold:.4f}" in ja
    assert "overflows" in en and "オーバーフロー" in ja and "stay 1" in en and "1 のまま" in ja


# ============================================================ 4. cross-entropy: separation
X_QUASI = np.array([-1.0, 0.0, 0.0, 0.0, 1.0])
Y_QUASI = np.array([0.0, 0.0, 1.0, 1.0, 1.0])


def _j0(w: float, b: float) -> float:
    """Mean BCE written out with numpy's logaddexp: log(1 + eᶻ) − y z."""
    z = w * X_QUASI + b
    return float(np.mean(np.logaddexp(0.0, z) - Y_QUASI * z))


def _separable_latex() -> str:
    """SEPARABLE_LATEX, wherever it lives (pages/ or the views), read from the source."""
    for path in sorted([*ROOT.glob("pages/*.py"), *ROOT.glob("estimation/**/*.py"), *ROOT.glob("lab/**/*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "SEPARABLE_LATEX" for t in node.targets):
                return node.value.value
    raise AssertionError("SEPARABLE_LATEX not found")


def test_zero_direction_satisfies_the_weak_inequalities_and_changes_nothing():
    margins = (2 * Y_QUASI - 1) * (0.0 * X_QUASI + 0.0)
    assert np.all(margins >= 0)  # (w, b) = 0 passes "≥ 0 ∀i" ...
    for c in (1.0, 10.0, 1e6):
        assert logistic.bce_with_logits(c * 0.0 * X_QUASI, Y_QUASI) == pytest.approx(math.log(2), rel=1e-15)
    latex = _separable_latex()  # ... so the statement must exclude it and ask for one strict margin
    assert r"(w,b)\neq 0" in latex and r"\exists\,j:\ m_j>0" in latex and r"\nexists" in latex
    assert r"\text{" not in latex  # language-neutral: the words are in the translated caption


def test_quasi_complete_separation_ray_limit_above_the_infimum():
    assert not separation.mle_exists(X_QUASI[:, None], Y_QUASI)
    ray_limit = 3 * math.log(2) / 5
    inf_j0 = (math.log(3) + 2 * math.log(1.5)) / 5
    # along w = c, b = 0 the three points at x = 0 keep ln 2 each
    assert logistic.bce_with_logits(60.0 * X_QUASI, Y_QUASI) == pytest.approx(ray_limit, rel=1e-12)
    assert _j0(60.0, 0.0) == pytest.approx(ray_limit, rel=1e-12)
    # inf J₀: minimise over b at a large w with scipy (the two outer points cost ~e⁻⁶⁰)
    best = optimize.minimize_scalar(lambda b: _j0(60.0, b), bounds=(-5, 5), method="bounded",
                                    options={"xatol": 1e-10})
    assert best.fun == pytest.approx(inf_j0, rel=1e-9)  # 1e-9: the optimiser's tolerance in b enters squared
    assert best.x == pytest.approx(math.log(2), abs=1e-6)  # σ(b) = 2/3 on the line
    loss, _, _ = logistic.logistic_loss_grad(np.array([60.0]), math.log(2), X_QUASI[:, None], Y_QUASI)
    assert loss == pytest.approx(inf_j0, rel=1e-12)
    assert inf_j0 < ray_limit
    # the formula in the LaTeX: (#{mᵢ = 0}/N) ln 2 along the ray
    margins = (2 * Y_QUASI - 1) * X_QUASI
    assert np.count_nonzero(margins == 0) / X_QUASI.size * math.log(2) == pytest.approx(ray_limit, rel=1e-15)
    assert r"\frac{\#\{i:\ m_i=0\}}{N}\,\ln 2\ \ \ge\ \inf J_0" in _separable_latex()
    for lang_text in text("cross_entropy.separable_latex_note"):
        assert f"{ray_limit:.3f}" in lang_text and f"{inf_j0:.3f}" in lang_text


def test_l2_needs_both_classes():
    ones = np.ones(5)
    # at w = 0 the penalty is 0 and J_λ = J₀ (the core's fit refuses one class, its loss does not)
    losses = [logistic.bce_with_logits(np.full(5, b), ones) for b in (1.0, 5.0, 20.0)]
    oracle = [math.log1p(math.exp(-b)) for b in (1.0, 5.0, 20.0)]  # J_λ(0, b) = log(1 + e⁻ᵇ) → 0, never 0
    np.testing.assert_allclose(losses, oracle, rtol=1e-12)
    assert losses[0] > losses[1] > losses[2] > 0
    assert r"0<\textstyle\sum_i y_i<N" in _separable_latex()
    en, ja = text("cross_entropy.mle_missing")
    assert "both classes present" in en and "両方のクラスがあれば" in ja


def _plain_gd_nll(lr: float, epochs: int) -> np.ndarray:
    """Full-batch gradient descent on the standardised feature, written out (the oracle)."""
    xs = (X_QUASI - X_QUASI.mean()) / X_QUASI.std()
    w = b = 0.0
    out = []
    for _ in range(epochs + 1):
        z = w * xs + b
        out.append(np.mean(np.logaddexp(0.0, z) - Y_QUASI * z))
        g = special.expit(z) - Y_QUASI
        w, b = w - lr * np.mean(g * xs), b - lr * np.mean(g)
    return np.array(out)


def test_loss_keeps_falling_only_at_a_stable_learning_rate():
    X = X_QUASI[:, None]
    small = logistic.fit_logistic(X, Y_QUASI, O.SGD(lr=0.5), 200)
    np.testing.assert_allclose(small.nll, _plain_gd_nll(0.5, 200), rtol=1e-9)  # 1e-9: 200 steps of rounding
    assert np.all(np.diff(small.nll) < 0)  # falling ...
    assert small.nll[-1] > (math.log(3) + 2 * math.log(1.5)) / 5  # ... towards an infimum above 0
    large = logistic.fit_logistic(X, Y_QUASI, O.SGD(lr=100.0), 50)
    oracle = _plain_gd_nll(100.0, 50)
    np.testing.assert_allclose(large.nll[:10], oracle[:10], rtol=1e-6)  # 1e-6: the oscillation amplifies rounding
    assert np.any(np.diff(oracle) > 0) and np.any(np.diff(large.nll) > 0)  # it rises: "any learning rate" is false
    en, ja = text("ex.slip.ce_not_divergence")
    assert "With any learning rate" not in en and "どんな学習率でも" not in ja
    assert "stable learning rate" in en and "安定な学習率" in ja
    en, ja = text("cross_entropy.notice")
    assert "the loss creeps towards 0" not in en and "損失が 0 に向かって" not in ja
    assert "infimum" in en and "oscillate" in en and "下限" in ja and "振動" in ja
