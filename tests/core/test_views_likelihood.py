"""Tests of estimation.views.likelihood: what each section of the Likelihood page draws.

Oracles: scipy.stats log-densities summed over the sample (brute force), the
lab's draw (estimation.sampling.draw), plain Python loops for the float64
product, closed forms for 8 of 10.
"""

from __future__ import annotations

import json
import math
from types import SimpleNamespace

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from numpy.testing import assert_allclose
from scipy import stats

from estimation import likelihood as lk
from estimation import likelihood_intervals as li
from estimation import sampling
from estimation.naive_likelihood import naive_likelihood
from estimation.views import likelihood as views
from tests.core.test_likelihood import GOOD_X, Q95, SETTINGS, Z95, gaussian_sample

def report(model, n, *, naive=False, **data):
    """Every section's view of one data set, as the page would show them (ParamViews of every parameter)."""
    s = views.summary_view(model, n, **data)
    return SimpleNamespace(
        n=s.n, k=s.k, mle=s.mle, truth=s.truth, loglik_max=s.loglik_max,
        views={p: views.curves_view(model, n, **data, param=p).view for p in s.params},
        naive=views.logs_view(model, n, **data).naive if naive else None,
    )


def _report(model, n, seed=0, naive=False, **truth):
    return report(model, n, truth=truth, seed=seed, naive=naive)


def _bernoulli_ll(x, p):
    """Brute force: Σ log f(x_i) with scipy, broadcast over p."""
    return stats.bernoulli.logpmf(np.asarray(x)[:, None], np.atleast_1d(p)[None, :]).sum(axis=0)


def _gauss_ll(x, mu, s2):
    mu, s2 = np.broadcast_arrays(np.atleast_1d(mu), np.atleast_1d(s2))
    return stats.norm.logpdf(np.asarray(x)[:, None], mu[None, :], np.sqrt(s2)[None, :]).sum(axis=0)


def test_report_for_8_of_10_matches_the_closed_forms():
    r = report("binomial", 10, k=8)
    v = r.views["theta"]
    assert r.mle == {"theta": 0.8} and r.truth is None and (r.n, r.k) == (10, 8)
    assert_allclose(r.loglik_max, stats.binom.logpmf(8, 10, 0.8), rtol=1e-12)
    assert v.window == (0.0, 1.0)  # few trials: the whole parameter range
    assert_allclose(v.loglik, stats.binom.logpmf(8, 10, v.theta), rtol=1e-9)
    assert v.lik_exponent == 0
    assert_allclose(v.lik, stats.binom.pmf(8, 10, v.theta), rtol=1e-9, atol=1e-300)
    assert abs(v.score_hat) < 1e-12  # the score k/θ − (n−k)/(1−θ) vanishes at 0.8
    assert_allclose(v.information, 10 / (0.8 * 0.2), rtol=1e-12)
    assert_allclose(v.se, np.sqrt(0.8 * 0.2 / 10), rtol=1e-12)
    se = np.sqrt(0.016)
    assert_allclose(v.wald, (0.8 - Z95 * se, 0.8 + Z95 * se), rtol=1e-12)
    assert v.wald[1] > 1.0  # the Wald interval leaves [0, 1]; the LR one does not
    assert 0.0 < v.lr[0] < 0.8 < v.lr[1] < 1.0
    for end in v.lr:
        assert_allclose(2 * (stats.binom.logpmf(8, 10, 0.8) - stats.binom.logpmf(8, 10, end)), Q95, rtol=1e-9)
    assert v.sharp_sizes == (10, 100, 1000, 10000) and v.sharp_k == (8, 80, 800, 8000)
    assert v.tangent_truth is None and v.tangent_hat[2] == pytest.approx(v.tangent_hat[3], abs=1e-12)


