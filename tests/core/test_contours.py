"""Tests of estimation.contours: geometry oracles (planes, circles), masking, the point cap, levels."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose
from scipy import stats

from estimation.contours import contour_lines, loglik_levels, nice_levels

SETTINGS = settings(max_examples=60, deadline=None)
KEYS = {"level", "line", "order", "x", "y"}


def check_structure(out):
    """Keys, dtypes, and the line/order bookkeeping every caller relies on."""
    assert set(out) == KEYS
    sizes = {v.shape for v in out.values()}
    assert len(sizes) == 1 and len(next(iter(sizes))) == 1
    assert out["line"].dtype == np.int64 and out["order"].dtype == np.int64
    for line in np.unique(out["line"]):
        sel = out["line"] == line
        assert np.unique(out["level"][sel]).size == 1  # ids are unique across levels
        assert_allclose(out["order"][sel], np.arange(sel.sum()))
        assert sel.sum() >= 2


def circle_grid(n=81, half=2.0):
    x = np.linspace(-half, half, n)
    y = np.linspace(-half, half, n)
    return x, y, x[None, :] ** 2 + y[:, None] ** 2


@pytest.mark.parametrize("seed", range(5))
def test_plane_contours_are_exact(seed):
    rng = np.random.default_rng(seed)
    x = np.sort(rng.uniform(-3, 3, 23))  # irregular rectilinear grid
    y = np.sort(rng.uniform(-1, 5, 17))
    a, b, c = rng.normal(size=3)
    z = a * x[None, :] + b * y[:, None] + c
    levels = rng.uniform(z.min(), z.max(), 4)
    out = contour_lines(x, y, z, levels)
    check_structure(out)
    # Linear interpolation of a linear function is exact: every point is on its line
    # up to the rounding of a few flops on O(|z|) numbers.
    assert_allclose(a * out["x"] + b * out["y"] + c, out["level"], rtol=0, atol=1e-12 * (1 + np.abs(z).max()))
    tol = 5e-12  # interpolated points on the outer edges may round one ulp outside the grid
    assert np.all((out["x"] >= x[0] - tol) & (out["x"] <= x[-1] + tol))
    assert np.all((out["y"] >= y[0] - tol) & (out["y"] <= y[-1] + tol))
    # one straight line per level
    assert np.unique(out["line"]).size == np.unique(levels).size
    assert_allclose(np.unique(out["level"]), np.unique(levels), rtol=0, atol=0)


@pytest.mark.parametrize("n", [21, 81, 201])
def test_circle_radius_within_interpolation_bound(n):
    x, y, z = circle_grid(n)
    h = x[1] - x[0]
    radii = np.array([0.5, 1.0, 1.7])
    out = contour_lines(x, y, z, radii**2)
    check_structure(out)
    r2 = out["x"] ** 2 + out["y"] ** 2
    # Points lie on grid edges. Along an edge z is t^2 + const (convex), so the chord
    # lies above it by at most f''h^2/8 = h^2/4: the interpolated point has
    # level - h^2/4 <= x^2 + y^2 <= level, whatever the radius.
    assert np.all(r2 <= out["level"] + 1e-12)
    assert np.all(r2 >= out["level"] - h**2 / 4 - 1e-12)
    # each circle is one closed line
    assert np.unique(out["line"]).size == radii.size
    for line in np.unique(out["line"]):
        sel = out["line"] == line
        assert out["x"][sel][0] == out["x"][sel][-1] and out["y"][sel][0] == out["y"][sel][-1]


def test_levels_outside_the_data_give_no_lines():
    x, y, z = circle_grid(31)
    out = contour_lines(x, y, z, [-1.0, 100.0])
    check_structure(out)
    assert all(v.size == 0 for v in out.values())
    assert out["x"].dtype == np.float64


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_values_are_masked(bad):
    x, y, z = circle_grid(81)
    h = x[1] - x[0]
    z = z.copy()
    hole = (np.abs(x[None, :] - 1.0) < 0.3) & (np.abs(y[:, None]) < 0.3)  # straddles the r = 1 circle
    z[hole] = bad
    out = contour_lines(x, y, z, [1.0, 2.25])
    check_structure(out)
    assert np.all(np.isfinite(out["x"])) and np.all(np.isfinite(out["y"]))
    # Every point lies on an edge or a (corner-mask) diagonal between two valid nodes,
    # so at least h/sqrt(2) away from any masked node.
    mx, my = np.meshgrid(x, y)
    masked = np.column_stack([mx[hole], my[hole]])
    pts = np.column_stack([out["x"], out["y"]])
    dist = np.sqrt(((pts[:, None, :] - masked[None, :, :]) ** 2).sum(axis=-1)).min(axis=1)
    assert dist.min() >= h / np.sqrt(2) - 1e-12
    # the r = 1 circle is cut open by the hole; r = 1.5 does not meet it and stays closed
    r1 = out["level"] == 1.0
    first = out["line"][r1][0]
    sel = out["line"] == first
    assert (out["x"][sel][0], out["y"][sel][0]) != (out["x"][sel][-1], out["y"][sel][-1])
    r15 = out["line"][out["level"] == 2.25]
    assert np.unique(r15).size == 1


def test_all_invalid_surface_gives_no_lines():
    out = contour_lines([0, 1], [0, 1], np.full((2, 2), np.nan), [0.5])
    assert all(v.size == 0 for v in out.values())


def test_point_cap_thins_evenly_and_keeps_lines_closed():
    x, y, z = circle_grid(401)
    levels = np.linspace(0.1, 3.5, 20)
    full = contour_lines(x, y, z, levels, max_points=10**7)
    assert full["x"].size > 10_000
    capped = contour_lines(x, y, z, levels, max_points=1000)
    check_structure(capped)
    assert capped["x"].size <= 1000
    assert np.unique(capped["line"]).size == levels.size  # thinning drops no line here
    for line in np.unique(capped["line"]):
        sel = capped["line"] == line
        assert capped["x"][sel][0] == capped["x"][sel][-1] and capped["y"][sel][0] == capped["y"][sel][-1]
        # thinned points are a subset of the full line's points
        fsel = full["line"] == line
        full_pts = set(zip(full["x"][fsel], full["y"][fsel]))
        assert set(zip(capped["x"][sel], capped["y"][sel])) <= full_pts


def test_point_cap_under_many_small_lines_drops_the_shortest():
    x = np.linspace(0, 20 * np.pi, 300)
    z = np.sin(x)[None, :] * np.sin(x)[:, None]  # ~400 small closed loops per level
    out = contour_lines(x, x, z, [0.5, -0.5], max_points=50)
    check_structure(out)
    assert 0 < out["x"].size <= 50


def test_default_cap_is_5000():
    x, y, z = circle_grid(801)
    out = contour_lines(x, y, z, np.linspace(0.1, 3.9, 30))
    assert out["x"].size <= 5000


def test_uncapped_output_is_contourpy_output():
    import contourpy

    x, y, z = circle_grid(41)
    out = contour_lines(x, y, z, [0.5, 2.0], max_points=10**6)
    gen = contourpy.contour_generator(x, y, z, line_type=contourpy.LineType.Separate)
    ref = np.concatenate([seg for lev in (0.5, 2.0) for seg in gen.lines(lev)])
    assert_allclose(np.column_stack([out["x"], out["y"]]), ref, rtol=0, atol=0)


@pytest.mark.parametrize(
    "call,name",
    [
        (lambda: contour_lines([0, 0, 1], [0, 1], np.zeros((2, 3)), [0.5]), "x"),
        (lambda: contour_lines([0, 1], [1, 0], np.zeros((2, 2)), [0.5]), "y"),
        (lambda: contour_lines([0, 1, 2], [0, 1], np.zeros((3, 2)), [0.5]), "z"),
        (lambda: contour_lines([0, 1], [0, 1], [["a", "b"], ["c", "d"]], [0.5]), "z"),
        (lambda: contour_lines([0, 1], [0, 1], np.zeros((2, 2)), [np.nan]), "levels"),
        (lambda: contour_lines([0, 1], [0, 1], np.zeros((2, 2)), [0.5], max_points=1), "max_points"),
        (lambda: loglik_levels(np.inf), "loglik_max"),
        (lambda: loglik_levels(0.0, n=0), "n"),
        (lambda: loglik_levels(0.0, confidence=[1.0]), "confidence"),
        (lambda: nice_levels([1, 2], n=0), "n"),
    ],
)
def test_invalid_input_raises_value_error(call, name):
    with pytest.raises(ValueError, match=name):
        call()


# ------------------------------------------------------------------ levels


def test_loglik_levels_default_are_half_squares():
    assert_allclose(loglik_levels(-10.0), [-18.0, -14.5, -12.0, -10.5], rtol=0, atol=0)


@pytest.mark.parametrize("df", [1, 2])
def test_loglik_levels_confidence_match_chi2(df):
    conf = np.array([0.5, 0.9, 0.95, 0.99])
    levels = loglik_levels(-3.0, confidence=conf, df=df)
    assert np.all(np.diff(levels) > 0)
    assert_allclose(stats.chi2.cdf(2 * (-3.0 - levels), df), conf[::-1], rtol=1e-12)


def test_nice_levels_for_rosenbrock_are_decades():
    x = np.linspace(-2, 2, 201)
    y = np.linspace(-1, 3, 201)
    z = (1 - x[None, :]) ** 2 + 100 * (y[:, None] - x[None, :] ** 2) ** 2
    assert_allclose(nice_levels(z, 12, log=True), 10.0 ** np.arange(-3, 4), rtol=1e-15)


@SETTINGS
@given(
    lo=st.floats(-1e6, 1e6),
    span=st.floats(1e-6, 1e6),
    n=st.integers(3, 30),
)
def test_nice_levels_linear_properties(lo, span, n):
    z = np.array([lo, lo + span, np.nan])
    if z[1] == z[0]:
        return
    levels = nice_levels(z, n)
    assert 1 <= levels.size <= n
    assert np.all((levels > z[0]) & (levels < z[1]))
    if levels.size > 1:
        # Levels are step * integer; far from 0 each carries one rounding of its
        # own size, so equal spacing holds to a few ulps of the largest level.
        ulps = 4 * np.spacing(np.abs(levels).max())
        steps = np.diff(levels)
        assert_allclose(steps, steps[0], rtol=1e-12, atol=ulps)
        mantissa = steps[0] / 10.0 ** np.floor(np.log10(steps[0]))
        assert np.min(np.abs(mantissa - np.array([1.0, 2.0, 2.5, 5.0, 10.0]))) < 1e-9 + 10 * ulps / steps[0]


@SETTINGS
@given(lo_exp=st.floats(-8, 3), decades=st.floats(0.5, 10), n=st.integers(1, 30))
def test_nice_levels_log_properties(lo_exp, decades, n):
    z = 10.0 ** np.array([lo_exp, lo_exp + decades])
    levels = nice_levels(np.append(z, [0.0, -1.0]), n, log=True)  # non-positive values ignored
    assert levels.size <= n
    assert np.all((levels > z[0]) & (levels < z[1]))
    assert np.all(np.diff(levels) > 0)
    mantissa = levels / 10.0 ** np.floor(np.log10(levels) + 1e-12)
    assert np.all(np.min(np.abs(mantissa[:, None] - np.array([1.0, 2.0, 5.0])), axis=1) < 1e-9)


def test_docstring_examples_run():
    import doctest

    from estimation import contours

    result = doctest.testmod(contours)
    assert result.attempted > 0 and result.failed == 0
