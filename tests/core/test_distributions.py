"""The distribution registry against scipy.stats (moments, samplers, parametrisation) and its contracts."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from estimation import estimators, sampling
from estimation.distributions import DISTRIBUTIONS, Moments, Parameter, get

# Non-default parameters for every entry, with an independently built scipy.stats twin.
CASES = {
    "bernoulli": ({"p": 0.2}, stats.bernoulli(0.2)),
    "binomial": ({"n": 17, "p": 0.35}, stats.binom(17, 0.35)),
    "gaussian": ({"mu": 1.5, "sigma2": 2.5}, stats.norm(1.5, math.sqrt(2.5))),
    "exponential": ({"scale": 0.7}, stats.expon(scale=0.7)),
    "student_t": ({"nu": 6.5, "scale": 1.3}, stats.t(6.5, scale=1.3)),
}
LOCATION_SCALE = [k for k, d in DISTRIBUTIONS.items() if d.location_scale]


def test_every_entry_has_a_case_and_its_metadata():
    assert set(CASES) == set(DISTRIBUTIONS)
    for key, d in DISTRIBUTIONS.items():
        assert d.key == key and d.symbol and d.latex and d.latex_moments
        assert all(p.symbol for p in (*d.params, *d.alternatives))
        assert d.validate(None) == d.defaults  # the defaults lie inside the domain


@pytest.mark.parametrize("key", CASES)
def test_moments_match_scipy(key):
    params, oracle = CASES[key]
    mean, var, kurt = (float(v) for v in oracle.stats(moments="mvk"))
    m = DISTRIBUTIONS[key].moments(params)
    # closed forms against scipy's: only rounding separates them
    assert m.mean == pytest.approx(mean, rel=1e-12)
    assert m.variance == pytest.approx(var, rel=1e-12)
    assert m.mu4 == pytest.approx((kurt + 3.0) * var**2, rel=1e-10)  # scipy returns μ₄/σ⁴ − 3: a difference
    assert m.excess_kurtosis == pytest.approx(kurt, rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("key", ["bernoulli", "binomial"])
def test_discrete_fourth_moment_by_enumeration(key):
    params, oracle = CASES[key]
    k = np.arange(0, 18)
    pmf = oracle.pmf(k)
    mean = (k * pmf).sum()
    assert DISTRIBUTIONS[key].moments(params).mu4 == pytest.approx(((k - mean) ** 4 * pmf).sum(), rel=1e-12)


@pytest.mark.parametrize("key", CASES)
def test_scipy_twin_has_the_registry_parametrisation(key):
    params, oracle = CASES[key]
    frozen = DISTRIBUTIONS[key].frozen(params)
    x = oracle.ppf([0.01, 0.3, 0.5, 0.9])
    if DISTRIBUTIONS[key].discrete:
        np.testing.assert_allclose(frozen.logpmf(x), oracle.logpmf(x), rtol=1e-13)
    else:
        np.testing.assert_allclose(frozen.logpdf(x), oracle.logpdf(x), rtol=1e-13)


@pytest.mark.parametrize("key", CASES)
def test_seeded_samples_follow_the_distribution(key):
    params, oracle = CASES[key]
    d = DISTRIBUTIONS[key]
    draws = [d.sample(np.random.default_rng(11), 20_000, params)]
    if d.location_scale:  # the Monte Carlo's form: x = loc + unit·b
        loc, unit, centre = d.affine(params)
        b = np.empty(20_000)
        d.standard(np.random.default_rng(11), b, params)
        draws.append(loc + unit * b)
        assert b.mean() == pytest.approx(centre, abs=5 * b.std() / math.sqrt(b.size))  # 5 SE, seeded
    for x in draws:
        assert x.dtype == np.float64 and x.shape == (20_000,)
        # a seeded goodness-of-fit test: a wrong parametrisation gives p ≈ 0
        if d.discrete:
            k = np.arange(int(oracle.ppf(1e-6)), int(oracle.ppf(1 - 1e-6)) + 1)
            observed = np.array([(x == v).sum() for v in k])
            expected = oracle.pmf(k) * x.size
            chi2 = ((observed - expected) ** 2 / expected).sum()
            assert observed.sum() == x.size and stats.chi2.sf(chi2, k.size - 1) > 1e-3
        else:
            assert stats.kstest(x, oracle.cdf).pvalue > 1e-3


@pytest.mark.parametrize("key", ["gaussian", "exponential", "student_t"])
@pytest.mark.parametrize("seed", [0, 1, 42])
def test_numpy_method_and_location_scale_form_draw_the_same_numbers(key, seed):
    params, _ = CASES[key]
    d = DISTRIBUTIONS[key]
    x = d.sample(np.random.default_rng(seed), (30, 7), params)
    loc, unit, _ = d.affine(params)
    b = np.empty((30, 7))
    d.standard(np.random.default_rng(seed), b, params)
    np.testing.assert_array_equal(x, b * unit + loc)


def test_bernoulli_base_draws_are_uniform_below_p():
    # documented: U < p, a different use of the stream from rng.binomial(1, p)
    b = np.empty(1000)
    DISTRIBUTIONS["bernoulli"].standard(np.random.default_rng(3), b, {"p": 0.37})
    np.testing.assert_array_equal(b, (np.random.default_rng(3).random(1000) < 0.37).astype(float))
    x = DISTRIBUTIONS["bernoulli"].sample(np.random.default_rng(3), 1000, {"p": 0.37})
    np.testing.assert_array_equal(x, np.random.default_rng(3).binomial(1, 0.37, 1000).astype(float))


@settings(max_examples=200, deadline=None)
@given(sigma=st.floats(1e-50, 1e50), mu=st.floats(-1e6, 1e6), seed=st.integers(0, 2**32 - 1))
def test_gaussian_by_sigma_or_sigma2_is_the_same_distribution(sigma, mu, seed):
    g = DISTRIBUTIONS["gaussian"]
    by_sd, by_var = {"mu": mu, "sigma": sigma}, {"mu": mu, "sigma2": sigma * sigma}
    assert g.moments(by_sd) == Moments(mu, sigma**2, 3.0 * (sigma**2) ** 2)
    assert g.moments(by_var).variance == sigma * sigma  # σ² as given, never re-squared
    x = g.sample(np.random.default_rng(seed), 5, by_sd)
    np.testing.assert_array_equal(x, np.random.default_rng(seed).normal(mu, sigma, 5))
    # binary floating point: sqrt(RN(σ²)) = σ, so both parametrisations draw the same numbers
    np.testing.assert_array_equal(g.sample(np.random.default_rng(seed), 5, by_var), x)


@pytest.mark.parametrize(
    "key, params, match",
    [
        ("bernoulli", {"p": 1.5}, "p"),
        ("bernoulli", {"p": float("nan")}, "p"),
        ("binomial", {"n": 0}, "n"),
        ("binomial", {"n": 2.5}, "n"),
        ("gaussian", {"sigma2": 0.0}, "sigma2"),
        ("gaussian", {"sigma": -1.0}, "sigma"),
        ("gaussian", {"sigma": 1.0, "sigma2": 1.0}, "sigma2"),
        ("gaussian", {"mu": "1"}, "mu"),
        ("exponential", {"scale": 0.0}, "scale"),
        ("student_t", {"nu": 4.0}, "infinite"),
        ("student_t", {"lam": 1.0}, "params"),
        ("gaussian", [("mu", 1.0)], "params"),
    ],
)
def test_invalid_parameters_raise_naming_them(key, params, match):
    d = DISTRIBUTIONS[key]
    for call in (d.moments, d.frozen, lambda q: d.sample(np.random.default_rng(0), 3, q)):
        with pytest.raises(ValueError, match=match):
            call(params)


def test_unknown_key_and_missing_location_scale_form():
    with pytest.raises(ValueError, match="dist"):
        get("cauchy")
    assert get("binomial") is DISTRIBUTIONS["binomial"] and not get("binomial").location_scale
    with pytest.raises(ValueError, match="location-scale"):
        get("binomial").affine({"n": 3, "p": 0.5})
    with pytest.raises(ValueError, match="param"):
        get("binomial").param("theta")


def test_parameter_checks_scalars_and_grids():
    p = Parameter("sigma2", 1.0, lo=0.0, lo_open=True, symbol="σ²")
    assert p.check(2) == 2.0 and isinstance(p.check(2), float)
    with pytest.raises(ValueError, match=r"sigma2 must be > 0"):
        p.check(0.0)
    np.testing.assert_array_equal(p.check_array([0.5, 2.0]), [0.5, 2.0])
    with pytest.raises(ValueError, match=r"sigma2 must lie in \(0.0, inf\]"):
        p.check_array([1.0, 0.0])
    narrow = p.narrowed(hi=10.0)
    assert narrow.hi == 10.0 and p.hi is None
    with pytest.raises(ValueError, match="sigma2 must be <= 10.0"):
        narrow.check(11.0)
    n = Parameter("n", 10, lo=1, integer=True)
    assert n.check(3.0) == 3 and isinstance(n.check(3.0), int)


def test_sampling_and_estimators_are_views_of_the_registry():
    for key, view in sampling.DISTRIBUTIONS.items():
        assert view.entry is DISTRIBUTIONS[key] and view.discrete == DISTRIBUTIONS[key].discrete
        assert {p.name for p in view.params} <= {p.name for p in (*view.entry.params, *view.entry.alternatives)}
    for key, pop in estimators.POPULATIONS.items():
        assert pop.dist is DISTRIBUTIONS[key]
        assert [p.name for p in pop.params] == [p.name for p in pop.dist.params]
        assert pop.moments(None) == pop.dist.moments(pop.validate(None))
    # the pages' narrower ranges
    with pytest.raises(ValueError, match="p must be > 0"):
        estimators.POPULATIONS["bernoulli"].validate({"p": 0.0})
    assert DISTRIBUTIONS["bernoulli"].validate({"p": 0.0}) == {"p": 0.0}
    with pytest.raises(ValueError, match="n must be <= 10000"):
        sampling.draw("binomial", {"n": 10_001, "p": 0.5}, 3, 0)


@pytest.mark.parametrize("key", CASES)
@pytest.mark.parametrize("seed", [0, 7])
def test_the_numpy_code_draws_the_registry_numbers(key, seed):
    # the snippets print this code: evaluated with the seed, it must give the lab's very draws
    params, _ = CASES[key]
    d = DISTRIBUTIONS[key]
    code = d.code(params, "(40, 3)")
    x = eval(code, {"rng": np.random.default_rng(seed), "np": np})  # noqa: S307 - the registry's own code
    np.testing.assert_array_equal(x, d.sample(np.random.default_rng(seed), (40, 3), params))
    if d.location_scale:
        loc, unit, _ = d.affine(params)
        b = np.empty((40, 3))
        d.standard(np.random.default_rng(seed), b, params)
        base = eval(d.code(params, "(40, 3)", standard=True), {"rng": np.random.default_rng(seed), "np": np})
        np.testing.assert_array_equal(base, b * unit + loc)
    else:
        with pytest.raises(ValueError, match="location-scale"):
            d.code(params, "3", standard=True)


def test_gaussian_code_follows_the_parametrisation_given():
    g = DISTRIBUTIONS["gaussian"]
    assert g.code({"mu": 1.5, "sigma": 2.0}, "1000") == "rng.normal(1.5, 2.0, size=1000)"
    assert g.code({"sigma2": 2.5}, "(R, N)") == "rng.normal(0.0, np.sqrt(2.5), size=(R, N))"
    assert DISTRIBUTIONS["bernoulli"].code({"p": 0.3}, "5", standard=True) == "(rng.random(5) < 0.3).astype(float)"
    with pytest.raises(ValueError, match="sigma"):
        g.code({"sigma": -1.0})