@pytest.mark.parametrize("model", ["bernoulli", "binomial"])
@pytest.mark.parametrize("n,p,seed", [(50, 0.3, 1), (2000, 0.8, 2), (7, 0.05, 3)])
def test_report_proportions_use_the_sampling_draw(model, n, p, seed):
    name = "p" if model == "bernoulli" else "theta"
    r = _report(model, n, seed, **{name: p})
    x = sampling.draw("bernoulli", {"p": p}, n, seed)
    k = int(x.sum())
    assert (r.n, r.k, r.truth) == (n, k, {name: p})
    assert r.mle[name] == k / n
    v = r.views[name]
    const = math.log(math.comb(n, k)) if model == "binomial" else 0.0  # exact integer C(n, k)
    inside = (v.theta > 0) & (v.theta < 1)
    assert_allclose(v.loglik[inside], _bernoulli_ll(x, v.theta[inside]) + const, rtol=1e-9)
    assert_allclose(r.loglik_max, _bernoulli_ll(x, k / n)[0] + const, rtol=1e-9, atol=1e-12)
    assert_allclose(v.loglik_truth, _bernoulli_ll(x, p)[0] + const, rtol=1e-9)
    assert_allclose(v.score_truth, (k - n * p) / (p * (1 - p)), rtol=1e-12)  # the correct (minus) sign
    assert v.window[0] <= min(p, k / n) and v.window[1] >= max(p, k / n)


@pytest.mark.parametrize("n,mu,s2,seed", [(100, 1.5, 2.0, 0), (5, -3.0, 0.01, 1), (20_000, 0.0, 9.0, 2)])
def test_report_gaussian_slices_match_scipy(n, mu, s2, seed):
    r = _report("gaussian", n, seed, mu=mu, sigma2=s2)
    x = sampling.draw("gaussian", {"mu": mu, "sigma": np.sqrt(s2)}, n, seed)
    mu_hat, scale = stats.norm.fit(x)
    assert_allclose([r.mle["mu"], r.mle["sigma2"]], [mu_hat, scale**2], rtol=1e-9)
    vm, vs = r.views["mu"], r.views["sigma2"]
    # sums of N terms: absolute slack ~ eps x Σ|terms| (see the surface test above)
    tol = 1e-12 * np.abs(stats.norm.logpdf(x, mu_hat, scale)).sum()
    assert_allclose(vm.loglik, _gauss_ll(x, vm.theta, scale**2), rtol=1e-9, atol=tol)
    assert_allclose(vs.loglik, _gauss_ll(x, mu_hat, vs.theta), rtol=1e-9, atol=tol)
    assert_allclose(r.loglik_max, _gauss_ll(x, mu_hat, scale**2)[0], rtol=1e-9, atol=tol)
    assert_allclose(vm.information, n / scale**2, rtol=1e-9)
    assert_allclose(vs.information, n / (2 * scale**4), rtol=1e-9)
    # the score at the truth against central differences of scipy's log-likelihood
    for v, f in ((vm, lambda t: _gauss_ll(x, t, scale**2)[0]), (vs, lambda t: _gauss_ll(x, mu_hat, t)[0])):
        h = 1e-5 * max(abs(v.truth), 1.0)
        fd = (f(v.truth + h) - f(v.truth - h)) / (2 * h)
        assert_allclose(v.score_truth, fd, rtol=1e-5, atol=1e-6 * max(1.0, abs(f(v.truth))) / h)
        assert abs(v.score_hat) <= 1e-9 * v.information * max(1.0, abs(v.theta_hat))
        assert v.window[0] <= min(v.truth, v.theta_hat) and v.window[1] >= max(v.truth, v.theta_hat)
    assert vs.window[0] > 0.0


