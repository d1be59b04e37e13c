"""Tests for estimation.views.bayes (what the Bayes page's sections draw) against scipy, closed forms and brute force."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats

from estimation import bayes, coverage, sampling
from estimation.views import bayes as views

counts = st.integers(0, 500).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n)))


@given(kn=counts.filter(lambda kn: kn[1] >= 1))
def test_spread_successes_counts_and_spacing(kn):
    k, n = kn
    x = views.spread_successes(k, n)
    assert x.shape == (n,) and set(np.unique(x)) <= {0.0, 1.0}
    running = np.concatenate(([0], np.cumsum(x)))
    t = np.arange(n + 1)
    # brute force: the first t observations hold floor(t k / n) successes
    np.testing.assert_array_equal(running, [ti * k // n for ti in t])


def test_spread_successes_hand_cases():
    np.testing.assert_array_equal(views.spread_successes(3, 10), [0, 0, 0, 1, 0, 0, 1, 0, 0, 1])
    np.testing.assert_array_equal(views.spread_successes(0, 4), [0, 0, 0, 0])
    np.testing.assert_array_equal(views.spread_successes(3, 3), [1, 1, 1])


@pytest.mark.parametrize(
    "a, b, n, data",
    [
        (2.0, 2.0, 10, {"p": 0.2, "seed": 42}),
        (1.0, 1.0, 3, {"k": 3}),
        (0.5, 0.5, 50, {"k": 0}),
        (20.0, 20.0, 1000, {"p": 0.9, "seed": 7}),
        (3.7, 0.4, 1, {"k": 1}),
    ],
)
def test_posterior_matches_scipy_and_closed_forms(a, b, n, data):
    rep = views.posterior(a, b, n, **data)
    if "p" in data:
        x = sampling.draw("bernoulli", {"p": data["p"]}, n, data["seed"])
        assert rep.truth == data["p"]
    else:
        x = views.spread_successes(data["k"], n)
        assert rep.truth is None
    np.testing.assert_array_equal(rep.x, x)
    k = int(x.sum())
    post = stats.beta(a + k, b + (n - k))
    assert (rep.k, rep.n, rep.a_post, rep.b_post) == (k, n, a + k, b + (n - k))
    assert rep.mle == k / n
    assert rep.mean == pytest.approx(post.mean(), rel=1e-12)
    assert rep.sd == pytest.approx(post.std(), rel=1e-10)
    assert rep.prior_mean == pytest.approx(a / (a + b), rel=1e-15)
    assert rep.map == bayes.posterior_mode(a + k, b + (n - k))
    np.testing.assert_allclose(rep.intervals["equal_tailed"], post.ppf([0.025, 0.975]), rtol=1e-9)
    assert rep.intervals["hdi"] == bayes.hdi(a + k, b + (n - k)).pieces[0]
    assert rep.intervals["wald"] == bayes.wald_interval(k, n)
    assert rep.intervals["wilson"] == bayes.wilson_interval(k, n)
    # densities on the plotting grid: scipy's Beta pdfs (likelihood normalised = Beta(k+1, n-k+1))
    c = rep.curves
    assert np.all((c.p > 0) & (c.p < 1)) and np.all(np.diff(c.p) > 0)
    np.testing.assert_allclose(c.prior, stats.beta.pdf(c.p, a, b), rtol=1e-9)
    np.testing.assert_allclose(c.likelihood, stats.beta.pdf(c.p, k + 1, n - k + 1), rtol=1e-9)
    np.testing.assert_allclose(c.posterior, post.pdf(c.p), rtol=1e-9)
    # the grid resolves the posterior at any n: its zoomed stretch spans the central 1 - 1e-6 mass,
    # about 2.5 times the width of the central 95 %, so a few dozen points fall inside the latter
    lo, hi = rep.intervals["equal_tailed"]
    assert np.count_nonzero((c.p >= lo) & (c.p <= hi)) >= 25
    # y_top: above every bounded curve, no higher than needed
    bounded = [v for v, al, be in ((c.prior, a, b), (c.likelihood, k + 1, n - k + 1), (c.posterior, a + k, b + (n - k)))
               if al >= 1 and be >= 1]
    assert rep.y_top == pytest.approx(1.08 * max(v.max() for v in bounded), rel=1e-15)


def test_path_is_the_sequential_update_observation_by_observation():
    rep = views.one_at_a_time(2.0, 3.0, 40, p=0.3, seed=5)
    x, _ = views.observations(40, p=0.3, seed=5)
    final = views.posterior(2.0, 3.0, 40, p=0.3, seed=5)
    a_t, b_t = 2.0, 3.0
    for t in range(rep.n + 1):  # brute-force loop: one observation at a time
        if t:
            a_t, b_t = a_t + x[t - 1], b_t + 1 - x[t - 1]
        assert rep.path.t[t] == t and rep.path.successes[t] == a_t - 2.0
        assert rep.path.mean[t] == pytest.approx(a_t / (a_t + b_t), rel=1e-15)
        np.testing.assert_allclose([rep.path.lo[t], rep.path.hi[t]], stats.beta.ppf([0.025, 0.975], a_t, b_t),
                                   rtol=1e-9)
        if t:
            assert rep.path.mle[t] == pytest.approx((a_t - 2.0) / t, rel=1e-15)
    assert np.isnan(rep.path.mle[0])
    assert (rep.path.successes[-1], rep.path.mean[-1]) == (final.k, final.mean)


@pytest.mark.parametrize("t", [0, 1, 7, 30])
def test_step_is_the_posterior_after_t_observations(t):
    s = views.one_at_a_time(2.0, 2.0, 30, p=0.4, seed=11, t=t)
    rep = views.posterior(2.0, 2.0, 30, p=0.4, seed=11)
    k_t = int(rep.x[:t].sum())
    assert (s.t, s.k, s.a, s.b) == (t, k_t, 2.0 + k_t, 2.0 + t - k_t)
    assert s.mean == s.path.mean[t] and s.interval == (s.path.lo[t], s.path.hi[t])
    np.testing.assert_allclose(s.prior, stats.beta.pdf(s.p, 2, 2), rtol=1e-9)
    np.testing.assert_allclose(s.posterior, stats.beta.pdf(s.p, s.a, s.b), rtol=1e-9)
    np.testing.assert_allclose(s.final, stats.beta.pdf(s.p, rep.a_post, rep.b_post), rtol=1e-9)
    assert s.y_top >= max(s.prior.max(), s.posterior.max(), s.final.max())
    if t == 0:
        np.testing.assert_array_equal(s.posterior, s.prior)


def test_step_top_when_every_density_is_unbounded():
    # Jeffreys prior, no successes: prior, posterior after t and final posterior all blow up at 0,
    # so the top is set by each density's highest value inside its central 99 % (scipy's quantiles)
    s = views.one_at_a_time(0.5, 0.5, 50, k=0)
    rep = views.posterior(0.5, 0.5, 50, k=0)
    peaks = []
    for values, (al, be) in ((s.prior, (0.5, 0.5)), (s.posterior, (s.a, s.b)), (s.final, (rep.a_post, rep.b_post))):
        lo, hi = stats.beta.ppf([0.005, 0.995], al, be)
        # (1 - 1e-9): scipy's and the core's quantiles may differ in the last bits
        peaks.append(values[(s.p >= lo * (1 - 1e-9)) & (s.p <= hi * (1 + 1e-9))].max())
    assert s.y_top == pytest.approx(1.08 * max(peaks), rel=1e-12)
    assert np.isfinite(s.y_top)


def test_three_of_three_mle_is_one_posterior_is_not():
    rep = views.posterior(1.0, 1.0, 3, k=3)
    assert rep.mle == 1.0 and rep.intervals["wald"] == (1.0, 1.0)
    assert rep.mean == pytest.approx(4 / 5, rel=1e-15)  # Laplace: (k + 1)/(n + 2)
    assert rep.map == bayes.PosteriorMode(1.0, "right")  # uniform prior: MAP = MLE
    assert views.posterior(2.0, 2.0, 3, k=3).map.value == pytest.approx(4 / 5, rel=1e-15)  # (k+a-1)/(n+a+b-2)


def test_coverage_matches_its_parts():
    cov = views.coverage(25, 2.0, 3.0, n_rep=500, seed=9, stride=5)
    exact = coverage.coverage_exact(views.COVERAGE_P, 25, a=2.0, b=3.0)
    mc = coverage.coverage_monte_carlo(views.COVERAGE_P[::5], 25, a=2.0, b=3.0, n_rep=500, seed=9)
    assert cov.n_rep == 500
    for m in coverage.INTERVAL_METHODS:
        np.testing.assert_array_equal(cov.exact.coverage[m], exact.coverage[m])
        np.testing.assert_array_equal(cov.monte_carlo.coverage[m], mc.coverage[m])
        assert cov.mean[m] == pytest.approx(sum(exact.coverage[m]) / views.COVERAGE_P.size, rel=1e-12)
        assert cov.minimum[m] == min(exact.coverage[m])
    np.testing.assert_array_equal(cov.monte_carlo.p, views.COVERAGE_P[::5])


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: views.posterior(1, 1, 3, k=5), "k"),
        (lambda: views.posterior(1, 1, 3, k=1, p=0.5, seed=0), "k"),
        (lambda: views.posterior(1, 1, 3), "k"),
        (lambda: views.posterior(1, 1, 3, p=0.5), "seed"),
        (lambda: views.posterior(1, 1, 3, p=1.5, seed=0), "p"),
        (lambda: views.posterior(0, 1, 3, k=1), "a"),
        (lambda: views.posterior(1, 1, 0, k=0), "n"),
        (lambda: views.posterior(1, 1, views.MAX_N + 1, k=0), "n"),
        (lambda: views.one_at_a_time(1, 1, 3, k=1, t=4), "t"),
        (lambda: views.posterior(1, 1, 3, k=1, level=1.0), "level"),
        (lambda: views.spread_successes(4, 3), "k"),
        (lambda: views.spread_successes([1, 2], 3), "k"),
        (lambda: views.coverage(10, stride=0), "stride"),
        (lambda: views.coverage(10, a=-1.0), "a"),
    ],
)
def test_view_invalid_arguments_name_them(call, name):
    with pytest.raises(ValueError, match=rf"^{name}\b"):
        call()


@pytest.mark.parametrize("a, b, n, data", [(2.0, 2.0, 10, {"p": 0.2, "seed": 42}), (1.0, 1.0, 3, {"k": 3}),
                                           (0.5, 0.5, 50, {"k": 0})])
def test_tables_hold_the_views_numbers_rounded_as_shown(a, b, n, data):
    rep = views.posterior(a, b, n, **data)
    assert [r["estimate"] for r in rep.estimates] == list(views.ESTIMATES)
    exact = {"mle": rep.mle, "map": rep.map.value, "mean": rep.mean, "sd": rep.sd, "prior_mean": rep.prior_mean}
    assert [r["value"] for r in rep.estimates] == [round(exact[key], 4) for key in views.ESTIMATES]
    assert [r["interval"] for r in rep.interval_rows] == list(views.INTERVALS)
    for row in rep.interval_rows:
        lo, hi = rep.intervals[row["interval"]]
        assert (row["lower"], row["upper"], row["width"]) == (round(lo, 4), round(hi, 4), round(hi - lo, 4))
    assert rep.extreme == ("all" if rep.k == rep.n else "none" if rep.k == 0 else None)
    cov = views.coverage(n, a, b, seed=1)
    assert cov.table == tuple({"method": m, "mean": round(cov.mean[m], 3), "worst": round(cov.minimum[m], 3)}
                              for m in coverage.INTERVAL_METHODS)


@pytest.mark.parametrize("t", [0, 1, 60, 61, 200])
def test_sequence_writes_out_the_last_sixty_observations_used(t):
    s = views.one_at_a_time(2.0, 2.0, 200, p=0.3, seed=4, t=t)
    x, _ = views.observations(200, p=0.3, seed=4)
    digits = "".join("1" if v else "0" for v in x[:t])  # brute force
    assert s.sequence == ("∅" if t == 0 else digits if t <= 60 else "…" + digits[-60:])
