"""The Sampling page's views (histogram bins, thinned running mean, the moments table) against scipy and numpy."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from estimation import sampling
from estimation.distributions import DISTRIBUTIONS
from estimation.thinning import thin_log_indices
from estimation.views import sampling as views


def _centres(h):
    """The bins' centres (left + right) / 2."""
    return 0.5 * (h.left + h.right)


CASES = [
    ("bernoulli", {"p": 0.3}, stats.bernoulli(0.3)),
    ("bernoulli", {"p": 0.0}, stats.bernoulli(0.0)),
    ("binomial", {"n": 10, "p": 0.3}, stats.binom(10, 0.3)),
    ("binomial", {"n": 100, "p": 0.97}, stats.binom(100, 0.97)),
    ("gaussian", {"mu": -2.0, "sigma": 3.0}, stats.norm(-2.0, 3.0)),
]


@pytest.mark.parametrize("dist,params,oracle", CASES)
def test_histogram_exact_overlay_matches_scipy(dist, params, oracle):
    x = sampling.draw(dist, params, 5_000, seed=1)
    h = views.histogram(x, dist, params)
    assert h.count.sum() == x.size
    if dist == "gaussian":
        np.testing.assert_allclose(h.exact, oracle.pdf(_centres(h)), rtol=1e-12)
        np.testing.assert_allclose(h.curve_y, oracle.pdf(h.curve_x), rtol=1e-12)
        # density integrates to one over the bins
        assert np.isclose((h.density * (h.right - h.left)).sum(), 1.0, rtol=1e-12)
        assert 10 <= h.count.size <= 80
    else:
        np.testing.assert_allclose(h.exact, oracle.pmf(_centres(h)), rtol=1e-12, atol=1e-300)
        # brute force: relative frequency of each integer
        brute = np.array([(x == k).mean() for k in _centres(h)])
        np.testing.assert_allclose(h.density, brute, rtol=1e-12)


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(1, 3000),
    seed=st.integers(0, 2**32 - 1),
    dist=st.sampled_from(["bernoulli", "binomial", "gaussian"]),
)
def test_binned_counts_always_sum_to_n(n, seed, dist):
    params = sampling.DISTRIBUTIONS[dist].defaults
    x = sampling.draw(dist, params, n, seed)
    h = views.histogram(x, dist, params)
    assert h.count.sum() == n
    assert np.all(h.count >= 0)
    assert np.all(h.left < h.right)
    # every sample value falls inside the binned range
    assert h.left[0] <= x.min() and x.max() <= h.right[-1]


def test_views_agree_with_numpy_and_band_formula():
    params = {"n": 20, "p": 0.4}
    m = views.moments_view("binomial", params, 10_000, seed=5)
    s = views.running_mean_view("binomial", params, 10_000, seed=5)
    x = sampling.draw("binomial", params, 10_000, seed=5)
    assert m.sample_mean == pytest.approx(x.mean(), rel=1e-12)
    assert m.sample_var == pytest.approx(np.var(x, ddof=1), rel=1e-12)
    np.testing.assert_allclose(s.running, np.cumsum(x)[s.k - 1] / s.k, rtol=1e-12)
    np.testing.assert_allclose(s.band, 2 * np.sqrt(20 * 0.4 * 0.6 / s.k), rtol=1e-12)
    assert s.k.size <= 2000 and s.k[0] == 1 and s.k[-1] == 10_000
    assert s.mean == pytest.approx(20 * 0.4, rel=1e-12)
    # the table the page shows, column by column
    assert m.table == {"row": ["mean", "variance"], "sample": [m.sample_mean, m.sample_var],
                       "theory": [m.mean, m.var]}
    assert [m.mean, m.var] == pytest.approx([8.0, 4.8], rel=1e-12)


def test_law_of_large_numbers_at_one_million():
    m = views.moments_view("gaussian", {"mu": 0.5, "sigma": 2.0}, 1_000_000, seed=11)
    s = views.running_mean_view("gaussian", {"mu": 0.5, "sigma": 2.0}, 1_000_000, seed=11)
    # 5 standard errors: a seeded draw, so this is deterministic, not flaky
    assert abs(m.sample_mean - 0.5) < 5 * 2.0 / 1000
    assert s.k.size <= 2000


def test_single_draw_is_handled():
    m = views.moments_view("gaussian", {"mu": 0.0, "sigma": 1.0}, 1, seed=0)
    h = views.histogram_view("gaussian", {"mu": 0.0, "sigma": 1.0}, 1, seed=0)
    assert m.n == 1 and m.sample_var is None
    assert h.hist.count.sum() == 1


@pytest.mark.parametrize("dist", list(sampling.DISTRIBUTIONS))
def test_histogram_view_carries_the_registry_formulas(dist):
    h = views.histogram_view(dist, sampling.DISTRIBUTIONS[dist].defaults, 500, seed=2)
    assert h.discrete == DISTRIBUTIONS[dist].discrete
    assert DISTRIBUTIONS[dist].latex in h.latex and DISTRIBUTIONS[dist].latex_moments in h.latex
    x = sampling.draw(dist, sampling.DISTRIBUTIONS[dist].defaults, 500, 2)
    np.testing.assert_array_equal(h.hist.count, views.histogram(x, dist, sampling.DISTRIBUTIONS[dist].defaults).count)


@pytest.mark.parametrize(
    "call",
    [
        lambda: views.histogram([0.5, 1.0], "bernoulli", {"p": 0.5}),
        lambda: views.histogram([np.inf], "gaussian", {"mu": 0.0, "sigma": 1.0}),
        lambda: views.histogram_view("poisson", {"lam": 1}, 10, 0),
        lambda: views.running_mean_view("gaussian", {"mu": 0.0, "sigma": 0.0}, 10, 0),
        lambda: views.moments_view("gaussian", {"mu": 0.0, "sigma": 1.0}, 0, 0),
    ],
)
def test_invalid_arguments_raise_value_error(call):
    with pytest.raises(ValueError):
        call()


def test_moved_names_still_resolve_in_the_textbook_module():
    assert sampling.histogram is views.histogram and sampling.thin_log_indices is thin_log_indices
    assert sampling.Histogram is views.Histogram