@pytest.mark.parametrize("model,truth", [("bernoulli", {"p": 0.3}), ("gaussian", {"mu": 0.0, "sigma2": 1.0})])
def test_sharper_curves_are_nested_prefixes(model, truth):
    n, seed = 5000, 4
    r = report(model, n, truth=truth, seed=seed)
    dist = {"p": truth.get("p")} if model == "bernoulli" else {"mu": 0.0, "sigma": 1.0}
    x = sampling.draw(model, dist, n, seed)
    for v in r.views.values():
        assert v.sharp_sizes == (10, 100, 1000, 5000)
        widths = []
        for m in v.sharp_sizes:
            sel = v.sharp_size == m
            t, rel = v.sharp_theta[sel], v.sharp_rel[sel]
            xm = x[:m]
            if model == "bernoulli":
                brute = _bernoulli_ll(xm, t) - _bernoulli_ll(xm, xm.mean())[0]
            elif v.param == "mu":
                brute = _gauss_ll(xm, t, xm.var()) - _gauss_ll(xm, xm.mean(), xm.var())[0]
            else:
                brute = _gauss_ll(xm, xm.mean(), t) - _gauss_ll(xm, xm.mean(), xm.var())[0]
            assert_allclose(rel, brute, rtol=1e-7, atol=1e-9)  # differences of sums of m terms
            assert rel.max() <= 1e-12 and rel.min() >= -views.SHARP_DROP - 1e-6
            widths.append(t.max() - t.min())
        assert widths[0] > widths[1] > widths[2] > widths[3]  # more data, sharper peak


@pytest.mark.parametrize("k,n", [(8, 10), (0, 12), (450, 1000)])
def test_quadratic_view_is_the_taylor_parabola(k, n):
    v = report("binomial", n, k=k).views["theta"]
    finite = np.isfinite(v.quad_q)
    j = n / (k / n * (1 - k / n)) if 0 < k < n else np.inf
    assert_allclose(v.quad_q[finite], -0.5 * j * (v.quad_theta[finite] - k / n) ** 2, rtol=1e-12, atol=1e-300)
    inside = (v.quad_theta >= 0) & (v.quad_theta <= 1)
    assert np.all(np.isnan(v.quad_rel[~inside]))
    brute = stats.binom.logpmf(k, n, v.quad_theta[inside]) - stats.binom.logpmf(k, n, k / n)
    assert_allclose(v.quad_rel[inside], brute, rtol=1e-9, atol=1e-12)
    assert v.quad_theta.min() <= v.wald[0] and v.quad_theta.max() >= v.wald[1]
    assert_allclose(v.lr_drop, Q95 / 2, rtol=1e-12)
    if 0 < k < n:  # the parabola crosses ℓ̂ − 1.92 exactly at the Wald endpoints
        assert_allclose(-0.5 * j * (np.array(v.wald) - k / n) ** 2, -Q95 / 2, rtol=1e-9)
    else:
        assert v.wald == (k / n, k / n) and v.information == np.inf and v.se == 0.0


def test_likelihood_curve_is_rescaled_by_a_power_of_ten():
    r = _report("gaussian", 1_000_000, 0, mu=0.0, sigma2=1.0)
    v = r.views["mu"]
    assert v.lik_exponent == int(np.floor(r.loglik_max / np.log(10)))
    # lik = exp(ℓ − e ln 10) in [0, 10); the raw exp(ℓ) would be 0.0
    assert np.exp(r.loglik_max) == 0.0
    assert 1.0 <= v.lik.max() < 10.0
    assert_allclose(np.log(v.lik), v.loglik - v.lik_exponent * np.log(10), rtol=1e-12)


