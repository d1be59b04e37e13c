"""Tests for estimation.standardization: scikit-learn's StandardScaler and sums written out as oracles."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn.preprocessing import StandardScaler

from estimation.standardization import standardization


def test_matches_sklearn_standard_scaler():
    rng = np.random.default_rng(3)
    X = rng.normal([5.0, -2.0, 0.0], [3.0, 0.01, 1e4], size=(500, 3))
    X = np.column_stack([X, np.full(500, 7.5)])  # a constant column: both keep scale 1
    scaler = StandardScaler().fit(X)
    mean, scale = standardization(X)
    # both are the same two-pass sums in a different order: agreement to a few ulps of each column's size
    np.testing.assert_allclose(mean, scaler.mean_, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(scale, scaler.scale_, rtol=1e-12)
    assert scale[3] == 1.0 and mean[3] == 7.5
    np.testing.assert_allclose((X - mean) / scale, scaler.transform(X), rtol=1e-12, atol=1e-12)


@settings(max_examples=100, deadline=None)
@given(arrays(np.float64, st.tuples(st.integers(1, 12), st.integers(1, 4)),
              elements=st.floats(-1e3, 1e3, allow_nan=False)))
def test_matches_the_population_formula_written_out(X):
    mean, scale = standardization(X)
    n = X.shape[0]
    for j in range(X.shape[1]):
        column = [float(v) for v in X[:, j]]
        m = math.fsum(column) / n
        s = math.sqrt(math.fsum((v - m) ** 2 for v in column) / n)  # ddof = 0
        assert mean[j] == pytest.approx(m, rel=1e-12, abs=1e-9)  # abs: a mean that cancels to ~0
        if scale[j] == 1.0 and s < 1e-9:
            continue  # a constant column (or one constant up to rounding) keeps scale 1
        assert scale[j] == pytest.approx(s, rel=1e-9, abs=1e-9)  # rel: numpy's sum is pairwise, not exact


def test_identity_when_not_standardising():
    mean, scale = standardization([[1.0, 2.0], [3.0, 9.0]], standardize=False)
    np.testing.assert_array_equal(mean, [0.0, 0.0])
    np.testing.assert_array_equal(scale, [1.0, 1.0])


@pytest.mark.parametrize("X", [[1.0, 2.0], [[1.0, np.nan]], [[1.0, np.inf]], [["a"]], np.zeros((3, 0))])
def test_invalid_input(X):
    with pytest.raises(ValueError, match="X"):
        standardization(X)