@pytest.mark.parametrize("model,truth,n", [
    ("bernoulli", {"p": 0.5}, 3000),
    ("gaussian", {"mu": 1.0, "sigma2": 2.0}, 3000),
    ("gaussian", {"mu": 0.0, "sigma2": 0.01}, 3000),  # densities > 1: the product overflows
    ("bernoulli", {"p": 0.3}, 200),  # too short to fail
])
def test_naive_view_against_a_python_loop(model, truth, n):
    r = report(model, n, truth=truth, seed=5, naive=True)
    nv = r.naive
    if model == "bernoulli":
        x = sampling.draw("bernoulli", truth, n, 5)
        p = r.mle["p"]
        dens = [p if xi == 1 else 1 - p for xi in x]
        logs = stats.bernoulli.logpmf(x, p)
    else:
        x = sampling.draw("gaussian", {"mu": truth["mu"], "sigma": np.sqrt(truth["sigma2"])}, n, 5)
        m, s2 = r.mle["mu"], r.mle["sigma2"]
        dens = [np.exp(-((xi - m) ** 2) / (2 * s2)) / np.sqrt(2 * np.pi * s2) for xi in x]
        logs = stats.norm.logpdf(x, m, np.sqrt(s2))
    prod, products, failure = 1.0, [], None
    with np.errstate(under="ignore", over="ignore"):
        for i, d in enumerate(dens, 1):
            prod *= d
            products.append(prod)
            if failure is None and (prod == 0.0 or prod == np.inf):
                failure = i
    assert nv.failure_n == failure
    if failure is not None:
        assert {failure - 1, failure} <= set(nv.n.tolist())
        assert nv.failure == ("overflow" if products[failure - 1] == np.inf else "underflow")
        assert np.isfinite(nv.loglik_at_failure)
    assert nv.n[0] == 1 and nv.n[-1] == n and np.all(np.diff(nv.n) > 0) and nv.n.size <= 402
    assert_allclose(nv.log10_lik, np.cumsum(logs)[nv.n - 1] / np.log(10), rtol=1e-9, atol=1e-9)
    with np.errstate(divide="ignore"):
        assert_allclose(nv.log10_product, np.log10(np.array(products)[nv.n - 1]), rtol=1e-12)
    assert nv.product_last == products[-1]
    assert r.loglik_max == pytest.approx(np.sum(logs), rel=1e-9)
    assert not hasattr(views.curves_view(model, n, truth=truth, seed=5), "naive")  # only the "why logs" section has it


def test_naive_view_of_typed_counts_spreads_the_successes():
    r = report("binomial", 3000, k=900, naive=True)
    spread = views._spread(900, 3000)
    assert spread.sum() == 900 and set(np.unique(spread)) == {0.0, 1.0}
    assert np.all(np.abs(np.cumsum(spread) - np.arange(1, 3001) * 0.3) < 1)  # evenly spread
    res = naive_likelihood("bernoulli", spread, p=0.3)
    assert r.naive.failure_n == res.failure_n is not None


def test_gaussian_surface_matches_brute_force_and_bounds_the_heatmap():
    x = gaussian_sample(7, n=40)
    mu_hat, s2_hat = lk.gaussian_mle(x)
    surf = views.gaussian_surface(x, (mu_hat - 1, mu_hat + 1), (0.3 * s2_hat, 3 * s2_hat), grid=30, cells=12)
    assert surf.rel.shape == (30, 30) and (surf.grid, surf.cells) == (30, 12)
    mm, ss = np.meshgrid(surf.mu, surf.sigma2)
    brute = _gauss_ll(x, mm.ravel(), ss.ravel()).reshape(mm.shape) - _gauss_ll(x, mu_hat, s2_hat)[0]
    assert_allclose(surf.rel, brute, rtol=1e-9, atol=1e-10)
    assert surf.cell_rel.size == 144
    centres_mu = 0.5 * (surf.cell_mu_lo + surf.cell_mu_hi)
    centres_s2 = 0.5 * (surf.cell_sigma2_lo + surf.cell_sigma2_hi)
    assert_allclose(surf.cell_rel, _gauss_ll(x, centres_mu, centres_s2) - _gauss_ll(x, mu_hat, s2_hat)[0],
                    rtol=1e-9, atol=1e-10)
    assert_allclose(surf.cell_mu_lo.min(), mu_hat - 1) and surf.cell_mu_hi.max() == pytest.approx(mu_hat + 1)
    assert_allclose(surf.levels, [-8.0, -4.5, -2.0, -0.5])
    assert set(np.unique(surf.contours["level"])) <= set(surf.levels)
    assert surf.floor == -views.VIEW_DROP
    big = views.gaussian_surface(lk.gaussian_stats(x), (-1, 3), (0.5, 8), grid=200)
    assert big.cells == 48 and big.cell_rel.size + big.contours["x"].size <= 4800


@pytest.mark.parametrize(
    "call,name",
    [
        (lambda: report("poisson", 10, truth={"p": 0.5}, seed=0), "model"),
        (lambda: report("bernoulli", 0, truth={"p": 0.5}, seed=0), "n"),
        (lambda: report("bernoulli", 1_000_001, truth={"p": 0.5}, seed=0), "n"),
        (lambda: report("bernoulli", 10, truth={"theta": 0.5}, seed=0), "truth"),
        (lambda: report("bernoulli", 10, truth={"p": 1.5}, seed=0), "p"),
        (lambda: report("gaussian", 10, truth={"mu": 0.0, "sigma2": 0.0}, seed=0), "sigma2"),
        (lambda: report("bernoulli", 10, truth={"p": 0.5}), "seed"),
        (lambda: report("gaussian", 10, k=3), "k"),
        (lambda: report("binomial", 10, k=3, truth={"theta": 0.5}), "truth"),
        (lambda: report("binomial", 10, k=11), "k"),
        (lambda: report("gaussian", 1, truth={"mu": 0.0, "sigma2": 1.0}, seed=0), "x"),
        (lambda: views.gaussian_surface(GOOD_X, (1.0, 0.0), (0.5, 2.0)), "mu_range"),
        (lambda: views.gaussian_surface(GOOD_X, (0.0, 1.0), (0.0, 2.0)), "sigma2_range"),
        (lambda: views.gaussian_surface(GOOD_X, (0.0, 1.0), (0.5, 2.0), grid=501), "grid"),
        (lambda: views.gaussian_surface(GOOD_X, (0.0, 1.0), (0.5, 2.0), cells=71), "cells"),
    ],
)
def test_report_and_surface_reject_invalid_arguments(call, name):
    with pytest.raises(ValueError, match=name):
        call()


@SETTINGS
@given(n=st.integers(1, 3000), p=st.floats(0.01, 0.99), seed=st.integers(0, 2**32 - 1))
def test_report_window_holds_the_peak_and_the_truth_property(n, p, seed):
    v = report("bernoulli", n, truth={"p": p}, seed=seed).views["p"]
    lo, hi = v.window
    assert 0.0 <= lo <= min(p, v.theta_hat) and max(p, v.theta_hat) <= hi <= 1.0
    step = v.theta[1] - v.theta[0]
    assert abs(v.theta[np.nanargmax(v.loglik)] - v.theta_hat) <= step  # the grid peaks at the MLE
    assert v.loglik.max() <= v.loglik_hat + 1e-9 * max(1.0, abs(v.loglik_hat))
    assert v.floor < v.loglik_hat


# ---------------------------------------------------------------------------
# fits_float64 (the "scaled" caption)
# ---------------------------------------------------------------------------
def _math_fits(loglik: float) -> bool:
    try:
        return math.exp(loglik) > 0.0
    except OverflowError:
        return False


@given(st.floats(min_value=-800.0, max_value=800.0))
def test_fits_float64_agrees_with_math_exp(loglik):
    assert views.fits_float64(loglik) is _math_fits(loglik)


def test_fits_float64_edges_and_arrays():
    tiny, huge = math.log(np.finfo(float).smallest_subnormal), math.log(np.finfo(float).max)
    assert views.fits_float64(tiny + 0.01) and not views.fits_float64(tiny - 1.0)
    assert views.fits_float64(huge - 1e-9) and not views.fits_float64(huge + 1e-9)
    got = views.fits_float64([-np.inf, -1000.0, 0.0, 1000.0, np.inf])
    assert got.tolist() == [False, False, True, False, False]
    with pytest.raises(ValueError, match="loglik"):
        views.fits_float64(float("nan"))
    with pytest.raises(ValueError, match="loglik"):
        views.fits_float64(object())


def test_fits_float64_matches_the_pages_examples():
    # 8 of 10: L(θ̂) ≈ 0.30 fits; 10⁶ Bernoulli draws: ℓ̂ ≈ −6·10⁵ underflows
    assert views.fits_float64(views.summary_view("binomial", 10, k=8).loglik_max)
    big = views.curves_view("bernoulli", 1_000_000, truth={"p": 0.3}, seed=1)
    assert not views.fits_float64(big.view.loglik_hat) and not big.lik_fits_float64


# ---------------------------------------------------------------------------
# the interval table (the "sharper peak" section)
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("k, n", [(8, 10), (0, 7), (50, 50), (333, 1000)])
def test_interval_table_matches_the_interval_functions(k, n):
    table = views.sharpen_view("binomial", n, k=k).intervals
    assert set(table) == {"wald", "lr"}
    for name, oracle in (("wald", li.binomial_wald_interval(k, n)), ("lr", li.binomial_lr_interval(k, n))):
        lo, hi, width = table[name]
        assert (lo, hi) == pytest.approx(oracle, rel=1e-12, abs=1e-15)
        assert width == hi - lo >= 0.0


def test_interval_table_gaussian_and_bad_input():
    sharp = views.sharpen_view("gaussian", 500, truth={"mu": 1.0, "sigma2": 2.0}, seed=4, param="sigma2")
    lo, hi, width = sharp.intervals["wald"]
    assert width == pytest.approx(2 * 1.959963984540054 * sharp.view.se, rel=1e-9)
    assert lo < views.summary_view("gaussian", 500, truth={"mu": 1.0, "sigma2": 2.0}, seed=4).mle["sigma2"] < hi
    with pytest.raises(ValueError, match="param"):
        views.sharpen_view("gaussian", 500, truth={"mu": 1.0, "sigma2": 2.0}, seed=4, param="theta")


# ---------------------------------------------------------------------------
# one view per section: what each draws beyond the ParamView
# ---------------------------------------------------------------------------
DATA = [
    ("binomial", 10, {"k": 8}),
    ("binomial", 7, {"k": 0}),
    ("bernoulli", 1000, {"truth": {"p": 0.3}, "seed": 3}),
    ("binomial", 50, {"truth": {"theta": 0.7}, "seed": 5}),
    ("gaussian", 2000, {"truth": {"mu": 1.5, "sigma2": 4.0}, "seed": 11}),
]


@pytest.mark.parametrize("model, n, data", DATA)
def test_summary_is_the_first_parameters_numbers_for_the_share_box(model, n, data):
    s = views.summary_view(model, n, **data)
    first = lk.MODELS[model].params[0]
    assert s.params == tuple(p.name for p in lk.MODELS[model].params) and s.param == first.name
    assert s.hats == {p.name: p.hat for p in lk.MODELS[model].params}
    assert s.size == ("n" if model == "binomial" else "N")
    assert s.sections == (("curves", "surface", "logs", "sharpen") if model == "gaussian"
                          else ("curves", "logs", "sharpen"))  # the surface needs two parameters
    if model == "gaussian":
        x = sampling.draw("gaussian", {"mu": 1.5, "sigma": 2.0}, n, 11)
        mu_hat, scale = stats.norm.fit(x)  # scipy's MLE: σ̂ divides by N
        assert_allclose([s.mle["mu"], s.mle["sigma2"]], [mu_hat, scale**2], rtol=1e-9)
        assert_allclose(s.loglik_max, stats.norm.logpdf(x, mu_hat, scale).sum(), rtol=1e-9)
        assert_allclose(s.se, math.sqrt(scale**2 / n), rtol=1e-9)
        assert_allclose(s.wald, li.gaussian_wald_interval(x, "mu"), rtol=1e-12)
        assert_allclose(s.lr, li.gaussian_lr_interval(x, "mu"), rtol=1e-12)
    else:
        k = s.k
        const = math.log(math.comb(n, k)) if model == "binomial" else 0.0
        assert s.mle == {first.name: k / n}
        assert_allclose(s.loglik_max, stats.binom.logpmf(k, n, k / n) - math.log(math.comb(n, k)) + const,
                        rtol=1e-9, atol=1e-12)
        assert_allclose(s.se, math.sqrt(k / n * (1 - k / n) / n), rtol=1e-12)
        assert s.wald == li.binomial_wald_interval(k, n) and s.lr == li.binomial_lr_interval(k, n)
    curves = views.curves_view(model, n, **data)  # the first parameter by default, like the share box
    assert (curves.view.param, curves.view.se, curves.view.wald, curves.view.lr) == (s.param, s.se, s.wald, s.lr)


@pytest.mark.parametrize("model, n, data", DATA)
def test_curves_table_and_caption_numbers(model, n, data):
    params = [p.name for p in lk.MODELS[model].params]
    for name in params:
        c = views.curves_view(model, n, **data, param=name)
        p = lk.MODELS[model].param(name)
        v = c.view
        assert (c.symbol, c.hat, v.param) == (p.symbol, p.hat, name)
        table = c.table({"mle": "at the MLE", "truth": "at the truth"}, ("θ", "ℓ", "score"))
        json.dumps(table)  # plain lists of str and float, ready for st.dataframe
        rows = ["at the MLE"] + ([] if v.truth is None else ["at the truth"])
        assert list(table) == ["", "θ", "ℓ", "score"] and table[""] == rows
        assert table["θ"][0] == v.theta_hat and table["ℓ"][0] == v.loglik_hat and table["score"][0] == v.score_hat
        if v.truth is not None:
            assert [table[c][1] for c in ("θ", "ℓ", "score")] == [v.truth, v.loglik_truth, v.score_truth]
        # L(θ) = lik × 10^e: the exponent in superscript, "" when L is drawn as it is
        assert c.power == ("" if v.lik_exponent == 0 else str(v.lik_exponent).translate(
            str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")))
        assert c.lik_fits_float64 == (0.0 < math.exp(max(v.loglik_hat, -800.0)) < math.inf)
        assert c.boundary == (v.information == np.inf)
        assert c.latex_lik == lk.MODELS[model].latex_lik and c.latex_loglik == lk.MODELS[model].latex_loglik
        for line in (*lk.MODELS[model].latex_score, *lk.MODELS[model].latex_mle):
            assert line in c.latex_score
    if model == "binomial" and data.get("k") == 0:
        assert views.curves_view(model, n, **data).boundary  # θ̂ = 0: the boundary note, not the score note


def test_the_score_formula_has_the_minus_sign():
    assert r"\frac{k}{\theta}-\frac{n-k}{1-\theta}" in views.curves_view("binomial", 10, k=8).latex_score


@pytest.mark.parametrize("model, n, data", DATA)
def test_sharpen_sizes_and_interval_table(model, n, data):
    for name in [p.name for p in lk.MODELS[model].params]:
        sh = views.sharpen_view(model, n, **data, param=name)
        v = sh.view
        assert sh.sizes == tuple(f"{m:,}" for m in v.sharp_sizes)
        assert sh.ks == (None if v.sharp_k is None else tuple(f"{m:,}" for m in v.sharp_k))
        assert (model == "gaussian") == (sh.ks is None)
        table = sh.table({"wald": "Wald", "lr": "LR"}, ("lower", "upper", "width"))
        json.dumps(table)
        assert table[""] == ["Wald", "LR"]
        assert [table["lower"][0], table["upper"][0]] == list(v.wald)
        assert [table["lower"][1], table["upper"][1]] == list(v.lr)
        assert table["width"] == [v.wald[1] - v.wald[0], v.lr[1] - v.lr[0]]


@pytest.mark.parametrize("model, n, data, overflow", [
    ("bernoulli", 10_000, {"truth": {"p": 0.5}, "seed": 3}, False),
    ("gaussian", 100_000, {"truth": {"mu": 0.0, "sigma2": 0.01}, "seed": 42}, True),
    ("binomial", 10, {"k": 8}, False),
])
def test_logs_says_where_the_product_was_evaluated(model, n, data, overflow):
    v = views.logs_view(model, n, **data)
    s = views.summary_view(model, n, **data)
    assert v.n == n and v.overflow == overflow == (v.naive.failure == "overflow")
    assert list(v.naive.at.values()) == list(s.mle.values())  # binomial data: the Bernoulli product at p = θ̂
    assert v.at == ", ".join(f"{s.hats[p]} = {s.mle[p]:.4g}" for p in s.params)


def test_surface_is_drawn_over_the_slices_windows():
    data = {"truth": {"mu": 0.5, "sigma2": 2.0}, "seed": 2}
    sv = views.surface_view("gaussian", 5000, **data, grid=50)
    x = sampling.draw("gaussian", {"mu": 0.5, "sigma": math.sqrt(2.0)}, 5000, 2)
    assert (sv.surface.mu[0], sv.surface.mu[-1]) == sv.mu.window
    assert (sv.surface.sigma2[0], sv.surface.sigma2[-1]) == pytest.approx(sv.sigma2.window, rel=1e-15)
    assert sv.surface.grid == 50 and sv.mu.param == "mu" and sv.sigma2.param == "sigma2"
    assert_allclose(sv.mle, (x.mean(), x.var()), rtol=1e-9)
    assert sv.truth == (0.5, 2.0)
    ref = views.gaussian_surface(lk.gaussian_stats(x), sv.mu.window, sv.sigma2.window, grid=50)
    assert np.array_equal(sv.surface.rel, ref.rel)
    for line in (lk.MODELS["gaussian"].latex_loglik, *lk.MODELS["gaussian"].latex_score):
        assert line in sv.latex
    with pytest.raises(ValueError, match="model"):
        views.surface_view("bernoulli", 10, truth={"p": 0.5}, seed=0)


BAD_DATA = [
    (("poisson", 10), {"truth": {"p": 0.5}, "seed": 0}, "model"),
    (("bernoulli", 0), {"truth": {"p": 0.5}, "seed": 0}, "n"),
    (("bernoulli", 10), {"truth": {"p": 1.5}, "seed": 0}, "p"),
    (("bernoulli", 10), {"truth": {"p": 0.5}}, "seed"),
    (("gaussian", 10), {"k": 3}, "k"),
    (("binomial", 10), {"k": 11}, "k"),
    (("gaussian", 1), {"truth": {"mu": 0.0, "sigma2": 1.0}, "seed": 0}, "x"),
]


@pytest.mark.parametrize("section", ["summary", "curves", "logs", "sharpen"])
@pytest.mark.parametrize("args, data, name", BAD_DATA)
def test_every_section_rejects_invalid_data_naming_it(section, args, data, name):
    with pytest.raises(ValueError, match=name):
        getattr(views, f"{section}_view")(*args, **data)


def test_results_are_frozen_with_slots():
    import dataclasses

    for cls in (views.SummaryView, views.CurvesView, views.SurfaceView, views.LogsView, views.SharpenView, views.ParamView,
                views.NaiveView, views.GaussianSurface):
        params = cls.__dataclass_params__
        assert params.frozen and "__slots__" in cls.__dict__, cls
    s = views.summary_view("binomial", 10, k=8)
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.n = 11


def test_docstring_examples_run():
    import doctest

    result = doctest.testmod(views, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0
